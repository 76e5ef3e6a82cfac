"""Declarations: submission with outbox jobs, receipts driving the workflow, resubmission, cancel,
the receipt callback, and delivery to a platform over HTTP."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask, request
from lxml import etree
from werkzeug.serving import make_server

from customs.customs_factories import booking_input, chemical_line, declaration_input
from marketplace.core.errors import Conflict, ValidationFailed
from marketplace.core.outbox import JobStatus, OutboxJob, Worker
from marketplace.core.states import IllegalTransition
from marketplace.customs import messages as m
from marketplace.customs import services
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery, Receipt, SourceKind
from marketplace.customs.routing import Route
from marketplace.customs.states import DECLARATION_WORKFLOW, DeclarationState
from marketplace.extensions import db

S = DeclarationState


def submit(inp=None, source_id=1, kind=SourceKind.SHIPMENT):
    return services.submit(inp or declaration_input(), kind, source_id)


def list_message(decl, revision=None):
    return next(x for x in decl.messages if x.kind == "CEB603" and x.revision == (revision or decl.revision))


_clock = iter(range(10**6))


def receipt(decl, status, info="ok", kind="CEB604", message=None, time=None, invt_no=None):
    message = message or list_message(decl)
    return services.apply_receipt(
        kind=kind,
        head_guid=message.head_guid,
        return_status=status,
        return_time=time or f"20261126{next(_clock):09d}",
        return_info=info,
        invt_no=invt_no,
    )


def test_submit_stores_three_signed_valid_messages_and_queues_them(ctx):
    decl = submit()
    db.session.commit()
    assert decl.state == S.SUBMITTED and decl.route == Route.LIST
    assert [x.kind for x in decl.messages] == ["CEB303", "CEB505", "CEB603"]
    for message in decl.messages:
        root = etree.fromstring(message.xml.encode())
        assert m.validate(root) == []
        assert services.signer().verify(root)
        assert message.app_type == "1" and message.delivery == Delivery.PENDING
    keys = set(db.session.scalars(sa.select(OutboxJob.idempotency_key)))
    assert keys == {f"customs.send:{x.guid}" for x in decl.messages}
    assert m.check_consistency(*(etree.fromstring(x.xml.encode()) for x in decl.messages)) == []
    with pytest.raises(Conflict):
        submit()


def test_full_route_prepares_the_broker_handoff(ctx):
    inp = declaration_input(lines=(chemical_line(price=Decimal("200")),))  # 8,000 CNY
    decl = submit(inp)
    assert decl.route == Route.FULL and decl.state == S.BROKER and decl.messages == []
    assert decl.handoff["attached_documents"] == [{"code": "10000004", "number": inp.reference}]
    assert decl.route_data["over_limit"] is True and decl.route_data["cny_value"] == "8000.00"
    assert not services.may_depart(decl)
    with pytest.raises(ValidationFailed):
        services.record_entry(decl, "123")
    services.record_entry(decl, "070220261000012345")
    assert decl.state == S.ENTERED and services.may_depart(decl)


def test_invalid_input_stores_nothing(ctx):
    with pytest.raises(ValidationFailed):
        submit(declaration_input(net_weight=Decimal("100")))
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Declaration.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(OutboxJob.id))) == 0


def test_receipts_drive_the_state_machine_forward_only(ctx):
    decl = submit()
    assert receipt(decl, "2", "新增申报成功").moved_to == "accepted"
    assert receipt(decl, "120", invt_no="07022026E000000123").moved_to == "entered"
    assert decl.invt_no == "07022026E000000123"
    late = receipt(decl, "2", "late")  # out of order: recorded, no move
    assert late.moved_to is None and decl.state == S.ENTERED
    assert receipt(decl, "300").moved_to == "review"
    assert receipt(decl, "500").moved_to == "inspection"
    assert receipt(decl, "800").moved_to == "released"
    assert services.may_depart(decl)
    assert receipt(decl, "100", "too late").moved_to is None  # a released list is not rejected
    assert receipt(decl, "899").moved_to == "closed"
    assert receipt(decl, "120").moved_to is None and decl.state == S.CLOSED
    history = [c.to_state for c in DECLARATION_WORKFLOW.history(decl)]
    assert history == ["submitted", "accepted", "entered", "review", "inspection", "released", "closed"]


def test_repeated_receipt_is_ignored(ctx):
    decl = submit()
    first = receipt(decl, "2", time="20261126100000000")
    assert first is not None
    assert receipt(decl, "2", time="20261126100000000") is None
    assert db.session.scalar(sa.select(sa.func.count(Receipt.id))) == 1


def test_skipped_receipts_still_reach_release(ctx):
    decl = submit()
    assert receipt(decl, "800").moved_to == "released"


def test_order_receipt_accepts_but_does_not_release(ctx):
    decl = submit()
    order = next(x for x in decl.messages if x.kind == "CEB303")
    assert receipt(decl, "2", kind="CEB304", message=order).moved_to == "accepted"
    assert receipt(decl, "120", kind="CEB304", message=order).moved_to is None


@pytest.mark.parametrize(("status", "state"), [("100", S.REJECTED), ("-301010", S.FAILED)])
def test_rejection_then_correction_and_resubmission(ctx, status, state):
    decl = submit()
    receipt(decl, "2")
    receipt(decl, status, "商品编码与申报要素不符")
    assert decl.state == state and decl.rejection_reason == "商品编码与申报要素不符"
    with pytest.raises(ValidationFailed):
        services.resubmit(decl, declaration_input(reference="OTHER"))
    corrected = declaration_input(lines=(chemical_line(model="片状|纯度99%|25kg袋装|品牌:鄂化"),))
    services.resubmit(decl, corrected)
    assert decl.state == S.SUBMITTED and decl.revision == 2
    new = [x for x in decl.messages if x.revision == 2]
    assert [x.app_type for x in new] == ["2", "2", "2"]
    old_list = list_message(decl, revision=1)
    # A late receipt for the first submission does not move the corrected one.
    assert receipt(decl, "800", message=old_list).moved_to is None
    assert receipt(decl, "800").moved_to == "released"


def test_resubmit_only_after_rejection(ctx):
    decl = submit()
    with pytest.raises(Conflict):
        services.resubmit(decl, declaration_input())


def test_cancel_a_released_list(ctx):
    decl = submit()
    with pytest.raises(Conflict):
        services.cancel(decl, "buyer cancelled")
    receipt(decl, "120", invt_no="07022026E000000123")
    receipt(decl, "800")
    with pytest.raises(ValidationFailed):
        services.cancel(decl, "  ")
    cancel = services.cancel(decl, "买方取消订单")
    assert decl.state == S.CANCEL_REQUESTED and cancel.kind == "CEB605"
    assert m.validate(etree.fromstring(cancel.xml.encode())) == []
    assert receipt(decl, "399", kind="CEB606", message=cancel).moved_to == "cancelled"


def test_refused_cancellation_returns_to_released(ctx):
    decl = submit()
    receipt(decl, "120", invt_no="07022026E000000123")
    receipt(decl, "800")
    cancel = services.cancel(decl, "wrong")
    assert receipt(decl, "100", kind="CEB606", message=cancel).moved_to == "released"


def test_every_transition_of_the_table(ctx):
    allowed = DECLARATION_WORKFLOW.transitions
    assert S.SUBMITTED in allowed[S.REJECTED]
    assert S.ACCEPTED not in allowed[S.ENTERED]  # never backwards
    assert not allowed[S.CANCELLED] and not allowed[S.CLOSED]
    decl = submit()
    with pytest.raises(IllegalTransition):
        DECLARATION_WORKFLOW.transition(decl, S.CANCELLED)


def test_9810_booking(ctx):
    decl = submit(booking_input(), kind=SourceKind.BOOKING, source_id=7)
    assert decl.mode == "9810" and decl.route == Route.LIST  # 600 USD at 7.1 = 4,260 CNY
    order = etree.fromstring(decl.messages[0].xml.encode())
    assert order.findtext("ceb:Order/ceb:OrderHead/ceb:orderType", namespaces=m.NSMAP) == "W"


# -- callback ----------------------------------------------------------------------------------------
def receipt_xml(head_guid, status, time="20261126100000000", info="ok"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ceb:CEB604Message guid="{m.new_guid()}" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
<ceb:InventoryReturn><ceb:guid>{head_guid}</ceb:guid><ceb:agentCode>1506980001</ceb:agentCode>
<ceb:copNo>9710ORD</ceb:copNo><ceb:preNo>B20261126000000001</ceb:preNo><ceb:invtNo>07022026E000000123</ceb:invtNo>
<ceb:ebcCode>91150600MA0SELLER1</ceb:ebcCode><ceb:ebpCode>1506960001</ceb:ebpCode><ceb:orderNo>ORD</ceb:orderNo>
<ceb:statisticsFlag>B</ceb:statisticsFlag><ceb:returnStatus>{status}</ceb:returnStatus>
<ceb:returnTime>{time}</ceb:returnTime><ceb:returnInfo>{info}</ceb:returnInfo></ceb:InventoryReturn>
</ceb:CEB604Message>""".encode()


