"""prclean on Dask, for collections bigger than one machine (``pip install prclean[dask]``).

The unit of work is a partition: a list of records cleaned by :func:`clean_partition` in one
task.  Output dicts are the same as the local batch's, so the JSONL written from a cluster is
byte-identical to the JSONL written locally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ..options import Options
from .runner import Stats, Summary, clean_record, finish_line
from .sources import Record

PARTITION = 256


def clean_partition(records: Iterable[Record | dict], opts: Options | None = None) -> list[dict]:
    """Clean one partition; dicts are read as ``{"html"|"text", "url", "id"}`` records."""
    opts = opts or Options()
    return [clean_record(_as_record(r, i), opts) for i, r in enumerate(records)]


def _as_record(rec: Record | dict, i: int) -> Record:
    return rec if isinstance(rec, Record) else Record.from_page(rec, i, str(rec.get("source", "dask")))


def clean_bag(bag, opts: Options | None = None):
    """A dask bag of page records -> a dask bag of output dicts (one per record, order kept)."""
    return bag.map_partitions(clean_partition, opts)


def clean_dataframe(df, column: str = "html", url_column: str | None = "url", opts: Options | None = None):
    """Add ``prclean_*`` columns (text, title, date, wire, issuer, language, canonical_url, error) to a dask dataframe."""
    fields = ("text", "title", "date", "wire", "issuer", "language", "canonical_url")

    def part(pdf):
        urls = pdf[url_column] if url_column and url_column in pdf else [None] * len(pdf)
        outs = clean_partition([{"html": page, "url": url, "id": str(idx)}
                                for idx, page, url in zip(pdf.index, pdf[column], urls)], opts)
        pdf = pdf.copy()
        for f in fields:
            pdf[f"prclean_{f}"] = [o.get(f) for o in outs]
        pdf["prclean_error"] = [o["error"]["type"] if o.get("error") else None for o in outs]
        return pdf

    meta = df._meta.copy()
    for f in (*fields, "error"):
        meta[f"prclean_{f}"] = meta.get(column).astype(object) if column in meta else object
    return df.map_partitions(part, meta=meta)


def run_on_scheduler(address, records: Iterator[Record], opts: Options, emit: Callable[[str], None],
                     progress: Callable[[Stats], None] | None = None, partition: int = PARTITION) -> Summary:
    """Stream records to a Dask scheduler in partitions and emit JSON lines in input order.

    ``address`` is a scheduler address (``tcp://host:8786``) or a ``distributed.Client``.  At most
    a few partitions are in flight, so memory stays bounded on this side too.
    """
    from distributed import Client

    client = address if isinstance(address, Client) else Client(address)
    summary = Summary()
    window = max(2, len(client.scheduler_info().get("workers", {})) * 2)
    pending = []
    try:
        while True:
            while len(pending) < window:
                chunk = list(islice(records, partition))
                if not chunk:
                    break
                sizes = [r.size for r in chunk]
                pending.append((client.submit(clean_partition, chunk, opts, pure=False), sizes))
            if not pending:
                return summary
            future, sizes = pending.pop(0)
            for out, size in zip(future.result(), sizes):
                line, stats = finish_line(out, opts)
                summary.add(stats, size)
                emit(line)
                if progress:
                    progress(stats)
    finally:
        if client is not address:
            client.close()
