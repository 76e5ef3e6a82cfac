"""`flask catalog seed` and `flask catalog fx`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import click
from flask.cli import AppGroup

from marketplace.catalog.seeding import seed_categories
from marketplace.extensions import db

catalog_cli = AppGroup("catalog", help="Catalog reference data.")


@catalog_cli.command("seed")
def seed() -> None:
    """Create or update the category trees and attribute schemas."""
    n = seed_categories()
    db.session.commit()
    click.echo(f"{n} categories ready")


@catalog_cli.command("fx")
@click.argument("base")
@click.argument("quote")
@click.argument("rate")
@click.option("--as-of", "as_of", default=None, help="YYYY-MM-DD (default: today)")
def fx(base: str, quote: str, rate: str, as_of: str | None) -> None:
    """Record an indicative FX rate: 1 BASE = RATE QUOTE."""
    from marketplace.catalog.models import FxRate

    day = date.fromisoformat(as_of) if as_of else date.today()
    row = db.session.scalar(
        db.select(FxRate).where(
            FxRate.base == base.upper(), FxRate.quote == quote.upper(), FxRate.as_of == day
        )
    )
    if row is None:
        row = FxRate(base=base.upper(), quote=quote.upper(), as_of=day)
        db.session.add(row)
    row.rate = Decimal(rate)
    db.session.commit()
    click.echo(f"1 {row.base} = {row.rate} {row.quote} ({day})")
