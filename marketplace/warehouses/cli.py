"""`flask warehouses seed`: the platform's public overseas warehouses (idempotent)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from marketplace.extensions import db

warehouses_cli = AppGroup("warehouses", help="Warehouses and overseas stock.")


@warehouses_cli.command("seed")
def seed() -> None:
    """Create or update the public overseas warehouses."""
    from marketplace.warehouses.seeding import seed_public_warehouses

    warehouses = seed_public_warehouses()
    db.session.commit()
    click.echo(f"{len(warehouses)} public warehouses")
