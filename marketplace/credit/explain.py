"""What each component of a credit profile means, in the reader's language (pages and API)."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from marketplace.credit import formula

TITLES = {
    "on_time": _l("On-time shipment"),
    "disputes": _l("Disputes"),
    "declarations": _l("Customs declarations"),
    "response": _l("Quote response time"),
    "ratings": _l("Buyer ratings"),
}


def title(key: str) -> str:
    return str(TITLES[key])


def describe(c: formula.Component, f: formula.Figures) -> str:
    """One sentence with the figures behind the component, or why it is not counted."""
    if not c.available:
        return _(
            "Not enough history: %(count)d of the %(minimum)d needed in the last 12 months.",
            count=c.count,
            minimum=c.minimum,
        )
    value = c.value if c.value is not None else Decimal(0)
    if c.key == "on_time":
        return _(
            "%(on_time)d of %(total)d orders shipped within the quoted lead time (%(percent)s).",
            on_time=f.orders_on_time,
            total=f.orders_measured,
            percent=format_percent(value),
        )
    if c.key == "disputes":
        return _(
            "Over %(orders)d orders: %(lost)d disputes decided against the seller, %(settled)d settled, "
            "%(open)d open.",
            orders=f.orders_started,
            lost=f.disputes_lost,
            settled=f.disputes_settled,
            open=f.disputes_open,
        )
    if c.key == "declarations":
        return _(
            "%(rejected)d of %(submitted)d export declarations rejected by customs (%(percent)s).",
            rejected=f.declarations_rejected,
            submitted=f.declarations_submitted,
            percent=format_percent(value),
        )
    if c.key == "response":
        return _(
            "First quote on average %(hours)s hours after the request (%(count)d requests).",
            hours=format_decimal(value),
            count=f.invitations_measured,
        )
    return _(
        "%(count)d ratings; weighted average %(stars)s of 5 stars.",
        count=f.ratings_count,
        stars=format_decimal(value),
    )


def components(profile: formula.Profile) -> list[dict]:
    """Each component with its title, sentence, weight and score (for templates and the API)."""
    return [
        {
            "key": c.key,
            "title": title(c.key),
            "explanation": describe(c, profile.figures),
            "weight": c.weight,
            "available": c.available,
            "count": c.count,
            "minimum": c.minimum,
            "value": None if c.value is None else str(c.value),
            "score": None if c.score is None else str(c.score),
        }
        for c in profile.components
    ]
