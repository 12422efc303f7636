"""The top headline candidates of one input with their probabilities under the shipped weights."""
import sys, gzip
from pathlib import Path
from prclean.detect import detect
from prclean.extract import extract
from prclean.extract.headline import FEATURES, candidates, evidence
from prclean.extract.title_model import load_model
from prclean.read import read_page
from prclean.read.load import load
f = Path(sys.argv[1]); raw = f.read_bytes(); raw = gzip.decompress(raw) if f.suffix == ".gz" else raw
text, k = load(raw); page = read_page(text, k, None); ex = extract(page, detect(page))
start = ex.span.start; titles = page.facts.titles
cands = candidates(page.units, start, ex.header.issuer_unit, titles)
rows = evidence(cands, page.units, ex.verdicts, start, titles, ex.header.issuer_unit)
m = load_model(FEATURES)
probs = m.probabilities([m.score(r) for r in rows])
print("threshold", m.threshold, "start", start, "titles", titles)
for p, c, r in sorted(zip(probs, cands, rows), key=lambda t: -t[0])[:int(sys.argv[2]) if len(sys.argv) > 2 else 6]:
    print(f"{p:.3f} {c.index} part={c.part} {c.text[:90]!r}")
    if "-v" in sys.argv: print("     ", {f: round(v, 2) for f, v in r.items() if v})
