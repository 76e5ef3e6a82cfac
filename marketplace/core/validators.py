"""Company-identifier validators (see shared/docs/verticals.md §3 and §7 items 1–2).

Pure Python: no Flask app, no database. Every user-facing message is a lazy
translated string (``flask_babel.lazy_gettext``) so it is rendered in the
locale of the request that finally displays it.

Each validator returns an :class:`Identifier` with the normalised value and a
status: ``"checksum_ok"`` when a check digit/character was verified, or
``"format_ok"`` when the scheme has no published checksum (China customs
registration code, Mongolian state register). Invalid input raises
:class:`IdentifierError` whose ``message`` says exactly what is wrong and whose
``code`` is a stable machine-readable reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from flask_babel import lazy_gettext as _l
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

__all__ = [
    "SCHEMES",
    "STATUS_CHECKSUM_OK",
    "STATUS_FORMAT_OK",
    "USCC_ALPHABET",
    "Identifier",
    "IdentifierError",
    "SchemeInfo",
    "is_ordos_uscc",
    "uscc_division",
    "validate_cn_customs_code",
    "validate_identifier",
    "validate_mn_register",
    "validate_ru_inn",
    "validate_ru_ogrn",
    "validate_uscc",
]

STATUS_CHECKSUM_OK = "checksum_ok"
STATUS_FORMAT_OK = "format_ok"

#: GB 32100-2015 character set: digits and capital letters except I, O, Z, S, V.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_EXCLUDED_LETTERS = frozenset("IOZSV")
_USCC_LENGTH = 18

#: GB/T 2260 prefix of Ordos (鄂尔多斯市, 150600) and its districts/banners 1506xx.
ORDOS_DIVISION_PREFIX = "1506"

_CUSTOMS_LENGTH = 10
_CUSTOMS_ECONOMIC_ZONES = frozenset("123459")

# Mongolian citizen register: 2 Cyrillic capitals (А–Я, Ё, Ө, Ү) + 8 digits.
_MN_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ"
_MN_CITIZEN_RE = re.compile(rf"[{_MN_LETTERS}]{{2}}[0-9]{{8}}")

_SEPARATORS = str.maketrans("", "", " -\t\u00a0")


class IdentifierError(ValueError):
    """An identifier failed validation.

    ``message`` is a lazy translated string saying exactly what is wrong;
    ``code`` is a stable, untranslated reason (e.g. ``"length"``, ``"checksum"``).
    """

    def __init__(self, message: Any, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class Identifier:
    scheme: str  # one of SCHEMES keys
    value: str  # normalised compact form
    status: str  # "checksum_ok" or "format_ok"


class SchemeInfo(NamedTuple):
    label: Any  # lazy translated string
    country: str  # ISO 3166-1 alpha-2
    validator: Callable[[str], Identifier]


# --------------------------------------------------------------------------- helpers


def _compact(raw: str | None) -> str:
    """Strip and remove spaces/hyphens; raise the "empty" error if nothing is left."""
    value = (raw or "").strip().translate(_SEPARATORS)
    if not value:
        raise IdentifierError(_l("Enter the code."), code="empty")
    return value


def _require_digits(value: str) -> None:
    for position, char in enumerate(value, start=1):
        if not ("0" <= char <= "9"):
            raise IdentifierError(
                _l(
                    "Only digits are allowed: “%(char)s” at position %(position)s is not a digit.",
                    char=char,
                    position=position,
                ),
                code="character",
            )


# --------------------------------------------------------------------------- China: USCC


def _uscc_compact(raw: str | None) -> str:
    return _compact(raw).upper()


def validate_uscc(raw: str) -> Identifier:
    """Unified social credit code (GB 32100-2015), 18 characters with a check character.

    Unlike ``stdnum.cn.uscc.validate`` this accepts letters in positions 1–2
    (registration authority such as ``Y`` and letter entity-type codes); the
    check character is computed with stdnum's GB 32100 algorithm.
    """
    value = _uscc_compact(raw)
    for position, char in enumerate(value, start=1):
        if char in _USCC_EXCLUDED_LETTERS:
            raise IdentifierError(
                _l(
                    "The letters I, O, S, V and Z are not used in this code: "
                    "“%(char)s” at position %(position)s.",
                    char=char,
                    position=position,
                ),
                code="character",
            )
        if char not in USCC_ALPHABET:
            raise IdentifierError(
                _l(
                    "“%(char)s” at position %(position)s is not allowed: "
                    "use digits and capital Latin letters only.",
                    char=char,
                    position=position,
                ),
                code="character",
            )
    if len(value) != _USCC_LENGTH:
        raise IdentifierError(
            _l(
                "The code must have 18 characters; %(count)s entered.",
                count=len(value),
            ),
            code="length",
        )
    for position in range(3, 9):
        char = value[position - 1]
        if not char.isdigit():
            raise IdentifierError(
                _l(
                    "Positions 3–8 (administrative division code) must be digits: "
                    "“%(char)s” at position %(position)s.",
                    char=char,
                    position=position,
                ),
                code="division",
            )
    expected = stdnum_uscc.calc_check_digit(value[:17])
    if value[17] != expected:
        raise IdentifierError(
            _l(
                "The check character (position 18) should be %(expected)s, not %(given)s.",
                expected=expected,
                given=value[17],
            ),
            code="checksum",
        )
    return Identifier("cn_uscc", value, STATUS_CHECKSUM_OK)


def uscc_division(uscc: str) -> str:
    """Administrative division code (GB/T 2260): positions 3–8 of a USCC."""
    value = (uscc or "").strip().translate(_SEPARATORS).upper()
    division = value[2:8]
    if len(division) != 6 or not division.isdigit():
        raise ValueError(f"not a unified social credit code: {uscc!r}")
    return division


def is_ordos_uscc(uscc: str) -> bool:
    """True when the USCC was issued by an Ordos (鄂尔多斯, 1506xx) registration authority."""
    try:
        return uscc_division(uscc).startswith(ORDOS_DIVISION_PREFIX)
    except ValueError:
        return False


# --------------------------------------------------------------------------- China: customs


def validate_cn_customs_code(raw: str) -> Identifier:
    """Customs registration code (海关注册编码): 10 digits, no checksum.

    Position 5 is the economic zone (1, 2, 3, 4, 5 or 9) and position 6 the
    enterprise type (1–9).
    """
    value = _compact(raw)
    _require_digits(value)
    if len(value) != _CUSTOMS_LENGTH:
        raise IdentifierError(
            _l(
                "The customs registration code must have 10 digits; %(count)s entered.",
                count=len(value),
            ),
            code="length",
        )
    if value[4] not in _CUSTOMS_ECONOMIC_ZONES:
        raise IdentifierError(
            _l(
                "Position 5 (economic zone) must be 1, 2, 3, 4, 5 or 9, not %(digit)s.",
                digit=value[4],
            ),
            code="economic_zone",
        )
    if value[5] == "0":
        raise IdentifierError(
            _l("Position 6 (enterprise type) must be a digit from 1 to 9, not 0."),
            code="enterprise_type",
        )
    return Identifier("cn_customs", value, STATUS_FORMAT_OK)


# --------------------------------------------------------------------------- Russia


def validate_ru_inn(raw: str) -> Identifier:
    """INN (ИНН): 10 digits (legal entity) or 12 digits (individual), with check digits."""
    value = _compact(raw)
    _require_digits(value)
    if len(value) not in (10, 12):
        raise IdentifierError(
            _l(
                "An INN has 10 digits (organisation) or 12 digits (individual); %(count)s entered.",
                count=len(value),
            ),
            code="length",
        )
    try:
        value = stdnum_inn.validate(value)
    except InvalidChecksum:
        if len(value) == 10:
            raise IdentifierError(
                _l(
                    "The check digit (the last digit) should be %(expected)s.",
                    expected=stdnum_inn.calc_company_check_digit(value),
                ),
                code="checksum",
            )
        raise IdentifierError(
            _l(
                "The check digits (the last two digits) should be %(expected)s.",
                expected=stdnum_inn.calc_personal_check_digits(value),
            ),
            code="checksum",
        )
    except ValidationError:  # pragma: no cover - format and length are checked above
        raise IdentifierError(_l("This is not a valid INN."), code="invalid")
    return Identifier("ru_inn", value, STATUS_CHECKSUM_OK)


def _ogrnip_check_digit(value: str) -> str:
    # The OGRNIP check digit is the *last digit* of (first 14 digits mod 13).
    # stdnum 2.2 compares the whole remainder, so it wrongly rejects numbers
    # whose remainder is 10, 11 or 12.
    return str(int(value[:14]) % 13 % 10)


def validate_ru_ogrn(raw: str) -> Identifier:
    """OGRN (ОГРН, 13 digits) or OGRNIP (ОГРНИП, 15 digits), with a check digit."""
    value = _compact(raw)
    _require_digits(value)
    if len(value) not in (13, 15):
        raise IdentifierError(
            _l(
                "An OGRN has 13 digits (OGRNIP for sole traders: 15 digits); %(count)s entered.",
                count=len(value),
            ),
            code="length",
        )
    try:
        value = stdnum_ogrn.validate(value)
    except InvalidComponent:
        if len(value) == 13:
            raise IdentifierError(_l("An OGRN cannot start with 0."), code="component")
        raise IdentifierError(
            _l("An OGRNIP (15 digits) starts with 3 or 4, not %(digit)s.", digit=value[0]),
            code="component",
        )
    except InvalidChecksum:
        expected = stdnum_ogrn.calc_check_digit(value) if len(value) == 13 else _ogrnip_check_digit(value)
        if value[-1] != expected:
            raise IdentifierError(
                _l(
                    "The check digit (the last digit) should be %(expected)s.",
                    expected=expected,
                ),
                code="checksum",
            )
    except ValidationError:  # pragma: no cover - format and length are checked above
        raise IdentifierError(_l("This is not a valid OGRN."), code="invalid")
    return Identifier("ru_ogrn", value, STATUS_CHECKSUM_OK)


# --------------------------------------------------------------------------- Mongolia


def validate_mn_register(raw: str) -> Identifier:
    """Mongolian state registration number (регистрийн дугаар); format only.

    Organisation: exactly 7 digits. Citizen: 2 Cyrillic capital letters
    (А–Я, Ё, Ө, Ү) followed by 8 digits. No check-digit algorithm is
    published, so none is applied.
    """
    value = _compact(raw).upper()
    if value.isascii() and value.isdigit():
        if len(value) != 7:
            raise IdentifierError(
                _l(
                    "An organisation register number has 7 digits; %(count)s entered.",
                    count=len(value),
                ),
                code="length",
            )
        return Identifier("mn_register", value, STATUS_FORMAT_OK)
    if _MN_CITIZEN_RE.fullmatch(value):
        return Identifier("mn_register", value, STATUS_FORMAT_OK)
    if len(value) == 10 and value[:2].isalpha() and value[2:].isascii() and value[2:].isdigit():
        raise IdentifierError(
            _l(
                "The first two characters must be Mongolian Cyrillic letters, not “%(letters)s”.",
                letters=value[:2],
            ),
            code="character",
        )
    raise IdentifierError(
        _l("Enter 7 digits for an organisation, or 2 Cyrillic letters and 8 digits for a citizen."),
        code="format",
    )


# --------------------------------------------------------------------------- registry


SCHEMES: dict[str, SchemeInfo] = {
    "cn_uscc": SchemeInfo(_l("Unified social credit code (USCC)"), "CN", validate_uscc),
    "cn_customs": SchemeInfo(_l("Customs registration code"), "CN", validate_cn_customs_code),
    "ru_inn": SchemeInfo(_l("INN"), "RU", validate_ru_inn),
    "ru_ogrn": SchemeInfo(_l("OGRN"), "RU", validate_ru_ogrn),
    "mn_register": SchemeInfo(_l("State registration number"), "MN", validate_mn_register),
}


def validate_identifier(scheme: str, raw: str) -> Identifier:
    """Validate ``raw`` under ``scheme`` (a key of :data:`SCHEMES`).

    Raises :class:`IdentifierError` for invalid input and a plain
    :class:`ValueError` for an unknown scheme (a programming error).
    """
    try:
        info = SCHEMES[scheme]
    except KeyError:
        raise ValueError(f"unknown identifier scheme: {scheme!r}")
    return info.validator(raw)
