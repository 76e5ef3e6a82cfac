"""Keeping the index fresh: business operations queue `search.index_listing` jobs in their
transaction (`queue_reindex`); the outbox worker runs them and is the only writer of the index, so
web requests never wait for its lock.

A listing is in the index while it is visible (a live version, not unpublished) and its seller is
verified; otherwise the job removes it. Jobs are idempotent: each one reads the listing's current
state, so running one twice, or late, writes the same thing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import Company
from marketplace.accounts.states import VerificationState
from marketplace.catalog.models import Listing, ListingVersion
from marketplace.core import outbox
from marketplace.extensions import db
from marketplace.search.interface import SearchDocument, document_for

INDEX_JOB = "search.index_listing"


def queue_reindex(listing_id: int) -> None:
    """Queue (in the current transaction) the job that brings one listing's index entry up to date."""
    outbox.enqueue(INDEX_JOB, {"listing_id": int(listing_id)})


def queue_seller_reindex(company_id: int) -> None:
    """Queue a reindex of every listing of a seller (after its verification changed)."""
    for listing_id in db.session.scalars(sa.select(Listing.id).where(Listing.seller_id == company_id)):
        queue_reindex(listing_id)


def is_searchable(listing: Listing | None, seller: Company | None) -> bool:
    return (
        listing is not None
        and listing.is_visible
        and listing.live_version_id is not None
        and seller is not None
        and seller.verification == VerificationState.VERIFIED
    )


def _category_path(category_id: int) -> list:
    from marketplace.catalog import queries

    by_id = queries.categories_by_id()
    path, current = [], by_id.get(category_id)
    while current is not None:
        path.append(current)
        current = by_id.get(current.parent_id) if current.parent_id else None
    return list(reversed(path))


def _version(version_id: int) -> ListingVersion:
    return db.session.scalars(
        sa.select(ListingVersion)
        .where(ListingVersion.id == version_id)
        .options(selectinload(ListingVersion.translations))
    ).one()


def _stock_countries(listing_ids) -> dict[int, list[str]]:
    from marketplace.warehouses import queries as warehouses

    return warehouses.overseas_countries(listing_ids)


def build_document(listing: Listing, seller: Company) -> SearchDocument:
    return document_for(
        listing,
        _version(listing.live_version_id),
        _category_path(listing.category_id),
        seller,
        _stock_countries([listing.id]).get(listing.id, []),
    )


@outbox.handler(INDEX_JOB)
def _index_listing(job) -> None:
    from marketplace.search import backend

    listing_id = int(job.payload["listing_id"])
    listing = db.session.get(Listing, listing_id)
    seller = db.session.get(Company, listing.seller_id) if listing is not None else None
    if is_searchable(listing, seller):
        backend().index([build_document(listing, seller)])
    else:
        backend().remove([listing_id])


def searchable_documents(batch_size: int = 200) -> Iterator[SearchDocument]:
    """Documents of every searchable listing (for a full rebuild), loaded in batches."""
    ids = list(
        db.session.scalars(
            sa.select(Listing.id)
            .join(Company, Company.id == Listing.seller_id)
            .where(
                Listing.is_visible.is_(True),
                Listing.live_version_id.is_not(None),
                Company.verification == VerificationState.VERIFIED,
            )
            .order_by(Listing.id)
        )
    )
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        listings = list(db.session.scalars(sa.select(Listing).where(Listing.id.in_(chunk))))
        sellers = {
            c.id: c
            for c in db.session.scalars(
                sa.select(Company).where(Company.id.in_({x.seller_id for x in listings}))
            )
        }
        versions = {
            v.id: v
            for v in db.session.scalars(
                sa.select(ListingVersion)
                .where(ListingVersion.id.in_([x.live_version_id for x in listings]))
                .options(selectinload(ListingVersion.translations))
            )
        }
        countries = _stock_countries(chunk)
        for listing in listings:
            yield document_for(
                listing,
                versions[listing.live_version_id],
                _category_path(listing.category_id),
                sellers[listing.seller_id],
                countries.get(listing.id, []),
            )
        db.session.expunge_all()


def count_searchable() -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Listing)
            .join(Company, Company.id == Listing.seller_id)
            .where(
                Listing.is_visible.is_(True),
                Listing.live_version_id.is_not(None),
                Company.verification == VerificationState.VERIFIED,
            )
        )
        or 0
    )


def searchable_ids(listing_ids: Iterable[int]) -> set[int]:
    """Those of `listing_ids` that may be shown now (the database has the last word over the index)."""
    ids = list(listing_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(Listing.id)
            .join(Company, Company.id == Listing.seller_id)
            .where(
                Listing.id.in_(ids),
                Listing.is_visible.is_(True),
                Company.verification == VerificationState.VERIFIED,
            )
        )
    )
