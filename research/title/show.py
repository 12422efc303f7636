"""Print the units around the body start of one input, with verdicts and candidate marks."""
import sys
from pathlib import Path
from prclean.detect import detect
from prclean.extract import extract
from prclean.extract.headline import heading_walk as _candidates
from prclean.read import read_page
from prclean.read.load import load
from corpus import SHARED, WEB_FILES
import gzip
case, kind = sys.argv[1], sys.argv[2]
p = SHARED / case if not case.startswith("fixtures") else Path(__file__).resolve().parents[2] / case
f = p / WEB_FILES[kind] if case.startswith("web") else next(x for x in p.glob("input*") if (kind == "html") == (".html" in x.name) and (kind == "html" or kind in x.name))
raw = f.read_bytes(); raw = gzip.decompress(raw) if f.suffix == ".gz" else raw
text, k = load(raw); page = read_page(text, k, None); found = detect(page); ex = extract(page, found)
units = page.units; start = ex.span.start if ex.span else len(units)
cands = set(_candidates(units, ex.verdicts, start, ex.header.issuer_unit)) if ex.span else set()
lo = int(sys.argv[3]) if len(sys.argv) > 3 else 45
print("titles:", page.facts.titles, "start", start, "title", ex.header.title, "sub", ex.header.subtitle)
for u in units[max(0, start - lo):start + 3]:
    v = ex.verdicts.get(u.index)
    mark = "T" if u.index == ex.header.title else "C" if u.index in cands else " "
    print(f"{mark}{u.index:4d} {'H'+str(u.level) if u.heading else '  '} i{u.indent:<3d} w{u.words:<3d} ld{u.link_density:.1f} {(v.label.value+':'+v.rule) if v else '':28.28s} {u.text[:110]!r}")
