"""Headline candidates above (and just inside) the body, and the evidence the fitted scorer weighs.

Every line near the body's start that could be a headline is a candidate, including lines a
detector called chrome (a headline inside a "related" box, a repeated one): the verdict is
evidence for the scorer, not a veto. A line may also hold its headline glued to more text (a
text dump that ran a headline and its deck into one paragraph); the headline cut off its front
is a candidate too (:mod:`.glued`). :func:`evidence` describes each candidate with the features
the model in :mod:`.title_model` was fitted on; their names are :data:`FEATURES`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from ..detect.verdict import STRUCTURAL_GUESSES, Verdicts
from ..labels import Label, RuleName
from ..read.units import Unit
from ..text import CJK, INVISIBLE, WORD, norm, word_set
from .glued import CRUMB_SEP, TITLE_SEP, Part, glued_parts, hash_heading
from .lineshape import CRUMB_MARKS, SHORT_TOKEN, marked, text_shape
from .prose import heading_like, is_prose

WALK = 50
"""Units above the body looked at: a headline stands within a screen of its text."""
BODY_PEEK = 3
"""The body's first units are candidates too: a text dump's headline often reads as the first paragraph."""
MAX_WORDS = 40
"""A headline is a line, not a paragraph."""
_WORDY = 2.5
"""Real words average more than 2.5 letters: "A A A" and "d a h" are glyph rows, not headings."""
_WALK_REACH = 40
"""Units the header walk goes up from the body."""
_MAX_MISSES = 3
"""Other lines the walk tolerates between headings before the header is over."""
_WALK_WORDS = 3
"""A line a structural guess flagged still counts as a heading in the walk from three words on."""
HEADER_GUESSES = frozenset({RuleName.REPEATED, RuleName.SHORT_RUN, RuleName.BULLET_RUN})
"""Structural guesses a real headline may trip (it is repeated in the breadcrumb, it is short)."""
_LEAD_UNITS = 2
"""The lead a headline is compared with: the first two paragraphs of prose at the body's start."""
_NEIGHBOUR = 3
"""A heading with another heading within three lines below it is a headline with its deck."""
_CENTRE_INDENT = 8
"""A text line indented this far may be centred (lynx centres <h1>, w3m centres <center>)."""
_CENTRE_SLACK = 0.1
"""A centred line's margins differ by at most a tenth of the page's width."""
_PROSE_LINE_WORDS = 8
"""Lines of this many words run to the wrap width: the widest of them is the page's width."""
_WRAPPED_LINES = 2
"""Paragraphs wrapped over three lines or more (two line breaks) tell the width by their length."""
_KICKER_WORDS = 3
"""A kicker ("From the Wires", "Pressemitteilung") is a label of a few words set on the line right
above its headline, which then has no blank line before it."""
_NAMING_WORDS = 3
"""A line another line names (the page's first line, a repeat) is a headline from three words on;
shorter ones are menu items and site names."""
_REPEAT_WORDS = 4
"""Repeated lines this long are a headline and its copy; shorter repeats are menus."""
_CENTRED_MAX = 2
"""Centring marks a headline (and its deck) only where it stands out: a page that centres more lines
near its text centres a sidebar's box titles, not its headline."""
_FURNITURE = frozenset({Label.FURNITURE, Label.BYLINE, Label.SHARE, Label.DECORATION, Label.CAPTION,
                        Label.LANGUAGE_LIST, Label.AD, Label.WIRE_TRAILER})
_MENU = frozenset({Label.MENU, Label.FOOTER, Label.COOKIE, Label.BANNER, Label.CONTACT_WIDGET})
_NAMED = _FURNITURE | _MENU | {Label.RELATED}
"""Labels with a feature of their own; the rest are "v_other"."""

