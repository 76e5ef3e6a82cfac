"""A quote can ship from the seller's stock in an overseas warehouse: the stock must be there when the
seller quotes, it is reserved when the buyer accepts (the order is then fulfilled from that
warehouse), and acceptance is refused with nothing changed if the stock ran short meanwhile."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

import factories
import pytest

from marketplace.core.errors import Conflict, ValidationFailed
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import FulfilmentMode
from marketplace.rfq import services
from marketplace.rfq.models import QuoteRevision
from marketplace.rfq.states import QuoteState, RfqState, Side
from marketplace.warehouses import ledger
from marketplace.warehouses.models import StockBalance
from marketplace.warehouses.seeding import seed_public_warehouses


def _world(stock="150"):
    buyer, company, [(seller, seller_company, listing)] = factories.rfq_parties(1)
    rfq = services.create_rfq(buyer, company, factories.rfq_data(seller_ids=[seller_company.id]))
    [quote] = rfq.quotes
    warehouses = {w.code: w for w in seed_public_warehouses()}
    ledger.receive(listing, warehouses["ulaanbaatar"], stock, "R-UB")
    return buyer, seller, quote, listing, warehouses


def _lines(listing, quantity="100"):
    return [{"listing_id": str(listing.id), "quantity": quantity, "unit": "t", "unit_price": "1040.00"}]


def _balance(listing, warehouse):
    return db.session.scalar(
        db.select(StockBalance)
        .where(StockBalance.listing_id == listing.id, StockBalance.warehouse_id == warehouse.id)
        .execution_options(populate_existing=True)
    )


def test_quote_from_overseas_stock_reserves_it_on_acceptance(ctx):
    buyer, seller, quote, listing, wh = _world()
    ub = wh["ulaanbaatar"]
    assert [w.id for w in services.stock_sources(quote.seller_id)] == [ub.id]
    revision = services.submit_revision(
        seller, quote, Side.SELLER, factories.revision_data(lines=_lines(listing), warehouse_id=str(ub.id))
    )
    assert revision.warehouse_id == ub.id
    assert _balance(listing, ub).reserved == 0  # quoting reserves nothing

    order = services.accept(buyer, quote, Side.BUYER, revision.id)

    assert order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE and order.warehouse_id == ub.id
    balance = _balance(listing, ub)
    assert (balance.on_hand, balance.reserved) == (Decimal(150), Decimal(100))


def test_a_quote_from_ordos_reserves_nothing(ctx):
    buyer, seller, quote, listing, wh = _world()
    revision = services.submit_revision(
        seller, quote, Side.SELLER, factories.revision_data(lines=_lines(listing))
    )
    order = services.accept(buyer, quote, Side.BUYER, revision.id)
    assert order.fulfilment_mode == FulfilmentMode.DIRECT and order.warehouse_id is None
    assert _balance(listing, wh["ulaanbaatar"]).reserved == 0


@pytest.mark.parametrize(
    "case, expected",
    [
        ("no_stock_there", "Choose an overseas warehouse where you hold stock."),
        ("too_much", "Only 150 of listing"),
        ("free_text_line", "To ship from overseas stock, choose the listing of every line."),
        ("junk", "Choose an overseas warehouse where you hold stock."),
    ],
)
def test_quoting_from_stock_that_is_not_there_is_refused(ctx, case, expected):
    _buyer, seller, quote, listing, wh = _world()
    warehouse_id, lines = str(wh["ulaanbaatar"].id), _lines(listing)
    if case == "no_stock_there":
        warehouse_id = str(wh["moscow"].id)
    elif case == "too_much":
        lines = _lines(listing, "151")
    elif case == "free_text_line":
        lines = [{"description": "PP raffia", "quantity": "10", "unit": "t", "unit_price": "1000"}]
    elif case == "junk":
        warehouse_id = "x1"
    with pytest.raises(ValidationFailed) as exc:
        services.submit_revision(
            seller, quote, Side.SELLER, factories.revision_data(lines=lines, warehouse_id=warehouse_id)
        )
    assert expected in exc.value.errors["warehouse_id"][0]
    assert db.session.query(QuoteRevision).count() == 0 and quote.state == QuoteState.REQUESTED


def test_acceptance_is_refused_when_the_stock_ran_short_meanwhile(ctx):
    buyer, seller, quote, listing, wh = _world()
    ub = wh["ulaanbaatar"]
    revision = services.submit_revision(
        seller, quote, Side.SELLER, factories.revision_data(lines=_lines(listing), warehouse_id=str(ub.id))
    )
    ledger.reserve(listing.id, ub.id, Decimal(60), "ORD-OTHER")  # someone else bought 60 of the 150
    db.session.commit()
    with pytest.raises(Conflict) as exc:
        services.accept(buyer, quote, Side.BUYER, revision.id)
    assert exc.value.code == "insufficient_stock" and "Ask the seller for a new revision" in str(
        exc.value.message
    )
    db.session.rollback()  # what the request's commit boundary does with a refusal
    assert quote.state == QuoteState.SUBMITTED and quote.rfq.state == RfqState.OPEN
    assert db.session.query(Order).count() == 0 and _balance(listing, ub).reserved == Decimal(60)


def test_quote_api_and_page_show_where_it_ships_from(app, client, seed):
    from test_rfq_pages_api import _login, _token

    def build():
        buyer, seller, quote, listing, wh = _world()
        buyer.email, seller.email = "ub-buyer@example.mn", "ub-seller@example.cn"
        return quote.id, listing.id, wh["ulaanbaatar"].id

    quote_id, listing_id, ub_id = seed(build)
    _login(client, "ub-seller@example.cn")
    page = client.get(f"/en/quotes/{quote_id}").get_data(as_text=True)
    assert 'name="warehouse_id"' in page and "Stock in Ulaanbaatar (Mongolia)" in page
    body = asdict(factories.revision_data(warehouse_id=ub_id))
    body["lines"] = [{"listing_id": listing_id, "quantity": "100", "unit": "t", "unit_price": "1040.00"}]
    r = client.post(
        f"/api/v1/quotes/{quote_id}/revisions", json=body, headers=_token(client, "ub-seller@example.cn")
    )
    assert r.status_code == 201, r.get_json()
    ships = r.get_json()["revisions"][-1]["ships_from"]
    assert ships["warehouse_id"] == ub_id and ships["country"] == "MN"
    page = client.get(f"/en/quotes/{quote_id}").get_data(as_text=True)
    assert "Stock in Ulaanbaatar (Mongolia), reserved when the quote is accepted" in page
