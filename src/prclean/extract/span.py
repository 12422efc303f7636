"""Find the release body among labelled units.

The body of a release is one contiguous stretch of prose.  We score each unit (prose earns its
word count, chrome costs, a terminal marker such as ``SOURCE Acme`` or "Also from this source"
is a wall) and take the maximum-sum stretch, as the Body Text Extraction algorithm does for tags.
Then the page's own evidence adjusts the edges:

* the dateline marks where a release starts, so a span that begins earlier is moved to it;
* release sections written as short lines (media contacts) directly after the prose are kept;
* units at the span edges that a detector flagged are trimmed off.

Inside the span only ``anywhere`` verdicts remove a unit: a release's own short list or subheading
survives even if it looks like a menu item on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from ..detect.detectors import Verdict
from ..read.textdump import Unit
from ..wires import ANY_TAG

_EMAIL = regex.compile(r"[\w.+-]+\s?(?:@|\[at\]|\(at\)|\{at\})\s?[\w-]+(?:\s?(?:\.|\[dot\]|\(dot\))\s?[\w-]+)+"
                       r"|\[email[^\]]*protected\]")
_CARD_LINE = regex.compile(r"^(?:https?://|www\.)\S+$|^[\p{L} .-]{2,20}:\s*\S.{0,80}$|^@\w+$")
_PHONE = regex.compile(r"\+?\(?\d[\d ()./-]{5,22}\d")
_DATEISH = regex.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
CONTACT_HEADING = regex.compile(
    r"^(?:(?:[\p{L}-]+\s){0,3}[\p{L}-]*(?:contacts?|kontakte?|contactos?|contatos?|contatti)|"
    r"(?:media|press|investor|pr)\s+(?:relations|enquiries|inquiries)|ansprechpartner(?:in)?|für rückfragen|rückfragen|kontakt für (?:die )?medien|"
    r"contact(?:s)? (?:presse|médias?)|contacto(?:s)?(?: de prensa)?|contato(?:s)?|contatti|"
    r"press office|pressestelle|media enquiries|for (?:more|further) information|お問い合わせ.*|"
    r"报道垂询|媒体联系人?|联系方式|contact information)\s*:?\s*.{0,60}$",
    regex.IGNORECASE,
)
_URLISH = regex.compile(r"https?://|www\.|\.\w{2,4}(/|$)")
_NUMBERED = regex.compile(r"^(?:[IVX]{1,5}|\d{1,2}|[A-H])[.)]\s+\p{Lu}")
TERMINAL_SCORE = -1000.0
_MAX_DRY_RUN = 8
_MAX_CARD_HEAD = 6
_END_ANCHORS = {"source-line", "view-original", "ots-trailer", "issuer-responsibility"}
_PASSABLE = {"wire-trailer", "decoration", "end-mark"}
_STRUCTURAL = {"short-run", "bullet-run", "repeated", "link-dense"}


@dataclass
class Span:
    """The chosen body: the unit indexes kept, and the stretch of the page they come from."""

    keep: list[int] = field(default_factory=list)
    start: int = 0
    end: int = -1


def is_prose(u: Unit) -> bool:
    w = u.words
    return w >= 8 and (w >= 20 or u.ends_sentence) and u.link_density < 0.5


def score(u: Unit, v: Verdict | None) -> float:
    if v is not None:
        if v.terminal:
            return TERMINAL_SCORE
        if v.label in ("caption", "decoration", "end-mark"):
            return -1.0
        return -(2.0 + min(u.words, 10))
    if is_prose(u):
        return float(min(u.words, 400))
    return -1.5 if u.bullet else -1.0


def anchored_span(units: Sequence[Unit], found: dict[int, Verdict], scores: Sequence[float]
                  ) -> tuple[int, int, float] | None:
    """The best stretch that ends right where a wire trailer says the release ends.

    "SOURCE X", "View source version on ...", "Original-Content von ..." are the page's own
    statement of where the release stops; on pages that carry other long prose (talk abstracts,
    teasers, a second article) that statement beats any length comparison.
    """
    best: tuple[int, int, float] | None = None
    for u in units:
        v = found.get(u.index)
        if v is None or v.rule not in _END_ANCHORS:
            continue
        total, top, start, dry = 0.0, 0.0, None, 0
        for i in range(u.index - 1, max(-1, u.index - 600), -1):
            dry = dry + 1 if scores[i] <= 0 else 0
            if scores[i] <= TERMINAL_SCORE or dry > _MAX_DRY_RUN:
                break  # a wall, or a long run of chrome: the release does not reach further up
            total += scores[i]
            if total > top:
                top, start = total, i
        if start is not None and top >= 30 and (best is None or top > best[2]):
            best = (start, u.index - 1, top)
    return best


def best_span(scores: Sequence[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous stretch (Kadane); ``(start, end, total)``, end inclusive."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, s in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += s
        if total > best[2]:
            best = (start, i, total)
    return best


def _has_dateline_tag(u: Unit) -> bool:
    return bool(ANY_TAG.search(u.text[:300]))  # a short head: bounded patterns need no time guard


def find_dateline(units: Sequence[Unit], lo: int, hi: int) -> int | None:
    """The first prose unit in ``[lo, hi]`` that opens with a dateline (wire tag or place + date)."""
    from ..describe.fields import parse_dateline  # meta imports this module's patterns

    for u in units[lo:hi + 1]:
        if not (_has_dateline_tag(u) or parse_dateline(u.text) is not None):
            continue
        if is_prose(u):
            return u.index
        nxt = next((w for w in units[u.index + 1:u.index + 3] if not w.decoration), None)
        if u.words <= 8 and nxt is not None and is_prose(nxt):  # "Bremen (ots) -" on a line of its own
            return u.index
    return None


def _opens_release(units: Sequence[Unit], before: Iterable[int], dl: int) -> bool:
    """Does this dateline open the release, so that what stands before it is not the release?

    A wire's tagged dateline always does.  A bare "Berlin, 29.11.2022 -" only when no paragraph
    of prose stands before it: some releases open with a lead paragraph and date a later one.
    """
    return _has_dateline_tag(units[dl]) or not any(units[i].words >= 15 and is_prose(units[i]) for i in before)


def has_phone(text: str) -> bool:
    """A phone number: seven or more digits in one run of digits and separators, not a date."""
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        if 7 <= digits <= 15 and not _DATEISH.fullmatch(m.group(0).strip()):
            return True
    return False


def contact_evidence(u: Unit) -> bool:
    """An e-mail address or phone number: what a contact card has and a menu item does not."""
    return bool(_EMAIL.search(u.text)) or has_phone(u.text)


def extend_contacts(units: Sequence[Unit], found: dict[int, Verdict], end: int) -> int:
    """Grow the span over contact cards written as short lines right after the prose.

    The run may hold headings ("Media contact:") and names, but it must carry an e-mail
    address or a phone number, and the body ends at the last line that does; a line of chrome
    vocabulary or a long gap ends the run.  Wire trailers in between ("View source version")
    are passed over, not kept.
    """
    last = end
    seen_evidence = False
    before_evidence = 0
    for u in units[end + 1:end + 40]:
        v = found.get(u.index)
        if u.decoration or (v and v.anywhere and v.label in _PASSABLE
                            and (not v.terminal or v.rule == "source-line")):
            continue  # "View source version ...", "SOURCE Acme": contacts often follow the trailer
        if u.blank_before >= 3 or (v and v.rule not in _STRUCTURAL) or is_prose(u):
            break
        evidence = contact_evidence(u)
        card_line = seen_evidence and bool(_CARD_LINE.match(u.text))  # "Internet: www...", "Twitter: @x"
        if not (evidence or card_line) and (u.words > 8 or u.bullet):
            break
        before_evidence += not (seen_evidence or evidence)
        if before_evidence > _MAX_CARD_HEAD:
            break  # a card names its phone or e-mail within a few lines; a widget list does not
        if evidence or card_line:
            last = u.index
            seen_evidence = True
    return last


def choose_span(units: Sequence[Unit], found: dict[int, Verdict]) -> Span | None:
    """Pick the release body; None when the page holds no prose worth calling a release."""
    scores = [score(u, found.get(u.index)) for u in units]
    start, end, total = anchored_span(units, found, scores) or best_span(scores)
    if end < 0 or total < 15:
        return None
    dl = find_dateline(units, start, end)
    if dl is None:  # a dateline just before the span: the span began too late
        early = find_dateline(units, max(0, start - 12), start - 1)
        if early is not None and found.get(early) is None:
            dl = early
    if dl is not None and _opens_release(units, range(start, dl), dl):
        start = dl
    while start <= end and (found.get(start) or not units[start].text or units[start].decoration):
        start += 1
    while end >= start and (found.get(end) or not units[end].text or units[end].decoration):
        end -= 1
    end = extend_contacts(units, found, end)
    keep = [i for i in range(start, end + 1)
            if units[i].text and not units[i].decoration
            and not (found.get(i) and (found[i].anywhere or found[i].terminal))]
    if not any(is_prose(units[i]) for i in keep):
        return None
    keep = _drop_captions(units, keep, found)
    return Span(keep, start, end)


def choose_main(units: Sequence[Unit], found: dict[int, Verdict], inside: set[int]) -> Span | None:
    """Pick the body from the page's main content (a wire's body container, or trafilatura's).

    The main content is trusted as a whole, so this never keeps less than it for want of
    evidence: a unit goes only when a detector names it as chrome (structural guesses such as
    "short run" do not count here), when it stands before the dateline, or after a terminal
    marker that follows the release text.
    """
    order = sorted(inside)
    keep = [i for i in order if units[i].text and not units[i].decoration and not _named_chrome(found, i)]
    first_prose = next((i for i in keep if is_prose(units[i])), None)
    if first_prose is None:
        return None
    # what stands above the first paragraph (headline, deck, the issuer's name) belongs to the
    # header, except a dateline set on a line of its own ("Hamburg (ots) -")
    keep = [i for i in keep if i >= first_prose or find_dateline(units, i, i) is not None]
    wall = next((i for i in order if i > first_prose and (v := found.get(i))
                 and (v.terminal or v.rule in _END_ANCHORS)), None)
    if wall is not None:
        keep = [i for i in keep if i < wall]
        last = extend_contacts(units, found, keep[-1]) if keep else None  # cards after a wire trailer
        keep += [i for i in order if keep and keep[-1] < i <= (last or -1) and i not in keep
                 and not units[i].decoration and not _named_chrome(found, i)]
    dl = find_dateline(units, keep[0], keep[-1]) if keep else None
    if dl is not None and dl in keep and _opens_release(units, [i for i in keep if i < dl], dl):
        keep = keep[keep.index(dl):]
    elif dl is None and keep and (lead := _dateline_before(units, found, keep[0])) is not None:
        keep = [lead, *keep]  # the main-content pass lost the release's opening paragraph
    if keep:  # paragraphs the main-content pass skipped between its own, with no chrome evidence
        have = set(keep)
        keep = sorted(have | {i for i in range(keep[0], keep[-1]) if i not in have and not found.get(i)
                              and not units[i].decoration and is_prose(units[i])})
    keep = _drop_captions(units, keep, found)
    keep = _drop_link_card(units, keep, found)
    if not any(is_prose(units[i]) for i in keep):
        return None
    return Span(keep, keep[0], keep[-1])


def _dateline_before(units: Sequence[Unit], found: dict[int, Verdict], first: int) -> int | None:
    """The unit just above the main content, when it opens with a dateline and no detector objects."""
    i = first - 1
    while i >= 0 and units[i].decoration:
        i -= 1
    if i < 0 or found.get(i) or not is_prose(units[i]):
        return None
    return find_dateline(units, i, i)


def _drop_link_card(units: Sequence[Unit], keep: list[int], found: dict[int, Verdict]) -> list[int]:
    """A teaser card closing the main content: a short line that is wholly a link, and one sentence.

    ("FAQs Betrieblicher Infektionsschutz" → "Erhalten Sie Antworten auf Ihre Fragen ...".) The
    release's own closing lines are not shaped like that: a contact has an address or a number, a
    web address is written out.
    """
    if len(keep) < 4:
        return keep
    head, blurb = units[keep[-2]], units[keep[-1]]
    if (head.words <= 8 and head.link_density >= 0.9 and not _URLISH.search(head.text)
            and 4 <= blurb.words <= 25 and blurb.link_density == 0 and blurb.ends_sentence
            and not contact_evidence(blurb) and not CONTACT_HEADING.match(head.text)):
        for i in keep[-2:]:
            found[i] = Verdict("related", "link-card", anywhere=True)
        return keep[:-2]
    return keep


def _named_chrome(found: dict[int, Verdict], i: int) -> bool:
    """A detector named this unit as chrome (structural guesses such as "short run" do not count)."""
    v = found.get(i)
    return v is not None and v.rule not in _STRUCTURAL


def _drop_captions(units: Sequence[Unit], keep: list[int], found: dict[int, Verdict]) -> list[int]:
    captions = unnumbered_captions([units[i] for i in keep])
    for i in captions:
        found[i] = Verdict("caption", "unnumbered-heading", anywhere=True)
    return [i for i in keep if i not in captions]


def unnumbered_captions(body: Sequence[Unit]) -> set[int]:
    """Short lines that break a numbered heading scheme are picture captions.

    When a release numbers its subheadings ("I. ...", "2. ..."), a short unnumbered line
    between paragraphs is not a heading of that release but the caption of a picture the
    rendering lost.  Without a numbering scheme there is no such evidence, and nothing is done.
    """
    short = [u for u in body if not is_prose(u) and not u.bullet and 3 <= u.words <= 30]
    numbered = [u for u in short if _NUMBERED.match(u.text)]
    if len(numbered) < 2:
        return set()
    return {u.index for u in short if not _NUMBERED.match(u.text) and not u.ends_sentence
            and not CONTACT_HEADING.match(u.text)}


def heading_like(u: Unit) -> bool:
    """A title or subheading candidate: a line of words without list or menu markers."""
    return not u.bullet and not u.decoration and 2 <= u.words <= 60 and u.link_density < 0.5 \
        and not (u.short and u.words < 3)
