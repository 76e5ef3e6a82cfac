"""Each statistic against hand-computed values on the constructed quarter of world.py.

2026-Q3 (China time), rates USD→CNY 7.10 from 30 June and 7.20 from 15 August, RUB→CNY 0.09:
- O1 direct MN, PP 10 t × 1,000 USD, completed 10 July (its declaration rejected): 71,000 CNY, 10,000 USD
- O2 direct MN, yarn 100 kg × 20 USD (not Ordos-made), completed 20 August: 14,400 CNY, 2,000 USD
- O3 direct RU, PP 5 t × 1,000 USD, declaration released 1 September at its recorded 7.15: 35,750 CNY,
  35,750 / 7.20 USD; also completed on 10 September but not counted again
- O4 overseas stock RU, 100,000 RUB, completed 20 July: 9,000 CNY, 100,000 × 0.09 / 7.10 USD
- B1 9810 booking to Ulaanbaatar, 100 kg yarn × 30 USD, released at 7.05: 21,150 CNY, 21,150 / 7.10 USD
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from world import world

from marketplace.accounts.models import User
from marketplace.core.errors import PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.stats import queries
from marketplace.stats.filters import Filters, from_args, parse_period

TODAY = date(2026, 11, 26)
D = Decimal


def _report(ids, **args):
    admin = db.session.get(User, ids["admin_id"])
    return queries.report(admin, from_args({"period": "2026-Q3", **args}, today=TODAY), today=TODAY)


@pytest.fixture
def ids(ctx):
    return world()


def test_quarter_figures_match_the_hand_computed_values(ids):
    rep = _report(ids)
    assert rep.export_cny == D("142300.00")  # 71,000 + 14,400 + 35,750 + 21,150
    usd = D(10000) + D(2000) + D(35750) / D("7.20") + D(21150) / D("7.10")
    assert rep.export_usd == usd.quantize(D("0.01")) == D("19944.15")
    assert rep.stock_sales_cny == D("9000.00")
    assert rep.stock_sales_usd == (D(100000) * D("0.09") / D("7.10")).quantize(D("0.01")) == D("1267.61")
    assert rep.transaction_cny == D("130150.00")  # sales: O1 + O2 + O3 + O4
    assert rep.ordos_cny == D("115750.00")  # all but O2
    assert rep.ordos_share == D("88.9") and rep.ordos_target_met
    assert (rep.orders, rep.buyers, rep.sellers) == (4, 2, 1)  # O6 cancelled, O5 in Q2
    assert (rep.rfqs, rep.rfqs_converted, rep.conversion) == (3, 1, D("33.3"))
    assert rep.warehouses_in_use == 1
    assert rep.stock_value_cny == D("6480.00")  # 30 kg × 30 USD × 7.20 (today's rate)
    assert (rep.declarations, rep.released, rep.rejected) == (3, 2, 1)
    assert rep.avg_release_hours == D("30.0")  # (48 h + 12 h) / 2
    assert rep.unconverted == {}


def test_breakdowns_by_mode_country_vertical_and_month(ids):
    rep = _report(ids)
    modes = {row[0]: row[1:] for row in rep.tables["modes"].rows}
    assert modes["9710"][0] == D("121150.00") and modes["9810"][0] == D("21150.00")
    assert modes["stock"] == [D("9000.00"), D("1267.61"), D("9000.00")]
    countries = {row[0]: row[1:] for row in rep.tables["countries"].rows}
    # columns: 9710, 9810, stock, export CNY, export USD
    assert countries["MN"][:4] == [D("85400.00"), D("21150.00"), D("0.00"), D("106550.00")]
    assert countries["RU"][:4] == [D("35750.00"), D("0.00"), D("9000.00"), D("35750.00")]
    verticals = {row[0]: row[1:] for row in rep.tables["verticals"].rows}
    assert verticals["chemicals"][:4] == [D("106750.00"), D("0.00"), D("9000.00"), D("106750.00")]
    assert verticals["cashmere"][:4] == [D("14400.00"), D("21150.00"), D("0.00"), D("35550.00")]
    assert verticals["vehicles"][3] == D("0.00")
    # A quarter is shown per week: the week of 6 July holds O1's completion and B1's release.
    series = {row[0]: row[1:] for row in rep.tables["series"].rows}
    assert series[date(2026, 7, 1)][:3] == [
        D("0.00"),
        D("21150.00"),
        D("0.00"),
    ]  # B1 released 5 July 08:00 China
    assert series[date(2026, 7, 6)][0] == D("71000.00")
    assert sum(row[4] for row in rep.tables["series"].rows) == D("142300.00")
    assert sum(row[6] for row in rep.tables["series"].rows) == 4
    rates = {(r[0], r[1], r[4]) for r in rep.tables["rates"].rows}
    assert ("USD", "CNY", "declaration") in rates and ("USD", "CNY", "fx_rates") in rates


def test_filters_mongolia_chemicals(ids):
    rep = _report(ids, country="MN", vertical="chemicals")
    assert rep.export_cny == D("71000.00")  # O1 only (O2 is yarn; B1 is yarn)
    assert rep.stock_sales_cny == D("0.00")
    assert (rep.orders, rep.rfqs, rep.rfqs_converted, rep.conversion) == (1, 2, 1, D("50.0"))
    assert (rep.declarations, rep.released, rep.rejected) == (1, 0, 1)
    assert rep.warehouses_in_use == 0 and rep.ordos_share == D("100.0")


def test_mode_filter(ids):
    rep = _report(ids, mode="9810")
    assert (rep.export_cny, rep.orders, rep.released, rep.warehouses_in_use) == (D("21150.00"), 0, 1, 1)
    assert rep.ordos_share is None  # no sale in 9810
    rep = _report(ids, mode="stock")
    assert (rep.export_cny, rep.stock_sales_cny, rep.orders, rep.declarations) == (
        D("0.00"),
        D("9000.00"),
        1,
        0,
    )
    rep = _report(ids, mode="9710")
    assert (rep.export_cny, rep.orders, rep.warehouses_in_use) == (D("121150.00"), 3, 0)


def test_month_and_custom_range(ids):
    rep = _report(ids, period="2026-07")
    assert rep.export_cny == D("92150.00")  # O1 + B1
    assert rep.stock_sales_cny == D("9000.00")
    admin = db.session.get(User, ids["admin_id"])
    # A custom range is whole days in China time: 1 September 10:00 UTC is 18:00 in China.
    f = from_args({"from": "2026-09-01", "to": "2026-09-01"}, today=TODAY)
    assert queries.report(admin, f, today=TODAY).export_cny == D("35750.00")
    f = from_args({"from": "2026-09-02", "to": "2026-09-30"}, today=TODAY)
    assert queries.report(admin, f, today=TODAY).export_cny == D("0.00")  # O3 not counted on completion


def test_a_currency_without_rate_is_reported_not_guessed(ids):
    from world import complete, order

    from marketplace.accounts.models import Company

    buyer = db.session.get(Company, ids["buyer_mn"])
    o = order(buyer, buyer, "MN", "KZT", [(None, "1", "5000")], placed="2026-07-02 03:00")
    complete(o, "2026-07-03 00:00")
    rep = _report(ids)
    assert rep.unconverted == {"KZT": D("5000.00")}
    assert rep.export_cny == D("142300.00")


def test_only_admins_read_statistics(ids):
    from factories import make_user

    with pytest.raises(PermissionDenied):
        queries.report(make_user(), from_args({"period": "2026"}))
    with pytest.raises(PermissionDenied):
        queries.report(None, from_args({"period": "2026"}))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2026", date(2026, 1, 1), date(2027, 1, 1)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 10, 1)),
        ("2026-q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-07", date(2026, 7, 1), date(2026, 8, 1)),
        ("2026-12", date(2026, 12, 1), date(2027, 1, 1)),
    ],
)
def test_periods(text, start, end):
    assert parse_period(text) == (start, end)


@pytest.mark.parametrize(
    "args, field",
    [
        ({"period": "2026-Q5"}, "period"),
        ({"period": "26"}, "period"),
        ({"from": "2026-02-30", "to": "2026-03-01"}, "from"),
        ({"from": "2026-03-02", "to": "2026-03-01"}, "to"),
        ({"from": "2020-01-01", "to": "2026-03-01"}, "to"),
        ({"period": "2026", "vertical": "spirulina"}, "vertical"),
        ({"period": "2026", "country": "Mongolia"}, "country"),
        ({"period": "2026", "mode": "9610"}, "mode"),
    ],
)
def test_bad_filters_are_refused_with_the_field(ctx, args, field):
    with pytest.raises(ValidationFailed) as exc:
        from_args(args)
    assert field in exc.value.errors


def test_filters_round_trip():
    f = Filters(start=date(2026, 7, 1), end=date(2026, 10, 1), period="2026-Q3", country="MN")
    assert from_args(f.query_args()) == f


@pytest.mark.parametrize(
    "value, expected",
    [("0", "1"), ("7", "8"), ("115150", "120000"), ("121000", "150000"), ("0.3", "0.3"), ("999", "1000")],
)
def test_chart_axis_maximum(value, expected):
    from marketplace.stats.charts import nice_max

    assert nice_max(D(value)) == D(expected)


def test_periods_are_china_days(ids):
    """An order completed at 16:30 UTC on 30 September is completed on 1 October in China: Q4, not Q3."""
    from world import complete, order

    from marketplace.accounts.models import Company

    buyer = db.session.get(Company, ids["buyer_mn"])
    o = order(buyer, buyer, "MN", "CNY", [(None, "1", "500")], placed="2026-09-30 15:59")
    complete(o, "2026-09-30 16:30")
    assert _report(ids).export_cny == D("142300.00")
    assert _report(ids).orders == 5  # placed at 23:59 China time on 30 September
    q4 = _report(ids, period="2026-Q4")
    assert (q4.export_cny, q4.orders) == (D("500.00"), 0)
