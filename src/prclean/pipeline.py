"""The whole of prclean, top to bottom: load → read → detect → extract → describe → render.

Each stage hands typed, immutable data forward and never writes into an earlier stage's output:
bytes become text, text a :class:`~prclean.read.Page` of units, units get detector verdicts,
verdicts become the body and a decision per unit, and those become metadata and the release.
Between stages the page's time budget is checked.
"""

from __future__ import annotations

from .describe import describe
from .detect import detect
from .extract import extract
from .limits import Deadline
from .model import Block, Release
from .options import Options
from .read import read_page
from .read.load import load
from .render import render


def run(data: str | bytes, url: str | None, opts: Options, clock: Deadline) -> tuple[Release, list[Block]]:
    """Clean one page; return the release and every input block with its label."""
    text, kind = load(data, max_bytes=opts.max_bytes, encoding=opts.encoding)
    clock.check("load")
    page = read_page(text, kind, url)
    clock.check("read")
    verdicts = detect(page)
    clock.check("detect")
    extraction = extract(page, verdicts)
    clock.check("extract")
    meta = describe(page, extraction, url)
    clock.check("describe")
    return render(page, extraction, meta, opts)
