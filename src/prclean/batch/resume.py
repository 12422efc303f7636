"""``--resume``: carry on a batch that was stopped, without losing or repeating a record.

The output file is made whole first: a last line cut off mid-write (the process was killed) is
repaired if it is complete JSON missing only its newline, and cut off otherwise, so the next line
is never glued onto it. Then the ids it holds are counted, and each input record is skipped while
its id still has a count left: with duplicate ids, the first *k* records bearing an id are taken
as done when the output holds it *k* times, which in an ordered batch are exactly the records
written before the stop (resume by position, not by id).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator

from .sources import Record


def repair_and_count(path: str) -> Counter[str]:
    """Make the output file end with a whole line, and count the ids of its lines."""
    done: Counter[str] = Counter()
    try:
        fh = open(path, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return done
    with fh:
        start = 0
        for line in fh:
            rid = _id_of(line)
            if not line.endswith(b"\n"):  # the last line, cut off
                if rid is None:
                    fh.truncate(start)
                else:
                    fh.seek(0, os.SEEK_END)
                    fh.write(b"\n")
            if rid is not None:
                done[rid] += 1
            start += len(line)
    return done


def _id_of(line: bytes) -> str | None:
    try:
        rid = json.loads(line).get("id")
    except (ValueError, RecursionError, AttributeError):
        return None
    return rid if isinstance(rid, str) else None


def skip_done(records: Iterable[Record], done: Counter[str]) -> Iterator[Record]:
    """The records not yet in the output: each id is skipped as many times as the output holds it."""
    for rec in records:
        if done.get(rec.id, 0) > 0:
            done[rec.id] -= 1
            continue
        yield rec


def same_file(a: str, b: str) -> bool:
    """Do two paths name the same existing file?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
