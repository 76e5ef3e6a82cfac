"""Customs reference code tables (JGS-20 / JGS-T 18, as the CEB messages use them), loaded from the
versioned data file `data/codes.json`, with their ISO (or UN/ECE) mappings.

A value the table lacks is an `UnknownCode` error: a declaration never carries a guessed code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l

from marketplace.core.errors import ValidationFailed

DATA_FILE = Path(__file__).resolve().parent / "data" / "codes.json"

TABLE_LABELS = {
    "country": _l("country"),
    "currency": _l("currency"),
    "unit": _l("unit of measure"),
    "transport_mode": _l("transport mode"),
    "package_type": _l("package type"),
    "customs": _l("customs office or port"),
}


class UnknownCode(ValidationFailed):
    code = "unknown_customs_code"

    def __init__(self, table: str, value: str, field: str | None = None):
        message = _l(
            "Customs has no %(table)s code for “%(value)s”; it cannot be declared.",
            table=TABLE_LABELS[table],
            value=value,
        )
        super().__init__({field: [message]} if field else {}, message=message)
        self.table = table
        self.value = value
        self.field = field


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    iso: str | None
    key: str | None


@dataclass(frozen=True)
class CodeTables:
    version: str
    tables: dict[str, dict[str, Code]]

    def get(self, table: str, code: str, *, field: str | None = None) -> Code:
        """The entry for a customs code, or UnknownCode."""
        found = self.tables[table].get(code)
        if found is None:
            raise UnknownCode(table, code, field)
        return found

    def from_iso(self, table: str, iso: str, *, field: str | None = None) -> str:
        """The customs code for an ISO / UN-ECE value (e.g. RU -> 344, USD -> 502, KGM -> 035)."""
        wanted = (iso or "").strip().upper()
        for entry in self.tables[table].values():
            if entry.iso and entry.iso.upper() == wanted:
                return entry.code
        raise UnknownCode(table, iso, field)

    def from_key(self, table: str, key: str, *, field: str | None = None) -> str:
        """The customs code for a marketplace key (transport `road`, package `carton`)."""
        for entry in self.tables[table].values():
            if entry.key == key:
                return entry.code
        raise UnknownCode(table, key, field)


def load(path: Path = DATA_FILE) -> CodeTables:
    raw = json.loads(path.read_text(encoding="utf-8"))
    tables = {
        name: {
            code: Code(code=code, name=entry["name"], iso=entry.get("iso"), key=entry.get("key"))
            for code, entry in raw[name].items()
        }
        for name in TABLE_LABELS
    }
    return CodeTables(version=raw["version"], tables=tables)


@cache
def tables() -> CodeTables:
    return load()
