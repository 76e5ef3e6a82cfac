"""The embedded search backend: a Whoosh (Whoosh-Reloaded) index in a directory under instance/.

Layout: per-language text fields (title, description, category names, attribute values) analysed by
`analysis.analyze`, an `ids` field of exact identifier terms, single-valued ID fields with columns for
filters, facets and sorting, integer columns for sorting (price in USD cents: Whoosh's NUMERIC(float)
crashes), a `spell` field (the "did you mean" vocabulary), and one stored field with the titles and
descriptions for snippets.

Whoosh stores and writes; queries are evaluated over arrays by `whoosh_arrays` (posting lists read
block by block into numpy arrays and cached per segment, columns per segment), because Whoosh's own
one-document-at-a-time matchers cost hundreds of milliseconds on a broad query over 100,000 listings.
Queries are built from `analysis.query_units`, never by a query parser, so user input cannot cause
syntax errors. Every word must match (in any language's fields, or as an identifier); when nothing
does, any word may ("relaxed"). A word scores its best field plus a little of the others.

Searchers are pooled and reused until the index changes. One writer at a time: a process-wide lock,
and Whoosh's file lock waited for up to `write_timeout`. A full rebuild (`bulk_load`) uses one writer
(two processes on a large build). A file in the index directory (`SCHEMA_VERSION`) records the layout
version; `check()` reports a missing, corrupt or outdated index, and `search()` raises
SearchUnavailable with that message. A directory rebuilt aside and swapped in is picked up by running
backends (the version file's identity changes).

Whoosh-Reloaded 2.7.5 defects worked around here: NUMERIC(signed=False) breaks range queries,
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
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import columns, fields, index
from whoosh.analysis import Token, Tokenizer
from whoosh.index import LockError
from whoosh.writing import CLEAR

from marketplace.search import analysis
from marketplace.search.analysis import LANGS, QueryPart, QueryUnit, query_units
from marketplace.search.interface import (
    ATTRIBUTE_FACET_PREFIX,
    PRICE_BUCKETS_USD,
    VALUE_SEP,
    IndexBusy,
    Progress,
    SearchDocument,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
    attribute_terms,
    clean_value,
    identifier_terms,
    normalise_query,
)
from marketplace.search.snippets import make_hit
from marketplace.search.whoosh_arrays import (
    BoolArray,
    FloatArray,
    IntArray,
    PostingsCache,
    SegmentColumns,
    Snapshot,
    top,
    top_by_score,
)

SCHEMA_VERSION = "whoosh-2"
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
        stock=fields.KEYWORD(analyzer=ValuesTokenizer()),  # countries with overseas stock
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
        "stock": list(doc.stock_countries),
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


# -- queries (evaluated over arrays: whoosh_arrays) ------------------------------------------------

Eval = tuple[BoolArray, FloatArray]  # (documents that match, their scores) over all documents


def _alternatives(snap: Snapshot, part: QueryPart, viewer_lang: str) -> list[tuple[IntArray, FloatArray]]:
    """(documents, scores) of each way the word can match: a term or an expanded prefix in a field of
    a language, or (a long Chinese word) all of its bigrams."""
    out = []
    for lang in LANGS:
        factor = VIEWER_LANG_BOOST if lang == viewer_lang else 1.0
        terms, prefixes = part.terms.get(lang, []), part.prefixes.get(lang, [])
        zh_all = part.zh_all if lang == "zh" else []
        for kind, boost in BOOSTS.items():
            name = f"{kind}_{lang}"
            words = list(terms)
            for prefix in prefixes:
                words.extend(
                    snap.expand_prefix(name, prefix, MAX_EXPANSIONS) if len(prefix) >= 3 else [prefix]
                )
            for word in dict.fromkeys(words):
                ids, scores = snap.term_scores(name, word, boost * factor)
                if len(ids):
                    out.append((ids, scores))
            if zh_all:
                every = np.ones(snap.size, dtype=np.bool_)
                total = np.zeros(snap.size, dtype=np.float32)
                for bigram in zh_all:
                    ids, scores = snap.term_scores(name, bigram, boost * factor)
                    present = np.zeros(snap.size, dtype=np.bool_)
                    present[ids] = True
                    every &= present
                    total[ids] += scores
                both = np.flatnonzero(every)
                if len(both):
                    out.append((both, total[both]))
    return out


def _part(snap: Snapshot, part: QueryPart, viewer_lang: str) -> Eval:
    """A word: its best match over fields and languages, plus TIEBREAK × the others."""
    best = np.zeros(snap.size, dtype=np.float32)
    total = np.zeros(snap.size, dtype=np.float32)
    mask = np.zeros(snap.size, dtype=np.bool_)
    for ids, scores in _alternatives(snap, part, viewer_lang):
        best[ids] = np.maximum(best[ids], scores)
        total[ids] += scores
        mask[ids] = True
    return mask, best + np.float32(TIEBREAK) * (total - best)


def _unit(snap: Snapshot, unit: QueryUnit, viewer_lang: str) -> Eval | None:
    """Any of the unit's identifiers, or all of its words."""
    if not unit.ids and not unit.parts:
        return None
    mask = np.zeros(snap.size, dtype=np.bool_)
    score = np.zeros(snap.size, dtype=np.float32)
    for identifier in unit.ids:
        ids, scores = snap.term_scores("ids", identifier, IDS_BOOST)
        mask[ids] = True
        score[ids] += scores
    if unit.parts:
        parts = [_part(snap, p, viewer_lang) for p in unit.parts]
        every = np.logical_and.reduce([m for m, _s in parts])
        words = np.add.reduce([s for _m, s in parts])
        mask |= every
        score += np.where(every, words, np.float32(0))
    return mask, score


