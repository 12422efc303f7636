"""prclean: the press release from a wire or newsroom page, and an account of the chrome removed.

    >>> import prclean
    >>> release = prclean.clean(page_html_or_text)
    >>> release.text, release.title, release.date, [b.label for b in release.removed]
"""

from .errors import InputTooLarge, NotAPage, PrcleanError, Timeout
from .model import Block, Release
from .pipeline import clean, clean_file, detect

__all__ = ["Block", "InputTooLarge", "NotAPage", "PrcleanError", "Release", "Timeout", "clean", "clean_file",
           "detect"]
__version__ = "0.1.0"
