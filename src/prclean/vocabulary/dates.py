"""How pages write dates: month names in the languages prclean reads, and the date formats of datelines.

The month table is the one source of both the date pattern and the month numbers, so a month
added here is recognised and converted alike.
"""

from __future__ import annotations

# English month patterns, as datelines abbreviate them ("Jan. 6", "Sept 5"): capitalised, because
# patterns matched case-sensitively (datelines) must not read "may" in a sentence as a month.
_ENGLISH = (r"Jan(?:uary|\.)?", r"Feb(?:ruary|\.)?", r"Mar(?:ch|\.)?", r"Apr(?:il|\.)?", r"May", r"June?|Jun\.",
            r"July?|Jul\.", r"Aug(?:ust|\.)?", r"Sep(?:t(?:ember)?)?\.?", r"Oct(?:ober|\.)?", r"Nov(?:ember|\.)?",
            r"Dec(?:ember|\.)?")
# Other languages' month names, in the case their language writes them (German capitalises nouns).
_OTHER: tuple[tuple[str, ...], ...] = (
    ("Januar", "Jänner", "janvier", "enero", "janeiro", "gennaio", "januari"),
    ("Februar", "février", "febrero", "fevereiro", "febbraio", "februari"),
    ("März", "mars", "marzo", "março", "maart"),
    ("avril", "abril", "aprile"),
    ("Mai", "mai", "mayo", "maio", "maggio", "mei"),
    ("Juni", "juin", "junio", "junho", "giugno", "juni"),
    ("Juli", "juillet", "julio", "julho", "luglio", "juli"),
    ("août", "agosto", "augustus"),
    ("septembre", "septiembre", "setiembre", "setembro", "settembre"),
    ("Oktober", "octobre", "octubre", "outubro", "ottobre", "oktober"),
    ("novembre", "noviembre", "novembro"),
    ("Dezember", "décembre", "diciembre", "dezembro", "dicembre"),
)
_ENGLISH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

MONTH_NUMBERS: dict[str, int] = {
    **{stem: n for n, stem in enumerate(_ENGLISH_STEMS, 1)}, "sept": 9,
    **{name.casefold(): n for n, names in enumerate(_OTHER, 1) for name in names},
}
"""Month number by casefolded name; English names are looked up by their first three letters."""

MONTH = "(?:(?:" + "|".join(_ENGLISH) + ")|(?:" + "|".join(dict.fromkeys(n for names in _OTHER for n in names)) + "))"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # Jan. 6, 2026
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?{MONTH},?\s+(?:de\s+)?\d{{4}}"  # 8 November, 2010 / 2. Dezember 2022
    r"|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}"  # 28.01.2022
    r"|\d{4}-\d{2}-\d{2}"  # 2023-03-19
    r"|\d{1,2}/\d{1,2}/\d{4}"  # 04/27/2015
    r"|\d{4}年\d{1,2}月\d{1,2}日)"  # 2026年1月6日
)
"""A date as releases write it, in any of the orders above (a pattern fragment)."""

DATE_PARTS = (
    rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mon2>{MONTH}),?\s+(?:de\s+)?(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})\.\s?(?P<m3>\d{1,2})\.\s?(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    r"|(?P<m5>\d{1,2})/(?P<d5>\d{1,2})/(?P<y5>\d{4})"
    r"|(?P<y6>\d{4})年(?P<m6>\d{1,2})月(?P<d6>\d{1,2})日"
)
"""The same formats with their parts named, for converting a date to ISO (a pattern fragment)."""
