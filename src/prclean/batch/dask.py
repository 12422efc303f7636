"""prclean on Dask, for collections bigger than one machine (``pip install prclean[dask]``).

The unit of work is a partition: a list of records cleaned by :func:`clean_partition` in one
task. Inside the task the records go through a worker process of their own, as in a local batch,
so a page that overruns its budget is stopped from outside (its process killed) and the Dask
worker lives on. Output dicts are the same as the local batch's, so the JSONL written from a
cluster is byte-identical to the JSONL written locally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..options import Options
from .runner import Stats, Summary, clean_record, error_record, finish_line, results
from .sources import Record

PARTITION = 256
"""Records per Dask task: enough to make a task's overhead (a process start, a round trip) small."""
OUTPUT_FIELDS = ("text", "title", "date", "wire", "issuer", "language", "canonical_url")
"""Release fields :func:`clean_dataframe` adds as ``prclean_*`` columns."""


def clean_partition(records: Iterable[Record | dict[str, Any]], opts: Options | None = None,
                    isolate: bool = True) -> list[dict[str, Any]]:
    """Clean one partition; dicts are read as ``{"html"|"text", "url", "id"}`` records.

    With ``isolate`` (the default) the records are cleaned in a child process held to each
    record's budget; without it, in this process, where only the in-process budget applies.
    """
    opts = opts or Options()
    recs = [_as_record(r, i) for i, r in enumerate(records)]
    if not isolate:
        return [clean_record(r, opts) for r in recs]
    return [out for _, out, _ in results(iter(recs), opts, 1, True, clean_record, error_record)]


def _as_record(rec: Record | dict[str, Any], i: int) -> Record:
    return rec if isinstance(rec, Record) else Record.from_page(rec, i, str(rec.get("source", "dask")))


def clean_bag(bag: Any, opts: Options | None = None) -> Any:
    """A dask bag of page records -> a dask bag of output dicts (one per record, order kept)."""
    return bag.map_partitions(clean_partition, opts)


def clean_dataframe(df: Any, column: str = "html", url_column: str | None = "url",
                    opts: Options | None = None) -> Any:
    """Add ``prclean_*`` columns (text, title, date, wire, issuer, language, canonical_url, error) to a
    dask dataframe (``pip install prclean[dask]`` brings ``dask[dataframe]``). A missing page or URL
    (None, NaN, ``pd.NA``) is read as absent: a missing page gets ``prclean_error`` "MissingField"."""

    def part(pdf: Any) -> Any:
        urls = pdf[url_column] if url_column and url_column in pdf else [None] * len(pdf)
        outs = clean_partition([{"html": page, "url": url, "id": str(idx)}
                                for idx, page, url in zip(pdf.index, pdf[column], urls)], opts)
        pdf = pdf.copy()
        for f in OUTPUT_FIELDS:
            pdf[f"prclean_{f}"] = [o.get(f) for o in outs]
        pdf["prclean_error"] = [o["error"]["type"] if o.get("error") else None for o in outs]
        return pdf

    meta = df._meta.copy()
    for f in (*OUTPUT_FIELDS, "error"):
        meta[f"prclean_{f}"] = meta[column].astype(object) if column in meta else object
    return df.map_partitions(part, meta=meta)


def run_on_scheduler(address: Any, records: Iterator[Record], opts: Options, emit: Callable[[str], None],
                     progress: Callable[[Stats], None] | None = None, partition: int = PARTITION) -> Summary:
    """Stream records to a Dask scheduler in partitions and emit JSON lines in input order.

    ``address`` is a scheduler address (``tcp://host:8786``) or a ``distributed.Client``. At most
    a few partitions are in flight, so memory stays bounded on this side too.
    """
    from distributed import Client

    client = address if isinstance(address, Client) else Client(address)  # type: ignore[no-untyped-call]
    summary = Summary()
    window = max(2, len(client.scheduler_info().get("workers", {})) * 2)
    pending: list[tuple[Any, list[int]]] = []
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
            client.close()  # type: ignore[no-untyped-call]