def test_receipt_callback(app, client):
    with app.app_context():
        decl = submit()
        head_guid = list_message(decl).head_guid
        db.session.commit()
        decl_id = decl.id
    body = receipt_xml(head_guid, "120")
    assert m.validate(etree.fromstring(body)) == []
    denied = client.post("/api/v1/customs/receipts", data=body, headers={"X-Customs-Secret": "nope"})
    assert denied.status_code == 401
    bad = client.post(
        "/api/v1/customs/receipts", data=b"<not xml", headers={"X-Customs-Secret": "callback-secret"}
    )
    assert bad.status_code == 422 and bad.json["error"]["code"] == "validation_failed"
    ok = client.post("/api/v1/customs/receipts", data=body, headers={"X-Customs-Secret": "callback-secret"})
    assert ok.status_code == 200 and ok.json == {"applied": 1}
    again = client.post(
        "/api/v1/customs/receipts", data=body, headers={"X-Customs-Secret": "callback-secret"}
    )
    assert again.json == {"applied": 0}
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        assert decl.state == S.ENTERED and decl.invt_no == "07022026E000000123"
        assert decl.pre_no == "B20261126000000001"


# -- transport -----------------------------------------------------------------------------------------
class Platform:
    """A minimal platform double over real HTTP: answers from a script of status codes."""

    def __init__(self):
        self.app = Flask("platform-double")
        self.received: list[tuple[str, str]] = []
        self.script: list[int] = []
        self.receipts: dict[str, bytes] = {}

        @self.app.post("/messages")
        def messages():
            code = self.script.pop(0) if self.script else 200
            if code == 200:
                self.received.append((request.headers["Idempotency-Key"], request.headers["X-Message-Type"]))
            return ("ok" if code == 200 else "error"), code

        @self.app.get("/receipts/<guid>")
        def receipts(guid):
            return self.receipts.get(guid, b""), 200

        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def platform(app):
    double = Platform()
    old = app.config["SERVICE_PLATFORM_URL"]
    app.config["SERVICE_PLATFORM_URL"] = double.url
    yield double
    app.config["SERVICE_PLATFORM_URL"] = old
    double.server.shutdown()


