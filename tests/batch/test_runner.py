"""Batches: every input record yields exactly one output record, whatever goes wrong."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import sys
import time

import pytest
import regex

import prclean
import prclean.batch.runner as batch_mod
from prclean.batch.resume import repair_and_count
from prclean.batch.runner import dumps, run_batch
from prclean.batch.sources import Fields, Record, kind_of, read_inputs
from prclean.batch.warc import read_warc
from prclean.cli import main

from ..conftest import fixture_inputs


def _pages() -> list[tuple[str, bytes]]:
    return [(f"{p.parent.name}/{p.name}", p.read_bytes()) for p in fixture_inputs()]


def _write_jsonl(path, corrupt: bool = True) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rid, data in _pages():
            fh.write(json.dumps({"id": rid, "html": data.decode("utf-8", "replace"), "url": None}) + "\n")
            n += 1
        if corrupt:
            fh.write("{this is not json\n")
            fh.write(json.dumps({"id": "no-page", "title": "x"}) + "\n")
            fh.write(json.dumps({"id": "binary", "html": "\x00\x01\x02\x03" * 200}) + "\n")
            fh.write(json.dumps({"id": "empty", "html": ""}) + "\n")
            n += 4
    return n


def _write_warc(path, truncate: bool = False) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    n = 0
    for rid, data in _pages():
        if not rid.endswith(".html"):
            continue
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://example.com/{rid}", "response", payload=io.BytesIO(data),
                                        http_headers=headers)
        writer.write_record(rec)
        n += 1
    raw = buf.getvalue()
    path.write_bytes(raw[: len(raw) - 40] if truncate else raw)
    return n


def test_input_kind_from_name(tmp_path):
    assert kind_of("crawl.warc.gz") == "warc" and kind_of("pages.jsonl") == "jsonl" and kind_of("-") == "stdin"
    assert kind_of(str(tmp_path)) == "dir" and kind_of("page.html") == "file"


def test_jsonl_with_corrupt_records_keeps_every_line(tmp_path):
    src = tmp_path / "pages.jsonl"
    n = _write_jsonl(src)
    outs: list[dict] = []
    summary = run_batch(read_inputs([str(src)]), prclean.Options(), lambda line: outs.append(json.loads(line)), jobs=2)
    assert len(outs) == n == summary.docs
    ids = [o["id"] for o in outs]
    assert ids[:-4] == [rid for rid, _ in _pages()]  # input order kept
    errors = {o["id"]: o["error"]["type"] for o in outs if o["error"]}
    assert errors == {f"{src}:{n - 3}": "InvalidJSON", "no-page": "MissingField", "binary": "NotAPage"}
    assert summary.errors == {"InvalidJSON": 1, "MissingField": 1, "NotAPage": 1}


def test_custom_field_names(tmp_path):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"key": "a1", "body": "Title line\n\nA paragraph long enough to be a release body text here."
                               , "link": "https://x.example/a"}) + "\n")
    (rec,) = read_inputs([str(src)], Fields(html="body", text="body", url="link", id="key"))
    assert (rec.id, rec.url, rec.error) == ("a1", "https://x.example/a", None)


def test_folder_and_glob(fixtures_dir):
    recs = list(read_inputs([str(fixtures_dir)]))
    assert len([r for r in recs if "/input" in r.id]) == len(fixture_inputs())
    globbed = list(read_inputs([str(fixtures_dir / "*" / "input.html")]))
    assert len(globbed) == sum(1 for p in fixture_inputs() if p.name == "input.html")


def test_warc_and_truncated_warc(tmp_path):
    good = tmp_path / "crawl.warc.gz"
    n = _write_warc(good)
    recs = list(read_warc(str(good)))
    assert len(recs) == n and all(r.url.startswith("https://example.com/") and r.data for r in recs)
    bad = tmp_path / "cut.warc.gz"
    n = _write_warc(bad, truncate=True)
    recs = list(read_warc(str(bad)))
    assert len(recs) == n and all(r.error is None for r in recs[:-1]) and recs[-1].error[0] == "Truncated"


def test_truncated_gzip_jsonl_yields_an_error_record(tmp_path):
    raw = gzip.compress("".join(json.dumps({"id": str(i), "text": "Some text here."}) + "\n"
                                for i in range(50)).encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(raw[: len(raw) // 2])
    recs = list(read_inputs([str(src)]))
    assert recs[-1].error is not None and recs[-1].error[0] == "ReadError"


def _crashing_clean(data, **kwargs):
    if data in (b"CRASH", "CRASH"):
        os._exit(3)
    if data in (b"SLOW", "SLOW"):
        time.sleep(30)
    return prclean.api.clean(data, **kwargs)


def test_worker_crash_and_timeout_cost_one_record_each(monkeypatch):
    monkeypatch.setattr(batch_mod, "clean", _crashing_clean)  # forked workers inherit the patch
    pages = [b"Plain text line one.", b"CRASH", b"Another page of text.", b"SLOW", b"The last page."]
    recs = [Record(str(i), "test", data=p) for i, p in enumerate(pages)]
    outs: list[dict] = []
    run_batch(recs, prclean.Options(timeout=1.0), lambda line: outs.append(json.loads(line)), jobs=2)
    assert [o["id"] for o in outs] == ["0", "1", "2", "3", "4"]
    assert outs[1]["error"]["type"] == "WorkerCrash"
    assert outs[3]["error"]["type"] == "Timeout"
    assert all(outs[i]["error"] is None for i in (0, 2, 4))


def test_cli_batch_resume_and_output(tmp_path, capsys):
    src = tmp_path / "pages.jsonl"
    n = _write_jsonl(src, corrupt=False)
    out = tmp_path / "out.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()
    (tmp_path / "half.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "half.jsonl"), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    assert sum(repair_and_count(str(out)).values()) == 5
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--resume"]) == 0
    assert "skipped (already in output): 5" in capsys.readouterr().err
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(written) == n and len({w["id"] for w in written}) == n


def test_clean_many_in_order_with_typed_errors():
    pages = [p for _, p in _pages()][:4] + [b"%PDF-1.5 ...", {"id": "d", "text": "Headline\n\nBody text of a page."}]
    results = list(prclean.clean_many(pages, jobs=2))
    assert len(results) == 6
    assert [r.title for r in results[:4]] == [prclean.clean(p).title for p in pages[:4]]
    assert isinstance(results[4], prclean.NotAPage)
    assert isinstance(results[5], prclean.Release)


def test_output_line_is_stable_json():
    rec = {"id": "x", "text": "Grüße", "error": None}
    assert dumps(rec) == '{"id":"x","text":"Grüße","error":null}'


def test_dask_matches_local(tmp_path):
    distributed = pytest.importorskip("distributed")
    from prclean.batch.dask import clean_bag, run_on_scheduler

    src = tmp_path / "pages.jsonl"
    _write_jsonl(src)
    opts = prclean.Options()
    local: list[str] = []
    run_batch(read_inputs([str(src)]), opts, local.append, jobs=1)
    remote: list[str] = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        run_on_scheduler(client, read_inputs([str(src)]), opts, remote.append, partition=4)
        import dask.bag as db

        recs = [r for r in read_inputs([str(src)]) if r.error is None][:3]
        bagged = clean_bag(db.from_sequence(recs, npartitions=2), opts).compute()
    assert remote == local
    assert [dumps(o) for o in bagged] == local[:3]


def test_stdin_unordered_and_max_bytes(tmp_path, monkeypatch, capsys):
    lines = [json.dumps({"id": f"r{i}", "text": "Headline\n\n" + f"Paragraph {i} of a short page with words."})
             for i in range(12)]
    lines.append(json.dumps({"id": "big", "html": "<p>" + "x" * 5000 + "</p>"}))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(("\n".join(lines) + "\n").encode())))
    out = tmp_path / "out.jsonl"
    assert main(["batch", "-", "-o", str(out), "--jobs", "2", "--unordered", "--max-bytes", "2000", "--quiet"]) == 4
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(w["id"] for w in written) == sorted([f"r{i}" for i in range(12)] + ["big"])
    assert next(w for w in written if w["id"] == "big")["error"]["type"] == "InputTooLarge"
    assert capsys.readouterr().err == ""  # --quiet: no bar, no summary


PAGE = ("Harbour bakery opens\n\nThe cooperative opened a second bakery in the harbour district this spring, its "
        "chair said on Monday. It will employ twelve bakers and sell bread to the three schools nearby.")


def _warc(path, n: int, gzipped: bool = True, extra=()) -> list[int]:
    """A WARC of ``n`` page responses (plus ``extra`` (status, content type) responses); member offsets."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    offsets = []
    for i, (status, ctype) in enumerate([("200 OK", "text/html; charset=utf-8")] * n + list(extra)):
        offsets.append(buf.tell())
        body = f"<html><body><h1>Release {i}</h1><p>{PAGE.split(chr(10))[-1]} Number {i}.</p></body></html>"
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://example.com/{i}", "response", payload=io.BytesIO(body.encode()),
                                        http_headers=headers, warc_headers_dict={"WARC-Date": f"2025-01-0{1 + i % 9}T00:00:00Z"})
        writer.write_record(rec)
    offsets.append(buf.tell())
    path.write_bytes(buf.getvalue())
    return offsets


