"""Buying from overseas-warehouse stock: the order reserves the stock in the same transaction, a short
stock is refused with nothing written, and the reservation goes back when the order is cancelled or
its first payment is overdue. On PostgreSQL, concurrent buyers never oversell."""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import factories
import pytest
from factories import PASSWORD
from support import Browserish, csrf_from

from marketplace.core.errors import ValidationFailed
from marketplace.extensions import db
from marketplace.notifications.models import Notification
from marketplace.orders import services
from marketplace.orders.models import Order
from marketplace.orders.states import FulfilmentMode, OrderState
from marketplace.payments import services as payments
from marketplace.payments.states import RequestState
from marketplace.warehouses import ledger
from marketplace.warehouses.models import StockBalance, StockMovement
from marketplace.warehouses.seeding import seed_public_warehouses
from marketplace.warehouses.states import MovementKind

OS = OrderState


def _world(stock="100"):
    buyer, company, [(seller, _sc, listing)] = factories.rfq_parties(1)
    warehouses = {w.code: w for w in seed_public_warehouses()}
    moscow = warehouses["moscow"]
    ledger.receive(listing, moscow, stock, "R-1")
    return buyer, company, seller, listing, moscow, warehouses["ulaanbaatar"]


def _order(buyer, company, listing, quantity, warehouse=None):
    return services.order_from_listing(
        buyer,
        company,
        services.ListingOrderData(
            listing_id=listing.id,
            quantity=quantity,
            destination_country="RU",
            destination_place="Moscow",
            warehouse_id=str(warehouse.id) if warehouse is not None else "",
        ),
    )


def _balance(listing, warehouse) -> StockBalance:
    return db.session.scalar(
        db.select(StockBalance)
        .where(StockBalance.listing_id == listing.id, StockBalance.warehouse_id == warehouse.id)
        .execution_options(populate_existing=True)
    )


def test_order_from_overseas_stock_reserves_it(ctx):
    buyer, company, _seller, listing, moscow, _ub = _world()
    order = _order(buyer, company, listing, "75", moscow)
    assert order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE and order.warehouse_id == moscow.id
    assert order.lead_time_days == moscow.ships_in_days and order.incoterm.value == "DAP"
    balance = _balance(listing, moscow)
    assert (balance.on_hand, balance.reserved) == (Decimal(100), Decimal(75))
    [movement] = [m for m in db.session.scalars(db.select(StockMovement)) if m.kind == MovementKind.RESERVED]
    assert movement.reference == order.number and movement.quantity == Decimal(75)
    assert ledger.ledger_sums(balance.id)[:2] == (Decimal(100), Decimal(75))
    direct = _order(buyer, company, listing, "25")
    assert direct.fulfilment_mode == FulfilmentMode.DIRECT and direct.warehouse_id is None
    assert _balance(listing, moscow).reserved == Decimal(75)


def test_short_stock_and_unknown_warehouse_are_refused_with_nothing_written(ctx):
    buyer, company, _seller, listing, moscow, ub = _world("50")
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, "75", moscow)
    assert exc.value.errors["quantity"] == ["Not enough stock in Moscow: 50 tonne available."]
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, "25", ub)  # no stock there
    assert "warehouse_id" in exc.value.errors
    with pytest.raises(ValidationFailed) as exc:
        services.order_from_listing(
            buyer,
            company,
            services.ListingOrderData(
                listing_id=listing.id,
                quantity="25",
                destination_country="RU",
                destination_place="Moscow",
                warehouse_id="junk",
            ),
        )
    assert "warehouse_id" in exc.value.errors
    assert db.session.query(Order).count() == 0
    assert _balance(listing, moscow).reserved == 0


def test_reservation_lost_to_a_race_is_refused(ctx, monkeypatch):
    """The checks passed but the stock was taken meanwhile (SQLite: a writer committed in between):
    the ledger refuses the reservation and the buyer gets a field error; the request rolls back."""
    buyer, company, _seller, listing, moscow, _ub = _world("50")
    db.session.commit()
    monkeypatch.setattr(services, "_available_locked", lambda listing_id, warehouse_id: Decimal(50))
    ledger.reserve(listing, moscow, "30", "OTHER")
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, "50", moscow)
    assert "quantity" in exc.value.errors
    db.session.rollback()
    assert db.session.query(Order).count() == 0
    assert _balance(listing, moscow).reserved == 0


def test_cancellation_releases_the_reservation(ctx):
    buyer, company, _seller, listing, moscow, _ub = _world()
    order = _order(buyer, company, listing, "50", moscow)
    services.move(buyer, order, OS.CANCELLED, reason="ordered twice")
    balance = _balance(listing, moscow)
    assert (balance.on_hand, balance.reserved) == (Decimal(100), Decimal(0))
    kinds = [m.kind for m in db.session.scalars(db.select(StockMovement).order_by(StockMovement.id))]
    assert kinds == [MovementKind.RECEIVED, MovementKind.RESERVED, MovementKind.RELEASED]
    services.release_reservation(order)  # nothing more is released
    assert _balance(listing, moscow).reserved == 0


