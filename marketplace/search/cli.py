"""`flask search reindex` and `flask search check`.

`reindex` builds a complete new index aside (`backend.build_aside()`: a sibling directory for Whoosh, a
`_build` table for PostgreSQL) while the current one keeps answering, then swaps it in atomically
(`backend.swap_in`). Listings changed while the build ran are queued for the worker again, so nothing
written to the old index in the meantime is lost.
"""

from __future__ import annotations

import sys
from datetime import timedelta

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from marketplace.core.db import utcnow
from marketplace.extensions import db

search_cli = AppGroup("search", help="The search index.")
BATCH = 200


@search_cli.command("reindex")
def reindex() -> None:
    """Rebuild the whole index aside, then swap it in (searches keep working meanwhile)."""
    from marketplace.catalog.models import Listing
    from marketplace.search import backend, services

    current = backend()
    started = utcnow()
    fresh = current.build_aside()
    fresh.clear()
    total = services.count_searchable()
    try:
        with click.progressbar(length=total, label="Indexing listings") as bar:
            written = fresh.bulk_load(services.searchable_documents(BATCH), total=total, progress=bar.update)
    except BaseException:
        fresh.close()
        fresh.discard()
        raise
    problem = fresh.check()
    fresh.close()
    if problem:
        fresh.discard()
        raise click.ClickException(problem)
    current.swap_in(fresh)
    # Jobs that ran during the build wrote to the previous index: run them again on the new one.
    changed = db.session.scalars(
        sa.select(Listing.id).where(Listing.updated_at >= started - timedelta(seconds=5))
    ).all()
    for listing_id in changed:
        services.queue_reindex(listing_id)
    db.session.commit()
    click.echo(f"{written} listings indexed; the search index ({current.describe()}) now serves them")
    if changed:
        click.echo(f"{len(changed)} listings changed during the build were queued again")


@search_cli.command("check")
def check() -> None:
    """Report whether the index can be used (exit status 1 if not)."""
    from marketplace.search import backend

    problem = backend().check()
    if problem:
        click.echo(problem)
        sys.exit(1)
    click.echo(f"The search index ({backend().describe()}) is usable.")
