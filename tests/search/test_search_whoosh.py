"""What only the Whoosh backend has: its pooled searchers, its file lock, the health of its files and a
directory swapped in. (Relevance, filters, facets … are in test_search_backends.py for every backend.)"""

from __future__ import annotations

import threading

import pytest
from factories import search_doc as doc
from whoosh import index as whoosh_index

from marketplace.search.interface import (
    IndexBusy,
    SearchQuery,
    SearchUnavailable,
)
from marketplace.search.whoosh_backend import (
    INDEX_NAME,
    MAX_IDLE_SEARCHERS,
    SCHEMA_VERSION,
    VERSION_FILE,
    WhooshBackend,
)


def test_searcher_is_reused_until_the_index_changes(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index([doc(1, titles={"en": "Methanol"})])
    backend.search(SearchQuery(text="methanol"))
    [first] = backend._pool
    backend.search(SearchQuery(text="methanol"))
    assert backend._pool == [first]
    backend.index([doc(2, titles={"en": "Methanol"})])
    assert backend.search(SearchQuery(text="methanol")).total == 2
    [second] = backend._pool
    assert second is not first and first.searcher.is_closed
    backend.close()
    assert backend._pool == [] and second.searcher.is_closed
    assert backend.search(SearchQuery(text="methanol")).total == 2  # reopens on use
    backend.close()


def test_concurrent_searches_while_writing(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index([doc(i, titles={"en": f"Resin lot {i}"}) for i in range(1, 51)])
    errors: list[BaseException] = []

    def reader():
        try:
            for _ in range(20):
                assert backend.search(SearchQuery(text="resin", facets=["vertical"])).total >= 50
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(51, 56):
        backend.index([doc(i, titles={"en": f"Resin lot {i}"})])
    for t in threads:
        t.join()
    assert not errors
    assert backend.search(SearchQuery(text="resin")).total == 55
    assert 1 <= len(backend._pool) <= MAX_IDLE_SEARCHERS
    backend.close()


def test_a_second_writer_waits_then_gives_up(tmp_path):
    backend = WhooshBackend(tmp_path / "ix", write_timeout=0.2)
    backend.index([doc(1, titles={"en": "Methanol"})])
    ix = whoosh_index.open_dir(str(tmp_path / "ix"), indexname=INDEX_NAME)
    other = ix.writer()  # another process holding the lock
    try:
        with pytest.raises(IndexBusy):
            backend.index([doc(2, titles={"en": "Methanol"})])
    finally:
        other.cancel()
        ix.close()
    backend.index([doc(2, titles={"en": "Methanol"})])
    assert backend.search(SearchQuery(text="methanol")).total == 2
    backend.close()


# -- health ----------------------------------------------------------------------------------------


def test_missing_index(tmp_path):
    backend = WhooshBackend(tmp_path / "nothing")
    assert "does not exist" in backend.check() and "flask search reindex" in backend.check()
    with pytest.raises(SearchUnavailable, match="does not exist"):
        backend.search(SearchQuery(text="pp"))
    backend.remove([1])  # nothing to remove: no error
    assert not (tmp_path / "nothing").exists()


def test_schema_version_mismatch(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index([doc(1, titles={"en": "Methanol"})])
    assert backend.schema_version == SCHEMA_VERSION == (tmp_path / "ix" / VERSION_FILE).read_text().strip()
    (tmp_path / "ix" / VERSION_FILE).write_text("whoosh-0\n")
    problem = WhooshBackend(tmp_path / "ix").check()
    assert "whoosh-0" in problem and SCHEMA_VERSION in problem and "flask search reindex" in problem
    with pytest.raises(SearchUnavailable, match="schema version"):
        backend.search(SearchQuery(text="methanol"))  # noticed by a running backend too
    with pytest.raises(SearchUnavailable):
        backend.index([doc(2, titles={"en": "Methanol"})])  # never writes into another layout
    backend.clear()  # rebuilds at this version
    assert backend.check() is None and backend.search(SearchQuery()).total == 0
    backend.close()


def test_corrupt_index(tmp_path):
    backend = WhooshBackend(tmp_path / "ix")
    backend.index([doc(1, titles={"en": "Methanol"})])
    backend.close()
    for toc in (tmp_path / "ix").glob("*.toc"):
        toc.write_bytes(b"garbage")
    fresh = WhooshBackend(tmp_path / "ix")
    assert "cannot be read" in fresh.check()
    with pytest.raises(SearchUnavailable, match="cannot be read"):
        fresh.search(SearchQuery(text="methanol"))
    fresh.clear()
    fresh.index([doc(1, titles={"en": "Methanol"})])
    assert fresh.search(SearchQuery(text="methanol")).total == 1
    fresh.close()


def test_clear_deletes_only_the_index_files(tmp_path):
    (tmp_path / "ix").mkdir()
    (tmp_path / "ix" / "notes.txt").write_text("keep me")
    backend = WhooshBackend(tmp_path / "ix")
    backend.index([doc(1, titles={"en": "Methanol"})])
    (tmp_path / "ix" / VERSION_FILE).write_text("whoosh-0\n")
    backend.clear()
    assert (tmp_path / "ix" / "notes.txt").read_text() == "keep me"
    assert backend.check() is None and backend.search(SearchQuery()).total == 0
    backend.close()


def test_swapped_index_directory_is_picked_up(tmp_path):
    """A rebuild made aside and moved into place is used by a running backend."""
    live = WhooshBackend(tmp_path / "live")
    live.index([doc(1, titles={"en": "Methanol"})])
    assert live.search(SearchQuery(text="methanol")).total == 1
    aside = WhooshBackend(tmp_path / "aside")
    aside.index([doc(2, titles={"en": "Toluene"}), doc(3, titles={"en": "Toluene"})])
    aside.close()
    (tmp_path / "live").rename(tmp_path / "old")
    (tmp_path / "aside").rename(tmp_path / "live")
    assert live.search(SearchQuery(text="toluene")).total == 2
    assert live.search(SearchQuery(text="methanol")).total == 0
    live.close()
