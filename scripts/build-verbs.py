#!/usr/bin/env python3
"""Builds data/cameo/verbs.tsv: every verb form in PETRARCH2's CAMEO verb dictionary with the
CAMEO code of its most general pattern, for finding the event verb of a sentence.

Source: ../shared/data/petrarch2/CAMEO.2.0.txt (openeventdata/petrarch2, MIT). Regular
inflections (-s, -ed, -ing) are generated; irregular forms come from the dictionary's braces.

Usage: python3 scripts/build-verbs.py [--shared ../shared]
"""
import argparse, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
a = ap.parse_args()
lines = open(os.path.join(a.shared, "data", "petrarch2", "CAMEO.2.0.txt"), encoding="latin-1").read().splitlines()
start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)


def inflect(v):
    v = v.lower()
    out = {v}
    if v.endswith("e"):
        out |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        out |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", v):
        out |= {v + "es", v + "ed", v + "ing"}
    else:
        out |= {v + "s", v + "ed", v + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", v) and len(v) <= 5:
            out |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return out


forms = {}
code = ""
block = []
# a class whose header gives a code and which lists no patterns ("---  THREATEN   [130]  ---")
# takes the header's code
header_code = ""


def flush():
    if not code and re.match(r"^\d{2,4}$", header_code):
        for f in block:
            forms.setdefault(f, header_code[:3])


for l in lines[start:]:
    m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", l)
    if m:
        flush()
        block = []
        code = ""
        header_code = m.group(2).strip()
        continue
    if l.startswith("-"):
        c = re.search(r"\[(\d{2,4})", l)
        if c and not code:
            code = c.group(1)[:3]
            for f in block:
                forms.setdefault(f, code)
        continue
    l = l.split("#")[0].strip()
    if not l or l.startswith("&") or l.startswith("+"):
        continue
    word = l.split()[0]
    if not re.match(r"^[A-Z][A-Z_]*$", word) or "_" in word:
        continue
    fs = inflect(word)
    irr = re.search(r"\{([^}]*)\}", l)
    if irr:
        fs |= {w.lower() for w in irr.group(1).split()}
    block.extend(sorted(fs))
    if code:
        for f in fs:
            forms.setdefault(f, code)
flush()
with open(os.path.join(ROOT, "data", "cameo", "verbs.tsv"), "w") as f:
    f.write("# verb form\tCAMEO code (first pattern of its verb class); built by scripts/build-verbs.py from PETRARCH2's CAMEO.2.0.txt (MIT)\n")
    for w in sorted(forms):
        f.write(f"{w}\t{forms[w]}\n")
print(len(forms), "verb forms")
