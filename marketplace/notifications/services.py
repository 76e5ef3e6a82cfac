"""Notifications: a row per recipient for the in-app list, and an e-mail through the outbox, both in
the recipient's language. Written in the business transaction, so a refused request tells nobody."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from babel.dates import format_datetime as babel_datetime
from flask_babel import force_locale, gettext

from marketplace.accounts.models import Membership, User
from marketplace.core.db import utcnow
from marketplace.core.errors import NotFound
from marketplace.core.i18n import BABEL_LOCALES, LANGUAGES, public_url
from marketplace.core.mail import queue_mail
from marketplace.core.money import Money
from marketplace.extensions import db
from marketplace.notifications.models import Notification


def N_(msgid: str) -> str:
    """Marks a message for extraction (Babel's default keyword); translated when rendered."""
    return msgid


# kind -> (title, body); variables are filled in the reader's language when shown or mailed.
KINDS: dict[str, tuple[str, str]] = {
    "rfq_received": (
        N_("New request for quotation: %(title)s"),
        N_("%(buyer)s asks your company for a quote: %(quantity)s, delivery %(incoterm)s %(place)s."),
    ),
    "quote_received": (
        N_("New quote from %(seller)s"),
        N_("%(seller)s sent a quote for “%(title)s”: %(total)s. Review it and compare it with the others."),
    ),
    "revision_received": (
        N_("Revised quote from %(seller)s"),
        N_("%(seller)s sent revision %(revision)s of its quote for “%(title)s”: %(total)s."),
    ),
    "counter_received": (
        N_("Counter-offer from %(buyer)s"),
        N_("%(buyer)s sent a counter-offer on your quote for “%(title)s”. Answer with a new revision."),
    ),
    "revision_requested": (
        N_("%(buyer)s asks for a revised quote"),
        N_("%(buyer)s asks you to revise your quote for “%(title)s”: %(message)s"),
    ),
    "message_received": (
        N_("New message from %(sender)s"),
        N_("%(sender)s wrote about “%(title)s”: %(message)s"),
    ),
    "quote_declined": (
        N_("%(seller)s will not quote"),
        N_("%(seller)s declined your request “%(title)s”: %(message)s"),
    ),
    "quote_expiring": (
        N_("A quote expires in 24 hours"),
        N_("The quote of %(seller)s for “%(title)s” expires at %(expires_at)s."),
    ),
    "quote_expired": (
        N_("A quote has expired"),
        N_(
            "The quote of %(seller)s for “%(title)s” expired at %(expires_at)s. It can no longer be "
            "accepted unless the seller revives it with a new date."
        ),
    ),
    "quote_accepted": (
        N_("Your quote was accepted: order %(number)s"),
        N_("%(buyer)s accepted your quote for “%(title)s”. Order %(number)s was created with its terms."),
    ),
    "quote_not_selected": (
        N_("Your quote was not selected"),
        N_("%(buyer)s chose another supplier for “%(title)s”. Thank you for your quote."),
    ),
    "order_placed": (
        N_("New order %(number)s from %(buyer)s"),
        N_(
            "%(buyer)s ordered “%(title)s” for %(total)s. The pro-forma invoice has been issued; the order "
            "is “%(order_state)s”."
        ),
    ),
    "payment_settled": (
        N_("Payment received for order %(number)s"),
        N_("%(amount)s (%(reference)s) has been received in full. The order is now “%(order_state)s”."),
    ),
    "order_moved": (
        N_("Order %(number)s: %(order_state)s"),
        N_("%(company)s moved order %(number)s to “%(order_state)s”."),
    ),
    "order_payment_overdue": (
        N_("Order %(number)s cancelled: payment overdue"),
        N_(
            "The first payment for order %(number)s (%(title)s) was not received by its due date. The "
            "order is cancelled and the stock reserved for it in the overseas warehouse is released."
        ),
    ),
    "order_moved_reason": (
        N_("Order %(number)s: %(order_state)s"),
        N_("%(company)s moved order %(number)s to “%(order_state)s”: %(message)s"),
    ),
    "shipment_departed": (
        N_("Order %(number)s: shipment %(reference)s has departed"),
        N_("Shipment %(reference)s of order %(number)s (%(message)s) has left China. Follow its timeline."),
    ),
    "shipment_released": (
        N_("Order %(number)s: shipment %(reference)s released by customs"),
        N_("Customs released shipment %(reference)s of order %(number)s (%(message)s). It can now depart."),
    ),
    "declaration_rejected": (
        N_("Customs rejected the declaration of %(reference)s"),
        N_("Customs rejected the declaration of %(reference)s: %(message)s. Correct it and resubmit."),
    ),
    "shipment_delivered": (
        N_("Order %(number)s: shipment %(reference)s delivered"),
        N_("Shipment %(reference)s (%(message)s) is reported delivered. Confirm the delivery on the order."),
    ),
}


def _state_label(key: str, value: str) -> str | None:
    """The label of a state named in a notification (`order_state`), in the current locale."""
    if key == "order_state":
        from marketplace.orders.states import OrderState

        try:
            return str(OrderState(value).label)
        except ValueError:
            return value
    return None


def money_param(money: Money) -> dict[str, str]:
    """An amount as a notification variable (formatted in each reader's language)."""
    return {"amount": str(money.amount), "currency": money.currency}


def _render_params(params: dict[str, Any], lang: str, tz: str) -> dict[str, Any]:
    out = {}
    for key, value in params.items():
        if key.endswith("_at") and isinstance(value, str):
            try:
                when = datetime.fromisoformat(value)
            except ValueError:
                out[key] = value
                continue
            out[key] = (
                babel_datetime(
                    when, format="medium", tzinfo=ZoneInfo(tz or "Asia/Shanghai"), locale=BABEL_LOCALES[lang]
                )
                + f" ({tz})"
            )
        elif isinstance(value, dict) and {"amount", "currency"} <= value.keys():
            out[key] = Money(Decimal(value["amount"]), value["currency"]).format(BABEL_LOCALES[lang])
        else:
            out[key] = value
    return out


def render(kind: str, params: dict[str, Any], lang: str, tz: str) -> tuple[str, str]:
    """(title, body) of a notification in `lang` (variables in the reader's time zone)."""
    lang = lang if lang in LANGUAGES else "en"
    title, body = KINDS[kind]
    values = _render_params(params, lang, tz)
    with force_locale(lang):
        for key, value in params.items():
            label = _state_label(key, value) if isinstance(value, str) else None
            if label is not None:
                values[key] = label
        return gettext(title, **values), gettext(body, **values)


def company_users(company_id: int) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.company_id == company_id, User.active.is_(True))
            .order_by(User.id)
        )
    )


