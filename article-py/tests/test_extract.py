"""article.extract: the record, its options, and bad input."""

import datetime
import re
from pathlib import Path

import pytest

import article
from conftest import EXAMPLES, PARAGRAPHS, REPO, cli_record, page


def test_version_is_the_crate_version():
    cargo = (REPO / "article-py" / "Cargo.toml").read_text()
    want = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert article.__version__ == want


@pytest.mark.parametrize("name", ["harbour-strike.html", "library-fire.html", "river-festival.html"])
def test_record_equals_the_cli_record(name):
    path = EXAMPLES / name
    got = article.extract(path.read_bytes(), url=str(path))
    want = cli_record(path)
    assert list(got) == list(want)  # same keys, same order
    assert got == want


def test_record_shape():
    rec = article.extract((EXAMPLES / "harbour-strike.html").read_bytes())
    assert rec["schema"] == "article/1"
    assert rec["offsets"] == "char"
    assert rec["source"] is None
    assert rec["title"] == "Dock workers end two-week strike at Port Alder"
    assert rec["entities"] and rec["clusters"] and rec["quotes"]
    for p in rec["paragraphs"]:
        assert 0 <= p["start"] <= p["end"] <= len(rec["body"])
    for e in rec["entities"]:
        assert rec["body"][e["start"]:e["end"]] == e["text"]


def test_bytes_str_and_bytearray_agree():
    html = (EXAMPLES / "harbour-strike.html").read_bytes()
    a = article.extract(html)
    assert article.extract(bytearray(html)) == a
    assert article.extract(html.decode("utf-8")) == a


def test_url_is_the_source():
    rec = article.extract(page("T", *PARAGRAPHS), "https://example.com/a")
    assert rec["source"] == "https://example.com/a"


def test_entities_off():
    rec = article.extract((EXAMPLES / "harbour-strike.html").read_bytes(), entities=False)
    assert rec["body"]
    assert rec["entities"] == [] and rec["quotes"] == [] and rec["dates"] == []
    assert rec["clusters"] == []


NON_ASCII = page(
    "Z\u00fcrich \U0001F600 news",
    "Caf\u00e9 owners in Z\u00fcrich \U0001F600 cheered on Thursday as the council "
    "dropped the new terrace fee, the mayor's office said.",
    "Mayor Corine Mauch said the city would review the rules for 2025 with "
    "shop owners in Z\u00fcrich and Winterthur.",
)


@pytest.mark.parametrize("unit", ["char", "utf16", "utf8"])
def test_offsets_units(unit):
    rec = article.extract(NON_ASCII, offsets=unit, anchor_date="2024-03-14")
    assert rec["offsets"] == {"utf8": "byte"}.get(unit, unit)
    body = rec["body"]
    if unit == "char":
        cut = lambda s, e: body[s:e]  # noqa: E731
    elif unit == "utf8":
        raw = body.encode("utf-8")
        cut = lambda s, e: raw[s:e].decode("utf-8")  # noqa: E731
    else:
        raw = body.encode("utf-16-le")
        cut = lambda s, e: raw[2 * s:2 * e].decode("utf-16-le")  # noqa: E731
    assert len(rec["paragraphs"]) == 2
    for p in rec["paragraphs"]:
        assert cut(p["start"], p["end"]) in PARAS_OF_NON_ASCII
    assert rec["entities"]
    for e in rec["entities"] + rec["dates"]:
        assert cut(e["start"], e["end"]) == e["text"]
    # The second paragraph starts after the emoji: the units really differ.
    starts = {u: article.extract(NON_ASCII, offsets=u)["paragraphs"][1]["start"] for u in ["char", "utf16", "utf8"]}
    assert starts["char"] < starts["utf16"] < starts["utf8"]


PARAS_OF_NON_ASCII = [
    "Caf\u00e9 owners in Z\u00fcrich \U0001F600 cheered on Thursday as the council "
    "dropped the new terrace fee, the mayor's office said.",
    "Mayor Corine Mauch said the city would review the rules for 2025 with "
    "shop owners in Z\u00fcrich and Winterthur.",
]


