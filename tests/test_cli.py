"""The command line, driven through its entry point."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys

import pytest

from prclean.cli import build_parser, main


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


def test_version(capsys):
    import prclean

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"prclean {prclean.__version__}"


def test_bare_prclean_prints_help_not_an_argparse_error(capsys):
    assert main([]) == 2
    captured = capsys.readouterr()
    assert "usage: prclean" in captured.out and "clean" in captured.out and "Exit status" in captured.out
    assert "error:" not in captured.err


def test_exit_codes_are_documented_in_help(capsys):
    for argv in (["--help"], ["batch", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130"):
            assert f"\n  {code}" in text, (argv, code)


def _actions(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _actions(sub)
        elif not isinstance(action, argparse._HelpAction):
            yield parser.prog, action


def test_every_option_has_help():
    missing = [f"{prog} {action.dest}" for prog, action in _actions(build_parser())
               if not action.help or action.help == argparse.SUPPRESS]
    assert missing == []


def test_verbose_shows_the_info_message_about_a_changed_wire_layout(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><body><div class='story'><p>prnewswire</p><p>TUCSON, Ariz., March 3, 2026 /PRNewswire/ "
                    "-- The cooperative opened a second bakery in the harbour district this spring, its chair said "
                    "on Monday.</p></div></body></html>")
    url = "https://www.prnewswire.com/news-releases/bakery-301.html"
    assert main(["clean", str(page), "--url", url]) == 0
    assert "changed" not in capsys.readouterr().err and "markers" not in capsys.readouterr().err
    assert main(["clean", str(page), "--url", url, "-v"]) == 0
    assert "PR Newswire markers but none of its body containers" in capsys.readouterr().err
    assert main(["--log-level", "info", "clean", str(page), "--url", url]) == 0
    assert "PR Newswire markers" in capsys.readouterr().err


def test_clean_takes_several_files_and_page_options(fixtures_dir, tmp_path, capsys):
    one = fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt"
    two = fixtures_dir / "businesswire-lynx-biotech" / "input.lynx.txt"
    assert main(["clean", str(one), str(two), "--format", "json", "--timeout", "10", "--encoding", "utf-8",
                 "--max-bytes", "1000000", "--no-removed"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in rows] == [str(one), str(two)] and all("removed" not in r for r in rows)
    assert main(["clean", str(one), str(two)]) == 0
    text = capsys.readouterr().out
    assert f"==> {one} <==" in text and f"==> {two} <==" in text
    assert main(["clean", str(one), "--max-bytes", "100"]) == 1
    assert "InputTooLarge" in capsys.readouterr().err
    assert main(["clean", str(one), str(tmp_path / "missing.html")]) == 1  # one missing file is an error
    assert "NotAFile" in capsys.readouterr().err


def test_clean_reads_gzip_pages(fixtures_dir, tmp_path, capsys):
    """`prclean clean page.html.gz` said NotAPage: input is a gzip data."""
    page = fixtures_dir / "prnewswire-html-retail" / "input.html"
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(page.read_bytes()))
    assert main(["clean", str(page)]) == 0
    plain = capsys.readouterr().out
    assert main(["clean", str(packed)]) == 0
    assert capsys.readouterr().out == plain


@pytest.mark.parametrize("argv,message", [
    (["clean", "x", "--timeout", "-1"], "seconds must be"), (["clean", "x", "--timeout", "inf"], "seconds must be"),
    (["clean", "x", "--max-bytes", "0"], "must be > 0"), (["batch", "x", "--jobs", "-1", "-o", "o"], "--jobs"),
])
def test_bad_option_values_are_usage_errors(argv, message, capsys):
    try:
        assert main(argv) == 2
    except SystemExit as stop:
        assert stop.code == 2
    assert message in capsys.readouterr().err


def test_a_missing_extra_gets_a_one_line_install_hint(monkeypatch, tmp_path, capsys):
    from prclean import cli

    real = cli.importlib.util.find_spec
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name))
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    assert main(["batch", str(src), "--scheduler", "tcp://127.0.0.1:1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "prclean: --scheduler needs distributed: pip install 'prclean[dask]'"


def test_a_closed_pipe_ends_quietly(fixtures_dir):
    """`prclean clean F | head -1` printed [Errno 32] Broken pipe and exited 1."""
    page = fixtures_dir / "businesswire-lynx-biotech" / "input.lynx.txt"
    for args in (["clean", str(page)], ["detect", str(page)], ["batch", str(fixtures_dir), "--quiet", "--jobs", "1"]):
        proc = subprocess.Popen([sys.executable, "-m", "prclean", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.stdout.close()  # like head -1
        assert proc.wait(60) == 0, args
        assert proc.stderr is not None and proc.stderr.read() == b"", args


def test_stdin_is_read_with_max_bytes(monkeypatch, capsys):
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(zero))
        assert main(["clean", "-", "--max-bytes", "100000"]) == 1
    assert "InputTooLarge" in capsys.readouterr().err


def test_chart_without_matplotlib_stops_before_the_benchmark(monkeypatch, fixtures_dir, tmp_path, capsys):
    from prclean import cli

    real = cli.importlib.util.find_spec
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name))
    assert main(["bench", str(fixtures_dir), "--systems", "prclean", "--chart", str(tmp_path / "c.png")]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == "prclean: --chart needs matplotlib: pip install 'prclean[bench]'"
    assert captured.out == ""  # no benchmark ran


def test_markdown_format_keeps_headings_and_lists(fixtures_dir, capsys):
    """`--format markdown` marked only the title and subtitle; it now writes the release's structure."""
    page = fixtures_dir / "clean-article-html" / "input.html"
    assert main(["clean", str(page), "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("# ")
    assert any(line.startswith("## ") for line in lines) and any(line.startswith(("- ", "1. ")) for line in lines)
