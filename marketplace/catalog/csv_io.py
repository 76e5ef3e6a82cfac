"""Bulk import and export of a seller's listings as CSV: one row per listing, content columns per
language, price tiers and attributes in one cell each. An import applies every row or none: each row
runs the ordinary create/update services inside a savepoint, errors are collected per row, and if any
row fails the whole import is rolled back and refused with the list of errors."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _nl
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import Company, User
from marketplace.catalog import queries, services
from marketplace.catalog.models import Category, Listing, ListingVersion
from marketplace.catalog.states import Incoterm, TransportMode, Unit
from marketplace.core import audit
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.i18n import LANGUAGES
from marketplace.extensions import db

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
BOM = "\ufeff"

CONTENT_COLUMNS = [f"{kind}_{lang}" for lang in LANGUAGES for kind in ("title", "description")]
COLUMNS = [
    "id",
    "category",
    "hs_code",
    "origin_ordos",
    "unit",
    "moq",
    "order_multiple",
    "incoterm",
    "incoterm_place",
    "transport_mode",
    "lead_time_days",
    *CONTENT_COLUMNS,
    "prices",
    "attributes",
    "state",
]
REQUIRED = (
    "category",
    "hs_code",
    "moq",
    "incoterm",
    "incoterm_place",
    "transport_mode",
    "lead_time_days",
    "prices",
)

# Cells a spreadsheet would run as a formula are exported with a leading apostrophe (and read back).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TIER = re.compile(r"^([A-Za-z]{3})\s*:\s*([^=]*?)\s*=\s*(.*)$")


def column_help() -> list[tuple[str, Any]]:
    """(column, explanation) for the import page."""
    return [
        ("id", _l("Empty for a new listing; the number of one of your listings to update it.")),
        (
            "category",
            _l(
                "The code of the most specific category (see the list below). "
                "The category of an existing listing cannot be changed."
            ),
        ),
        ("hs_code", _l("6-digit HS code or 10-digit Chinese tariff line.")),
        ("origin_ordos", _l("1 if made in Ordos, 0 if not; empty for your company's default.")),
        (
            "unit",
            _l(
                "One of %(values)s; empty for the category's default.",
                values=", ".join(u.value for u in Unit),
            ),
        ),
        ("moq", _l("Minimum order quantity, in the unit.")),
        (
            "order_multiple",
            _l("Orders are multiples of this quantity; empty for the minimum order quantity."),
        ),
        ("incoterm", _l("One of %(values)s.", values=", ".join(i.value for i in Incoterm))),
        ("incoterm_place", _l("The named place, e.g. “Erenhot” or “Tianjin port”.")),
        ("transport_mode", _l("One of %(values)s.", values=", ".join(m.value for m in TransportMode))),
        ("lead_time_days", _l("Lead time in days (0 to 365).")),
        (
            "title_zh … description_mn",
            _l(
                "Title and description in Chinese (zh), English (en), Russian (ru) "
                "and Mongolian (mn); leave both empty for a language you do not use."
            ),
        ),
        (
            "prices",
            _l(
                "Price tiers as CURRENCY:FROM_QUANTITY=UNIT_PRICE separated by |, "
                "e.g. USD:25=1050.00|USD:100=1010.00|CNY:25=7450."
            ),
        ),
        (
            "attributes",
            _l(
                "The specifications as a JSON object, e.g. "
                '{"mfr": "3.0", "application": ["raffia"]}; lists for multiple choices.'
            ),
        ),
        ("state", _l("Only in the export; ignored on import.")),
    ]


# -- errors and results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int | None  # as in the file, the header being row 1; None for the file as a whole
    field: str  # the CSV column (or "attributes.<code>"), "" for the whole row
    message: str


class ImportFailed(ValidationFailed):
    """Nothing was imported; `rows` lists every problem found."""

    code = "import_failed"

    def __init__(self, rows: list[RowError], message=None):
        errors: dict[str, list[str]] = {}
        for e in rows:
            key = f"row {e.row}: {e.field}" if e.row is not None else (e.field or "file")
            errors.setdefault(key, []).append(e.message)
        if message is None:
            count = len({e.row for e in rows})
            message = _nl(
                "Nothing was imported: %(num)s row has errors. Correct it and upload the file again.",
                "Nothing was imported: %(num)s rows have errors. Correct them and upload the file again.",
                count,
            )
        super().__init__(errors, message)
        self.rows = rows

    @classmethod
    def file(cls, message) -> ImportFailed:
        return cls([RowError(None, "file", str(message))], message=message)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    created_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)


# -- export ---------------------------------------------------------------------------------------


def _dec(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _escape(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def version_cells(listing: Listing, version: ListingVersion, category: Category) -> dict[str, str]:
    """The CSV cells of one listing version (unescaped)."""
    cells = {
        "id": str(listing.id),
        "category": category.slug,
        "hs_code": version.hs_code,
        "origin_ordos": "1" if version.origin_ordos else "0",
        "unit": version.unit.value,
        "moq": _dec(version.moq),
        "order_multiple": _dec(version.order_multiple),
        "incoterm": version.incoterm.value,
        "incoterm_place": version.incoterm_place,
        "transport_mode": version.transport_mode.value,
        "lead_time_days": str(version.lead_time_days),
        "prices": "|".join(
            f"{p.currency}:{_dec(p.min_quantity)}={_dec(p.unit_price)}" for p in version.prices
        ),
        "attributes": json.dumps(version.attributes or {}, ensure_ascii=False) if version.attributes else "",
        "state": listing.state.value,
    }
    for name in CONTENT_COLUMNS:
        cells[name] = ""
    for t in version.translations:
        if t.language in LANGUAGES:
            cells[f"title_{t.language}"] = t.title
            cells[f"description_{t.language}"] = t.description
    return cells


def _with_versions() -> list:
    """Loader options: both versions of a listing with their content and prices, in batches."""
    return [
        selectinload(Listing.working_version).selectinload(ListingVersion.translations),
        selectinload(Listing.working_version).selectinload(ListingVersion.prices),
        selectinload(Listing.live_version).selectinload(ListingVersion.translations),
        selectinload(Listing.live_version).selectinload(ListingVersion.prices),
    ]


def _company_listings(company: Company) -> list[Listing]:
    return list(
        db.session.scalars(
            sa.select(Listing)
            .where(Listing.seller_id == company.id)
            .order_by(Listing.id)
            .options(*_with_versions())
        )
    )


def export_listings(company: Company) -> str:
    """Every listing of `company` (its working version if there is one, else the live one), as CSV
    text starting with a byte-order mark so that spreadsheets read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    by_id = queries.categories_by_id()
    for listing in _company_listings(company):
        version = listing.working_version or listing.live_version
        if version is None:
            continue
        cells = version_cells(listing, version, by_id.get(listing.category_id) or listing.category)
        writer.writerow([_escape(cells[c]) for c in COLUMNS])
    return BOM + out.getvalue()


