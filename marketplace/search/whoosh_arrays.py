"""Query evaluation of the Whoosh backend over arrays (numpy): Whoosh stores the postings, columns and
stored fields; matching, scoring, filtering, facet counting and sorting are vectorised here.

Why: Whoosh evaluates queries one document at a time in Python (matcher trees), so a broad query over
100,000 listings (a word in a third of them) costs hundreds of milliseconds, twice (once to collect the
matching set for the facet counts, once to score it). Here a posting list is read block by block into
arrays once and cached; a query is a few dozen array operations whatever the number of matches.

- `PostingsCache`: (segment, field, term) → (document numbers, term frequencies) of one segment, an LRU
  bounded in bytes and shared by every searcher of the backend. Segments never change once written
  (deletions are applied at query time), so entries stay valid; merged-away segments age out.
- `SegmentColumns`: the filter/sort columns of one segment (listing id, publication time, price, and
  coded vertical/seller/origin/Incoterm), read once per segment.
- `Snapshot`: one searcher generation: the segments' columns concatenated, the live-document mask and
  the postings of the terms it was asked for. Built when a pooled searcher is first used.

Scoring keeps the backend's model: per (field, term) BM25 without length normalisation
(idf · tf(k1+1)/(tf+k1), Whoosh's idf), times the field's boost; a word scores its best field plus
TIEBREAK × its other fields; an identifier match adds IDS_BOOST-weighted scores; the words of a query add
up. Ties are broken by index order.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np
from numpy.typing import NDArray

K1 = 1.2
POSTINGS_CACHE_BYTES = 256 * 2**20
CODED_COLUMNS = ("vertical", "seller", "ordos", "incoterm")

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float32]
BoolArray = NDArray[np.bool_]
EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int64)
EMPTY_TF: FloatArray = np.zeros(0, dtype=np.float32)


# -- postings --------------------------------------------------------------------------------------


class PostingsCache:
    """LRU of one segment's posting lists, bounded by the bytes of the arrays held."""

    def __init__(self, max_bytes: int = POSTINGS_CACHE_BYTES):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, tuple[IntArray, FloatArray]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple, load: Callable[[], tuple[IntArray, FloatArray]]) -> tuple[IntArray, FloatArray]:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        value = load()
        size = value[0].nbytes + value[1].nbytes
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self._bytes += size
                while self._bytes > self.max_bytes and len(self._items) > 1:
                    _key, (ids, tf) = self._items.popitem(last=False)
                    self._bytes -= ids.nbytes + tf.nbytes
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def read_postings(reader: Any, fieldname: str, term: str) -> tuple[IntArray, FloatArray]:
    """Document numbers and term frequencies of `term` in one segment (deleted documents included),
    read a block (up to 128 postings) at a time."""
    if (fieldname, term) not in reader:
        return EMPTY_IDS, EMPTY_TF
    btext = term.encode("utf-8") if isinstance(term, str) else term
    matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    ids: list[Any] = []
    weights: list[Any] = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):  # Whoosh 3 block postings
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int64))
            weights.append(np.asarray(matcher._weights, dtype=np.float32))
            matcher._next_block()
        if not ids:
            return EMPTY_IDS, EMPTY_TF
        return np.concatenate(ids), np.concatenate(weights)
    while matcher.is_active():  # postings inlined in the term info (a rare term)
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float32)


# -- columns ---------------------------------------------------------------------------------------


@dataclass
class SegmentColumns:
    """Sort and filter columns of one segment; coded columns as (codes, values)."""

    size: int
    lid: IntArray
    published: IntArray
    price: IntArray  # USD cents, -1 without a price
    coded: dict[str, tuple[NDArray[np.int32], list[str]]]

    @classmethod
    def read(cls, reader: Any) -> SegmentColumns:
        size = reader.doc_count_all()

        def column(name: str) -> list:
            return list(reader.column_reader(name)) if reader.has_column(name) else [None] * size

        has_price = column("has_price")
        price = column("price")
        coded = {}
        for name in CODED_COLUMNS:
            values: dict[str, int] = {}
            codes = np.fromiter(
                (values.setdefault(str(v), len(values)) for v in column(name)), dtype=np.int32, count=size
            )
            coded[name] = (codes, list(values))
        return cls(
            size=size,
            lid=np.asarray([int(x or 0) for x in column("lid")], dtype=np.int64),
            published=np.asarray([int(x or 0) for x in column("published")], dtype=np.int64),
            price=np.asarray(
                [int(p) if h == "a" and p is not None else -1 for p, h in zip(price, has_price, strict=True)],
                dtype=np.int64,
            ),
            coded=coded,
        )


# -- a searcher generation -------------------------------------------------------------------------


