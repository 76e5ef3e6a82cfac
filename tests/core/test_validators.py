"""Table tests for marketplace.core.validators (company identifiers).

Valid codes are either real published ones (USCC 91110000600037341L,
INN 7707083893, OGRN 1027700132195) or built here with an *independent*
implementation of the published check algorithms, so the tests do not merely
echo the code under test.
"""

from __future__ import annotations

import flask
import flask_babel
import pytest
from flask_babel.speaklater import LazyString
from stdnum.cn import uscc as stdnum_uscc
from stdnum.ru import ogrn as stdnum_ogrn

from marketplace.core.validators import (
    SCHEMES,
    Identifier,
    IdentifierError,
    is_ordos_uscc,
    uscc_division,
    validate_cn_customs_code,
    validate_identifier,
    validate_mn_register,
    validate_ru_inn,
    validate_ru_ogrn,
    validate_uscc,
)

_app = flask.Flask(__name__)
flask_babel.Babel(_app)


@pytest.fixture(autouse=True)
def _app_context():
    """Lazy messages are rendered with Flask-Babel inside an application context."""
    with _app.app_context():
        yield


# --------------------------------------------------------------------------- independent oracles

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def gb32100_check(body17: str) -> str:
    """GB 32100-2015 check character: weights 3^i mod 31, check = alphabet[(31 - sum%31) % 31]."""
    assert len(body17) == 17
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body17))
    return ALPHABET[(31 - total % 31) % 31]


def uscc(body17: str) -> str:
    return body17 + gb32100_check(body17)


def personal_inn(first10: str) -> str:
    w1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    d1 = sum(w * int(d) for w, d in zip(w1, first10, strict=True)) % 11 % 10
    w2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    d2 = sum(w * int(d) for w, d in zip(w2, first10 + str(d1), strict=True)) % 11 % 10
    return f"{first10}{d1}{d2}"


def company_inn(first9: str) -> str:
    w = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return first9 + str(sum(a * int(d) for a, d in zip(w, first9, strict=True)) % 11 % 10)


def ogrn(first12: str) -> str:
    return first12 + str(int(first12) % 11 % 10)


def ogrnip(first14: str) -> str:
    # Check digit = last digit of (first 14 digits mod 13).
    return first14 + str(int(first14) % 13 % 10)


def _ogrnip_with_big_remainder() -> str:
    """First OGRNIP of a series whose remainder mod 13 is 10–12 (stdnum 2.2 rejects these)."""
    for serial in range(100):
        first14 = f"3047710000{serial:04d}"
        if int(first14) % 13 >= 10:
            return ogrnip(first14)
    raise AssertionError("unreachable")


USCC_ORDOS_DONGSHENG = uscc("91150602MA0Q2T5K1")
USCC_AUTHORITY_Y = uscc("Y1150621MA0N7RXC3")
USCC_LETTERS_1_2 = uscc("N2150627MA13P4G8W")
USCC_BEIJING = "91110000600037341L"
OGRNIP_BIG_REMAINDER = _ogrnip_with_big_remainder()


def _message(excinfo: pytest.ExceptionInfo[IdentifierError]) -> str:
    assert isinstance(excinfo.value.message, LazyString)
    return str(excinfo.value.message)


# --------------------------------------------------------------------------- oracle sanity


def test_oracle_weights_match_published_table():
    published = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    assert tuple(pow(3, i, 31) for i in range(17)) == published
    assert gb32100_check("91110000600037341") == "L"


# --------------------------------------------------------------------------- USCC


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (USCC_BEIJING, USCC_BEIJING),
        (USCC_ORDOS_DONGSHENG, USCC_ORDOS_DONGSHENG),
        (USCC_AUTHORITY_Y, USCC_AUTHORITY_Y),
        (USCC_LETTERS_1_2, USCC_LETTERS_1_2),
        ("91110000600037341l", USCC_BEIJING),
        (" 9111 0000-6000 3734 1l ", USCC_BEIJING),
        (USCC_AUTHORITY_Y.lower(), USCC_AUTHORITY_Y),
    ],
)
def test_uscc_valid(raw, expected):
    assert validate_uscc(raw) == Identifier("cn_uscc", expected, "checksum_ok")


