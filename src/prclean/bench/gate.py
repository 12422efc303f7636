"""The quality gate: prclean's figures in a report against the floors file (``benchmarks/floors.json``).

A floor's key names a report cell: ``corpus/kind`` (``dev/html``, ``seeds/text``, ``web/text:md``)
or ``corpus/kind/page_type`` (``web/html/article``).  Its value may hold:

* ``f1``, ``must_recall``: floors; ``leak``: a ceiling; ``errors``: the most errors allowed (0);
* ``meta``: per field either a number (the legacy floor on exact match where the gold has a value,
  i.e. recall) or ``{"precision": p, "recall": r, "strict": s}``;
* ``max_catastrophic``, ``max_losses``: the most catastrophic pages and losses against the reference;
* ``sample``: ``{"n": N, "seed": S, "types": [...]}``, the selection the floor was measured on.  The
  floor applies only to a run of that same selection; other runs skip it (and say so).

A cell absent from the report (corpus not on this machine, kind not run) is skipped.
"""

from __future__ import annotations

from typing import Any

Floors = dict[str, dict[str, Any]]


def _selection_matches(run: dict[str, Any], want: dict[str, Any]) -> bool:
    types = sorted(want["types"]) if want.get("types") else None
    return bool(run.get("sample") == want.get("n") and run.get("seed") == want.get("seed", 0)
                and run.get("types") == types)


def _text_checks(key: str, row: dict[str, Any], limit: dict[str, Any]) -> list[str]:
    problems = []
    if row["f1"] < limit.get("f1", 0):
        problems.append(f"{key}: F1 {row['f1']} < floor {limit['f1']}")
    if row["leak"] > limit.get("leak", 1):
        problems.append(f"{key}: leak {row['leak']} > ceiling {limit['leak']}")
    if row["must_recall"] < limit.get("must_recall", 0):
        problems.append(f"{key}: must recall {row['must_recall']} < floor {limit['must_recall']}")
    if row["errors"] > limit.get("errors", 0):
        problems.append(f"{key}: {row['errors']} errors > {limit.get('errors', 0)}")
    return problems


def _meta_checks(key: str, fields: dict[str, dict[str, Any]], limit: dict[str, Any]) -> list[str]:
    problems = []
    for field, floor in limit.get("meta", {}).items():
        got = fields.get(field)
        if got is None:
            continue  # the field is not scored on this corpus
        if not isinstance(floor, dict):  # legacy: exact match where the gold has a value = recall
            if got["recall"] < floor:
                problems.append(f"{key}: {field} exact match (recall) {got['recall']} < floor {floor}")
            continue
        for measure in ("precision", "recall", "strict"):
            if measure in floor and got[measure] < floor[measure]:
                problems.append(f"{key}: {field} {measure} {got[measure]} < floor {floor[measure]}")
    return problems


def _versus_checks(key: str, vs: dict[str, Any] | None, limit: dict[str, Any]) -> list[str]:
    wanted = [m for m in ("max_catastrophic", "max_losses") if m in limit]
    if not wanted:
        return []
    if vs is None:
        return [f"{key}: no comparison with a reference in this run (add the reference to --systems)"]
    problems = []
    if vs["catastrophic"] > limit.get("max_catastrophic", vs["catastrophic"]):
        problems.append(f"{key}: {vs['catastrophic']} catastrophic pages against {vs['reference']} > "
                        f"{limit['max_catastrophic']}: {' '.join(vs['catastrophic_pages'])}")
    if vs["losses"] > limit.get("max_losses", vs["losses"]):
        problems.append(f"{key}: {vs['losses']} losses against {vs['reference']} > {limit['max_losses']}")
    return problems


def gate(report: dict[str, Any], floors: Floors) -> tuple[list[str], list[str]]:
    """(failures, skipped floors with the reason) of prclean's figures in ``report`` against ``floors``."""
    problems: list[str] = []
    skipped: list[str] = []
    cells = {(r["corpus"], r["kind"], "all"): r for r in report["table"] if r["system"] == "prclean"}
    cells.update({(r["corpus"], r["kind"], r["page_type"]): r for r in report.get("by_type", [])
                  if r["system"] == "prclean"})
    meta = {(m["corpus"], m["kind"]): m["fields"] for m in report["meta"] if m["system"] == "prclean"}
    versus = {(v["corpus"], v["kind"], v["page_type"]): v for v in report.get("versus", [])}
    runs = {r["corpus"]: r for r in report.get("runs", [])}
    for key, limit in floors.items():
        corpus, kind, page_type = (key.split("/", 2) + ["all"])[:3]
        row = cells.get((corpus, kind, page_type))
        if row is None:
            continue  # corpus absent on this machine, or this kind / type not run
        if "sample" in limit and not _selection_matches(runs.get(corpus, {}), limit["sample"]):
            skipped.append(f"{key}: measured on sample {limit['sample']}, this run differs")
            continue
        problems += _text_checks(key, row, limit)
        problems += _meta_checks(key, meta.get((corpus, kind), {}) if page_type == "all" else {}, limit)
        problems += _versus_checks(key, versus.get((corpus, kind, page_type)), limit)
    return problems, skipped


def check_floors(report: dict[str, Any], floors: Floors) -> list[str]:
    """Failures of the quality gate (see :func:`gate`)."""
    return gate(report, floors)[0]
