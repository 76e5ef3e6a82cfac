"""Table tests for marketplace.catalog.validators (product attributes and export-control flags).

Valid values are real published ones (CAS of methanol, PP, PVC, PE, NaOH,
water; methanol's EC number; the 49 CFR 565 sample VIN 1M8GDM9AXKP042788) or
built here with *independent* implementations of the published check-digit
algorithms, so the tests do not merely echo the code under test.
"""

from __future__ import annotations

import csv
import dataclasses
import time
from datetime import date
from decimal import Decimal

import flask
import flask_babel
import pytest
from flask_babel.speaklater import LazyString

from marketplace.catalog.validators import (
    BEV_LICENCE_FROM,
    GHS_PICTOGRAMS,
    HS_DATA_PATH,
    PRECURSOR_CAS,
    ControlFlag,
    HsNomenclature,
    ValueInvalid,
    controlled_goods_flags,
    hs_nomenclature,
    parse_composition,
    validate_cas,
    validate_composition,
    validate_ec_number,
    validate_ghs_pictograms,
    validate_hs_code,
    validate_un_number,
    validate_vin,
    vin_check_digit,
    vin_model_year,
)

_app = flask.Flask(__name__)
flask_babel.Babel(_app)


@pytest.fixture(autouse=True)
def _app_context():
    """Lazy messages are rendered with Flask-Babel inside an application context."""
    with _app.app_context():
        yield


def _message(excinfo: pytest.ExceptionInfo[ValueInvalid]) -> str:
    assert isinstance(excinfo.value.message, LazyString)
    return str(excinfo.value.message)


def _assert_invalid(func, raw, code, fragments, **kwargs):
    with pytest.raises(ValueInvalid) as excinfo:
        func(raw, **kwargs)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message, message
    assert isinstance(excinfo.value, ValueError)
    assert str(excinfo.value) == message


# --------------------------------------------------------------------------- independent oracles


def cas_check(digits: str) -> str:
    """cas.org: digits before R, right to left, times 1, 2, 3 …; sum mod 10."""
    rev = digits[::-1]
    return str(sum((i + 1) * int(rev[i]) for i in range(len(rev))) % 10)


def ec_check(six: str) -> int:
    """EC number: Σ i·dᵢ (i = 1..6) mod 11 (a remainder of 10 is not normally issued)."""
    return sum((i + 1) * int(six[i]) for i in range(6)) % 11


# 49 CFR 565.15(c), Table IV (transliteration) and Table V (weights), typed from the rule text.
VIN_TRANSLITERATION = {
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}  # fmt: skip
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(vin: str) -> str:
    total = 0
    for char, weight in zip(vin, VIN_WEIGHTS, strict=True):
        total += (int(char) if char.isdigit() else VIN_TRANSLITERATION[char]) * weight
    return "X" if total % 11 == 10 else str(total % 11)


def with_vin_check(template: str) -> str:
    """Fill position 9 of a 17-character template with its 49 CFR 565 check digit."""
    return template[:8] + vin_check(template) + template[9:]


def wrong_vin_check(vin: str) -> str:
    right = vin[8]
    wrong = "7" if right != "7" else "3"
    return vin[:8] + wrong + vin[9:]


CN_VIN = with_vin_check("LSGKB54H0KS012345")
DE_VIN = with_vin_check("WDB1240821A123456")
EU_VIN = "WVWZZZ1JZXW000001"
US_SAMPLE_VIN = "1M8GDM9AXKP042788"


def test_oracles_on_published_examples():
    assert cas_check("10707") == "3"  # cas.org example 107-07-3
    assert ec_check("200659") == 6  # methanol EC 200-659-6
    assert vin_check(US_SAMPLE_VIN) == "X"
    assert vin_check("11111111111111111") == "1"
    assert CN_VIN[8] == vin_check(CN_VIN)