def test_payment_timeout_cancels_and_releases(ctx):
    buyer, company, seller, listing, moscow, _ub = _world()
    unpaid = _order(buyer, company, listing, "25", moscow)
    paid = _order(buyer, company, listing, "25", moscow)
    direct = _order(buyer, company, listing, "25")
    deposit = payments.requests_of(paid)[0]
    payments.record_bank_transfer(
        seller, paid, amount=str(deposit.amount), received_on=unpaid.placed_at.date().isoformat()
    )
    assert paid.state == OS.IN_PRODUCTION
    due = payments.requests_of(unpaid)[0].due_date
    assert services.cancel_unpaid_overseas(unpaid.placed_at) == 0
    # the due day ends at midnight China time, whatever the server's clock says
    end_of_due_day = datetime.combine(due + timedelta(days=1), time(0, 0), tzinfo=ZoneInfo("Asia/Shanghai"))
    assert services.cancel_unpaid_overseas(end_of_due_day - timedelta(seconds=1)) == 0  # 23:59:59
    at_due_day = end_of_due_day - timedelta(days=1)
    assert services.cancel_unpaid_overseas(end_of_due_day) == 1
    assert (
        unpaid.state == OS.CANCELLED
        and direct.state == OS.AWAITING_DEPOSIT
        and paid.state == OS.IN_PRODUCTION
    )
    assert {r.state for r in payments.requests_of(unpaid)} == {RequestState.CANCELLED}
    assert _balance(listing, moscow).reserved == Decimal(25)  # only the paid order's
    kinds = {n.kind for n in db.session.scalars(db.select(Notification))}
    assert "order_payment_overdue" in kinds
    assert services.cancel_unpaid_overseas(at_due_day + timedelta(days=2)) == 0  # idempotent


def test_shipping_an_overseas_order_is_a_local_delivery_from_the_warehouse(ctx):
    from marketplace.core.errors import Conflict
    from marketplace.shipments import services as shipments
    from marketplace.shipments.models import Shipment

    buyer, company, seller, listing, moscow, _ub = _world()
    order = _order(buyer, company, listing, "25", moscow)
    day = order.placed_at.date().isoformat()
    deposit, balance_request = payments.requests_of(order)
    payments.record_bank_transfer(seller, order, amount=str(deposit.amount), received_on=day)
    services.move(seller, order, OS.AWAITING_BALANCE)
    payments.record_bank_transfer(seller, order, amount=str(balance_request.amount), received_on=day)
    assert order.state == OS.READY_TO_SHIP
    assert OS.PARTIALLY_SHIPPED not in services.moves_for(seller, order)
    with pytest.raises(Conflict):
        services.move(seller, order, OS.PARTIALLY_SHIPPED)
    assert not shipments.can_ship(seller, order)  # no export shipment, no declaration
    services.move(seller, order, OS.SHIPPED)
    balance = _balance(listing, moscow)
    assert (balance.on_hand, balance.reserved) == (Decimal(75), Decimal(0))
    assert ledger.ledger_sums(balance.id)[:2] == (Decimal(75), Decimal(0))
    last = db.session.scalars(db.select(StockMovement).order_by(StockMovement.id.desc())).first()
    assert last.kind == MovementKind.SHIPPED and last.reference == order.number
    assert db.session.query(Shipment).count() == 0
    services.move(buyer, order, OS.DELIVERED)
    services.release_reservation(order)  # nothing left to release
    assert _balance(listing, moscow).reserved == 0


@pytest.fixture
def pages_world(seed):
    def build():
        buyer, company, [(_seller, _sc, listing)] = factories.rfq_parties(1)
        buyer.email = "buyer@example.ru"
        moscow = {w.code: w for w in seed_public_warehouses()}["moscow"]
        ledger.receive(listing, moscow, "100", "R-1")
        return {"listing": listing.id, "company": company.id, "moscow": moscow.id}

    return seed(build)


