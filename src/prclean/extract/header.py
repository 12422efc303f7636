"""The release header: title, subtitle, byline and "News provided by", above the body.

The header is the stretch just above the body where furniture (timestamps, share bars, the
provider line, bylines) alternates with one or two headings. The headline is the candidate line
near the body's start (:mod:`.headline`) that a model fitted on pages nobody tuned on
(:mod:`.title_model`) rates highest, if it rates it high enough: the page's own title naming it,
its words in the lead, its heading mark, its place among the furniture, a lynx dump's centring
are the evidence. A headline glued to its deck in one line is cut off its front (:mod:`.glued`).
The deck is the first heading under the headline that reads as one.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ..detect.verdict import Verdicts
from ..labels import Label, RuleName
from ..names import author_from
from ..read.units import Unit
from ..text import count_words, lazy, norm
from ..vocabulary.dates import DATE
from ..vocabulary.layout import LIST_ITEM
from ..vocabulary.names import ENDS_IN_LEGAL_FORM, NAME_LINE
from ..wires import WIRE_NAMES
from .dateline import parse_dateline
from .glued import TITLE_SEP
from .headline import FEATURES, HEADER_GUESSES, Candidate, candidates, content_words, evidence, heading_walk
from .prose import is_prose
from .title_model import load_model

_PROVIDER_WORDS = 8
"""The issuer's name on the line after "News provided by" is a few words, not a sentence."""
_BYLINE_REACH = 30
"""A byline stands in the article's header: within 30 units above the body."""
_DECK_REACH = 8
"""A deck has at most a few lines (a date, a byline, share buttons) between it and its headline."""
_MIN_SUBTITLE_WORDS = 4
"""A deck is a phrase, not a word or two."""
_MIN_REPEAT_CHARS = 20
"""A deck that contains the headline (or is contained in it) of this many characters repeats it."""
_DATED_MAX_WORDS = 6
"""A dated line with six words or fewer besides its date and time is furniture, not a deck."""
_MAX_DECK_SENTENCES = 1
"""A deck is a phrase or one sentence; a paragraph of two or more is the lead."""
_PAIR_LEAD = 0.5
"""A headline candidate sharing half its content words with the lead is about the release."""
_LEAD_PARAGRAPHS = 2
"""A standfirst shares words with the headline or the text's first two paragraphs."""
_PAIR_WORDS = 3
"""A headline over its deck: both phrases; one- and two-word lines are section names ("Quick Search")."""
_STANDFIRST_CHROME = frozenset({Label.SHARE, Label.CAPTION, Label.FURNITURE, Label.DECORATION, Label.BYLINE})
"""Furniture a page sets between its standfirst and its text (share bar, picture and caption, date line)."""
_DATED = lazy(rf"{DATE}|\b\d{{1,2}}[:h.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?|uhr)?\b(?:\s*[A-Z]{{2,4}}\b)?",
                       regex.IGNORECASE)
_URLISH = lazy(r"https?://|\bwww\.", regex.IGNORECASE)
_BYLINE_START = lazy(r"^(?:by|von|par|por|di|door)\s+\p{Lu}", regex.IGNORECASE)
_BYLINE_INITIALS = "BbVvPpDd"
"""The letters :data:`_BYLINE_START`'s words start with, in either case (no other character matches
them case-insensitively): a line starting otherwise is no "By ..." line, and no pattern runs on it."""
_SENTENCE_BREAK = lazy(r"(?<=\p{Ll}{3}|\d)[.!?…][\"”»“]?\s+(?=[\"„“«]?\p{Lu})")


@dataclass(frozen=True, slots=True)
class Header:
    """What the header holds, by unit index; ``title_text`` and ``subtitle_text`` when the headline
    is only part of its unit's text (glued to its deck, or after a markdown ``#``)."""

    title: int | None = None
    subtitle: int | None = None
    author: str | None = None
    provided_by: str | None = None
    issuer_unit: int | None = None
    name_line: str | None = None
    subtitle_more: tuple[int, ...] = ()  # the further points of a deck written as a list
    title_text: str | None = None  # the headline when it is the front of its unit's line (a glued deck)
    subtitle_text: str | None = None  # the deck when it followed the headline on the same line


def names_page_title(text: str, titles: Sequence[str]) -> bool:
    """Is ``text`` the page's title, alone or as one part of "Headline | Site"?"""
    key = norm(text)
    return any(key == part.casefold() for t in titles if t for part in [t, *TITLE_SEP.split(t)])


def title_parts(title: str) -> list[str]:
    """A page title cut where sites append their name: "Headline | Site" → ["Headline", "Site"]."""
    return TITLE_SEP.split(title)