# --------------------------------------------------------------------------- CAS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("67-56-1", "67-56-1"),  # methanol
        ("9003-07-0", "9003-07-0"),  # polypropylene
        ("9002-86-2", "9002-86-2"),  # PVC
        ("9002-88-4", "9002-88-4"),  # polyethylene
        ("1310-73-2", "1310-73-2"),  # sodium hydroxide
        ("7732-18-5", "7732-18-5"),  # water
        ("67561", "67-56-1"),
        (" 1310732 ", "1310-73-2"),
        ("7732 18 5", "7732-18-5"),
        ("107-07-3", "107-07-3"),
    ],
)
def test_cas_valid(raw, expected):
    digits = expected.replace("-", "")
    assert cas_check(digits[:-1]) == digits[-1]
    assert validate_cas(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter a value."]),
        ("67-56-2", "checksum", ["should be 1", "not 2"]),
        ("9003-07-1", "checksum", [f"should be {cas_check('900307')}", "not 1"]),
        ("7732-18-4", "checksum", ["should be 5"]),
        ("067-56-1", "leading_zero", ["cannot start with 0"]),
        ("0675610", "leading_zero", ["cannot start with 0"]),
        ("6-56-1", "length", ["5 to 10 digits", "4 entered"]),
        ("1234", "length", ["4 entered"]),
        ("12345678-90-1", "length", ["11 entered"]),
        ("67-56-1A", "character", ["“A” at position 8"]),
        ("CAS67-56-1", "character", ["“C” at position 1"]),
        ("67-561", "format", ["digits-NN-N"]),
        ("6-75-6-1", "format", ["digits-NN-N"]),
    ],
)
def test_cas_invalid(raw, code, fragments):
    _assert_invalid(validate_cas, raw, code, fragments)


# --------------------------------------------------------------------------- EC number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("200-659-6", "200-659-6"),  # methanol
        ("2006596", "200-659-6"),
        (" 200 659 6 ", "200-659-6"),
        ("200-003-9", "200-003-9"),  # dexamethasone (worked example of the algorithm)
    ],
)
def test_ec_number_valid(raw, expected):
    digits = expected.replace("-", "")
    assert ec_check(digits[:6]) == int(digits[6])
    assert validate_ec_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter a value."]),
        ("200-659-7", "checksum", ["should be 6", "not 7"]),
        ("200-659", "length", ["7 digits", "6 entered"]),
        ("200-659-66", "length", ["8 entered"]),
        ("200-65A-6", "character", ["“A” at position 6"]),
        ("20-0659-6", "format", ["NNN-NNN-N"]),
    ],
)
def test_ec_number_invalid(raw, code, fragments):
    _assert_invalid(validate_ec_number, raw, code, fragments)


# --------------------------------------------------------------------------- UN number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("UN1230", "UN1230"),  # methanol
        ("1230", "UN1230"),
        ("UN 1230", "UN1230"),
        ("un1230", "UN1230"),
        (" Un-1823 ", "UN1823"),  # caustic soda, solid
        ("3556", "UN3556"),  # vehicle, lithium-ion battery powered
        ("UN0004", "UN0004"),
    ],
)
def test_un_number_valid(raw, expected):
    assert validate_un_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter a value."]),
        ("UN123", "format", ["4 digits", "UN1230"]),
        ("UN12301", "format", ["4 digits"]),
        ("NA1993", "format", ["“UN”"]),
        ("UNxxxx", "format", ["4 digits"]),
        ("UN0000", "range", ["UN0000"]),
    ],
)
def test_un_number_invalid(raw, code, fragments):
    _assert_invalid(validate_un_number, raw, code, fragments)


# --------------------------------------------------------------------------- VIN


