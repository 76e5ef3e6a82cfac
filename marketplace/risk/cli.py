"""`flask risk load-denied-parties FILE`: replace the denied-party list from an OpenSanctions CSV."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from marketplace.core.errors import ValidationFailed
from marketplace.extensions import db

risk_cli = AppGroup("risk", help="Trade-risk screening.")


@risk_cli.command("load-denied-parties")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def load_denied_parties(path: Path) -> None:
    """Load the denied-party list (all or nothing) from a CSV in the OpenSanctions format."""
    from marketplace.risk import services

    try:
        count = services.load_denied_parties(path.read_bytes())
    except ValidationFailed as exc:
        db.session.rollback()
        for problem in exc.errors.get("file", []):
            click.echo(problem, err=True)
        raise click.ClickException("nothing loaded")
    db.session.commit()
    click.echo(f"{count} denied-party entries loaded")
