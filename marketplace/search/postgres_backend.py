"""The search backend for deployments on PostgreSQL (several app servers and workers share it, where a
file index cannot be): PostgreSQL full-text search over a table the backend owns.

Analysis is the same as Whoosh's (`analysis.analyze`: jieba for Han text, Snowball stems for Russian and
English, normalised Mongolian words), done in Python, so both backends agree on what matches. Each
document becomes one `tsvector` of pre-analysed lexemes namespaced by language ("ru|кабел",
"zh|电缆", "en|cabl") and identifiers ("id|cas:67-56-1"), with weights by field — A title and
identifiers, B category names, C attribute values, D description — and positions so that ts_rank can
count occurrences; a second, smaller vector without the descriptions (`rank_doc`) is what ts_rank
reads (it stays in the row, while the full one is TOASTed). Queries are `tsquery` values built from
`analysis.query_units` (lexemes quoted, never parsed from user syntax): every unit must match (any of
its identifiers, or all of its words, each in any language, as a term, a prefix `:*`, or for a long
Chinese word all of its bigrams); when nothing matches, any unit may ("relaxed").

Layout: `<table>` (one row per listing: filter and sort columns, `doc tsvector` with a GIN index,
`content jsonb` with the titles and descriptions for snippets) and `<table>_words` (the "did you mean"
vocabulary, matched with fuzzystrmatch's Levenshtein distance). The schema version is the table's
comment. Facet counts are grouped in one statement over the matching rows. `build_aside()` fills
`<table>_build`; `swap_in()` renames it into place in one transaction (searches wait for the rename, they
do not fail). Writers are ordinary transactions: the outbox worker's upserts never block readers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from marketplace.search import analysis
from marketplace.search.analysis import LANGS, QueryUnit, query_units
from marketplace.search.interface import (
    ATTRIBUTE_FACET_PREFIX,
    PRICE_BUCKETS_USD,
    Progress,
    SearchDocument,
    SearchError,
    SearchHit,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
    attribute_terms,
    clean_value,
    identifier_terms,
    normalise_query,
)
from marketplace.search.snippets import make_hit

SCHEMA_VERSION = "pg-3"
REBUILD_HINT = "rebuild it with `flask search reindex`"
TABLE_PREFIX = "search_"  # the backend's tables; Alembic leaves them alone (`alembic_include_object`)
TABLE_RE = re.compile(rf"^{TABLE_PREFIX}[a-z0-9_]{{1,40}}$")
WEIGHTS = {"title": "A", "cat": "B", "attr": "C", "desc": "D"}
# ts_rank weights in {D, C, B, A} order: the Whoosh boosts (title 6, category 3, attribute 2, description 1)
RANK_WEIGHTS = "{0.1667, 0.3333, 0.5, 1.0}"
IDS_BONUS = 10.0  # an exact identifier beats any text match
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_LEXEME_BYTES = 2000
BULK_BATCH = 1000
FACET_COLUMNS = {
    "vertical": "vertical",
    "origin_ordos": "CASE WHEN ordos THEN 'yes' ELSE 'no' END",
    "incoterm": "incoterm",
    "seller": "seller_id::text",
}


def alembic_include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's `include_object` hook: the search tables are the backend's (created and swapped by
    `flask search reindex`), not the models', so autogenerate neither drops nor compares them."""
    if type_ == "table" and reflected and compare_to is None and str(name).startswith(TABLE_PREFIX):
        return False
    return not (
        type_ == "index" and str(getattr(getattr(obj, "table", None), "name", "")).startswith(TABLE_PREFIX)
    )


# -- documents -------------------------------------------------------------------------------------


