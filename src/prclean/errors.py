"""Typed errors, so a pipeline can catch prclean's failures without catching everything.

Every error prclean raises on purpose derives from :class:`PrcleanError`; anything else escaping
the public API is a bug.
"""

from __future__ import annotations


class PrcleanError(Exception):
    """Base class of every error prclean raises on purpose."""

    code = "error"


class InvalidArgument(PrcleanError, ValueError):
    """A caller passed an option or argument prclean cannot use (also a ``ValueError``)."""

    code = "invalid_argument"


class InputTooLarge(PrcleanError):
    """The input is bigger than the configured ``max_bytes``."""

    code = "input_too_large"


class NotAPage(PrcleanError):
    """The input is not a page at all: binary data, or nothing readable in it."""

    code = "not_a_page"


class NotAFile(PrcleanError, OSError):
    """A path given to ``clean_file`` could not be read (missing, a folder, no permission)."""

    code = "not_a_file"


class Timeout(PrcleanError):
    """Cleaning took longer than the configured time budget."""

    code = "timeout"


class WorkerError(PrcleanError):
    """A batch worker failed on this page (crashed, or hit an internal error)."""

    code = "worker_error"


class PageTooComplex(PrcleanError):
    """An HTML page whose element tree would be far bigger than its size suggests (too many elements,
    table cells, or attributes on one element): refused before it is parsed."""

    code = "page_too_complex"
