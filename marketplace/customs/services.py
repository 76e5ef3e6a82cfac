"""Declaration operations. They flush, never commit: the request, CLI command or worker job that
calls them commits once, so messages, state changes and outbox jobs land together or not at all."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from lxml import etree
from sqlalchemy.exc import IntegrityError

from marketplace.core import outbox
from marketplace.core.errors import Conflict, NotFound, UserError, ValidationFailed
from marketplace.customs import messages as m
from marketplace.customs.inputs import DeclarationInput, from_json, to_json
from marketplace.customs.models import (
    Declaration,
    DeclarationMessage,
    Delivery,
    Receipt,
    SignatureStatus,
    SourceKind,
)
from marketplace.customs.routing import Route, broker_handoff, choose_route
from marketplace.customs.signals import declaration_moved
from marketplace.customs.signing import RsaSigner, Signer
from marketplace.customs.states import (
    CANCELLABLE,
    DECLARATION_WORKFLOW,
    RANK,
    DeclarationState,
    target_for,
)
from marketplace.extensions import db

S = DeclarationState
SEND_JOB = "customs.send"


class SigningUnavailable(UserError):
    status = 503
    code = "customs_signing_unavailable"
    default_message = _l("Declarations cannot be signed right now: no signing certificate is configured.")


def signer() -> Signer:
    """The configured signer (a software RSA signer from CUSTOMS_SIGNING_KEY / _CERT by default)."""
    found = current_app.extensions.get("customs_signer")
    if found is None:
        key, cert = (
            current_app.config.get("CUSTOMS_SIGNING_KEY"),
            current_app.config.get("CUSTOMS_SIGNING_CERT"),
        )
        if not key or not cert:
            raise SigningUnavailable()
        found = RsaSigner.from_files(key, cert, current_app.config.get("CUSTOMS_SIGNING_KEY_PASSWORD"))
        current_app.extensions["customs_signer"] = found
    return found


def _store(decl: Declaration, built: m.Built, app_type: str) -> DeclarationMessage:
    """Validate against the XSD, sign (appStatus 2), validate again, and store. A message the schema
    refuses raises ValidationFailed naming the field, and nothing is stored."""
    m.assert_valid(built)
    sign = signer()
    signed = sign.sign(built.root)
    if not sign.verify(signed):
        raise SigningUnavailable()
    errors = m.validate(signed)
    if errors:
        raise ValidationFailed({e.field: [e.message] for e in errors})
    message = DeclarationMessage(
        declaration=decl,
        kind=built.kind,
        guid=built.guid,
        head_guid=built.head_guids[0],
        app_type=app_type,
        revision=decl.revision,
        xml=etree.tostring(signed, encoding="unicode"),
        valid=True,
        validation_errors=[],
        signature=SignatureStatus.SIGNED,
        delivery=Delivery.PENDING,
    )
    db.session.add(message)
    db.session.flush()
    outbox.enqueue(SEND_JOB, {"message_id": message.id}, key=f"{SEND_JOB}:{message.guid}")
    return message


def build_set(inp: DeclarationInput, *, app_type: str = "1", now: datetime | None = None) -> list[m.Built]:
    """Order (or booking), waybill and list for one source, checked for consistency."""
    transfer = m.Transfer.from_config(current_app.config)
    built = [
        m.build_order([(inp, m.Head(m.new_guid(), app_type, "2", now))], transfer),
        m.build_waybill([(inp, m.Head(m.new_guid(), app_type, "2", now))], transfer),
        m.build_list([(inp, m.Head(m.new_guid(), app_type, "2", now))], transfer),
    ]
    problems = m.check_consistency(*(b.root for b in built))
    if problems:
        raise ValidationFailed({p.field: [p.message] for p in problems})
    return built


def submit(
    inp: DeclarationInput, source_kind: SourceKind, source_id: int, *, actor=None, now=None
) -> Declaration:
    """Create the declaration of a shipment or booking. On the list route the three messages are
    built, validated, signed, stored and queued for sending; on the full route the broker hand-off is
    prepared. One declaration per source."""
    existing = db.session.scalar(
        sa.select(Declaration).where(
            Declaration.source_kind == source_kind, Declaration.source_id == source_id
        )
    )
    if existing is not None:
        raise Conflict(_l("This shipment or booking already has a declaration."))
    m.check_input(inp)
    decision = choose_route(inp)
    decl = Declaration(
        source_kind=source_kind,
        source_id=source_id,
        mode=inp.mode,
        route=decision.route,
        order_no=inp.reference,
        waybill_no=inp.waybill_no,
        cop_no=m.cop_no(inp),
        seller_code=inp.seller_code,
        input_data=to_json(inp),
        route_data=decision.as_dict(),
        revision=1,
    )
    db.session.add(decl)
    if decision.route == Route.FULL:
        m._codes(inp)  # the broker needs the same codes: a gap is an error now, not at the broker
        decl.handoff = broker_handoff(inp)
        DECLARATION_WORKFLOW.start(decl, S.BROKER, actor=actor)
        return decl
    built = build_set(inp, now=now)
    DECLARATION_WORKFLOW.start(decl, S.SUBMITTED, actor=actor)
    for item in built:
        _store(decl, item, "1")
    return decl


def record_entry(decl: Declaration, entry_no: str, *, actor=None) -> None:
    """The broker entered the full declaration: record its 18-digit entry number."""
    entry_no = (entry_no or "").strip()
    if len(entry_no) != 18 or not entry_no.isdigit():
        raise ValidationFailed({"entry_no": [_l("The entry number has 18 digits.")]})
    DECLARATION_WORKFLOW.transition(decl, S.ENTERED, actor=actor, reason=entry_no)
    decl.entry_no = entry_no
    db.session.flush()
    declaration_moved.send(decl)


def resubmit(decl: Declaration, corrected: DeclarationInput, *, actor=None, now=None) -> Declaration:
    """After a rejection or technical error: the corrected set goes again as a change (appType 2),
    with new guids and the same order, waybill and list numbers."""
    if decl.state not in (S.REJECTED, S.FAILED):
        raise Conflict(_l("Only a rejected declaration can be corrected and resubmitted."))
    if (corrected.reference, corrected.waybill_no, corrected.mode) != (
        decl.order_no,
        decl.waybill_no,
        decl.mode,
    ):
        raise ValidationFailed(
            {"reference": [_l("A correction keeps the order or booking number, waybill and mode.")]}
        )
    decision = choose_route(corrected)
    if decision.route != Route.LIST:
        raise ValidationFailed({"route": [_l("The corrected goods need a full customs declaration.")]})
    built = build_set(corrected, app_type="2", now=now)
    decl.revision += 1
    decl.input_data = to_json(corrected)
    decl.route_data = decision.as_dict()
    decl.rejection_reason = None
    DECLARATION_WORKFLOW.transition(decl, S.SUBMITTED, actor=actor, reason="resubmitted")
    for item in built:
        _store(decl, item, "2")
    return decl


def cancel(decl: Declaration, reason: str, *, actor=None, now=None) -> DeclarationMessage:
    """Cancel a list customs has numbered (CEB605 with the reason)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": [_l("Give the reason for the cancellation.")]})
    if decl.route != Route.LIST or decl.state not in CANCELLABLE or not decl.invt_no:
        raise Conflict(_l("Only a list entered by customs can be cancelled."))
    inp = from_json(decl.input_data)
    built = m.build_cancel(
        inp,
        m.Head(m.new_guid(), "1", "2", now),
        m.Transfer.from_config(current_app.config),
        invt_no=decl.invt_no,
        pre_no=decl.pre_no,
        reason=reason,
    )
    message = _store(decl, built, "1")
    decl.cancel_reason = reason
    DECLARATION_WORKFLOW.transition(decl, S.CANCEL_REQUESTED, actor=actor, reason=reason)
    return message


