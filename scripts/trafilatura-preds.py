#!/usr/bin/env python3
"""Runs trafilatura.extract (defaults) over every page of an extraction source and writes
its bodies as score.py's --pred JSON ({id: {"articleBody": body}}), for comparing with
ours on the same pages (issue 12). Run it with trafilatura 2.3.1's venv
(../shared/tools/README.md):

    /tmp/venv-traf/bin/python scripts/trafilatura-preds.py SOURCE_DIR OUT.json

Prints the CPU seconds of the extraction loop (reading and gunzip excluded) and the pages.
"""
import gzip
import json
import os
import sys
import time

import trafilatura

src, out = sys.argv[1], sys.argv[2]
with open(os.path.join(src, "ids.txt"), encoding="utf-8") as fh:
    ids = [line.strip() for line in fh if line.strip()]
pages = [gzip.open(os.path.join(src, "html", i + ".html.gz"), "rb").read() for i in ids]
preds = {}
t = time.process_time()
for i, html in zip(ids, pages):
    preds[i] = {"articleBody": trafilatura.extract(html) or ""}
secs = time.process_time() - t
with open(out, "w", encoding="utf-8") as fh:
    json.dump(preds, fh)
print(f"{os.path.basename(src.rstrip('/'))} trafilatura: {len(ids)} pages in {secs:.3f} s")