FEATURES = (
    "lead", "lead_gap", "title_exact", "title_site", "title_inside", "title_overlap", "top_line", "crumb_tail",
    "repeated_near", "repeated_short", "heading", "h1", "h2", "h3", "first_h1", "distance",
    "in_body", "rank", "ends_period", "ends_colon", "ends_mark", "log_words", "few_words", "long",
    "name_line", "neighbour", "title_case", "all_caps", "indent", "centred", "link_density", "v_guess",
    "v_furniture", "v_menu", "v_related", "v_other", "container", "position", "blank_before", "dated",
    "urlish", "pipe", "dash", "crumbs", "brackets", "bullet", "sentences", "prose", "html",
    "heading_like", "plain_between", "chrome_between", "after_menu", "before_menu", "adjacent", "echo_above", "walk", "walk_first",
    "under_kicker", "over_byline",
)
"""The evidence per candidate, named as the weights file names it."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that may be the headline: a unit, or the headline cut off the front of one (``part``).

    ``rest`` is what followed a cut headline on its line (a deck, when it reads as one).
    """

    index: int
    text: str
    part: bool = False
    rest: str = ""


def heading_walk(units: Sequence[Unit], found: Verdicts, start: int, skip: int | None) -> list[int]:
    """Heading-like units above the body, nearest first, walking up past furniture until other chrome
    starts: the header as a reader scans it (and where the deck is looked for)."""
    cands: list[int] = []
    misses = 0
    for i in range(start - 1, max(-1, start - _WALK_REACH - 1), -1):
        u = units[i]
        v = found.get(i)
        if u.decoration or not u.text or i == skip or (v is not None and v.label in _FURNITURE):
            continue
        if heading_like(u) and _wordy(u.text) and (
                v is None or (v.rule in HEADER_GUESSES and (u.heading or (u.words >= _WALK_WORDS and not u.bullet)))):
            cands.append(i)
            misses = 0
        elif cands:
            misses += 1
            if misses > _MAX_MISSES:
                break
    return cands


def candidates(units: Sequence[Unit], start: int, skip: int | None, titles: Sequence[str]) -> list[Candidate]:
    """Lines near the body's start that could be its headline, nearest the body first."""
    lo, hi = max(0, start - WALK), min(len(units), start + BODY_PEEK)
    anchors = _anchor_texts(units, lo, hi, titles)
    out: list[Candidate] = []
    for i in [*range(start, hi), *range(start - 1, lo - 1, -1)]:
        u = units[i]
        if u.decoration or not u.text or i == skip:
            continue
        text = hash_heading(u)
        if 1 <= u.words <= MAX_WORDS and _wordy(text):
            out.append(Candidate(i, text))
        for part in glued_parts(u, anchors):
            out.append(Candidate(i, part.head, True, part.rest))
    return out


@dataclass(frozen=True)
class _Page:
    """What every candidate's evidence is measured against, computed once per page."""

    units: Sequence[Unit]
    found: Verdicts
    start: int
    titles: list[str]
    title_words: list[set[str]]
    headlines: set[str]
    sites: set[str]
    top_parts: dict[str, int]
    crumbs: dict[str, int]
    norms: dict[int, str]
    near: Counter[str]
    leads: list[tuple[int, set[str]]]
    first_h1: int | None
    width: int
    margin: int