def text_eval(
    snap: Snapshot, units: list[QueryUnit], viewer_lang: str, *, relaxed: bool = False
) -> Eval | None:
    """Every unit must match (or, relaxed, any); scores add up. None: the query has no words."""
    evals = [e for e in (_unit(snap, u, viewer_lang) for u in units) if e is not None]
    if not evals:
        return None
    combine = np.logical_or if relaxed else np.logical_and
    mask = combine.reduce([m for m, _s in evals]) if len(evals) > 1 else evals[0][0]
    return mask, np.add.reduce([s for _m, s in evals])


def filter_masks(snap: Snapshot, q: SearchQuery) -> dict[str, BoolArray]:
    """One mask per active filter, keyed by the facet it narrows."""
    out: dict[str, BoolArray] = {}
    if q.vertical:
        out["vertical"] = snap.coded_mask("vertical", str(q.vertical))
    if q.category_ids:
        out["category"] = snap.mask_of("cats", [str(c) for c in q.category_ids])
    if q.origin_ordos is not None:
        out["origin_ordos"] = snap.coded_mask("ordos", "yes" if q.origin_ordos else "no")
    if q.incoterm:
        out["incoterm"] = snap.coded_mask("incoterm", str(q.incoterm))
    if q.seller_id is not None:
        out["seller"] = snap.coded_mask("seller", str(q.seller_id))
    if q.stock_country:
        out["stock_country"] = snap.mask_of("stock", [str(q.stock_country).upper()])
    for code, value in (q.attributes or {}).items():
        values = value if isinstance(value, list | tuple) else [value]
        if values:
            terms = [f"{code}={clean_value(v)}" for v in values]
            out[ATTRIBUTE_FACET_PREFIX + code] = snap.mask_of("attrs", terms)
    if q.price_min_usd is not None or q.price_max_usd is not None:
        mask = snap.price >= 0
        if q.price_min_usd is not None:
            mask &= snap.price >= _cents(q.price_min_usd)
        if q.price_max_usd is not None:
            mask &= snap.price <= _cents(q.price_max_usd)
        out["price"] = mask
    return out


def matching(
    snap: Snapshot, text: Eval | None, filters: dict[str, BoolArray], skip: str | None = None
) -> BoolArray:
    mask = snap.live.copy()
    if text is not None:
        mask &= text[0]
    for name, condition in filters.items():
        if name != skip:
            mask &= condition
    return mask


