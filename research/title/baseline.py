"""Record what a prclean build says the title and subtitle are, for every research input.

usage: python baseline.py OUT.json   (kept out of the repo: the values are page text)
"""
import json, sys
import prclean
from corpus import all_inputs
out = {}
for inp in all_inputs():
    key = f"{inp.group}|{inp.kind}|{inp.path.name}"
    try:
        r = prclean.clean(inp.data())
        out[key] = [r.title, r.subtitle]
    except prclean.PrcleanError as e:
        out[key] = [None, None]
json.dump(out, open(sys.argv[1], "w"))
print(len(out))
