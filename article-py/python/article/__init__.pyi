"""Type stubs of the `article` module (implemented in Rust, `article._article`)."""

import datetime
import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import pyarrow

__version__: str

Offsets = Literal["char", "utf16", "utf8"]
AnchorDate = str | datetime.date | None

class ArticleError(ValueError):
    """A page that gives no article: binary, empty, too large, or otherwise unusable."""

class WarcBatches(Iterator[pyarrow.RecordBatch]):
    """The iterator `extract_warc` returns."""

    def __iter__(self) -> WarcBatches: ...
    def __next__(self) -> pyarrow.RecordBatch: ...

def extract(
    html: bytes | bytearray | str,
    url: str | None = None,
    *,
    entities: bool = True,
    anchor_date: AnchorDate = None,
    offsets: Offsets = "char",
    max_input_mb: int = 256,
) -> dict[str, Any]:
    """The `article/1` record of one page; raises ArticleError on unusable input."""

def extract_many(
    pages: Iterable[bytes | bytearray | str],
    urls: Iterable[str | None] | None = None,
    *,
    jobs: int | None = None,
    errors: Literal["raise", "none"] = "raise",
    entities: bool = True,
    anchor_date: AnchorDate = None,
    offsets: Offsets = "char",
    max_input_mb: int = 256,
) -> list[dict[str, Any]]:
    """The records of many pages, in order, in parallel with the GIL released
    (with errors="none", None for a page that gives no article)."""

def extract_arrow(
    batch: Any,
    html_col: str = "html",
    url_col: str | None = "url",
    *,
    jobs: int | None = None,
    entities: bool = True,
    anchor_date: AnchorDate = None,
    offsets: Offsets = "char",
    max_input_mb: int = 256,
) -> pyarrow.RecordBatch:
    """One row of schema() per input row, in order; bad rows have `error` set."""

def extract_warc(
    path: str | os.PathLike[str],
    *,
    entities: bool = True,
    batch_size: int = 1000,
    jobs: int | None = None,
    anchor_date: AnchorDate = None,
    offsets: Offsets = "char",
    max_input_mb: int = 256,
) -> WarcBatches:
    """Batches of schema(warc=True), one row per HTML 200 response of a WARC file."""

def schema(warc: bool = False) -> pyarrow.Schema:
    """The Arrow schema of the batches (and of `article extract --to parquet`)."""
