#!/usr/bin/env python3
"""Whole-run ingest benchmark: read + clean + dedup + store, timed per core.

Builds scaled inputs from an article JSONL (by default ../shared/bench/events/dev-articles.jsonl):

* a JSONL of N articles: the originals plus replicas whose words are substituted through a
  per-replica permutation of the corpus vocabulary (within frequency bands), so every replica
  is a distinct text with realistic length and word statistics instead of an exact copy that
  dedup would short-circuit;
* a gzip WARC (one member per record, as CC-NEWS ships) of M HTML pages: each article wrapped
  in a page with navigation, a cookie banner, share widgets, related links and a footer.

Then runs `sitrep ingest` pinned to one core (taskset -c 0) and reports articles/s, MB/s and
peak RSS, plus peak RSS at a quarter of the input to show whether memory stays flat.

Usage: scripts/bench.py [--articles FILE] [--n 100000] [--warc 10000] [--out bench-out]
Generated files go to --out (git-ignored); nothing is written into the repository.
"""

import argparse
import gzip
import html
import json
import os
import random
import re
import subprocess
import sys
import time
import uuid
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z]+")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def cipher_maker(arts):
    freq = Counter(w.lower() for a in arts for w in WORD.findall(a.get("text", "")))
    ranked = [w for w, _ in freq.most_common()]
    rank = {w: i for i, w in enumerate(ranked)}
    band = 64

    def make(r):
        def sub(m):
            w = m.group(0)
            k = rank.get(w.lower())
            if k is None:
                return w
            base = k - k % band
            size = min(band, len(ranked) - base)
            nw = ranked[base + (k - base + r * 7) % size]
            if w[0].isupper():
                nw = nw[0].upper() + nw[1:]
            return nw

        return lambda text: WORD.sub(sub, text)

    return make


def replicas(arts, n):
    """The first n of: the articles as they are, then replica 1, 2, … of each.

    Yields (index, replica number, article, word substitution of that replica)."""
    make = cipher_maker(arts)
    written = 0
    r = 0
    while written < n:
        f = make(r) if r else (lambda t: t)
        for a in arts:
            if written >= n:
                return
            yield written, r, a, f
            written += 1
        r += 1


def write_jsonl(arts, n, path):
    with open(path, "w", encoding="utf-8") as out:
        for _, r, a, f in replicas(arts, n):
            b = dict(a)
            b["id"] = f"{a['id']}-r{r}"
            b["url"] = f"{a.get('url', '')}#r{r}"
            b["text"] = f(a.get("text", ""))
            b["title"] = f(a.get("title") or "")
            out.write(json.dumps(b) + "\n")
    return os.path.getsize(path)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title_attr}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}T08:00:00Z"></head><body>
<div class="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a> <a href="/video">Video</a></div>
<div class="cc">We use cookies to personalise content and ads. By continuing to use this site you agree to our use of cookies.</div>
<div class="main"><h1>{title}</h1>{paras}</div>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<div class="rel"><div><a href="/r1">Police investigate overnight crash on the interstate</a></div><div><a href="/r2">City council approves new budget for parks</a></div></div>
<div class="ft">Copyright 2017 {outlet}. All rights reserved.</div></body></html>"""


def write_warc(arts, m, path):
    with open(path, "wb") as out:
        for written, r, a, f in replicas(arts, m):
            paras = "".join(f"<p>{html.escape(f(p))}</p>" for p in a.get("text", "").split("\n") if p.strip())
            title = html.escape(f(a.get("title") or "Untitled"))
            page = PAGE.format(title=title, title_attr=title, outlet=html.escape(a.get("outlet") or "x"),
                               published=a.get("published") or "2017-01-01", paras=paras).encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + \
                str(len(page)).encode() + b"\r\n\r\n" + page
            uri = f"http://{a.get('outlet') or 'x'}/story/{a['id']}/{r}"
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                    f"WARC-Date: 2017-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=written + 1)}>\r\n"
                    f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=6))
    return os.path.getsize(path)

def run_ingest(binary, db, path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cmd = ["/usr/bin/time", "-f", "%e %M", "taskset", "-c", "0", binary, "--db", db, "ingest", "-q", path]
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time() - t0
    if p.returncode != 0:
        sys.exit(f"ingest failed: {p.stderr[-2000:]}")
    last = p.stderr.strip().splitlines()[-1].split()
    summary = [l for l in p.stderr.splitlines() if l.startswith("read ")]
    return float(last[0]) or wall, int(last[1]) / 1024.0, summary[0] if summary else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default=os.path.join(ROOT, "..", "shared", "bench", "events", "dev-articles.jsonl"))
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--warc", type=int, default=10_000)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "sitrep"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "sitrep"], cwd=ROOT, check=True)
    arts = load(a.articles)
    rows = []
    for label, n, writer, ext in [("JSONL", a.n, write_jsonl, "jsonl"), ("JSONL (1/4)", a.n // 4, write_jsonl, "jsonl"),
                                  ("WARC.gz HTML", a.warc, write_warc, "warc.gz"), ("WARC.gz HTML (1/4)", a.warc // 4, write_warc, "warc.gz")]:
        path = os.path.join(a.out, f"input-{n}.{ext}")
        if not os.path.exists(path):
            writer(arts, n, path)
        size = os.path.getsize(path)
        secs, rss, summary = run_ingest(a.binary, os.path.join(a.out, "bench.db"), path)
        rows.append((label, n, size, secs, rss, summary))
    print(f"{'input':<20} {'records':>8} {'MB':>8} {'seconds':>8} {'rec/s/core':>11} {'MB/s/core':>10} {'peak RSS MB':>12}")
    for label, n, size, secs, rss, summary in rows:
        print(f"{label:<20} {n:>8} {size / 1e6:>8.1f} {secs:>8.2f} {n / secs:>11.0f} {size / 1e6 / secs:>10.1f} {rss:>12.0f}")
    for label, *_, summary in rows:
        print(f"  {label}: {summary}")


if __name__ == "__main__":
    main()
