#!/usr/bin/env python3
"""Issue 13, bar 5: metadata figures of `article` builds and trafilatura on the dev and train
pages of ../shared (standard library only). Inputs are JSON lines:

  ARTICLE=target/release/article
  $ARTICLE extract --no-entities --to jsonl ../shared/data/extraction/dev/html/*.html.gz \
      ../shared/data/extraction/train/*/html/*.html.gz > ours.jsonl
  /tmp/venv-traf/bin/python scripts/metadata-peer.py (same files) > peer.jsonl
  python3 scripts/metadata-eval.py --shared ../shared --labels article-parse/tests/data/metadata-labels.jsonl \
      --run before=main.jsonl --run after=ours.jsonl --peer peer.jsonl
A run may also be of the pages' text dumps (the .txt beside each page, `--from text`): its
records are matched to the same ids.

Two kinds of figure:
- against the page's own structured data (JSON-LD / <meta>, read here independently): our
  extractor reads the same fields, so agreement proves little beyond "read correctly";
- against the hand labels (what a reader sees), split into dev (looked at while developing)
  and holdout (scored only at the end).
"""
import argparse, datetime, glob, gzip, hashlib, html, json, os, re, sys, unicodedata


def norm(s):
    return ''.join(c for c in unicodedata.normalize('NFKC', s or '').lower() if c.isalnum())


def fold(s):
    s = unicodedata.normalize('NFKD', s or '')
    return ''.join(c for c in s if not unicodedata.combining(c)).lower().strip()


def names(xs):
    return frozenset(fold(' '.join(x.split())) for x in xs if x and x.strip())


def close(a, b):
    """Titles exact or close: equal after normalising, or one holds the other and they differ
    by at most a fifth of the longer."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.8 * max(len(a), len(b))
    return False


META_AUTHOR = ('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author')
META_DATE = ('article:published_time', 'og:published_time', 'datepublished', 'publishdate',
             'pubdate', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'dc.date.issued', 'date')


def structured(raw):
    """Author names, published date and headline the page's JSON-LD and <meta> state."""
    out = {'authors': [], 'date': None, 'title': None}
    metas = {}
    for m in re.finditer(r'<meta\s[^>]*>', raw, re.I):
        tag = m.group(0)
        k = re.search(r'(?:property|name|itemprop)\s*=\s*["\']([^"\']+)', tag, re.I)
        v = re.search(r'content\s*=\s*"([^"]*)"|content\s*=\s*\'([^\']*)\'', tag, re.I)
        if k and v:
            metas.setdefault(k.group(1).lower().strip(), html.unescape(v.group(1) or v.group(2) or ''))
    for m in re.finditer(r'<script[^>]*ld\+json[^>]*>(.*?)</script>', raw, re.S | re.I):
        try:
            data = json.loads(m.group(1).strip().strip('<!-->').strip())
        except Exception:
            continue
        stack = [data]
        while stack:
            x = stack.pop()
            if isinstance(x, list):
                stack.extend(x)
                continue
            if not isinstance(x, dict):
                continue
            t = x.get('@type')
            ts = [t] if isinstance(t, str) else (t if isinstance(t, list) else [])
            if any(isinstance(y, str) and ('Article' in y or y in ('BlogPosting', 'Report')) for y in ts):
                a = x.get('author')
                for y in (a if isinstance(a, list) else [a]):
                    if isinstance(y, dict) and isinstance(y.get('name'), str):
                        if y.get('@type') != 'Organization':
                            out['authors'].append(y['name'])
                    elif isinstance(y, str):
                        out['authors'].append(y)
                if not out['date'] and isinstance(x.get('datePublished'), str):
                    out['date'] = x['datePublished']
                if not out['title'] and isinstance(x.get('headline'), str):
                    out['title'] = x['headline']
            for k in ('@graph', 'mainEntity'):
                if k in x:
                    stack.append(x[k])
    if not out['authors']:
        for k in META_AUTHOR:
            v = metas.get(k)
            if v and not v.startswith('http'):
                out['authors'] = [p.strip() for p in re.split(r',| and ', v) if p.strip()]
                break
    if not out['date']:
        for k in META_DATE:
            if metas.get(k):
                out['date'] = metas[k]
                break
    if not out['title']:
        out['title'] = metas.get('og:title')
    # A site or publisher given as the author (issue 13: never an author) is not one.
    site = norm(metas.get('og:site_name', ''))
    out['authors'] = [x for x in out['authors']
                      if not re.search(r'\.(com|org|net|co\.uk)\b', x, re.I)
                      and not (site and (norm(x) in site or site in norm(x)))]
    d = re.match(r'\d{4}-\d\d-\d\d', out['date'] or '')
    out['date'] = d.group(0) if d else None
    return out