def _context(units: Sequence[Unit], found: Verdicts, start: int, titles: Sequence[str]) -> _Page:
    lo, hi = max(0, start - WALK), min(len(units), start + BODY_PEEK)
    keys = [norm(INVISIBLE.sub("", t)) for t in titles if t]  # soft hyphens in a <title> are not text
    headlines = {h for t in keys for h in (t, _headline_part(t))}
    sites = {p for t in keys for p in TITLE_SEP.split(t)} - headlines
    top: dict[str, int] = {}
    for u in units[:1]:  # an innerText dump opens with the page's <title>
        for p in (norm(u.text), _headline_part(norm(u.text))):
            if len(p.split()) >= _NAMING_WORDS:
                top.setdefault(p, u.index)
    norms = {u.index: norm(u.text) for u in units[max(0, lo - _NEIGHBOUR):hi]}
    crumbs: dict[str, int] = {}
    for u in units[lo:hi]:
        pieces = _crumb_pieces(norms[u.index])
        if len(pieces) > 1 and pieces[-1]:
            crumbs.setdefault(pieces[-1], u.index)
        tail = _listed_crumb_tail(units, found, u.index, hi) if u.index in found else None
        if tail is not None:
            crumbs.setdefault(norms.get(tail) or norm(units[tail].text), tail)
    prose = (u for u in units[start:start + WALK] if is_prose(u))
    leads = [(u.index, content_words(u.text)) for u in islice(prose, _LEAD_UNITS + 1)]  # the rest are never read
    h1 = next((u.index for u in units[:hi] if u.heading and u.level == 1), None)
    near = Counter(norms[u.index] for u in units[lo:hi])
    return _Page(units, found, start, keys, [word_set(t) for t in keys], headlines, sites, top, crumbs, norms, near,
                 leads, h1, *_width(units))


def _listed_crumb_tail(units: Sequence[Unit], found: Verdicts, i: int, hi: int) -> int | None:
    """The last item of a breadcrumb written as a list under its label ("Sie sind hier:" then
    "1. Startseite", "2. Presse", ...): like the tail of "Home > Presse > X", it names the page."""
    v = found.get(i)
    if v is None or v.rule != RuleName.BREADCRUMB:
        return None
    last = None
    for u in units[i + 1:hi]:
        if not u.bullet:
            break
        last = u.index
    return last


def evidence(cands: Sequence[Candidate], units: Sequence[Unit], found: Verdicts, start: int,
             titles: Sequence[str], skip: int | None = None) -> list[dict[str, float]]:
    """The features of each candidate, in :data:`FEATURES`' names (``skip``: the provider's name line)."""
    page = _context(units, found, start, titles)
    walk = heading_walk(units, found, start, skip)
    rows = [_features(c, page) for c in cands]
    above = sorted({c.index for c in cands if c.index < start}, reverse=True)
    rank = {i: k for k, i in enumerate(above)}
    best_lead = max((r["lead"] for r in rows), default=0.0)
    heads = {c.index for c, r in zip(cands, rows) if r["heading_like"]}  # heading_like of the candidate's unit
    between = _between(units, found, start)
    for c, r in zip(cands, rows):
        plain, chrome, after_menu, before_menu = between.get(c.index, (0, 0, False, False))
        r["plain_between"], r["chrome_between"] = math.log1p(plain), math.log1p(chrome)
        r["after_menu"], r["before_menu"] = float(after_menu), float(before_menu)
        r["adjacent"] = float(c.index < start and plain == 0)  # only furniture between it and the text
        r["walk"] = float(c.index in walk)
        r["walk_first"] = float(bool(walk) and c.index == walk[0])
        r["lead_gap"] = r["lead"] - best_lead
        r["rank"] = math.log1p(rank.get(c.index, 0))
        r["neighbour"] = float(any(j in heads for j in range(c.index + 1, c.index + _NEIGHBOUR + 1)))
    if len({c.index for c, r in zip(cands, rows) if r["centred"]}) > _CENTRED_MAX:
        for r in rows:
            r["centred"] = 0.0
    return rows


def _between(units: Sequence[Unit], found: Verdicts, start: int) -> dict[int, tuple[int, int, bool, bool]]:
    """For each line above the body: how many plain lines and how many chrome lines stand between
    it and the body, and whether the line above it and the line below it are a menu's (a headline
    comes after the navigation, a site's name before it)."""
    out: dict[int, tuple[int, int, bool, bool]] = {}
    plain = chrome = 0
    seen = [u for u in units[max(0, start - WALK - 1):start] if u.text and not u.decoration]
    menu = [v is not None and (v.label in _MENU or v.rule in STRUCTURAL_GUESSES)
            for v in (found.get(u.index) for u in seen)]
    for k in range(len(seen) - 1, -1, -1):
        u = seen[k]
        out[u.index] = (plain, chrome, k > 0 and menu[k - 1], k + 1 < len(seen) and menu[k + 1])
        v = found.get(u.index)
        if v is None or v.rule in STRUCTURAL_GUESSES:
            plain += 1
        else:
            chrome += 1
    return out


