from decimal import Decimal

import pytest

from customs.customs_factories import declaration_input
from marketplace.customs.codes import UnknownCode, load, tables
from marketplace.customs.messages import Transfer, build_order


@pytest.mark.parametrize(
    ("table", "iso", "code"),
    [
        ("country", "MN", "124"),
        ("country", "RU", "344"),
        ("country", "CN", "142"),
        ("country", "US", "502"),
        ("currency", "CNY", "142"),
        ("currency", "USD", "502"),
        ("currency", "EUR", "300"),
        ("unit", "KGM", "035"),
        ("unit", "PCE", "011"),
    ],
)
def test_iso_mappings(table, iso, code):
    assert tables().from_iso(table, iso) == code


def test_keys_and_codes():
    t = tables()
    assert t.from_key("transport_mode", "road") == "4"
    assert t.from_key("transport_mode", "rail") == "3"
    assert t.from_key("package_type", "carton") == "2"
    assert t.get("customs", "0702").name == "二连海关"
    assert t.version


@pytest.mark.parametrize(("table", "value"), [("currency", "RUB"), ("currency", "MNT"), ("country", "XX")])
def test_a_missing_code_is_an_error_never_a_guess(table, value):
    with pytest.raises(UnknownCode) as err:
        tables().from_iso(table, value)
    assert value in str(err.value.message)


def test_unknown_customs_office(ctx):
    with pytest.raises(UnknownCode) as err:
        tables().get("customs", "0799", field="customs_code")
    assert err.value.errors == {"customs_code": [err.value.message]}


def test_rub_prices_cannot_be_declared(ctx):
    transfer = Transfer("C", "N", "D")
    from marketplace.customs.messages import Head, new_guid

    with pytest.raises(UnknownCode) as err:
        build_order(
            [(declaration_input(currency="RUB", cny_rate=Decimal("0.09")), Head(new_guid()))], transfer
        )
    assert err.value.field == "currency"


def test_every_table_entry_is_well_formed():
    t = load()
    for name, entries in t.tables.items():
        for code, entry in entries.items():
            assert entry.code == code and entry.name
            width = {"country": 3, "currency": 3, "unit": 3, "customs": 4}.get(name, 1)
            assert len(code) == width