@pytest.mark.parametrize(
    ("raw", "kwargs", "expected"),
    [
        (US_SAMPLE_VIN, {}, US_SAMPLE_VIN),
        (US_SAMPLE_VIN.lower(), {}, US_SAMPLE_VIN),
        (f" {US_SAMPLE_VIN} ", {"require_check_digit": True}, US_SAMPLE_VIN),
        ("11111111111111111", {}, "11111111111111111"),
        (CN_VIN, {}, CN_VIN),
        (EU_VIN, {}, EU_VIN),  # no check digit in Europe: not enforced by default
        (EU_VIN.lower(), {"require_check_digit": None}, EU_VIN),
        (wrong_vin_check(US_SAMPLE_VIN), {"require_check_digit": False}, wrong_vin_check(US_SAMPLE_VIN)),
        (wrong_vin_check(CN_VIN), {"require_check_digit": False}, wrong_vin_check(CN_VIN)),
        (
            with_vin_check("WDB1240821A123456"),
            {"require_check_digit": True},
            with_vin_check("WDB1240821A123456"),
        ),
        ("JHMCM56557C404453", {}, "JHMCM56557C404453"),  # Japan: not enforced
    ],
)
def test_vin_valid(raw, kwargs, expected):
    assert validate_vin(raw, **kwargs) == expected


def test_vin_check_digit_helper_matches_oracle():
    for vin in (US_SAMPLE_VIN, "11111111111111111", CN_VIN, EU_VIN, "JHMCM56557C404453"):
        assert vin_check_digit(vin) == vin_check(vin)
    assert vin_check(EU_VIN) != "Z"


@pytest.mark.parametrize(
    ("raw", "kwargs", "code", "fragments"),
    [
        ("", {}, "empty", ["Enter a value."]),
        ("1M8GDM9AXKP04278", {}, "length", ["17 characters", "16 entered"]),
        ("1M8GDM9AXKP0427881", {}, "length", ["18 entered"]),
        ("1M8GDM9AXKP04278I", {}, "character", ["I, O and Q", "“I” at position 17"]),
        ("1M8GDO9AXKP042788", {}, "character", ["“O” at position 6"]),
        ("QM8GDM9AXKP042788", {}, "character", ["“Q” at position 1"]),
        ("1M8GDM9AXKP04278#", {}, "character", ["“#” at position 17"]),
        ("1M8GDM9AXUP042788", {}, "model_year", ["Position 10", "“U”"]),
        ("WVWZZZ1JZZW000001", {}, "model_year", ["“Z”"]),
        ("WVWZZZ1JZ0W000001", {}, "model_year", ["“0”"]),
        ("1M8GDM9A1KP042788", {}, "checksum", ["position 9", "should be X", "not 1"]),
        (
            wrong_vin_check(CN_VIN),
            {},
            "checksum",
            [f"should be {CN_VIN[8]}", f"not {wrong_vin_check(CN_VIN)[8]}"],
        ),
        (EU_VIN, {"require_check_digit": True}, "checksum", [f"should be {vin_check(EU_VIN)}", "not Z"]),
    ],
)
def test_vin_invalid(raw, kwargs, code, fragments):
    _assert_invalid(validate_vin, raw, code, fragments, **kwargs)


@pytest.mark.parametrize(
    ("code", "years"),
    [
        ("A", [1980, 2010]),
        ("H", [1987, 2017]),
        ("J", [1988, 2018]),
        ("K", [1989, 2019]),
        ("P", [1993, 2023]),
        ("R", [1994, 2024]),
        ("S", [1995, 2025]),
        ("T", [1996, 2026]),
        ("V", [1997, 2027]),
        ("X", [1999, 2029]),
        ("Y", [2000, 2030]),
        ("1", [2001, 2031]),
        ("5", [2005, 2035]),
        ("9", [2009, 2039]),
    ],
)
def test_vin_model_year(code, years):
    vin = "11111111" + "1" + code + "1111111"
    assert vin_model_year(vin) == years


def test_vin_model_year_of_real_vins():
    assert vin_model_year(US_SAMPLE_VIN) == [1989, 2019]
    assert vin_model_year(EU_VIN) == [1999, 2029]


@pytest.mark.parametrize(("code", "error"), [("U", "model_year"), ("Z", "model_year"), ("0", "model_year")])
def test_vin_model_year_invalid(code, error):
    _assert_invalid(vin_model_year, "111111111" + code + "1111111", error, [f"“{code}”"])


def test_vin_model_year_bad_length():
    _assert_invalid(vin_model_year, "1A", "length", ["2 entered"])


# --------------------------------------------------------------------------- HS codes


