"""Chrome detectors: small named functions that each say "this unit is chrome, because ...".

Each detector returns ``{unit index: Verdict}`` for the units it recognises, in the manner of
datatrove's filters: a label and the reason code.  Detectors only label; deciding what the body
is happens in :mod:`prclean.extract`, which weighs these verdicts against the prose evidence.

Two strengths of verdict exist.  ``anywhere`` verdicts come from patterns that never occur in a
release's own prose (``SOURCE Acme``, ``View original content``) and remove a unit wherever it
stands.  The others are evidence: they push the body boundary away and name what was removed
outside the body, but a release's own short list inside the body survives them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from ..read.textdump import Unit
from ..vocabulary.rules import MATCH_TIMEOUT_S, RULES, rules_for, token_prefixes

_LANG_NAMES = regex.compile(
    r"^(?:[\p{L} ]{2,25}\s[-–]\s)?(?:english|deutsch|german|français|french|español|spanish|italiano|"
    r"italian|português|portuguese|nederlands|dutch|polski|polish|русский|pусский|russian|日本語|japanese|"
    r"中文|简体中文|繁體中文|繁体中文|chinese|simplified chinese|traditional chinese|한국어|korean|العربية|"
    r"arabic|türkçe|turkish|svenska|swedish|dansk|danish|norsk|norwegian|suomi|finnish|čeština|czech|"
    r"slovenčina|slovak|magyar|hungarian|română|romanian|ελληνικά|greek|עברית|hebrew|हिन्दी|hindi|"
    r"bahasa(?: indonesia| melayu)?|tiếng việt|vietnamese|ไทย|thai|українська|ukrainian|català|catalan|"
    r"hrvatski|български|srpski|slovenščina|eesti|latviešu|lietuvių|leichte sprache|gebärdensprache|"
    r"easy read|sign language)$",
    regex.IGNORECASE,
)
_LANG_WORD = regex.compile(
    r"(?<!\w)(?:english|deutsch|français|español|italiano|português|nederlands|polski|русский|日本語|中文|"
    r"简体中文|繁體中文|한국어|العربية|türkçe|svenska|dansk|norsk|suomi|čeština|magyar|română|ελληνικά|"
    r"tiếng việt|bahasa|ไทย|українська)(?!\w)", regex.IGNORECASE)
_TRUNCATED = regex.compile(r"(?:\w\s?(?:\.\.\.|…)\s*[)\]]?|[\[(](?:continued|more|mehr|weiter|suite|más)[\])]"
                           r"|(?:read more|weiterlesen|mehr lesen|lire la suite|leer más|continue reading)\W{0,3}"
                           r"|(?:»|›|>)\s*(?:more|mehr))$", regex.IGNORECASE)
_TEASER_HINT = regex.compile(r"\.\.\.|…|continued|more|mehr|weiter|suite|más|reading|lesen")
_WORDS = re.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_NON_LETTERS = regex.compile(r"[\W\d_]+")
_SCRIPTS = tuple((name, regex.compile(rf"\p{{{name}}}")) for name in
                 ("Latin", "Cyrillic", "Hangul", "Arabic", "Greek", "Hebrew", "Thai", "Devanagari"))
_URL_ONLY = regex.compile(r"^(?:https?://|www\.)\S+$")
_SCRIPT = regex.compile(r"\p{Latin}|\p{Cyrillic}|\p{Han}|\p{Hangul}|\p{Arabic}|\p{Greek}|\p{Hebrew}|"
                        r"\p{Thai}|\p{Devanagari}|\p{Hiragana}|\p{Katakana}")


_MAX_RULE_WORDS = max(rule.max_words for rule in RULES)
_GUARDED_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str
    rule: str
    anywhere: bool = False
    terminal: bool = False


Detector = Callable[[Sequence[Unit]], dict[int, Verdict]]
_PLAN = tuple((rule.max_words, rule.pattern, Verdict(rule.label, rule.name, rule.anywhere, rule.terminal))
              for rule in RULES)


@lru_cache(maxsize=32768)
def _vocabulary_verdict(text: str, words: int) -> Verdict | None:
    """Cached across calls: sites repeat the same menu and footer lines on every page."""
    # Without spaces between words (CJK) trigger words cannot be looked up, so every rule runs.
    keys = token_prefixes(text) if text.isascii() or not _CJK.search(text) else None
    guarded = len(text) > _GUARDED_LENGTH  # rules are bounded: only long lines need the costly time guard
    try:
        for i in rules_for(keys):
            max_words, pattern, verdict = _PLAN[i]
            if words > max_words:
                continue
            if pattern.search(text, timeout=MATCH_TIMEOUT_S) if guarded else pattern.search(text):
                return verdict
    except TimeoutError:
        return None  # a pathological line: no verdict rather than a stalled page
    return None


def vocabulary(units: Sequence[Unit]) -> dict[int, Verdict]:
    """The named regexes of :mod:`prclean.rules`, each limited to blocks of a plausible size."""
    out: dict[int, Verdict] = {}
    for u in units:
        if u.decoration or not u.text or u.words > _MAX_RULE_WORDS:
            continue
        verdict = _vocabulary_verdict(u.text, u.words)
        if verdict is not None:
            out[u.index] = verdict
    return out


def decoration(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Image alt tokens (``[fb_share]``), rules, form fields: units with no words to keep."""
    return {u.index: Verdict("decoration", "no-text", anywhere=True) for u in units if u.decoration}


