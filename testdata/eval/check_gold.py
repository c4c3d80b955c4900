#!/usr/bin/env python3
"""Consistency checks for the eval gold set (testdata/eval/gold) against its articles.

  python3 testdata/eval/check_gold.py [--seed-gold DIR]

Checks, per gold file: the article exists; every mention and every evidence is an exact
substring of the article; entity ids are unique; types and predicates are those of the
spec; relation ends are declared ids (literals for held_on, holds_role, year) whose types
fit the spec's subject -> object table; literals have the spec's shape. Across files
(this set, plus the seed gold when found): one id has one type and one name, and one
name belongs to one id. Exit 1 on any problem.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
O, P, PL, L, PN, E, C, R = "Organization", "Person", "Place", "Law", "Plan", "Event", "Campaign", "Report"
SIG = {  # predicate -> (subject types, object types or None for a literal)
    "organized_by": ({E, C}, {O}),
    "partner": ({E, C, PN}, {O}),
    "funded_by": ({E, C, PN}, {O}),
    "chaired_by": ({E}, {P}),
    "spoke_at": ({P}, {E}),
    "participated_in": ({P, O, PL}, {E, C}),
    "held_in": ({E}, {PL}),
    "held_on": ({E}, None),
    "part_of": ({E}, {C, E}),
    "implements": ({E, PN, L, O}, {PN, L}),
    "holds_role": ({P}, None),
    "member_of": ({P, O}, {O}),
    "adopted": ({O, PL}, {L, PN}),
    "ratified": ({PL, O}, {L}),
    "establishes": ({L}, {O}),
    "published": ({O}, {R}),
    "assesses": ({R}, {PL, O}),
    "year": ({L, PN, R}, None),
}
LITERAL = {
    "held_on": re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    "year": re.compile(r"^\d{4}(-\d{4})?$"),
    "holds_role": re.compile(r"^[^A-Z]+$"),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold"))
    ap.add_argument("--articles", default=os.path.join(HERE, "articles"))
    ap.add_argument("--seed-gold", default=os.path.join(HERE, "..", "gold"))
    args = ap.parse_args()
    problems = []
    ids = {}  # id -> (type, name, file)
    names = {}  # name -> (id, file)

    def register(d, fname):
        for e in d["entities"]:
            key = (e["type"], e["name"])
            if e["id"] in ids and ids[e["id"]][:2] != key:
                problems.append(f"{fname}: id {e['id']} is {key}, but {ids[e['id']][:2]} in {ids[e['id']][2]}")
            ids.setdefault(e["id"], (*key, fname))
            if e["name"] in names and names[e["name"]][0] != e["id"]:
                problems.append(f"{fname}: name {e['name']!r} used by {e['id']} and by {names[e['name']][0]} in {names[e['name']][1]}")
            names.setdefault(e["name"], (e["id"], fname))

    if os.path.isdir(args.seed_gold):
        for f in sorted(os.listdir(args.seed_gold)):
            if f.endswith(".json"):
                register(json.load(open(os.path.join(args.seed_gold, f), encoding="utf-8")), "seed " + f)

    files = sorted(f for f in os.listdir(args.gold) if f.endswith(".json"))
    for f in files:
        d = json.load(open(os.path.join(args.gold, f), encoding="utf-8"))
        bad = lambda m: problems.append(f"{f}: {m}")
        if d.get("document") != f[:-5] + ".txt":
            bad(f"document is {d.get('document')!r}")
        path = os.path.join(args.articles, d.get("document", ""))
        if not os.path.isfile(path):
            bad("no article " + path)
            continue
        text = open(path, encoding="utf-8").read()
        if d.get("lang") not in ("ar", "fr", "en"):
            bad(f"lang {d.get('lang')!r}")
        if d.get("date") and not re.match(r"^\d{4}-\d{2}-\d{2}$", d["date"]):
            bad(f"date {d['date']!r}")
        types = {}
        for e in d["entities"]:
            if e["id"] in types:
                bad(f"duplicate id {e['id']}")
            types[e["id"]] = e["type"]
            if e["type"] not in {O, P, PL, L, PN, E, C, R}:
                bad(f"{e['id']}: type {e['type']}")
            if not e["mentions"]:
                bad(f"{e['id']}: no mention")
            for m in e["mentions"]:
                if m not in text:
                    bad(f"{e['id']}: mention not in article: {m!r}")
        used = set()
        for r in d["relations"]:
            s, p, o, ev = r["subject"], r["predicate"], r["object"], r["evidence"]
            if p not in SIG:
                bad(f"unknown predicate {p}")
                continue
            st, ot = SIG[p]
            if s not in types:
                bad(f"{s} {p} {o}: undeclared subject")
            elif types[s] not in st:
                bad(f"{s} {p} {o}: subject type {types[s]}")
            if ot is None:
                if not LITERAL[p].match(o):
                    bad(f"{s} {p} {o}: bad literal")
            elif o not in types:
                bad(f"{s} {p} {o}: undeclared object")
            elif types[o] not in ot:
                bad(f"{s} {p} {o}: object type {types[o]}")
            if ev not in text:
                bad(f"{s} {p} {o}: evidence not in article: {ev!r}")
            key = (s, p, o)
            if key in used:
                bad(f"duplicate relation {key}")
            used.add(key)
        register(d, f)
    for p in problems:
        print(p)
    print(f"{len(files)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