def read_header(units: Sequence[Unit], found: Verdicts, start: int, lead_text: str = "",
                page_titles: Sequence[str] = ()) -> Header:
    """The header above the body at ``start``: headline (by the fitted scorer), deck, byline, provider.

    ``lead_text`` is the body's first paragraphs, which a deck elaborates on; the scorer reads the
    lead itself, leaving out the candidate (a text dump's body may start with its headline).
    """
    provided_by, issuer_unit, author = _furniture(units, found, start)
    best = choose_title(units, found, start, issuer_unit, page_titles)
    if best is None:
        return Header(author=author, provided_by=provided_by, issuer_unit=issuer_unit)
    title = best.index
    cands = heading_walk(units, found, start, issuer_unit)
    above = [c for c in cands if c < title and NAME_LINE.match(units[c].text)
             and ENDS_IN_LEGAL_FORM.search(units[c].text)]
    name_line = units[max(above)].text if above else None  # the issuer's name over the headline
    text = best.text if best.text != units[title].text else None  # a cut line, or one without its "#"
    if best.part:
        rest = best.rest if is_deck(best.rest, best.text) else None
        return Header(title, None, author, provided_by, issuer_unit, name_line, (), text, rest)
    subtitle, more = _deck(units, found, sorted(cands), title, start, lead_text)
    return Header(title, subtitle, author, provided_by, issuer_unit, name_line, more, text)


def choose_title(units: Sequence[Unit], found: Verdicts, start: int, skip: int | None,
                 page_titles: Sequence[str]) -> Candidate | None:
    """The headline candidate the fitted scorer rates highest, if it rates it high enough.

    Candidates are tried nearest the body first, so of two equal scores (a headline and its copy
    in a breadcrumb) the one over the text wins.
    """
    cands = candidates(units, start, skip, page_titles)
    if not cands:
        return None
    model = load_model(FEATURES)
    rows = evidence(cands, units, found, start, page_titles, skip)
    probs = model.probabilities(model.scores(rows))
    p, _, best = max((p, -k, c) for k, (c, p) in enumerate(zip(cands, probs)))
    if p < model.threshold:
        return None
    rated = {c.index: (c, r["lead"]) for c, q, r in zip(cands, probs, rows) if q >= model.threshold and not c.part}
    return _of_pair(units, best, rated)


def _of_pair(units: Sequence[Unit], best: Candidate, rated: dict[int, tuple[Candidate, float]]) -> Candidate:
    """Of two headline-rated lines with nothing but images between them, the headline is the upper
    one (the lower is its deck) when both are phrases about the lead, unless only the lower one
    shares the lead's words (the upper is a kicker: "From the Wires", a section name)."""
    if best.part or best.index not in rated:
        return best
    lead = rated[best.index][1]
    above, below = _next_line(units, best.index, -1), _next_line(units, best.index, 1)
    if lead == 0 and below in rated and rated[below][1] >= _PAIR_LEAD and units[below].words >= _PAIR_WORDS:
        return rated[below][0]
    if lead >= _PAIR_LEAD and above in rated and rated[above][1] >= _PAIR_LEAD \
            and min(units[above].words, units[best.index].words) >= _PAIR_WORDS:
        return rated[above][0]
    return best


def _next_line(units: Sequence[Unit], i: int, step: int) -> int | None:
    """The nearest unit with words above (``step`` -1) or below (1) unit ``i``."""
    j = i + step
    while 0 <= j < len(units) and (units[j].decoration or not units[j].text):
        j += step
    return j if 0 <= j < len(units) else None


def _deck(units: Sequence[Unit], found: Verdicts, cands: list[int], title: int, start: int, lead: str
          ) -> tuple[int | None, tuple[int, ...]]:
    """The deck under the headline: the first heading below it that reads as one, or a list of points.

    A deck is a phrase or one sentence the issuer wrote under the headline, about what the headline
    or the lead says. A date line, a byline, a wire's "By GlobeNewswire, June 5, 2017" line, a
    caption, the headline repeated, or a lead paragraph of several sentences is not, whatever its
    place. A "related" heading standing right over the text introduces no list: it is the deck.
    """
    head = units[title].text
    topic = content_words(head) | content_words(lead)
    last = _next_line(units, start, -1)
    for c in sorted({*cands, *([last] if last is not None and last > title else [])}):
        u = units[c]
        if c <= title or u.words < _MIN_SUBTITLE_WORDS or NAME_LINE.match(u.text) or norm(u.text) == norm(head):
            continue
        if sum(1 for w in units[title + 1:c] if w.text and not w.decoration) > _DECK_REACH:
            break  # a deck stands under its headline, not a screen further down
        v = found.get(c)
        if (v is None or v.rule in HEADER_GUESSES or (c == last and v.rule == RuleName.RELATED_HEADING)) \
                and is_deck(u.text, head) and content_words(u.text) & topic:
            return c, _deck_points(units, found, c, start)
    points = [u for u in units[title + 1:start] if u.text and not u.decoration and not found.get(u.index)]
    if points and points[0].bullet and points[0].words >= _MIN_SUBTITLE_WORDS and is_deck(points[0].text, head) \
            and content_words(points[0].text) & topic:
        return points[0].index, _deck_points(units, found, points[0].index, start)
    return None, ()