def _quote(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery input text: single-quoted, quotes doubled, backslashes escaped."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _lexeme_ok(lexeme: str) -> bool:
    return 0 < len(lexeme.encode("utf-8")) <= MAX_LEXEME_BYTES


def tsvector_texts(doc: SearchDocument) -> tuple[str, str]:
    """The document's tsvectors in PostgreSQL's input syntax (`'lexeme':1A,7D ...`): everything (for
    matching), and everything but the descriptions (for ranking: small enough to stay in the row, so
    ranking thousands of matches does not read thousands of TOASTed vectors)."""
    positions: dict[str, list[str]] = {}
    pos = 0
    rank_until = 0

    def add(lexeme: str, weight: str) -> None:
        nonlocal pos
        if not _lexeme_ok(lexeme):
            return
        pos = min(pos + 1, MAX_POSITION)
        positions.setdefault(lexeme, []).append(f"{pos}{weight}")

    for term in identifier_terms(doc):
        add(f"id|{term}", "A")
    for kind, source in (
        ("title", doc.titles),
        ("cat", doc.category_names),
        ("attr", doc.attribute_texts),
        ("desc", doc.descriptions),
    ):
        if kind == "desc":
            rank_until = pos
        for lang in LANGS:
            if source.get(lang):
                for term, _start, _end in analysis.analyze(source[lang], lang):
                    add(f"{lang}|{term}", WEIGHTS[kind])

    def render(limit: int | None) -> str:
        out = []
        for lexeme, places in positions.items():
            kept = places if limit is None else [x for x in places if int(x[:-1]) <= limit]
            if kept:
                out.append(f"{_quote(lexeme)}:{','.join(kept[:256])}")  # PostgreSQL keeps 256 positions
        return " ".join(out)

    return render(None), render(rank_until)


def _cents(amount: Decimal | None) -> int | None:
    if amount is None:
        return None
    return max(0, int((Decimal(amount) * 100).to_integral_value(rounding=ROUND_HALF_UP)))


def row_for(doc: SearchDocument) -> dict[str, Any]:
    full, ranked = tsvector_texts(doc)
    return {
        "listing_id": int(doc.listing_id),
        "vertical": str(doc.vertical),
        "category_id": int(doc.category_id),
        "cats": [int(c) for c in (doc.category_path_ids or [doc.category_id])],
        "seller_id": int(doc.seller_id),
        "ordos": bool(doc.origin_ordos),
        "incoterm": str(doc.incoterm),
        "price_cents": _cents(doc.price_usd),
        "published": doc.published_at,
        "attrs": attribute_terms(doc),
        "stock_countries": list(doc.stock_countries),
        "doc": full,
        "rank_doc": ranked,
        "content": json.dumps({"t": dict(doc.titles), "d": dict(doc.descriptions)}, ensure_ascii=False),
    }


def spelling_vocabulary(doc: SearchDocument) -> set[str]:
    """The words "did you mean" may propose (as the Whoosh backend's spell field)."""
    text = "\n".join([*doc.titles.values(), *doc.category_names.values(), *doc.attribute_texts.values()])
    return {w for w in analysis.spelling_words(text) if _lexeme_ok(w)}


# -- queries ---------------------------------------------------------------------------------------


def _or(items: list[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if not items:
        return ""
    return items[0] if len(items) == 1 else "(" + " | ".join(items) + ")"


def _and(items: list[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if not items:
        return ""
    return items[0] if len(items) == 1 else "(" + " & ".join(items) + ")"


def _lex(lexeme: str, prefix: bool = False) -> str:
    if not _lexeme_ok(lexeme):
        return ""
    return _quote(lexeme) + (":*" if prefix else "")


def _part_tsquery(part) -> str:
    alternatives = []
    for lang in LANGS:
        alternatives.extend(_lex(f"{lang}|{t}") for t in part.terms.get(lang, []))
        for prefix in part.prefixes.get(lang, []):
            alternatives.append(_lex(f"{lang}|{prefix}", prefix=len(prefix) >= 3))
        if lang == "zh" and part.zh_all:
            alternatives.append(_and([_lex(f"zh|{t}") for t in part.zh_all]))
    return _or(alternatives)


def unit_tsquery(unit: QueryUnit) -> str:
    """Any of the unit's identifiers, or all of its words."""
    ids = [_lex(f"id|{x}") for x in unit.ids]
    words = _and([_part_tsquery(p) for p in unit.parts])
    return _or([*ids, words])


def text_tsquery(units: list[QueryUnit], *, relaxed: bool = False) -> str:
    pieces = [unit_tsquery(u) for u in units]
    return _or(pieces) if relaxed else _and(pieces)


def ids_tsquery(units: list[QueryUnit]) -> str:
    return _or([_lex(f"id|{x}") for u in units for x in u.ids])


class _Params:
    """Bound parameters with generated names (values never enter the SQL text)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def __call__(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"


def filter_conditions(q: SearchQuery, bind: _Params) -> dict[str, str]:
    """One SQL condition per active filter, keyed by the facet it narrows."""
    out: dict[str, str] = {}
    if q.vertical:
        out["vertical"] = f"vertical = {bind(str(q.vertical))}"
    if q.category_ids:
        ids = [int(c) for c in q.category_ids if -(2**63) <= int(c) < 2**63]
        out["category"] = f"cats && CAST({bind(ids)} AS bigint[])"
    if q.origin_ordos is not None:
        out["origin_ordos"] = f"ordos = {bind(bool(q.origin_ordos))}"
    if q.incoterm:
        out["incoterm"] = f"incoterm = {bind(str(q.incoterm))}"
    if q.stock_country:
        out["stock_country"] = f"stock_countries && CAST({bind([str(q.stock_country).upper()])} AS text[])"
    if q.seller_id is not None:
        seller = int(q.seller_id)
        out["seller"] = f"seller_id = {bind(seller)}" if -(2**63) <= seller < 2**63 else "false"
    for code, value in (q.attributes or {}).items():
        values = value if isinstance(value, list | tuple) else [value]
        if values:
            terms = [f"{code}={clean_value(v)}" for v in values]
            out[ATTRIBUTE_FACET_PREFIX + code] = f"attrs && CAST({bind(terms)} AS text[])"
    if q.price_min_usd is not None or q.price_max_usd is not None:
        conditions = ["price_cents IS NOT NULL"]
        if q.price_min_usd is not None:
            conditions.append(f"price_cents >= {bind(_cents(q.price_min_usd))}")
        if q.price_max_usd is not None:
            conditions.append(f"price_cents <= {bind(_cents(q.price_max_usd))}")
        out["price"] = " AND ".join(conditions)
    return out


def _price_bucket_sql() -> str:
    cases = []
    for label, low, high in PRICE_BUCKETS_USD:
        conditions = []
        if low is not None:
            conditions.append(f"price_cents >= {_cents(low)}")
        if high is not None:
            conditions.append(f"price_cents < {_cents(high)}")
        cases.append(f"WHEN {' AND '.join(conditions) or 'true'} THEN '{label}'")
    return f"CASE {' '.join(cases)} END"


def _facet_select(name: str, source: str, bind: _Params) -> str | None:
    """SELECT (facet, value, count) rows of one facet over the rows of CTE `source`."""
    label = bind(name)
    if name in FACET_COLUMNS:
        column = FACET_COLUMNS[name]
        return f"SELECT {label} AS facet, {column} AS value, count(*) AS n FROM {source} GROUP BY 2"
    if name == "category":
        return (
            f"SELECT {label} AS facet, c::text AS value, count(*) AS n "
            f"FROM {source} CROSS JOIN LATERAL unnest(cats) AS c GROUP BY 2"
        )
    if name == "stock_country":
        return (
            f"SELECT {label} AS facet, c AS value, count(*) AS n "
            f"FROM {source} CROSS JOIN LATERAL unnest(stock_countries) AS c GROUP BY 2"
        )
    if name == "price":
        return (
            f"SELECT {label} AS facet, {_price_bucket_sql()} AS value, count(*) AS n "
            f"FROM {source} WHERE price_cents IS NOT NULL GROUP BY 2"
        )
    if name.startswith(ATTRIBUTE_FACET_PREFIX):
        prefix = name[len(ATTRIBUTE_FACET_PREFIX) :] + "="
        return (
            f"SELECT {label} AS facet, substr(a, {len(prefix) + 1}) AS value, count(*) AS n "
            f"FROM {source} CROSS JOIN LATERAL unnest(attrs) AS a "
            f"WHERE left(a, {len(prefix)}) = {bind(prefix)} GROUP BY 2"
        )
    return None


FACET_SOURCE = "listing_id, vertical, cats, seller_id, ordos, incoterm, price_cents, attrs, stock_countries"
ORDERS = {
    "newest": "published DESC NULLS LAST, listing_id DESC",
    "price_asc": "price_cents ASC NULLS LAST, published DESC NULLS LAST, listing_id DESC",
    "price_desc": "price_cents DESC NULLS LAST, published DESC NULLS LAST, listing_id DESC",
}


# -- the backend -----------------------------------------------------------------------------------


class PostgresBackend:
    """`SearchBackend` over table `table` (and `<table>_words`) in the database of `engine`."""

    def __init__(self, engine: Engine, table: str = "search_listings"):
        if not TABLE_RE.match(table):
            raise ValueError(f"invalid search table name {table!r} (must match {TABLE_RE.pattern})")
        self.engine = engine
        self.table = table
        self.words = f"{table}_words"

    @property
    def schema_version(self) -> str:
        return SCHEMA_VERSION

    def describe(self) -> str:
        return f"table {self.table}"

    # -- state of the index -----------------------------------------------------------------------

    def stored_schema_version(self, conn: Connection | None = None) -> str | None:
        sql = sa.text("SELECT obj_description(to_regclass(:t), 'pg_class')")
        if conn is not None:
            return conn.execute(sql, {"t": self.table}).scalar()
        with self.engine.connect() as own:
            return own.execute(sql, {"t": self.table}).scalar()

    def check(self) -> str | None:
        if self.engine.dialect.name != "postgresql":
            return (
                "The PostgreSQL search backend needs a PostgreSQL database (SEARCH_BACKEND=whoosh otherwise)."
            )
        try:
            with self.engine.connect() as conn:
                found = conn.execute(
                    sa.text("SELECT to_regclass(:t) IS NOT NULL, to_regclass(:w) IS NOT NULL"),
                    {"t": self.table, "w": self.words},
                ).one()
                if not all(found):
                    return (
                        f"The search index (table {self.table}) does not exist; "
                        "build it with `flask search reindex`."
                    )
                stored = self.stored_schema_version(conn)
        except sa.exc.DBAPIError as exc:
            return f"The search index (table {self.table}) cannot be read ({exc.orig}); {REBUILD_HINT}."
        if stored != SCHEMA_VERSION:
            return (
                f"The search index (table {self.table}) has schema version {stored or 'unknown'} but this "
                f"version of the application needs {SCHEMA_VERSION}; {REBUILD_HINT}."
            )
        return None

    def _ddl(self, table: str) -> list[str]:
        words = f"{table}_words"
        return [
            f"DROP TABLE IF EXISTS {table}",
            f"DROP TABLE IF EXISTS {words}",
            f"""CREATE TABLE {table} (
                listing_id bigint PRIMARY KEY,
                vertical text NOT NULL,
                category_id bigint NOT NULL,
                cats bigint[] NOT NULL,
                seller_id bigint NOT NULL,
                ordos boolean NOT NULL,
                incoterm text NOT NULL,
                price_cents bigint,
                published timestamptz,
                attrs text[] NOT NULL,
                stock_countries text[] NOT NULL,
                doc tsvector NOT NULL,
                rank_doc tsvector NOT NULL,
                content jsonb NOT NULL
            )""",
            f"CREATE INDEX {table}_doc ON {table} USING gin (doc)",
            f"CREATE INDEX {table}_cats ON {table} USING gin (cats)",
            f"CREATE INDEX {table}_attrs ON {table} USING gin (attrs)",
            f"CREATE INDEX {table}_newest ON {table} (published DESC NULLS LAST, listing_id DESC)",
            f"CREATE INDEX {table}_price ON {table} (price_cents)",
            f"CREATE TABLE {words} (word text PRIMARY KEY)",
            f"COMMENT ON TABLE {table} IS '{SCHEMA_VERSION}'",
        ]

    def clear(self) -> None:
        """(Re)create the tables empty at the current schema version."""
        if self.engine.dialect.name != "postgresql":
            raise SearchError(self.check() or "not PostgreSQL")
        with self.engine.begin() as conn:
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch"))
            for statement in self._ddl(self.table):
                conn.execute(sa.text(statement))

    def build_aside(self) -> PostgresBackend:
        """A backend writing to `<table>_build`, to be filled and then `swap_in`-ed."""
        return PostgresBackend(self.engine, f"{self.table}_build")

    def swap_in(self, build: PostgresBackend) -> None:
        """Replace this index by `build` in one transaction."""
        renames = [
            f"DROP TABLE IF EXISTS {self.table}",
            f"DROP TABLE IF EXISTS {self.words}",
            f"ALTER TABLE {build.table} RENAME TO {self.table}",
            f"ALTER TABLE {build.words} RENAME TO {self.words}",
            f"ALTER INDEX {build.words}_pkey RENAME TO {self.words}_pkey",
            f"ALTER INDEX {build.table}_pkey RENAME TO {self.table}_pkey",
        ]
        renames += [
            f"ALTER INDEX {build.table}_{suffix} RENAME TO {self.table}_{suffix}"
            for suffix in ("doc", "cats", "attrs", "newest", "price")
        ]
        with self.engine.begin() as conn:
            for statement in renames:
                conn.execute(sa.text(statement))

    def discard(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.table}"))
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {self.words}"))

    def close(self) -> None:
        """Nothing is held between calls (connections belong to the engine's pool)."""

    # -- writing ------------------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        batch = {doc.listing_id: doc for doc in docs}
        if not batch:
            return 0
        rows = [row_for(doc) for doc in batch.values()]
        words = sorted(set().union(*(spelling_vocabulary(doc) for doc in batch.values())))
        columns = [c for c in rows[0] if c != "listing_id"]
        casts = {
            "doc": "CAST(:doc AS tsvector)",
            "rank_doc": "CAST(:rank_doc AS tsvector)",
            "content": "CAST(:content AS jsonb)",
        }
        values = ", ".join(["listing_id", *columns])
        placeholders = ", ".join([":listing_id", *(casts.get(c, f":{c}") for c in columns)])
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
        self._require()
        with self.engine.begin() as conn:
            conn.execute(
                sa.text(
                    f"INSERT INTO {self.table} ({values}) VALUES ({placeholders}) "
                    f"ON CONFLICT (listing_id) DO UPDATE SET {updates}"
                ),
                rows,
            )
            if words:
                conn.execute(
                    sa.text(
                        f"INSERT INTO {self.words} (word) SELECT unnest(CAST(:w AS text[])) "
                        "ON CONFLICT DO NOTHING"
                    ),
                    {"w": words},
                )
        return len(rows)

    def bulk_load(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int:
        """Fill a new table (from `build_aside`, after `clear`): batches of BULK_BATCH rows, one
        transaction each (the table is not in use until `swap_in`)."""
        count = 0
        batch: list[SearchDocument] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= BULK_BATCH:
                count += self.index(batch)
                if progress is not None:
                    progress(len(batch))
                batch = []
        if batch:
            count += self.index(batch)
            if progress is not None:
                progress(len(batch))
        with self.engine.begin() as conn:
            conn.execute(sa.text(f"ANALYZE {self.table}"))
        return count

    def remove(self, listing_ids: Iterable[int]) -> None:
        ids = [int(i) for i in listing_ids]
        if not ids or self.check() is not None:
            return
        with self.engine.begin() as conn:
            conn.execute(
                sa.text(f"DELETE FROM {self.table} WHERE listing_id = ANY(CAST(:ids AS bigint[]))"),
                {"ids": ids},
            )

    def _require(self) -> None:
        problem = self.check()
        if problem is not None:
            if self.engine.dialect.name == "postgresql" and "does not exist" in problem:
                self.clear()
                return
            raise SearchUnavailable(problem)

    # -- searching ----------------------------------------------------------------------------------

    def search(self, query_: SearchQuery) -> SearchResult:
        q = normalise_query(query_)
        problem = self.check()
        if problem:
            raise SearchUnavailable(problem)
        units = query_units(q.text)
        try:
            with self.engine.connect() as conn:
                # The planner prices `doc @@ query` as cheap and scans the table when many rows match,
                # reading every row's TOASTed vector; the GIN bitmap reads only the matching rows.
                conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
                result = self._search(conn, q, units, text_tsquery(units))
                if result.total == 0 and len(units) > 1:
                    relaxed = self._search(conn, q, units, text_tsquery(units, relaxed=True))
                    if relaxed.total:
                        relaxed.relaxed = True
                        result = relaxed
                if (result.relaxed or not result.total) and units:
                    result.suggestion = self._suggest(conn, q)
                return result
        except sa.exc.DBAPIError as exc:
            raise SearchUnavailable(f"The search index (table {self.table}) failed: {exc.orig}") from exc

    def _where(self, text_q: str, filters: dict[str, str], bind: _Params, skip: str | None = None) -> str:
        conditions = [c for name, c in filters.items() if name != skip]
        if text_q:
            conditions.append(f"doc @@ CAST({bind(text_q)} AS tsquery)")
        return " AND ".join(conditions) or "true"

    def _search(self, conn: Connection, q: SearchQuery, units: list[QueryUnit], text_q: str) -> SearchResult:
        bind = _Params()
        filters = filter_conditions(q, bind)
        where = self._where(text_q, filters, bind)
        t = self.table

        # total and facet counts in one statement (a facet whose own filter is active counts without it)
        ctes = [f"m AS MATERIALIZED (SELECT {FACET_SOURCE} FROM {t} WHERE {where})"]
        selects = ["SELECT '' AS facet, '' AS value, count(*) AS n FROM m"]
        for i, name in enumerate(dict.fromkeys(q.facets)):
            source = "m"
            if name in filters:
                source = f"f{i}"
                ctes.append(
                    f"{source} AS (SELECT {FACET_SOURCE} FROM {t} "
                    f"WHERE {self._where(text_q, filters, bind, name)})"
                )
            select = _facet_select(name, source, bind)
            if select is not None:
                selects.append(select)
        sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(f"({s})" for s in selects)
        total, facets = 0, {}
        for facet, value, n in conn.execute(sa.text(sql), bind.values):
            if facet == "":
                total = int(n)
            elif n and value is not None:
                facets.setdefault(facet, []).append((str(value), int(n)))
        for name in q.facets:
            counts = facets.get(name, [])
            if name == "price":
                order = [label for label, _low, _high in PRICE_BUCKETS_USD]
                facets[name] = sorted(counts, key=lambda vc: order.index(vc[0]))
            else:
                facets[name] = sorted(counts, key=lambda vc: (-vc[1], vc[0]))

        hits: list[SearchHit] = []
        offset = (q.page - 1) * q.per_page
        if total > offset:
            scored = bool(text_q) and q.sort == "relevance"
            if scored:
                ids_q = ids_tsquery(units)
                bonus = f" + CASE WHEN doc @@ CAST({bind(ids_q)} AS tsquery) THEN {IDS_BONUS} ELSE 0 END"
                score = f"ts_rank('{RANK_WEIGHTS}', rank_doc, CAST({bind(text_q)} AS tsquery), 0)" + (
                    bonus if ids_q else ""
                )
                order = "score DESC, published DESC NULLS LAST, listing_id DESC"
            else:
                score = "0"
                order = ORDERS.get(q.sort, ORDERS["newest"])
            rows = conn.execute(
                sa.text(
                    f"SELECT listing_id, {score} AS score, content FROM {t} WHERE {where} "
                    f"ORDER BY {order} LIMIT {int(q.per_page)} OFFSET {int(offset)}"
                ),
                bind.values,
            )
            for listing_id, value, content in rows:
                hits.append(make_hit(int(listing_id), float(value or 0), content or {}, units, q.lang))
        return SearchResult(hits, total, facets)

    def _suggest(self, conn: Connection, q: SearchQuery) -> str | None:
        """The query with unknown words replaced by the closest known ones, if that finds something."""
        text = q.text[: analysis.MAX_QUERY]
        candidates = []
        for m in re.finditer(r"[^\W_]+", text):
            words = analysis.spelling_words(m.group(0))
            if len(words) == 1 and len(words[0]) >= 4:
                candidates.append((m.start(), m.end(), words[0]))
        if not candidates:
            return None
        known = set(
            conn.execute(
                sa.text(f"SELECT word FROM {self.words} WHERE word = ANY(CAST(:w AS text[]))"),
                {"w": [w for _s, _e, w in candidates]},
            ).scalars()
        )
        replacements = []
        for start, end, word in candidates:
            if word in known:
                continue
            distance = 1 if len(word) < 7 else 2
            found = conn.execute(
                sa.text(
                    f"SELECT word FROM {self.words} "
                    "WHERE left(word, 1) = left(:w, 1) AND length(word) BETWEEN :lo AND :hi "
                    "AND levenshtein_less_equal(word, :w, :d) <= :d "
                    "ORDER BY levenshtein_less_equal(word, :w, :d), word LIMIT 1"
                ),
                {"w": word, "d": distance, "lo": len(word) - distance, "hi": len(word) + distance},
            ).scalar()
            if found and found != word:
                replacements.append((start, end, found))
        if not replacements:
            return None
        for start, end, word in reversed(replacements):
            text = text[:start] + word + text[end:]
        units = query_units(text)
        suggested = text_tsquery(units)
        if not suggested:
            return None
        bind = _Params()
        where = self._where(suggested, filter_conditions(q, bind), bind)
        found_any = conn.execute(sa.text(f"SELECT 1 FROM {self.table} WHERE {where} LIMIT 1"), bind.values)
        return text if found_any.first() else None
