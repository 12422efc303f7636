"""One decision per unit: body (and which of the release's sections), title, subtitle, or a kind of chrome.

This is where every unit is accounted for. The decision names the rule that took it: the body
span, the header, a detector's verdict, or, for units no detector named, where they stand
relative to the body (before it, after it, outside the page's main content).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..detect.verdict import Verdicts
from ..labels import Label, RuleName, outside_rule
from ..read.units import MainContent, Unit
from .header import Header
from .span import Span

_TITLE_COPY_WORDS = 2
"""A line repeating the title (a breadcrumb's last item) is the title's copy from two words on."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a unit is and which rule said so; ``section`` for body units in one of the release's sections."""

    label: Label
    rule: str
    section: Label | None = None


_DECISIONS = 4096
"""Distinct decisions remembered: labels × rules × sections are a few hundred, so all of them fit."""
_decision = lru_cache(maxsize=_DECISIONS)(Decision)
"""Decisions are frozen: one object per (label, rule, section), shared by every unit it is taken on."""


def decide(units: Sequence[Unit], found: Verdicts, span: Span | None, header: Header,
           sections: Mapping[int, Label], main: MainContent | None) -> tuple[Decision, ...]:
    """The decision on every unit, in page order."""
    body = set(span.keep) if span else set()
    title_texts = {units[i].text.casefold() for i in (header.title,) if i is not None}
    subtitle = {i for i in (header.subtitle, *header.subtitle_more) if i is not None}
    out: list[Decision] = []
    for u in units:
        v = found.get(u.index)
        if u.index in body:
            rule = RuleName.MODEL_BODY if span is not None and u.index in span.added else RuleName.BODY_SPAN
            out.append(_decision(Label.BODY, rule, sections.get(u.index)))
        elif u.index in subtitle:
            out.append(_decision(Label.SUBTITLE, RuleName.HEADER_HEADING))
        elif u.index == header.title or (title_texts and u.text.casefold() in title_texts
                                            and u.words >= _TITLE_COPY_WORDS):
            out.append(_decision(Label.TITLE, RuleName.HEADER_HEADING))
        elif u.index == header.issuer_unit:
            out.append(_decision(Label.FURNITURE, RuleName.PROVIDER_NAME))
        elif span is not None and u.index in span.removed:  # the fitted model took it out of the body
            out.append(_decision(v.label if v is not None else Label.BOILERPLATE, RuleName.MODEL_CHROME))
        elif v is not None:
            out.append(_decision(v.label, v.rule))
        elif span is None:
            out.append(_decision(Label.BOILERPLATE, RuleName.NO_RELEASE))
        elif main is not None and u.index not in main.units:  # HTML: outside the main content
            out.append(_decision(Label.BOILERPLATE, outside_rule(main.source)))
        else:
            out.append(_decision(Label.BOILERPLATE, RuleName.BEFORE_BODY if u.index < span.start else
                                RuleName.AFTER_BODY if u.index > span.end else RuleName.INSIDE_BODY))
    return tuple(out)
