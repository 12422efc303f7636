"""The one set of knobs a caller can turn, shared by ``clean``, ``clean_many``, batches and the CLI.

Options say *how* a page is cleaned and what the output holds; they never change which text is
the release (a dropped About section is still recognised, only labelled instead of kept), so the
metadata of a page is the same whatever the options.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import InvalidArgument

DEFAULT_MAX_BYTES = 20_000_000
"""The largest page accepted: releases are kilobytes; 20 MB admits any real page with inline assets."""

DEFAULT_TIMEOUT_S = 30.0
"""Seconds one page may take: the slowest real page we know takes about 1 s; a budget 30 times
that leaves room for slow machines and stops only pathological inputs."""


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean a page.

    ``timeout`` is the wall-clock budget of one page in seconds (``None`` or ``0``: no budget);
    ``max_bytes`` the largest input accepted (``None``: no limit); ``encoding`` a charset hint for
    bytes input, used only when the bytes decode under it.
    """

    keep_about: bool = True
    keep_contacts: bool = True
    keep_forward_looking: bool = True
    keep_removed: bool = True
    max_bytes: int | None = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT_S
    encoding: str | None = None

    def __post_init__(self) -> None:
        for name in ("keep_about", "keep_contacts", "keep_forward_looking", "keep_removed"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidArgument(f"{name} must be True or False, not {getattr(self, name)!r}")
        if self.max_bytes is not None and (isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int)
                                           or self.max_bytes <= 0):
            raise InvalidArgument(f"max_bytes must be a positive integer or None, not {self.max_bytes!r}")
        timeout = self.timeout
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float)
                                    or not math.isfinite(timeout) or timeout < 0):
            raise InvalidArgument(f"timeout must be a finite number of seconds >= 0 or None, not {timeout!r}")
        if self.encoding is not None and not isinstance(self.encoding, str):
            raise InvalidArgument(f"encoding must be a string or None, not {self.encoding!r}")

    @property
    def budget(self) -> float | None:
        """The time budget in seconds, or None for none (``timeout=0`` also means none)."""
        return float(self.timeout) if self.timeout else None

    def with_changes(self, **changes: Any) -> Options:
        """A copy with some fields changed; an unknown name is an :class:`InvalidArgument`."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise InvalidArgument(f"unknown option(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes) if changes else self


def resolve(options: Options | None, changes: dict[str, Any]) -> Options:
    """The options of one call: ``options`` (or the defaults) with keyword changes applied."""
    if options is not None and not isinstance(options, Options):
        raise InvalidArgument(f"options must be a prclean.Options, not {type(options).__name__}")
    return (options or Options()).with_changes(**changes)