def _hs_codes_in_shared_file() -> set[str]:
    with open(HS_DATA_PATH, newline="", encoding="utf-8") as handle:
        return {row["hscode"] for row in csv.DictReader(handle)}


def test_hs_data_file_is_hs2022_without_comtrade_totals():
    codes = _hs_codes_in_shared_file()
    six = {c for c in codes if len(c) == 6}
    assert len(six) == 5612  # 5,613 in the Comtrade file, less its "999999" row
    assert sum(len(c) == 4 for c in codes) == 1228
    assert sum(len(c) == 2 for c in codes) == 96
    assert "390210" in six and "870380" in six
    assert "390299" not in six and "999999" not in six and "77" not in codes
    assert all(c.isdigit() for c in codes)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("390210", "390210"),  # polypropylene
        ("3902.10", "390210"),
        (" 3902 10 ", "390210"),
        ("3902100010", "3902100010"),
        ("3902.10.00.10", "3902100010"),
        ("8703801090", "8703801090"),
        ("870380", "870380"),
        ("290511", "290511"),  # methanol
        ("510211", "510211"),  # cashmere, not carded or combed
        ("010121", "010121"),  # leading zero kept
    ],
)
def test_hs_code_valid(raw, expected):
    assert validate_hs_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter a value."]),
        ("12345", "length", ["6 digits", "10 digits", "5 entered"]),
        ("39021", "length", ["5 entered"]),
        ("3902100", "length", ["7 entered"]),
        ("39021000101", "length", ["11 entered"]),
        ("3902-10", "character", ["“-” at position 5"]),
        ("39O210", "character", ["“O” at position 3"]),
        ("390299", "unknown", ["HS 2022 has no subheading 390299"]),
        ("999999", "unknown", ["HS 2022 has no subheading 999999"]),
        ("3902990010", "unknown", ["no subheading 390299"]),
        ("770000", "unknown", ["no subheading 770000"]),
    ],
)
def test_hs_code_invalid(raw, code, fragments):
    _assert_invalid(validate_hs_code, raw, code, fragments)


def test_hs_nomenclature_lookups():
    hs = hs_nomenclature()
    assert hs is hs_nomenclature()  # loaded once
    assert hs.edition == "HS 2022"
    assert hs.exists("390210")
    assert not hs.exists("390299")
    assert not hs.exists("3902")  # a heading, not a subheading
    assert not hs.exists("3902100010")
    assert "polypropylene" in hs.description("390210")
    assert hs.description("3902").startswith("Polymers of propylene")
    assert hs.description("39").startswith("Plastics")
    assert hs.description("870380") == "Vehicles; with only electric motor for propulsion"
    assert hs.chapter("8703801090") == "87"
    assert hs.chapter("010121") == "01"
    for unknown in ("390299", "77", "3902100010", "3"):
        with pytest.raises(KeyError):
            hs.description(unknown)
    with pytest.raises(KeyError):
        hs.chapter("770000")


def test_hs_nomenclature_loads_fast():
    best = min(_timed_load() for _ in range(3))
    assert best < 0.1, f"loading HS 2022 took {best:.3f} s"


def _timed_load() -> float:
    start = time.perf_counter()
    nomenclature = HsNomenclature.from_csv(HS_DATA_PATH)
    elapsed = time.perf_counter() - start
    assert len(nomenclature) == 96 + 1228 + 5612
    return elapsed


# --------------------------------------------------------------------------- composition


@pytest.mark.parametrize(
    "parts",
    [
        [("cashmere", Decimal("100"))],
        [("cashmere", Decimal("95")), ("silk", Decimal("5"))],
        [("cashmere", Decimal("92.5")), ("wool", Decimal("7.5"))],
        [("cashmere", Decimal("33.33")), ("wool", Decimal("33.33")), ("silk", Decimal("33.34"))],
        [("cashmere", Decimal("70.0")), ("yak", Decimal("30.00"))],
    ],
)
def test_composition_valid(parts):
    assert validate_composition(parts) == parts


def test_composition_names_are_tidied():
    assert validate_composition([("  fine  cashmere ", Decimal("100"))]) == [
        ("fine cashmere", Decimal("100"))
    ]


