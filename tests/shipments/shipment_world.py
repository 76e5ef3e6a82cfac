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
