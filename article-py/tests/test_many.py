"""article.extract_many: order, options, errors."""

import pytest

import article
from conftest import EXAMPLES, PARAGRAPHS, page

TITLES = [f"Story number {i} of the harbour strike" for i in range(40)]
PAGES = [page(t, *PARAGRAPHS) for t in TITLES]


def test_order_is_kept():
    recs = article.extract_many(PAGES, jobs=2)
    assert [r["title"] for r in recs] == TITLES
    assert article.extract_many(PAGES[::-1], jobs=2) == recs[::-1]


def test_same_as_extract_one_by_one():
    pages = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))]
    assert article.extract_many(pages) == [article.extract(p) for p in pages]


@pytest.mark.parametrize("jobs", [None, 1, 3])
def test_jobs_do_not_change_results(jobs):
    assert article.extract_many(PAGES[:8], jobs=jobs) == article.extract_many(PAGES[:8], jobs=1)


def test_urls_and_options():
    urls = [f"https://example.com/{i}" for i in range(len(PAGES))]
    urls[3] = None
    recs = article.extract_many(iter(PAGES), urls, entities=False, offsets="utf16")
    assert [r["source"] for r in recs] == urls
    assert all(r["entities"] == [] and r["offsets"] == "utf16" for r in recs)


def test_empty_input():
    assert article.extract_many([]) == []


def test_a_bad_page_raises_with_its_index():
    pages = PAGES[:3] + [b""] + PAGES[3:5]
    with pytest.raises(article.ArticleError, match="page 3: input is empty"):
        article.extract_many(pages)


def test_errors_none_keeps_positions():
    pages = [PAGES[0], b"\x00binary\x00" * 50, PAGES[1], ""]
    recs = article.extract_many(pages, errors="none")
    assert len(recs) == 4
    assert recs[1] is None and recs[3] is None
    assert [recs[0]["title"], recs[2]["title"]] == TITLES[:2]


@pytest.mark.parametrize(
    "args, kw, error",
    [
        ((PAGES[0],), {}, TypeError),  # one page, not a list of pages
        ((b"<p>x</p>",), {}, TypeError),
        ((42,), {}, TypeError),
        (([PAGES[0], 42],), {}, TypeError),
        ((PAGES[:2], ["u"]), {}, ValueError),  # one url for two pages
        ((PAGES[:2], "https://example.com/"), {}, TypeError),
        ((PAGES[:2], [1, 2]), {}, TypeError),
        ((PAGES[:2],), {"jobs": 0}, ValueError),
        ((PAGES[:2],), {"jobs": -1}, OverflowError),
        ((PAGES[:2],), {"errors": "ignore"}, ValueError),
        ((PAGES[:2],), {"offsets": "byte!"}, ValueError),
    ],
)
def test_bad_arguments(args, kw, error):
    with pytest.raises(error):
        article.extract_many(*args, **kw)