def notify(
    users: Iterable[User], kind: str, *, endpoint: str, endpoint_args: dict[str, Any], **params: Any
) -> list[Notification]:
    """Tell each user (in-app and by e-mail, in the user's language) about `kind`."""
    if kind not in KINDS:
        raise KeyError(kind)
    rows = []
    for user in users:
        row = Notification(
            user_id=user.id, kind=kind, params=params, endpoint=endpoint, endpoint_args=endpoint_args
        )
        db.session.add(row)
        db.session.flush()
        title, body = render(kind, params, user.language, user.timezone)
        queue_mail(
            user.email,
            "notifications/mail",
            user.language if user.language in LANGUAGES else "en",
            key=f"notification:{row.id}",
            user=user,
            title=title,
            body=body,
            link=public_url(endpoint, lang=user.language, **endpoint_args),
        )
        rows.append(row)
    return rows


def notify_company(company_id: int, kind: str, *, endpoint: str, endpoint_args: dict[str, Any], **params):
    return notify(company_users(company_id), kind, endpoint=endpoint, endpoint_args=endpoint_args, **params)


def for_user(user: User, *, limit: int = 100) -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.id.desc())
            .limit(limit)
        )
    )


def unread_count(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def mark_all_read(user: User) -> int:
    """Mark every notification of `user` read; returns how many changed."""
    query = sa.update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    result = db.session.execute(
        query.values(read_at=utcnow()), execution_options={"synchronize_session": False}
    )
    db.session.info["wrote"] = True
    return result.rowcount


def open_notification(user: User, notification_id: int) -> Notification:
    """The user's notification, now marked read (NotFound for anyone else's)."""
    row = db.session.get(Notification, notification_id)
    if row is None or row.user_id != user.id:
        raise NotFound()
    if row.read_at is None:
        row.read_at = utcnow()
    return row