def _features(c: Candidate, page: _Page) -> dict[str, float]:
    u = page.units[c.index]
    key = page.norms[c.index] if c.text == u.text else norm(c.text)  # a whole line's is the page's already
    words = word_set(key)
    content = _content_of(key, words)
    v = page.found.get(c.index)
    f = text_shape(c.text)
    lead = next((w for i, w in page.leads if i != c.index), set())
    f["lead"] = len(content & lead) / max(1, len(content))
    f["title_exact"] = float(key in page.headlines)
    f["title_site"] = float(key in page.sites)
    f["title_inside"] = float(not f["title_exact"] and any(key in t or t in key for t in page.titles))
    f["title_overlap"] = max((_jaccard(words, t) for t in page.title_words), default=0.0)
    f["top_line"] = float(page.top_parts.get(key, c.index) < c.index)
    f["crumb_tail"] = float(page.crumbs.get(key, c.index) != c.index)
    near = page.near[key] - (page.norms.get(c.index) == key)  # other lines near the body with its text
    above = range(max(0, c.index - _NEIGHBOUR), c.index)
    f["echo_above"] = float(page.crumbs.get(key, -1) in above or any(page.norms.get(i) == key for i in above))
    naming = len(words) >= _REPEAT_WORDS
    f["repeated_near"] = float(min(near, 2)) if naming else 0.0
    f["repeated_short"] = float(near > 0 and not naming)
    f.update(_structure(u, page, c))
    if v is not None:
        guess = v.rule in STRUCTURAL_GUESSES
        f["v_guess"] = float(guess)
        f["v_furniture"] = float(not guess and v.label in _FURNITURE)
        f["v_menu"] = float(not guess and v.label in _MENU)
        f["v_related"] = float(not guess and v.label == Label.RELATED)
        f["v_other"] = float(not guess and v.label not in _NAMED)
    f["over_byline"] = float(_over_byline(c.index, page))
    f["html"] = float(bool(page.titles))
    return f


def _structure(u: Unit, page: _Page, c: Candidate) -> dict[str, float]:
    """Where the candidate stands and how the page marks it."""
    hashed = not u.heading and not c.part and c.text != u.text
    level = u.level if u.heading else (u.text.count("#", 0, len(u.text) - len(c.text)) if hashed else 0)
    left = u.indent - page.margin  # from the prose's left edge (w3m sets a layout column's text indented)
    right = page.width - u.indent - len(u.text)  # a centred line's right margin matches its left one
    return {
        "heading": float(u.heading or hashed), "h1": float(level == 1), "h2": float(level == 2),
        "h3": float(level >= 3), "first_h1": float(page.first_h1 == u.index),
        "distance": math.log1p(abs(page.start - u.index)), "in_body": float(u.index >= page.start),
        "indent": math.log1p(u.indent), "link_density": u.link_density,
        "centred": float(left >= _CENTRE_INDENT and u.lines[0] == u.lines[1] and right >= _CENTRE_INDENT
                         and abs(right - left) <= _CENTRE_SLACK * (page.width - page.margin)),
        "container": float(u.container is not None), "position": u.index / max(1, len(page.units)),
        "blank_before": float(u.blank_before > 0), "bullet": float(u.bullet),
        "prose": float(is_prose(u)), "heading_like": float(heading_like(u)),
        "under_kicker": float(_under_kicker(u, page.units)),
    }


