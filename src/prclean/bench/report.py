"""The benchmark's tables, built from the scored rows, and their markdown.

Cells are keyed by corpus, system and input kind (``html``, ``text``, and ``text:<renderer>`` for
each text rendering); page-type cells add the page's ``page_type`` where the gold has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .scoring import META_FIELDS, MetaTally, Tally

Row = dict[str, Any]

WIN_MARGIN = 0.2
"""A page is a win (loss) when prclean's F1 beats (trails) the reference's by more than this."""

CATASTROPHIC_RECALL = 0.3
"""prclean keeps under this share of the main text ..."""

REFERENCE_RECALL = 0.7
"""... while the reference keeps at least this share: a catastrophic page (prclean threw the page away)."""

ALL_TYPES = "all"


def kind_keys(row: Row) -> tuple[str, ...]:
    return (row["kind"],) if row["kind"] == "html" else (row["kind"], "text:" + row["flavor"])


def _tally(rows: Iterable[Row]) -> dict[str, Any]:
    t = Tally()
    for r in rows:
        t.record(r["precision"], r["recall"], (r["must"][0], r["must"][1]), (r["must_not"][0], r["must_not"][1]))
        t.errors += r["error"] is not None
        t.seconds += r["seconds"]
        t.bytes += r["bytes"]
    return t.summary()


def _group(rows: Iterable[Row], by_type: bool) -> dict[tuple[str, ...], list[Row]]:
    cells: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for r in rows:
        for k in kind_keys(r):
            cells[(r["corpus"], r["system"], k)].append(r)
            if by_type and r["page_type"]:
                cells[(r["corpus"], r["system"], k, r["page_type"])].append(r)
    return cells


def versus(rows: list[Row], reference: str) -> list[dict[str, Any]]:
    """prclean against the reference page by page, per corpus, kind and page type (and all types):
    wins and losses by more than :data:`WIN_MARGIN` F1, and the catastrophic pages."""
    ref = {(r["corpus"], r["case"], r["input"]): r for r in rows if r["system"] == reference}
    cells: dict[tuple[str, str, str], list[tuple[Row, Row]]] = defaultdict(list)
    for r in rows:
        other = ref.get((r["corpus"], r["case"], r["input"])) if r["system"] == "prclean" else None
        if other is None:
            continue
        for k in kind_keys(r):
            cells[(r["corpus"], k, ALL_TYPES)].append((r, other))
            if r["page_type"]:
                cells[(r["corpus"], k, r["page_type"])].append((r, other))
    out = []
    for (corpus, kind, page_type), pairs in sorted(cells.items()):
        bad = [me["case"] if kind != "text" else f"{me['case']}:{me['flavor']}" for me, them in pairs
               if me["recall"] < CATASTROPHIC_RECALL and them["recall"] >= REFERENCE_RECALL]
        out.append({"corpus": corpus, "kind": kind, "page_type": page_type, "reference": reference,
                    "pages": len(pairs),
                    "wins": sum(me["f1"] - them["f1"] > WIN_MARGIN for me, them in pairs),
                    "losses": sum(them["f1"] - me["f1"] > WIN_MARGIN for me, them in pairs),
                    "catastrophic": len(bad), "catastrophic_pages": bad})
    return out


def found_table(rows: list[Row]) -> list[dict[str, Any]]:
    """How many pages prclean calls found (a release) or not, per page type; pages without a type are
    grouped by their gold (``gold:body`` or ``gold:empty``), which makes it a confusion table there."""
    cells: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["system"] != "prclean":
            continue
        group = r["page_type"] or ("gold:empty" if r["expected_empty"] else "gold:body")
        for k in kind_keys(r):
            cells[(r["corpus"], k, group)][0 if r["found"] else 1] += 1
    return [{"corpus": c, "kind": k, "page_type": g, "found": v[0], "not_found": v[1]}
            for (c, k, g), v in sorted(cells.items())]


def meta_table(rows: list[Row]) -> list[dict[str, Any]]:
    """Per corpus, system and kind: each scored field's precision, recall and strict accuracy."""
    cells: dict[tuple[str, str, str], dict[str, MetaTally]] = defaultdict(dict)
    for r in rows:
        for k in kind_keys(r):
            for field, (gold, got, _outcome) in r["meta"].items():
                cells[(r["corpus"], r["system"], k)].setdefault(field, MetaTally()).add(gold, got)
    return [{"corpus": c, "system": s, "kind": k,
             "fields": {f: tallies[f].summary() for f in META_FIELDS if f in tallies}}
            for (c, s, k), tallies in sorted(cells.items()) if tallies]


def build_report(rows: list[Row], runs: list[dict[str, Any]], reference: str | None) -> dict[str, Any]:
    cells = _group(rows, by_type=True)
    table = [{"corpus": key[0], "system": key[1], "kind": key[2], **_tally(rs)}
             for key, rs in sorted(cells.items()) if len(key) == 3]
    by_type = [{"corpus": key[0], "system": key[1], "kind": key[2], "page_type": key[3], **_tally(rs)}
               for key, rs in sorted(cells.items()) if len(key) == 4]
    return {"runs": runs, "reference": reference, "table": table, "by_type": by_type,
            "versus": versus(rows, reference) if reference else [], "found": found_table(rows),
            "meta": meta_table(rows), "cases": rows}


# --- markdown -----------------------------------------------------------------------------------------

