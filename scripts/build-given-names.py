#!/usr/bin/env python3
"""Builds data/curated/given_names.txt: English-language given names, to tell a person's
surname from a place ("Ivan Lopez" is not Lopez, Philippines; "Whitney Houston" is not
Houston) and to find the people an event report names (victims, suspects, officials).

Source: the 1990 US Census name files (dist.male.first, dist.female.first; public domain),
as shipped in the PyPI package `names` 0.3.0 (MIT). Names that are everyday English words
and often start a sentence or a headline ("Will", "May", "Mark", "Hope") are left out.

Usage: pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
       python3 scripts/build-given-names.py --census /tmp/names/names-0.3.0/names
"""
import argparse, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# given names that are also common words, capitalised at the start of sentences and headlines
WORDS = set("""
will may june mark grant bill art guy hope joy faith rose summer dawn chance chase
page young king major early long sunny rich don ray sky star major honor honey love
pat jack sue gay max van an in de la le so see else lane bud buck carol christian
august april autumn winter spring sherry brandy crystal amber ruby pearl ivory
angel cherry golden gene lee sam bob ben tom can sol man son penny nick frank
dale glen wood forest stone hunter price ward worth royal reed rod cliff drew
""".split())

ap = argparse.ArgumentParser()
ap.add_argument("--census", required=True, help="folder holding dist.male.first and dist.female.first")
a = ap.parse_args()
names = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in open(os.path.join(a.census, f)):
        parts = line.split()
        if parts and parts[0].isalpha() and len(parts[0]) >= 3:
            n = parts[0].lower()
            if n not in WORDS:
                names.add(n)
out = os.path.join(ROOT, "data", "curated", "given_names.txt")
with open(out, "w") as w:
    w.write("# Given names (1990 US Census, public domain, via PyPI names 0.3.0); built by scripts/build-given-names.py\n")
    for n in sorted(names):
        w.write(n + "\n")
print(f"{len(names)} names -> {out}")