def label_within(ours, sha):
    """Titles exact or close as far as a hash allows: the labelled headline is ours, or a run of
    ours at least four fifths of its length (a kept site suffix, a kicker). A shorter pick of ours
    inside the headline cannot be seen from a hash and counts as a miss."""
    t = norm(ours)
    for size in range(len(t), max(1, -(-4 * len(t) // 5)) - 1, -1):
        for i in range(len(t) - size + 1):
            if hashlib.sha256(t[i:i + size].encode()).hexdigest() == sha:
                return True
    return False


def load_run(path):
    runs = {}
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            continue
        r = json.loads(line)
        src = r.get('source') or ''
        # A page (.html.gz) or its text dump (.txt): the same id.
        pid = re.sub(r'\.(html\.gz|html|txt)$', '', os.path.basename(src))
        runs[pid] = r
        runs[f"{src.split('/')[-3] if src.count('/') >= 2 else ''}/{pid}"] = r
    return runs


def load_peer(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        out[r['id']] = out[f"{r.get('group', '')}/{r['id']}"] = \
            {'authors': r['authors'], 'published': r['date'], 'title': r['title']}
    return out


def day(v):
    return (v or '')[:10] or None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', required=True)
    ap.add_argument('--labels', required=True)
    ap.add_argument('--run', action='append', default=[], help='NAME=records.jsonl')
    ap.add_argument('--peer')
    ap.add_argument('--holdout', action='store_true', help='also score the holdout labels (at the end only)')
    ap.add_argument('--holdout2', action='store_true', help='also score the holdout2 labels (at the end only)')
    a = ap.parse_args()
    files = sorted(glob.glob(f'{a.shared}/data/extraction/dev/html/*.html.gz')) + \
        sorted(glob.glob(f'{a.shared}/data/extraction/train/*/html/*.html.gz'))
    if not files:
        print(f'skipping: no pages under {a.shared}')
        return
    systems = [(n, load_run(p)) for n, p in (r.split('=', 1) for r in a.run)]
    if a.peer:
        systems.append(('trafilatura', load_peer(a.peer)))
    truth = {}
    for f in files:
        pid = os.path.basename(f).split('.html')[0]
        raw = gzip.open(f).read().decode('utf-8', 'replace')
        truth[f"{f.split('/')[-3]}/{pid}"] = (f.split('/')[-3], structured(raw))
    groups = sorted({g for g, _ in truth.values()})

    print('== against the page\'s own structured data (JSON-LD / <meta>; proves little: we read them too)')
    for g in groups + ['all']:
        ids = [i for i, (gg, _) in truth.items() if g in ('all', gg)]
        with_a = [i for i in ids if truth[i][1]['authors']]
        with_d = [i for i in ids if truth[i][1]['date']]
        with_t = [i for i in ids if truth[i][1]['title']]
        print(f'-- {g}: {len(ids)} pages; stating authors {len(with_a)}, a date {len(with_d)}, a headline {len(with_t)}')
        for n, s in systems:
            get = lambda i: s.get(i, {})
            ax = sum(names(get(i).get('authors') or []) == names(truth[i][1]['authors']) for i in with_a)
            ae = sum(not (get(i).get('authors') or []) for i in with_a)
            dx = sum(day(get(i).get('published')) == truth[i][1]['date'] for i in with_d)
            dm = sum(not get(i).get('published') for i in with_d)
            tx = sum(close(get(i).get('title') or '', truth[i][1]['title']) for i in with_t)
            print(f'   {n:12} authors exact {ax:4} empty {ae:4} | dates exact {dx:4} missing {dm:4} | titles exact-or-close {tx:4}')

    print('== every published/modified value parses with datetime.fromisoformat; offsets kept')
    for n, s in systems:
        if n == 'trafilatura':
            continue
        bad, zoned, naive, dates_only, total = 0, 0, 0, 0, 0
        for r in s.values():
            for k in ('published', 'modified'):
                v = r.get(k)
                if not v:
                    continue
                total += 1
                try:
                    x = datetime.datetime.fromisoformat(v.replace('Z', '+00:00')) if 'T' in v \
                        else datetime.date.fromisoformat(v)
                    if 'T' in v and x.tzinfo is None:
                        naive += 1
                    elif 'T' in v:
                        zoned += 1
                    else:
                        dates_only += 1
                except ValueError:
                    bad += 1
        print(f'   {n:12} values {total}: unparsable {bad}, naive date-times {naive}, zoned {zoned}, dates {dates_only}')

    labels = [json.loads(l) for l in open(a.labels, encoding='utf-8') if l.strip() and not l.startswith('#')]
    print('== against hand labels (what a reader sees)')
    splits = ['dev'] + ['holdout'] * a.holdout + ['holdout2'] * a.holdout2
    for split in splits:
        ls = [l for l in labels if l['split'] == split]
        la = [l for l in ls if l['authors'] is not None]
        lan = [l for l in la if l['authors']]
        ld = [l for l in ls if l['date']]
        print(f'-- {split}: {len(ls)} pages; authors labelled {len(la)} ({len(lan)} naming someone), dates {len(ld)}')
        for n, s in systems:
            get = lambda l: s.get(f"{l['source']}/{l['id']}" if 'source' in l else l['id'], {})
            ax = sum(names(get(l).get('authors') or []) == names(l['authors']) for l in la)
            ae = sum(not (get(l).get('authors') or []) for l in lan)
            dx = sum(day(get(l).get('published')) == l['date'] for l in ld)
            tx = sum(hashlib.sha256(norm(get(l).get('title') or '').encode()).hexdigest() == l['title_sha256'] for l in ls)
            tc = sum(label_within(get(l).get('title') or '', l['title_sha256']) for l in ls)
            print(f'   {n:12} authors exact {ax:3}/{len(la)} (empty on {ae}/{len(lan)} naming someone) | dates exact {dx:3}/{len(ld)} | titles exact {tx:3}/{len(ls)}, exact-or-close {tc:3}/{len(ls)}')


if __name__ == '__main__':
    main()
