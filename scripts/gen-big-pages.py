#!/usr/bin/env python3
"""Big single-page inputs for the memory bar of issue 16 (peak RSS of `article extract`).

    scripts/gen-big-pages.py [--mb N] [--out DIR] [--data DIR]

writes into DIR (default /tmp/article-big; never the repository):

    big.txt          a text dump: a title line, then N MB of paragraphs separated by
                     blank lines
    big.html         the same paragraphs as one HTML article (<h1>, then <p> elements)
    giant-para.txt   the same prose as ONE paragraph (single spaces, no line break)
    giant-para.html  the same, as one <p>

The paragraphs are the prose lines (80 chars or more) of the text dumps of the extraction
dev set (DATA/extraction/dev/html/*.txt, DATA default ../shared/data beside the
repository), repeated in order until the size is reached: real names, quotations and
dates, many paragraphs. Deterministic: the same data gives the same files.
"""

import argparse
import html
import os
import sys


def prose(data):
    d = os.path.join(data, "extraction", "dev", "html")
    paras = []
    for name in sorted(os.listdir(d)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                line = " ".join(line.split())
                if len(line) >= 80:
                    paras.append(line)
    return paras


def repeat(paras, size):
    """Paragraphs in order, cycling, until their UTF-8 size reaches `size` bytes."""
    out, n, i = [], 0, 0
    while n < size:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.encode("utf-8")) + 2
        i += 1
    return out


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=50, help="size of each file in MB (10^6 bytes)")
    ap.add_argument("--out", default="/tmp/article-big")
    ap.add_argument("--data", default=os.path.join(repo, "..", "shared", "data"))
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    if out == repo or out.startswith(repo + os.sep):
        sys.exit("refusing to write into the repository: " + out)
    paras = prose(args.data)
    if not paras:
        sys.exit("no prose found under " + args.data)
    os.makedirs(out, exist_ok=True)
    body = repeat(paras, int(args.mb * 1_000_000))
    title = "Big page: the dev set's articles, one after another"
    with open(os.path.join(out, "big.txt"), "w", encoding="utf-8") as f:
        f.write(title + "\n\n")
        f.write("\n\n".join(body))
        f.write("\n")
    with open(os.path.join(out, "big.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>')
        f.write(html.escape(title) + "</title></head>\n<body><article>\n")
        f.write("<h1>" + html.escape(title) + "</h1>\n")
        for p in body:
            f.write("<p>" + html.escape(p) + "</p>\n")
        f.write("</article></body></html>\n")
    with open(os.path.join(out, "giant-para.txt"), "w", encoding="utf-8") as f:
        f.write(" ".join(body))
        f.write("\n")
    with open(os.path.join(out, "giant-para.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>')
        f.write(html.escape(title) + "</title></head>\n<body><article>\n<p>")
        f.write(html.escape(" ".join(body)))
        f.write("</p>\n</article></body></html>\n")
    for name in ["big.txt", "big.html", "giant-para.txt", "giant-para.html"]:
        p = os.path.join(out, name)
        print(f"{p}\t{os.path.getsize(p)} bytes")


if __name__ == "__main__":
    main()
