"""prclean: the press release from a wire or newsroom page, and an account of the chrome removed.

    >>> import prclean
    >>> release = prclean.clean(page_html_or_text)
    >>> release.text, release.title, release.date, [b.label for b in release.removed]
"""

from .api import clean, clean_file, detect
from .batch.runner import clean_many
from .errors import (
    InputTooLarge,
    InvalidArgument,
    NotAFile,
    NotAPage,
    PageTooComplex,
    PrcleanError,
    Timeout,
    WorkerError,
)
from .model import Block, Release
from .options import Options

__all__ = ["Block", "InputTooLarge", "InvalidArgument", "NotAFile", "NotAPage", "Options", "PageTooComplex",
           "PrcleanError", "Release", "Timeout", "WorkerError", "clean", "clean_file", "clean_many", "detect"]
__version__ = "0.1.0"
