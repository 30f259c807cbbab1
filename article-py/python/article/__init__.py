"""News pages to structured articles: the `article/1` record, and Arrow batches.

    >>> import article
    >>> rec = article.extract(b"<html><body><article><p>Dock workers voted on Wednesday "
    ...                       b"to end their strike.</p></article></body></html>")
    >>> rec["schema"], rec["body"][:12]
    ('article/1', 'Dock workers')

`extract` and `extract_many` return the record as `article extract --to json` writes it
(a dict); `extract_arrow`, `extract_warc` and `schema` work in Arrow (pyarrow objects,
through the Arrow PyCapsule interface; they need pyarrow >= 14).
"""

from ._article import (
    ArticleError,
    WarcBatches,
    __version__,
    extract,
    extract_arrow,
    extract_many,
    extract_warc,
    schema,
)

__all__ = [
    "ArticleError",
    "WarcBatches",
    "__version__",
    "extract",
    "extract_arrow",
    "extract_many",
    "extract_warc",
    "schema",
]
