#!/usr/bin/env python3
"""Builds sitrep's compact gazetteer (data/gazetteer/) from GeoNames and curated additions.

Inputs (read only here, never at run time):
  ../shared/data/geonames/cities500.txt.gz   populated places with population >= 500
  ../shared/data/geonames/admin1.json        first-level division names (SY.07 -> Deir ez-Zor)
  ../shared/data/geonames/countries.json     countries: ISO codes, names, population, capital
  ../shared/data/mordecai/nat_df.csv         nationality adjective -> ISO3 country
  data/curated/country_points.tsv            a representative point per country
  data/curated/regions.tsv                   continents, regions, seas, border areas, rivers (at their mouths)
  data/curated/admin1_adjectives.tsv         adjectives of divisions ("English" -> England)
  data/curated/aliases.tsv                   more names of held places ("Ont.", "NSW", "Herts")

Outputs:
  data/gazetteer/places.tsv.gz   id, name, lat, lon, kind, country, admin1, population
  data/gazetteer/names.tsv.gz    name, id, flag   (flag: n = name, d = demonym / adjective)

Names are kept as written; sitrep folds case, accents, hyphens and articles itself at load
time so that one folding function serves the build and the matching. Alternate names are
kept when they are written in Latin script (the text sitrep reads is English news) and are
not codes (IATA, postal abbreviations).

Usage: python3 scripts/build-gazetteer.py [--shared ../shared]
"""

import argparse
import csv
import gzip
import io
import json
import os
import re
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def latin(s):
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith("LATIN"):
                return False
    return True


# Division names that are only a direction or a generic word once the suffix is gone
# ("Eastern Province" -> "Eastern") are indexed only in full.
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
           "coast", "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast",
           "southwest", "north central", "upper", "lower", "middle", "centre", "center", "gulf", "lake", "islands",
           "federal", "national", "interior", "border", "far north", "far west"}

CODE = re.compile(r"^[A-Z0-9]{2,4}$")


def good_alt(a):
    a = a.strip()
    if len(a) < 3 or not latin(a) or CODE.match(a) or any(c.isdigit() for c in a):
        return False
    if a.startswith("http"):
        return False
    return True


