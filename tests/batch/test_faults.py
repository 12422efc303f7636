"""A batch under fault: hostile records, hung and crashing workers, a killed parent.

Each test is a failure the reliability trial found (issue 11): the batch must write exactly one
line per input record, hold each record to its budget from outside, and leave no process behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import prclean
import prclean.batch.runner as batch_mod
from prclean.batch.dask import clean_partition
from prclean.batch.runner import Keyed, run_batch
from prclean.batch.sources import Record, read_inputs
from prclean.cli import main

PAGE = ("Harbour bakery opens\n\nThe cooperative opened a second bakery in the harbour district this spring, its "
        "chair said on Monday. It will employ twelve bakers and sell bread to the three schools nearby.")
BUDGET = 0.5  # seconds: small, so the suite stays fast


def _hanging_clean(data, **kwargs):
    """A page stuck where no alarm reaches (SIGALRM blocked, as inside a long C call)."""
    if data in (b"HANG", "HANG"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if data in (b"CRASH", "CRASH"):
        os._exit(3)
    return prclean.api.clean(data, **kwargs)


def _lines(path: Path) -> list[dict]:
    raw = path.read_bytes()
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]  # strict UTF-8: valid output


def test_a_jsonl_line_nested_1000_deep_is_one_error_line(tmp_path):
    """The trial's 2 KB line made json.loads raise RecursionError and the batch wrote nothing."""
    deep = '{"id":"x","deep":' + "[" * 1000 + "]" * 1000 + "}"
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps({"id": "a", "text": PAGE}), deep, json.dumps({"id": "b", "text": PAGE})])
                   + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--quiet"]) == 4
    lines = _lines(out)
    assert [o["id"] for o in lines] == ["a", "x", "b"]
    assert lines[1]["error"]["type"] == "InvalidJSON" and lines[0]["error"] is None and lines[2]["error"] is None


@pytest.mark.parametrize("line,expected_id", [
    ('{"id":"early","html":"' + "a" * 300_000 + '"}', "early"),
    ('{"html":"' + "a" * 300_000 + '","id":"late"}', "in.jsonl:2"),  # its id is past what is read cheaply
    ('{"id":7,"html":' + "[" * 100_000, "7"),
    ("not json at all", "in.jsonl:2"),
    ('{"id":"t","text":5}', "t"),
    ('["a list"]', "in.jsonl:2"),
    ('{"id":"bad-utf8","text":"caf\xe9"}', "bad-utf8"),  # not UTF-8: unreadable, but its id is
])
def test_any_broken_jsonl_line_is_its_own_error_line(tmp_path, line, expected_id):
    src = tmp_path / "in.jsonl"
    body = json.dumps({"id": "ok", "text": PAGE}).encode() + b"\n" + line.encode("latin-1") + b"\n"
    src.write_bytes(body + json.dumps({"id": "after", "text": PAGE}).encode() + b"\n")
    recs = list(read_inputs([str(src)], max_bytes=50_000))
    assert [r.id for r in recs] == ["ok", expected_id.replace("in.jsonl", str(src)), "after"]
    assert recs[1].error is not None and recs[0].error is None and recs[2].error is None


def test_a_line_over_the_limit_is_never_held_whole(tmp_path, monkeypatch):
    """Lines are read in bounded pieces: a line far over the limit costs its error line, no more."""
    from prclean.batch import jsonl

    seen: list[int] = []
    real = jsonl._skip_line

    def spy(fh):
        seen.append(1)
        return real(fh)

    monkeypatch.setattr(jsonl, "_skip_line", spy)
    src = tmp_path / "in.jsonl"
    with open(src, "wb") as fh:
        fh.write(b'{"id":"huge","html":"' + b"x" * 5_000_000 + b'"}\n')
        fh.write(json.dumps({"id": "next", "text": PAGE}).encode() + b"\n")
    recs = list(read_inputs([str(src)], max_bytes=1000))
    assert [(r.id, r.error[0] if r.error else None) for r in recs] == [("huge", "InputTooLarge"), ("next", None)]
    assert seen == [1]