def _over_byline(i: int, page: _Page) -> bool:
    """A byline or a time stamp follows the line's block (itself and the lines glued under it, a
    deck): a story's headline stands over them. A new paragraph before them says it does not."""
    for u in page.units[i + 1:i + 1 + _NEIGHBOUR]:
        if not u.text or u.decoration:
            continue
        v = page.found.get(u.index)
        if v is not None and (v.label == Label.BYLINE or v.rule == RuleName.TIMESTAMP):
            return True
        if u.blank_before:
            return False
    return False


def _under_kicker(u: Unit, units: Sequence[Unit]) -> bool:
    """Set right under a shorter label with no blank line between: the label is a kicker, and the
    line's own missing blank line above says nothing against it being the headline."""
    if u.index == 0 or u.blank_before:
        return False
    above = units[u.index - 1]
    return 0 < above.words <= _KICKER_WORDS < u.words and not above.text.endswith((".", ":", ","))


def _anchor_texts(units: Sequence[Unit], lo: int, hi: int, titles: Sequence[str]) -> dict[str, int]:
    """Texts that name the page's headline elsewhere, so that a line starting with one has it glued to
    more text: the page's title (its headline part), the first line of a dump (an innerText dump's
    <title>), a breadcrumb's last item. Each with the unit it comes from (-1 for the page's title)."""
    out: dict[str, int] = {}
    for t in titles:
        out.setdefault(_headline_part(norm(INVISIBLE.sub("", t))), -1)
    for u in units[:1]:
        out.setdefault(_headline_part(norm(u.text)), u.index)
    for u in units[lo:hi]:
        pieces = _crumb_pieces(norm(u.text))
        if len(pieces) > 1:
            out.setdefault(pieces[-1], u.index)
    return out


def _crumb_pieces(text: str) -> list[str]:
    """A breadcrumb's items, or the line alone; the pattern runs only where a separator's mark is."""
    return CRUMB_SEP.split(text) if marked(text, CRUMB_MARKS) else [text]


def _headline_part(title: str) -> str:
    """The longest part of a page title cut where sites append their name: the headline."""
    return max(TITLE_SEP.split(title), key=len)


def _width(units: Sequence[Unit]) -> tuple[int, int]:
    """A text dump's right and left edges, from its prose: the widest one-line paragraph or the line
    length of wrapped ones (a paragraph of k lines holds about k - 1/2 full lines), and the indent
    most prose has."""
    prose = [u for u in units if u.words >= _PROSE_LINE_WORDS]
    single = [u.indent + len(u.text) for u in prose if u.lines[0] == u.lines[1]]
    wrapped = sorted(u.indent + round(len(u.text) / (u.lines[1] - u.lines[0] + 0.5)) for u in prose
                     if u.lines[1] - u.lines[0] >= _WRAPPED_LINES)
    indents = sorted(u.indent for u in prose)
    return (max(max(single, default=0), wrapped[len(wrapped) // 2] if wrapped else 0),
            indents[len(indents) // 2] if indents else 0)


def content_words(text: str) -> set[str]:
    """Words that carry meaning (not "of", "and", "für"), or character pairs in CJK text.

    ASCII text holds no CJK character, which a flag on the string says without a scan (a lead
    paragraph is long).
    """
    if not text.isascii() and CJK.search(text):
        return word_set(text.casefold())
    return {w for w in WORD.findall(text.casefold()) if len(w) > SHORT_TOKEN}  # word_set's words, filtered


def _content_of(key: str, words: set[str]) -> set[str]:
    """:func:`content_words` of a :func:`norm`-ed line whose :func:`word_set` is ``words``: casefolding
    a casefolded text changes nothing, so its words are read off once for both."""
    return words if not key.isascii() and CJK.search(key) else {w for w in words if len(w) > SHORT_TOKEN}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _wordy(text: str) -> bool:
    """Real words, not initials or glyph rows ("A A A", "d a h")."""
    tokens = WORD.findall(text)
    return bool(tokens) and sum(map(len, tokens)) >= _WORDY * len(tokens)


__all__ = ["FEATURES", "Candidate", "Part", "candidates", "content_words", "evidence"]
