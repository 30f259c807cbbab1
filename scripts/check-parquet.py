#!/usr/bin/env python3
"""Reads a Parquet file of article-export with pyarrow and with pandas and compares it,
field by field, with the JSONL output of the same articles (issue 15, bar 2).

    scripts/check-parquet.py ARTICLES.parquet ARTICLES.jsonl

Rows whose `error` is set are inputs that gave no article (JSONL has no line for them);
the others must equal the JSONL records in order. With `--copies N` the Parquet file holds
the JSONL's articles N times over. Exits 0 with "skipping" when pyarrow or pandas is
missing; prints what differs and exits 1 otherwise.
"""
import argparse
import datetime as dt
import json
import math
import sys

try:
    import pandas as pd
    import pyarrow.parquet as pq
except ImportError as e:
    print(f"skipping: {e}")
    sys.exit(0)

WARC_KEYS = ["file", "record_id", "target_uri", "date", "offset", "length"]


def iso_instant(s):
    """The instant of an ISO 8601 date-time with an offset, else None (naive or date-only)."""
    if s is None or len(s) <= 10:
        return None
    try:
        t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo is not None else None


def iso_date(s):
    if s is None:
        return None
    try:
        return dt.date.fromisoformat(s[:10]) if len(s) >= 10 else None
    except ValueError:
        return None


def derived(problems, where, text, day, at):
    if day != iso_date(text):
        problems.append(f"{where}: date {day!r} for {text!r}")
    want = iso_instant(text)
    if (at is None) != (want is None) or (at is not None and at != want):
        problems.append(f"{where}: timestamp {at!r} for {text!r}")


def as_record(row, problems, where):
    """A pyarrow row (dict) in the shape of the article/1 record."""
    row = dict(row)
    derived(problems, f"{where} published", row["published"], row.pop("published_date"), row.pop("published_at"))
    assert row.pop("error") is None
    for layer in ("paragraphs", "removed"):
        for item in row[layer]:
            s, e = item.pop("source_start"), item.pop("source_end")
            item["source"] = None if s is None else [s, e]
    for i, item in enumerate(row["dates"]):
        derived(problems, f"{where} dates[{i}]", item["value"], item.pop("value_date"), item.pop("value_at"))
    if row.get("annotations", 0) is None:  # not annotated: the record has no key
        del row["annotations"]
    warc = {k: row.pop(f"warc_{k}", None) for k in WARC_KEYS}
    if warc["file"] is not None:
        row["warc"] = warc
    row["schema"] = "article/1"
    return row


def compare(got, want, problems, where):
    if isinstance(want, dict) and isinstance(got, dict):
        if sorted(got) != sorted(want):
            problems.append(f"{where}: keys {sorted(got)} != {sorted(want)}")
        for k in want:
            compare(got.get(k), want[k], problems, f"{where}.{k}")
    elif isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            problems.append(f"{where}: {len(got)} items != {len(want)}")
        for i, (g, w) in enumerate(zip(got, want)):
            compare(g, w, problems, f"{where}[{i}]")
    elif got != want:
        problems.append(f"{where}: {got!r} != {want!r}")


def pandas_value(v):
    """A pandas cell as plain Python (numpy arrays to lists, NaN/NaT/None to None)."""
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()
    if isinstance(v, list):
        return [pandas_value(x) for x in v]
    if isinstance(v, dict):
        return {k: pandas_value(x) for k, x in v.items()}
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parquet")
    ap.add_argument("jsonl")
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    with open(args.jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    table = pq.read_table(args.parquet)
    rows = table.to_pylist()
    problems = []
    articles = [r for r in rows if r["error"] is None]
    errors = len(rows) - len(articles)
    if len(articles) != len(records) * args.copies:
        problems.append(f"{len(articles)} article rows for {len(records)} records x {args.copies}")
    # warc_date is a timestamp in Parquet and the WARC-Date string in JSON.
    for n, (row, want) in enumerate(zip(articles, records * args.copies)):
        got = as_record(row, problems, f"row {n}")
        if "warc" in got and "warc" in want:
            if got["warc"]["date"] != iso_instant(want["warc"]["date"]):
                problems.append(f"row {n}: warc_date {got['warc']['date']!r} for {want['warc']['date']!r}")
            got["warc"]["date"] = want["warc"]["date"]
        compare(got, want, problems, f"row {n} ({want.get('source')})")

    # pandas: the same values, column by column (article rows only, first copy).
    df = pd.read_parquet(args.parquet)
    if len(df) != len(rows):
        problems.append(f"pandas: {len(df)} rows, pyarrow {len(rows)}")
    df = df[df["error"].isna()].reset_index(drop=True)
    checked = 0
    for n, want in enumerate(records):
        for col in ("source", "url", "title", "published", "language", "site_name", "body", "authors", "captions"):
            got = pandas_value(df.at[n, col])
            if got != want[col]:
                problems.append(f"pandas row {n} {col}: {got!r} != {want[col]!r}")
            checked += 1
        for layer in ("entities", "clusters", "quotes"):
            got = pandas_value(df.at[n, layer])
            compare(got, want[layer], problems, f"pandas row {n} {layer}")
            checked += 1
        texts = [d["text"] for d in pandas_value(df.at[n, "dates"])]
        if texts != [d["text"] for d in want["dates"]]:
            problems.append(f"pandas row {n} dates: {texts}")
        kinds = [p["kind"] for p in pandas_value(df.at[n, "paragraphs"])]
        if kinds != [p["kind"] for p in want["paragraphs"]]:
            problems.append(f"pandas row {n} paragraphs: {kinds}")
        checked += 2
    dicts = [f.name for f in table.schema if str(f.type).startswith("dictionary")]
    if dicts:
        problems.append(f"dictionary columns: {dicts}")

    for p in problems[:30]:
        print(p)
    status = "FAILED" if problems else "ok"
    print(
        f"{status}: {len(rows)} rows ({len(articles)} articles, {errors} errors), "
        f"{table.num_columns} columns, {pq.ParquetFile(args.parquet).num_row_groups} row groups; "
        f"pyarrow: every field of {len(articles)} rows; pandas: {checked} cells; "
        f"{len(problems)} differences"
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
