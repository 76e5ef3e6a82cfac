"""The embedded search backend: a Whoosh (Whoosh-Reloaded) index in a directory under instance/.

Layout: per-language text fields (title, description, category names, attribute values) analysed by
`analysis.analyze`, an `ids` field of exact identifier terms, single-valued ID fields for filters and
facets, integer columns for sorting (price in USD cents: Whoosh's NUMERIC(float) crashes), and one
stored field with the titles and descriptions for snippets.

Queries are built programmatically from `analysis.query_units`, never by a query parser, so user input
cannot cause syntax errors. Every word must match (in any language's fields, or as an identifier); when
nothing does, any word may ("relaxed"). A word scores its best field (BestOf), not the sum of all 16.
Facet counts are set intersections of the matching documents with per-value document sets cached per
searcher generation (a facet whose own filter is active counts without that filter).

Searchers are pooled and reused until the index changes. One writer at a time: a process-wide lock,
and Whoosh's file lock waited for up to `write_timeout`. A file in the index directory
(`SCHEMA_VERSION`) records the layout version; `check()` reports a missing, corrupt or outdated index,
and `search()` raises SearchUnavailable with that message. A directory rebuilt aside and moved into
place is picked up by running backends (the version file's identity changes).

Whoosh-Reloaded 2.7.5 defects worked around here: DisjunctionMax scores documents wrongly, Prefix
loses its boost when it expands to one term, NUMERIC(signed=False) breaks range queries,
Searcher.refresh() keeps serving deleted documents, and a corrupt TOC file is left open.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import threading
import time
import warnings
from collections.abc import Iterable
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from whoosh import columns, fields, index, query, sorting
from whoosh.analysis import Token, Tokenizer
from whoosh.index import LockError
from whoosh.matching import NullMatcher, UnionMatcher
from whoosh.writing import CLEAR

from marketplace.search import analysis
from marketplace.search.analysis import LANGS, QueryUnit, query_units
from marketplace.search.interface import (
    ATTRIBUTE_FACET_PREFIX,
    PRICE_BUCKETS_USD,
    VALUE_SEP,
    IndexBusy,
    Progress,
    SearchDocument,
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

SCHEMA_VERSION = "whoosh-1"
VERSION_FILE = "SCHEMA_VERSION"
INDEX_NAME = "listings"
REBUILD_HINT = "rebuild it with `flask search reindex`"
SEP = VALUE_SEP

# Query boosts: a word in a title counts most, then category names, attribute values, descriptions;
# an exact identifier beats any text match. Fields in the viewer's language get a small bonus.
BOOSTS = {"title": 6.0, "cat": 3.0, "attr": 2.0, "desc": 1.0}
IDS_BOOST = 12.0
VIEWER_LANG_BOOST = 1.2
TIEBREAK = 0.2  # a word matched in several fields scores its best match + 0.2 × the others
MAX_EXPANSIONS = 64  # terms a prefix may stand for
MAX_IDLE_SEARCHERS = 8
BULK_PROCS_MIN = 5_000  # a bulk load of at least this many documents uses two writer processes
PROGRESS_EVERY = 500


# -- analyzers (pickled into the index's schema: keep these class names and attributes stable) ------


class LanguageTokenizer(Tokenizer):
    """Tokens of `analysis.analyze(value, lang)` with positions and character offsets."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for i, (term, start, end) in enumerate(analysis.analyze(value, self.lang)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + i
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class ValuesTokenizer(Tokenizer):
    """Each value of a list (or of a string separated by U+001F) as one exact token."""

    def __call__(self, value, positions=False, chars=False, removestops=True, mode="", **kwargs):
        values = value if isinstance(value, list | tuple) else str(value).split(SEP)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for i, item in enumerate(v for v in values if v):
            token.text = item
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = i
            yield token


