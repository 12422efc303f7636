"""The harness: page-by-page comparison with a reference, page types, found, metadata precision and
recall, fair timing (warm-up, CPU time), the gate's floors and the speed benchmark.  Corpora are tiny
synthetic ones written by the tests."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from prclean.bench import systems as systems_mod
from prclean.bench.corpus import Selection
from prclean.bench.gate import gate
from prclean.bench.harness import run_bench
from prclean.bench.report import found_table, versus
from prclean.bench.systems import SYSTEMS, Output, System
from prclean.cli import main

from .test_corpus import write_case

BODY = ("The harbour board approved a new breakwater for the fishing fleet on Tuesday. "
        "Work starts in May and is expected to last two years, the board said in its statement. "
        "Fishermen had asked for better shelter from winter storms for more than a decade.")


def row(case: str, system: str, p: float, r: float, page_type: str | None = "article",
        found: bool = True, expected_empty: bool = False) -> dict[str, Any]:
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"corpus": "web", "case": case, "input": "input.html.gz", "flavor": "html", "kind": "html",
            "page_type": page_type, "system": system, "precision": p, "recall": r, "f1": f1,
            "must": [0, 0], "must_not": [0, 0], "found": found, "expected_empty": expected_empty, "meta": {},
            "error": None, "seconds": 0.01, "bytes": 100}


def test_versus_counts_wins_losses_and_catastrophic_pages():
    rows = [row("a", "prclean", 1.0, 0.2), row("a", "ref", 1.0, 0.9),  # catastrophic, and a loss
            row("b", "prclean", 1.0, 1.0), row("b", "ref", 0.5, 0.5),  # a win
            row("c", "prclean", 0.9, 0.9), row("c", "ref", 0.95, 0.95),  # a tie (within 0.2)
            row("d", "prclean", 0.0, 0.1, "listing"), row("d", "ref", 0.5, 0.5, "listing"),  # loss, ref < 0.7
            row("e", "prclean", 0.5, 0.5)]  # no reference row: not compared
    got = {(v["kind"], v["page_type"]): v for v in versus(rows, "ref")}
    allp = got[("html", "all")]
    assert (allp["pages"], allp["wins"], allp["losses"], allp["catastrophic"]) == (4, 1, 2, 1)
    assert allp["catastrophic_pages"] == ["a"]
    assert (got[("html", "listing")]["losses"], got[("html", "listing")]["catastrophic"]) == (1, 0)


def test_found_table_by_page_type_and_by_gold():
    rows = [row("a", "prclean", 1, 1, "article"), row("b", "prclean", 0, 0, "listing", found=False),
            row("c", "prclean", 0, 0, None, found=False, expected_empty=True),
            row("d", "prclean", 1, 1, None), row("a", "ref", 1, 1, "article", found=False)]
    got = {(f["page_type"]): (f["found"], f["not_found"]) for f in found_table(rows)}
    assert got == {"article": (1, 0), "listing": (0, 1), "gold:empty": (0, 1), "gold:body": (1, 0)}


@pytest.fixture
def web(tmp_path):
    root = tmp_path / "web"
    for i in range(6):
        write_case(root, f"{i:04d}", BODY.replace("harbour", f"harbour {i}"), "article" if i < 4 else "listing")
    return root


def test_run_bench_breaks_down_by_type_and_compares(web):
    report = run_bench([web], ["prclean", "raw"], Selection(kinds=("html", "md")), reference="raw")
    kinds = {(r["system"], r["kind"]) for r in report["table"]}
    assert {("prclean", "html"), ("prclean", "text:md"), ("raw", "html")} <= kinds
    types = {(r["system"], r["kind"], r["page_type"]): r["docs"] for r in report["by_type"]}
    assert types[("prclean", "html", "article")] == 4 and types[("prclean", "html", "listing")] == 2
    vs = {(v["kind"], v["page_type"]): v for v in report["versus"]}
    assert vs[("html", "all")]["pages"] == 6 and vs[("html", "all")]["reference"] == "raw"
    assert sum(f["found"] + f["not_found"] for f in report["found"] if f["kind"] == "html") == 6
    assert report["runs"][0]["pages"] == 6 and report["runs"][0]["kinds"] == ["html", "md"]


def test_no_reference_no_comparison(web):
    report = run_bench([web], ["prclean"], Selection(kinds=("html",)))
    assert report["reference"] is None and report["versus"] == []


def test_metadata_scored_only_where_the_gold_has_the_field(web):
    report = run_bench([web], ["prclean", "raw"], Selection(kinds=("html",)), reference=None)
    fields = {m["system"]: m["fields"] for m in report["meta"]}
    assert set(fields["prclean"]) == {"title", "author", "date"}  # web gold: no release-only fields
    assert "raw" not in fields  # a system that gives no metadata is not charged misses
    assert fields["prclean"]["title"]["cases"] == 6


def _fake(monkeypatch: pytest.MonkeyPatch, name: str, run: Any) -> None:
    monkeypatch.setitem(SYSTEMS, name, System(name, lambda data, kind, gold: data, run))


def test_warm_up_keeps_first_call_cost_out_of_the_timing(web, monkeypatch):
    calls = []

    def slow_start(data: bytes) -> Output:
        if not calls:  # the first call pays a (CPU-bound) start-up
            end = time.process_time() + 0.3
            while time.process_time() < end:
                pass
        calls.append(1)
        return Output(data.decode(), {}, True)

    _fake(monkeypatch, "slowstart", slow_start)
    report = run_bench([web], ["slowstart"], Selection(kinds=("html",)))
    assert len(calls) == 7  # one warm-up call, then the six timed ones
    assert max(r["seconds"] for r in report["cases"]) < 0.1


def test_speed_is_cpu_time(web, monkeypatch):
    def sleeper(data: bytes) -> Output:
        time.sleep(0.05)  # waiting costs wall time, not CPU time
        return Output("", {}, False)

    _fake(monkeypatch, "sleeper", sleeper)
    report = run_bench([web], ["sleeper"], Selection(kinds=("html",), sample=2, seed=0))
    assert sum(r["seconds"] for r in report["cases"]) < 0.05


def test_a_crashing_system_is_a_data_point(web, monkeypatch):
    def crash(data: bytes) -> Output:
        raise RuntimeError("boom")

    _fake(monkeypatch, "crash", crash)
    report = run_bench([web], ["crash"], Selection(kinds=("html",)))
    assert report["table"][0]["errors"] == 6 and report["table"][0]["f1"] == 0.0
    assert report["cases"][0]["error"] == "RuntimeError: boom"


def test_justext_stoplist_follows_the_language():
    pytest.importorskip("justext")
    german = "<html><body><p>Die Stadt hat mit dem Bau der neuen Brücke begonnen, die über den Fluss " \
             "führen wird und im nächsten Jahr fertig sein soll. Sie ist für den Verkehr wichtig.</p></body></html>"
    assert systems_mod.guess_stoplist(german, None) == "German"
    assert systems_mod.guess_stoplist(german, "fr-FR") == "French"  # the gold's language wins
    assert systems_mod.guess_stoplist("<p>新しい橋の建設が始まりました。</p>", None) is None
    assert systems_mod.guess_stoplist('<html lang="nl-NL"><p>The bridge.</p>', None) == "Dutch"  # its own tag
    assert systems_mod.guess_stoplist("<p>Le conseil a approuvé le projet pour les pêcheurs et la ville.</p>",
                                      "ja") == "French"  # no stoplist for ja: counted from the page


def test_stoplist_guess_is_not_won_by_the_biggest_list(monkeypatch):
    """jusText's big Wikipedia stoplists hold English words too: a list 100 times bigger that also
    covers a few content words must not beat the English list on an English page."""
    small = frozenset({"the", "and", "of", "to", "in", "said"})
    big = small | {"board", "harbour"} | {f"w{i}" for i in range(600)}
    monkeypatch.setattr(systems_mod, "_stoplists", lambda: {"English": small, "Finnish": big})
    page = "<p>The harbour board said the work on the pier and the quay starts in May, to the joy of all.</p>"
    assert systems_mod.guess_stoplist(page, None) == "English"


def floors_file(tmp_path, floors):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors), encoding="utf-8")
    return str(path)


def test_gate_sample_cells_catastrophic_and_meta_floors(web, tmp_path, capsys):
    args = ["bench", str(web), "--systems", "prclean,raw", "--reference", "raw", "--kinds", "html",
            "--sample", "5", "--seed", "3", "--json", str(tmp_path / "r.json")]
    sample = {"n": 5, "seed": 3}
    ok = {"web/html": {"sample": sample, "f1": 0.5, "max_catastrophic": 0, "max_losses": 0,
                       "meta": {"title": {"precision": 0.0}}},
          "web/html/article": {"sample": sample, "f1": 0.5}}
    assert main([*args, "--gate", floors_file(tmp_path, ok)]) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["runs"][0]["sample"] == 5 and len({r["case"] for r in report["cases"]}) == 5
    problems, _ = gate(report, {"web/html": {"max_catastrophic": -1, "meta": {"title": {"strict": 1.01}}},
                                "web/html/listing": {"f1": 1.01}})
    assert len(problems) == 3 and any("catastrophic" in p for p in problems)
    assert any("title strict" in p for p in problems) and any("web/html/listing" in p for p in problems)
    # a floor measured on another sample is not applied to this run, and says so
    other = {"web/html": {"sample": {"n": 50, "seed": 1}, "f1": 1.01}}
    assert main([*args, "--gate", floors_file(tmp_path, other)]) == 0
    assert "not applied web/html" in capsys.readouterr().err
    # a catastrophic floor needs the reference in the run
    assert main(["bench", str(web), "--systems", "prclean", "--kinds", "html", "--sample", "5", "--seed", "3",
                 "--gate", floors_file(tmp_path, ok)]) == 1
    assert "no comparison with a reference" in capsys.readouterr().err


def test_gate_skips_absent_corpora(tmp_path):
    report = {"table": [], "meta": [], "runs": []}
    assert gate(report, {"web/html": {"f1": 0.9, "max_catastrophic": 0}}) == ([], [])


def test_cli_reads_public_layout_and_rejects_bad_truth(tmp_path, capsys):
    root = tmp_path / "pub"
    (root / "html").mkdir(parents=True)
    (root / "html" / "p1.html").write_text(f"<html><body><article><p>{BODY}</p></article></body></html>")
    (root / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": BODY}}))
    assert main(["bench", str(root), "--systems", "prclean,raw", "--reference", "raw"]) == 0
    out = capsys.readouterr().out
    assert "| pub | html | prclean | 1 | 0 |" in out
    (root / "ground-truth.json").write_text("[1, 2]")
    assert main(["bench", str(root), "--systems", "prclean"]) == 0  # a list without ids: no pages, no crash
    (root / "ground-truth.json").write_text("{broken")
    assert main(["bench", str(root), "--systems", "prclean"]) == 2
    assert "prclean bench:" in capsys.readouterr().err


def test_chart_is_written(tmp_path, fixtures_dir):
    pytest.importorskip("matplotlib")
    chart = tmp_path / "chart.png"
    assert main(["bench", str(fixtures_dir), "--systems", "prclean,raw", "--kinds", "md",
                 "--chart", str(chart)]) == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_speed_report(web, tmp_path, capsys):
    from prclean.bench.speed import run_speed, speed_markdown

    report = run_speed([web], ["prclean", "raw"], Selection(kinds=("html", "w3m")), import_runs=0, repeat=2000)
    cells = {(r["system"], r["kind"]): r for r in report["table"]}
    assert cells[("prclean", "html")]["docs"] == 6 and cells[("prclean", "text:w3m")]["docs"] == 6
    assert cells[("prclean", "html")]["cpu_s"] > 0 and cells[("prclean", "html")]["errors"] == 0
    assert report["repeated_lines"]["lines"] == 2000 and report["repeated_lines"]["mb"] == 0.02
    table = speed_markdown(report)
    assert "| web | html | 6 | " in table and "prclean docs/s (MB/s)" in table
    out = tmp_path / "speed.json"
    assert main(["bench", "--speed", str(web), "--systems", "prclean", "--kinds", "html",
                 "--repeat-lines", "0", "--import-runs", "1", "--json", str(out)]) == 0
    speed = json.loads(out.read_text())
    assert speed["table"][0]["system"] == "prclean" and speed["repeated_lines"] is None
    assert speed["import"]["runs"] == 1 and 0 < speed["import"]["median_s"] < 10
