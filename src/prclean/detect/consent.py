"""A consent dialog rendered into the page's text: the cookie banner and its preference centre.

A text dump prints the dialog where the HTML holds it, often after the footer, as ordinary lines:
headings that name cookies ("Strictly Necessary Cookies"), paragraphs that explain them, buttons
("Accept All", "Confirm My Choices"). Its paragraphs are long, well-formed prose, so on a page
whose own text is short (a forum post, a product) they can outweigh it. A single paragraph about
cookies is not evidence of a dialog (a web framework's documentation explains cookies), so the
dialog is recognised as a cluster: lines that name cookies or carry a consent verdict, close
together, with at least one consent control and one line a consent phrase rule named (a bakery's
list of cookies names them often, but neither asks for consent nor offers to accept them).
Everything from the cluster's first line to its last is the dialog, including the paragraphs in
between that do not repeat the word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..labels import Label, RuleName
from ..read.units import Page, Unit
from ..vocabulary.layout import CONSENT_CONTROL, COOKIE_HINT, COOKIE_WORD
from .verdict import Verdict, Verdicts

CLUSTER_GAP = 3
"""Lines between two of the dialog's cookie lines: a category's heading, its toggle and its paragraph."""
MIN_ANCHORS = 3
"""A dialog names cookies or consent at least three times (banner, button, a category)."""
CONTROL_WORDS = 8
"""A consent control is a button or a link: a few words, no paragraph."""

_CONSENT_DIALOG = Verdict(Label.COOKIE, RuleName.CONSENT_DIALOG)


def consent_dialog(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """The units of every consent dialog on the page that no detector named yet."""
    out: dict[int, Verdict] = {}
    if not any(v.label == Label.COOKIE for v in found.values()):  # a dialog holds a consent phrase
        return out
    for first, last in _dialogs(_anchors(page.units, found)):
        for i in range(first, last + 1):
            if i not in found:
                out[i] = _CONSENT_DIALOG
    return out


class _Anchor(NamedTuple):
    unit: int
    control: bool  # a button or a link of the dialog
    consent: bool  # a consent phrase rule named it


def _anchors(units: Sequence[Unit], found: Verdicts) -> list[_Anchor]:
    """The units that speak of cookies or consent, and the controls within a cluster's reach of them
    (a button is short, and most short lines are menus: the control pattern runs near cookies only)."""
    speaking = {u.index for u in units if (v := found.get(u.index)) is not None and v.label == Label.COOKIE
                or _names_cookies(u.text)}
    reach = CLUSTER_GAP + 1
    near = sorted({j for i in speaking for j in range(max(0, i - reach), min(len(units), i + reach + 1))})
    anchors: list[_Anchor] = []
    for i in near:
        v = found.get(i)
        consent = v is not None and v.label == Label.COOKIE
        control = (consent and v is not None and v.rule == RuleName.CONSENT_BUTTON) or _is_control(units[i])
        if control or i in speaking:  # speaking: a consent verdict or a line naming cookies
            anchors.append(_Anchor(i, control, consent))
    return anchors


def _is_control(u: Unit) -> bool:
    return u.words <= CONTROL_WORDS and not u.ends_sentence and CONSENT_CONTROL.search(u.text) is not None


def _names_cookies(text: str) -> bool:
    low = text.lower()
    return any(piece in low for piece in COOKIE_HINT) and COOKIE_WORD.search(text) is not None


def _dialogs(anchors: list[_Anchor]) -> list[tuple[int, int]]:
    """The first and last unit of each cluster of anchors that makes a dialog."""
    spans: list[tuple[int, int]] = []
    cluster: list[_Anchor] = []
    for anchor in [*anchors, _Anchor(-1, False, False)]:  # the sentinel closes the last cluster
        if cluster and (anchor.unit < 0 or anchor.unit - cluster[-1].unit > CLUSTER_GAP + 1):
            if (len(cluster) >= MIN_ANCHORS and any(a.control for a in cluster)
                    and any(a.consent for a in cluster)):
                spans.append((cluster[0].unit, cluster[-1].unit))
            cluster = []
        cluster.append(anchor)
    return spans