def test_order_form_and_api_offer_overseas_stock(app, client, pages_world):
    w = pages_world
    page = client.get("/en/login")
    client.post(
        "/en/login",
        data={
            "email": "buyer@example.ru",
            "password": PASSWORD,
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )
    url = f"/en/orders/new?listing={w['listing']}"
    html = client.get(url).get_data(as_text=True)
    assert "Ship from Moscow (Russia), ships in 3 days" in html and "Direct export from Ordos" in html
    web = Browserish(client)
    common = {
        "quantity": "125",
        "currency": "USD",
        "destination_country": "RU",
        "destination_place": "Moscow",
    }
    bad = web.submit(url, {**common, "warehouse_id": str(w["moscow"])})
    assert bad.status_code == 422
    assert "Not enough stock in Moscow: 100 tonne available." in bad.get_data(as_text=True)
    ok = web.submit(url, {**common, "quantity": "50", "warehouse_id": str(w["moscow"])})
    assert ok.status_code == 302
    r = client.post(
        "/api/v1/auth/tokens", json={"email": "buyer@example.ru", "password": PASSWORD, "token_name": "t"}
    )
    headers = {"Authorization": f"Bearer {r.get_json()['token']}"}
    body = {**common, "company_id": w["company"], "quantity": "25", "warehouse_id": w["moscow"]}
    r = client.post(f"/api/v1/listings/{w['listing']}/orders", json=body, headers=headers)
    assert r.status_code == 201, r.get_json()
    assert (
        r.get_json()["fulfilment_mode"] == "overseas_warehouse"
        and r.get_json()["warehouse_id"] == w["moscow"]
    )
    r = client.post(
        f"/api/v1/listings/{w['listing']}/orders", json={**body, "quantity": "50"}, headers=headers
    )
    assert r.status_code == 422 and "quantity" in str(r.get_json())
    with app.app_context():
        balance = db.session.scalar(db.select(StockBalance))
        assert balance.reserved == Decimal(75)
        assert db.session.query(Order).count() == 2


@pytest.mark.postgres_only
def test_concurrent_overseas_orders_never_oversell(app, seed):
    def build():
        buyers = []
        buyer, company, [(_seller, _sc, listing)] = factories.rfq_parties(1)
        buyers.append((buyer.id, company.id))
        for i in range(11):
            user = factories.make_user(f"b{i}@example.ru")
            buyers.append((user.id, factories.make_company(user).id))
        moscow = {w.code: w for w in seed_public_warehouses()}["moscow"]
        ledger.receive(listing, moscow, "200", "R-1")
        return buyers, listing.id, moscow.id

    buyers, listing_id, warehouse_id = seed(build)
    results = {"ok": 0, "refused": 0, "error": 0}
    guard = threading.Lock()
    barrier = threading.Barrier(len(buyers))

    def buy(user_id: int, company_id: int) -> None:
        from marketplace.accounts.models import Company, User

        with app.app_context(), app.test_request_context("/en/"):
            barrier.wait()
            for _ in range(2):
                try:
                    services.order_from_listing(
                        db.session.get(User, user_id),
                        db.session.get(Company, company_id),
                        services.ListingOrderData(
                            listing_id=listing_id,
                            quantity="25",
                            destination_country="RU",
                            destination_place="Moscow",
                            warehouse_id=str(warehouse_id),
                        ),
                    )
                    db.session.commit()
                    key = "ok"
                except ValidationFailed:
                    db.session.rollback()
                    key = "refused"
                except Exception:
                    db.session.rollback()
                    key = "error"
                with guard:
                    results[key] += 1
            db.session.remove()

    threads = [threading.Thread(target=buy, args=b) for b in buyers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {"ok": 8, "refused": 16, "error": 0}
    with app.app_context():
        balance = db.session.scalar(db.select(StockBalance))
        assert balance.reserved == Decimal(200) <= balance.on_hand
        assert ledger.ledger_sums(balance.id)[:2] == (balance.on_hand, balance.reserved)
        orders = db.session.scalars(db.select(Order)).all()
        assert len(orders) == 8 and all(o.warehouse_id == warehouse_id for o in orders)


def test_stock_held_in_lots_is_ordered_from_one_lot_when_one_covers_it(ctx):
    buyer, company, _seller, listing, moscow, _ub = _world(stock="20")  # 20 t in the unnamed lot
    ledger.receive(listing, moscow, "60", "R-2", lot="DYE-A")
    ledger.receive(listing, moscow, "100", "R-3", lot="DYE-B")
    # 50: the unnamed lot (20) cannot cover it, DYE-A (60) can: one lot for the buyer.
    first = _order(buyer, company, listing, "50", moscow)
    assert [(t.lot, t.quantity) for t in stock_lots(first)] == [("DYE-A", Decimal(50))]
    # 125: no lot holds 125 (20, 10, 100 left): the oldest lots in turn.
    second = _order(buyer, company, listing, "125", moscow)
    assert [(t.lot, t.quantity) for t in stock_lots(second)] == [
        ("", Decimal(20)),
        ("DYE-A", Decimal(10)),
        ("DYE-B", Decimal(95)),
    ]
    # 25 more than the 5 left over all lots: refused, nothing written.
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, "25", moscow)
    assert "5" in exc.value.errors["quantity"][0]
    # Cancelling the second order gives each lot back what it gave; delivering the first ships from DYE-A.
    services.release_reservation(second)
    services.deliver_locally(first)
    balances = db.session.scalars(db.select(StockBalance).where(StockBalance.listing_id == listing.id))
    assert {b.lot: (b.on_hand, b.reserved) for b in balances} == {
        "": (Decimal(20), Decimal(0)),
        "DYE-A": (Decimal(10), Decimal(0)),
        "DYE-B": (Decimal(100), Decimal(0)),
    }
    assert [(t.lot, t.outstanding) for t in stock_lots(second)] == [("", 0), ("DYE-A", 0), ("DYE-B", 0)]
    assert [(t.lot, t.outstanding) for t in stock_lots(first)] == [("DYE-A", 0)]
    assert services.release_reservation(second) is None  # again: nothing more to give back
    assert sum(b.reserved for b in db.session.scalars(db.select(StockBalance))) == 0


def stock_lots(order):
    from marketplace.warehouses.queries import lots_of_order

    return lots_of_order(order.number, order.warehouse_id)
