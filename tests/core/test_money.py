from decimal import Decimal

import pytest

from marketplace.core.money import Money, MoneyError, minor_units


@pytest.mark.parametrize(
    ("currency", "digits"),
    [
        ("CNY", 2),
        ("USD", 2),
        ("MNT", 2),
        ("RUB", 2),
        ("IRR", 2),
        ("JPY", 0),
        ("KWD", 3),
        ("CLF", 4),
    ],
)
def test_minor_units_follow_iso_4217_not_cldr(currency, digits):
    assert minor_units(currency) == digits


def test_amount_is_quantised_half_up_to_the_minor_unit():
    assert Money(Decimal("1.005"), "USD").amount == Decimal("1.01")
    assert Money("1234.5", "JPY").amount == Decimal("1235")
    assert Money("0.0005", "KWD").amount == Decimal("0.001")


def test_floats_are_refused_everywhere():
    with pytest.raises(MoneyError):
        Money(0.1, "USD")
    with pytest.raises(MoneyError):
        Money("1", "USD") * 1.5
    with pytest.raises(MoneyError):
        Money("1", "USD").convert("CNY", 7.1)


def test_unknown_currency_is_refused():
    with pytest.raises(MoneyError):
        Money("1", "XYZ")


def test_arithmetic_needs_the_same_currency():
    total = Money("10.10", "CNY") + Money("0.90", "CNY")
    assert total == Money("11", "CNY")
    with pytest.raises(MoneyError):
        Money("1", "CNY") + Money("1", "USD")


def test_conversion_records_the_rate_result_quantised():
    assert Money("100", "USD").convert("CNY", Decimal("7.1234")) == Money("712.34", "CNY")


def test_allocate_keeps_every_cent():
    parts = Money("100.00", "USD").allocate([Decimal(30), Decimal(70)])
    assert parts == [Money("30", "USD"), Money("70", "USD")]
    thirds = Money("100.00", "USD").allocate([Decimal(1)] * 3)
    assert sum((p.amount for p in thirds), Decimal(0)) == Decimal("100.00")
    assert thirds[0] == Money("33.33", "USD") and thirds[2] == Money("33.34", "USD")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "CN¥1,234,567.50"),
        ("ru", "1\u00a0234\u00a0567,50\u00a0CN¥"),
        ("zh_Hans_CN", "¥1,234,567.50"),
    ],
)
def test_format_per_locale(locale, expected):
    assert Money("1234567.5", "CNY").format(locale) == expected


def test_mongolian_format():
    assert Money("1234567.5", "MNT").format("mn_Cyrl_MN") == "₮\u00a01,234,567.50"
