#!/usr/bin/env python3
"""Builds data/actors/phoenix.tsv.gz from the PETRARCH2 / Phoenix actor dictionaries.

Sources (../shared/data/petrarch2, openeventdata/petrarch2 @ 676801c, MIT):
  Phoenix.Countries.actors.txt      countries, their leaders and governments, with dated codes
  Phoenix.International.actors.txt  international organisations and their officials
  Phoenix.MilNonState.actors.txt    non-state armed groups

Output rows: name (words, as written in the dictionary with underscores as spaces), CAMEO actor
code, first day the code applies, last day (ISO dates; empty = open). A name with several
dated codes (Netanyahu: ISRELI until 1996-06-18, ISRGOV 1996-06-18..1999-07-06, ISRGOV from
2009-04-01, ISRELI otherwise) gets one row per code; the undated row is the default.

Usage: python3 scripts/build-actors.py [--shared ../shared]
"""
import argparse, gzip, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
a = ap.parse_args()
src = os.path.join(a.shared, "data", "petrarch2")


def day(s):
    s = s.strip()
    if not re.match(r"^\d{6}$", s):
        return ""
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:6])
    year = 1900 + yy if yy > 30 else 2000 + yy
    mm = min(max(mm, 1), 12)
    dd = min(max(dd, 1), 28) if dd > 28 else max(dd, 1)
    return f"{year:04d}-{mm:02d}-{dd:02d}"


def codes_of(text):
    """[ISRGOV 960618-990706] -> (code, from, to); [ISRGOV >090401]; [ISRGOV <090401]; [ISRELI]."""
    out = []
    for m in re.finditer(r"\[([A-Z0-9]{3,15})(?:\s+([<>]?)(\d{6})?(?:-(\d{6}))?)?\]", text):
        code, op, d1, d2 = m.group(1), m.group(2), m.group(3), m.group(4)
        if op == ">":
            out.append((code, day(d1), ""))
        elif op == "<":
            out.append((code, "", day(d1)))
        elif d1 and d2:
            out.append((code, day(d1), day(d2)))
        else:
            out.append((code, "", ""))
    return out


def clean_name(n):
    n = n.split("#")[0].strip().lstrip("+").strip()
    n = re.sub(r"\[.*?\]", "", n).strip()
    n = n.replace("_", " ").strip()
    n = re.sub(r"\s+", " ", n)
    return n


rows = set()
for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
    names, codes = [], []

    def flush():
        for n in names:
            for c in codes:
                if len(n) >= 3 and not n.isdigit():
                    rows.add((n, *c))

    for raw in open(os.path.join(src, fname), encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")) and line.strip().startswith("["):
            codes.extend(codes_of(line))
            continue
        if line.startswith("+"):
            names.append(clean_name(line))
            continue
        # a new entry: close the previous one
        flush()
        names, codes = [clean_name(line)], codes_of(line.split("#")[0])
    flush()

out = os.path.join(ROOT, "data", "actors", "phoenix.tsv.gz")
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    f.write("# name\tcode\tfrom\tto  (PETRARCH2 Phoenix dictionaries, MIT; built by scripts/build-actors.py)\n")
    for r in sorted(rows):
        f.write("\t".join(r) + "\n")
print(len(rows), "rows ->", out)
