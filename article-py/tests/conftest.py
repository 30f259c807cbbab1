"""Shared paths and helpers of the article tests (run with pytest from anywhere)."""

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
# Development data kept outside the repository; tests that need it skip without it.
SHARED = Path(os.environ.get("ARTICLE_SHARED", REPO.parent / "shared"))
DEV_WARC = SHARED / "data" / "warc" / "dev-pages.warc.gz"


def need_shared():
    if not DEV_WARC.is_file():
        pytest.skip(f"skipping: no {DEV_WARC} (../shared is absent)")


def cli_binary():
    """The `article` binary to compare with: $ARTICLE_BIN, else target/release/article."""
    for candidate in [os.environ.get("ARTICLE_BIN"), REPO / "target" / "release" / "article"]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    found = shutil.which("article")
    return found


def cli_record(path, *args):
    """The record `article extract --to json PATH ARGS` writes, parsed."""
    import json

    binary = cli_binary()
    if binary is None:
        pytest.skip("skipping: no article binary (cargo build --release -p article-cli)")
    out = subprocess.run(
        [binary, "extract", "--to", "json", str(path), *args],
        check=True,
        capture_output=True,
    ).stdout
    return json.loads(out)


def warc_record(kind, uri, block, extra=b""):
    """One WARC/1.1 record, gzip-compressed alone (as Common Crawl writes them)."""
    head = (
        b"WARC/1.1\r\n"
        b"WARC-Type: " + kind + b"\r\n"
        b"WARC-Record-ID: <urn:uuid:" + os.urandom(8).hex().encode() + b">\r\n"
        b"WARC-Date: 2024-03-14T09:30:00Z\r\n"
        b"WARC-Target-URI: " + uri + b"\r\n" + extra
        + b"Content-Type: application/http; msgtype=" + (b"response" if kind == b"response" else b"request") + b"\r\n"
        b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n"
    )
    return gzip.compress(head + block + b"\r\n\r\n")


def http_response(status, content_type, body):
    reason = {200: b"OK", 404: b"Not Found", 301: b"Moved Permanently"}[status]
    return (
        b"HTTP/1.1 " + str(status).encode() + b" " + reason + b"\r\n"
        b"Content-Type: " + content_type + b"\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def page(title, *paragraphs):
    """A small HTML article page."""
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{ps}</article>"
        f"<footer>Copyright 2024 The Example Ledger</footer></body></html>"
    )


PARAGRAPHS = [
    "Dock workers at Port Alder voted on Wednesday to end a two-week strike after "
    "the harbour authority agreed to a new contract with higher pay.",
    "The agreement, reached after talks chaired by Mayor Elena Ruiz, raises wages by "
    "six percent and limits night shifts, union officials said.",
    "\u201cOur members stood together,\u201d said Tomas Verhoeven, the union's "
    "regional secretary, outside the terminal gates in Port Alder.",
]
