"""The in-process time budget never disturbs a host's SIGALRM, and degrades to checks where it must.

Each case is one the reliability trial met: a handler installed by C code (libFuzzer under atheris,
killed by "Alarm clock" when prclean restored SIG_DFL over it), a host interval timer (spurious
Timeouts, delayed host alarms), and a thread (no alarm there at all).
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
import time

import pytest

import prclean
from prclean.limits import Deadline

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer") or sys.platform == "win32", reason="POSIX alarms")

PAGE = "\n".join(f"line {i} of a page that takes a little while to clean" for i in range(2000))
SLOW = "\n".join(f"line {i} of a long page" for i in range(300_000))


def _os_handler() -> int | None:
    buf = ctypes.create_string_buffer(1024)
    assert ctypes.CDLL(None).sigaction(signal.SIGALRM, None, buf) == 0
    return ctypes.c_void_p.from_buffer(buf).value


@pytest.fixture
def c_level_ignore():
    """SIGALRM ignored by C code, behind Python's back: Python's table still says SIG_DFL."""
    libc = ctypes.CDLL(None)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.signal(signal.SIGALRM, 1)  # SIG_IGN
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    yield
    libc.signal(signal.SIGALRM, 0)


def test_a_handler_installed_by_c_code_is_left_alone(c_level_ignore):
    prclean.clean(PAGE, timeout=5)
    assert _os_handler() == 1  # still SIG_IGN: not replaced, and not "restored" to SIG_DFL


def test_a_host_interval_timer_is_neither_disturbed_nor_answered():
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30.0)
        prclean.clean(PAGE, timeout=0.5)  # no spurious Timeout from the host's timer
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0 < remaining <= 30.0  # the host's timer still runs, not reset or cancelled
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL  # the host's handler is still there
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.2)
        assert fired  # and the host's alarm arrives
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_alarm_is_armed_only_when_sigalrm_is_free_and_restored_after():
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    with pytest.raises(prclean.Timeout):
        prclean.clean(SLOW, timeout=0.05)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_in_a_thread_the_budget_is_kept_by_the_stage_checks():
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            prclean.clean(SLOW, timeout=0.05)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert isinstance(outcome[0], prclean.Timeout)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_deadline_without_a_budget_never_expires():
    clock = Deadline(None)
    with clock.alarm():
        clock.check("anything")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_swallowed_timeout_is_raised_again():
    """An alarm landing in an `except Exception` (trafilatura) or a gc callback was lost for good."""
    clock = Deadline(0.1)
    swallowed = 0
    start = time.monotonic()
    with pytest.raises(prclean.Timeout), clock.alarm():
        while time.monotonic() - start < 5:
            try:
                time.sleep(0.02)
            except Exception:  # noqa: BLE001 - a library swallowing everything, as the trial found
                swallowed += 1
                if swallowed == 3:
                    break
        while time.monotonic() - start < 5:  # work on, outside any try: the re-armed alarm ends it
            pass
    assert swallowed == 3 and time.monotonic() - start < 2
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
