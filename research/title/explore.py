"""Where does the gold title sit among a page's units?  (candidate recall, glued, split, elsewhere)"""
from __future__ import annotations
import sys
from collections import Counter, defaultdict
import prclean
from prclean.detect import detect
from prclean.extract import extract
from prclean.extract.headline import heading_walk as _candidates
from prclean.read import read_page
from prclean.read.load import load
from corpus import all_inputs, norm

def run(inp):
    text, kind = load(inp.data())
    page = read_page(text, kind, None)
    found = detect(page)
    ex = extract(page, found)
    return page, ex

where = defaultdict(Counter)
examples = defaultdict(list)
only = sys.argv[1:] 
for inp in all_inputs():
    if only and inp.corpus not in only: continue
    g = norm(inp.title)
    if not g: continue
    try: page, ex = run(inp)
    except prclean.PrcleanError: where[inp.kind]["error"] += 1; continue
    units = page.units
    start = ex.span.start if ex.span else len(units)
    cands = _candidates(units, ex.verdicts, start, ex.header.issuer_unit) if ex.span else []
    got = norm(units[ex.header.title].text) if ex.header.title is not None else None
    texts = [norm(u.text) or "" for u in units]
    if got == g: cat = "ok"
    elif any(texts[c] == g for c in cands): cat = "in-cands"
    elif any(t == g for t in texts[:start]): cat = "above-not-cand"
    elif any(t == g for t in texts[start:]): cat = "in/below-body"
    elif any(t.startswith(g) for t in texts): cat = "prefix-of-unit"
    elif any(g in t for t in texts): cat = "inside-unit"
    elif any((texts[i] + " " + texts[i+1]) == g or (texts[i] + texts[i+1]) == g for i in range(len(texts)-1)): cat = "split-2"
    else: cat = "nowhere"
    where[inp.kind][cat] += 1
    examples[(inp.kind, cat)].append((inp.group, inp.title, got))
cats = ["ok","in-cands","above-not-cand","in/below-body","prefix-of-unit","inside-unit","split-2","nowhere","error"]
print("kind".ljust(6), *[c[:14].rjust(14) for c in cats])
for k, c in where.items():
    print(k.ljust(6), *[str(c[x]).rjust(14) for x in cats])
import pickle; pickle.dump(dict(examples), open("/tmp/title_examples.pkl","wb"))