# -- reading the file -----------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if len(data) > MAX_BYTES:
        raise ImportFailed.file(_l("The file is larger than 2 MB. Split it into several files."))
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed.file(
            _l("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)”.")
        )


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)  # a tie (e.g. one column) means a comma


def _read(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (normalised names) and the non-empty data rows with their row numbers."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ImportFailed.file(_l("The file is larger than 2 MB. Split it into several files."))
    text = text.removeprefix(BOM)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if header is None:
                header = [h.strip().removeprefix(BOM).strip().lower() for h in record]
                continue
            if not any(cell.strip() for cell in record):
                continue
            rows.append((number, record))
            if len(rows) > MAX_ROWS:
                raise ImportFailed.file(
                    _l("The file has more than %(max)s listings. Split it into several files.", max=MAX_ROWS)
                )
    except csv.Error:
        raise ImportFailed.file(_l("Row %(row)s cannot be read as CSV: check its quotes.", row=number + 1))
    if not header or not any(header):
        raise ImportFailed.file(_l("The file is empty: the first row must name the columns."))
    if not rows:
        raise ImportFailed.file(_l("The file contains no listings."))
    return header, rows


def _check_header(header: list[str]) -> None:
    errors = []
    seen: set[str] = set()
    for name in header:
        if not name:
            continue  # an unnamed column (e.g. a trailing separator) is ignored
        if name in seen:
            errors.append(RowError(1, name, str(_l("This column appears twice."))))
        elif name not in COLUMNS:
            errors.append(
                RowError(
                    1,
                    name,
                    str(_l("Unknown column. The columns are: %(columns)s.", columns=", ".join(COLUMNS))),
                )
            )
        seen.add(name)
    for name in REQUIRED:
        if name not in seen:
            errors.append(RowError(1, name, str(_l("This required column is missing from the header row."))))
    if not any(c.startswith("title_") for c in seen):
        errors.append(RowError(1, "title_*", str(_l("Add at least one title column, e.g. title_en."))))
    if errors:
        raise ImportFailed(errors, message=_l("Nothing was imported: the header row is not valid."))


# -- one row --------------------------------------------------------------------------------------


def _parse_origin(raw: str, errors: list[tuple[str, str]]) -> bool | None:
    value = raw.strip().lower()
    if value == "":
        return None
    if value in {"1", "yes", "y", "true"}:
        return True
    if value in {"0", "no", "n", "false"}:
        return False
    errors.append(
        ("origin_ordos", str(_l("Write 1 (yes) or 0 (no), or leave it empty for your company's default.")))
    )
    return None


def _parse_prices(raw: str, errors: list[tuple[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    tiers, texts = [], []
    for part in raw.split("|"):
        part = part.strip()
        if not part:
            continue
        match = _TIER.match(part)
        if match is None:
            errors.append(
                (
                    "prices",
                    str(
                        _l(
                            "“%(tier)s” is not a price tier: write CURRENCY:FROM_QUANTITY=UNIT_PRICE, "
                            "separated by |, e.g. USD:25=1050.00|USD:100=1010.00.",
                            tier=part[:40],
                        )
                    ),
                )
            )
            continue
        tiers.append({"currency": match[1], "min_quantity": match[2], "unit_price": match[3].strip()})
        texts.append(part)
    return tiers, texts


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def _parse_attributes(raw: str, errors: list[tuple[str, str]]) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw, parse_float=Decimal, parse_constant=_no_constants)
    except ValueError:  # JSONDecodeError too
        value = None
    if not isinstance(value, dict):
        errors.append(
            (
                "attributes",
                str(
                    _l(
                        "Write the attributes as a JSON object, "
                        'e.g. {"mfr": "3.0", "application": ["raffia"]}.'
                    )
                ),
            )
        )
        return {}
    return value


def _column_of(key: str) -> str:
    """The CSV column a service error key refers to."""
    parts = key.split(".")
    if parts[0] == "content":
        if len(parts) == 3:
            return f"{parts[2]}_{parts[1]}"
        return "title_*"
    if parts[0] == "prices":
        return "prices"
    return key


def _service_errors(
    exc: ValidationFailed, tier_texts: list[str], skip: set[str] | None = None
) -> list[tuple[str, str]]:
    """(column, message) pairs of a service's errors, leaving out whole-column errors of `skip`."""
    out = []
    for key, messages in exc.errors.items():
        column = _column_of(key)
        if skip and column in skip and not re.match(r"^prices\.\d+\.", key):
            continue
        prefix = ""
        parts = key.split(".")
        if parts[0] == "prices" and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(tier_texts):
            prefix = f"{tier_texts[int(parts[1])]}: "
        for message in messages:
            out.append((column, prefix + str(message)))
    if not out and not skip:
        out.append(("", str(exc.message)))
    return out


@dataclass
class _Row:
    number: int
    cells: dict[str, str]
    listing: Listing | None = None
    category: Category | None = None


def _listing_data(row: _Row, errors: list[tuple[str, str]]) -> tuple[services.ListingData, list[str]]:
    cells = row.cells
    prices, tier_texts = _parse_prices(cells.get("prices", ""), errors)
    content = {
        lang: {"title": cells.get(f"title_{lang}", ""), "description": cells.get(f"description_{lang}", "")}
        for lang in LANGUAGES
    }
    data = services.ListingData(
        hs_code=cells.get("hs_code", ""),
        origin_ordos=_parse_origin(cells.get("origin_ordos", ""), errors),
        unit=cells.get("unit", "").strip(),
        moq=cells.get("moq", ""),
        order_multiple=cells.get("order_multiple", "").strip(),
        incoterm=cells.get("incoterm", "").strip().upper(),
        incoterm_place=cells.get("incoterm_place", ""),
        transport_mode=cells.get("transport_mode", "").strip().lower(),
        lead_time_days=cells.get("lead_time_days", ""),
        attributes=_parse_attributes(cells.get("attributes", ""), errors),
        content=content,
        prices=prices,
    )
    return data, tier_texts


def _same(clean: services.CleanListing, version: ListingVersion) -> bool:
    """Whether a cleaned row equals the version (so importing it would change nothing)."""
    return (
        clean.hs_code == version.hs_code
        and clean.origin_ordos == version.origin_ordos
        and clean.unit == version.unit
        and clean.moq == version.moq
        and clean.order_multiple == version.order_multiple
        and clean.incoterm == version.incoterm
        and clean.incoterm_place == version.incoterm_place
        and clean.transport_mode == version.transport_mode
        and clean.lead_time_days == version.lead_time_days
        and clean.attributes == (version.attributes or {})
        and clean.content == {t.language: (t.title, t.description) for t in version.translations}
        and sorted(clean.prices) == sorted((p.currency, p.min_quantity, p.unit_price) for p in version.prices)
    )


def _import_row(actor: User, company: Company, row: _Row, result: ImportResult) -> list[tuple[str, str]]:
    """Create or update one listing; the (column, message) errors of the row (nothing kept if any)."""
    errors: list[tuple[str, str]] = []
    data, tier_texts = _listing_data(row, errors)
    category = row.category or (row.listing.category if row.listing else None)
    if category is None:
        return errors  # the category error is already reported
    if errors:
        # Report the remaining field errors too (clean_listing writes nothing).
        failed = {column for column, _m in errors}
        try:
            services.clean_listing(category, data, company)
        except ValidationFailed as exc:
            errors += _service_errors(exc, tier_texts, skip=failed)
        return errors
    try:
        with db.session.begin_nested():
            if row.listing is None:
                listing = services.create_listing(actor, company, category, data)
                result.created += 1
                result.created_ids.append(listing.id)
            else:
                clean = services.clean_listing(category, data, company)
                current = row.listing.working_version or row.listing.live_version
                if current is not None and _same(clean, current):
                    result.unchanged += 1
                else:
                    services.update_listing(actor, row.listing, data)
                    result.updated += 1
                    result.updated_ids.append(row.listing.id)
    except ValidationFailed as exc:
        errors += _service_errors(exc, tier_texts)
    except UserError as exc:
        errors.append((exc.field or "", str(exc.message)))
    return errors


def _prepare(company: Company, header: list[str], records: list[tuple[int, list[str]]]):
    """Match rows to columns, listings (of this company only) and categories; collect row errors."""
    rows: list[_Row] = []
    failures: list[RowError] = []
    wanted_ids = set()
    for number, record in records:
        cells = {name: _unescape(value) for name, value in zip(header, record, strict=False) if name}
        extra = record[len(header) :]
        if len(record) < len(header) or any(cell.strip() for cell in extra):
            failures.append(
                RowError(
                    number,
                    "",
                    str(
                        _l(
                            "This row has %(found)s cells but the header has %(expected)s columns.",
                            found=len(record),
                            expected=len(header),
                        )
                    ),
                )
            )
            continue
        rows.append(_Row(number, cells))
        raw_id = cells.get("id", "").strip()
        if raw_id.isdigit():
            wanted_ids.add(int(raw_id))
    listings = {}
    if wanted_ids:
        listings = {
            x.id: x
            for x in db.session.scalars(
                sa.select(Listing)
                .where(Listing.id.in_(wanted_ids), Listing.seller_id == company.id)
                .options(*_with_versions())
            )
        }
    seen_ids: dict[int, int] = {}
    for row in rows:
        raw_id = row.cells.get("id", "").strip()
        slug = row.cells.get("category", "").strip().lower()
        if raw_id:
            listing = listings.get(int(raw_id)) if raw_id.isdigit() else None
            if listing is None:
                failures.append(
                    RowError(
                        row.number,
                        "id",
                        str(
                            _l(
                                "Your company has no listing #%(id)s. "
                                "Leave the id empty to create a new listing.",
                                id=raw_id[:20],
                            )
                        ),
                    )
                )
                continue
            if listing.id in seen_ids:
                failures.append(
                    RowError(
                        row.number,
                        "id",
                        str(
                            _l(
                                "Listing #%(id)s is already in row %(row)s.",
                                id=listing.id,
                                row=seen_ids[listing.id],
                            )
                        ),
                    )
                )
                continue
            seen_ids[listing.id] = row.number
            row.listing = listing
            current = listing.working_version or listing.live_version
            if current is not None:  # columns left out of the file keep their current values
                row.cells = {**version_cells(listing, current, listing.category), **row.cells}
            if slug and slug != listing.category.slug:
                failures.append(
                    RowError(
                        row.number,
                        "category",
                        str(
                            _l(
                                "The category of an existing listing cannot be changed; "
                                "create a new listing instead."
                            )
                        ),
                    )
                )
            continue
        category = queries.category_by_slug(slug) if slug else None
        if category is None:
            message = (
                _l("Unknown category “%(slug)s”. Use the code of the most specific category.", slug=slug[:64])
                if slug
                else _l("Give the category of the new listing.")
            )
            failures.append(RowError(row.number, "category", str(message)))
        elif not queries.is_leaf(category):
            failures.append(RowError(row.number, "category", str(_l("Choose the most specific category."))))
        else:
            row.category = category
    return rows, failures


def import_listings(actor: User, company: Company, text: str) -> ImportResult:
    """Create or update the company's listings from CSV text: all rows or none. Raises ImportFailed
    (a ValidationFailed) with every row's errors; the caller's transaction must then roll back too."""
    services.require_seller_member(actor, company)
    header, records = _read(text)
    _check_header(header)
    rows, failures = _prepare(company, header, records)
    failed_rows = {f.row for f in failures}
    result = ImportResult()
    # Written before the savepoint on purpose: with SQLite (pysqlite) this INSERT opens the real
    # transaction, so the savepoint is nested in it and releasing it does not commit early. The
    # request still commits (or rolls back) once.
    entry = audit.record("listings.imported", actor=actor, company_id=company.id, rows=len(records))
    with db.session.begin_nested():
        for row in rows:
            if row.number in failed_rows and row.category is None and row.listing is None:
                continue
            errors = _import_row(actor, company, row, result)
            failures += [RowError(row.number, column, message) for column, message in errors]
        if failures:
            failures.sort(
                key=lambda e: (e.row or 0, COLUMNS.index(e.field) if e.field in COLUMNS else len(COLUMNS))
            )
            raise ImportFailed(failures)  # leaving the block rolls the savepoint back
    entry.details = {
        "rows": len(records),
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
    }
    db.session.flush()
    return result
