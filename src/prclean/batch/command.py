"""``prclean batch``: inputs to JSONL, one line per record, with an exit status that tells the truth."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..cli import EXIT_ERROR, EXIT_OK, EXIT_RECORDS_FAILED, EXIT_USAGE
from ..options import Options
from .resume import repair_and_count, same_file, skip_done
from .runner import Stats, Summary, run_batch
from .sources import Fields, Meter, Record, expand, input_size, read_inputs


def add_batch_arguments(t: argparse.ArgumentParser) -> None:
    t.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="folders, files, quoted globs, *.jsonl[.gz], *.warc[.gz], or - for JSONL on stdin")
    t.add_argument("-o", "--output", help="JSONL output file (default: standard output); never one of the inputs")
    t.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: one per core)")
    t.add_argument("--unordered", action="store_true", help="write results as they finish, not in input order")
    t.add_argument("--resume", action="store_true",
                   help="carry on a stopped batch: repair a cut last line of -o, skip the records it holds, append")
    t.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    t.add_argument("--no-removed", action="store_true", help="leave the removed blocks out of each record")
    t.add_argument("--html-field", default="html", help="JSONL field holding a page's HTML (default html)")
    t.add_argument("--text-field", default="text", help="JSONL field holding a page's text dump (default text)")
    t.add_argument("--url-field", default="url", help="JSONL field holding a page's URL (default url)")
    t.add_argument("--id-field", default="id", help="JSONL field holding a record's id (default: id)")
    t.add_argument("--scheduler", help="address of a running Dask scheduler (needs prclean[dask])")


def _usage(message: str) -> int:
    print(f"prclean batch: {message}", file=sys.stderr)
    return EXIT_USAGE


def _refusal(args: argparse.Namespace) -> str | None:
    """Why this batch must not start, if it must not."""
    if args.jobs < 0:
        return "--jobs must be 0 (one per core) or more"
    if args.resume and not args.output:
        return "--resume needs -o: the output file to carry on"
    if args.output:
        for path in args.inputs:
            if path != "-" and any(same_file(args.output, match) for match in expand(path)):
                return f"-o {args.output} is also an input; refusing to overwrite it"
        if os.path.isdir(args.output):
            return f"-o {args.output} is a folder"
    return None


def run_batch_command(args: argparse.Namespace, opts: Options) -> int:
    refusal = _refusal(args)
    if refusal:
        return _usage(refusal)
    done = repair_and_count(args.output) if args.resume else None
    fields = Fields(args.html_field, args.text_field, args.url_field, args.id_field)
    show = not args.quiet and sys.stderr.isatty()
    meter = Meter(total=input_size(args.inputs) if show else None)
    sink: IO[bytes] = open(args.output, "ab" if args.resume else "wb") if args.output else sys.stdout.buffer  # noqa: SIM115
    try:
        exclude = frozenset({_inode(sink)}) if args.output else frozenset()
        records: Iterator[Record] = read_inputs(args.inputs, fields, opts.max_bytes, exclude=exclude, meter=meter,
                                                budget=opts.budget)
        skipped = _Count(0)
        if done is not None:
            records = skip_done(_counting(records, skipped), done)
        summary = _run(args, opts, records, sink, meter, show)
    finally:
        if sink is not sys.stdout.buffer:
            sink.close()
        else:
            sink.flush()
    if not args.quiet:
        resumed = f"\n  skipped (already in output): {skipped.n - summary.docs}" if done is not None else ""
        print(summary.report() + resumed, file=sys.stderr)
    if summary.lost:
        return EXIT_ERROR
    return EXIT_RECORDS_FAILED if summary.errors else EXIT_OK


class _Count:
    """A count shared with a generator."""

    def __init__(self, n: int) -> None:
        self.n = n


def _counting(records: Iterator[Record], seen: _Count) -> Iterator[Record]:
    for rec in records:
        seen.n += 1
        yield rec


def _inode(fh: IO[bytes]) -> tuple[int, int]:
    info = os.fstat(fh.fileno())
    return info.st_dev, info.st_ino


def _run(args: argparse.Namespace, opts: Options, records: Iterator[Record], sink: IO[bytes], meter: Meter,
         show: bool) -> Summary:
    bar = _bar(meter) if show else None
    errors = 0

    def emit(line: str) -> None:
        sink.write(line.encode("utf-8") + b"\n")

    def progress(stats: Stats) -> None:
        nonlocal errors
        errors += bool(stats.error)
        if bar is not None:
            bar.update(meter.done - bar.n if meter.total else 1)
            bar.set_postfix(errors=errors, refresh=False)

    try:
        if args.scheduler:
            from .dask import run_on_scheduler

            return run_on_scheduler(args.scheduler, records, opts, emit, progress)
        return run_batch(records, opts, emit, progress, jobs=args.jobs, ordered=not args.unordered)
    finally:
        if bar is not None:
            bar.close()


def _bar(meter: Meter) -> Any:
    """A progress bar: bytes with a total and an ETA when the input size is known, else documents."""
    from tqdm import tqdm

    if meter.total:
        return tqdm(total=meter.total, unit="B", unit_scale=True, unit_divisor=1024, dynamic_ncols=True,
                    file=sys.stderr, desc="prclean")
    return tqdm(unit="doc", dynamic_ncols=True, file=sys.stderr, desc="prclean")

