"""Segmentation of text renderings: wrapping, bullets, markdown."""

from __future__ import annotations

from prclean.labels import Kind
from prclean.read.fixedwidth import wrap_width
from prclean.read.textdump import segment_text
from prclean.read.units import Unit

WRAPPED = ("The company said on Monday that it would open a new plant in the north of the country, adding jobs\n"
           "over three years, and that construction would begin this summer after permits were granted by the\n"
           "regional authority and the town council voted to approve the zoning change last month.\n\n"
           "A second paragraph that is short.\n\n"
           "A third paragraph follows here, again long enough to be wrapped at the same column as the first one\n"
           "so that the renderer's width is visible in the page itself and can be estimated from the lines.\n")


def test_wrapped_lines_are_glued_back():
    units = segment_text(WRAPPED)
    assert len(units) == 3
    assert units[0].text.startswith("The company said") and units[0].text.endswith("last month.")
    assert units[0].lines == (0, 2)


def test_unwrapped_text_keeps_one_unit_per_line():
    text = "\n".join(["Short title line", "A" * 300 + " end.", "Another paragraph of different length " * 9])
    assert wrap_width([len(x) for x in text.splitlines()]) is None
    assert len(segment_text(text)) == 3


def test_bullets_and_markdown():
    units = segment_text("  • News\n* [Products](https://x.example/p)\n# Heading\n![logo](x.png)\n+1 555 0100")
    assert [u.bullet for u in units] == [True, True, False, False, False]
    assert units[1].text == "Products" and units[1].link_density == 1.0
    assert units[2].heading and units[2].text == "Heading"
    assert units[4].text == "+1 555 0100"


def test_blank_lines_counted():
    units = segment_text("a b c\n\n\nd e f\ng h i")
    assert [u.blank_before for u in units] == [0, 2, 0]


def test_cjk_word_count():
    (u,) = segment_text("ミナト精機株式会社は産業機械メーカーです。")
    assert u.words >= 8


def test_a_row_of_underscores_is_not_markdown_emphasis():
    """Found by hypothesis on a mutated lynx dump: "Cerca _____" (a form field) became "Cerca _"."""
    assert [u.text for u in segment_text("Cerca _____ TRENTO")] == ["Cerca _____ TRENTO"]
    md = "[Home](/)\n\n**Bold** and __under__ text"
    assert [u.text for u in segment_text(md)] == ["Home", "Bold and under text"]


def test_markdown_markup_is_read_only_in_markdown_dumps():
    """A plain dump's "__init__" and "**" are text: stripping them would invent a token ("init")."""
    assert [u.text for u in segment_text("Call __init__ first.\n\n# 1 in sales")] == \
        ["Call __init__ first.", "# 1 in sales"]
    units = segment_text("# Ferry opens\n\n[Home](/)\n\n> A quote from the mayor.")
    assert [(u.text, u.kind) for u in units] == [("Ferry opens", Kind.HEADING), ("Home", Kind.PARAGRAPH),
                                                 ("A quote from the mayor.", Kind.QUOTE)]
    assert units[0].level == 1


def test_structure_of_a_markdown_dump():
    text = ("## Results\n\n[x](/x)\n\n1. First step\n2. Second step\n\n- Apples\n  - Green apples\n\n"
            "Quarter | Revenue\n---|---\nQ1 | 112.4\nQ2 | 100.3\n")
    units = [u for u in segment_text(text) if not u.decoration]
    shapes = [(u.text, u.kind, u.level, u.ordered, u.cells) for u in units]
    assert shapes == [
        ("Results", Kind.HEADING, 2, False, ()), ("x", Kind.PARAGRAPH, 0, False, ()),
        ("First step", Kind.LIST_ITEM, 0, True, ()), ("Second step", Kind.LIST_ITEM, 0, True, ()),
        ("Apples", Kind.LIST_ITEM, 0, False, ()), ("Green apples", Kind.LIST_ITEM, 1, False, ()),
        ("Quarter | Revenue", Kind.TABLE_ROW, 0, False, ("Quarter", "Revenue")),
        ("Q1 | 112.4", Kind.TABLE_ROW, 0, False, ("Q1", "112.4")),
        ("Q2 | 100.3", Kind.TABLE_ROW, 0, False, ("Q2", "100.3"))]


