"""What the public functions accept: typed errors for bad arguments, and reads bounded while reading."""

from __future__ import annotations

import os
import threading
import time

import pytest

import prclean

PAGE = b"<html><body><p>The cooperative opened a second bakery in the harbour district this spring.</p></body></html>"


@pytest.mark.parametrize("changes", [{"url": 123}, {"url": b"https://x.example"}, {"timeout": float("inf")},
                                     {"timeout": float("nan")}, {"timeout": "5"}, {"timeout": -1},
                                     {"max_bytes": 0}, {"max_bytes": 1.5}, {"encoding": 8}, {"keep_about": 1},
                                     {"no_such_option": True}])
def test_bad_arguments_are_invalid_argument(changes):
    for call in (prclean.clean, prclean.detect):
        with pytest.raises(prclean.InvalidArgument):
            call(PAGE, **changes)


@pytest.mark.parametrize("page", [123, None, ["<p>x</p>"], {"html": "x"}])
def test_a_page_that_is_not_str_or_bytes_is_invalid_argument(page):
    with pytest.raises(prclean.InvalidArgument):
        prclean.clean(page)


def test_clean_file_on_a_folder_a_missing_path_or_a_non_path(tmp_path):
    with pytest.raises(prclean.NotAFile, match="folder"):
        prclean.clean_file(tmp_path)
    with pytest.raises(prclean.NotAFile):
        prclean.clean_file(tmp_path / "missing.html")
    with pytest.raises(prclean.InvalidArgument):
        prclean.clean_file(123)  # type: ignore[arg-type]
    with pytest.raises(prclean.InvalidArgument):
        prclean.clean_file(tmp_path, url=5)  # type: ignore[arg-type]


def test_clean_file_stops_reading_at_max_bytes(tmp_path):
    """The trial's clean_file("/dev/zero") read until MemoryError (7.5 GB)."""
    with pytest.raises(prclean.InputTooLarge):
        prclean.clean_file("/dev/zero", max_bytes=100_000)
    big = tmp_path / "big.html"
    big.write_bytes(PAGE * 1000)
    with pytest.raises(prclean.InputTooLarge):
        prclean.clean_file(big, max_bytes=1000)
    assert prclean.clean_file(big, max_bytes=len(PAGE) * 1000).found


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_read_under_the_time_budget(tmp_path):
    """A FIFO nobody writes to reads as empty at once; one whose writer never finishes times out."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert not prclean.clean_file(fifo, timeout=1).found  # no writer: empty, not a hang
    fd = os.open(fifo, os.O_RDWR)  # a writer that stays open and silent
    try:
        start = time.monotonic()
        with pytest.raises(prclean.Timeout):
            prclean.clean_file(fifo, timeout=0.3)
        assert time.monotonic() - start < 5
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_with_a_writer_is_read_to_its_end(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(PAGE)

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.1)
    release = prclean.clean_file(fifo, timeout=5)
    writer.join()
    assert "second bakery" in release.text