D = Decimal


@pytest.mark.parametrize(
    ("parts", "code", "fragments"),
    [
        ([], "empty", ["at least one fibre"]),
        ([("cashmere", D("95")), ("silk", D("4.9"))], "sum", ["exactly 100", "add up to 99.9"]),
        ([("cashmere", D("99.9"))], "sum", ["99.9"]),
        ([("cashmere", D("95")), ("silk", D("10"))], "sum", ["add up to 105"]),
        (
            [("cashmere", D("50")), ("Cashmere", D("50"))],
            "duplicate",
            ["“Cashmere”", "more than once"],
        ),
        (
            [("cashmere", D("50")), ("silk ", D("25")), (" silk", D("25"))],
            "duplicate",
            ["“silk”"],
        ),
        ([("cashmere", 95.0), ("silk", D("5"))], "type", ["cashmere", "exact decimal", "float"]),
        ([("cashmere", 100)], "type", ["int"]),
        ([("cashmere", "100")], "type", ["str"]),
        ([("", D("100"))], "name", ["Fibre 1 has no name"]),
        ([("cashmere", D("100")), ("  ", D("0"))], "name", ["Fibre 2"]),
        (
            [("cashmere", D("100")), ("silk", D("0"))],
            "range",
            ["silk", "more than 0", "0 entered"],
        ),
        ([("cashmere", D("105")), ("silk", D("-5"))], "range", ["cashmere", "105 entered"]),
        ([("cashmere", D("110")), ("silk", D("-10"))], "range", ["at most 100"]),
        ([("cashmere", D("NaN"))], "range", ["NaN"]),
    ],
)
def test_composition_invalid(parts, code, fragments):
    _assert_invalid(validate_composition, parts, code, fragments)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("95% cashmere, 5% silk", [("cashmere", Decimal("95")), ("silk", Decimal("5"))]),
        ("cashmere 95; silk 5", [("cashmere", Decimal("95")), ("silk", Decimal("5"))]),
        ("100% cashmere", [("cashmere", Decimal("100"))]),
        ("92.5% cashmere, 7.5% silk", [("cashmere", Decimal("92.5")), ("silk", Decimal("7.5"))]),
        ("cashmere 92.5%; wool 7.5 %", [("cashmere", Decimal("92.5")), ("wool", Decimal("7.5"))]),
        ("70 cashmere\n30 yak down", [("cashmere", Decimal("70")), ("yak down", Decimal("30"))]),
        ("95 % Cashmere ,  5 % Silk ", [("Cashmere", Decimal("95")), ("Silk", Decimal("5"))]),
        ("山羊绒95%，羊毛5%", [("山羊绒", Decimal("95")), ("羊毛", Decimal("5"))]),
        ("80% cashmere; 20% merino wool;", [("cashmere", Decimal("80")), ("merino wool", Decimal("20"))]),
    ],
)
def test_parse_composition(text, expected):
    parsed = parse_composition(text)
    assert parsed == expected
    assert all(isinstance(pct, Decimal) for _, pct in parsed)


@pytest.mark.parametrize(
    ("text", "code", "fragments"),
    [
        ("", "empty", ["at least one fibre"]),
        (" ,; ", "empty", ["at least one fibre"]),
        ("cashmere", "format", ["“cashmere”", "95% cashmere", "cashmere 95"]),
        ("95%", "format", ["“95%”"]),
        ("95% cashmere 5% silk", "format", ["“95% cashmere 5% silk”"]),
        ("lorem ipsum", "format", ["“lorem ipsum”"]),
        ("95% cashmere, 4.9% silk", "sum", ["99.9"]),
        ("50% cashmere, 50% Cashmere", "duplicate", ["more than once"]),
        ("1000% cashmere", "format", ["“1000% cashmere”"]),
    ],
)
def test_parse_composition_invalid(text, code, fragments):
    _assert_invalid(parse_composition, text, code, fragments)