def may_depart(decl: Declaration) -> bool:
    """A direct shipment departs only once its list is released or its full declaration entered."""
    if decl.route == Route.FULL:
        return decl.entry_no is not None
    return decl.state in (S.RELEASED, S.CLOSED)


# -- receipts ------------------------------------------------------------------------------------------
RETURN_ELEMENTS = {
    "CEB304Message": ("CEB304", "OrderReturn"),
    "CEB506Message": ("CEB506", "LogisticsReturn"),
    "CEB604Message": ("CEB604", "InventoryReturn"),
    "CEB606Message": ("CEB606", "InvtCancelReturn"),
}


def parse_receipts(xml: bytes | str) -> list[dict]:
    """The returns carried by a CEB304/506/604/606 message."""
    try:
        root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    except etree.XMLSyntaxError:
        raise ValidationFailed(message=_l("The receipt is not well-formed XML."))
    local = etree.QName(root).localname
    if local not in RETURN_ELEMENTS:
        raise ValidationFailed(message=_l("This is not a customs receipt message."))
    kind, element = RETURN_ELEMENTS[local]
    found = []
    for ret in root.iterfind(f"ceb:{element}", m.NSMAP):
        values = {name: m._text(ret, name) for name in ("guid", "returnStatus", "returnTime", "returnInfo")}
        if not all(values.values()):
            raise ValidationFailed(
                message=_l("The receipt lacks guid, returnStatus, returnTime or returnInfo.")
            )
        found.append(
            {
                "kind": kind,
                "head_guid": values["guid"],
                "return_status": values["returnStatus"].strip(),
                "return_time": values["returnTime"],
                "return_info": values["returnInfo"],
                "pre_no": m._text(ret, "preNo"),
                "invt_no": m._text(ret, "invtNo"),
            }
        )
    return found


