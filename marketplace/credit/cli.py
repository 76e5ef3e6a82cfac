"""`flask credit recompute [--seller ID]`: recompute credit profiles now (commits at its end)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from marketplace.credit import services
from marketplace.extensions import db

credit_cli = AppGroup("credit", help="Seller credit profiles.")


@credit_cli.command("recompute")
@click.option("--seller", "seller_id", type=int, default=None, help="only this seller (company id)")
def recompute(seller_id: int | None) -> None:
    """Recompute the credit profile of every verified seller (or one), writing changed snapshots."""
    if seller_id is not None:
        snapshot = services.recompute(seller_id, trigger="cli")
        db.session.commit()
        click.echo(f"seller {seller_id}: {snapshot.grade.value} {snapshot.score if snapshot.score else '-'}")
        return
    n = services.recompute_all(trigger="cli")
    db.session.commit()
    click.echo(f"{n} sellers recomputed")
