#!/usr/bin/env python3
"""Page metadata by trafilatura (title, author, date) for .html.gz pages, one JSON line each:
{"id": ..., "title": ..., "authors": [...], "date": ...}. For bar 5 of issue 13; run in a venv
with trafilatura 2.3.1 (see ../shared/tools/README.md):
  /tmp/venv-traf/bin/python scripts/metadata-peer.py ../shared/data/extraction/dev/html/*.html.gz > peer.jsonl
"""
import gzip, json, os, sys
import trafilatura

for f in sys.argv[1:]:
    html = gzip.open(f, 'rb').read()
    pid = os.path.basename(f).split('.')[0]
    try:
        m = trafilatura.extract_metadata(html)
    except Exception as e:  # a peer failure is a missing value, not a crash of the run
        m = None
    authors = []
    if m is not None and m.author:
        authors = [a.strip() for a in m.author.split(';') if a.strip()]
    print(json.dumps({
        'id': pid,
        'group': f.split('/')[-3],
        'title': m.title if m else None,
        'authors': authors,
        'date': m.date if m else None,
    }, ensure_ascii=False), flush=True)