def test_surrogates_and_non_utf8_file_names_give_valid_utf8_json(tmp_path, capsysbinary):
    """A lone surrogate in an id or a page, or a file name that is not UTF-8, aborted the batch."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "plain.txt").write_text(PAGE, encoding="utf-8")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(odd, "wb") as fh:
        fh.write(PAGE.encode())
    src = tmp_path / "in.jsonl"
    src.write_text('{"id":"sur\\ud800rogate","text":"Headline\\n\\nBody text with a lone \\udc00 surrogate in it."}\n')
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), str(src), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    lines = _lines(out)
    assert [o["id"] for o in lines] == ["caf\udce9.txt", "plain.txt", "sur\ud800rogate"]
    assert os.fsencode(os.path.join(folder, lines[0]["id"])) == odd  # the escaped name leads back to the file
    assert all(o["error"] is None for o in lines)
    assert main(["batch", str(src), "--jobs", "1", "--quiet"]) == 0  # standard output: valid UTF-8 too
    stdout = capsysbinary.readouterr().out
    assert json.loads(stdout.decode("utf-8"))["id"] == "sur\ud800rogate"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX links and FIFOs")
def test_a_folder_gives_up_only_its_own_regular_files(tmp_path):
    """A link to /proc/self/environ wrote the batch's environment (secrets) into the output."""
    outside = tmp_path / "secret.txt"
    outside.write_text("CANARY-SECRET-TOKEN " * 20)
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.txt").write_text(PAGE)
    (folder / "sub" / "inner.txt").write_text(PAGE)
    os.symlink(outside, folder / "link-out.txt")
    os.symlink("/proc/self/environ", folder / "environ.txt")
    os.symlink(folder / "sub" / "inner.txt", folder / "link-in.txt")
    os.symlink(tmp_path, folder / "link-dir")
    os.symlink(folder / "missing", folder / "dangling.txt")
    os.mkfifo(folder / "fifo")
    out = tmp_path / "out.jsonl"
    start = time.monotonic()
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    assert time.monotonic() - start < 30  # the FIFO was not opened for reading
    raw = out.read_bytes()
    assert b"CANARY" not in raw and os.environ.get("PATH", "x").encode() not in raw
    by_id = {o["id"]: o for o in _lines(out)}
    assert set(by_id) == {"page.txt", "sub/inner.txt", "link-out.txt", "environ.txt", "link-in.txt", "link-dir",
                          "dangling.txt", "fifo"}
    assert by_id["link-in.txt"]["error"] is None and "second bakery" in by_id["link-in.txt"]["text"]
    for rid in ("link-out.txt", "environ.txt", "link-dir", "dangling.txt", "fifo"):
        assert by_id[rid]["error"]["type"] == "Skipped", rid
    assert "outside the input folder" in by_id["environ.txt"]["error"]["message"]
    assert "FIFO" in by_id["fifo"]["error"]["message"]