def apply_receipts(receipts: list[dict]) -> int:
    """Apply a batch of receipts (a callback, a poll) in one transaction; return how many were new.
    The declarations they concern are locked first, all at once and in primary-key order, so two
    batches touching the same declarations in different orders wait for each other instead of
    deadlocking."""
    guids = sorted({r["head_guid"] for r in receipts})
    owners = (
        dict(
            db.session.execute(
                sa.select(DeclarationMessage.head_guid, DeclarationMessage.declaration_id).where(
                    DeclarationMessage.head_guid.in_(guids)
                )
            ).all()
        )
        if guids
        else {}
    )
    ids = sorted(set(owners.values()))
    if ids:
        if db.session.get_bind().dialect.name == "sqlite":
            db.session.execute(
                sa.update(Declaration).where(Declaration.id.in_(ids)).values(id=Declaration.id)
            )
        else:
            db.session.execute(
                sa.select(Declaration.id)
                .where(Declaration.id.in_(ids))
                .order_by(Declaration.id)
                .with_for_update()
            )
    ordered = sorted(enumerate(receipts), key=lambda item: (owners.get(item[1]["head_guid"], 0), item[0]))
    return sum(1 for _n, receipt in ordered if apply_receipt(**receipt) is not None)


def apply_receipt(
    *, kind, head_guid, return_status, return_time, return_info, pre_no=None, invt_no=None
) -> Receipt | None:
    """Record a receipt and move the declaration forward if it says so. A repeated receipt is ignored
    (None); an out-of-order one is recorded but never moves the declaration backwards."""
    message = db.session.scalar(
        sa.select(DeclarationMessage).where(DeclarationMessage.head_guid == head_guid)
    )
    if message is None:
        raise NotFound(_l("No declaration message has this guid."))
    duplicate = db.session.scalar(
        sa.select(Receipt.id).where(
            Receipt.head_guid == head_guid,
            Receipt.return_status == return_status,
            Receipt.return_time == return_time,
        )
    )
    if duplicate is not None:
        return None
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite ignores FOR UPDATE and reads outside the write transaction: a no-op write first takes
        # the database's write lock, so the state read below is the latest. (Without it, two callbacks
        # at once moved a released declaration back to "accepted".)
        db.session.execute(
            sa.update(Declaration).where(Declaration.id == message.declaration_id).values(id=Declaration.id)
        )
    # Lock the declaration (PostgreSQL) and read its current state, so two receipts applied at once
    # (callback and polling) cannot both move it from the same stale state.
    decl = db.session.scalars(
        sa.select(Declaration)
        .where(Declaration.id == message.declaration_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    receipt = Receipt(
        declaration_id=decl.id,
        message_id=message.id,
        kind=kind,
        head_guid=head_guid,
        return_status=return_status,
        return_time=return_time,
        return_info=return_info,
        pre_no=pre_no,
        invt_no=invt_no,
    )
    try:
        # The callback and the polling fallback may bring the same receipt at once: the unique
        # constraint decides, inside a savepoint so the loser's transaction goes on.
        with db.session.begin_nested():
            db.session.add(receipt)
            db.session.flush()
    except IntegrityError:
        return None
    if pre_no:
        decl.pre_no = decl.pre_no or pre_no
    if invt_no:
        decl.invt_no = decl.invt_no or invt_no
    if message.revision == decl.revision:
        receipt.moved_to = _move(decl, message, receipt)
    db.session.flush()
    if receipt.moved_to:
        declaration_moved.send(decl)
    return receipt


def _move(decl: Declaration, message: DeclarationMessage, receipt: Receipt) -> str | None:
    current = DeclarationState(decl.state)
    if message.kind == "CEB605":
        if current != S.CANCEL_REQUESTED:
            return None
        if receipt.return_status == "399":
            target = S.CANCELLED
        elif receipt.return_status == "100" or receipt.return_status.startswith("-"):
            target = S.RELEASED if decl.invt_no and _was_released(decl) else S.ENTERED
        else:
            return None
        DECLARATION_WORKFLOW.transition(decl, target, reason=receipt.return_info)
        return target.value
    target = target_for(receipt.return_status)
    if target is None:
        return None
    if target in (S.REJECTED, S.FAILED):
        if current in RANK and current not in (S.RELEASED, S.CLOSED):
            decl.rejection_reason = receipt.return_info
            DECLARATION_WORKFLOW.transition(decl, target, reason=receipt.return_info)
            return target.value
        return None
    # Progress beyond "accepted" comes from the list's receipts only.
    if target != S.ACCEPTED and message.kind != "CEB603":
        return None
    if current not in RANK or RANK[target] <= RANK[current]:
        return None
    DECLARATION_WORKFLOW.transition(decl, target, reason=receipt.return_info)
    return target.value


def _was_released(decl: Declaration) -> bool:
    found = db.session.scalar(
        sa.select(Receipt.id).where(
            Receipt.declaration_id == decl.id, Receipt.return_status.in_(("800", "899"))
        )
    )
    return found is not None


def get(declaration_id: int) -> Declaration:
    decl = db.session.get(Declaration, declaration_id)
    if decl is None:
        raise NotFound()
    return decl
