"""`flask search reindex` and `flask search check`.

`reindex` builds a complete new index in a sibling directory while the current one keeps answering,
then swaps it in with one atomic rename: `SEARCH_INDEX_DIR` becomes a symbolic link to the newest
build (`<name>.<timestamp>`), replaced with `os.replace`. Running backends notice the swap (the index
files' identity changes) and reopen. The build before the current one is kept, so a search still
reading it finishes; older builds are deleted. Listings changed while the build ran are queued for
the worker again, so nothing written to the old index in the meantime is lost.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import timedelta
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from marketplace.core.db import utcnow
from marketplace.extensions import db

search_cli = AppGroup("search", help="The search index.")
BATCH = 200


def _builds(target: Path) -> list[Path]:
    """Build directories of `target`, oldest first."""
    return sorted(p for p in target.parent.glob(f"{target.name}.b*") if p.is_dir() and not p.is_symlink())


def swap_in(target: Path, build: Path) -> None:
    """Make `target` point at `build` in one rename (a real directory is first moved aside)."""
    if target.exists() and not target.is_symlink():
        target.rename(target.parent / f"{target.name}.b{time.time_ns() - 1:020d}-previous")
    link = target.parent / f".{target.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(build.name)  # relative: the instance folder can move
    os.replace(link, target)
    for old in _builds(target)[:-2]:  # keep the current build and the one before
        if old.resolve() != build.resolve():
            shutil.rmtree(old, ignore_errors=True)


@search_cli.command("reindex")
def reindex() -> None:
    """Rebuild the whole index aside, then swap it in (searches keep working meanwhile)."""
    from marketplace.catalog.models import Listing
    from marketplace.search import make_backend, services

    target = Path(current_app.config["SEARCH_INDEX_DIR"])
    target.parent.mkdir(parents=True, exist_ok=True)
    build = target.parent / f"{target.name}.b{time.time_ns():020d}"
    started = utcnow()
    fresh = make_backend(current_app.config["SEARCH_BACKEND"], str(build))
    fresh.clear()
    total = services.count_searchable()
    written = 0
    batch = []
    with click.progressbar(length=total, label="Indexing listings") as bar:
        for doc in services.searchable_documents(BATCH):
            batch.append(doc)
            if len(batch) >= BATCH:
                written += fresh.index(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            written += fresh.index(batch)
            bar.update(len(batch))
    problem = fresh.check()
    if hasattr(fresh, "close"):
        fresh.close()
    if problem:
        shutil.rmtree(build, ignore_errors=True)
        raise click.ClickException(problem)
    swap_in(target, build)
    # Jobs that ran during the build wrote to the previous index: run them again on the new one.
    changed = db.session.scalars(
        sa.select(Listing.id).where(Listing.updated_at >= started - timedelta(seconds=5))
    ).all()
    for listing_id in changed:
        services.queue_reindex(listing_id)
    db.session.commit()
    click.echo(f"{written} listings indexed into {build.name}; {target} now points to it")
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
    click.echo(f"The search index at {current_app.config['SEARCH_INDEX_DIR']} is usable.")
