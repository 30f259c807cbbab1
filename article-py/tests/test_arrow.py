"""article.extract_arrow and article.schema."""

import pyarrow as pa
import pytest

import article
from conftest import EXAMPLES, PARAGRAPHS, page

TITLES = [f"Story {i}: harbour strike ends" for i in range(25)]
PAGES = [page(t, *PARAGRAPHS) for t in TITLES]

REQUIRED = ["url", "title", "authors", "published", "language", "body", "paragraphs",
            "removed", "entities", "clusters", "quotes", "dates", "error"]


def batch(pages, urls=None, html_type=pa.string()):
    cols = {"html": pa.array(pages, type=html_type)}
    if urls is not None:
        cols["url"] = pa.array(urls, type=pa.string())
    return pa.RecordBatch.from_pydict(cols)


def test_one_row_per_input_in_order_with_the_schema():
    urls = [f"https://example.com/{i}" for i in range(len(PAGES))]
    out = article.extract_arrow(batch(PAGES, urls))
    assert isinstance(out, pa.RecordBatch)
    assert out.num_rows == len(PAGES)
    assert out.schema == article.schema()
    assert out.schema.equals(article.schema(), check_metadata=True)
    for name in REQUIRED:
        assert name in out.schema.names
    assert out.column("title").to_pylist() == TITLES
    assert out.column("source").to_pylist() == urls
    assert out.column("error").null_count == len(PAGES)


@pytest.mark.parametrize(
    "html_type", [pa.string(), pa.large_string(), pa.binary(), pa.large_binary(), pa.string_view(), pa.binary_view()]
)
def test_column_types(html_type):
    pages = [p.encode() for p in PAGES[:3]] if pa.types.is_binary(html_type) or pa.types.is_large_binary(html_type) or html_type == pa.binary_view() else PAGES[:3]
    out = article.extract_arrow(batch(pages, html_type=html_type))
    assert out.column("title").to_pylist() == TITLES[:3]


def test_rows_equal_extract():
    pages = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))]
    out = article.extract_arrow(batch(pages, html_type=pa.binary())).to_pylist()
    for row, html in zip(out, pages):
        rec = article.extract(html)
        for key in ["title", "authors", "published", "language", "body", "site_name", "captions"]:
            assert row[key] == rec[key], key
        assert [(p["kind"], p["start"], p["end"]) for p in row["paragraphs"]] == [
            (p["kind"], p["start"], p["end"]) for p in rec["paragraphs"]
        ]
        assert [(e["text"], e["label"], e["start"], e["cluster"]) for e in row["entities"]] == [
            (e["text"], e["label"], e["start"], e["cluster"]) for e in rec["entities"]
        ]
        assert [q["speaker"] for q in row["quotes"]] == [q["speaker"] for q in rec["quotes"]]
        assert [d["value"] for d in row["dates"]] == [d["value"] for d in rec["dates"]]
        assert len(row["removed"]) == len(rec["removed"])
        assert len(row["clusters"]) == len(rec["clusters"])


def test_bad_rows_are_error_rows_never_exceptions():
    pages = [PAGES[0], None, b"", b"\x00\x01binary\x00" * 40, b"\xff\xfe\xfd" * 10 + PAGES[1].encode(), PAGES[2].encode()]
    out = article.extract_arrow(batch(pages, html_type=pa.binary()))
    assert out.num_rows == 6
    errors = out.column("error").to_pylist()
    assert errors[0] is None and errors[5] is None
    assert "null" in errors[1]
    assert "empty" in errors[2]
    assert "binary" in errors[3]
    assert errors[4] is None  # invalid UTF-8 is decoded, not an error
    titles = out.column("title").to_pylist()
    assert titles[0] == TITLES[0] and titles[5] == TITLES[2]
    assert titles[1] is None and out.column("body").to_pylist()[2] is None
    assert out.column("entities").to_pylist()[3] == []


def test_url_column_is_optional_and_renamable():
    out = article.extract_arrow(batch(PAGES[:2]))
    assert out.column("source").to_pylist() == [None, None]
    b = pa.RecordBatch.from_pydict({"page": PAGES[:2], "link": ["a", "b"]})
    out = article.extract_arrow(b, html_col="page", url_col="link", entities=False, offsets="utf16")
    assert out.column("source").to_pylist() == ["a", "b"]
    assert out.column("offsets").to_pylist() == ["utf16", "utf16"]
    assert out.column("entities").to_pylist() == [[], []]


def test_empty_batch():
    out = article.extract_arrow(batch([], html_type=pa.string()))
    assert out.num_rows == 0 and out.schema == article.schema()


def test_sliced_batch_and_table_batches():
    b = batch(PAGES)
    out = article.extract_arrow(b.slice(5, 4))
    assert out.column("title").to_pylist() == TITLES[5:9]
    table = pa.Table.from_batches([b]).combine_chunks()
    (first,) = table.to_batches()
    assert article.extract_arrow(first).column("title").to_pylist() == TITLES


def test_bad_batches():
    with pytest.raises(ValueError, match="no column"):
        article.extract_arrow(batch(PAGES[:1]), html_col="body")
    with pytest.raises(TypeError, match="string or binary"):
        article.extract_arrow(pa.RecordBatch.from_pydict({"html": [1, 2]}))
    with pytest.raises(TypeError):
        article.extract_arrow(PAGES)
    with pytest.raises(TypeError):
        article.extract_arrow(pa.RecordBatch.from_pydict({"html": PAGES[:1], "url": [3]}))


def fields(t):
    """Every field type under `t`, nested ones included."""
    yield t
    for i in range(t.num_fields if hasattr(t, "num_fields") else 0):
        yield from fields(t.field(i).type)
    if hasattr(t, "value_type"):
        yield from fields(t.value_type)


def test_schema_has_no_dictionary_columns():
    for warc in [False, True]:
        s = article.schema(warc)
        assert isinstance(s, pa.Schema)
        for f in s:
            for t in fields(f.type):
                assert not pa.types.is_dictionary(t), f.name


def test_schema_warc_columns():
    plain, warc = article.schema(), article.schema(warc=True)
    extra = [n for n in warc.names if n not in plain.names]
    assert extra == ["warc_file", "warc_record_id", "warc_target_uri", "warc_date", "warc_offset", "warc_length"]
    assert warc.field("warc_date").type == pa.timestamp("us", tz="UTC")


def test_schema_converts_with_pyspark():
    pytest.importorskip("pandas", reason="skipping: no pandas (pyspark needs it)")
    types = pytest.importorskip("pyspark.sql.pandas.types", reason="skipping: no pyspark")
    for warc in [False, True]:
        spark_schema = types.from_arrow_schema(article.schema(warc))
        assert spark_schema.fieldNames() == article.schema(warc).names