def test_uscc_letters_in_positions_1_2_accepted_although_stdnum_rejects_them():
    assert not stdnum_uscc.is_valid(USCC_AUTHORITY_Y)
    assert validate_uscc(USCC_AUTHORITY_Y).status == "checksum_ok"
    assert validate_uscc(USCC_LETTERS_1_2).value == USCC_LETTERS_1_2


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter the code."]),
        ("  - ", "empty", ["Enter the code."]),
        ("9111000060003734", "length", ["18 characters", "16 entered"]),
        ("91110000600037341L0", "length", ["18 characters", "19 entered"]),
        ("91110000600O37341L", "character", ["I, O, S, V and Z", "“O” at position 12"]),
        ("91110000600037341i", "character", ["I, O, S, V and Z", "“I” at position 18"]),
        ("S1110000600037341L", "character", ["“S” at position 1"]),
        ("91110000600037341#", "character", ["“#” at position 18", "Latin letters"]),
        ("911100006000373号1L", "character", ["“号” at position 16"]),
        ("911A0000600037341L", "division", ["Positions 3–8", "“A” at position 4"]),
        ("91110000600037341M", "checksum", ["should be L", "not M"]),
        (USCC_ORDOS_DONGSHENG[:17] + "0", "checksum", [f"should be {USCC_ORDOS_DONGSHENG[17]}"]),
    ],
)
def test_uscc_invalid(raw, code, fragments):
    with pytest.raises(IdentifierError) as excinfo:
        validate_uscc(raw)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message


def test_uscc_every_wrong_check_character_is_rejected():
    body = USCC_AUTHORITY_Y[:17]
    right = gb32100_check(body)
    for char in ALPHABET.replace(right, ""):
        with pytest.raises(IdentifierError) as excinfo:
            validate_uscc(body + char)
        assert excinfo.value.code == "checksum"
        assert f"should be {right}, not {char}" in _message(excinfo)


@pytest.mark.parametrize(
    ("code", "division", "ordos"),
    [
        (USCC_BEIJING, "110000", False),
        (USCC_ORDOS_DONGSHENG, "150602", True),
        (USCC_AUTHORITY_Y, "150621", True),
        (USCC_LETTERS_1_2, "150627", True),
        (uscc("91150600MA0N2K7C4"), "150600", True),
        (uscc("91150100MA0N2K7C4"), "150100", False),  # Hohhot, not Ordos
        (" " + USCC_ORDOS_DONGSHENG.lower()[:6] + "-" + USCC_ORDOS_DONGSHENG[6:], "150602", True),
    ],
)
def test_uscc_division_and_ordos(code, division, ordos):
    assert uscc_division(code) == division
    assert is_ordos_uscc(code) is ordos


@pytest.mark.parametrize("garbage", ["", "9115", "91AB0602MA0Q2T5K1X"])
def test_uscc_division_of_garbage(garbage):
    with pytest.raises(ValueError):
        uscc_division(garbage)
    assert is_ordos_uscc(garbage) is False


# --------------------------------------------------------------------------- China customs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1506960012", "1506960012"),
        ("3201930142", "3201930142"),
        ("4403110001", "4403110001"),
        (" 1506 9600-12 ", "1506960012"),
    ],
)
def test_customs_code_valid(raw, expected):
    assert validate_cn_customs_code(raw) == Identifier("cn_customs", expected, "format_ok")


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter the code."]),
        ("15069600", "length", ["10 digits", "8 entered"]),
        ("150696001234", "length", ["10 digits", "12 entered"]),
        ("150696001A", "character", ["“A” at position 10"]),
        ("1506660012", "economic_zone", ["Position 5", "1, 2, 3, 4, 5 or 9", "not 6"]),
        ("1506060012", "economic_zone", ["Position 5", "not 0"]),
        ("1506900012", "enterprise_type", ["Position 6", "1 to 9"]),
    ],
)
def test_customs_code_invalid(raw, code, fragments):
    with pytest.raises(IdentifierError) as excinfo:
        validate_cn_customs_code(raw)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message


# --------------------------------------------------------------------------- Russia: INN


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7707083893", "7707083893"),
        (company_inn("500100732"), company_inn("500100732")),
        (personal_inn("7712345678"), personal_inn("7712345678")),
        (personal_inn("5003012345"), personal_inn("5003012345")),
        (" 7707-083 893 ", "7707083893"),
    ],
)
def test_inn_valid(raw, expected):
    assert validate_ru_inn(raw) == Identifier("ru_inn", expected, "checksum_ok")


def _break_last(number: str, digits: int = 1) -> str:
    return number[:-digits] + "".join(str((int(d) + 1) % 10) for d in number[-digits:])


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter the code."]),
        ("770708389", "length", ["10 digits", "12 digits", "9 entered"]),
        ("77070838931", "length", ["11 entered"]),
        ("77070838A3", "character", ["“A” at position 9"]),
        ("7707083894", "checksum", ["check digit", "should be 3"]),
        (
            _break_last(personal_inn("7712345678"), 2),
            "checksum",
            ["check digits", f"should be {personal_inn('7712345678')[-2:]}"],
        ),
    ],
)
def test_inn_invalid(raw, code, fragments):
    with pytest.raises(IdentifierError) as excinfo:
        validate_ru_inn(raw)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message


# --------------------------------------------------------------------------- Russia: OGRN


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1027700132195", "1027700132195"),
        (ogrn("102220052581"), ogrn("102220052581")),
        ("385768585948949", "385768585948949"),
        (ogrnip("30477100001234"), ogrnip("30477100001234")),
        ("1 027700 132195", "1027700132195"),
    ],
)
def test_ogrn_valid(raw, expected):
    assert validate_ru_ogrn(raw) == Identifier("ru_ogrn", expected, "checksum_ok")


