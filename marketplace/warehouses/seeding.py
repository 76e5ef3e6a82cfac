"""The public overseas warehouses the platform operates or partners with, created or updated by
their code (idempotent): `flask warehouses seed` and `flask demo load`."""

from __future__ import annotations

import sqlalchemy as sa

from marketplace.extensions import db
from marketplace.warehouses.models import Warehouse
from marketplace.warehouses.states import WarehouseKind

PUBLIC_WAREHOUSES = [
    {
        "code": "ulaanbaatar",
        "name": "Ordos Pilot Zone Overseas Warehouse Ulaanbaatar",
        "operator_name": "Tuushin Logistics LLC (platform partner)",
        "country": "MN",
        "city": "Ulaanbaatar",
        "address": "Khan-Uul district, 3rd khoroo, Industrial street 14, Ulaanbaatar 17042",
        "ships_in_days": 2,
    },
    {
        "code": "moscow",
        "name": "Ordos Pilot Zone Overseas Warehouse Moscow",
        "operator_name": "OOO «Ordos Logistik Rus» (platform-operated)",
        "country": "RU",
        "city": "Moscow",
        "address": "Moscow region, Domodedovo, Logistics park «Severnoe Domodedovo», building 7",
        "ships_in_days": 3,
    },
    {
        "code": "novosibirsk",
        "name": "Ordos Pilot Zone Overseas Warehouse Novosibirsk",
        "operator_name": "OOO «SibTerminal» (platform partner)",
        "country": "RU",
        "city": "Novosibirsk",
        "address": "Novosibirsk, Tolmachevskoe shosse 51/2, terminal Klyuchevoy",
        "ships_in_days": 3,
    },
    {
        "code": "almaty",
        "name": "Ordos Pilot Zone Overseas Warehouse Almaty",
        "operator_name": "TOO «Khorgos Gateway Logistics» (platform partner)",
        "country": "KZ",
        "city": "Almaty",
        "address": "Almaty, Ryskulov avenue 103, logistics centre «Alatau»",
        "ships_in_days": 3,
    },
    {
        "code": "tashkent",
        "name": "Ordos Pilot Zone Overseas Warehouse Tashkent",
        "operator_name": "OOO «Silk Road Cargo Terminal» (platform partner)",
        "country": "UZ",
        "city": "Tashkent",
        "address": "Tashkent, Sergeli district, Yangi Sergeli street 35, bonded warehouse",
        "ships_in_days": 4,
    },
    {
        "code": "malaszewicze",
        "name": "Ordos Pilot Zone European Hub Małaszewicze",
        "operator_name": "Eurasia Rail Terminal Sp. z o.o. (platform partner)",
        "country": "PL",
        "city": "Małaszewicze",
        "address": "ul. Kolejowa 1, 21-540 Małaszewicze, Poland",
        "ships_in_days": 5,
    },
    {
        "code": "duisburg",
        "name": "Ordos Pilot Zone European Hub Duisburg",
        "operator_name": "Duisport-partnered China–Europe terminal (platform partner)",
        "country": "DE",
        "city": "Duisburg",
        "address": "logport I, Hochfelder Straße 90, 47229 Duisburg, Germany",
        "ships_in_days": 4,
    },
]


def seed_public_warehouses() -> list[Warehouse]:
    """Create the public warehouses that are missing and refresh the ones that exist."""
    out = []
    for spec in PUBLIC_WAREHOUSES:
        warehouse = db.session.scalar(sa.select(Warehouse).where(Warehouse.code == spec["code"]))
        if warehouse is None:
            warehouse = Warehouse(kind=WarehouseKind.PUBLIC, active=True, **spec)
            db.session.add(warehouse)
        else:
            for key, value in spec.items():
                setattr(warehouse, key, value)
        out.append(warehouse)
    db.session.flush()
    return out