def test_output_naming_an_input_is_refused(tmp_path):
    """`-o` naming the input truncated the input to 0 bytes, exit 0."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n")
    before = src.read_bytes()
    assert main(["batch", str(src), "-o", str(src), "--quiet"]) == 2
    assert main(["batch", str(tmp_path / "*.jsonl"), "-o", str(src), "--quiet"]) == 2
    assert src.read_bytes() == before


def test_output_inside_the_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    by_id = {o["id"]: o for o in _lines(out)}
    assert by_id["page.txt"]["error"] is None
    assert by_id["out.jsonl"]["error"]["type"] == "Skipped"


def _records(n: int) -> list[Record]:
    return [Record(str(i), "t", data=f"{PAGE} Record {i}.") for i in range(n)]


def test_a_hung_worker_is_killed_at_its_budget_and_the_others_do_not_wait(monkeypatch):
    """Work that no alarm interrupts (inside C code) held the batch for (timeout+5)x8 seconds."""
    monkeypatch.setattr(batch_mod, "clean", _hanging_clean)  # forked workers inherit the patch
    recs = _records(6)
    recs[1] = Record("1", "t", data=b"HANG")
    lines: list[dict] = []
    start = time.monotonic()
    run_batch(recs, prclean.Options(timeout=BUDGET), lambda line: lines.append(json.loads(line)), jobs=2,
              ordered=False)
    elapsed = time.monotonic() - start
    assert sorted(o["id"] for o in lines) == [str(i) for i in range(6)]
    assert lines[-1]["id"] == "1" and lines[-1]["error"]["type"] == "Timeout"  # the others came first
    assert all(o["error"] is None for o in lines[:-1])
    assert elapsed < BUDGET + 5  # killed from outside soon after its budget (the trial: minutes)


def test_a_crash_costs_one_record_after_one_retry(monkeypatch):
    monkeypatch.setattr(batch_mod, "clean", _hanging_clean)
    recs = _records(4)
    recs[2] = Record("2", "t", data=b"CRASH")
    lines: list[dict] = []
    run_batch(recs, prclean.Options(timeout=5), lambda line: lines.append(json.loads(line)), jobs=2)
    assert [o["id"] for o in lines] == ["0", "1", "2", "3"]
    assert lines[2]["error"]["type"] == "WorkerCrash" and lines[3]["error"] is None


def test_clean_many_holds_budgets_from_outside_and_names_unordered_results(monkeypatch):
    monkeypatch.setattr(batch_mod, "clean", _hanging_clean)
    pages = [PAGE, {"id": "stuck", "text": "HANG"}, {"id": "d", "text": PAGE}, b"%PDF-1.4"]
    results = list(prclean.clean_many(pages, jobs=2, ordered=False, timeout=BUDGET))
    assert all(isinstance(r, Keyed) for r in results)
    by_index = {r.position: r for r in results}
    assert sorted(by_index) == [0, 1, 2, 3]
    assert [by_index[i].id for i in range(4)] == [None, "stuck", "d", None]
    assert isinstance(by_index[1].result, prclean.Timeout)
    assert isinstance(by_index[2].result, prclean.Release) and isinstance(by_index[3].result, prclean.NotAPage)
    assert results[-1].position == 1  # the hung page did not hold the others back


def test_dask_partitions_hold_budgets_from_outside(monkeypatch):
    monkeypatch.setattr(batch_mod, "clean", _hanging_clean)
    outs = clean_partition([{"id": "a", "text": "HANG"}, {"id": "b", "text": PAGE}], prclean.Options(timeout=BUDGET))
    assert [o["id"] for o in outs] == ["a", "b"]
    assert outs[0]["error"]["type"] == "Timeout" and outs[1]["error"] is None


_PARENT = textwrap.dedent("""
    import os, signal, sys, time
    import prclean.batch.pool as pool
    import prclean.batch.runner as runner
    from prclean.cli import main

    if sys.argv[3] == "poll":
        pool._PR_SET_PDEATHSIG = 0  # no parent-death signal: the workers' own watch must do
    pids = sys.argv[2]

    def stuck(data, **kwargs):
        with open(pids, "a") as fh:
            fh.write(f"{os.getpid()}\\n")
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
        time.sleep(120)

    runner.clean = stuck
    sys.exit(main(["batch", sys.argv[1], "-o", os.devnull, "--jobs", "2", "--timeout", "0", "--quiet"]))
""")


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie is dead, awaiting its reaper
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig,watch", [(signal.SIGKILL, "pdeathsig"), (signal.SIGKILL, "poll"),
                                       (signal.SIGTERM, "pdeathsig"), (signal.SIGINT, "pdeathsig")])
def test_no_worker_outlives_its_parent(tmp_path, sig, watch):
    """kill -9 of the parent left both workers alive forever; SIGINT took 128 s."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": PAGE}) + "\n" for i in range(4)))
    pids = tmp_path / "pids"
    script = tmp_path / "parent.py"
    script.write_text(_PARENT)
    parent = subprocess.Popen([sys.executable, str(script), str(src), str(pids), watch], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(pids.read_text().split() if pids.exists() else []) < 2:
            time.sleep(0.05)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) == 2
        os.kill(parent.pid, sig)
        parent.wait(10)
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline and not all(_gone(p) for p in workers):
            time.sleep(0.05)
        assert all(_gone(p) for p in workers)
    finally:
        parent.kill()
        parent.wait()


def _partition_in(queue) -> None:
    try:
        outs = clean_partition([{"id": "a", "text": PAGE}], prclean.Options(timeout=5))
        queue.put(outs[0]["error"])
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        queue.put(repr(exc))


def test_a_daemonic_process_can_hold_budgets_from_outside_too():
    """Dask's worker processes are daemonic, and daemonic processes may not start children."""
    import multiprocessing

    queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_partition_in, args=(queue,), daemon=True)
    proc.start()
    try:
        assert queue.get(timeout=60) is None
    finally:
        proc.join(10)
