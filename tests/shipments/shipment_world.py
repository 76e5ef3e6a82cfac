"""An order ready to ship (deposit and balance paid) between a buyer and a seller, and shipment data."""

from __future__ import annotations

from factories import rfq_parties

from marketplace.orders import services as orders
from marketplace.orders.states import OrderState
from marketplace.payments import services as payments
from marketplace.shipments import services


def ready_order(quantity="100", buyer_language="mn"):
    """(buyer, buyer company, seller, seller company, order) with the order ready to ship."""
    buyer, company, [(seller, seller_company, listing)] = rfq_parties(1, buyer_language=buyer_language)
    order = orders.order_from_listing(
        buyer,
        company,
        orders.ListingOrderData(
            listing_id=listing.id,
            quantity=quantity,
            destination_country="MN",
            destination_place="Ulaanbaatar",
        ),
    )
    pay_outstanding(seller, order)
    orders.move(seller, order, OrderState.AWAITING_BALANCE)
    pay_outstanding(seller, order)
    assert order.state == OrderState.READY_TO_SHIP
    return buyer, company, seller, seller_company, order


def pay_outstanding(seller, order):
    for line in payments.account(order).lines:
        if line.outstanding.amount > 0:
            payments.record_bank_transfer(
                seller,
                order,
                amount=str(line.outstanding.amount),
                received_on="2026-01-05",
                payer_reference="MT103",
            )
            return


def shipment_data(order, quantity=None, **overrides) -> services.ShipmentData:
    line = order.lines[0]
    values = {
        "packages": "12",
        "package_type": "carton",
        "gross_weight_kg": "1250.5",
        "net_weight_kg": "1200",
        "transport_mode": "road",
        "carrier_name": "Erlian Ordos Logistics",
        "carrier_customs_code": "1506980001",
        "waybill_number": "EOL-2026-0001",
        "exit_customs_code": "0702",
        "departure_date": "2026-02-01",
        "quantities": {line.id: str(quantity if quantity is not None else line.quantity)},
    }
    values.update(overrides)
    return services.ShipmentData(**values)


def fx_rates():
    """USD -> CNY at 7.1 (the declaration converts the order's amounts at the recorded rate)."""
    from datetime import date
    from decimal import Decimal

    from marketplace.catalog.models import FxRate
    from marketplace.core.cache import clear_all
    from marketplace.extensions import db

    if db.session.query(FxRate).filter_by(base="USD", quote="CNY").first() is None:
        db.session.add(FxRate(base="USD", quote="CNY", rate=Decimal("7.1"), as_of=date(2026, 11, 20)))
        db.session.flush()
    clear_all()


def list_message(decl, kind="CEB603"):
    return next(x for x in reversed(decl.messages) if x.kind == kind and x.revision == decl.revision)


_clock = iter(range(10**6))


def receipt(decl, status, info="ok", kind="CEB604", message=None, invt_no=None):
    """A receipt of the platform for the declaration's current list (or `message`)."""
    from marketplace.customs import services as customs

    message = message or list_message(decl)
    return customs.apply_receipt(
        kind=kind,
        head_guid=message.head_guid,
        return_status=status,
        return_time=f"20261126{next(_clock):09d}",
        return_info=info,
        invt_no=invt_no,
    )


def declare_and_release(seller, shipment, port="1240"):
    """Declare `shipment` and let customs release it: the broker's entry number on the full route, the
    platform's 800 receipt on the list route. The shipment follows by itself."""
    from marketplace.customs.routing import Route
    from marketplace.shipments import declare

    fx_rates()
    decl = declare.declare_shipment(seller, shipment, port)
    if decl.route == Route.FULL:
        declare.record_entry(seller, shipment, f"0702{shipment.id:014d}")
    else:
        receipt(decl, "800", invt_no=f"07022026I{shipment.id:09d}")
    return decl