def test_worker_delivers_each_message_once_with_retries(app, platform):
    platform.script = [503, 200, 200, 500, 200]
    with app.app_context():
        decl = submit()
        db.session.commit()
        worker = Worker()
        for _ in range(5):
            worker.drain()
        messages = db.session.scalars(sa.select(DeclarationMessage)).all()
        assert all(x.delivery == Delivery.DELIVERED for x in messages)
        assert sorted(k for k, _ in platform.received) == sorted(x.guid for x in messages)
        assert all(j.status == JobStatus.DONE for j in db.session.scalars(sa.select(OutboxJob)))
        # A job run again (at-least-once delivery) never re-sends a delivered new message.
        from marketplace.customs import transport

        transport.send(messages[0].id)
        assert len(platform.received) == 3
        assert decl.id


def test_refused_message_becomes_a_technical_error(app, platform):
    platform.script = [400]
    with app.app_context():
        decl = submit()
        db.session.commit()
        Worker().drain()
        db.session.expire_all()
        decl = db.session.get(Declaration, decl.id)
        assert decl.state == S.FAILED
        assert decl.messages[0].delivery == Delivery.REFUSED


def test_dead_letter_after_max_attempts(app, platform):
    platform.script = [500] * 100
    with app.app_context():
        submit()
        db.session.commit()
        for job in db.session.scalars(sa.select(OutboxJob)):
            job.max_attempts = 2
        db.session.commit()
        worker = Worker()
        worker.drain()
        worker.drain()
        assert {j.status for j in db.session.scalars(sa.select(OutboxJob))} == {JobStatus.DEAD}


def test_polling_fallback_applies_missed_receipts(app, platform):
    from marketplace.customs import transport

    with app.app_context():
        decl = submit()
        db.session.commit()
        Worker().drain()
        head_guid = list_message(decl).head_guid
        platform.receipts[head_guid] = receipt_xml(head_guid, "800", time="20261126100000001")
        assert transport.poll_receipts() == 1
        assert transport.poll_receipts() == 0
        db.session.commit()
        assert db.session.get(Declaration, decl.id).state == S.RELEASED
        assert db.session.scalar(sa.select(sa.func.count(Receipt.id))) == 1
