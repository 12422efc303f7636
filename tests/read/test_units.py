"""A unit's word count and sentence ending: the fast paths agree with the general definitions."""

from __future__ import annotations

import regex

from prclean.read.units import text_features
from prclean.text import CJK, WORD, count_words

_GENERAL_END = regex.compile(r"[.!?。！？:;…\"”»“)]\s*$")

TEXTS = ["", " ", "a", "_", "snake_case and 3 words", "Ends here.", "Quoted.\u201d", "(see below)", "tail \n",
         "x\u00a0", "Über uns", "北京市 政府 公告", "한국어 텍스트", "don't stop", "a--b", "...", "1,000 jobs;",
         "Trailing space ", "tab\t", "über.", "ends with é", "word…", "«Zitat»", "no end -"]


def test_word_counts_and_endings_match_the_general_ones():
    for text in TEXTS:
        text_features.cache_clear()
        general = len(WORD.findall(text)) + len(CJK.findall(text)) // 2
        assert count_words(text) == general, text
        assert text_features(text) == (general, bool(_GENERAL_END.search(text[-8:]))), text