def ordered(snap: Snapshot, sort: str, text: Eval | None, docs: IntArray, limit: int) -> IntArray:
    """The first `limit` of `docs` in the requested order (relevance without words: newest)."""
    if sort == "relevance" and text is not None:
        return top_by_score(text[1], docs, limit)
    newest = (-snap.lid[docs], -snap.published[docs])
    if sort in ("price_asc", "price_desc"):
        price = snap.price[docs]
        return top((*newest, price if sort == "price_asc" else -price, price < 0), docs, limit)
    return top(newest, docs, limit)


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
    """A pooled searcher and the arrays of its index generation (built on first use)."""

    def __init__(self, ix, searcher, epoch: int):
        self.ix = ix
        self.searcher = searcher
        self.epoch = epoch
        self.snapshot: Snapshot | None = None

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
        self._columns: dict[str, SegmentColumns] = {}  # segment id -> its columns (live segments only)
        self._columns_lock = threading.Lock()
        self._postings = PostingsCache()
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

    def _snapshot(self, state: _SearcherState) -> Snapshot:
        if state.snapshot is None:
            with self._columns_lock:
                state.snapshot = Snapshot.build(state.searcher, self._columns, self._postings)
        return state.snapshot

    def search(self, query_: SearchQuery) -> SearchResult:
        q = normalise_query(query_)
        with self._searcher() as state:
            return self._search(self._snapshot(state), q)

    def _search(self, snap: Snapshot, q: SearchQuery) -> SearchResult:
        units = query_units(q.text)
        filters = filter_masks(snap, q)
        text = text_eval(snap, units, q.lang)
        relaxed = False
        matched = matching(snap, text, filters)
        if not matched.any() and text is not None and len(units) > 1:
            loose = text_eval(snap, units, q.lang, relaxed=True)
            loose_matched = matching(snap, loose, filters)
            if loose_matched.any():
                text, matched, relaxed = loose, loose_matched, True

        docs = np.flatnonzero(matched)
        limit = q.page * q.per_page
        scored = text is not None and q.sort == "relevance"
        hits = []
        for docnum in ordered(snap, q.sort, text, docs, limit)[(q.page - 1) * q.per_page :]:
            stored = snap.searcher.stored_fields(int(docnum))
            score = float(text[1][docnum]) if scored and text is not None else 0.0
            hits.append(
                make_hit(int(stored["listing_id"]), score, stored.get("content") or {}, units, q.lang)
            )

        facets = {}
        for name in q.facets:
            base = matching(snap, text, filters, skip=name) if name in filters else matched
            facets[name] = self._facet_counts(snap, name, base)

        suggestion = None
        if (relaxed or not len(docs)) and units:
            suggestion = self._suggest(snap, q, filters)
        return SearchResult(hits, len(docs), facets, suggestion, relaxed)

    def _facet_counts(self, snap: Snapshot, name: str, base: BoolArray) -> list[tuple[str, int]]:
        if name in FACET_COLUMNS:
            counts = snap.coded_counts(FACET_COLUMNS[name], base)
        elif name == "category":
            counts = snap.term_counts("cats", snap.lexicon("cats"), base)
        elif name == "stock_country":
            counts = snap.term_counts("stock", snap.lexicon("stock"), base)
        elif name.startswith(ATTRIBUTE_FACET_PREFIX):
            prefix = name[len(ATTRIBUTE_FACET_PREFIX) :] + "="
            terms = snap.lexicon("attrs", prefix)
            counts = [(term[len(prefix) :], n) for term, n in snap.term_counts("attrs", terms, base)]
        elif name == "price":
            priced = base & (snap.price >= 0)
            counts = []
            for label, low, high in PRICE_BUCKETS_USD:
                mask = priced
                if low is not None:
                    mask = mask & (snap.price >= _cents(low))
                if high is not None:
                    mask = mask & (snap.price < _cents(high))
                n = int(np.count_nonzero(mask))
                if n:
                    counts.append((label, n))
            return counts  # bucket order
        else:
            return []
        return sorted(counts, key=lambda vc: (-vc[1], vc[0]))

    def _suggest(self, snap: Snapshot, q: SearchQuery, filters: dict[str, BoolArray]) -> str | None:
        """The query with unknown words replaced by the closest indexed ones, if that finds something."""
        reader = snap.searcher.reader()
        corrector = snap.searcher.corrector("spell")
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
        suggested = text_eval(snap, query_units(text), q.lang)
        if suggested is None or not matching(snap, suggested, filters).any():
            return None
        return text


FACET_COLUMNS = {"vertical": "vertical", "origin_ordos": "ordos", "incoterm": "incoterm", "seller": "seller"}
