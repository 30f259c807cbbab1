"""article.extract_warc: a WARC written here, and the fixtures of ../shared."""

import pyarrow as pa
import pytest

import article
from conftest import DEV_WARC, PARAGRAPHS, SHARED, http_response, need_shared, page, warc_record


def small_warc(path, n=3):
    """n HTML 200 responses between a request, a 404, a redirect, an image and a
    non-HTML 200, each record its own gzip member."""
    out = [warc_record(b"warcinfo", b"", b"software: test\r\n").replace(b"msgtype=request", b"x")]
    for i in range(n):
        uri = f"https://example.com/story-{i}".encode()
        out.append(warc_record(b"request", uri, b"GET /story HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        html = page(f"Story {i}", *PARAGRAPHS).encode()
        out.append(warc_record(b"response", uri, http_response(200, b"text/html; charset=utf-8", html)))
        if i == 0:
            out.append(warc_record(b"response", b"https://example.com/missing",
                                   http_response(404, b"text/html", b"<p>Not found</p>")))
            out.append(warc_record(b"response", b"https://example.com/old",
                                   http_response(301, b"text/html", b"")))
            out.append(warc_record(b"response", b"https://example.com/a.jpg",
                                   http_response(200, b"image/jpeg", b"\xff\xd8\xff\xe0" + bytes(100))))
            out.append(warc_record(b"response", b"https://example.com/robots.txt",
                                   http_response(200, b"text/plain", b"User-agent: *\n")))
    path.write_bytes(b"".join(out))
    return path


def rows(path, **kw):
    batches = list(article.extract_warc(path, **kw))
    for b in batches:
        assert isinstance(b, pa.RecordBatch)
        assert b.schema == article.schema(warc=True)
    return pa.Table.from_batches(batches, schema=article.schema(warc=True))


def test_html_200_responses_only(tmp_path):
    path = small_warc(tmp_path / "s.warc.gz")
    t = rows(path)
    assert t.num_rows == 3
    assert t.column("title").to_pylist() == ["Story 0", "Story 1", "Story 2"]
    assert t.column("warc_target_uri").to_pylist() == [f"https://example.com/story-{i}" for i in range(3)]
    assert t.column("source").to_pylist() == t.column("warc_target_uri").to_pylist()
    assert set(t.column("warc_file").to_pylist()) == {str(path)}
    assert all(r.startswith("<urn:uuid:") for r in t.column("warc_record_id").to_pylist())
    assert t.column("error").null_count == 3
    offsets = t.column("warc_offset").to_pylist()
    lengths = t.column("warc_length").to_pylist()
    assert offsets == sorted(offsets)
    data = path.read_bytes()
    import gzip
    for off, n, title in zip(offsets, lengths, t.column("title").to_pylist()):
        member = gzip.decompress(data[off:off + n])  # the record alone, as with the CC index
        assert member.startswith(b"WARC/1.1") and title.encode() in member
    assert t.column("warc_date").to_pylist()[0].year == 2024


def test_records_are_chosen_as_the_cli_chooses_them(tmp_path):
    """robots.txt served as HTML is skipped; a response whose HTTP head cannot be
    parsed is an error row naming its record, not silently dropped."""
    html = page("Story 0", *PARAGRAPHS).encode()
    path = tmp_path / "c.warc.gz"
    path.write_bytes(b"".join([
        warc_record(b"response", b"https://example.com/robots.txt",
                    http_response(200, b"text/html", b"User-agent: *\n")),
        warc_record(b"response", b"https://example.com/broken", b"HTTP/1.1 abc\r\n\r\n<p>x</p>"),
        warc_record(b"response", b"https://example.com/story", http_response(200, b"text/html", html)),
    ]))
    t = rows(path)
    assert t.column("warc_target_uri").to_pylist() == ["https://example.com/broken", "https://example.com/story"]
    errors = t.column("error").to_pylist()
    assert errors[0] and errors[1] is None
    assert t.column("title").to_pylist() == [None, "Story 0"]


def test_rows_equal_extract_of_the_payload(tmp_path):
    t = rows(small_warc(tmp_path / "s.warc.gz", n=1))
    rec = article.extract(page("Story 0", *PARAGRAPHS).encode())
    row = t.to_pylist()[0]
    for key in ["title", "body", "language"]:
        assert row[key] == rec[key]
    assert [e["text"] for e in row["entities"]] == [e["text"] for e in rec["entities"]]


def test_batch_size_and_options(tmp_path):
    path = small_warc(tmp_path / "s.warc.gz", n=7)
    batches = list(article.extract_warc(path, batch_size=3, entities=False, offsets="utf16", jobs=1))
    assert [b.num_rows for b in batches] == [3, 3, 1]
    t = pa.Table.from_batches(batches)
    assert t.column("title").to_pylist() == [f"Story {i}" for i in range(7)]
    assert set(t.column("offsets").to_pylist()) == {"utf16"}
    assert t.column("entities").to_pylist() == [[]] * 7


def test_empty_and_non_warc_files(tmp_path):
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert list(article.extract_warc(empty)) == []
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"\x00\x01 not a warc file at all " * 1000)
    t = rows(junk)  # never an exception: unreadable data is error rows, or nothing
    assert t.column("body").null_count == t.num_rows


def test_truncated_file_ends_with_an_error_row(tmp_path):
    path = small_warc(tmp_path / "s.warc.gz", n=2)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])  # inside the last member
    t = rows(cut)
    errors = t.column("error").to_pylist()
    assert t.column("title").to_pylist()[0] == "Story 0"
    assert errors[0] is None and errors[-1] is not None


def test_bad_arguments(tmp_path):
    with pytest.raises(FileNotFoundError):
        article.extract_warc(tmp_path / "no-such.warc.gz")
    with pytest.raises(OSError):
        list(article.extract_warc(tmp_path))
    path = small_warc(tmp_path / "s.warc.gz", n=1)
    with pytest.raises(ValueError):
        article.extract_warc(path, batch_size=0)
    with pytest.raises(OverflowError):
        article.extract_warc(path, batch_size=-1)
    with pytest.raises(TypeError):
        article.extract_warc(42)
    with pytest.raises(ValueError):
        article.extract_warc(path, jobs=0)


def test_dev_warc():
    need_shared()
    t = rows(DEV_WARC)
    assert t.num_rows == 110
    assert t.column("error").null_count == 110
    assert t.column("warc_file").to_pylist() == [str(DEV_WARC)] * 110
    assert t.column("warc_record_id").null_count == 0
    assert all(len(b) > 0 for b in t.column("body").to_pylist())
    # Batches of 16 give the same rows.
    small = pa.Table.from_batches(list(article.extract_warc(DEV_WARC, batch_size=16)))
    assert small.equals(t)


@pytest.mark.parametrize("name", sorted(p.name for p in (SHARED / "data" / "warc").glob("*.warc*")) or ["none"])
def test_every_shared_fixture_reads(name):
    need_shared()
    t = rows(SHARED / "data" / "warc" / name, entities=False)
    assert t.num_rows == t.column("error").null_count + (t.num_rows - t.column("error").null_count)
    for err, body in zip(t.column("error").to_pylist(), t.column("body").to_pylist()):
        assert (err is None) == (body is not None)