def test_anchor_date():
    def thursday(**kw):
        rec = article.extract(NON_ASCII, **kw)
        (d,) = [d for d in rec["dates"] if d["text"] == "Thursday"]
        return d["value"]

    assert thursday() is None  # no published date, no anchor: no value
    by_str = thursday(anchor_date="2024-03-16")
    assert by_str is not None and by_str.startswith("2024-03-")
    assert thursday(anchor_date=datetime.date(2024, 3, 16)) == by_str
    assert thursday(anchor_date=datetime.datetime(2024, 3, 16, 12, 0)) == by_str


@pytest.mark.parametrize(
    "kw, error",
    [
        ({"offsets": "bytes"}, ValueError),
        ({"offsets": 1}, TypeError),
        ({"anchor_date": "14/03/2024"}, ValueError),
        ({"anchor_date": "2024-02-30"}, ValueError),
        ({"anchor_date": 20240314}, TypeError),
        ({"entities": "yes"}, TypeError),
        ({"max_input_mb": -1}, OverflowError),
        ({"no_such_option": 1}, TypeError),
    ],
)
def test_bad_options(kw, error):
    with pytest.raises(error):
        article.extract(page("T", *PARAGRAPHS), **kw)


@pytest.mark.parametrize("html", [None, 42, ["<p>x</p>"], memoryview(b"<p>x</p>"), Path("x.html")])
def test_wrong_types(html):
    with pytest.raises(TypeError, match="html must be bytes or str"):
        article.extract(html)


def test_url_must_be_a_str():
    with pytest.raises(TypeError):
        article.extract(page("T", *PARAGRAPHS), url=b"https://example.com/")


@pytest.mark.parametrize(
    "html, why",
    [
        (b"", "empty"),
        ("", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 100, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    ],
)
def test_unusable_input_raises_article_error(html, why):
    with pytest.raises(article.ArticleError, match=why):
        article.extract(html)


def test_article_error_is_a_value_error():
    assert issubclass(article.ArticleError, ValueError)
    with pytest.raises(ValueError):
        article.extract(b"")


def test_invalid_utf8_is_decoded_not_an_error():
    html = page("Bad bytes", *PARAGRAPHS).encode("utf-8").replace(b"harbour", b"harb\xff\xfeur")
    rec = article.extract(html)
    assert "Dock workers" in rec["body"]


def test_lone_surrogate_str_is_a_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        article.extract("<p>\ud800</p>")


def test_over_the_size_limit():
    html = page("Big", *(PARAGRAPHS * 4000)).encode()  # about 1.6 MB
    assert len(html) > 1 << 20
    with pytest.raises(article.ArticleError, match="over the limit"):
        article.extract(html, max_input_mb=1, entities=False)


def test_huge_page_is_extracted():
    html = page("Big", *(PARAGRAPHS * 8000)).encode()  # about 3.3 MB, 24,000 paragraphs
    rec = article.extract(html, entities=False)
    assert rec["body"].count("Dock workers at Port Alder") >= 1000


def test_pathological_markup_does_not_fail():
    for html in [b"<" * 200_000, b"<div>" * 100_000, b"<!--" + b"x" * 200_000, b"&" * 200_000]:
        try:
            article.extract(html, entities=False)
        except article.ArticleError:
            pass


def test_docstrings_and_signatures():
    import inspect

    for f in [article.extract, article.extract_many, article.extract_arrow, article.extract_warc, article.schema]:
        assert f.__doc__ and len(f.__doc__) > 100, f.__name__
        assert not f.__doc__.startswith(f.__name__ + "("), f.__name__  # no signature line in the text
        assert "offsets" in inspect.signature(f).parameters or f is article.schema
    assert article.__doc__ and article.WarcBatches.__doc__
