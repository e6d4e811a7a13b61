#!/usr/bin/env python3
"""Builds data/curated/common_words.txt: single words that are place names somewhere in the
gazetteer but, capitalised at the start of an English sentence or in a headline, almost always
mean something else ("Police said...", "Man arrested", "Most victims...").

Source of word frequencies: the PyPI package wordfreq 3.1.1 (small_en list; code Apache-2.0,
data CC BY-SA 4.0). Only the resulting word list is committed.

A word is listed when it is among the 20,000 most frequent English words and names a place,
unless some place of that name has 200,000 people or more, or the word names a country, a
continent or a division of a million people (so "Police" and "Most" are listed; "Houston",
"Nice", "China" and "Turkey" are not). Nor is a word of four letters or more that names a town
of 50,000 people or more and that an English dictionary spells only capitalised, and is
neither a given name nor one of the 5,000 most frequent US surnames: it is frequent because
it is a place ("Norwich", "Boise", "Hollywood"), not because it means something else
("Burton", "Adams" and "Cork" stay; so do the famous and the brands named like small towns,
"Obama", "Honda", and abbreviations and foreign words the dictionary lacks: "SUV", "Det.").

Dictionary: Debian's wamerican 2020.12.07 (/usr/share/dict/american-english; SCOWL, free
license, see /usr/share/doc/wamerican/copyright). Surnames and given names: 1990 US Census
(public domain) via PyPI names 0.3.0, as for given_names.txt.

Usage: pip download --no-deps wordfreq==3.1.1 -d /tmp/wf && (cd /tmp/wf && unzip -o -q *.whl)
       pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
       apt-get install wamerican
       python3 scripts/build-common-words.py --wordfreq /tmp/wf/wordfreq/data/small_en.msgpack.gz \
           --dict /usr/share/dict/american-english --surnames /tmp/names/names-0.3.0/names/dist.all.last
"""
import argparse, gzip, os
import msgpack

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ap = argparse.ArgumentParser()
ap.add_argument("--wordfreq", required=True)
ap.add_argument("--dict", required=True, help="an English word list with proper nouns capitalised")
ap.add_argument("--surnames", required=True, help="US Census dist.all.last")
a = ap.parse_args()
dictionary = [l.strip() for l in open(a.dict, encoding="utf-8")]
lower_words = {w for w in dictionary if w.islower()}
proper_words = {w.lower() for w in dictionary if w[:1].isupper() and w[1:].islower()}
surname_rank = {}
for line in open(a.surnames):
    surname_rank.setdefault(line.split()[0].lower(), len(surname_rank) + 1)
with open(os.path.join(ROOT, "data", "curated", "given_names.txt"), encoding="utf-8") as f:
    given_names = {l.strip() for l in f if not l.startswith("#")}


def only_a_name(w):
    """A word the dictionary knows only as a proper noun and no person is often called."""
    return len(w) >= 4 and w in proper_words and w not in lower_words and w not in given_names and surname_rank.get(w, 10**9) > 5000


data = msgpack.load(gzip.open(a.wordfreq), raw=False)
rank = {}
for bucket in data[1:]:
    for w in bucket:
        if w.isalpha() and w not in rank:
            rank[w] = len(rank)
places = {}
strong = set()  # names of countries, continents and big divisions: never listed
with gzip.open(os.path.join(ROOT, "data", "gazetteer", "places.tsv.gz"), "rt", encoding="utf-8") as f:
    pop = {}
    for line in f:
        if line.startswith("#"):
            continue
        p = line.rstrip("\n").split("\t")
        pop[p[0]] = (int(p[7]), p[4])
with gzip.open(os.path.join(ROOT, "data", "gazetteer", "names.tsv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        name, pid, flag = line.rstrip("\n").split("\t")
        w = name.lower()
        if " " in w or "-" in w or pid not in pop:
            continue
        p, kind = pop[pid]
        if kind in ("PCLI", "CONT") or (kind == "ADM1" and p >= 1_000_000):
            strong.add(w)
        if kind in ("PCLI", "CONT", "ADM1", "RGN", "SEA", "BORDER"):
            continue
        places[w] = max(places.get(w, 0), p)
# Curated: words so frequent in crime and conflict reporting that no place sense survives.
EXTRA = {"man", "police", "army", "officer", "victim", "suspect", "gunman", "president", "minister", "court"}
# Never a place when alone, whatever its population (prefixed with "!" in the output).
NEVER = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "to", "like", "la", "le", "el", "de", "centre", "center", "central", "north", "south", "east", "west",
         "northern", "southern", "eastern", "western", "federal", "free", "town", "city", "national", "new", "old",
         "great", "upper", "lower", "middle", "union", "republic", "state", "states", "capital", "university",
         "college", "street", "avenue", "park", "church", "hospital", "airport", "station", "bank", "river",
         "lake", "mount", "island", "bay", "beach", "valley", "hills", "heights", "village", "county", "district",
         "province", "region", "border", "coast", "gulf", "ocean", "sea", "international", "independence",
         "liberty", "victory", "progress", "unity", "peace", "hope", "star", "sun", "moon", "ai", "sol", "apc"}
out = sorted(EXTRA | set(w for w, p in places.items() if w in rank and rank[w] < 20000 and p < 200000 and w not in strong and not (p >= 50000 and only_a_name(w))))
with open(os.path.join(ROOT, "data", "curated", "common_words.txt"), "w") as f:
    f.write("# Generated by scripts/build-common-words.py (word frequencies: wordfreq 3.1.1, CC BY-SA 4.0)\n")
    f.write("\n".join(("!" + w) if w in NEVER else w for w in sorted(set(out) | NEVER)) + "\n")
print(len(out), "words")
