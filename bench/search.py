"""Search benchmark: the Whoosh backend, the PostgreSQL backend and — as the yardstick — SQLite FTS5 over
the same pre-analysed text, on the same generated listings and the same 200 queries, in one run.

For each backend it prints: index build time for N listings (default 100,000; content in four
languages, from bench/search_corpus.py), index size on disk, p50/p95/max latency of the 200 mixed
queries (single terms, phrases, Chinese words, Russian forms, identifiers, faceted queries with filters
and counts as the search page asks them) in a first ("cold") pass right after the build and in a
second ("warm") pass, and — for the two real backends —
freshness: the time from the commit of a listing edit (seller edits, admin approves, through the
catalog services) until the search finds the new title, with a real `flask worker` process (polling
every second) doing the indexing against the big index.

Usage:
    python bench/search.py [--listings 100000] [--backends whoosh,postgresql,fts5] [--edits 8] [--keep]

Whoosh and SQLite live in a temporary directory. PostgreSQL uses the database `bench_search` on
--pg-server (default postgresql://postgres@127.0.0.1:5432), dropped and created by this script and
dropped again at the end unless --keep. The app database of each real backend is migrated and gets the
demo data (`flask demo load`), so freshness is measured on real listings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import sqlalchemy as sa  # noqa: E402
from search_corpus import PAGE_FACETS, documents, queries  # noqa: E402

from marketplace.search.interface import SearchQuery  # noqa: E402

PG_DATABASE = "bench_search"
BATCH = 1000


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def run_queries(search, qs) -> tuple[dict[str, float], dict[str, list[float]]]:
    """A first ("cold") pass, right after the build in a new process, then a second ("warm") pass;
    latencies in ms, overall for both passes and per kind for the warm one."""

    def one_pass() -> tuple[list[float], dict[str, list[float]]]:
        by_kind: dict[str, list[float]] = defaultdict(list)
        every = []
        for kind, q in qs:
            t0 = time.perf_counter()
            search(q)
            ms = (time.perf_counter() - t0) * 1000
            by_kind[kind].append(ms)
            every.append(ms)
        return every, by_kind

    cold, _ = one_pass()
    warm, by_kind = one_pass()
    figures = {"p50": _pct(warm, 50), "p95": _pct(warm, 95), "max": max(warm)}
    figures.update(cold_p50=_pct(cold, 50), cold_p95=_pct(cold, 95), cold_max=max(cold))
    return figures, by_kind


def _print_figures(f: dict[str, float]) -> None:
    print(f"  cold pass: p50 {f['cold_p50']:.1f} ms, p95 {f['cold_p95']:.1f} ms, max {f['cold_max']:.0f} ms")
    print(f"  warm pass: p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms, max {f['max']:.0f} ms")


# -- the real backends inside the app --------------------------------------------------------------


def make_app(workdir: Path, database_url: str, backend: str):
    from marketplace import create_app

    return create_app(
        {
            "ENV_NAME": "development",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SEARCH_BACKEND": backend,
            "SEARCH_INDEX_DIR": str(workdir / "search-index"),
            "SEARCH_PG_TABLE": "search_listings",
            "UPLOAD_DIR": str(workdir / "uploads"),
            "MAIL_FILE_DIR": str(workdir / "mail"),
            "MAIL_SERVER": None,
        }
    )


def prepare_app(app) -> None:
    from flask_migrate import upgrade

    from marketplace.demo.cli import load_demo
    from marketplace.extensions import db

    with app.app_context():
        upgrade()
        load_demo()
        db.session.commit()
        db.session.execute(sa.text("DELETE FROM outbox_jobs"))  # demo mail and index jobs: not measured
        db.session.commit()


def build(app, docs) -> tuple[float, int]:
    """The `flask search reindex` path: a new index built aside, bulk-loaded, swapped in."""
    import itertools

    from marketplace.search import backend, services

    with app.app_context():
        current = backend()
        t0 = time.perf_counter()
        fresh = current.build_aside()
        fresh.clear()
        demo = list(services.searchable_documents())
        written = fresh.bulk_load(itertools.chain(docs, demo), total=len(docs) + len(demo))
        fresh.close()
        current.swap_in(fresh)
        return time.perf_counter() - t0, written


def index_size(app) -> int:
    from marketplace.extensions import db
    from marketplace.search import backend

    with app.app_context():
        if app.config["SEARCH_BACKEND"] == "whoosh":
            return _dir_size(Path(app.config["SEARCH_INDEX_DIR"]).resolve())
        table = backend().table
        return int(
            db.session.scalar(
                sa.text("SELECT pg_total_relation_size(:t) + pg_total_relation_size(:w)"),
                {"t": table, "w": f"{table}_words"},
            )
        )


def freshness(app, workdir: Path, database_url: str, edits: int) -> list[float]:
    """Seconds from the commit of an approved edit until the search finds the new title, with a
    `flask worker` process doing the indexing."""
    from marketplace.accounts import services as accounts
    from marketplace.accounts.models import Membership, User
    from marketplace.catalog import services as catalog
    from marketplace.catalog.models import Listing
    from marketplace.catalog.states import ListingState
    from marketplace.demo.cli import ADMIN
    from marketplace.extensions import db
    from marketplace.search import backend

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SEARCH_BACKEND": app.config["SEARCH_BACKEND"],
        "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"],
        "SEARCH_PG_TABLE": app.config["SEARCH_PG_TABLE"],
        "UPLOAD_DIR": str(workdir / "uploads"),
        "MAIL_FILE_DIR": str(workdir / "mail"),
        "FLASK_APP": "wsgi.py",
    }
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/flask"), "worker", "--interval", "1.0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    out = []
    try:
        time.sleep(3)  # the worker is up and idle
        with app.app_context(), app.test_request_context("/en/"):
            admin = accounts.user_by_email(ADMIN[0])
            listings = db.session.scalars(
                sa.select(Listing).where(Listing.state == ListingState.PUBLISHED).order_by(Listing.id)
            ).all()
            search = backend()
            for n, listing in enumerate(listings[:edits]):
                user = db.session.get(
                    User,
                    db.session.scalar(
                        sa.select(Membership.user_id).where(Membership.company_id == listing.seller_id)
                    ),
                )
                token = f"freshq{n}x{int(time.time())}"
                version = catalog.working_version(user, listing)
                for translation in version.translations:
                    translation.title = f"{translation.title} {token}"
                catalog.submit_listing(user, listing, acknowledge_flags=True)
                catalog.approve_listing(admin, listing, acknowledge_controlled=True)
                db.session.commit()
                committed = time.perf_counter()
                while not search.search(SearchQuery(text=token)).hits:
                    if time.perf_counter() - committed > 30:
                        raise RuntimeError(f"edit {n} not visible after 30 s")
                    time.sleep(0.01)
                out.append(time.perf_counter() - committed)
                time.sleep(0.37 * (n % 3))  # commits land at different points of the worker's poll cycle
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return out


def bench_backend(name: str, docs, qs, workdir: Path, database_url: str, edits: int) -> dict:
    from marketplace.search import analysis, backend

    print(f"\n## {name}: preparing the app database (migrations + demo data)", flush=True)
    app = make_app(workdir, database_url, name)
    prepare_app(app)
    print(f"  building the index of {len(docs)} listings", flush=True)
    analysis.clear_caches()  # every backend's build pays for its own analysis
    seconds, written = build(app, docs)
    size = index_size(app)
    print(f"  built in {seconds:.1f} s ({written} documents), {_mb(size)}", flush=True)
    with app.app_context():
        search = backend()
        figures, by_kind = run_queries(search.search, qs)
        sample = {kind: search.search(q).total for kind, q in qs[::40]}
    _print_figures(figures)
    print(f"  totals of a few queries: {sample}")
    fresh = freshness(app, workdir, database_url, edits) if edits else []
    if fresh:
        print(
            f"  freshness: median {statistics.median(fresh):.2f} s, max {max(fresh):.2f} s over {len(fresh)}"
        )
    with app.app_context():
        backend().close()
        from marketplace.extensions import db

        db.engine.dispose()
    return {"build": seconds, "size": size, **figures, "by_kind": by_kind, "fresh": fresh}


# -- the yardstick: SQLite FTS5 over the same pre-analysed text -----------------------------------


def fts5_bench(docs, qs, workdir: Path) -> dict:
    from marketplace.search import analysis
    from marketplace.search.analysis import LANGS, query_units
    from marketplace.search.interface import ATTRIBUTE_FACET_PREFIX, attribute_terms, identifier_terms

    print("\n## SQLite FTS5 (yardstick)", flush=True)
    analysis.clear_caches()
    path = workdir / "fts5.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE VIRTUAL TABLE fts USING fts5(
            title, cat, attr, descr, ids, tokenize = "unicode61 remove_diacritics 0 tokenchars '|:-./'");
        CREATE TABLE meta (id INTEGER PRIMARY KEY, vertical TEXT, seller INTEGER, ordos INTEGER,
            incoterm TEXT, price INTEGER, published TEXT);
        CREATE TABLE cats (id INTEGER, cat INTEGER);
        CREATE TABLE attrs (id INTEGER, term TEXT);
        CREATE INDEX cats_cat ON cats (cat, id);
        CREATE INDEX attrs_term ON attrs (term, id);
        """
    )

    def lexemes(source: dict[str, str]) -> str:
        return " ".join(
            f"{lang}|{t}"
            for lang in LANGS
            if source.get(lang)
            for t, _s, _e in analysis.analyze(source[lang], lang)
        )

    t0 = time.perf_counter()
    for start in range(0, len(docs), BATCH):
        chunk = docs[start : start + BATCH]
        conn.executemany(
            "INSERT INTO fts (rowid, title, cat, attr, descr, ids) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    d.listing_id,
                    lexemes(d.titles),
                    lexemes(d.category_names),
                    lexemes(d.attribute_texts),
                    lexemes(d.descriptions),
                    " ".join(f"id|{t}" for t in identifier_terms(d)),
                )
                for d in chunk
            ],
        )
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d.listing_id,
                    d.vertical,
                    d.seller_id,
                    int(d.origin_ordos),
                    d.incoterm,
                    None if d.price_usd is None else int(d.price_usd * 100),
                    d.published_at.isoformat(),
                )
                for d in chunk
            ],
        )
        conn.executemany(
            "INSERT INTO cats VALUES (?, ?)", [(d.listing_id, c) for d in chunk for c in d.category_path_ids]
        )
        conn.executemany(
            "INSERT INTO attrs VALUES (?, ?)", [(d.listing_id, t) for d in chunk for t in attribute_terms(d)]
        )
        conn.commit()
    seconds = time.perf_counter() - t0
    size = path.stat().st_size
    print(f"  built in {seconds:.1f} s, {_mb(size)}", flush=True)

    def quote(lexeme: str) -> str:
        return '"' + lexeme.replace('"', '""') + '"'

    def match_expr(units) -> str:
        pieces = []
        for unit in units:
            alternatives = [f"ids : {quote('id|' + x)}" for x in unit.ids]
            parts = []
            for part in unit.parts:
                options = []
                for lang in LANGS:
                    options += [quote(f"{lang}|{t}") for t in part.terms.get(lang, [])]
                    options += [
                        quote(f"{lang}|{p}") + ("*" if len(p) >= 3 else "")
                        for p in part.prefixes.get(lang, [])
                    ]
                    if lang == "zh" and part.zh_all:
                        options.append("(" + " AND ".join(quote(f"zh|{t}") for t in part.zh_all) + ")")
                if options:
                    parts.append("(" + " OR ".join(options) + ")")
            if parts:
                alternatives.append("(" + " AND ".join(parts) + ")")
            if alternatives:
                pieces.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(pieces)

    def search(q: SearchQuery) -> int:
        """One MATCH over the pre-analysed text joined to the listing columns, into a temp table; the
        page (by bm25, or newest) and the facet counts are read from it."""
        expr = match_expr(query_units(q.text))
        where, args = [], []
        if q.vertical:
            where.append("vertical = ?")
            args.append(q.vertical)
        if q.origin_ordos is not None:
            where.append("ordos = ?")
            args.append(int(q.origin_ordos))
        if q.incoterm:
            where.append("incoterm = ?")
            args.append(q.incoterm)
        if q.price_min_usd is not None:
            where.append("price BETWEEN ? AND ?")
            args += [int(q.price_min_usd * 100), int(q.price_max_usd * 100)]
        conn.execute("DROP TABLE IF EXISTS temp.m")
        if expr:
            clause = " AND ".join(["fts MATCH ?", *where])
            conn.execute(
                "CREATE TEMP TABLE m AS SELECT meta.*, bm25(fts, 6.0, 3.0, 2.0, 1.0, 12.0) AS s "
                f"FROM fts JOIN meta ON meta.id = fts.rowid WHERE {clause}",
                [expr, *args],
            )
            order = "s"
        else:
            conn.execute(
                f"CREATE TEMP TABLE m AS SELECT meta.*, 0 AS s FROM meta WHERE {' AND '.join(where) or 1}",
                args,
            )
            order = "published DESC"
        total = conn.execute("SELECT count(*) FROM temp.m").fetchone()[0]
        offset = (q.page - 1) * q.per_page
        conn.execute(
            f"SELECT id FROM temp.m ORDER BY {order} LIMIT ? OFFSET ?", (q.per_page, offset)
        ).fetchall()
        for facet in q.facets:
            if facet == "category":
                conn.execute("SELECT cat, count(*) FROM cats JOIN temp.m USING (id) GROUP BY cat").fetchall()
            elif facet == "price":
                conn.execute("SELECT price / 100000, count(*) FROM temp.m GROUP BY 1").fetchall()
            elif not facet.startswith(ATTRIBUTE_FACET_PREFIX):
                column = {"origin_ordos": "ordos", "seller": "seller"}.get(facet, facet)
                conn.execute(f"SELECT {column}, count(*) FROM temp.m GROUP BY 1").fetchall()
        return total

    figures, by_kind = run_queries(search, qs)
    _print_figures(figures)
    conn.close()
    return {"build": seconds, "size": size, **figures, "by_kind": by_kind, "fresh": []}


