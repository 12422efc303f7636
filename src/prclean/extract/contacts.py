"""Media contact cards after the release text: short lines the body keeps when they carry contact evidence."""

from __future__ import annotations

from collections.abc import Sequence

from ..detect.verdict import STRUCTURAL_GUESSES, Verdicts
from ..labels import Label, RuleName
from ..read.units import Unit
from ..text import lazy
from .prose import is_prose

_EMAIL = lazy(r"[\w.+-]+\s?(?:@|\[at\]|\(at\)|\{at\})\s?[\w-]+(?:\s?(?:\.|\[dot\]|\(dot\))\s?[\w-]+)+"
                       r"|\[email[^\]]*protected\]")
_EMAIL_MARKS = ("@", "[at]", "(at)", "{at}", "protected]")
"""What an e-mail address must hold for :data:`_EMAIL` to match: most lines are passed without it."""
_CARD_LINE = lazy(r"^(?:https?://|www\.)\S+$|^[\p{L} .-]{2,20}:\s*\S.{0,80}$|^@\w+$")
_PHONE = lazy(r"\+?\(?\d[\d ()./-]{5,22}\d")
_DIGIT = lazy(r"\d")
_DATEISH = lazy(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_PHONE_DIGITS = (7, 15)
"""A phone number has seven to fifteen digits (ITU E.164), local or international."""
_PASSABLE = frozenset({Label.WIRE_TRAILER, Label.DECORATION, Label.END_MARK})
"""Lines a contact card may follow without ending it: wire trailers, rules, end marks."""
_CARD_REACH = 40
"""Lines after the prose searched for a contact card."""
_CARD_GAP = 3
"""Three blank lines end the release: what follows is the page's."""
_CARD_LINE_WORDS = 8
"""A card's lines are names, titles and numbers, not sentences."""
_MAX_CARD_HEAD = 6
"""A card names its phone or e-mail within six lines; a widget list does not."""


def has_phone(text: str) -> bool:
    """A phone number: seven or more digits in one run of digits and separators, not a date."""
    low, high = _PHONE_DIGITS
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        if low <= digits <= high and not _DATEISH.fullmatch(m.group(0).strip()):
            return True
    return False


def contact_evidence(u: Unit) -> bool:
    """An e-mail address or phone number: what a contact card has and a menu item does not."""
    return has_contact(u.text)


def has_contact(text: str) -> bool:
    """An e-mail address or a phone number in this text."""
    if any(mark in text for mark in _EMAIL_MARKS) and _EMAIL.search(text):
        return True
    return len(_DIGIT.findall(text)) >= _PHONE_DIGITS[0] and has_phone(text)


def extend_contacts(units: Sequence[Unit], found: Verdicts, end: int) -> int:
    """Grow the span over contact cards written as short lines right after the prose.

    The run may hold headings ("Media contact:") and names, but it must carry an e-mail
    address or a phone number, and the body ends at the last line that does; a line of chrome
    vocabulary or a long gap ends the run.  Wire trailers in between ("View source version")
    are passed over, not kept.
    """
    last = end
    seen_evidence = False
    before_evidence = 0
    for u in units[end + 1:end + _CARD_REACH]:
        v = found.get(u.index)
        if u.decoration or (v and v.anywhere and v.label in _PASSABLE
                            and (not v.terminal or v.rule == RuleName.SOURCE_LINE)):
            continue  # "View source version ...", "SOURCE Acme": contacts often follow the trailer
        if u.blank_before >= _CARD_GAP or (v and v.rule not in STRUCTURAL_GUESSES) or is_prose(u):
            break
        evidence = contact_evidence(u)
        card_line = seen_evidence and not u.bullet and bool(_CARD_LINE.match(u.text))  # "Internet: www...", "Twitter: @x"
        if not (evidence or card_line) and (u.words > _CARD_LINE_WORDS or u.bullet):
            break
        before_evidence += not (seen_evidence or evidence)
        if before_evidence > _MAX_CARD_HEAD:
            break
        if evidence or card_line:
            last = u.index
            seen_evidence = True
    return last
