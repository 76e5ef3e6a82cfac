from decimal import Decimal

import pytest

from customs.customs_factories import booking_input, chemical_line, declaration_input
from marketplace.customs.routing import LIST_LIMIT_CNY, Route, broker_handoff, choose_route


def one_line(price, currency="CNY", rate="1", **flags):
    return declaration_input(
        currency=currency,
        cny_rate=Decimal(rate),
        lines=(chemical_line(quantity=Decimal("1"), price=Decimal(price), **flags),),
    )


@pytest.mark.parametrize(
    ("price", "currency", "rate", "route"),
    [
        ("5000", "CNY", "1", Route.LIST),  # exactly RMB 5,000 stays on the list
        ("5000.01", "CNY", "1", Route.FULL),
        ("704.22", "USD", "7.1", Route.LIST),  # 4,999.96 CNY
        ("704.23", "USD", "7.1", Route.FULL),  # 5,000.03 CNY
        ("704.23", "USD", "7.0", Route.LIST),  # same price, the order's lower recorded rate
    ],
)
def test_limit_with_fx(price, currency, rate, route):
    decision = choose_route(one_line(price, currency, rate))
    assert decision.route == route
    assert decision.limit_cny == LIST_LIMIT_CNY
    assert decision.cny_value == (Decimal(price) * Decimal(rate)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("flag", ["needs_licence", "needs_inspection"])
def test_licence_or_inspection_forces_full(ctx, flag):
    decision = choose_route(one_line("10", **{flag: True}))
    assert decision.route == Route.FULL and not decision.over_limit
    assert getattr(decision, flag)
    assert decision.reasons and decision.as_dict()["route"] == "full"


def test_handoff_carries_the_attached_document():
    handoff = broker_handoff(booking_input())
    assert handoff["attached_documents"] == [{"code": "10000004", "number": "BK-2026-000042"}]
    assert handoff["trade_mode"] == "9810"
    assert handoff["lines"][0]["hs_code"] == "5108200000"
