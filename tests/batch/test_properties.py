"""Properties of the batch's readers and writer on random input (hypothesis).

- the JSONL reader yields exactly one record per non-blank line and never raises, whatever the bytes;
- an output line is always valid UTF-8 JSON that reads back as the same strings, surrogates and all;
- an id read cheaply from the start of a line is the id the whole line holds, or none;
- gzip input gives a page, or a typed error, never anything else.

``HYPOTHESIS_MAX_EXAMPLES`` raises the number of examples for long runs.
"""

from __future__ import annotations

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import prclean
from prclean.batch.jsonl import cheap_id, read_jsonl
from prclean.batch.runner import dumps
from prclean.batch.sources import Fields
from prclean.read.load import load

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                       max_size=3), max_leaves=8)
good_lines = st.builds(lambda rid, page, extra: json.dumps({"id": rid, "text": page, **extra}).encode(),
                       st.text(max_size=10), st.text(max_size=50), st.dictionaries(st.text(max_size=5), json_values,
                                                                                   max_size=2))
junk_lines = st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" "))
deep_lines = st.integers(1, 3000).map(lambda n: b'{"id":"deep","x":' + b"[" * n + b"]" * n + b"}")


@SETTINGS
@given(st.lists(st.one_of(good_lines, junk_lines, deep_lines), max_size=12), st.sampled_from([None, 40, 2000]))
def test_one_record_per_non_blank_line(lines, max_bytes):
    raw = b"\n".join(lines) + b"\n"
    records = list(read_jsonl(io.BytesIO(raw), "in", Fields(), max_bytes))
    # a UTF-8 BOM opening the input is not content (found by hypothesis: a first line of only a BOM)
    expected = [line for i, line in enumerate(lines) if (line.removeprefix(b"\xef\xbb\xbf") if i == 0 else line).strip()]
    assert len(records) == len(expected)
    for rec, line in zip(records, expected):
        assert (rec.data is None) == (rec.error is not None)
        if rec.error is None:
            assert json.loads(line.removeprefix(b"\xef\xbb\xbf"))["text"] == rec.data


def _paired(text: str) -> str:
    """Surrogate pairs joined into the character they encode, lone surrogates kept (what JSON reads back)."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")


@SETTINGS
@given(st.dictionaries(st.text(), st.text() | st.lists(st.text(), max_size=3), max_size=5))
def test_output_lines_are_valid_utf8_json(record):
    line = dumps(record)
    back = json.loads(line.encode("utf-8").decode("utf-8"))  # strict: no surrogate escapes into the bytes
    assert back == {_paired(k): [_paired(x) for x in v] if isinstance(v, list) else _paired(v)
                    for k, v in record.items()}


@SETTINGS
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=4), st.integers(0, 200))
def test_a_cheap_id_is_the_lines_id_or_none(obj, cut):
    line = json.dumps(obj).encode()
    found = cheap_id(line[:cut], "id")
    if found is not None:
        rid = obj["id"]
        assert isinstance(rid, str | int | float) and str(rid) == found


@SETTINGS
@given(st.binary(max_size=300), st.booleans())
def test_gzip_input_gives_a_page_or_a_typed_error(payload, packed):
    data = gzip.compress(payload) if packed else b"\x1f\x8b" + payload
    try:
        load(data, max_bytes=10_000)
    except prclean.PrcleanError:
        pass
