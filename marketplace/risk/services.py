"""Risk screening: rules run when an RFQ is sent, an order placed, a shipment or replenishment
booking created, and when a seller records or changes the licence or consignee. A finding becomes a
flag (audited, admins notified) that holds its flow until an admin clears it:

* an RFQ is not sent to sellers (its quote threads are created on clearance);
* an order does not move on (no manual move but cancel/dispute, no payment-driven move — the money
  is recorded and the order catches up on clearance), and no shipment is created for it;
* a shipment is not declared and does not depart (nor is it moved on while its order is held);
* a replenishment booking does not depart.

Services flush, never commit."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from marketplace.accounts.models import Company, User
from marketplace.core import audit, uploads
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.risk import matching, rules
from marketplace.risk.models import DeniedParty, RfqHold, RiskCountry, RiskFlag, TradeDetails
from marketplace.risk.states import BLOCKING, CountryLevel, FlagState, Rule, Subject, flag_workflow

NOTIFICATION = (
    rules.N_("Compliance flag on %(reference)s"),
    rules.N_("A screening rule flagged %(reference)s. It is held until an administrator decides."),
)


def subject_of(obj) -> Subject:
    table = getattr(obj, "__tablename__", "")
    mapping = {
        "rfqs": Subject.RFQ,
        "orders": Subject.ORDER,
        "shipments": Subject.SHIPMENT,
        "replenishment_bookings": Subject.BOOKING,
    }
    if table not in mapping:
        raise TypeError(f"not a screened object: {obj!r}")
    return mapping[table]


def load_subject(subject: Subject, subject_id: int):
    from marketplace.orders.models import Order
    from marketplace.rfq.models import Rfq
    from marketplace.shipments.models import Shipment
    from marketplace.warehouses.models import ReplenishmentBooking

    model = {
        Subject.RFQ: Rfq,
        Subject.ORDER: Order,
        Subject.SHIPMENT: Shipment,
        Subject.BOOKING: ReplenishmentBooking,
    }[Subject(subject)]
    return db.session.get(model, subject_id)


def reference_of(obj) -> str:
    return getattr(obj, "number", None) or getattr(obj, "title", None) or f"#{obj.id}"


def _party_id(obj) -> int | None:
    return obj.buyer_id if subject_of(obj) == Subject.RFQ else obj.seller_id


# -- flags -------------------------------------------------------------------------------------------


def flags_of(obj, *, blocking_only: bool = False) -> list[RiskFlag]:
    query = sa.select(RiskFlag).where(RiskFlag.subject_type == subject_of(obj), RiskFlag.subject_id == obj.id)
    if blocking_only:
        query = query.where(RiskFlag.state.in_(BLOCKING))
    return list(db.session.scalars(query.order_by(RiskFlag.id)))


def is_held(obj) -> bool:
    """Whether an open or upheld flag holds `obj` (a shipment is also held by its order's flags)."""
    if obj is None or obj.id is None:
        return False
    if flags_of(obj, blocking_only=True):
        return True
    return subject_of(obj) == Subject.SHIPMENT and is_held(obj.order)


def needs_licence(obj) -> bool:
    """Whether an open or upheld controlled-goods flag asks for a licence (shown to the seller)."""
    if obj is None or obj.id is None:
        return False
    return any(f.rule == Rule.CONTROLLED_GOODS for f in flags_of(obj, blocking_only=True))


def require_clear(obj) -> None:
    """Refuse (409 "compliance_hold") while a flag holds `obj`."""
    if is_held(obj):
        raise Conflict(
            _l(
                "%(reference)s is held for compliance review. It can continue once the platform "
                "has completed its checks.",
                reference=reference_of(obj),
            ),
            code="compliance_hold",
        )


def _raise(obj, finding: rules.Finding, actor) -> RiskFlag | None:
    subject = subject_of(obj)
    existing = db.session.scalar(
        sa.select(RiskFlag.id).where(
            RiskFlag.subject_type == subject,
            RiskFlag.subject_id == obj.id,
            RiskFlag.rule == finding.rule,
            RiskFlag.key == finding.key,
        )
    )
    if existing is not None:  # the same finding was raised (and perhaps decided) already
        return None
    flag = RiskFlag(
        subject_type=subject,
        subject_id=obj.id,
        company_id=_party_id(obj),
        rule=finding.rule,
        key=finding.key,
        evidence={
            "message": finding.message,
            "params": finding.params,
            "reference": reference_of(obj),
            **finding.evidence,
        },
    )
    initial = FlagState.UPHELD if finding.blocked else FlagState.OPEN
    flag_workflow.start(flag, initial, reason="embargo" if finding.blocked else None)
    audit.record(
        "risk.flagged",
        actor=actor,
        subject=flag,
        company_id=flag.company_id,
        rule=finding.rule.value,
        on=f"{subject.value}:{obj.id}",
        state=initial.value,
    )
    _notify_admins(flag)
    return flag


def _notify_admins(flag: RiskFlag) -> None:
    from marketplace.notifications import services as notifications

    admins = db.session.scalars(
        sa.select(User).where(User.is_admin.is_(True), User.active.is_(True)).order_by(User.id)
    )
    notifications.notify(
        admins,
        "risk_flag_raised",
        endpoint="risk.flag",
        endpoint_args={"flag_id": flag.id},
        reference=flag.evidence.get("reference", ""),
    )


def _apply(obj, findings: list[rules.Finding], actor) -> list[RiskFlag]:
    return [f for f in (_raise(obj, finding, actor) for finding in findings) if f is not None]


# -- screening ----------------------------------------------------------------------------------------


def _company_names(company_id: int, role: str) -> list[tuple[str, str]]:
    company = db.session.get(Company, company_id)
    if company is None:
        return []
    names = {company.legal_name, company.legal_name_latin}
    return [(role, n) for n in sorted(n for n in names if n)]


def details_of(obj) -> TradeDetails | None:
    return db.session.scalar(
        sa.select(TradeDetails).where(
            TradeDetails.subject_type == subject_of(obj), TradeDetails.subject_id == obj.id
        )
    )


def _order_lines(order) -> list[rules.Line]:
    from marketplace.catalog.models import Listing

    rfq_category = None
    if order.rfq_id is not None:
        from marketplace.rfq.models import Rfq

        rfq_category = db.session.scalar(sa.select(Rfq.category_id).where(Rfq.id == order.rfq_id))
    out = []
    for line in order.lines:
        category = rfq_category
        if line.listing_id is not None:
            category = db.session.scalar(sa.select(Listing.category_id).where(Listing.id == line.listing_id))
        out.append(
            rules.Line(
                line.listing_id, category, line.description, line.unit.value, line.unit_price, order.currency
            )
        )
    return out


def order_consignee(order) -> dict[str, str]:
    """The order's consignee and destination country: as recorded, else the buyer and destination."""
    details = details_of(order)
    buyer = db.session.get(Company, order.buyer_id)
    return {
        "consignee": (details.consignee_name if details and details.consignee_name else "")
        or (buyer.legal_name_latin or buyer.legal_name),
        "country": (details.consignee_country if details and details.consignee_country else "")
        or order.destination_country,
    }


def screen_rfq(rfq, actor, seller_ids: list[int]) -> bool:
    """Screen a new RFQ (destination, buyer name). If held, remember the sellers it goes to once
    cleared and return True; the caller then does not send it."""
    findings = rules.destination(rfq.destination_country)
    findings += rules.denied_parties(_company_names(rfq.buyer_id, "buyer"))
    _apply(rfq, findings, actor)
    if not is_held(rfq):
        return False
    db.session.add(RfqHold(rfq_id=rfq.id, seller_ids=list(seller_ids)))
    db.session.flush()
    return True


def screen_order(order, actor) -> list[RiskFlag]:
    """Screen a placed order: controlled goods, destination, buyer and consignee names, prices."""
    details = details_of(order)
    lines = _order_lines(order)
    findings = rules.controlled_goods(lines, details.licence_number if details else "")
    findings += rules.destination(order_consignee(order)["country"])
    names = _company_names(order.buyer_id, "buyer")
    if details and details.consignee_name:
        names.append(("consignee", details.consignee_name))
    findings += rules.denied_parties(names)
    findings += rules.price_outliers(
        lines, exclude_order_id=order.id, exclude_revision_id=order.quote_revision_id
    )
    return _apply(order, findings, actor)


def screen_shipment(shipment, actor) -> list[RiskFlag]:
    """Screen a shipment: its goods against the licence recorded on it or its order, its consignee,
    and a consignee or destination differing from the order's."""
    order = shipment.order
    details, order_details = details_of(shipment), details_of(order)
    licence = (details.licence_number if details else "") or (
        order_details.licence_number if order_details else ""
    )
    order_lines = {line.id: line for line in order.lines}
    lines = [
        rules.Line(
            order_lines[s.order_line_id].listing_id, None, order_lines[s.order_line_id].description, ""
        )
        for s in shipment.lines
        if s.order_line_id in order_lines
    ]
    findings = rules.controlled_goods(lines, licence)
    reference = order_consignee(order)
    if details is not None:
        findings += rules.denied_parties([("consignee", details.consignee_name)])
        findings += rules.destination(details.consignee_country)
        findings += rules.route_change(
            reference,
            {"consignee": details.consignee_name, "country": details.consignee_country},
            against="order",
        )
    return _apply(shipment, findings, actor)


def screen_booking(booking, actor) -> list[RiskFlag]:
    """Screen a replenishment booking: goods vs licence, the warehouse's country and operator."""
    details = details_of(booking)
    lines = [rules.Line(line.listing_id, None, line.description, line.unit.value) for line in booking.lines]
    findings = rules.controlled_goods(lines, details.licence_number if details else "")
    findings += rules.destination(booking.warehouse_country)
    findings += rules.denied_parties([("consignee", booking.warehouse_operator)])
    return _apply(booking, findings, actor)


def screen(obj, actor) -> list[RiskFlag]:
    subject = subject_of(obj)
    if subject == Subject.ORDER:
        return screen_order(obj, actor)
    if subject == Subject.SHIPMENT:
        return screen_shipment(obj, actor)
    if subject == Subject.BOOKING:
        return screen_booking(obj, actor)
    raise TypeError(subject)


# -- licence and consignee recorded by the seller -----------------------------------------------------


@dataclass
class DetailsData:
    licence_number: str = ""
    licence_issuer: str = ""
    consignee_name: str = ""
    consignee_country: str = ""


def _country_codes() -> set[str]:
    from marketplace.core.i18n import country_choices

    return {code for code, _name in country_choices()}


def may_record_details(user, obj) -> bool:
    from marketplace.accounts.services import membership

    if getattr(user, "is_admin", False):
        return True
    return membership(user, obj.seller_id) is not None


def _clean_details(data: DetailsData) -> dict[str, str]:
    errors: dict[str, list[str]] = {}
    out = {
        "licence_number": " ".join(str(data.licence_number or "").split()),
        "licence_issuer": " ".join(str(data.licence_issuer or "").split()),
        "consignee_name": " ".join(str(data.consignee_name or "").split()),
        "consignee_country": str(data.consignee_country or "").strip().upper(),
    }
    for name, limit in (("licence_number", 64), ("licence_issuer", 200), ("consignee_name", 300)):
        if len(out[name]) > limit:
            errors[name] = [str(_l("At most %(n)d characters.", n=limit))]
    if out["consignee_country"] and out["consignee_country"] not in _country_codes():
        errors["consignee_country"] = [str(_l("Choose a country."))]
    if out["licence_issuer"] and not out["licence_number"]:
        errors["licence_number"] = [str(_l("Enter the licence number."))]
    if errors:
        raise ValidationFailed(errors)
    return out


def record_details(actor, obj, data: DetailsData, licence_file: FileStorage | None = None) -> TradeDetails:
    """Record the export licence and/or the consignee of an order, shipment or booking (its seller or
    an admin), then screen it again: a new consignee is screened, and on an order a change of
    consignee or destination after it was placed raises a flag. Open flags are not cleared by this —
    an admin checks the licence and clears them."""
    if not may_record_details(actor, obj):
        raise NotFound()
    values = _clean_details(data)
    stored = None
    if licence_file is not None and licence_file.filename:
        if not values["licence_number"]:
            raise ValidationFailed({"licence_number": [str(_l("Enter the licence number."))]})
        stored = uploads.store(
            licence_file,
            allowed=uploads.DOCUMENT_TYPES | uploads.IMAGE_TYPES,
            max_bytes=uploads.max_document_bytes(),
            field="licence_file",
        )
    subject = subject_of(obj)
    details = details_of(obj)
    before = order_consignee(obj) if subject == Subject.ORDER else None
    if details is None:
        details = TradeDetails(subject_type=subject, subject_id=obj.id)
        db.session.add(details)
    changed = {k: v for k, v in values.items() if getattr(details, k) != v}
    for k, v in values.items():
        setattr(details, k, v)
    if stored is not None:
        for k, v in stored.columns().items():
            setattr(details, k, v)
        changed["licence_file"] = stored.original_name
    details.updated_by_id = actor.id
    details.updated_at = utcnow()
    db.session.flush()
    audit.record(
        "risk.details_recorded",
        actor=actor,
        subject=details,
        company_id=obj.seller_id,
        on=f"{subject.value}:{obj.id}",
        changed=changed or None,
    )
    if subject == Subject.ORDER:
        after = {"consignee": values["consignee_name"], "country": values["consignee_country"]}
        _apply(obj, rules.route_change(before, after, against="confirmed"), actor)
    screen(obj, actor)
    return details


# -- decisions -----------------------------------------------------------------------------------------


def _require_admin(user) -> None:
    if not getattr(user, "is_admin", False):
        raise PermissionDenied()


def flag_for(user, flag_id: Any) -> RiskFlag:
    _require_admin(user)
    try:
        flag = db.session.get(RiskFlag, int(flag_id))
    except (TypeError, ValueError):
        flag = None
    if flag is None:
        raise NotFound()
    return flag


def decide(actor, flag: RiskFlag, decision: str, reason: str) -> RiskFlag:
    """Clear (the flow continues once no other flag holds it) or uphold (it stays blocked) a flag,
    with a reason. Clearing an upheld flag is an override. Each decision is audited; clearing the
    last flag of an RFQ sends it to its sellers, of an order lets its payments move it on."""
    _require_admin(actor)
    reason = " ".join((reason or "").split())[:1000]
    errors: dict[str, list[str]] = {}
    targets = {"clear": FlagState.CLEARED, "uphold": FlagState.UPHELD}
    if decision not in targets:
        errors["decision"] = [str(_l("Not a valid choice."))]
    if not reason:
        errors["reason"] = [str(_l("Say why."))]
    if errors:
        raise ValidationFailed(errors)
    previous = flag.state
    target = targets[decision]
    flag_workflow.transition(flag, target, actor=actor, reason=reason)
    flag.decided_by_id = actor.id
    flag.decided_at = utcnow()
    flag.decision_reason = reason
    db.session.flush()
    action = "risk.overridden" if previous == FlagState.UPHELD else f"risk.{target.value}"
    audit.record(
        action, actor=actor, subject=flag, company_id=flag.company_id, rule=flag.rule.value, reason=reason
    )
    if target == FlagState.CLEARED:
        _release(actor, flag)
    return flag


def _release(actor, flag: RiskFlag) -> None:
    obj = load_subject(flag.subject_type, flag.subject_id)
    if obj is None or is_held(obj):
        return
    if flag.subject_type == Subject.RFQ:
        from marketplace.rfq import services as rfq_services

        hold = db.session.get(RfqHold, obj.id)
        if hold is not None and hold.released_at is None:
            rfq_services.send_to_sellers(obj, hold.seller_ids, actor)
            hold.released_at = utcnow()
            db.session.flush()
    elif flag.subject_type == Subject.ORDER:
        from marketplace.payments import services as payments

        payments.reconcile(obj, actor)


# -- destination list ---------------------------------------------------------------------------------


def set_country(actor, country: str, level: str, note: str = "") -> RiskCountry:
    _require_admin(actor)
    code = (country or "").strip().upper()
    errors: dict[str, list[str]] = {}
    if code not in _country_codes():
        errors["country"] = [str(_l("Choose a country."))]
    try:
        lvl = CountryLevel(level)
    except ValueError:
        errors["level"] = [str(_l("Not a valid choice."))]
    note = " ".join((note or "").split())
    if len(note) > 300:
        errors["note"] = [str(_l("At most %(n)d characters.", n=300))]
    if errors:
        raise ValidationFailed(errors)
    row = db.session.scalar(sa.select(RiskCountry).where(RiskCountry.country == code))
    before = row.level.value if row is not None else None
    if row is None:
        row = RiskCountry(country=code, level=lvl)
        db.session.add(row)
    row.level, row.note, row.updated_by_id, row.updated_at = lvl, note, actor.id, utcnow()
    db.session.flush()
    audit.record(
        "risk.country_set", actor=actor, subject=row, country=code, level=lvl.value, before=before, note=note
    )
    return row


def remove_country(actor, country: str) -> None:
    _require_admin(actor)
    code = (country or "").strip().upper()
    row = db.session.scalar(sa.select(RiskCountry).where(RiskCountry.country == code))
    if row is None:
        raise NotFound()
    audit.record("risk.country_removed", actor=actor, subject=row, country=code, level=row.level.value)
    db.session.delete(row)
    db.session.flush()


# -- the denied-party list ----------------------------------------------------------------------------

CSV_REQUIRED = ("id", "name")
CSV_MAX_BYTES = 50 * 1024 * 1024


def _split(value: str) -> list[str]:
    return [p.strip() for p in (value or "").split(";") if p.strip()]


def load_denied_parties(data: bytes, actor=None) -> int:
    """Replace the denied-party list with a CSV in the OpenSanctions "targets.simple.csv" format
    (columns id, schema, name, aliases, countries, sanctions, dataset, …; aliases separated by ";").
    All or nothing: a file that is not UTF-8 CSV with the id and name columns, or has a row without
    id or name or a duplicate id, changes nothing and every problem is reported by line."""
    if not data:
        raise ValidationFailed({"file": [str(_l("The file is empty."))]})
    if len(data) > CSV_MAX_BYTES:
        raise ValidationFailed({"file": [str(_l("The file is larger than %(mb)s MB.", mb=50))]})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed({"file": [str(_l("The file must be UTF-8 text (CSV)."))]})
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        raise ValidationFailed(
            {"file": [str(_l("Missing columns: %(columns)s.", columns=", ".join(missing)))]}
        )
    reader.fieldnames = header
    problems: list[str] = []
    entries: dict[str, DeniedParty] = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                problems.append(str(_l("Line %(line)d: too many columns.", line=line)))
                continue
            source_id, name = (row.get("id") or "").strip(), (row.get("name") or "").strip()
            if not source_id or not name:
                problems.append(str(_l("Line %(line)d: the id and the name are required.", line=line)))
                continue
            if source_id in entries:
                problems.append(
                    str(_l("Line %(line)d: the id %(id)s appears twice.", line=line, id=source_id))
                )
                continue
            aliases = [a for a in _split(row.get("aliases") or "") if a != name]
            entries[source_id] = DeniedParty(
                source_id=source_id[:200],
                schema=(row.get("schema") or "")[:40],
                name=name[:500],
                aliases=aliases,
                countries=(row.get("countries") or "")[:200],
                sanctions=row.get("sanctions") or "",
                dataset=(row.get("dataset") or "")[:300],
                keys=[matching.name_key(n) for n in [name, *aliases]],
            )
    except csv.Error as exc:
        problems.append(str(_l("The file is not valid CSV: %(error)s", error=str(exc))))
    if not problems and not entries:
        problems.append(str(_l("The file has no entries.")))
    if problems:
        raise ValidationFailed({"file": problems[:50]})
    db.session.execute(sa.delete(DeniedParty))
    db.session.add_all(entries.values())
    db.session.flush()
    audit.record("risk.denied_parties_loaded", actor=actor, entries=len(entries))
    return len(entries)
