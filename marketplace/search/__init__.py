"""Search over published listings: one interface (`interface.py`: documents, queries, results, the
`SearchBackend` protocol and `document_for`), shared text analysis (`analysis.py`) and highlighting
(`snippets.py`), and backends (`whoosh_backend.py`, the embedded default).

Importing this package loads nothing heavy: jieba is loaded on first use (`analysis.init_jieba`) and
Whoosh only by the backend module."""
