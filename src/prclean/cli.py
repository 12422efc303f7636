"""Command line: ``prclean clean``, ``prclean detect``, ``prclean batch`` and ``prclean bench``.

Exit status (the same for every command):
  0  success: every page or record was read and cleaned (skipped WARC responses included)
  1  an error: a page raised a typed error, or an input was missing, unreadable or damaged
     (a batch then may lack records that were in the lost input)
  2  usage error (bad option or argument)
  3  clean: a page holds no release (the body printed is empty, never invented)
  4  batch: every input was read, but some records got an error line
  130, 143  interrupted by SIGINT (Ctrl-C) or SIGTERM; the output written so far is whole lines
A closed output pipe (``prclean clean F | head -1``) ends the command quietly with status 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import math
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import IO

from . import __version__
from .api import clean, detect
from .bench.command import add_bench_command
from .errors import PrcleanError
from .model import BODY
from .options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, Options
from .read.files import read_path, read_stream

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NO_RELEASE, EXIT_RECORDS_FAILED = 0, 1, 2, 3, 4
EXIT_SIGINT, EXIT_SIGTERM = 130, 143  # 128 + the signal number, as shells report it

EXTRAS = {"matplotlib": "bench", "justext": "bench", "readability": "bench", "resiliparse": "bench",
          "distributed": "dask", "dask": "dask", "pandas": "dask"}
"""Optional modules and the prclean extra that installs each."""

_COLOURS = {BODY: "32", "title": "1;36", "subtitle": "36", "about": "32", "contacts": "32",
            "forward-looking": "32"}


class MissingExtra(Exception):
    """An option needs a module that only an optional extra installs."""


def need(module: str, option: str) -> None:
    """Stop with a one-line install hint if ``module`` (needed by ``option``) is not installed."""
    if importlib.util.find_spec(module) is None:
        raise MissingExtra(f"{option} needs {module}: pip install 'prclean[{EXTRAS.get(module, module)}]'")


def out(text: str) -> None:
    """Write text to standard output as UTF-8, whatever the locale (no surrogate can be written)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()


def _options(args: argparse.Namespace) -> Options:
    """The one :class:`Options` of a command, from its flags (a command lacking a flag keeps the default)."""
    return Options(keep_about=not getattr(args, "drop_about", False),
                   keep_contacts=not getattr(args, "drop_contacts", False),
                   keep_forward_looking=not getattr(args, "drop_forward_looking", False),
                   keep_removed=not getattr(args, "no_removed", False),
                   timeout=getattr(args, "timeout", DEFAULT_TIMEOUT_S) or None,
                   max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
                   encoding=getattr(args, "encoding", None))


def _read(src: str, opts: Options) -> bytes:
    """A page's bytes, bounded by ``max_bytes`` while reading (a FIFO also by the time budget)."""
    return read_stream(sys.stdin.buffer, opts.max_bytes) if src == "-" else read_path(src, opts.max_bytes, opts.budget)


class _NoRelease(Exception):
    """A page held no release (already reported on stderr)."""


class _Terminated(BaseException):
    """SIGTERM arrived: unwind (closing the output and killing workers) like Ctrl-C does."""


def _one_page(args: argparse.Namespace, show: Callable[[str, bytes], None]) -> int:
    """Run ``show(path, bytes)`` for each input page; the exit status says the worst that happened."""
    opts = _options(args)
    failed = empty = False
    for path in args.files:
        try:
            show(path, _read(path, opts))
        except PrcleanError as exc:
            where = f"{path}: " if len(args.files) > 1 else ""
            print(f"prclean: {where}{type(exc).__name__}: {exc}", file=sys.stderr)
            failed = True
        except _NoRelease:
            empty = True
    return EXIT_ERROR if failed else EXIT_NO_RELEASE if empty else EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    opts = _options(args)
    several = len(args.files) > 1

    def show(path: str, data: bytes) -> None:
        r = clean(data, url=args.url, options=opts)
        if args.format == "json":
            record = r.to_dict()
            if not opts.keep_removed:
                record.pop("removed", None)
            if several:
                out(_escaped(json.dumps({"source": path, **record}, ensure_ascii=False)) + "\n")
            else:
                out(_escaped(json.dumps(record, ensure_ascii=False, indent=2)) + "\n")
        else:
            if several:
                out(f"==> {path} <==\n")
            body = r.to_markdown() if args.format == "markdown" else (r.text + "\n" if r.text else "")
            out(body + ("\n" if several else ""))
        if not r.found:
            where = f"{path}: " if several else ""
            print(f"prclean: {where}no release found in this page (all chrome)", file=sys.stderr)
            raise _NoRelease

    return _one_page(args, show)


def _escaped(text: str) -> str:
    from .batch.runner import escape_surrogates

    return escape_surrogates(text)


def cmd_detect(args: argparse.Namespace) -> int:
    opts = _options(args)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                        and not os.environ.get("NO_COLOR"))

    def show(path: str, data: bytes) -> None:
        blocks = detect(data, url=args.url, options=opts)
        width = max((len(b.label) for b in blocks), default=4)
        rows = [f"==> {path} <==\n"] if len(args.files) > 1 else []
        for b in blocks:
            if not b.text:
                continue
            tag = f"{b.label:<{width}} {b.rule:<20}"
            if colour:
                tag = f"\x1b[{_COLOURS.get(b.label, '2;31')}m{tag}\x1b[0m"
            lines = f"{b.lines[0]:>5}" if b.lines[0] == b.lines[1] else f"{b.lines[0]:>5}-{b.lines[1]}"
            rows.append(f"{lines:<12} {tag} {b.text[:160]}\n")
        out("".join(rows))

    return _one_page(args, show)


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch.command import run_batch_command

    if args.scheduler:
        need("distributed", "--scheduler")
    return run_batch_command(args, _options(args))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"seconds must be a finite number >= 0, not {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be > 0, not {text!r}")
    return value


