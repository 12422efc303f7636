"""Coverage-guided fuzzing of prclean.clean and prclean.detect with atheris.

    pip install atheris
    python tests/fuzz/fuzz_clean.py tests/fuzz/corpus -max_total_time=1800 -rss_limit_mb=4096

Any exception other than prclean.PrcleanError is a finding; crashing inputs are written by
libFuzzer as crash-* files, and belong in tests/fuzz/regressions/ once fixed (test_fuzz_regressions
replays them).  The seed corpus is the repo's fixtures.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import prclean


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    as_text = fdp.ConsumeBool()
    payload = fdp.ConsumeBytes(fdp.remaining_bytes())
    page: str | bytes = payload.decode("utf-8", "replace") if as_text else payload
    try:
        release = prclean.clean(page, timeout=10)
        prclean.detect(page, timeout=10)
    except prclean.PrcleanError:
        return
    assert isinstance(release.text, str)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