class SpellingTokenizer(Tokenizer):
    """Unstemmed normalised words, the vocabulary of "did you mean"."""

    def __call__(self, value, positions=False, chars=False, removestops=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for i, word in enumerate(analysis.spelling_words(value)):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = i
            yield token


def _text_field(lang: str) -> fields.TEXT:
    # No positions (phrase=False): queries are programmatic term/prefix queries; a phrase search
    # would need them (and a new SCHEMA_VERSION).
    return fields.TEXT(analyzer=LanguageTokenizer(lang), phrase=False)


def build_schema() -> fields.Schema:
    schema = fields.Schema(
        listing_id=fields.ID(stored=True, unique=True),
        lid=fields.COLUMN(columns.NumericColumn("q")),  # sort only: a column, no postings
        vertical=fields.ID(sortable=True),
        category=fields.ID(sortable=True),
        cats=fields.KEYWORD(analyzer=ValuesTokenizer()),
        seller=fields.ID(sortable=True),
        ordos=fields.ID(sortable=True),
        incoterm=fields.ID(sortable=True),
        # USD cents; signed=False breaks NumericRange; shift_step 16: 4 range terms per value, not 16
        price=fields.NUMERIC(int, bits=64, sortable=True, shift_step=16),
        has_price=fields.ID(sortable=True),
        published=fields.COLUMN(columns.NumericColumn("q")),  # epoch seconds, sort only
        attrs=fields.KEYWORD(analyzer=ValuesTokenizer()),
        ids=fields.KEYWORD(analyzer=ValuesTokenizer()),
        spell=fields.TEXT(analyzer=SpellingTokenizer(), phrase=False),
        content=fields.STORED(),
    )
    for lang in LANGS:
        for kind in ("title", "desc", "cat", "attr"):
            schema.add(f"{kind}_{lang}", _text_field(lang))
    return schema


# -- documents -------------------------------------------------------------------------------------


def _cents(amount: Decimal | None) -> int | None:
    if amount is None:
        return None
    return max(0, int((Decimal(amount) * 100).to_integral_value(rounding=ROUND_HALF_UP)))


def _epoch(moment: datetime | None) -> int:
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def whoosh_fields(doc: SearchDocument) -> dict[str, Any]:
    cents = _cents(doc.price_usd)
    out: dict[str, Any] = {
        "listing_id": str(doc.listing_id),
        "lid": int(doc.listing_id),
        "vertical": str(doc.vertical),
        "category": str(doc.category_id),
        "cats": [str(c) for c in (doc.category_path_ids or [doc.category_id])],
        "seller": str(doc.seller_id),
        "ordos": "yes" if doc.origin_ordos else "no",
        "incoterm": str(doc.incoterm),
        "has_price": "a" if cents is not None else "b",  # sorts listings without a price last
        "published": _epoch(doc.published_at),
        "attrs": attribute_terms(doc),
        "ids": identifier_terms(doc),
        "content": {
            "t": dict(doc.titles),
            "d": dict(doc.descriptions),
            "seller_name": doc.seller_name,
        },
    }
    if cents is not None:
        out["price"] = cents
    # "did you mean" vocabulary: titles, category names and attribute values (not descriptions: they
    # would double the postings for little gain)
    out["spell"] = "\n".join(
        [*doc.titles.values(), *doc.category_names.values(), *doc.attribute_texts.values()]
    )
    for lang in LANGS:
        for name, source in (
            ("title", doc.titles),
            ("desc", doc.descriptions),
            ("cat", doc.category_names),
            ("attr", doc.attribute_texts),
        ):
            if source.get(lang):
                out[f"{name}_{lang}"] = source[lang]
    return out


# -- queries ---------------------------------------------------------------------------------------


class PrefixTerms(query.Prefix):
    """A prefix query scored like the terms it expands to (BM25), keeping its boost: Whoosh's Prefix
    drops the boost when the prefix expands to a single term. At most MAX_EXPANSIONS terms."""

    def matcher(self, searcher, context=None):
        words = list(islice((w for w in self._btexts(searcher.reader()) if w), MAX_EXPANSIONS))
        if not words:
            return NullMatcher()
        terms = [query.Term(self.fieldname, w, boost=self.boost) for w in words]
        return (terms[0] if len(terms) == 1 else query.Or(terms)).matcher(searcher, context)


class BestOfMatcher(UnionMatcher):
    """Union of two matchers scored as the better one plus TIEBREAK × the other where both are on the
    document. (Whoosh's DisjunctionMaxMatcher takes the max of both sub-scores even when one is on
    another document.) Quality bounds stay the union's sum, an upper bound, and this matcher never
    prunes its own children by quality."""

    def replace(self, minquality=0):
        a, b = self.a.replace(), self.b.replace()
        if not a.is_active():
            return b if b.is_active() else NullMatcher()
        if not b.is_active():
            return a
        if a is not self.a or b is not self.b:
            return self.__class__(a, b)
        return self

    def score(self):
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        if a.id() < b.id():
            return a.score()
        if b.id() < a.id():
            return b.score()
        sa, sb = a.score(), b.score()
        return max(sa, sb) + TIEBREAK * min(sa, sb)


class BestOf(query.CompoundQuery):
    """Matches what any subquery matches; a document scores its best match (plus a little of the
    others): a word found in the title and the description is not counted twice."""

    JOINT = " | "
    intersect_merge = False

    def _matcher(self, subs, searcher, context):
        return self._tree_matcher(subs, BestOfMatcher, searcher, context, None)


def _part_query(part, viewer_lang: str) -> query.Query | None:
    """The best of the word's matches over every field and language."""
    subqueries: list[query.Query] = []
    for lang in LANGS:
        factor = VIEWER_LANG_BOOST if lang == viewer_lang else 1.0
        terms, prefixes = part.terms.get(lang, []), part.prefixes.get(lang, [])
        zh_all = part.zh_all if lang == "zh" else []
        for kind, boost in BOOSTS.items():
            name = f"{kind}_{lang}"
            subqueries.extend(query.Term(name, t, boost=boost * factor) for t in terms)
            for prefix in prefixes:
                if len(prefix) >= 3:
                    subqueries.append(PrefixTerms(name, prefix, boost=boost * factor))
                else:
                    subqueries.append(query.Term(name, prefix, boost=boost * factor))
            if zh_all:
                subqueries.append(query.And([query.Term(name, t) for t in zh_all], boost=boost * factor))
    if not subqueries:
        return None
    return subqueries[0] if len(subqueries) == 1 else BestOf(subqueries)


def unit_query(unit: QueryUnit, viewer_lang: str) -> query.Query | None:
    """Any of the unit's identifiers exactly, or all of its words."""
    alternatives: list[query.Query] = [query.Term("ids", x, boost=IDS_BOOST) for x in unit.ids]
    parts = [q for q in (_part_query(p, viewer_lang) for p in unit.parts) if q is not None]
    if parts:
        alternatives.append(parts[0] if len(parts) == 1 else query.And(parts))
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else query.Or(alternatives)


def text_query(units: list[QueryUnit], viewer_lang: str, *, relaxed: bool = False) -> query.Query | None:
    """Every unit must match (or, relaxed, any)."""
    subqueries = [q for q in (unit_query(u, viewer_lang) for u in units) if q is not None]
    if not subqueries:
        return None
    if len(subqueries) == 1:
        return subqueries[0]
    return query.Or(subqueries) if relaxed else query.And(subqueries)


def _any_of(field: str, values: Iterable[str]) -> query.Query:
    terms = [query.Term(field, v) for v in dict.fromkeys(values)]
    return terms[0] if len(terms) == 1 else query.Or(terms)


def filter_queries(q: SearchQuery) -> dict[str, query.Query]:
    """One query per active filter, keyed by the facet it narrows."""
    out: dict[str, query.Query] = {}
    if q.vertical:
        out["vertical"] = query.Term("vertical", str(q.vertical))
    if q.category_ids:
        out["category"] = _any_of("cats", [str(c) for c in q.category_ids])
    if q.origin_ordos is not None:
        out["origin_ordos"] = query.Term("ordos", "yes" if q.origin_ordos else "no")
    if q.incoterm:
        out["incoterm"] = query.Term("incoterm", str(q.incoterm))
    if q.seller_id is not None:
        out["seller"] = query.Term("seller", str(q.seller_id))
    for code, value in (q.attributes or {}).items():
        values = value if isinstance(value, list | tuple) else [value]
        if values:
            out[ATTRIBUTE_FACET_PREFIX + code] = _any_of(
                "attrs", [f"{code}={clean_value(v)}" for v in values]
            )
    if q.price_min_usd is not None or q.price_max_usd is not None:
        out["price"] = query.NumericRange("price", _cents(q.price_min_usd), _cents(q.price_max_usd))
    return out


def _sortedby(sort: str, has_text: bool):
    newest = [sorting.FieldFacet("published", reverse=True), sorting.FieldFacet("lid", reverse=True)]
    if sort == "newest" or (sort == "relevance" and not has_text):
        return sorting.MultiFacet(newest)
    if sort in ("price_asc", "price_desc"):
        return sorting.MultiFacet(
            [
                sorting.FieldFacet("has_price"),
                sorting.FieldFacet("price", reverse=sort == "price_desc"),
                *newest,
            ]
        )
    return None  # relevance


def _price_bucket_queries() -> dict[str, query.Query]:
    return {
        label: query.NumericRange("price", _cents(low), _cents(high) - 1 if high is not None else None)
        for label, low, high in PRICE_BUCKETS_USD
    }


def _builds(target: Path) -> list[Path]:
    """Build directories of `target`, oldest first."""
    return sorted(p for p in target.parent.glob(f"{target.name}.b*") if p.is_dir() and not p.is_symlink())


def swap_directory(target: Path, build: Path) -> None:
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


# -- the backend -----------------------------------------------------------------------------------


class _SearcherState:
    """A pooled searcher and the document sets cached for its index generation."""

    def __init__(self, ix, searcher, epoch: int):
        self.ix = ix
        self.searcher = searcher
        self.epoch = epoch
        self.docsets: dict[Any, frozenset[int]] = {}
        self.value_docsets: dict[Any, dict[str, frozenset[int]]] = {}

    def fresh(self, ix, epoch: int) -> bool:
        return self.ix is ix and self.epoch == epoch and self.searcher.up_to_date()


class WhooshBackend:
    """`SearchBackend` over a Whoosh index in `path` (a directory used only by this index)."""

    def __init__(self, path: str | os.PathLike, *, write_timeout: float = 10.0):
        self.path = Path(path)
        self.write_timeout = write_timeout
        self._write_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._ix = None
        self._ix_token: tuple | None = None
        self._pool: list[_SearcherState] = []  # idle searchers, reused while the index is unchanged
        self._pool_lock = threading.Lock()
        self._epoch = 0  # bumped by close(): searchers of an earlier epoch are closed when returned

    # -- state of the index on disk ---------------------------------------------------------------

    @property
    def schema_version(self) -> str:
        return SCHEMA_VERSION

    def stored_schema_version(self) -> str | None:
        try:
            return (self.path / VERSION_FILE).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def _exists(self) -> bool:
        return self.path.is_dir() and any(self.path.glob(f"_{INDEX_NAME}_*.toc"))

    def check(self) -> str | None:
        if not self._exists():
            return f"The search index at {self.path} does not exist; build it with `flask search reindex`."
        stored = self.stored_schema_version()
        if stored != SCHEMA_VERSION:
            return (
                f"The search index at {self.path} has schema version {stored or 'unknown'} but this "
                f"version of the application needs {SCHEMA_VERSION}; {REBUILD_HINT}."
            )
        problem = None
        with warnings.catch_warnings():
            # Whoosh leaves the file of a corrupt index open when reading it fails: it is collected
            # below, ignoring only the ResourceWarning about files of this index.
            warnings.filterwarnings(
                "ignore", message=rf"unclosed file .*{re.escape(str(self.path))}", category=ResourceWarning
            )
            try:
                ix = index.open_dir(str(self.path), indexname=INDEX_NAME)
                try:
                    missing = set(build_schema().names()) - set(ix.schema.names())
                    with ix.searcher() as searcher:
                        searcher.doc_count()
                        searcher.reader().frequency("ids", "x")  # touches the term dictionary
                finally:
                    ix.close()
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if problem:
                gc.collect()
        if problem:
            return f"The search index at {self.path} cannot be read ({problem}); {REBUILD_HINT}."
        if missing:
            return f"The search index at {self.path} lacks fields {sorted(missing)}; {REBUILD_HINT}."
        return None

    def _token(self) -> tuple | None:
        """Identity of the index on disk: changes when the directory is rebuilt or swapped."""
        try:
            st = (self.path / VERSION_FILE).stat()
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_mtime_ns)

    def _index(self, *, create: bool = False):
        """The open index, reopened when the directory was rebuilt or swapped (each thread then
        replaces its own searcher); with `create`, a missing index is created empty."""
        token = self._token()
        if self._ix is not None and token == self._ix_token:
            return self._ix
        with self._open_lock:
            token = self._token()
            if self._ix is not None and token == self._ix_token:
                return self._ix
            problem = self.check()
            if problem and create and not self._exists():
                self._create()
                token, problem = self._token(), self.check()
            if problem:
                raise SearchUnavailable(problem)
            self._ix = index.open_dir(str(self.path), indexname=INDEX_NAME)
            self._ix_token = token
            return self._ix

    def _own_files(self) -> list[Path]:
        """The files of this index (a misconfigured path never loses anything else)."""
        if not self.path.is_dir():
            return []
        return [
            p
            for p in self.path.iterdir()
            if p.is_file()
            and (p.name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_")) or p.name == VERSION_FILE)
        ]

    def _create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        index.create_in(str(self.path), build_schema(), indexname=INDEX_NAME)
        self._write_version()

    def _write_version(self) -> None:
        tmp = self.path / f".{VERSION_FILE}.{os.getpid()}.tmp"
        tmp.write_text(SCHEMA_VERSION + "\n", encoding="utf-8")
        os.replace(tmp, self.path / VERSION_FILE)

    # -- writing ------------------------------------------------------------------------------------

    def _writer(self, ix):
        try:
            return ix.writer(timeout=self.write_timeout, delay=0.05, limitmb=128)
        except LockError:
            raise IndexBusy(f"The search index at {self.path} is being written by another process.")

    def index(self, docs: Iterable[SearchDocument]) -> int:
        """Add or replace documents in one commit (a listing given twice: the last one counts).
        Waits up to `write_timeout` for another writer, then raises IndexBusy."""
        batch = {doc.listing_id: doc for doc in docs}
        if not batch:
            return 0
        with self._write_lock:
            ix = self._index(create=True)
            empty = ix.doc_count_all() == 0  # nothing to replace: plain adds are faster
            writer = self._writer(ix)
            try:
                for doc in batch.values():
                    if empty:
                        writer.add_document(**whoosh_fields(doc))
                    else:
                        writer.update_document(**whoosh_fields(doc))
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            return len(batch)

    def bulk_load(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int:
        """Add every document of a new index (one from `build_aside`, after `clear`) with one writer
        and one commit: much faster than `index` batches, which replace documents and merge segments
        at each commit. With `total` ≥ BULK_PROCS_MIN and more than one CPU, documents are analysed
        and written by sub-processes (Whoosh's MpWriter), each producing one segment."""
        procs = min(2, os.cpu_count() or 1) if (total or 0) >= BULK_PROCS_MIN else 1
        options: dict[str, Any] = {"limitmb": 256}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        count = 0
        with self._write_lock:
            ix = self._index(create=True)
            try:
                writer = ix.writer(**options)
            except LockError:
                raise IndexBusy(f"The search index at {self.path} is being written by another process.")
            try:
                for doc in docs:
                    writer.add_document(**whoosh_fields(doc))
                    count += 1
                    if progress is not None and count % PROGRESS_EVERY == 0:
                        progress(PROGRESS_EVERY)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        if progress is not None and count % PROGRESS_EVERY:
            progress(count % PROGRESS_EVERY)
        return count

    def remove(self, listing_ids: Iterable[int]) -> None:
        ids = [str(i) for i in listing_ids]
        if not ids:
            return
        with self._write_lock:
            if not self._exists():
                return
            ix = self._index()
            writer = self._writer(ix)
            try:
                for listing_id in ids:
                    writer.delete_by_term("listing_id", listing_id)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def clear(self) -> None:
        """Empty the index; one that is missing, corrupt or of another version is recreated."""
        with self._write_lock, self._open_lock:
            if self.check() is None:
                ix = index.open_dir(str(self.path), indexname=INDEX_NAME)
                try:
                    self._writer(ix).commit(mergetype=CLEAR)
                finally:
                    ix.close()
                return
            self._ix, self._ix_token = None, None
            for path in self._own_files():
                path.unlink()
            self._create()

    # -- searching ----------------------------------------------------------------------------------

    @contextmanager
    def _searcher(self):
        """An idle searcher of the current index generation, or a new one; returned to the pool
        afterwards. (Reopened after each commit rather than `Searcher.refresh()`ed: Whoosh-Reloaded
        2.7.5's refresh reuses segment readers that do not see new deletions.)"""
        ix = self._index()
        state = None
        with self._pool_lock:
            epoch = self._epoch
            while self._pool:
                candidate = self._pool.pop()
                if candidate.fresh(ix, epoch):
                    state = candidate
                    break
                candidate.searcher.close()
        if state is None:
            state = _SearcherState(ix, ix.searcher(), epoch)
        try:
            yield state
        finally:
            with self._pool_lock:
                keep = state.epoch == self._epoch and len(self._pool) < MAX_IDLE_SEARCHERS
                if keep:
                    self._pool.append(state)
            if not keep:
                state.searcher.close()

    def describe(self) -> str:
        return f"directory {self.path}"

    def build_aside(self) -> WhooshBackend:
        """A backend over a new sibling directory (`<name>.b<time>`), to be filled and `swap_in`-ed."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return WhooshBackend(self.path.parent / f"{self.path.name}.b{time.time_ns():020d}")

    def swap_in(self, build: WhooshBackend) -> None:
        """Make this index's path a symbolic link to `build`'s directory, in one rename. Running
        backends notice (the version file's identity changes) and reopen; the build before is kept so
        a search still reading it finishes, older ones are deleted."""
        swap_directory(self.path, build.path)

    def discard(self) -> None:
        self.close()
        shutil.rmtree(self.path, ignore_errors=True)

    def close(self) -> None:
        """Close the idle searchers (busy ones close when returned); the backend reopens on use."""
        with self._pool_lock:
            self._epoch += 1
            idle, self._pool = self._pool, []
        for state in idle:
            with suppress(Exception):
                state.searcher.close()
        with self._open_lock:
            if self._ix is not None:
                self._ix.close()
            self._ix, self._ix_token = None, None

    def _docset(self, state: _SearcherState, q: query.Query) -> frozenset[int]:
        key = repr(q)
        found = state.docsets.get(key)
        if found is None:
            found = frozenset(state.searcher.docs_for_query(q))
            if len(state.docsets) > 256:
                state.docsets.clear()
            state.docsets[key] = found
        return found

    def _value_docsets(self, state: _SearcherState, facet: str) -> dict[str, frozenset[int]]:
        """Documents per value of a facet (cached for this searcher generation)."""
        cached = state.value_docsets.get(facet)
        if cached is not None:
            return cached
        reader = state.searcher.reader()
        if facet == "price":
            out = {label: self._docset(state, q) for label, q in _price_bucket_queries().items()}
        else:
            if facet.startswith(ATTRIBUTE_FACET_PREFIX):
                field, prefix = "attrs", facet[len(ATTRIBUTE_FACET_PREFIX) :] + "="
            else:
                field, prefix = FACET_FIELDS[facet], ""
            out = {}
            terms = reader.expand_prefix(field, prefix) if prefix else reader.lexicon(field)
            for raw in terms:
                term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                out[term[len(prefix) :]] = frozenset(state.searcher.docs_for_query(query.Term(field, term)))
        state.value_docsets[facet] = out
        return out

    def _matching(
        self, state: _SearcherState, text_q: query.Query | None, filters: dict[str, query.Query], skip=None
    ) -> frozenset[int] | set[int]:
        sets = [self._docset(state, fq) for name, fq in filters.items() if name != skip]
        if text_q is not None:
            sets.append(frozenset(state.searcher.docs_for_query(text_q)))
        if not sets:
            return self._docset(state, query.Every())
        sets.sort(key=len)
        result = set(sets[0])
        for other in sets[1:]:
            result &= other
        return result

    def search(self, query_: SearchQuery) -> SearchResult:
        q = normalise_query(query_)
        with self._searcher() as state:
            return self._search(state, q)

    def _search(self, state: _SearcherState, q: SearchQuery) -> SearchResult:
        units = query_units(q.text)
        filters = filter_queries(q)
        text_q = text_query(units, q.lang)
        relaxed = False
        matched = self._matching(state, text_q, filters)
        if not matched and text_q is not None and len(units) > 1:
            relaxed_q = text_query(units, q.lang, relaxed=True)
            relaxed_matched = self._matching(state, relaxed_q, filters)
            if relaxed_matched:
                text_q, matched, relaxed = relaxed_q, relaxed_matched, True

        hits: list[SearchHit] = []
        if matched:
            limit = q.page * q.per_page
            sortedby = _sortedby(q.sort, text_q is not None)
            results = state.searcher.search(
                text_q if text_q is not None else query.Every(),
                filter=set(matched),
                limit=limit,
                sortedby=sortedby,
                terms=False,
            )
            for hit in results[(q.page - 1) * q.per_page : limit]:
                hits.append(self._hit(hit, units, q.lang, scored=sortedby is None))

        facets = {}
        for name in q.facets:
            base = self._matching(state, text_q, filters, skip=name) if name in filters else matched
            facets[name] = self._facet_counts(state, name, base)

        suggestion = None
        if (relaxed or not matched) and units:
            suggestion = self._suggest(state, q, filters)
        return SearchResult(hits, len(matched), facets, suggestion, relaxed)

    def _facet_counts(self, state: _SearcherState, name: str, base) -> list[tuple[str, int]]:
        if name not in FACET_FIELDS and name != "price" and not name.startswith(ATTRIBUTE_FACET_PREFIX):
            return []
        counts = [(value, len(base & docs)) for value, docs in self._value_docsets(state, name).items()]
        counts = [(value, n) for value, n in counts if n]
        if name == "price":
            return counts  # bucket order
        return sorted(counts, key=lambda vc: (-vc[1], vc[0]))

    def _hit(self, hit, units: list[QueryUnit], viewer_lang: str, scored: bool) -> SearchHit:
        stored = hit.fields()
        score = hit.score if scored and isinstance(hit.score, int | float) else 0.0
        return make_hit(
            int(stored["listing_id"]), float(score), stored.get("content") or {}, units, viewer_lang
        )

    def _suggest(self, state: _SearcherState, q: SearchQuery, filters: dict[str, query.Query]) -> str | None:
        """The query with unknown words replaced by the closest indexed ones, if that finds something."""
        reader = state.searcher.reader()
        corrector = state.searcher.corrector("spell")
        replacements: list[tuple[int, int, str]] = []
        for m in re.finditer(r"[^\W_]+", q.text[: analysis.MAX_QUERY]):
            words = analysis.spelling_words(m.group(0))
            if len(words) != 1 or len(words[0]) < 4 or reader.frequency("spell", words[0]):
                continue
            word = words[0]
            found = corrector.suggest(word, limit=1, maxdist=1 if len(word) < 7 else 2, prefix=1)
            if found and found[0] != word:
                replacements.append((m.start(), m.end(), found[0]))
        if not replacements:
            return None
        text = q.text[: analysis.MAX_QUERY]
        for start, end, word in reversed(replacements):
            text = text[:start] + word + text[end:]
        suggested = text_query(query_units(text), q.lang)
        if suggested is None or not self._matching(state, suggested, filters):
            return None
        return text


FACET_FIELDS = {
    "vertical": "vertical",
    "category": "cats",
    "origin_ordos": "ordos",
    "incoterm": "incoterm",
    "seller": "seller",
}
