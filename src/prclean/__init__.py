"""prclean: the press release from a wire or newsroom page, and an account of the chrome removed.

    >>> import prclean
    >>> release = prclean.clean(page_html_or_text)
    >>> release.text, release.title, release.date, [b.label for b in release.removed]
"""

from .batch.runner import clean_many
from .errors import InputTooLarge, NotAPage, PrcleanError, Timeout, WorkerError
from .model import Block, Release
from .pipeline import clean, clean_file, detect

__all__ = ["Block", "InputTooLarge", "NotAPage", "PrcleanError", "Release", "Timeout", "WorkerError", "clean",
           "clean_file", "clean_many", "detect"]
__version__ = "0.1.0"