@pytest.mark.parametrize("gzipped", [True, False])
@pytest.mark.parametrize("damage", ["overwrite", "cut"])
def test_warc_reading_resumes_after_a_damaged_member(tmp_path, gzipped, damage):
    """One damaged gzip member in the middle dropped every record after it (199 of 398), exit 0."""
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    offsets = _warc(path, 30, gzipped)
    raw = bytearray(path.read_bytes())
    k = 12
    if damage == "overwrite":  # garbage inside record k (its header, so even plain WARC notices)
        raw[offsets[k] + 5: offsets[k] + 60] = b"\xff" * 55
    else:  # bytes lost from the middle of record k to the middle of record k + 1
        raw = raw[: (offsets[k] + offsets[k + 1]) // 2] + raw[(offsets[k + 1] + offsets[k + 2]) // 2:]
    path.write_bytes(bytes(raw))
    recs = list(read_warc(str(path)))
    good = [r for r in recs if r.error is None]
    damaged = [r for r in recs if r.error is not None]
    # one damaged stretch: when warcio reads on through the damage into record k + 1 (it does for some
    # compressed bytes, which the random record ids vary), the stretch is reported as two adjacent ranges
    assert 1 <= len(damaged) <= 2 and {r.error[0] for r in damaged} == {"Damaged"}
    assert f"bytes {offsets[k]}-" in damaged[0].error[1]
    ranges = [regex.search(r"bytes (\d+)-(\d+)", r.error[1]).groups() for r in damaged]
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(ranges))  # adjacent: one stretch
    assert 30 - 3 <= len(good) <= 30 - (1 if damage == "overwrite" else 2)
    assert [r.url for r in good][-1] == "https://example.com/29"  # everything after the damage was read
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "-o", str(out), "--jobs", "1", "--quiet"]) == 1  # input was lost
    assert len(out.read_text().splitlines()) == len(recs)


