"""prclean: the press release from a wire or newsroom page, and an account of the chrome removed.

    >>> import prclean
    >>> release = prclean.clean(page_html_or_text)
    >>> release.text, release.title, release.date, [b.label for b in release.removed]
"""

from typing import TYPE_CHECKING, Any

from .api import clean, clean_file, detect
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

if TYPE_CHECKING:
    from .batch.runner import clean_many


def __getattr__(name: str) -> Any:
    """``clean_many`` is imported on first use: its process pool costs start-up time a one-page caller
    should not pay."""
    if name == "clean_many":
        from .batch.runner import clean_many

        return clean_many
    raise AttributeError(f"module 'prclean' has no attribute {name!r}")