# --------------------------------------------------------------------------- GHS pictograms


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["GHS02", "GHS06", "GHS08"], ["GHS02", "GHS06", "GHS08"]),  # methanol
        (["GHS08", "ghs02", " GHS06 "], ["GHS02", "GHS06", "GHS08"]),
        (["GHS05"], ["GHS05"]),  # caustic soda
        (["GHS9", "GHS1"], ["GHS01", "GHS09"]),
        ([], []),
        ("GHS06, GHS02", ["GHS02", "GHS06"]),
        (list(GHS_PICTOGRAMS), list(GHS_PICTOGRAMS)),
    ],
)
def test_ghs_valid(codes, expected):
    assert validate_ghs_pictograms(codes) == expected


def test_ghs_pictogram_set():
    assert tuple(f"GHS{n:02d}" for n in range(1, 10)) == GHS_PICTOGRAMS


@pytest.mark.parametrize(
    ("codes", "code", "fragments"),
    [
        (["GHS10"], "unknown", ["“GHS10”", "GHS01 to GHS09"]),
        (["GHS00"], "unknown", ["“GHS00”"]),
        (["GHS02", "flame"], "unknown", ["“flame”"]),
        (["GHS-01"], "unknown", ["“GHS-01”"]),
        (["GHS02", "ghs2"], "duplicate", ["GHS02", "more than once"]),
    ],
)
def test_ghs_invalid(codes, code, fragments):
    _assert_invalid(validate_ghs_pictograms, codes, code, fragments)


# --------------------------------------------------------------------------- export controls

BRIEF_PRECURSORS = {
    "108-24-7": 2,  # acetic anhydride
    "67-66-3": 2,  # chloroform
    "60-29-7": 2,  # ethyl ether
    "110-89-4": 2,  # piperidine
    "103-82-2": 2,  # phenylacetic acid
    "108-88-3": 3,  # toluene
    "67-64-1": 3,  # acetone
    "78-93-3": 3,  # methyl ethyl ketone
    "7722-64-7": 3,  # potassium permanganate
    "7664-93-9": 3,  # sulfuric acid
    "7647-01-0": 3,  # hydrogen chloride
    "94-59-7": 1,  # safrole
    "120-57-0": 1,  # piperonal
    "120-58-1": 1,  # isosafrole
    "103-79-7": 1,  # 1-phenyl-2-propanone
    "118-92-3": 1,  # anthranilic acid
    "89-52-1": 1,  # N-acetylanthranilic acid
    "4676-39-5": 1,  # 3,4-MDP-2-P
    "299-42-3": 1,  # ephedrine
}


def test_precursor_table_check_digits_and_categories():
    for cas, category in PRECURSOR_CAS.items():
        digits = cas.replace("-", "")
        assert cas_check(digits[:-1]) == digits[-1], cas
        assert category in (1, 2, 3)
    for cas, category in BRIEF_PRECURSORS.items():
        assert PRECURSOR_CAS[cas] == category, cas
    for polymer_or_bulk in ("67-56-1", "9003-07-0", "9002-86-2", "9002-88-4", "1310-73-2"):
        assert polymer_or_bulk not in PRECURSOR_CAS


def _flags(**kwargs) -> list[ControlFlag]:
    params = {"hs_code": None, "cas_numbers": [], "vehicle_condition": None, "on_date": date(2026, 3, 1)}
    params.update(kwargs)
    return controlled_goods_flags(**params)


def _codes(flags: list[ControlFlag]) -> list[str]:
    return [flag.code for flag in flags]


def test_toluene_is_precursor_category_3():
    flags = _flags(hs_code="290230", cas_numbers=["108-88-3"])
    assert _codes(flags) == ["precursor_cat_3"]
    flag = flags[0]
    assert flag.needs_licence is True
    assert isinstance(flag.message, LazyString)
    message = str(flag.message)
    assert "category 3" in message and "108-88-3" in message and "licence" in message


def test_methanol_and_polymers_are_not_controlled():
    assert _flags(hs_code="290511", cas_numbers=["67-56-1"]) == []
    assert _flags(hs_code="390210", cas_numbers=["9003-07-0"]) == []
    assert _flags(cas_numbers=["1310-73-2", "7732-18-5"]) == []