def centre(lats, lons):
    """A division's point: the centre of the area its towns cover (the centroid of their convex
    hull), leaving out the farthest 2% in each direction (an island, an outpost). Towns crowd
    where people live, so their median, used before, fell at a territory's populated edge
    (Oregon's in the Willamette valley, 213 km from the middle of the state); the middle of
    their span, used next, still leaned toward a crowded corner where the territory's outline
    is uneven (Ontario's towns crowd along the lakes, Texas's to the east). Measured on
    GeoWebNews: acc161 0.7995 -> 0.7999, 0.7734 -> 0.7741 given the gold spans."""
    trim = 0.02
    # a division across the antimeridian (Alaska's Aleutians, Chukotka) is measured east of it
    shift = max(lons) - min(lons) > 180
    lons = [x + 360 if shift and x < 0 else x for x in lons]

    def bounds(v):
        v = sorted(v)
        k = int(len(v) * trim)
        return v[k], v[len(v) - 1 - k]

    (south, north), (west, east) = bounds(lats), bounds(lons)
    pts = sorted({(x, y) for y, x in zip(lats, lons) if south <= y <= north and west <= x <= east})

    def turn(o, p, q):
        return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

    # Andrew's monotone chain: the lower and the upper hull
    hull = pts
    if len(pts) >= 3:
        lower, upper = [], []
        for p in pts:
            while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
                lower.pop()
            lower.append(p)
        for p in reversed(pts):
            while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
                upper.pop()
            upper.append(p)
        hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for i in range(len(hull)):
        (x0, y0), (x1, y1) = hull[i], hull[(i + 1) % len(hull)]
        w = x0 * y1 - x1 * y0
        area += w
        cx += (x0 + x1) * w
        cy += (y0 + y1) * w
    if abs(area) < 1e-9:
        # one town, or towns along a line: the middle of their span
        lat, lon = (south + north) / 2, (west + east) / 2
    else:
        lon, lat = cx / (3 * area), cy / (3 * area)
    if lon > 180:
        lon -= 360
    return round(lat, 5), round(lon, 5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    a = ap.parse_args()
    src = os.path.join(a.shared, "data")
    out_dir = os.path.join(ROOT, "data", "gazetteer")
    os.makedirs(out_dir, exist_ok=True)

    countries = json.load(open(os.path.join(src, "geonames", "countries.json")))
    admin1 = {r["code"]: r["name"] for r in json.load(open(os.path.join(src, "geonames", "admin1.json")))}
    admin2 = {r["code"]: r["name"] for r in json.load(open(os.path.join(src, "geonames", "admin2.json")))}
    points = {}
    for line in open(os.path.join(ROOT, "data", "curated", "country_points.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        iso, lat, lon, _ = line.rstrip("\n").split("\t")
        points[iso] = (float(lat), float(lon))

    places = []  # (id, name, lat, lon, kind, cc, adm1, pop)
    names = []  # (name, id, flag)

    # populated places
    adm_points = {}  # admin1 code -> lists of place latitudes and longitudes
    adm_pop = {}
    with gzip.open(os.path.join(src, "geonames", "cities500.txt.gz"), "rt", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]
            adm1 = row[10]
            pop = int(row[14] or 0)
            places.append((gid, name, lat, lon, fcode, cc, adm1, pop))
            seen = set()
            for n in [name, ascii_name] + [x for x in alts.split(",") if good_alt(x)]:
                n = n.strip()
                if n and n not in seen:
                    seen.add(n)
                    names.append((n, gid, "n"))
            key = f"{cc}.{adm1}"
            adm_pop[key] = adm_pop.get(key, 0) + pop
            for k in (key, f"{cc}.{adm1}.{row[11]}"):
                pts = adm_points.setdefault(k, ([], []))
                pts[0].append(float(lat))
                pts[1].append(float(lon))
                adm_pop[k] = adm_pop.get(k, 0) + (pop if k != key else 0)

    # first-level divisions: placed at the centre of the area their towns cover (see centre)
    for code, name in admin1.items():
        if code not in adm_points:
            continue
        cc, adm = code.split(".", 1)
        lat, lon = centre(*adm_points[code])
        pid = f"adm1:{code}"
        places.append((pid, name, lat, lon, "ADM1", cc, adm, adm_pop.get(code, 0)))
        names.append((name, pid, "n"))
        for suffix in (" Governorate", " Province", " Region", " State", " Oblast", " County", " District"):
            rest = name[: -len(suffix)] if name.endswith(suffix) else ""
            if len(rest) > 3 and rest.lower() not in GENERIC:
                names.append((name[: -len(suffix)], pid, "n"))

    # second-level divisions (counties, districts), placed the same way
    for code, name in admin2.items():
        if code not in adm_points:
            continue
        cc, adm, _ = code.split(".", 2)
        lat, lon = centre(*adm_points[code])
        pid = f"adm2:{code}"
        places.append((pid, name, lat, lon, "ADM2", cc, adm, adm_pop.get(code, 0)))
        names.append((name, pid, "n"))

    # countries and their adjectives
    iso3 = {}
    for iso, c in countries.items():
        if iso not in points:
            continue
        lat, lon = points[iso]
        gid = str(c["geonameid"])
        iso3[c["iso3"]] = gid
        places.append((gid, c["name"], lat, lon, "PCLI", iso, "", int(c.get("population") or 0)))
        names.append((c["name"], gid, "n"))
    for line in open(os.path.join(ROOT, "data", "curated", "country_names.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        iso, flag, name = line.rstrip("\n").split("\t")
        gid = str(countries[iso]["geonameid"])
        names.append((name, gid, flag))
    with open(os.path.join(src, "mordecai", "nat_df.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            gid = iso3.get((row["alpha_3_code"] or "").strip())
            if gid:
                for n in row["nationality"].split(","):
                    if n.strip():
                        names.append((n.strip(), gid, "d"))

    # adjectives of first-level divisions ("English", "Scottish")
    for line in open(os.path.join(ROOT, "data", "curated", "admin1_adjectives.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        pid, adjective = line.rstrip("\n").split("\t")
        names.append((adjective, pid, "d"))

    # curated regions, seas, border areas and rivers
    for line in open(os.path.join(ROOT, "data", "curated", "regions.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rid, kind, cc, lat, lon, pop, all_names = line.rstrip("\n").split("\t")
        first = all_names.split("|")[0]
        places.append((rid, first, lat, lon, kind, cc, "", int(pop)))
        for n in all_names.split("|"):
            flag = "d" if n.startswith("~") else "n"
            names.append((n.lstrip("~"), rid, flag))

    # more names of places held above: abbreviations ("Ont.", "NSW", "Herts"), other spellings
    known = {p[0] for p in places}
    for line in open(os.path.join(ROOT, "data", "curated", "aliases.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, pid = line.rstrip("\n").split("\t")
        if pid not in known:
            raise SystemExit(f"aliases.tsv: {name!r} names {pid}, which the gazetteer does not hold")
        names.append((name.lstrip("~"), pid, "d" if name.startswith("~") else "n"))

    with io.TextIOWrapper(gzip.GzipFile(os.path.join(out_dir, "places.tsv.gz"), "wb", compresslevel=9, mtime=0), encoding="utf-8") as f:
        f.write("# id\tname\tlat\tlon\tkind\tcountry\tadmin1\tpopulation\n")
        for p in places:
            f.write("\t".join(str(x) for x in p) + "\n")
    names = sorted(set(names))
    with io.TextIOWrapper(gzip.GzipFile(os.path.join(out_dir, "names.tsv.gz"), "wb", compresslevel=9, mtime=0), encoding="utf-8") as f:
        f.write("# name\tid\tflag (n = name, d = demonym/adjective)\n")
        for n in names:
            f.write("\t".join(n) + "\n")
    print(f"{len(places)} places, {len(names)} names -> {out_dir}")


if __name__ == "__main__":
    main()
