"""Command line: ``prclean clean``, ``prclean detect``, ``prclean batch`` and ``prclean bench``.

Exit codes: 0 success, 1 a typed prclean error (message on stderr), 2 usage error,
3 the page holds no release (the body printed is empty, never invented).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .api import clean, detect
from .bench.command import add_bench_command
from .errors import PrcleanError
from .model import BODY, Release
from .options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, Options

_COLOURS = {BODY: "32", "title": "1;36", "subtitle": "36", "about": "32", "contacts": "32",
            "forward-looking": "32"}


def _read(src: str) -> bytes:
    return sys.stdin.buffer.read() if src == "-" else Path(src).read_bytes()


def _markdown(r: Release) -> str:
    head = [f"# {r.title}"] if r.title else []
    if r.subtitle:
        head.append(f"## {r.subtitle}")
    return "\n\n".join(head + list(r.paragraphs)) + "\n"


def _options(args: argparse.Namespace) -> Options:
    """The one :class:`Options` of a command, from its flags (a command lacking a flag keeps the default)."""
    flags = {"keep_about": not getattr(args, "drop_about", False),
             "keep_contacts": not getattr(args, "drop_contacts", False),
             "keep_forward_looking": not getattr(args, "drop_forward_looking", False),
             "keep_removed": not getattr(args, "no_removed", False),
             "timeout": getattr(args, "timeout", DEFAULT_TIMEOUT_S) or None,
             "max_bytes": getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
             "encoding": getattr(args, "encoding", None)}
    return Options(**flags)


def cmd_clean(args: argparse.Namespace) -> int:
    r = clean(_read(args.file), url=args.url, options=_options(args))
    if args.format == "json":
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        sys.stdout.write(_markdown(r))
    elif r.text:
        print(r.text)
    if not r.found:
        print("prclean: no release found in this page (all chrome)", file=sys.stderr)
        return 3
    return 0


def cmd_detect(args: argparse.Namespace) -> int:
    blocks = detect(_read(args.file), url=args.url, options=_options(args))
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                        and not os.environ.get("NO_COLOR"))
    width = max((len(b.label) for b in blocks), default=4)
    for b in blocks:
        if not b.text:
            continue
        tag = f"{b.label:<{width}} {b.rule:<20}"
        if colour:
            tag = f"\x1b[{_COLOURS.get(b.label, '2;31')}m{tag}\x1b[0m"
        lines = f"{b.lines[0]:>5}" if b.lines[0] == b.lines[1] else f"{b.lines[0]:>5}-{b.lines[1]}"
        print(f"{lines:<12} {tag} {b.text[:160]}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch.runner import done_ids, run_batch
    from .batch.sources import Fields, read_inputs

    opts = _options(args)
    fields = Fields(args.html_field, args.text_field, args.url_field, args.id_field)
    skip = done_ids(args.output) if args.resume and args.output else set()
    records = (r for r in read_inputs(args.inputs, fields, args.max_bytes) if r.id not in skip)
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    show = not args.quiet and sys.stderr.isatty()
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit="doc", dynamic_ncols=True, file=sys.stderr, desc="prclean")
    errors = 0

    def emit(line: str) -> None:
        out.write(line + "\n")

    def progress(stats) -> None:
        nonlocal errors
        errors += bool(stats[0])
        if bar is not None:
            bar.update(1)
            bar.set_postfix(errors=errors, refresh=False)

    try:
        if args.scheduler:
            from .batch.dask import run_on_scheduler

            summary = run_on_scheduler(args.scheduler, records, opts, emit, progress)
        else:
            summary = run_batch(records, opts, emit, progress, jobs=args.jobs, ordered=not args.unordered)
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if not args.quiet:
        print(summary.report() + (f"\n  skipped (already in output): {len(skip)}" if skip else ""), file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="prclean", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("clean", help="print the release body of one page (file or - for stdin)")
    c.add_argument("file")
    c.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    c.add_argument("--url", help="the page's URL, a hint for recognising the wire")
    c.add_argument("--drop-about", action="store_true", help="leave 'About <issuer>' sections out")
    c.add_argument("--drop-contacts", action="store_true", help="leave media contact blocks out")
    c.add_argument("--drop-forward-looking", action="store_true", help="leave safe-harbour text out")
    c.add_argument("--timeout", type=float, default=30.0, help="seconds per document (default 30)")
    c.set_defaults(func=cmd_clean)
    d = sub.add_parser("detect", help="show every input block with its label and rule")
    d.add_argument("file")
    d.add_argument("--url")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    d.add_argument("--timeout", type=float, default=30.0)
    d.set_defaults(func=cmd_detect)
    t = sub.add_parser("batch", help="clean a folder, glob, JSONL or WARC file (or - for JSONL on stdin) to JSONL")
    t.add_argument("inputs", nargs="+", help="folders, globs, *.jsonl[.gz], *.warc[.gz], or -")
    t.add_argument("-o", "--output", help="JSONL output file (default: stdout)")
    t.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    t.add_argument("--unordered", action="store_true", help="write results as they finish, not in input order")
    t.add_argument("--timeout", type=float, default=30.0, help="seconds per document; 0 for none (default 30)")
    t.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest page accepted (bytes)")
    t.add_argument("--resume", action="store_true", help="skip ids already in the output file and append")
    t.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    t.add_argument("--no-removed", action="store_true", help="leave the removed blocks out of each record")
    t.add_argument("--html-field", default="html")
    t.add_argument("--text-field", default="text")
    t.add_argument("--url-field", default="url")
    t.add_argument("--id-field", default="id")
    t.add_argument("--drop-about", action="store_true")
    t.add_argument("--drop-contacts", action="store_true")
    t.add_argument("--drop-forward-looking", action="store_true")
    t.add_argument("--scheduler", help="address of a running Dask scheduler (needs prclean[dask])")
    t.set_defaults(func=cmd_batch)
    add_bench_command(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except PrcleanError as exc:
        print(f"prclean: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except (OSError, BrokenPipeError) as exc:
        print(f"prclean: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