@dataclass
class Snapshot:
    """Arrays of one searcher generation (all segments, global document numbers)."""

    searcher: Any
    postings_cache: PostingsCache
    segments: list[tuple[str, Any, int]]  # (segment id, reader, first global document number)
    size: int
    live: BoolArray
    lid: IntArray
    published: IntArray
    price: IntArray
    coded: dict[str, tuple[NDArray[np.int32], list[str]]]
    live_count: int
    _postings: dict[tuple[str, str], tuple[IntArray, FloatArray]] = field(default_factory=dict)
    _lexicons: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(
        cls, searcher: Any, columns_cache: dict[str, SegmentColumns], postings: PostingsCache
    ) -> Snapshot:
        segments, parts, offset = [], [], 0
        for sub, _base in searcher.leaf_searchers():
            reader = sub.reader()
            if reader.segment() is None:  # an empty index
                continue
            segid = reader.segment().segment_id()
            cols = columns_cache.get(segid)
            if cols is None:
                cols = columns_cache[segid] = SegmentColumns.read(reader)
            segments.append((segid, reader, offset))
            parts.append((cols, reader))
            offset += cols.size
        for stale in set(columns_cache) - {s for s, _r, _o in segments}:
            columns_cache.pop(stale, None)
        size = offset
        live = np.ones(size, dtype=np.bool_)
        for (_segid, reader, first), (_cols, _r) in zip(segments, parts, strict=True):
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            if deleted:
                live[np.fromiter(deleted, dtype=np.int64) + first] = False

        def cat(name: str) -> IntArray:
            arrays = [getattr(c, name) for c, _r in parts]
            return np.concatenate(arrays) if arrays else EMPTY_IDS

        coded = {}
        for name in CODED_COLUMNS:
            vocabulary: dict[str, int] = {}
            pieces = []
            for cols, _r in parts:
                codes, values = cols.coded[name]
                mapping = np.asarray(
                    [vocabulary.setdefault(v, len(vocabulary)) for v in values], dtype=np.int32
                )
                pieces.append(mapping[codes] if len(codes) else codes)
            coded[name] = (
                np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32),
                list(vocabulary),
            )
        return cls(
            searcher=searcher,
            postings_cache=postings,
            segments=segments,
            size=size,
            live=live,
            lid=cat("lid"),
            published=cat("published"),
            price=cat("price"),
            coded=coded,
            live_count=int(live.sum()),
        )

    # -- postings and lexicons ---------------------------------------------------------------------

    def postings(self, fieldname: str, term: str) -> tuple[IntArray, FloatArray]:
        key = (fieldname, term)
        found = self._postings.get(key)
        if found is not None:
            return found
        ids_parts, tf_parts = [], []
        for segid, reader, first in self.segments:
            ids, tf = self.postings_cache.get(
                (segid, fieldname, term), lambda r=reader: read_postings(r, fieldname, term)
            )
            if len(ids):
                ids_parts.append(ids + first if first else ids)
                tf_parts.append(tf)
        if not ids_parts:
            found = (EMPTY_IDS, EMPTY_TF)
        elif len(ids_parts) == 1:
            found = (ids_parts[0], tf_parts[0])
        else:
            found = (np.concatenate(ids_parts), np.concatenate(tf_parts))
        with self.lock:
            if len(self._postings) > 4096:
                self._postings.clear()
            self._postings[key] = found
        return found

    def term_scores(self, fieldname: str, term: str, boost: float) -> tuple[IntArray, FloatArray]:
        """Documents containing the term and their scores (deleted ones included: callers mask)."""
        ids, tf = self.postings(fieldname, term)
        if not len(ids):
            return ids, tf
        idf = math.log(max(self.live_count, 1) / (len(ids) + 1)) + 1.0
        return ids, (tf * (K1 + 1) / (tf + K1) * np.float32(idf * boost)).astype(np.float32)

    def mask_of(self, fieldname: str, terms: list[str]) -> BoolArray:
        mask = np.zeros(self.size, dtype=np.bool_)
        for term in terms:
            ids, _tf = self.postings(fieldname, term)
            mask[ids] = True
        return mask

    def expand_prefix(self, fieldname: str, prefix: str, limit: int) -> list[str]:
        reader = self.searcher.reader()
        out = []
        for raw in islice(reader.expand_prefix(fieldname, prefix), limit):
            out.append(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
        return out

    def lexicon(self, fieldname: str, prefix: str = "") -> list[str]:
        key = f"{fieldname}\x00{prefix}"
        found = self._lexicons.get(key)
        if found is None:
            reader = self.searcher.reader()
            raw = reader.expand_prefix(fieldname, prefix) if prefix else reader.lexicon(fieldname)
            found = [t.decode("utf-8") if isinstance(t, bytes) else t for t in raw]
            with self.lock:
                self._lexicons[key] = found
        return found

    # -- counting and ordering ---------------------------------------------------------------------

    def coded_counts(self, name: str, mask: BoolArray) -> list[tuple[str, int]]:
        codes, values = self.coded[name]
        if not values:
            return []
        counts = np.bincount(codes[mask], minlength=len(values))
        return [(values[i], int(counts[i])) for i in np.flatnonzero(counts)]

    def coded_mask(self, name: str, value: str) -> BoolArray:
        codes, values = self.coded[name]
        try:
            code = values.index(value)
        except ValueError:
            return np.zeros(self.size, dtype=np.bool_)
        return codes == code

    def term_counts(self, fieldname: str, terms: list[str], mask: BoolArray) -> list[tuple[str, int]]:
        out = []
        for term in terms:
            ids, _tf = self.postings(fieldname, term)
            n = int(np.count_nonzero(mask[ids])) if len(ids) else 0
            if n:
                out.append((term, n))
        return out


def top(order_keys: tuple, docs: IntArray, limit: int) -> IntArray:
    """`docs` ordered by np.lexsort keys (last key primary), first `limit`."""
    if not len(docs):
        return docs
    return docs[np.lexsort(order_keys)][:limit]


def top_by_score(scores: FloatArray, docs: IntArray, limit: int) -> IntArray:
    """The `limit` best-scored of `docs`, best first, ties by document number."""
    if len(docs) > limit > 0:
        values = scores[docs]
        threshold = np.partition(values, len(values) - limit)[len(values) - limit]
        docs = docs[values >= threshold]
    return docs[np.lexsort((docs, -scores[docs]))][:limit]
