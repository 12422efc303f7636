"""Find the release body inside the page's main content (a wire's container, or a generic reading).

The main content is trusted as a whole, so this never keeps less than it for want of evidence: a
unit goes only when a detector names it as chrome (structural guesses such as "short run" do not
count here), when it stands before the dateline, or after a terminal marker that follows the
release text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..detect.verdict import END_ANCHORS, STRUCTURAL_GUESSES, Verdict, Verdicts
from ..labels import Label, RuleName
from ..read.units import Unit
from ..text import lazy
from ..vocabulary.headings import CONTACTS
from .contacts import contact_evidence, extend_contacts
from .dateline import find_dateline, opens_release
from .prose import is_prose
from .span import Span, caption_verdicts, unnumbered_captions

_URLISH = lazy(r"https?://|www\.|\.\w{2,4}(/|$)")
_FOOTER_WORDS = 40
"""Main content after a skipped marker of fewer words than this (an address line, legal links) is a footer."""
_CARD_MIN_UNITS = 4
"""A closing teaser card is looked for only in a body of four units or more."""
_CARD_HEAD_WORDS, _CARD_HEAD_LINKS = 8, 0.9
"""A teaser card's head is a short line that is wholly a link..."""
_CARD_BLURB_WORDS = (4, 25)
"""...and its blurb one sentence, without links."""


def choose_main(units: Sequence[Unit], found: Verdicts, inside: frozenset[int]) -> Span | None:
    """Pick the body from the main content; None when it holds no prose.

    A span with nothing kept carries the verdicts given on the way (see :class:`Span`).
    """
    order = sorted(inside)
    keep = [i for i in order if units[i].text and not units[i].decoration and not named_chrome(found, i)]
    first_prose = next((i for i in keep if is_prose(units[i])), None)
    if first_prose is None:
        return None
    # what stands above the first paragraph (headline, deck, the issuer's name) belongs to the
    # header, except a dateline set on a line of its own ("Hamburg (ots) -")
    keep = [i for i in keep if i >= first_prose or find_dateline(units, i, i) is not None]
    keep = _cut_at_wall(units, found, order, keep, first_prose)
    keep = _start_at_dateline(units, found, keep)
    if keep:  # paragraphs the main-content pass skipped between its own, with no chrome evidence
        have = set(keep)
        keep = sorted(have | {i for i in range(keep[0], keep[-1]) if i not in have and not found.get(i)
                              and not units[i].decoration and is_prose(units[i])})
    keep = _trim_tail(units, found, keep)
    captions = unnumbered_captions([units[i] for i in keep])
    dropped = caption_verdicts(captions)
    keep = [i for i in keep if i not in captions]
    card = _link_card(units, keep)
    dropped.update({i: Verdict(Label.RELATED, RuleName.LINK_CARD, anywhere=True) for i in card})
    keep = [i for i in keep if i not in card]
    if not any(is_prose(units[i]) for i in keep):
        return Span((), -1, -1, dropped)
    return Span(tuple(keep), keep[0], keep[-1], dropped)


def _cut_at_wall(units: Sequence[Unit], found: Verdicts, order: list[int], keep: list[int],
                 first_prose: int) -> list[int]:
    """The main content up to a terminal marker after the release text, and the contact cards after it."""
    inside = set(order)
    wall = next((i for i in range(first_prose + 1, order[-1] + 1) if (v := found.get(i))
                 and (v.terminal or v.rule in END_ANCHORS)
                 and (i in inside or _little_after(units, found, inside, i, order[-1]))), None)
    if wall is None:
        return keep
    keep = [i for i in keep if i < wall]
    last = extend_contacts(units, found, keep[-1]) if keep else None  # cards after a wire trailer
    return keep + [i for i in order if keep and keep[-1] < i <= (last or -1) and i not in keep
                   and not units[i].decoration and not named_chrome(found, i)]


def _trim_tail(units: Sequence[Unit], found: Verdicts, keep: list[int]) -> list[int]:
    """Lines of links closing the body go ("« Back to Newsroom | Print this page | RSS"): the site's
    navigation under the release, which a generic main-content pass often takes in."""
    end = len(keep)
    while end > 0 and (v := found.get(keep[end - 1])) and v.rule == RuleName.LINK_DENSE \
            and not contact_evidence(units[keep[end - 1]]):
        end -= 1
    return keep[:end]


def _little_after(units: Sequence[Unit], found: Verdicts, inside: set[int], wall: int, last: int) -> bool:
    """Does only a little text, and no prose, follow this marker the main-content pass skipped?

    Such a marker ends the release only then: a "Related" box set between two paragraphs does not,
    but one above the site's footer lines, which the pass took in, does. Prose no detector names
    counts as following text too (the body takes it in between the main content's own units).
    """
    after = [units[i] for i in range(wall + 1, last + 1)
             if i in inside or (not found.get(i) and is_prose(units[i]))]
    return sum(u.words for u in after) < _FOOTER_WORDS and not any(is_prose(u) for u in after)


def _start_at_dateline(units: Sequence[Unit], found: Verdicts, keep: list[int]) -> list[int]:
    """Start at the dateline when one opens the release; take back one the main-content pass lost."""
    dl = find_dateline(units, keep[0], keep[-1]) if keep else None
    if dl is not None and dl in keep and opens_release(units, [i for i in keep if i < dl], dl):
        return keep[keep.index(dl):]
    if dl is None and keep and (lead := _dateline_before(units, found, keep[0])) is not None:
        return [lead, *keep]  # the main-content pass lost the release's opening paragraph
    return keep


def _dateline_before(units: Sequence[Unit], found: Verdicts, first: int) -> int | None:
    """The unit just above the main content, when it opens with a dateline and no detector objects."""
    i = first - 1
    while i >= 0 and units[i].decoration:
        i -= 1
    if i < 0 or found.get(i) or not is_prose(units[i]):
        return None
    return find_dateline(units, i, i)


def _link_card(units: Sequence[Unit], keep: list[int]) -> tuple[int, ...]:
    """A teaser card closing the main content: a short line that is wholly a link, and one sentence.

    ("FAQs Betrieblicher Infektionsschutz" → "Erhalten Sie Antworten auf Ihre Fragen ...".) The
    release's own closing lines are not shaped like that: a contact has an address or a number, a
    web address is written out.
    """
    if len(keep) < _CARD_MIN_UNITS:
        return ()
    head, blurb = units[keep[-2]], units[keep[-1]]
    low, high = _CARD_BLURB_WORDS
    if (head.words <= _CARD_HEAD_WORDS and head.link_density >= _CARD_HEAD_LINKS and not _URLISH.search(head.text)
            and low <= blurb.words <= high and blurb.link_density == 0 and blurb.ends_sentence
            and not contact_evidence(blurb) and not CONTACTS.match(head.text)):
        return tuple(keep[-2:])
    return ()


def named_chrome(found: Verdicts, i: int) -> bool:
    """A detector named this unit as chrome (structural guesses such as "short run" do not count)."""
    v = found.get(i)
    return v is not None and v.rule not in STRUCTURAL_GUESSES
