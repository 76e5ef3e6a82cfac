"""The seller's side of customs: declaring a shipment (list and broker routes) or a booking, every
refusal changing nothing, departure gated on release, receipts releasing the shipment, rejection →
correction → resubmission, cancelling a list, permissions, and the pages and API."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import factories
import pytest
import sqlalchemy as sa
from factories import PASSWORD
from shipment_world import fx_rates, list_message, ready_order, receipt, shipment_data
from support import csrf_from

from marketplace.accounts.models import CompanyIdentifier
from marketplace.catalog.models import Listing, ListingVersion
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.outbox import OutboxJob
from marketplace.core.states import IllegalTransition, StateChange
from marketplace.customs.models import Declaration, DeclarationMessage
from marketplace.customs.routing import Route
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db
from marketplace.notifications.models import Notification
from marketplace.orders.states import OrderState
from marketplace.risk import services as risk
from marketplace.shipments import declare, queries, services
from marketplace.shipments.states import ShipmentState
from marketplace.warehouses import services as warehouses
from marketplace.warehouses.states import BookingState

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "warehouses"))
from stock_world import booking_data, world

DS, SS = DeclarationState, ShipmentState


def _small(quantity="0.5", **overrides):
    """A shipment worth 505 USD = 3,585.50 CNY: the simplified list route."""
    fx_rates()
    buyer, _bc, seller, seller_company, order = ready_order("100")
    shipment = services.create_shipment(seller, order, shipment_data(order, quantity, **overrides))
    return buyer, seller, seller_company, order, shipment


def _nothing_changed(shipment):
    db.session.expire_all()
    assert shipment.state == SS.CREATED and shipment.destination_port is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Declaration)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeclarationMessage)) == 0
    assert not db.session.scalars(sa.select(OutboxJob).where(OutboxJob.kind == "customs.send")).all()


def test_declare_on_the_list_route_submits_and_moves_the_shipment(ctx):
    _buyer, seller, _sc, _order, shipment = _small()
    decl = declare.declare_shipment(seller, shipment, " 1240 ")
    assert shipment.destination_port == "1240" and shipment.state == SS.DECLARED
    assert decl.route == Route.LIST and decl.state == DS.SUBMITTED and decl.order_no == shipment.number
    assert decl.seller_code == "1506960352" or len(decl.seller_code) in (10, 18)
    assert decl.route_data["cny_value"] == "3585.50" and decl.route_data["over_limit"] is False
    assert [m.kind for m in decl.messages] == ["CEB303", "CEB505", "CEB603"]
    jobs = db.session.scalars(sa.select(OutboxJob).where(OutboxJob.kind == "customs.send")).all()
    assert len(jobs) == 3
    assert [e.state for e in queries.timeline(shipment)] == [SS.CREATED, SS.DECLARED]
    assert "<ceb:POD>1240</ceb:POD>" in list_message(decl).xml
    with pytest.raises(Conflict):  # once
        declare.declare_shipment(seller, shipment, "1240")


@pytest.mark.parametrize("port", ["", "12", "12345", "UB-1", None])
def test_a_bad_port_is_refused_and_nothing_changes(ctx, port):
    _b, seller, _sc, _o, shipment = _small()
    with pytest.raises(ValidationFailed) as exc:
        declare.declare_shipment(seller, shipment, port)
    assert list(exc.value.errors) == ["destination_port"]
    _nothing_changed(shipment)


def test_builder_errors_are_given_field_by_field_and_nothing_changes(ctx, app):
    _b, seller, seller_company, order, shipment = _small()
    # The listing's HS code is not one customs takes.
    version = db.session.get(
        ListingVersion, db.session.get(Listing, order.lines[0].listing_id).live_version_id
    )
    good_hs, version.hs_code = version.hs_code, "28151"
    db.session.flush()
    with pytest.raises(ValidationFailed) as exc:
        declare.declare_shipment(seller, shipment, "1240")
    assert "lines.1.hs_code" in exc.value.errors
    with app.test_request_context("/en/"):
        from marketplace.shipments.declare_views import error_list

        shown = error_list(exc.value)
    assert shown == [("Line 1: HS code", "HS code 28151 must have 6 or 10 digits.")]
    _nothing_changed(shipment)
    version.hs_code = good_hs
    # No customs registration code and no USCC on the seller: customs would refuse the empty ebcCode.
    db.session.execute(sa.delete(CompanyIdentifier).where(CompanyIdentifier.company_id == seller_company.id))
    db.session.expire_all()
    with pytest.raises(ValidationFailed) as exc:
        declare.declare_shipment(seller, shipment, "1240")
    assert "seller_code" in exc.value.errors
    _nothing_changed(shipment)


def test_a_currency_without_a_rate_or_code_is_refused(ctx):
    _b, seller, _sc, order, shipment = _small()
    order.currency = "CHF"  # no CHF -> CNY rate recorded
    db.session.flush()
    with pytest.raises(ValidationFailed) as exc:
        declare.declare_shipment(seller, shipment, "1240")
    assert "cny_rate" in exc.value.errors
    _nothing_changed(shipment)


def test_who_may_declare(ctx):
    buyer, seller, _sc, _order, shipment = _small()
    with pytest.raises(PermissionDenied):
        declare.declare_shipment(buyer, shipment, "1240")
    other = factories.make_user("other-seller@example.cn")
    factories.make_company(other)
    with pytest.raises(NotFound):
        declare.declare_shipment(other, shipment, "1240")
    _nothing_changed(shipment)
    assert declare.panel(buyer, shipment)["can_declare"] is False
    assert declare.panel(seller, shipment)["can_declare"] is True
    admin = factories.make_user("admin-declare@example.com", admin=True)
    declare.declare_shipment(admin, shipment, "1240")
    assert shipment.state == SS.DECLARED


def test_release_moves_the_shipment_and_departure_waits_for_it(ctx):
    buyer, seller, _sc, order, shipment = _small()
    with pytest.raises(PermissionDenied):
        services.move(seller, shipment, SS.DECLARED)  # only by declaring
    decl = declare.declare_shipment(seller, shipment, "1240")
    with pytest.raises(PermissionDenied):
        services.move(seller, shipment, SS.RELEASED)  # only customs releases
    with pytest.raises(IllegalTransition):
        services.move(seller, shipment, SS.DEPARTED)
    for status in ("2", "120"):
        receipt(decl, status, invt_no="070220260000001234")
        assert shipment.state == SS.DECLARED
    with pytest.raises(Conflict):  # customs holds the list: no cancelling the shipment behind its back
        services.move(seller, shipment, SS.CANCELLED, reason="changed my mind")
    receipt(decl, "800")
    assert decl.state == DS.RELEASED and shipment.state == SS.RELEASED
    change = db.session.scalars(
        sa.select(StateChange).where(
            StateChange.subject_type == "shipments.state",
            StateChange.subject_id == shipment.id,
            StateChange.to_state == "released",
        )
    ).one()
    assert change.actor_id is None and change.subject_type == "shipments.state"
    assert [e.state for e in queries.timeline(shipment)][-1] == SS.RELEASED
    kinds = [n.kind for n in db.session.query(Notification).filter_by(user_id=buyer.id)]
    assert "shipment_released" in kinds
    # A repeated 800 changes nothing.
    receipt(decl, "800")
    assert len([e for e in queries.timeline(shipment) if e.state == SS.RELEASED]) == 1
    # While a cancellation is pending the goods do not leave; refused by customs (100), they may.
    declare.cancel_declaration(seller, shipment, "Buyer asked to wait")
    assert decl.state == DS.CANCEL_REQUESTED
    with pytest.raises(Conflict):
        services.move(seller, shipment, SS.DEPARTED)
    receipt(decl, "100", info="goods already loaded", kind="CEB606", message=list_message(decl, "CEB605"))
    assert decl.state == DS.RELEASED
    services.move(seller, shipment, SS.DEPARTED)
    assert order.state == OrderState.PARTIALLY_SHIPPED


def test_rejection_correction_and_resubmission(ctx):
    _buyer, seller, _sc, _order, shipment = _small()
    decl = declare.declare_shipment(seller, shipment, "1240")
    receipt(decl, "2")
    receipt(decl, "100", info="毛重与运单不符 gross weight differs from the waybill")
    assert decl.state == DS.REJECTED and "gross weight" in decl.rejection_reason
    assert shipment.state == SS.DECLARED
    seller_kinds = [n.kind for n in db.session.query(Notification).filter_by(user_id=seller.id)]
    assert "declaration_rejected" in seller_kinds
    panel = declare.panel(seller, shipment)
    assert panel["can_resubmit"] and not panel["can_cancel"]
    # A bad correction is refused field by field and changes nothing.
    with pytest.raises(ValidationFailed) as exc:
        declare.resubmit_shipment(
            seller, shipment, declare.Correction(gross_weight_kg="900", net_weight_kg="950", packages="0")
        )
    assert set(exc.value.errors) == {"net_weight_kg", "packages"}
    db.session.expire_all()
    assert shipment.gross_weight_kg == Decimal("1250.5") and decl.revision == 1 and decl.state == DS.REJECTED
    declare.resubmit_shipment(
        seller,
        shipment,
        declare.Correction(gross_weight_kg="1262.000", packages="13", destination_port="ULN"),
    )
    assert decl.state == DS.SUBMITTED and decl.revision == 2 and decl.rejection_reason is None
    assert shipment.gross_weight_kg == Decimal("1262") and shipment.packages == 13
    assert shipment.destination_port == "ULN"
    resent = [m for m in decl.messages if m.revision == 2]
    assert [m.kind for m in resent] == ["CEB303", "CEB505", "CEB603"] and {m.app_type for m in resent} == {
        "2"
    }
    assert "<ceb:grossWeight>1262</ceb:grossWeight>" in list_message(decl).xml
    with pytest.raises(Conflict):  # not rejected any more
        declare.resubmit_shipment(seller, shipment, declare.Correction())
    receipt(decl, "800")
    assert shipment.state == SS.RELEASED


def test_cancelling_the_list_cancels_the_shipment(ctx):
    _buyer, seller, _sc, order, shipment = _small()
    decl = declare.declare_shipment(seller, shipment, "1240")
    with pytest.raises(Conflict):  # not numbered by customs yet
        declare.cancel_declaration(seller, shipment, "Wrong goods")
    receipt(decl, "120", invt_no="070220260000009999")
    with pytest.raises(ValidationFailed):
        declare.cancel_declaration(seller, shipment, "  ")
    assert decl.state == DS.ENTERED
    declare.cancel_declaration(seller, shipment, "Wrong goods loaded")
    cancel = list_message(decl, "CEB605")
    assert "Wrong goods loaded" in cancel.xml and decl.state == DS.CANCEL_REQUESTED
    receipt(decl, "399", info="撤单成功", kind="CEB606", message=cancel)
    assert decl.state == DS.CANCELLED and shipment.state == SS.CANCELLED
    assert services.remaining(order)[order.lines[0].id] == Decimal("100")
    assert queries.timeline(shipment)[-1].note == "Wrong goods loaded"


def test_a_list_cannot_be_cancelled_once_the_goods_have_left(ctx):
    _buyer, seller, _sc, _order, shipment = _small()
    decl = declare.declare_shipment(seller, shipment, "1240")
    receipt(decl, "800", invt_no="070220260000009998")
    assert declare.panel(seller, shipment)["can_cancel"]
    services.move(seller, shipment, SS.DEPARTED)
    assert not declare.panel(seller, shipment)["can_cancel"]
    with pytest.raises(Conflict):
        declare.cancel_declaration(seller, shipment, "Too late")
    assert decl.state == DS.RELEASED and shipment.state == SS.DEPARTED


def test_broker_route_with_the_entry_number(ctx):
    fx_rates()
    buyer, _bc, seller, _sc, order = ready_order("100")
    shipment = services.create_shipment(seller, order, shipment_data(order, "60"))  # 430,260 CNY
    decl = declare.declare_shipment(seller, shipment, "1240")
    assert decl.route == Route.FULL and decl.state == DS.BROKER and shipment.state == SS.DECLARED
    assert decl.messages == [] and decl.handoff["attached_documents"][0]["number"] == shipment.number
    assert declare.panel(seller, shipment)["can_record_entry"]
    assert not declare.panel(buyer, shipment)["can_record_entry"]
    with pytest.raises(Conflict):  # no list to cancel on this route
        declare.cancel_declaration(seller, shipment, "no list to cancel")
    with pytest.raises(PermissionDenied):
        declare.record_entry(buyer, shipment, "070220261000012345")
    with pytest.raises(ValidationFailed) as exc:
        declare.record_entry(seller, shipment, "07022026")
    assert "entry_no" in exc.value.errors and decl.state == DS.BROKER and shipment.state == SS.DECLARED
    declare.record_entry(seller, shipment, "070220261000012345")
    assert decl.entry_no == "070220261000012345" and shipment.state == SS.RELEASED
    with pytest.raises(Conflict):
        declare.record_entry(seller, shipment, "070220261000012346")
    services.move(seller, shipment, SS.DEPARTED)
    assert order.state == OrderState.PARTIALLY_SHIPPED


def test_a_booking_is_declared_and_departs_only_once_released(ctx):
    fx_rates()
    w = world()
    booking = warehouses.create_booking(w["s1"], w["c1"], booking_data(w["moscow"], [(w["l1"], 2)]))
    outsider = factories.make_user("outsider@example.cn")
    with pytest.raises(NotFound):
        declare.declare_booking(outsider, booking, "1240")
    with pytest.raises(ValidationFailed):
        declare.declare_booking(w["s1"], booking, "")
    assert declare.declaration_of(booking) is None and booking.destination_port is None
    decl = declare.declare_booking(w["s1"], booking, "MOW")
    assert decl.mode == "9810" and booking.destination_port == "MOW"
    if decl.route == Route.LIST:
        assert not warehouses.declaration_allows_departure(booking)
        with pytest.raises(Conflict):
            warehouses.mark_departed(w["s1"], booking)
        assert booking.state == BookingState.BOOKED
        receipt(decl, "800")
    else:
        declare.record_entry(w["s1"], booking, "070220261000099999")
    warehouses.mark_departed(w["s1"], booking)
    assert booking.state == BookingState.DEPARTED
    with pytest.raises(Conflict):  # departed: no new declaration
        declare.declare_booking(w["s1"], booking, "MOW")


# -- pages and API --------------------------------------------------------------------------------


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
def small_world(seed):
    def build():
        buyer, seller, _sc, _order, shipment = _small()
        buyer.email, seller.email = "db@example.mn", "ds@example.cn"
        factories.make_company(factories.make_user("dother@example.ru"))
        return shipment.id

    return seed(build)


def test_pages_declare_with_errors_in_the_sellers_language(client, small_world, app):
    shipment_id = small_world
    _login(client, "ds@example.cn", "zh")
    page = client.get(f"/zh/shipments/{shipment_id}")
    token = csrf_from(page.get_data(as_text=True))
    assert 'id="declare-form"' in page.get_data(as_text=True)
    bad = client.post(
        f"/zh/shipments/{shipment_id}/declare", data={"csrf_token": token, "destination_port": "1"}
    )
    assert bad.status_code == 422
    text = bad.get_data(as_text=True)
    assert 'id="declaration-errors"' in text and "Enter the port of discharge" not in text
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Declaration)) == 0
    r = client.post(
        f"/zh/shipments/{shipment_id}/declare", data={"csrf_token": token, "destination_port": "1240"}
    )
    assert r.status_code == 302
    page = client.get(f"/en/shipments/{shipment_id}")
    text = page.get_data(as_text=True)
    assert "Declared to customs" in text and "Simplified declaration list (CEB603)" in text
    assert "Within the list limit, with no licence or inspection." in text
    # The buyer sees the status but cannot act; the other company sees nothing.
    _login(client, "db@example.mn", "mn")
    text = client.get(f"/mn/shipments/{shipment_id}").get_data(as_text=True)
    assert 'id="declaration-state"' in text and 'id="declare-form"' not in text
    api = _token(client, "db@example.mn")
    data = client.get(f"/api/v1/shipments/{shipment_id}/declaration", headers=api).get_json()
    assert data["declared"] and data["state"] == "submitted" and data["actions"] == []
    r = client.post(f"/api/v1/shipments/{shipment_id}/declaration/cancel", json={"reason": "no"}, headers=api)
    assert r.status_code == 403
    other = _token(client, "dother@example.ru")
    assert client.get(f"/api/v1/shipments/{shipment_id}/declaration", headers=other).status_code == 404


def test_api_declare_errors_release_and_depart(client, small_world, app):
    shipment_id = small_world
    api = _token(client, "ds@example.cn")
    url = f"/api/v1/shipments/{shipment_id}/declaration"
    assert client.get(url, headers=api).get_json() == {
        "declared": False,
        "destination_port": None,
        "actions": ["declare"],
    }
    buyer = _token(client, "db@example.mn")
    assert client.post(url, json={"destination_port": "1240"}, headers=buyer).status_code == 403
    r = client.post(url, json={"destination_port": "??"}, headers=api)
    assert r.status_code == 422 and "destination_port" in r.get_json()["error"]["fields"]
    r = client.post(url, json={"destination_port": "1240"}, headers=api)
    assert r.status_code == 201, r.get_json()
    data = r.get_json()
    assert data["state"] == "submitted" and data["route"] == "list" and data["may_depart"] is False
    assert data["route_data"]["cny_value"] == "3585.50"
    r = client.post(f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "released"}, headers=api)
    assert r.status_code == 403
    r = client.post(f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "departed"}, headers=api)
    assert r.status_code == 409
    with app.app_context():
        decl = db.session.scalars(sa.select(Declaration)).one()
        receipt(decl, "800", invt_no="070220260000000777")
        db.session.commit()
    data = client.get(url, headers=api).get_json()
    assert data["state"] == "released" and data["invt_no"] == "070220260000000777" and data["may_depart"]
    assert [r["return_status"] for r in data["receipts"]] == ["800"] and data["actions"] == ["cancel"]
    shipment = client.get(f"/api/v1/shipments/{shipment_id}", headers=buyer).get_json()
    assert [e["state"] for e in shipment["timeline"]] == ["created", "declared", "released"]
    r = client.post(f"/api/v1/shipments/{shipment_id}/transitions", json={"state": "departed"}, headers=api)
    assert r.status_code == 200 and r.get_json()["state"] == "departed"


def test_booking_declaration_api_and_operator_view(client, seed, app):
    def build():
        fx_rates()
        w = world()
        booking = warehouses.create_booking(w["s1"], w["c1"], booking_data(w["moscow"], [(w["l1"], 2)]))
        return booking.id

    booking_id = seed(build)
    url = f"/api/v1/bookings/{booking_id}/declaration"
    seller, other = _token(client, "s1@example.cn"), _token(client, "s2@example.cn")
    operator = _token(client, "op@moscow.example")
    assert client.post(url, json={"destination_port": "MOW"}, headers=other).status_code == 404
    assert client.post(url, json={"destination_port": "MOW"}, headers=operator).status_code == 403
    r = client.post(url, json={"destination_port": "M"}, headers=seller)
    assert r.status_code == 422 and set(r.get_json()["error"]["fields"]) == {"destination_port"}
    r = client.post(url, json={"destination_port": "MOW"}, headers=seller)
    assert r.status_code == 201 and r.get_json()["mode"] == "9810" and r.get_json()["state"] == "submitted"
    r = client.post(f"/api/v1/bookings/{booking_id}/depart", headers=seller)
    assert r.status_code == 409
    data = client.get(url, headers=operator).get_json()
    assert data["state"] == "submitted" and data["handoff"] is None and data["actions"] == []
    with app.app_context():
        decl = db.session.scalars(sa.select(Declaration)).one()
        receipt(decl, "100", info="申报要素不全")
        db.session.commit()
    data = client.get(url, headers=seller).get_json()
    assert data["state"] == "rejected" and data["rejection_reason"] == "申报要素不全"
    assert data["actions"] == ["resubmit"]
    r = client.post(f"{url}/resubmit", json={"destination_port": "LED"}, headers=seller)
    assert (
        r.status_code == 200 and r.get_json()["revision"] == 2 and r.get_json()["destination_port"] == "LED"
    )
    with app.app_context():
        decl = db.session.scalars(sa.select(Declaration)).one()
        receipt(decl, "800", invt_no="070220260000005555")
        db.session.commit()
    r = client.post(f"{url}/cancel", json={"reason": ""}, headers=seller)
    assert r.status_code == 422  # a reason is needed
    assert client.post(f"/api/v1/bookings/{booking_id}/depart", headers=seller).status_code == 200
    r = client.post(f"{url}/cancel", json={"reason": "Wrong goods"}, headers=seller)
    assert r.status_code == 409  # the goods have left: no cancelling their list


@pytest.mark.parametrize(
    "attributes, flag",
    [
        ({"cas_numbers": "108-88-3"}, "needs_licence"),  # toluene: a category 3 precursor
        ({"un_number": "UN1294"}, "needs_inspection"),  # dangerous goods: packaging inspected
    ],
)
def test_controlled_or_dangerous_goods_take_the_full_declaration_even_when_small(ctx, attributes, flag):
    fx_rates()
    _buyer, _bc, seller, _sc, order = ready_order("100")
    listing = db.session.get(Listing, order.lines[0].listing_id)
    version = db.session.get(ListingVersion, listing.live_version_id)
    version.attributes = {**version.attributes, **attributes}
    db.session.flush()
    shipment = services.create_shipment(seller, order, shipment_data(order, "0.5"))  # 3,585.50 CNY
    admin = factories.make_user(admin=True)
    for held in risk.flags_of(shipment):  # controlled goods are held until compliance clears them
        risk.decide(admin, held, "clear", "Licence checked.")
    decl = declare.declare_shipment(seller, shipment, "1240")
    assert decl.route == Route.FULL and decl.state == DS.BROKER
    assert decl.route_data["over_limit"] is False and decl.route_data[flag] is True
    other = "needs_inspection" if flag == "needs_licence" else "needs_licence"
    assert decl.route_data[other] is False


def test_ordinary_goods_stay_on_the_list(ctx):
    _buyer, seller, _sc, _order, shipment = _small()
    decl = declare.declare_shipment(seller, shipment, "1240")
    assert decl.route == Route.LIST
    assert (decl.route_data["needs_licence"], decl.route_data["needs_inspection"]) == (False, False)