def test_warc_non_pages_are_skipped_with_a_reason_and_pages_carry_date_and_status(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, 2, extra=[("404 Not Found", "text/html"), ("200 OK", "image/png"), ("301 Moved", "text/html")])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "-o", str(out), "--jobs", "1", "--quiet"]) == 0  # skipping is no failure
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [o["url"] for o in lines] == [f"https://example.com/{i}" for i in range(5)]
    assert [o["http_status"] for o in lines] == [200, 200, 404, 200, 301]
    assert lines[0]["warc_date"] == "2025-01-01T00:00:00Z" and lines[0]["error"] is None and lines[0]["text"]
    assert [o["error"]["type"] for o in lines[2:]] == ["Skipped"] * 3
    assert "404" in lines[2]["error"]["message"] and "image/png" in lines[3]["error"]["message"]


def test_warc_charset_that_is_not_a_text_codec_is_ignored(tmp_path):
    path = tmp_path / "crawl.warc"
    _warc(path, 0, gzipped=False, extra=[("200 OK", "text/html; charset=hex")])
    (rec,) = read_warc(str(path))
    assert rec.encoding == "hex"
    out = batch_mod.clean_record(rec, prclean.Options())
    assert out["error"] is None and "second bakery" in out["text"]


def test_resume_repairs_a_torn_last_line_and_resumes_duplicates_by_position(tmp_path):
    """A torn last line got the next record glued onto it; duplicate ids were all skipped."""
    src = tmp_path / "in.jsonl"
    ids = ["a", "dup", "b", "dup", "c", "dup"]
    src.write_text("".join(json.dumps({"id": rid, "text": f"{PAGE} Record {i}."}) + "\n" for i, rid in enumerate(ids)))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    full = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(full[:2]) + full[2][:25])  # killed while writing the third line
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--resume", "--quiet"]) == 0
    assert out.read_bytes() == b"".join(full)
    out.write_bytes(b"".join(full[:4]) + full[4].rstrip(b"\n"))  # killed between a line and its newline
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--resume", "--quiet"]) == 0
    assert out.read_bytes() == b"".join(full)


