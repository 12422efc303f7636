"""Languages: how selectors name them, which words betray them, which scripts write them."""

from __future__ import annotations

LANGUAGE_NAME = (
    r"^(?:[\p{L} ]{2,25}\s[-–]\s)?(?:english|deutsch|german|français|french|español|spanish|italiano|"
    r"italian|português|portuguese|nederlands|dutch|polski|polish|русский|pусский|russian|日本語|japanese|"
    r"中文|简体中文|繁體中文|繁体中文|chinese|simplified chinese|traditional chinese|한국어|korean|العربية|"
    r"arabic|türkçe|turkish|svenska|swedish|dansk|danish|norsk|norwegian|suomi|finnish|čeština|czech|"
    r"slovenčina|slovak|magyar|hungarian|română|romanian|ελληνικά|greek|עברית|hebrew|हिन्दी|hindi|"
    r"bahasa(?: indonesia| melayu)?|tiếng việt|vietnamese|ไทย|thai|українська|ukrainian|català|catalan|"
    r"hrvatski|български|srpski|slovenščina|eesti|latviešu|lietuvių|leichte sprache|gebärdensprache|"
    r"easy read|sign language)$"
)
"""A language selector's item: a language's name, alone or after a country ("USA - English")."""

LANGUAGE_WORD = (
    r"(?<!\w)(?:english|deutsch|français|español|italiano|português|nederlands|polski|русский|日本語|中文|"
    r"简体中文|繁體中文|한국어|العربية|türkçe|svenska|dansk|norsk|suomi|čeština|magyar|română|ελληνικά|"
    r"tiếng việt|bahasa|ไทย|українська)(?!\w)"
)
"""A language's own name inside a line: several in one line make a one-line selector."""

SELECTOR_SCRIPTS = ("Latin", "Cyrillic", "Hangul", "Arabic", "Greek", "Hebrew", "Thai", "Devanagari")
"""Scripts told apart when a run of short items is checked for being written in several scripts."""

STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the and of to in is that for with on as by this are was from at it an be has have will",
    "de": "der die und das ist nicht mit den von zu im ein eine des auf für sich dem auch werden wird",
    "fr": "le la les et des est une du dans pour que qui sur au par pas plus avec ce sont aux",
    "es": "el la los las y de que en un una es por con para del se al su como más lo",
    "pt": "o a os as e de que em um uma do da no na para com por se mais ao dos das",
    "it": "il la di che e un una per del della con non sono gli le alla nel è dei al",
    "nl": "de het een en van is dat op te in voor met zijn niet aan ook wordt door bij",
}.items()}
"""The commonest function words of the Latin-script languages whose releases prclean reads."""

SCRIPT_LANGUAGES = (("ja", r"[\p{Hiragana}\p{Katakana}]"), ("ko", r"\p{Hangul}"), ("zh", r"\p{Han}"),
                    ("ru", r"\p{Cyrillic}"), ("ar", r"\p{Arabic}"), ("el", r"\p{Greek}"), ("he", r"\p{Hebrew}"),
                    ("th", r"\p{Thai}"))
"""Languages told by their script alone, in the order they are tried (kana before Han: Japanese mixes both)."""
