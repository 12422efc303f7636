"""For inputs whose gold title is a unit above the body but not a candidate: why not?"""
import sys
from collections import Counter
import prclean
from prclean.detect import detect
from prclean.extract import extract
from prclean.extract.headline import heading_walk as _candidates, _wordy, _FURNITURE, _GUESSES
from prclean.extract.prose import heading_like
from prclean.read import read_page
from prclean.read.load import load
from corpus import all_inputs, norm
reasons = Counter(); dist = Counter()
kinds = sys.argv[1].split(",")
for inp in all_inputs():
    if inp.kind not in kinds: continue
    g = norm(inp.title)
    if not g: continue
    try:
        text, kind = load(inp.data()); page = read_page(text, kind, None); found = detect(page); ex = extract(page, found)
    except prclean.PrcleanError: continue
    units = page.units
    if not ex.span: reasons["no-span"] += 1; continue
    start = ex.span.start
    cands = _candidates(units, ex.verdicts, start, ex.header.issuer_unit)
    hits = [u for u in units[:start] if norm(u.text) == g]
    if not hits or any(h.index in cands for h in hits): continue
    h = hits[-1]; v = ex.verdicts.get(h.index)
    d = start - h.index
    dist[min(d // 10, 10)] += 1
    if d > 40: r = "far"
    elif v is not None and v.label in _FURNITURE: r = f"furniture:{v.label.value}:{v.rule}"
    elif v is not None and not (v.rule in _GUESSES): r = f"verdict:{v.label.value}:{v.rule}"
    elif not heading_like(h): r = f"not-heading-like(w{h.words},ld{h.link_density:.1f},b{int(h.bullet)})"
    elif not _wordy(h.text): r = "not-wordy"
    elif v is not None: r = f"guess-filter:{v.rule}"
    else: r = "walk-stopped"
    reasons[r] += 1
for r, n in reasons.most_common(40): print(n, r)
print(sorted(dist.items()))