# -- main ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--backends", default="whoosh,postgresql,fts5")
    parser.add_argument("--edits", type=int, default=8, help="listing edits timed for freshness (0: skip)")
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    from marketplace.search import analysis

    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    analysis.init_jieba(workdir / "jieba")
    t0 = time.perf_counter()
    docs = documents(args.listings)
    qs = queries()
    print(f"{len(docs)} listings and {len(qs)} queries generated in {time.perf_counter() - t0:.1f} s")
    print(f"work directory {workdir}; facets of faceted queries: {', '.join(PAGE_FACETS)}")

    results: dict[str, dict] = {}
    admin_url = f"{args.pg_server}/postgres"
    try:
        for name in args.backends.split(","):
            if name == "whoosh":
                url = f"sqlite:///{workdir / 'app.sqlite3'}"
                results["Whoosh"] = bench_backend("whoosh", docs, qs, workdir / "whoosh", url, args.edits)
            elif name == "postgresql":
                engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
                with engine.connect() as conn:
                    conn.execute(sa.text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
                    conn.execute(sa.text(f"CREATE DATABASE {PG_DATABASE}"))
                engine.dispose()
                url = f"{args.pg_server}/{PG_DATABASE}"
                results["PostgreSQL"] = bench_backend("postgresql", docs, qs, workdir / "pg", url, args.edits)
            elif name == "fts5":
                results["SQLite FTS5 (yardstick)"] = fts5_bench(docs, qs, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            if "postgresql" in args.backends:
                engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
                with engine.connect() as conn:
                    conn.execute(sa.text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
                engine.dispose()

    print(
        f"\n### {args.listings:,} listings, {len(qs)} queries (a cold pass after the build, then a warm pass)"
    )
    print("\n| backend | build | index size | cold p50 / p95 | warm p50 | warm p95 | warm max | freshness |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        fresh = "–"
        if r["fresh"]:
            fresh = f"median {statistics.median(r['fresh']):.2f} s, max {max(r['fresh']):.2f} s"
        print(
            f"| {name} | {r['build']:.0f} s | {_mb(r['size'])} "
            f"| {r['cold_p50']:.0f} / {r['cold_p95']:.0f} ms "
            f"| {r['p50']:.1f} ms | {r['p95']:.1f} ms "
            f"| {r['max']:.0f} ms | {fresh} |"
        )
    kinds = list(dict.fromkeys(k for r in results.values() for k in r["by_kind"]))
    print("\np95 by kind of query, warm pass (ms):\n")
    print(
        "| backend | "
        + " | ".join(f"{k} ({len(next(iter(results.values()))['by_kind'][k])})" for k in kinds)
        + " |"
    )
    print("|---|" + "---:|" * len(kinds))
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(f"{_pct(r['by_kind'][k], 95):.1f}" for k in kinds) + " |")


if __name__ == "__main__":
    main()
