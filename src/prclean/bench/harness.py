"""Benchmark harness: prclean against baselines on any corpus of hand-cleaned cases.

A corpus is a folder of case folders, each holding ``input.html`` and/or text renderings
``input.*.txt`` (``input.txt`` counts too), the gold body ``expected.txt`` and the gold metadata
``expected.json``.  Case folders may be nested one level (``corpus/dev/<case>``).

Systems are plain functions ``(data, kind) -> (text, metadata)`` so adding a peer is one entry in
:data:`SYSTEMS`; a peer whose package is missing is skipped, not failed.
"""

from __future__ import annotations

import html as html_lib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..api import clean
from .scoring import META_FIELDS, Tally, meta_equal

System = Callable[[bytes, str], tuple[str, dict]]


@dataclass(frozen=True)
class Case:
    name: str
    path: Path  # the input file
    kind: str  # "html" or "text"
    flavor: str  # html, w3m, lynx, md, inner, txt ...
    expected: str
    gold: dict


def iter_cases(root: Path) -> Iterator[Case]:
    """Every (case, input file) pair under ``root``, in a stable order."""
    dirs = sorted({p.parent for p in root.rglob("expected.txt")})
    for d in dirs:
        gold_path = d / "expected.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        expected = (d / "expected.txt").read_text(encoding="utf-8")
        name = str(d.relative_to(root)) if d != root else d.name
        for inp in sorted(d.glob("input*")):
            if inp.suffix == ".html" or inp.name.endswith(".htm"):
                yield Case(name, inp, "html", "html", expected, gold)
            elif inp.suffix in (".txt", ".md"):
                parts = inp.name.split(".")
                flavor = parts[1] if len(parts) > 2 else "txt"
                yield Case(name, inp, "text", flavor, expected, gold)


# --- systems --------------------------------------------------------------------------------------

def sys_prclean(data: bytes, kind: str) -> tuple[str, dict]:
    r = clean(data)
    return r.text, {f: getattr(r, f) for f in META_FIELDS}


def sys_raw(data: bytes, kind: str) -> tuple[str, dict]:
    text = data.decode("utf-8", errors="replace")
    if kind == "html":
        import lxml.html

        root = lxml.html.document_fromstring(text)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        text = root.text_content()
    return text, {}


_C4_TERMINAL = ('.', '!', '?', '"', "”", "'", "’")


def sys_c4(data: bytes, kind: str) -> tuple[str, dict]:
    """C4's line rules: keep lines ending in terminal punctuation with at least 5 words, no 'javascript'."""
    text, _ = sys_raw(data, kind)
    kept = [ln.strip() for ln in text.splitlines()
            if ln.strip().endswith(_C4_TERMINAL) and len(ln.split()) >= 5 and "javascript" not in ln.lower()]
    return "\n".join(kept), {}


def _as_html(data: bytes, kind: str) -> str:
    text = data.decode("utf-8", errors="replace")
    if kind == "html":
        return text
    return "<html><body>" + "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in text.splitlines() if ln.strip()) \
        + "</body></html>"


def _trafilatura(precision: bool) -> System:
    def run(data: bytes, kind: str) -> tuple[str, dict]:
        import trafilatura

        doc = trafilatura.bare_extraction(_as_html(data, kind), favor_precision=precision, with_metadata=True)
        if doc is None:
            return "", {}
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        return d.get("text") or "", {"title": d.get("title"), "date": d.get("date"), "author": d.get("author"),
                                     "language": d.get("language")}
    return run


def sys_justext(data: bytes, kind: str) -> tuple[str, dict]:
    import justext

    paras = justext.justext(_as_html(data, kind).encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate), {}


def sys_readability(data: bytes, kind: str) -> tuple[str, dict]:
    import lxml.html
    from readability import Document

    doc = Document(_as_html(data, kind))
    return lxml.html.document_fromstring(doc.summary()).text_content(), {"title": doc.short_title()}


def sys_resiliparse(data: bytes, kind: str) -> tuple[str, dict]:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(_as_html(data, kind), main_content=True), {}


SYSTEMS: dict[str, System] = {
    "prclean": sys_prclean,
    "raw": sys_raw,
    "c4": sys_c4,
    "trafilatura": _trafilatura(False),
    "trafilatura-precision": _trafilatura(True),
    "justext": sys_justext,
    "readability": sys_readability,
    "resiliparse": sys_resiliparse,
}
DEFAULT_SYSTEMS = ("prclean", "raw", "c4", "trafilatura")


def available(name: str) -> bool:
    """A peer whose package is not installed is skipped; prclean's own systems are always there."""
    module = {"trafilatura": "trafilatura", "trafilatura-precision": "trafilatura", "justext": "justext",
              "readability": "readability", "resiliparse": "resiliparse"}.get(name)
    if module is None:
        return True
    import importlib.util

    return importlib.util.find_spec(module) is not None


# --- running ----------------------------------------------------------------------------------------

