"""The command line, driven through its entry point."""

from __future__ import annotations

import json

from prclean.cli import main


def test_clean_prints_body(fixtures_dir, capsys):
    path = fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt"
    assert main(["clean", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TUCSON, Ariz., March 3, 2026 /PRNewswire/")
    assert "Send a Release" not in out


def test_clean_json_and_markdown(fixtures_dir, capsys):
    path = fixtures_dir / "businesswire-lynx-biotech" / "input.lynx.txt"
    assert main(["clean", str(path), "--format", "json", "--drop-forward-looking"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["wire"] == "Business Wire" and "forward-looking statements" not in data["text"]
    assert main(["clean", str(path), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Corvane Therapeutics Reports")


def test_clean_reports_no_release(fixtures_dir, capsys):
    assert main(["clean", str(fixtures_dir / "all-chrome-listing" / "input.w3m.txt")]) == 3
    assert "no release" in capsys.readouterr().err


def test_clean_typed_error_exit_code(tmp_path, capsys):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7 binary")
    assert main(["clean", str(pdf)]) == 1
    assert "NotAPage" in capsys.readouterr().err


def test_detect_lists_labels(fixtures_dir, capsys):
    assert main(["detect", str(fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt"), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "language-list" in out and "wire-trailer" in out and "\x1b[" not in out
    assert main(["detect", str(fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt"), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_bench_and_gate(fixtures_dir, tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"fixtures/text": {"f1": 0.99, "leak": 0.0}}))
    report = tmp_path / "r.json"
    assert main(["bench", str(fixtures_dir), "--systems", "prclean,raw,c4", "--json", str(report),
                 "--gate", str(floors)]) == 0
    out = capsys.readouterr().out
    assert "| fixtures | text | prclean |" in out
    rows = json.loads(report.read_text())["table"]
    f1 = {(r["system"], r["kind"]): r["f1"] for r in rows}
    assert f1[("prclean", "text")] > f1[("raw", "text")] and f1[("prclean", "text")] > f1[("c4", "text")]
    floors.write_text(json.dumps({"fixtures/text": {"f1": 1.01}}))
    assert main(["bench", str(fixtures_dir), "--systems", "prclean", "--gate", str(floors)]) == 1
    floors.write_text(json.dumps({"fixtures/html": {"meta": {"issuer": 1.01}}}))  # metadata floors too
    assert main(["bench", str(fixtures_dir), "--systems", "prclean", "--gate", str(floors)]) == 1
    assert "issuer exact match" in capsys.readouterr().err