def test_bidi_marks_are_invisible():
    """An RTL release wrapped in embedding marks reads as its words, not as marks."""
    units = segment_text("\u202bשלום עולם\u202c\n\n\u200fמשפט נוסף\u200f")
    assert [u.text for u in units] == ["שלום עולם", "משפט נוסף"]


def test_a_date_opening_a_line_is_no_numbered_item():
    """ "26. Januar 2022" is a date: reading "26." as a list number would lose the day."""
    units = segment_text("26. Januar 2022\n\n1. First point of the list\n2. Second point of the list")
    assert [(u.text, u.bullet) for u in units] == [("26. Januar 2022", False), ("First point of the list", True),
                                                 ("Second point of the list", True)]


def test_lynx_marks_nested_items_with_an_indented_o():
    units = segment_text("     * Grillen mit Gas\n          o Gasflaschen richtig lagern\n\no is not a bullet unindented")
    assert [(u.text, u.bullet) for u in units] == [("Grillen mit Gas", True), ("Gasflaschen richtig lagern", True),
                                                 ("o is not a bullet unindented", False)]


def test_a_markdown_link_over_several_lines_leaves_no_link_syntax():
    """html2text writes a linked teaser card as one link whose text spans lines (issue 10)."""
    text = ("An opening paragraph of the page, long enough to be prose of its own.\n\n"
            "[\n\n---\n\nHarbour opens second bakery\n\nThe cooperative fires its ovens with waste heat.]"
            "(/news-releases/harbour-bakery-301)\n\nMail [[email protected]](/cdn-cgi/l/email-protection) "
            "or see ![Chef, \\[object Object\\]](https://img.example/c.png).\n")
    units = segment_text(text)
    joined = "\n".join(u.text for u in units)
    assert "](" not in joined and "/news-releases" not in joined and "cdn-cgi" not in joined
    card = next(u for u in units if u.text == "Harbour opens second bakery")
    assert card.link_density == 1.0  # the card's lines still count as link text
    assert any(u.text.startswith("Mail [email protected] or see Chef,") for u in units)


def test_a_split_link_line_with_a_stray_bracket_stays_plain_text():
    """A line of a multi-line link whose brackets would not pair is left as written: nothing is added."""
    text = "Intro paragraph of the page.\n\n[Card [x\n\ny] z\n\nMore](/news/1)\n"
    texts = [u.text for u in segment_text(text)]
    assert "y] z" in texts and "More" in texts and not any("()" in t for t in texts)


def test_a_w3m_table_border_glues_no_row_onto_it():
    border = "├" + "─" * 98 + "┤"
    rows = "\n".join(f"│{n} │Harbour school number {n} │{n}0% │" + " " * 60 + f"│\n{border}" for n in range(1, 4))
    units = segment_text(WRAPPED + "\n" + "┌" + "─" * 98 + "┐\n" + rows + "\n")
    text_rows = [u for u in units if "Harbour school" in u.text]
    assert len(text_rows) == 3 and not any(u.decoration for u in text_rows)
    assert all(u.text.startswith("│") for u in text_rows)  # no border line in front of a row


def test_units_made_as_tuples_are_whole_units(fixtures_dir):
    """segment_text makes its units with tuple.__new__, field by field: they must be what Unit makes
    (a field added to Unit must be added there too)."""
    for path in sorted(fixtures_dir.glob("*/input*.txt")):
        for u in segment_text(path.read_text("utf-8")):
            assert len(u) == len(Unit._fields) and Unit(*u) == u and u.heading == (u.kind == Kind.HEADING)
