"""Product-attribute validators for the catalogue (see shared/docs/verticals.md §1, §2, §6, §7).

Pure Python: no Flask app, no database. Every user-facing message is a lazy
translated string (``flask_babel.lazy_gettext``) so it is rendered in the
locale of the request that finally displays it. Invalid input raises
:class:`ValueInvalid`, whose ``message`` says exactly what is wrong and whose
``code`` is a stable machine-readable reason.

Covered: CAS Registry Numbers, EC numbers, UN numbers, VINs (ISO 3779 /
49 CFR 565), HS 2022 subheadings and China 10-digit tariff lines, fibre
compositions (cashmere blends), GHS pictogram codes, and export-control flags.

Export-control data (:data:`PRECURSOR_CAS`, :func:`controlled_goods_flags`)
come from shared/docs/verticals.md §6.1 (China's Regulation on Administration
of Precursor Chemicals, 易制毒化学品管理条例, categories 1–3) and §1.2 (China
vehicle export licences: used vehicles, MOFCOM et al. Announcement 2024 No. 6;
conventional cars/PHEV and trucks already under licence management; pure
electric passenger cars 8703801090 from 2026-01-01 under the MOFCOM/MIIT/GACC/
SAMR announcement of 26 Sep 2025). The CAS numbers were added from general
chemical knowledge and each check digit is verified at import time. Salts of
category 1–2 chemicals are also controlled but have their own CAS numbers,
which are not listed here. **These tables must be reviewed at least once a year
(China's tariff changes every 1 January; export-control announcements arrive
ad hoc) before they are relied upon.**
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from flask_babel import lazy_gettext as _l
from stdnum.eu import ecnumber as stdnum_ecnumber

from marketplace.core.validators import IdentifierError

__all__ = [
    "BEV_LICENCE_FROM",
    "GHS_PICTOGRAMS",
    "HS_DATA_PATH",
    "PRECURSOR_CAS",
    "ControlFlag",
    "HsNomenclature",
    "ValueInvalid",
    "controlled_goods_flags",
    "hs_nomenclature",
    "parse_composition",
    "validate_cas",
    "validate_composition",
    "validate_ec_number",
    "validate_ghs_pictograms",
    "validate_hs_code",
    "validate_un_number",
    "validate_vin",
    "vin_check_digit",
    "vin_model_year",
]

_SPACES = str.maketrans("", "", " \t\u00a0")
_SPACES_AND_HYPHENS = str.maketrans("", "", " \t\u00a0-")


class ValueInvalid(IdentifierError):
    """A product attribute failed validation: a lazy translated ``message`` saying exactly what is
    wrong, and a stable untranslated ``code`` (same shape as company-identifier errors)."""


def _empty_error() -> ValueInvalid:
    return ValueInvalid(_l("Enter a value."), code="empty")


def _require_digits(value: str) -> None:
    for position, char in enumerate(value, start=1):
        if not ("0" <= char <= "9"):
            raise ValueInvalid(
                _l(
                    "Only digits are allowed: “%(char)s” at position %(position)s is not a digit.",
                    char=char,
                    position=position,
                ),
                code="character",
            )


# --------------------------------------------------------------------------- CAS RN

_CAS_RE = re.compile(r"^[1-9]\d{1,6}-\d{2}-\d$")
_CAS_HYPHENATED_RE = re.compile(r"^\d+-\d{2}-\d$")


def _cas_check_digit(digits_before_check: str) -> str:
    """Σ (position from the right × digit) mod 10 (cas.org check-digit rule)."""
    total = sum(weight * int(d) for weight, d in enumerate(reversed(digits_before_check), start=1))
    return str(total % 10)


def validate_cas(raw: str) -> str:
    """CAS Registry Number ``N{2,7}-NN-R``; returns the canonical hyphenated form.

    Hyphens may be omitted (``"67561"`` → ``"67-56-1"``).
    """
    value = (raw or "").strip().translate(_SPACES)
    if not value:
        raise _empty_error()
    for position, char in enumerate(value, start=1):
        if not (char == "-" or "0" <= char <= "9"):
            raise ValueInvalid(
                _l(
                    "A CAS number has only digits and hyphens: “%(char)s” at position %(position)s.",
                    char=char,
                    position=position,
                ),
                code="character",
            )
    if "-" in value and not _CAS_HYPHENATED_RE.fullmatch(value):
        raise ValueInvalid(
            _l("Write the CAS number as digits-NN-N, for example 67-56-1."),
            code="format",
        )
    digits = value.replace("-", "")
    if not 5 <= len(digits) <= 10:
        raise ValueInvalid(
            _l("A CAS number has 5 to 10 digits; %(count)s entered.", count=len(digits)),
            code="length",
        )
    if digits[0] == "0":
        raise ValueInvalid(_l("A CAS number cannot start with 0."), code="leading_zero")
    canonical = f"{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}"
    if not _CAS_RE.fullmatch(canonical):  # pragma: no cover - guaranteed by the checks above
        raise ValueInvalid(_l("This is not a valid CAS number."), code="format")
    expected = _cas_check_digit(digits[:-1])
    if digits[-1] != expected:
        raise ValueInvalid(
            _l(
                "The check digit (the last digit) should be %(expected)s, not %(given)s.",
                expected=expected,
                given=digits[-1],
            ),
            code="checksum",
        )
    return canonical


# --------------------------------------------------------------------------- EC number

_EC_RE = re.compile(r"^\d{3}-\d{3}-\d$")


def validate_ec_number(raw: str) -> str:
    """EC number (EINECS/ELINCS/NLP) ``NNN-NNN-R``; check digit Σ(i·dᵢ) mod 11.

    Uses ``stdnum.eu.ecnumber.calc_check_digit``, which writes a remainder of 10
    as ``1`` (181 ELINCS numbers were issued that way). Returns ``NNN-NNN-R``.
    """
    value = (raw or "").strip().translate(_SPACES)
    if not value:
        raise _empty_error()
    digits = value.replace("-", "")
    _require_digits(digits)
    if len(digits) != 7:
        raise ValueInvalid(
            _l("An EC number has 7 digits; %(count)s entered.", count=len(digits)),
            code="length",
        )
    canonical = f"{digits[:3]}-{digits[3:6]}-{digits[6]}"
    if "-" in value and value != canonical:
        raise ValueInvalid(
            _l("Write the EC number as NNN-NNN-N, for example 200-659-6."),
            code="format",
        )
    assert _EC_RE.fullmatch(canonical)
    expected = stdnum_ecnumber.calc_check_digit(digits[:6])
    if digits[6] != expected:
        raise ValueInvalid(
            _l(
                "The check digit (the last digit) should be %(expected)s, not %(given)s.",
                expected=expected,
                given=digits[6],
            ),
            code="checksum",
        )
    return canonical


# --------------------------------------------------------------------------- UN number

_UN_RE = re.compile(r"^(?:UN)?(\d{4})$")


def validate_un_number(raw: str) -> str:
    """UN dangerous-goods number: ``UN`` + 4 digits; accepts ``1230``, ``UN 1230``, ``un1230``."""
    value = (raw or "").strip().translate(_SPACES_AND_HYPHENS).upper()
    if not value:
        raise _empty_error()
    match = _UN_RE.fullmatch(value)
    if not match:
        raise ValueInvalid(
            _l("A UN number is “UN” followed by 4 digits, for example UN1230."),
            code="format",
        )
    if match.group(1) == "0000":
        raise ValueInvalid(_l("UN0000 is not a UN number."), code="range")
    return f"UN{match.group(1)}"


# --------------------------------------------------------------------------- VIN

_VIN_LENGTH = 17
_VIN_FORBIDDEN = frozenset("IOQ")
_VIN_YEAR_FORBIDDEN = frozenset("UZ0")
#: 49 CFR 565.15(c) Table IV transliteration (digits keep their value).
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
#: 49 CFR 565.15(c) Table V weights, positions 1–17 (position 9, the check digit, weighs 0).
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
#: Model-year codes (position 10) in cycle order starting 1980 (A) / 2010 (A).
_VIN_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
_VIN_CHECK_WMI_FIRST = frozenset("12345L")


def _vin_compact(raw: str | None) -> str:
    value = (raw or "").strip().translate(_SPACES_AND_HYPHENS).upper()
    if not value:
        raise _empty_error()
    for position, char in enumerate(value, start=1):
        if not (char.isascii() and char.isalnum()):
            raise ValueInvalid(
                _l(
                    "A VIN has only digits and Latin capital letters: “%(char)s” at position %(position)s.",
                    char=char,
                    position=position,
                ),
                code="character",
            )
        if char in _VIN_FORBIDDEN:
            raise ValueInvalid(
                _l(
                    "The letters I, O and Q are never used in a VIN: “%(char)s” at position %(position)s.",
                    char=char,
                    position=position,
                ),
                code="character",
            )
    if len(value) != _VIN_LENGTH:
        raise ValueInvalid(
            _l("A VIN has 17 characters; %(count)s entered.", count=len(value)),
            code="length",
        )
    return value


def vin_check_digit(vin: str) -> str:
    """The 49 CFR 565.15 check digit (position 9) that ``vin`` should carry: ``0``–``9`` or ``X``."""
    value = _vin_compact(vin)
    total = sum(_VIN_VALUES[c] * w for c, w in zip(value, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def validate_vin(raw: str, *, require_check_digit: bool | None = None) -> str:
    """Vehicle identification number (ISO 3779 / 49 CFR 565); returns it in upper case.

    The check digit (position 9) is enforced when ``require_check_digit`` is
    True, or when it is None and the WMI starts with 1–5 (North America) or
    ``L`` (China, GB 16735). Otherwise a wrong check digit is not an error,
    because many European VINs do not use one.
    """
    value = _vin_compact(raw)
    year_code = value[9]
    if year_code in _VIN_YEAR_FORBIDDEN:
        raise ValueInvalid(
            _l(
                "Position 10 (model year) cannot be U, Z or 0; “%(char)s” entered.",
                char=year_code,
            ),
            code="model_year",
        )
    if require_check_digit is None:
        require_check_digit = value[0] in _VIN_CHECK_WMI_FIRST
    if require_check_digit:
        expected = vin_check_digit(value)
        if value[8] != expected:
            raise ValueInvalid(
                _l(
                    "The check digit (position 9) should be %(expected)s, not %(given)s.",
                    expected=expected,
                    given=value[8],
                ),
                code="checksum",
            )
    return value


def vin_model_year(vin: str) -> list[int]:
    """Possible model years encoded by VIN position 10 (30-year cycle), oldest first.

    ``"A"`` → ``[1980, 2010]``; ``"1"`` → ``[2001, 2031]``; ``"Y"`` → ``[2000, 2030]``.
    """
    value = _vin_compact(vin)
    code = value[9]
    index = _VIN_YEAR_CODES.find(code)
    if index < 0:
        raise ValueInvalid(
            _l(
                "Position 10 (model year) cannot be U, Z or 0; “%(char)s” entered.",
                char=code,
            ),
            code="model_year",
        )
    first = 1980 + index
    return [first, first + 30]


# --------------------------------------------------------------------------- HS codes

#: HS 2022 nomenclature (UN Comtrade H6 via datasets/harmonized-system, ODC-PDDL-1.0),
#: without the non-WCO Comtrade "TOTAL"/99 rows.
HS_DATA_PATH = Path(__file__).with_name("data") / "hs2022.csv"
_HS_STRIP = str.maketrans("", "", ". \t\u00a0")


class HsNomenclature:
    """One HS edition: chapters (2 digits), headings (4) and subheadings (6) with descriptions."""

    def __init__(self, descriptions: Mapping[str, str], edition: str = "HS 2022") -> None:
        self.edition = edition
        self._descriptions = dict(descriptions)

    @classmethod
    def from_csv(cls, path: Path | str = HS_DATA_PATH, edition: str = "HS 2022") -> HsNomenclature:
        """Read a CSV with ``hscode`` and ``description`` columns."""
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = {row["hscode"]: row["description"] for row in csv.DictReader(handle)}
        return cls(rows, edition)

    def __len__(self) -> int:
        return len(self._descriptions)

    def exists(self, code6: str) -> bool:
        """True when ``code6`` is a 6-digit subheading of this edition."""
        return len(code6) == 6 and code6 in self._descriptions

    def description(self, code: str) -> str:
        """English description of a chapter (2), heading (4) or subheading (6); KeyError if unknown."""
        if len(code) not in (2, 4, 6):
            raise KeyError(code)
        return self._descriptions[code]

    def chapter(self, code: str) -> str:
        """The 2-digit chapter of ``code`` (any length ≥ 2); KeyError if this edition has no such chapter."""
        chapter = code[:2]
        if len(chapter) != 2 or chapter not in self._descriptions:
            raise KeyError(code)
        return chapter


@functools.cache
def hs_nomenclature() -> HsNomenclature:
    """The HS 2022 nomenclature, loaded once from :data:`HS_DATA_PATH`."""
    return HsNomenclature.from_csv(HS_DATA_PATH)


def validate_hs_code(raw: str) -> str:
    """HS 2022 subheading (6 digits) or China tariff line (10 digits); returns the digits.

    Dots and spaces are ignored (``"3902.10"`` → ``"390210"``). A 10-digit
    line is accepted when its first 6 digits are an HS 2022 subheading.
    """
    value = (raw or "").strip().translate(_HS_STRIP)
    if not value:
        raise _empty_error()
    _require_digits(value)
    if len(value) not in (6, 10):
        raise ValueInvalid(
            _l(
                "An HS code has 6 digits (or 10 digits for a China tariff line); %(count)s entered.",
                count=len(value),
            ),
            code="length",
        )
    if not hs_nomenclature().exists(value[:6]):
        raise ValueInvalid(
            _l("HS 2022 has no subheading %(code)s.", code=value[:6]),
            code="unknown",
        )
    return value


# --------------------------------------------------------------------------- composition

_HUNDRED = Decimal(100)
_NUMBER = r"(?P<pct>\d{1,3}(?:\.\d+)?)"
_NAME = r"(?P<name>[^\d%％]*[^\W\d][^\d%％]*?)"
_COMPOSITION_PART_RES = (
    re.compile(rf"{_NUMBER}\s*[%％]\s*{_NAME}"),  # 95% cashmere
    re.compile(rf"{_NUMBER}\s+{_NAME}"),  # 95 cashmere
    re.compile(rf"{_NAME}\s*{_NUMBER}\s*[%％]?"),  # cashmere 95 / cashmere 95%
)
_COMPOSITION_SPLIT_RE = re.compile(r"[,;\n，；、]")


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def validate_composition(parts: list[tuple[str, Decimal]]) -> list[tuple[str, Decimal]]:
    """Fibre composition: unique non-empty names, Decimal percentages in (0, 100] summing to exactly 100.

    Returns the parts with names stripped and inner whitespace collapsed.
    """
    if not parts:
        raise ValueInvalid(_l("Enter at least one fibre and its percentage."), code="empty")
    result: list[tuple[str, Decimal]] = []
    seen: set[str] = set()
    for position, (raw_name, percentage) in enumerate(parts, start=1):
        name = " ".join(str(raw_name or "").split())
        if not name:
            raise ValueInvalid(
                _l("Fibre %(position)s has no name.", position=position),
                code="name",
            )
        key = name.casefold()
        if key in seen:
            raise ValueInvalid(
                _l("“%(name)s” is listed more than once.", name=name),
                code="duplicate",
            )
        seen.add(key)
        if not isinstance(percentage, Decimal):
            raise ValueInvalid(
                _l(
                    "The percentage of %(name)s must be an exact decimal number, not %(type)s.",
                    name=name,
                    type=type(percentage).__name__,
                ),
                code="type",
            )
        if not percentage.is_finite() or not (0 < percentage <= _HUNDRED):
            raise ValueInvalid(
                _l(
                    "The percentage of %(name)s must be more than 0 and at most 100; %(value)s entered.",
                    name=name,
                    value=str(percentage),
                ),
                code="range",
            )
        result.append((name, percentage))
    total = sum((percentage for _, percentage in result), Decimal(0))
    if total != _HUNDRED:
        raise ValueInvalid(
            _l(
                "The percentages must add up to exactly 100; they add up to %(total)s.",
                total=_decimal_text(total),
            ),
            code="sum",
        )
    return result


def parse_composition(text: str) -> list[tuple[str, Decimal]]:
    """Parse and validate ``"95% cashmere, 5% silk"`` or ``"cashmere 95; silk 5"``.

    Parts are separated by commas, semicolons or new lines (also ``，；、``);
    each is ``<number>% <fibre>``, ``<number> <fibre>`` or ``<fibre> <number>[%]``
    with a dot as decimal separator (``92.5``). The result is checked with
    :func:`validate_composition`.
    """
    chunks = [chunk.strip() for chunk in _COMPOSITION_SPLIT_RE.split(text or "")]
    chunks = [chunk for chunk in chunks if chunk]
    if not chunks:
        raise ValueInvalid(_l("Enter at least one fibre and its percentage."), code="empty")
    parts: list[tuple[str, Decimal]] = []
    for chunk in chunks:
        for pattern in _COMPOSITION_PART_RES:
            match = pattern.fullmatch(chunk)
            if match:
                parts.append((match.group("name"), Decimal(match.group("pct"))))
                break
        else:
            raise ValueInvalid(
                _l(
                    "Could not read “%(part)s”: write each fibre as “95%% cashmere” or “cashmere 95”.",
                    part=chunk,
                ),
                code="format",
            )
    return validate_composition(parts)


# --------------------------------------------------------------------------- GHS pictograms

GHS_PICTOGRAMS = tuple(f"GHS0{n}" for n in range(1, 10))
_GHS_RE = re.compile(r"^GHS0?([1-9])$")


def validate_ghs_pictograms(codes: Iterable[str]) -> list[str]:
    """GHS pictogram codes GHS01…GHS09 (``ghs2`` is read as GHS02); unique; returned sorted.

    A string is split on commas and whitespace.
    """
    if isinstance(codes, str):
        codes = [c for c in re.split(r"[\s,;]+", codes) if c]
    result: list[str] = []
    for raw in codes:
        value = str(raw or "").strip().translate(_SPACES).upper()
        match = _GHS_RE.fullmatch(value)
        if not match:
            raise ValueInvalid(
                _l(
                    "“%(code)s” is not a GHS pictogram code (GHS01 to GHS09).",
                    code=str(raw or "").strip(),
                ),
                code="unknown",
            )
        canonical = f"GHS0{match.group(1)}"
        if canonical in result:
            raise ValueInvalid(
                _l("%(code)s is listed more than once.", code=canonical),
                code="duplicate",
            )
        result.append(canonical)
    return sorted(result)


# --------------------------------------------------------------------------- export controls

#: China precursor chemicals (易制毒化学品) by CAS RN → category 1, 2 or 3 (verticals.md §6.1).
#: Review yearly; salts of category 1–2 substances are controlled too but not listed.
PRECURSOR_CAS: dict[str, int] = {
    # Category 1 (main precursors)
    "103-79-7": 1,  # 1-phenyl-2-propanone (P2P)
    "4676-39-5": 1,  # 3,4-methylenedioxyphenyl-2-propanone (3,4-MDP-2-P)
    "120-57-0": 1,  # piperonal
    "94-59-7": 1,  # safrole
    "8006-80-2": 1,  # sassafras oil
    "120-58-1": 1,  # isosafrole
    "89-52-1": 1,  # N-acetylanthranilic acid
    "118-92-3": 1,  # anthranilic acid
    "60-79-7": 1,  # ergometrine (ergot alkaloid)
    "113-15-5": 1,  # ergotamine (ergot alkaloid)
    "299-42-3": 1,  # ephedrine
    "90-82-4": 1,  # pseudoephedrine (ephedrines)
    # Category 2
    "103-82-2": 2,  # phenylacetic acid
    "108-24-7": 2,  # acetic anhydride
    "67-66-3": 2,  # chloroform (三氯甲烷)
    "60-29-7": 2,  # ethyl ether
    "110-89-4": 2,  # piperidine
    # Category 3
    "108-88-3": 3,  # toluene
    "67-64-1": 3,  # acetone
    "78-93-3": 3,  # methyl ethyl ketone
    "7722-64-7": 3,  # potassium permanganate
    "7664-93-9": 3,  # sulfuric acid
    "7647-01-0": 3,  # hydrochloric acid / hydrogen chloride
}

for _cas in PRECURSOR_CAS:  # every entry must carry a correct CAS check digit
    if validate_cas(_cas) != _cas:  # pragma: no cover - guarded at import time
        raise RuntimeError(f"non-canonical CAS number in PRECURSOR_CAS: {_cas}")
del _cas

#: Pure-electric passenger cars with a VIN (China line 8703801090) need an export licence from this day.
BEV_LICENCE_FROM = date(2026, 1, 1)
_BEV_PASSENGER_LINE = "8703801090"
_VEHICLE_HEADINGS = frozenset({"8702", "8703", "8704"})
#: HS 8703 subheadings with an internal-combustion engine (petrol, diesel, hybrids, PHEV/EREV).
_ICE_PASSENGER_SUBHEADINGS = frozenset(
    {"870321", "870322", "870323", "870324", "870331", "870332", "870333"}
    | {"870340", "870350", "870360", "870370"}
)
_TRUCK_HEADING = "8704"


@dataclass(frozen=True)
class ControlFlag:
    code: str  # stable machine-readable reason, e.g. "precursor_cat_3"
    message: Any  # lazy translated string
    needs_licence: bool


def _precursor_flag(category: int, cas_numbers: list[str]) -> ControlFlag:
    return ControlFlag(
        code=f"precursor_cat_{category}",
        message=_l(
            "Precursor chemical, category %(category)s (CAS %(cas)s): every export needs a "
            "licence from MOFCOM, and the importer must prove legitimate use.",
            category=category,
            cas=", ".join(cas_numbers),
        ),
        needs_licence=True,
    )


def controlled_goods_flags(
    *,
    hs_code: str | None,
    cas_numbers: list[str],
    vehicle_condition: str | None,
    on_date: date,
) -> list[ControlFlag]:
    """China export-control flags for a product (precursor chemicals and vehicle licences).

    ``hs_code`` (6 or 10 digits) and ``cas_numbers`` are validated with
    :func:`validate_hs_code` and :func:`validate_cas` (raising
    :class:`ValueInvalid`). ``vehicle_condition`` is ``"new"`` or ``"used"``.
    ``on_date`` is the day the export is assessed (the BEV licence starts
    on :data:`BEV_LICENCE_FROM`). Dangerous-goods status is not a control flag.
    """
    flags: list[ControlFlag] = []

    by_category: dict[int, list[str]] = {}
    for raw in cas_numbers:
        cas = validate_cas(raw)
        category = PRECURSOR_CAS.get(cas)
        if category is not None and cas not in by_category.get(category, []):
            by_category.setdefault(category, []).append(cas)
    for category in sorted(by_category):
        flags.append(_precursor_flag(category, by_category[category]))

    if hs_code is None or not hs_code.strip():
        return flags
    hs = validate_hs_code(hs_code)
    heading, subheading = hs[:4], hs[:6]

    if heading in _VEHICLE_HEADINGS and (vehicle_condition or "").strip().casefold() == "used":
        flags.append(
            ControlFlag(
                code="used_vehicle_export_licence",
                message=_l(
                    "Used vehicle: the exporter must file with the provincial commerce department "
                    "and obtain an export licence for each shipment."
                ),
                needs_licence=True,
            )
        )
    if hs == _BEV_PASSENGER_LINE and on_date >= BEV_LICENCE_FROM:
        flags.append(
            ControlFlag(
                code="bev_passenger_licence",
                message=_l(
                    "Pure-electric passenger car (tariff line %(line)s): an export licence is "
                    "required from %(start)s.",
                    line=_BEV_PASSENGER_LINE,
                    start=BEV_LICENCE_FROM.isoformat(),
                ),
                needs_licence=True,
            )
        )
    if subheading in _ICE_PASSENGER_SUBHEADINGS:
        flags.append(
            ControlFlag(
                code="vehicle_export_licence",
                message=_l(
                    "Passenger car with a combustion engine or plug-in/range-extended hybrid "
                    "(HS %(code)s): cars are under export-licence management.",
                    code=subheading,
                ),
                needs_licence=True,
            )
        )
    elif heading == _TRUCK_HEADING:
        flags.append(
            ControlFlag(
                code="vehicle_export_licence",
                message=_l(
                    "Goods vehicle (HS %(code)s): truck tariff lines carry supervision code 4 "
                    "(export licence).",
                    code=subheading,
                ),
                needs_licence=True,
            )
        )
    return flags