def test_resume_needs_an_output_file(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n")
    assert main(["batch", str(src), "--resume"]) == 2
    assert "--resume needs -o" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["nofile.warc.gz", "nofile.jsonl", "nofile.html", "nodir/", "no*match*.html"])
def test_a_missing_input_is_an_error(tmp_path, name):
    """A cron job with a typo reported success: every one of these exited 0."""
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / name), "-o", str(out), "--quiet"]) == 1
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["error"]["type"] == "NotFound"


def test_exit_status_tells_all_fine_from_some_records_failed(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n" + json.dumps({"id": "bin", "html": "\x00\x01" * 99}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(good), "-o", str(out), "--quiet"]) == 0
    assert main(["batch", str(bad), "-o", str(out), "--quiet"]) == 4


def test_no_removed_leaves_the_key_out(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--no-removed", "--quiet"]) == 0
    assert "removed" not in json.loads(out.read_text())
    assert main(["batch", str(src), "-o", str(out), "--quiet"]) == 0
    assert "removed" in json.loads(out.read_text())


def test_clean_dataframe_reads_missing_values_as_absent():
    """A missing url (pd.NA) turned into an InternalError."""
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from prclean.batch.dask import clean_dataframe

    frame = pd.DataFrame({"html": [PAGE, PAGE, None], "url": ["https://x.example/a", pd.NA, None]})
    result = clean_dataframe(dd.from_pandas(frame, npartitions=1)).compute(scheduler="sync")
    assert result["prclean_error"].isna().tolist() == [True, True, False]  # (pandas shows None as NaN)
    assert result["prclean_error"].iloc[2] == "MissingField"
    assert "second bakery" in result["prclean_text"].iloc[1]


def test_the_progress_bar_has_a_total_when_the_input_size_is_known(tmp_path, monkeypatch, capsys):
    from prclean.batch.sources import input_size

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": PAGE}) + "\n" for i in range(3)))
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text(PAGE)
    assert input_size([str(src), str(tmp_path / "dir")]) == src.stat().st_size + len(PAGE)
    assert input_size([str(src), "-"]) is None  # standard input: no total
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1"]) == 0
    size = src.stat().st_size
    assert f"| 0.00/{size} [" in capsys.readouterr().err  # bytes read of a known total, with an ETA


def test_clean_many_checks_its_arguments():
    for kwargs in ({"jobs": -1}, {"jobs": 1.5}, {"ordered": "no"}, {"timeout": -2}):
        with pytest.raises(prclean.InvalidArgument):
            prclean.clean_many([PAGE], **kwargs)


def test_a_folder_matched_by_a_glob_is_skipped_not_lost(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "sub").mkdir()
    recs = list(read_inputs([str(tmp_path / "*")]))
    assert [(os.path.basename(r.id), r.error[0] if r.error else None) for r in recs] == [("a.txt", None),
                                                                                        ("sub", "Skipped")]