def standfirst(header: Header, units: Sequence[Unit], found: Verdicts, keep: Sequence[int]) -> Header:
    """A text dump's deck read as the body's first paragraph: one sentence right under the headline,
    on the headline's topic, that the page sets apart from its text by furniture (a share bar, a
    picture and its caption), on the topic of the headline or of the text's first paragraphs. The
    header then holds it as the subtitle."""
    if header.title is None or header.subtitle is not None or header.subtitle_text or len(keep) < 2:
        return header
    first, head = units[keep[0]], header.title_text or units[header.title].text
    if _next_line(units, first.index, -1) != header.title or first.words < _MIN_SUBTITLE_WORDS:
        return header
    prose = [i for i in keep[1:] if is_prose(units[i])][:_LEAD_PARAGRAPHS]
    text = prose[0] if prose else first.index + 1
    topic = content_words(head).union(*(content_words(units[i].text) for i in prose))
    between = [found.get(u.index) for u in units[first.index + 1:text] if u.text and not u.decoration]
    apart = any(v is not None and v.label in _STANDFIRST_CHROME and v.rule not in HEADER_GUESSES for v in between)
    if not apart or parse_dateline(first.text) or not is_deck(first.text, head) \
            or not content_words(first.text) & topic:
        return header
    return replace(header, subtitle=first.index)


def _furniture(units: Sequence[Unit], found: Verdicts, start: int) -> tuple[str | None, int | None, str | None]:
    """"News provided by" (and the unit naming the provider, when it stands on its own line) and the byline."""
    provided_by = issuer_unit = author = None
    for u in units[:start]:
        v = found.get(u.index)
        if u.index < start - _BYLINE_REACH and v and v.label == Label.BYLINE:
            continue  # a "By ..." line far above the text is a sidebar's filter or another story's
        if v and v.rule == RuleName.NEWS_PROVIDED_BY:
            rest = u.text.split("by", 1)[-1].strip(" :") if " by" in u.text.casefold() else ""
            nxt = next((w for w in units[u.index + 1:start] if w.text and not w.decoration), None)
            if rest:
                provided_by = rest
            elif nxt is not None and nxt.words <= _PROVIDER_WORDS and not is_prose(nxt):
                provided_by, issuer_unit = nxt.text, nxt.index
        if author is None and ((v and v.label == Label.BYLINE)
                               or (u.text[:1] in _BYLINE_INITIALS and _BYLINE_START.match(u.text))):
            author = author_from(u.text)  # also "By Ruth Okafor | 12 March 2025", a dated line
    return provided_by, issuer_unit, author


def _deck_points(units: Sequence[Unit], found: Verdicts, first: int, start: int) -> tuple[int, ...]:
    """A deck written as a list ("- Debt converted to equity", "- Follows ..."): its points after the first.

    The points sit together between the first one and the body; one that is anything else ends them.
    """
    if not _deck_point(units[first]):
        return ()
    points: list[int] = []
    for u in units[first + 1:start]:
        if u.decoration or not u.text:
            continue
        v = found.get(u.index)
        if not _deck_point(u) or (v is not None and v.rule not in HEADER_GUESSES):
            break
        points.append(u.index)
    return tuple(points)


def _deck_point(u: Unit) -> bool:
    """A line that is a list item with text after its marker (a text dump's marker is already read off)."""
    m = LIST_ITEM.match(u.text)
    return (m is not None and m.end() < len(u.text)) or (u.bullet and bool(u.marker))


def is_deck(text: str, title: str) -> bool:
    """Can this line be the deck under this headline?  Not a date or byline line, a credit, a link,
    the headline again, or a lead paragraph of several sentences."""
    plain, head = norm(html.unescape(text)), norm(html.unescape(title))
    if plain == head or (len(plain) > _MIN_REPEAT_CHARS and (plain in head or head in plain)):
        return False
    if "©" in text or _URLISH.search(text) or _BYLINE_START.match(text) or WIRE_NAMES.search(text):
        return False
    dated = _DATED.sub(" ", text)
    if dated != text and ("|" in text or count_words(dated) <= _DATED_MAX_WORDS):
        return False  # a date line: "08.12.2022 Bundesverband WindEnergie", "28.04.2021 - 07:18 | Quelle: ..."
    return len(_SENTENCE_BREAK.findall(text)) < _MAX_DECK_SENTENCES