def language_list(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Language and country-site selectors.

    Evidence: the item names a language ("Deutsch", "USA - English"), or it sits in a run of
    short items written in three or more scripts, which no release's own list does.
    """
    out = {u.index: Verdict("language-list", "language-name") for u in units
           if u.words <= 6 and _LANG_NAMES.match(u.text)}
    for run in _short_runs(units, 3):
        scripts = {_script_of(u.text) for u in run} - {""}
        if len(scripts) >= 3:
            out.update({u.index: Verdict("language-list", "mixed-scripts") for u in run})
    return out


def language_line(units: Sequence[Unit]) -> dict[int, Verdict]:
    """A selector rendered on one line: "English Deutsch Français 日本語"."""
    out: dict[int, Verdict] = {}
    for u in units:
        if 3 <= u.words <= 30 and u.text[-1] not in ".!?":  # a selector is no sentence
            names = {m.casefold() for m in _LANG_WORD.findall(u.text)}
            if len(names) >= 3 and 2 * sum(len(n) for n in names) >= len(_NON_LETTERS.sub("", u.text)):
                out[u.index] = Verdict("language-list", "language-line")
    return out


def trailer_url(units: Sequence[Unit], found: dict[int, Verdict]) -> dict[int, Verdict]:
    """The bare URL a wire trailer ("View source version on ...:") continues onto."""
    out: dict[int, Verdict] = {}
    for prev, u in pairwise(units):
        v = found.get(prev.index)
        if v and v.label == "wire-trailer" and prev.text.endswith(":") and _URL_ONLY.match(u.text):
            out[u.index] = Verdict("wire-trailer", v.rule, anywhere=True)
    return out


def menu_runs(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Runs of three or more short items: navigation, category lists, footers."""
    out: dict[int, Verdict] = {}
    for run in _short_runs(units, 3):
        bullets = sum(u.bullet or u.link_density > 0.5 for u in run)
        rule = "bullet-run" if bullets * 2 >= len(run) else "short-run"
        out.update({u.index: Verdict("menu", rule) for u in run})
    return out


def truncated_teaser(units: Sequence[Unit]) -> dict[int, Verdict]:
    """A paragraph cut off with an ellipsis is a teaser linking to another page, not text of this one."""
    out: dict[int, Verdict] = {}
    for u in units:
        tail = u.text[-24:].casefold()
        if _TEASER_HINT.search(tail) and u.words <= 60 and _TRUNCATED.search(tail):
            out[u.index] = Verdict("related", "truncated-teaser")
    return out


def doubled_text(units: Sequence[Unit]) -> dict[int, Verdict]:
    """A line that says the same thing twice in a row is an image's alt text next to its title."""
    out: dict[int, Verdict] = {}
    for u in units:
        if not 6 <= u.words <= 60:
            continue
        tokens = _WORDS.findall(u.text.casefold())
        k = max(4, len(tokens) // 4)  # the repeated part is a good share of the line, not a stock phrase
        tail = tokens[-k:]
        if k >= 2 and any(tokens[i:i + k] == tail for i in range(len(tokens) - 2 * k + 1)):
            out[u.index] = Verdict("caption", "doubled-alt-text", anywhere=True)
    return out


def link_dense(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Units that are mostly link text (markdown or HTML anchors) and not prose."""
    return {u.index: Verdict("menu", "link-dense") for u in units
            if u.link_density > 0.6 and u.words <= 15}


def repeated(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Short units that occur more than once: the same menu rendered twice, teasers, tab labels."""
    counts = Counter(u.text.casefold() for u in units if u.text and u.words <= 12)
    return {u.index: Verdict("menu", "repeated") for u in units
            if u.text and u.words <= 12 and counts[u.text.casefold()] > 1}


def caption_after_credit(units: Sequence[Unit], found: dict[int, Verdict]) -> dict[int, Verdict]:
    """The line glued under a photo/video credit is that picture's caption."""
    out: dict[int, Verdict] = {}
    for prev, u in pairwise(units):
        v = found.get(prev.index)
        if v and v.rule == "caption-credit" and u.blank_before == 0 and u.index not in found:
            out[u.index] = Verdict("caption", "caption-after-credit", anywhere=True)
    return out


def _script_of(text: str) -> str:
    m = _SCRIPT.search(text)
    if not m:
        return ""
    for name, pattern in _SCRIPTS:
        if pattern.match(m.group(0)):
            return name
    return "CJK"  # Han and kana: one writing system for this purpose (Japanese mixes them)


def _short_runs(units: Sequence[Unit], min_len: int) -> list[list[Unit]]:
    """Maximal runs of consecutive short items (decoration in between does not break a run)."""
    runs: list[list[Unit]] = []
    cur: list[Unit] = []
    for u in units:
        if u.decoration:
            continue
        if u.text and u.short:
            cur.append(u)
            continue
        if len(cur) >= min_len:
            runs.append(cur)
        cur = []
    if len(cur) >= min_len:
        runs.append(cur)
    return runs


# Order is precedence: an earlier detector's verdict on a unit wins.
DETECTORS: tuple[Detector, ...] = (decoration, vocabulary, language_list, language_line, truncated_teaser,
                                   doubled_text, repeated, link_dense, menu_runs)


def detect_units(units: Sequence[Unit]) -> dict[int, Verdict]:
    """Run every detector; the first verdict on a unit wins, in ``DETECTORS`` order."""
    found: dict[int, Verdict] = {}
    for det in DETECTORS:
        for idx, verdict in det(units).items():
            found.setdefault(idx, verdict)
    for contextual in (caption_after_credit, trailer_url):
        for idx, verdict in contextual(units, found).items():
            found.setdefault(idx, verdict)
    return found