def _md(cols: list[str], rows: Iterable[Iterable[Any]]) -> list[str]:
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    return out + ["| " + " | ".join("" if v is None else str(v) for v in r) + " |" for r in rows]


def _single_text(report: dict[str, Any]) -> set[str]:
    """Corpora run with one text rendering only, whose ``text`` cells repeat their ``text:<renderer>`` ones."""
    flavors: dict[str, set[str]] = defaultdict(set)
    for r in report["table"]:
        if r["kind"].startswith("text:"):
            flavors[r["corpus"]].add(r["kind"])
    return {c for c, f in flavors.items() if len(f) == 1}


def _type_lines(report: dict[str, Any]) -> list[str]:
    """F1 of prclean and the reference per page type, with wins, losses, catastrophic pages and found."""
    ref = report.get("reference")
    f1 = {(r["corpus"], r["system"], r["kind"], r["page_type"]): r for r in report["by_type"]}
    f1.update({(r["corpus"], r["system"], r["kind"], ALL_TYPES): r for r in report["table"]})
    vs = {(v["corpus"], v["kind"], v["page_type"]): v for v in report["versus"]}
    found = {(f["corpus"], f["kind"], f["page_type"]): f for f in report["found"]}
    typed = {r["corpus"] for r in report["by_type"]}
    single = _single_text(report)
    keys = sorted({(c, k, t) for c, s, k, t in f1 if c in typed and s == "prclean"
                   and not (k == "text" and c in single)},
                  key=lambda x: (x[0], x[1], x[2] != ALL_TYPES, x[2]))
    if not keys:
        return []
    rows = []
    for c, k, t in keys:
        me, them, v = f1[(c, "prclean", k, t)], f1.get((c, ref or "", k, t)), vs.get((c, k, t), {})
        fd = found.get((c, k, t)) if t != ALL_TYPES else None
        rows.append([c, k, t, me["docs"], me["f1"], them["f1"] if them else None, v.get("wins"),
                     v.get("losses"), v.get("catastrophic"), fd["found"] if fd else None,
                     fd["not_found"] if fd else None])
    head = ["corpus", "kind", "page_type", "docs", "prclean F1", f"{ref or 'reference'} F1",
            f"wins >{WIN_MARGIN}", f"losses >{WIN_MARGIN}", "catastrophic", "found", "not found"]
    return ["", "Per page type (prclean against the reference, page by page):", "", *_md(head, rows)]


def _catastrophic_lines(report: dict[str, Any]) -> list[str]:
    bad = [v for v in report["versus"]  # the text aggregate repeats its renderings' lists
           if v["page_type"] == ALL_TYPES and v["catastrophic_pages"] and v["kind"] != "text"]
    if not bad:
        return []
    title = (f"Catastrophic pages (prclean recall < {CATASTROPHIC_RECALL}, "
             f"{report['reference']} recall >= {REFERENCE_RECALL}):")
    out = ["", title, ""]
    return out + [f"- {v['corpus']} {v['kind']} ({v['catastrophic']}): " + " ".join(v["catastrophic_pages"])
                  for v in bad]


def _found_lines(report: dict[str, Any]) -> list[str]:
    rows = [f for f in report["found"] if f["page_type"].startswith("gold:") and ":" not in f["kind"]]
    if not rows:
        return []
    return ["", "Release or no release (prclean found=True / False, by gold body):", "",
            *_md(["corpus", "kind", "gold", "found", "not found"],
                 ([f["corpus"], f["kind"], f["page_type"][5:], f["found"], f["not_found"]] for f in rows))]


def _meta_lines(report: dict[str, Any]) -> list[str]:
    metas = report["meta"]
    fields = [f for f in META_FIELDS if any(f in m["fields"] for m in metas)]
    if not fields:
        return []

    def cell(s: dict[str, Any] | None) -> str:
        return "" if s is None else f"{s['precision']:.2f} / {s['recall']:.2f} / {s['strict']:.2f}"

    rows = ([m["corpus"], m["kind"], m["system"], *(cell(m["fields"].get(f)) for f in fields)] for m in metas)
    title = ("Metadata, precision / recall / strict per field (a value where the gold has none is a false "
             "positive, a missing one a miss, a wrong one both; strict = exact match over all cases, gold "
             "none included; only fields the gold carries and the system gives are scored):")
    return ["", title, "",
            *_md(["corpus", "kind", "system", *fields], rows)]


def markdown(report: dict[str, Any], cases: bool = False) -> str:
    """The report as markdown: quality and CPU speed per system and kind, then per page type against the
    reference, catastrophic pages, found, and metadata precision/recall."""
    cols = ["corpus", "kind", "system", "docs", "errors", "precision", "recall", "f1", "must_recall", "leak",
            "docs_per_s", "mb_per_s"]
    rows = sorted(report["table"], key=lambda r: (r["corpus"], r["kind"], -r["f1"]))
    out = _md(cols, ([r[c] for c in cols] for r in rows))
    out += _type_lines(report) + _catastrophic_lines(report) + _found_lines(report) + _meta_lines(report)
    if cases:
        out += ["", *_md(["corpus", "case", "input", "system", "P", "R", "F1", "found", "error"],
                         ([r["corpus"], r["case"], r["input"], r["system"], r["precision"], r["recall"], r["f1"],
                           r["found"], r["error"] or ""] for r in report["cases"]))]
    return "\n".join(out)
