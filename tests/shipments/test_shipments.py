"""Direct export shipments: the state table and who may move it, partial shipments never exceeding
the order, the order following departures, tracking events, refusals that change nothing, pages and
API permissions, and the commercial invoice and packing list PDFs."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from itertools import product

import factories
import pytest
from factories import PASSWORD
from shipment_world import declare_and_release, fx_rates, ready_order, shipment_data
from support import csrf_from

from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.states import IllegalTransition
from marketplace.documents import services as documents
from marketplace.documents.states import DocumentKind
from marketplace.extensions import db
from marketplace.notifications.models import Notification
from marketplace.orders import services as orders
from marketplace.orders.states import OrderState
from marketplace.shipments import queries, services
from marketplace.shipments.models import Shipment
from marketplace.shipments.states import MOVES, ShipmentState, shipment_workflow
from marketplace.warehouses import services as warehouses

SS = ShipmentState


class _Row:
    def __init__(self, state):
        self.state = state
        self.id = 1


def test_transition_table(monkeypatch):
    monkeypatch.setattr(shipment_workflow, "_record", lambda *a: None)
    for src, dst in product(SS, SS):
        row = _Row(src)
        if (src, dst) in MOVES:
            shipment_workflow.transition(row, dst)
            assert row.state == dst
        else:
            with pytest.raises(IllegalTransition):
                shipment_workflow.transition(row, dst)
    assert not shipment_workflow.transitions[SS.DELIVERED] and not shipment_workflow.transitions[SS.CANCELLED]


def _walk(actor, shipment, *states):
    for state in states:
        services.move(actor, shipment, state, location="Erenhot")


def test_partial_shipments_move_the_order_and_never_exceed_it(ctx):
    buyer, _bc, seller, _sc, order = ready_order("100")
    line = order.lines[0]
    first = services.create_shipment(seller, order, shipment_data(order, "60"))
    assert first.state == SS.CREATED and first.number.startswith("SHP") and len(first.number) <= 32
    assert services.remaining(order) == {line.id: Decimal("40")}
    # More than is left is refused with the line's error, and nothing is created.
    with pytest.raises(ValidationFailed) as exc:
        services.create_shipment(seller, order, shipment_data(order, "40.5", waybill_number="EOL-2"))
    assert f"line_{line.id}" in exc.value.errors
    # The same carrier's waybill again is refused.
    with pytest.raises(ValidationFailed) as exc:
        services.create_shipment(seller, order, shipment_data(order, "10"))
    assert "waybill_number" in exc.value.errors
    assert db.session.query(Shipment).count() == 1
    # The buyer cannot ship or move a shipment.
    with pytest.raises(PermissionDenied):
        services.create_shipment(buyer, order, shipment_data(order, "1", waybill_number="X1"))
    with pytest.raises(PermissionDenied):
        services.move(buyer, first, SS.DECLARED)
    # Not departed before customs released it; declared and released follow the declaration only.
    with pytest.raises(IllegalTransition):
        services.move(seller, first, SS.DEPARTED)
    with pytest.raises(PermissionDenied):
        services.move(seller, first, SS.DECLARED)
    declare_and_release(seller, first)
    _walk(seller, first, SS.DEPARTED)
    assert order.state == OrderState.PARTIALLY_SHIPPED
    kinds = [n.kind for n in db.session.query(Notification).filter_by(user_id=buyer.id)]
    assert "shipment_departed" in kinds
    second = services.create_shipment(seller, order, shipment_data(order, "40", waybill_number="EOL-2"))
    assert services.remaining(order) == {line.id: Decimal("0")}
    declare_and_release(seller, second)
    _walk(seller, second, SS.DEPARTED)
    assert order.state == OrderState.SHIPPED
    _walk(seller, second, SS.CROSSED_BORDER, SS.DELIVERED)
    timeline = queries.timeline(second)
    assert [e.state for e in timeline] == [
        SS.CREATED,
        SS.DECLARED,
        SS.RELEASED,
        SS.DEPARTED,
        SS.CROSSED_BORDER,
        SS.DELIVERED,
    ]
    assert [h.to_state for h in queries.history(second)][-1] == "delivered"
    # The buyer confirms delivery on the order.
    orders.move(buyer, order, OrderState.DELIVERED)
    assert order.state == OrderState.DELIVERED


def test_cancelled_shipment_gives_its_quantities_back(ctx):
    _b, _bc, seller, _sc, order = ready_order("100")
    shipment = services.create_shipment(seller, order, shipment_data(order))
    with pytest.raises(ValidationFailed):
        services.move(seller, shipment, SS.CANCELLED)  # needs a reason
    services.move(seller, shipment, SS.CANCELLED, reason="Truck broke down")
    assert services.remaining(order)[order.lines[0].id] == Decimal("100")
    services.create_shipment(seller, order, shipment_data(order, waybill_number="EOL-NEW"))


@pytest.mark.parametrize(
    "field,overrides",
    [
        ("net_weight_kg", {"net_weight_kg": "1300"}),
        ("gross_weight_kg", {"gross_weight_kg": "abc"}),
        ("waybill_number", {"waybill_number": "X" * 33}),
        ("carrier_customs_code", {"carrier_customs_code": "12"}),
        ("exit_customs_code", {"exit_customs_code": "07"}),
        ("packages", {"packages": "0"}),
        ("transport_mode", {"transport_mode": "teleport"}),
        ("departure_date", {"departure_date": "tomorrow"}),
        ("lines", {"quantities": {}}),
    ],
)
def test_bad_input_is_refused_with_the_field(ctx, field, overrides):
    _b, _bc, seller, _sc, order = ready_order("100")
    with pytest.raises(ValidationFailed) as exc:
        services.create_shipment(seller, order, shipment_data(order, **overrides))
    assert field in exc.value.errors


def test_order_must_be_ready_and_direct(ctx):
    buyer, company, [(seller, _sc, listing)] = factories.rfq_parties(1)
    order = orders.order_from_listing(
        buyer,
        company,
        orders.ListingOrderData(
            listing_id=listing.id, quantity="100", destination_country="MN", destination_place="UB"
        ),
    )
    with pytest.raises(Conflict):
        services.create_shipment(seller, order, shipment_data(order))


def test_warehouse_operator_tracks_but_cannot_declare_or_see_prices(ctx):
    _b, _bc, seller, seller_company, order = ready_order("100")
    home = warehouses.register_warehouse(
        seller,
        seller_company,
        warehouses.WarehouseData(
            kind="home",
            name="Ordos DC",
            operator_name="Ordos DC Ltd",
            country="CN",
            city="Ordos",
            address="1 Rd",
        ),
    )
    operator = factories.make_user("op@example.cn")
    warehouses.add_operator(seller, home, operator.email)
    shipment = services.create_shipment(seller, order, shipment_data(order, warehouse_id=str(home.id)))
    assert services.moves_for(operator, shipment) == []
    with pytest.raises(PermissionDenied):
        services.move(operator, shipment, SS.DECLARED)
    declare_and_release(seller, shipment)
    services.move(operator, shipment, SS.DEPARTED, at="2026-02-01")
    services.add_event(operator, shipment, location="Zamyn-Üüd", note="Waiting for the Mongolian side")
    services.move(operator, shipment, SS.CROSSED_BORDER)
    assert order.state == OrderState.SHIPPED
    with pytest.raises(NotFound):
        services.document_for(operator, shipment, documents.documents_of_shipment(shipment)[0].id)
    stranger = factories.make_user("stranger@example.cn")
    with pytest.raises(NotFound):
        services.shipment_for(stranger, shipment.id)
    with pytest.raises(ValidationFailed):
        services.add_event(seller, shipment, location="", note="")
    with pytest.raises(ValidationFailed):
        services.add_event(seller, shipment, location="Sainshand", at="2999-01-01")


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_commercial_invoice_and_packing_list(ctx, tmp_path):
    _b, _bc, seller, _sc, order = ready_order("100", buyer_language="ru")
    shipment = services.create_shipment(seller, order, shipment_data(order, "60"))
    invoice, packing = documents.documents_of_shipment(shipment)
    assert invoice.kind == DocumentKind.COMMERCIAL_INVOICE and packing.kind == DocumentKind.PACKING_LIST
    assert invoice.language == "ru" and invoice.number.startswith("CI-") and invoice.number.endswith("-00001")
    second = services.create_shipment(seller, order, shipment_data(order, "40", waybill_number="EOL-2"))
    assert documents.documents_of_shipment(second)[0].number.endswith("-00002")
    text = _text(documents.render_pdf(invoice), tmp_path)
    assert "Коммерческий инвойс" in text and "商业发票" in text
    assert invoice.number in text and shipment.number in text and "EOL-2026-0001" in text
    line = order.lines[0]
    assert "60" in text and str((line.unit_price * 60).quantize(Decimal("0.01"))).split(".")[0][:2] in text
    text = _text(documents.render_pdf(packing), tmp_path)
    assert "Упаковочный лист" in text and "装箱单" in text and "12 × Коробки" in text
    assert "250.5 kg" in text or "250,5 kg" in text


def _login(client, email, lang="en"):
    with client.session_transaction() as session:
        session.clear()
    page = client.get(f"/{lang}/login")
    r = client.post(
        f"/{lang}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert r.status_code == 302


def _token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


@pytest.fixture
def world(seed):
    def build():
        fx_rates()
        buyer, _bc, seller, _sc, order = ready_order("100")
        buyer.email, seller.email = "sb@example.mn", "ss@example.cn"
        factories.make_company(factories.make_user("so@example.ru"))
        factories.make_user("sa@example.com", admin=True)
        return order.id, order.lines[0].id

    return seed(build)


def test_pages_create_move_track_and_download(client, world):
    order_id, line_id = world
    _login(client, "ss@example.cn")
    order_page = client.get(f"/en/orders/{order_id}")
    assert b"Create a shipment" in order_page.data
    page = client.get(f"/en/shipments/new/{order_id}")
    assert page.status_code == 200
    token = csrf_from(page.get_data(as_text=True))
    form = {
        "csrf_token": token,
        f"line_{line_id}": "30",
        "packages": "4",
        "package_type": "carton",
        "gross_weight_kg": "400",
        "net_weight_kg": "500",
        "transport_mode": "rail",
        "carrier_name": "China Railway",
        "carrier_customs_code": "1101980002",
        "waybill_number": "CR-77",
        "exit_customs_code": "0702",
        "departure_date": "2026-02-02",
    }
    bad = client.post(f"/en/shipments/new/{order_id}", data=form)
    assert bad.status_code == 422 and b"The net weight cannot exceed the gross weight." in bad.data
    r = client.post(f"/en/shipments/new/{order_id}", data={**form, "net_weight_kg": "380"})
    assert r.status_code == 302
    shipment_id = int(r.headers["Location"].rstrip("/").split("/")[-1])
    page = client.get(f"/en/shipments/{shipment_id}")
    assert b"Declare to customs" in page.data and "Move to “Declared".encode() not in page.data
    token = csrf_from(page.get_data(as_text=True))
    r = client.post(
        f"/en/shipments/{shipment_id}/declare", data={"csrf_token": token, "destination_port": "1240"}
    )
    assert r.status_code == 302
    # 30 t at 1,010 USD go through a broker: the entry number releases the shipment.
    r = client.post(
        f"/en/shipments/{shipment_id}/declaration/entry",
        data={"csrf_token": token, "entry_no": "070220260000000042"},
    )
    assert r.status_code == 302
    r = client.post(f"/en/shipments/{shipment_id}/move", data={"csrf_token": token, "state": "departed"})
    assert r.status_code == 302
    r = client.post(
        f"/en/shipments/{shipment_id}/events",
        data={"csrf_token": token, "location": "Zamyn-Üüd", "note": ""},
    )
    assert r.status_code == 302
    r = client.post(f"/en/shipments/{shipment_id}/move", data={"csrf_token": token, "state": "delivered"})
    assert r.status_code == 302  # refused with a message: not yet across the border
    # The buyer sees the timeline (in Mongolian) and downloads; a stranger does not see it.
    _login(client, "sb@example.mn", "mn")
    page = client.get(f"/mn/shipments/{shipment_id}")
    assert page.status_code == 200 and "Zamyn-Üüd" in page.get_data(as_text=True)
    assert b"Move to" not in page.data and b'id="event-form"' not in page.data
    api = _token(client, "sb@example.mn")
    data = client.get(f"/api/v1/orders/{order_id}/shipments", headers=api).get_json()
    assert data[0]["state"] == "departed" and data[0]["timeline"][-1]["location"] == "Zamyn-Üüd"
    assert (
        client.post(
            f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "crossed_border"}, headers=api
        ).status_code
        == 403
    )
    _login(client, "so@example.ru")
    assert client.get(f"/en/shipments/{shipment_id}").status_code == 404
    api_other = _token(client, "so@example.ru")
    assert client.get(f"/api/v1/shipments/{shipment_id}", headers=api_other).status_code == 404
    # The seller's API: tracking events, moves, bad input as JSON errors, documents.
    api = _token(client, "ss@example.cn")
    r = client.post(
        f"/api/v1/shipments/{shipment_id}/events",
        json={"location": "Sainshand", "at": "2026-02-03"},
        headers=api,
    )
    assert r.status_code == 201 and r.get_json()["location"] == "Sainshand"
    r = client.post(f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "nowhere"}, headers=api)
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "validation_failed"
    r = client.post(
        f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "crossed_border"}, headers=api
    )
    assert r.status_code == 200 and r.get_json()["moves"] == ["delivered"]
    r = client.post(
        f"/api/v1/orders/{order_id}/shipments",
        json={
            "lines": [{"order_line_id": line_id, "quantity": "80"}],
            "packages": 1,
            "gross_weight_kg": "10",
            "net_weight_kg": "9",
            "carrier_name": "DHL",
            "carrier_customs_code": "1101980003",
            "waybill_number": "DHL1",
            "departure_date": "2026-02-05",
        },
        headers=api,
    )
    assert r.status_code == 422 and f"line_{line_id}" in r.get_json()["error"]["fields"]
    r = client.post(
        f"/api/v1/orders/{order_id}/shipments",
        json={
            "lines": [{"order_line_id": line_id, "quantity": "70"}],
            "packages": 1,
            "package_type": "pallet",
            "transport_mode": "air",
            "gross_weight_kg": "10",
            "net_weight_kg": "9",
            "carrier_name": "DHL",
            "carrier_customs_code": "1101980003",
            "waybill_number": "DHL1",
            "exit_customs_code": "0701",
            "departure_date": "2026-02-05",
        },
        headers=api,
    )
    assert r.status_code == 201, r.get_json()
    with client.application.app_context():
        shipment = db.session.get(Shipment, shipment_id)
        doc_ids = [d.id for d in documents.documents_of_shipment(shipment)]
    for email, status in [
        ("sb@example.mn", 200),
        ("ss@example.cn", 200),
        ("sa@example.com", 200),
        ("so@example.ru", 404),
    ]:
        headers = _token(client, email)
        r = client.get(f"/api/v1/shipments/{shipment_id}/documents/{doc_ids[0]}.pdf", headers=headers)
        assert r.status_code == status, email
        if status == 200:
            assert r.data.startswith(b"%PDF")
    _login(client, "sb@example.mn")
    r = client.get(f"/en/shipments/{shipment_id}/documents/{doc_ids[1]}.pdf")
    assert r.status_code == 200 and r.data.startswith(b"%PDF")
