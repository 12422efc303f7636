"""The phrase table: every rule's trigger words are sound."""

from __future__ import annotations

import regex

from prclean.detect.phrases import token_prefixes
from prclean.read.htmlpage import read_html
from prclean.read.load import load
from prclean.read.textdump import segment_text
from prclean.vocabulary.chrome import RULES

from ..detect.test_detectors import VOCABULARY_CASES


def test_rule_triggers_are_sound(fixtures_dir):
    """A rule skipped for want of its trigger words could never have matched (fixtures and examples)."""
    texts = [u.text for p in fixtures_dir.glob("*/input*.txt") for u in segment_text(p.read_text("utf-8"))
             if u.text.isascii()]
    texts += [u.text for p in fixtures_dir.glob("*/input.html") for u in read_html(load(p.read_bytes())[0]).units
              if u.text.isascii()]
    texts += [line for line, _, _ in VOCABULARY_CASES]
    for rule in RULES:
        for text in texts:
            if rule.triggers is not None and rule.pattern.search(text):
                assert rule.triggers & token_prefixes(text), (rule.name, text)


def test_rule_names_are_unique_and_every_rule_has_triggers_or_is_meant_to_run_always():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert {rule.name for rule in RULES if rule.triggers is None} == {"place-line", "end-mark"}


def test_rule_needs_are_sound(fixtures_dir):
    """A rule skipped because an ASCII line holds none of its needed pieces could never have matched: on
    the fixtures and examples, and character by character, every ASCII character the pattern's matching
    takes for a piece's character lowercases to it (the line is tested lowercased)."""
    texts = [u.text for p in fixtures_dir.glob("*/input*.txt") for u in segment_text(p.read_text("utf-8"))
             if u.text.isascii()]
    texts += [line for line, _, _ in VOCABULARY_CASES if line.isascii()]
    texts += ["LEGAL DISCLAIMER:", "Dies ist keine Anlageberatung.", "This does not constitute investment advice"]
    needy = [rule for rule in RULES if rule.needs]
    assert needy
    for rule in needy:
        assert all(piece and piece.isascii() and piece == piece.lower() for piece in rule.needs), rule.name
        for text in texts:
            if rule.pattern.search(text):
                assert any(piece in text.lower() for piece in rule.needs), (rule.name, text)
        flags = rule.pattern.flags & regex.IGNORECASE
        for ch in {c for piece in rule.needs for c in piece}:
            same = [chr(k) for k in range(128) if regex.fullmatch(regex.escape(ch), chr(k), flags)]
            assert all(c.lower() == ch for c in same), (rule.name, ch, same)
