"""RFQs: requests for quotation, quote threads with revisions, counters and messages, acceptance."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask


def _requirement_label(rfq, code: str) -> str:
    from flask import g

    from marketplace.catalog import queries
    from marketplace.catalog.schema import in_language

    category = queries.categories_by_id().get(rfq.category_id)
    attr = queries.schema_of(category).by_code.get(code) if category else None
    return in_language(attr.labels, g.get("lang", "en")) if attr else code


def _requirement_text(rfq, code: str, wish) -> str:
    from flask import g
    from flask_babel import gettext as _

    from marketplace.catalog import queries
    from marketplace.catalog.schema import display_value

    category = queries.categories_by_id().get(rfq.category_id)
    attr = queries.schema_of(category).by_code.get(code) if category else None
    if attr is None:
        return str(wish)
    if isinstance(wish, dict):
        unit = f" {attr.unit}" if attr.unit else ""
        low, high = wish.get("min"), wish.get("max")
        if low and high:
            return _("%(min)s to %(max)s", min=low, max=high) + unit
        if low:
            return _("at least %(value)s", value=low) + unit
        return _("at most %(value)s", value=high) + unit
    return display_value(attr, wish, g.get("lang", "en"))


def _state_label(enum_name: str):
    def label(value: str):
        from marketplace.rfq import states

        try:
            return getattr(states, enum_name)(value).label
        except ValueError:
            return value

    return label


def init_app(app: Flask) -> None:
    from marketplace.core import outbox
    from marketplace.rfq import api, queries, services, views  # noqa: F401 - routes

    app.register_blueprint(views.bp)
    app.jinja_env.globals.update(
        requirement_label=_requirement_label,
        requirement_text=_requirement_text,
        rfq_state_label=_state_label("RfqState"),
        quote_state_label=_state_label("QuoteState"),
        next_steps={side.value: steps for side, steps in queries.NEXT_STEP.items()},
    )

    @outbox.periodic("rfq.expire_quotes", timedelta(minutes=5))
    def _expire():
        services.expire_quotes()

    @outbox.periodic("rfq.warn_expiring_quotes", timedelta(minutes=15))
    def _warn():
        services.warn_expiring()
