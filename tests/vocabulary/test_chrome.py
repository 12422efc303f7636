"""The phrase table: every rule's trigger words are sound."""

from __future__ import annotations

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