def test_ogrnip_with_remainder_above_nine_is_accepted():
    assert int(OGRNIP_BIG_REMAINDER[:14]) % 13 >= 10
    assert not stdnum_ogrn.is_valid(OGRNIP_BIG_REMAINDER)  # stdnum 2.2 limitation
    assert validate_ru_ogrn(OGRNIP_BIG_REMAINDER).status == "checksum_ok"
    with pytest.raises(IdentifierError) as excinfo:
        validate_ru_ogrn(_break_last(OGRNIP_BIG_REMAINDER))
    assert excinfo.value.code == "checksum"
    assert f"should be {OGRNIP_BIG_REMAINDER[-1]}" in _message(excinfo)


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter the code."]),
        ("102770013219", "length", ["13 digits", "15 digits", "12 entered"]),
        ("10277001321951", "length", ["14 entered"]),
        ("10277001321X5", "character", ["“X” at position 12"]),
        ("0027700132195", "component", ["cannot start with 0"]),
        ("185768585948949", "component", ["3 or 4", "not 1"]),
        ("1027700132196", "checksum", ["check digit", "should be 5"]),
        (
            _break_last(ogrnip("30477100001234")),
            "checksum",
            [f"should be {ogrnip('30477100001234')[-1]}"],
        ),
    ],
)
def test_ogrn_invalid(raw, code, fragments):
    with pytest.raises(IdentifierError) as excinfo:
        validate_ru_ogrn(raw)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message


# --------------------------------------------------------------------------- Mongolia


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3262804", "3262804"),
        (" 326 2804 ", "3262804"),
        ("УБ99010112", "УБ99010112"),
        ("ӨҮ05231234", "ӨҮ05231234"),
        ("ЁЯ00123456", "ЁЯ00123456"),
        ("аб12345678", "АБ12345678"),
        ("өү 0523-1234", "ӨҮ05231234"),
    ],
)
def test_mn_register_valid(raw, expected):
    assert validate_mn_register(raw) == Identifier("mn_register", expected, "format_ok")


@pytest.mark.parametrize(
    ("raw", "code", "fragments"),
    [
        ("", "empty", ["Enter the code."]),
        ("326280", "length", ["7 digits", "6 entered"]),
        ("32628041", "length", ["7 digits", "8 entered"]),
        ("UB12345678", "character", ["Cyrillic", "“UB”"]),
        ("АБ1234567", "format", ["7 digits", "2 Cyrillic letters and 8 digits"]),
        ("АБВ1234567", "format", ["2 Cyrillic letters and 8 digits"]),
        ("12АБ345678", "format", ["2 Cyrillic letters and 8 digits"]),
    ],
)
def test_mn_register_invalid(raw, code, fragments):
    with pytest.raises(IdentifierError) as excinfo:
        validate_mn_register(raw)
    assert excinfo.value.code == code
    message = _message(excinfo)
    for fragment in fragments:
        assert fragment in message


# --------------------------------------------------------------------------- registry


@pytest.mark.parametrize(
    ("scheme", "country", "label", "raw", "status"),
    [
        ("cn_uscc", "CN", "Unified social credit code (USCC)", USCC_BEIJING, "checksum_ok"),
        ("cn_customs", "CN", "Customs registration code", "1506960012", "format_ok"),
        ("ru_inn", "RU", "INN", "7707083893", "checksum_ok"),
        ("ru_ogrn", "RU", "OGRN", "1027700132195", "checksum_ok"),
        ("mn_register", "MN", "State registration number", "3262804", "format_ok"),
    ],
)
def test_registry_and_dispatch(scheme, country, label, raw, status):
    info = SCHEMES[scheme]
    assert info.country == country
    assert isinstance(info.label, LazyString)
    assert str(info.label) == label
    result = validate_identifier(scheme, raw)
    assert result == info.validator(raw)
    assert (result.scheme, result.status) == (scheme, status)


def test_registry_has_exactly_the_documented_schemes():
    assert set(SCHEMES) == {"cn_uscc", "cn_customs", "ru_inn", "ru_ogrn", "mn_register"}


def test_validate_identifier_unknown_scheme():
    with pytest.raises(ValueError, match="unknown identifier scheme") as excinfo:
        validate_identifier("kz_bin", "123456789012")
    assert not isinstance(excinfo.value, IdentifierError)


def test_validate_identifier_propagates_identifier_error():
    with pytest.raises(IdentifierError) as excinfo:
        validate_identifier("ru_inn", "7707083894")
    assert isinstance(excinfo.value, ValueError)
    assert str(excinfo.value) == str(excinfo.value.message)


def test_identifier_is_frozen():
    ident = validate_uscc(USCC_BEIJING)
    with pytest.raises(AttributeError):
        ident.value = "x"  # type: ignore[misc]