def run_bench(roots: list[Path], systems: list[str]) -> dict:
    """Score every system on every case; return the full report as a JSON-ready dict."""
    tallies: dict[tuple[str, str, str], Tally] = {}
    meta_hits: dict[tuple[str, str, str], dict[str, list[int]]] = {}
    per_case: list[dict] = []
    for root in roots:
        corpus = root.name
        for case in iter_cases(root):
            data = case.path.read_bytes()
            for name in systems:
                keys = [(corpus, name, case.kind)] + ([(corpus, name, "text:" + case.flavor)]
                                                      if case.kind == "text" else [])
                t0 = time.perf_counter()
                try:
                    text, got = SYSTEMS[name](data, case.kind)
                    error = None
                except Exception as exc:  # noqa: BLE001 - a baseline's crash is a data point, not our crash
                    text, got, error = "", {}, f"{type(exc).__name__}: {exc}"[:200]
                dt = time.perf_counter() - t0
                gold = case.gold
                row = {"corpus": corpus, "case": case.name, "input": case.path.name, "system": name,
                       "error": error, "seconds": round(dt, 4)}
                for key in keys:
                    tally = tallies.setdefault(key, Tally())
                    tally.seconds += dt
                    tally.bytes += len(data)
                    if error:
                        tally.errors += 1
                    p, r = tally.add(case.expected, text, gold.get("must", []), gold.get("must_not", []))
                row.update(precision=round(p, 4), recall=round(r, 4))
                hits = meta_hits.setdefault((corpus, name, case.kind), {})
                row["meta"] = {}
                for f in META_FIELDS:
                    if gold.get(f) is not None and (got or name == "prclean"):
                        ok = meta_equal(gold.get(f), got.get(f))
                        hits.setdefault(f, []).append(int(ok))
                        row["meta"][f] = [gold.get(f), got.get(f)]
                per_case.append(row)
    table = [{"corpus": c, "system": s, "kind": k, **t.summary()} for (c, s, k), t in sorted(tallies.items())]
    meta = [{"corpus": c, "system": s, "kind": k, **{f: round(sum(v) / len(v), 3) for f, v in fields.items()}}
            for (c, s, k), fields in sorted(meta_hits.items()) if fields]
    return {"table": table, "meta": meta, "cases": per_case}


def markdown(report: dict, cases: bool = False) -> str:
    """The report as markdown tables: quality and speed per system and input kind, then metadata."""
    cols = ["corpus", "kind", "system", "docs", "errors", "precision", "recall", "f1", "must_recall", "leak",
            "docs_per_s", "mb_per_s"]
    rows = sorted(report["table"], key=lambda r: (r["corpus"], r["kind"], -r["f1"]))
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(str(r[c]) for c in cols) + " |" for r in rows]
    if report["meta"]:
        fields = sorted({k for m in report["meta"] for k in m} - {"corpus", "system", "kind"})
        out += ["", "Metadata exact match (cases whose gold has the field):", "",
                "| corpus | kind | system | " + " | ".join(fields) + " |", "|" + "---|" * (len(fields) + 3)]
        out += [f"| {m['corpus']} | {m['kind']} | {m['system']} | " + " | ".join(str(m.get(f, "")) for f in fields)
                + " |" for m in report["meta"]]
    if cases:
        out += ["", "| corpus | case | input | system | P | R | error |", "|---|---|---|---|---|---|---|"]
        out += [f"| {r['corpus']} | {r['case']} | {r['input']} | {r['system']} | {r['precision']} | "
                f"{r['recall']} | {r['error'] or ''} |" for r in report["cases"]]
    return "\n".join(out)


def check_floors(report: dict, floors: dict) -> list[str]:
    """Failures of the quality gate: prclean below an F1, must-recall or metadata floor, or above a leak ceiling."""
    problems = []
    cells = {(r["corpus"], r["system"], r["kind"]): r for r in report["table"]}
    meta = {(m["corpus"], m["system"], m["kind"]): m for m in report["meta"]}
    for key, limit in floors.items():
        corpus, kind = key.split("/", 1)
        row = cells.get((corpus, "prclean", kind))
        if row is None:
            continue  # corpus absent on this machine
        if row["f1"] < limit.get("f1", 0):
            problems.append(f"{key}: F1 {row['f1']} < floor {limit['f1']}")
        if row["leak"] > limit.get("leak", 1):
            problems.append(f"{key}: leak {row['leak']} > ceiling {limit['leak']}")
        if row["must_recall"] < limit.get("must_recall", 0):
            problems.append(f"{key}: must recall {row['must_recall']} < floor {limit['must_recall']}")
        if row["errors"] > limit.get("errors", 0):
            problems.append(f"{key}: {row['errors']} errors > {limit.get('errors', 0)}")
        for field, floor in limit.get("meta", {}).items():
            got = meta.get((corpus, "prclean", kind), {}).get(field, 0)
            if got < floor:
                problems.append(f"{key}: {field} exact match {got} < floor {floor}")
    return problems