def test_several_precursors_one_flag_per_category():
    flags = _flags(cas_numbers=["67-64-1", "108-24-7", "108883", "67-64-1", "67-56-1"])
    assert _codes(flags) == ["precursor_cat_2", "precursor_cat_3"]
    assert "108-24-7" in str(flags[0].message)
    assert "67-64-1, 108-88-3" in str(flags[1].message)


def test_category_1_precursor():
    flags = _flags(cas_numbers=["120-57-0"])
    assert _codes(flags) == ["precursor_cat_1"]
    assert flags[0].needs_licence


def test_invalid_cas_in_flags_is_refused():
    with pytest.raises(ValueInvalid) as excinfo:
        _flags(cas_numbers=["108-88-4"])
    assert excinfo.value.code == "checksum"


@pytest.mark.parametrize(
    ("on_date", "expected"),
    [
        (date(2025, 12, 31), []),
        (date(2026, 1, 1), ["bev_passenger_licence"]),
        (date(2026, 1, 2), ["bev_passenger_licence"]),
    ],
)
def test_bev_passenger_licence_from_2026(on_date, expected):
    flags = _flags(hs_code="8703801090", vehicle_condition="new", on_date=on_date)
    assert _codes(flags) == expected
    assert all(flag.needs_licence for flag in flags)
    if flags:
        assert "8703801090" in str(flags[0].message)
        assert BEV_LICENCE_FROM.isoformat() in str(flags[0].message)


def test_bev_flag_only_for_the_vin_line():
    assert _flags(hs_code="8703809090", vehicle_condition="new", on_date=date(2026, 1, 2)) == []
    assert _flags(hs_code="870380", vehicle_condition="new", on_date=date(2026, 1, 2)) == []


def test_used_vehicle_licence():
    flags = _flags(hs_code="870380", vehicle_condition="used", on_date=date(2025, 6, 1))
    assert _codes(flags) == ["used_vehicle_export_licence"]
    assert flags[0].needs_licence
    assert "Used vehicle" in str(flags[0].message)
    flags = _flags(hs_code="870323", vehicle_condition="Used")
    assert _codes(flags) == ["used_vehicle_export_licence", "vehicle_export_licence"]
    assert _codes(_flags(hs_code="870210", vehicle_condition="used")) == ["used_vehicle_export_licence"]
    assert _codes(_flags(hs_code="8703801090", vehicle_condition="used", on_date=date(2026, 1, 2))) == [
        "used_vehicle_export_licence",
        "bev_passenger_licence",
    ]


@pytest.mark.parametrize(
    ("hs_code", "expected"),
    [
        ("870321", ["vehicle_export_licence"]),
        ("8703213010", ["vehicle_export_licence"]),
        ("870340", ["vehicle_export_licence"]),
        ("870360", ["vehicle_export_licence"]),  # PHEV / EREV (petrol)
        ("870370", ["vehicle_export_licence"]),
        ("870310", []),  # snow vehicles, golf cars
        ("870390", []),
        ("870380", []),
        ("870410", ["vehicle_export_licence"]),  # off-highway dumpers
        ("8704410000", ["vehicle_export_licence"]),
        ("870460", ["vehicle_export_licence"]),
        ("870210", []),
        ("510211", []),
    ],
)
def test_vehicle_export_licence(hs_code, expected):
    flags = _flags(hs_code=hs_code, vehicle_condition="new")
    assert _codes(flags) == expected
    for flag in flags:
        assert flag.needs_licence
        assert hs_code[:6] in str(flag.message)


def test_truck_flag_mentions_supervision_code():
    (flag,) = _flags(hs_code="8704410000")
    assert "supervision code 4" in str(flag.message)


def test_flags_validate_hs_code():
    with pytest.raises(ValueInvalid) as excinfo:
        _flags(hs_code="8703")
    assert excinfo.value.code == "length"
    assert _flags(hs_code="  ") == []


def test_control_flag_is_frozen():
    (flag,) = _flags(cas_numbers=["108-88-3"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        flag.code = "x"  # type: ignore[misc]