def _page_options(p: argparse.ArgumentParser, *, drops: bool = True) -> None:
    """Options every command that cleans pages takes."""
    p.add_argument("--url", help="the page's URL: a hint for recognising the wire, and the base of relative links")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT_S,
                   help=f"seconds allowed per page; 0 for no limit (default {DEFAULT_TIMEOUT_S:g})")
    p.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES,
                   help=f"largest page accepted, in bytes, also after unpacking gzip (default {DEFAULT_MAX_BYTES})")
    p.add_argument("--encoding", help="charset of the page's bytes, used only if they decode under it "
                                      "(default: BOM, UTF-8, the page's declaration, detection)")
    if drops:
        p.add_argument("--drop-about", action="store_true", help="leave 'About <issuer>' sections out of the body")
        p.add_argument("--drop-contacts", action="store_true", help="leave media contact blocks out of the body")
        p.add_argument("--drop-forward-looking", action="store_true",
                       help="leave forward-looking (safe-harbour) statements out of the body")


def _verbosity(p: argparse.ArgumentParser, top: bool) -> None:
    keep = {} if top else {"default": argparse.SUPPRESS}
    p.add_argument("-v", "--verbose", action="count", help="log more: -v for INFO (e.g. a wire whose page "
                   "layout changed), -vv for DEBUG", **({"default": 0} if top else keep))
    p.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR"), type=str.upper,
                   help="log level (default WARNING; overrides -v)", **({"default": None} if top else keep))


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="prclean", description=__doc__.splitlines()[0],
                                 epilog=__doc__.split("\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"prclean {__version__}")
    _verbosity(ap, top=True)
    sub = ap.add_subparsers(dest="cmd", metavar="{clean,detect,batch,bench}")
    c = sub.add_parser("clean", help="print the release body of pages (files, or - for stdin)",
                       description="Print the release body of each page (HTML or a text dump, gzipped or not).")
    c.add_argument("files", nargs="+", metavar="FILE", help="page files; - reads standard input")
    c.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                   help="text: the body; json: every field (one object per line for several files); "
                        "markdown: title, subtitle and body")
    c.add_argument("--no-removed", action="store_true", help="json: leave the removed blocks out")
    _page_options(c)
    _verbosity(c, top=False)
    c.set_defaults(func=cmd_clean)
    d = sub.add_parser("detect", help="show every block of pages with its label and rule",
                       description="Show every block of each page, body and chrome, with its label and rule.")
    d.add_argument("files", nargs="+", metavar="FILE", help="page files; - reads standard input")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the labels (auto: on a terminal, unless NO_COLOR is set)")
    _page_options(d, drops=False)
    _verbosity(d, top=False)
    d.set_defaults(func=cmd_detect)
    from .batch.command import add_batch_arguments

    t = sub.add_parser("batch", help="clean a folder, glob, JSONL or WARC file (or - for JSONL on stdin) to JSONL",
                       description="Clean many pages to JSONL: one output line per input record, always.",
                       epilog=__doc__.split("\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    add_batch_arguments(t)
    _page_options(t)
    _verbosity(t, top=False)
    t.set_defaults(func=cmd_batch)
    add_bench_command(sub)
    return ap


def _log_level(args: argparse.Namespace) -> int:
    if args.log_level:
        return int(getattr(logging, args.log_level))
    return {0: logging.WARNING, 1: logging.INFO}.get(args.verbose or 0, logging.DEBUG)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]  # (typeshed: generic in the stream)
    """A log handler writing to whatever ``sys.stderr`` is when a message comes."""

    @property
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        pass


_HANDLER = _Stderr()
_HANDLER.setFormatter(logging.Formatter("prclean: %(levelname)s: %(message)s"))


def _log_to_stderr(level: int) -> None:
    """The ``prclean`` logger to standard error at ``level`` (the command line's, not the host's, logging)."""
    logger = logging.getLogger("prclean")
    if _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)
    logger.setLevel(level)
    logger.propagate = False


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    _log_to_stderr(_log_level(args))
    try:
        if getattr(args, "chart", None):  # checked first: the chart is drawn after the whole benchmark
            need("matplotlib", "--chart")
    except MissingExtra as exc:
        print(f"prclean: {exc}", file=sys.stderr)
        return EXIT_ERROR
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    try:
        return int(args.func(args))
    except MissingExtra as exc:
        print(f"prclean: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ModuleNotFoundError as exc:
        top = (exc.name or "").split(".")[0]
        if top not in EXTRAS:
            raise
        print(f"prclean: this needs {top}: pip install 'prclean[{EXTRAS[top]}]'", file=sys.stderr)
        return EXIT_ERROR
    except PrcleanError as exc:
        print(f"prclean: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("prclean: interrupted", file=sys.stderr)
        return EXIT_SIGINT
    except _Terminated:
        print("prclean: terminated", file=sys.stderr)
        return EXIT_SIGTERM
    except OSError as exc:
        print(f"prclean: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _quiet_stdout() -> None:
    """The reader of our output went away: point stdout at /dev/null so the exit flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
