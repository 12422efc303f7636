"""Structure kept end to end: typed body blocks in the JSON, and real markdown."""

from __future__ import annotations

import json

import prclean
from prclean.labels import Kind

PARA = ("The harbour cooperative opened its second bakery on the quay this morning, with ovens fired by the "
        "waste heat of the dairy next door, the cooperative said in a statement on Monday.")
HTML = (f"<html><body><article><h1>Second bakery opens on the quay</h1><p>{PARA}</p>"
        "<h2>What the ovens save</h2><p>" + PARA.replace("second", "new") + "</p>"
        "<ol><li>Gas use halves in the first winter, the cooperative's meters show.</li>"
        "<li>Bread costs less for the district's three schools from September on.<ul>"
        "<li>The schools pay the price of flour and nothing for the baking itself.</li></ul></li></ol>"
        "<table><tr><th>Month</th><th>Gas</th></tr><tr><td>May</td><td>4,600</td></tr></table>"
        "<blockquote><p>We bake with heat that was thrown away, said the baker Ruth Okafor today.</p></blockquote>"
        "<p>" + PARA.replace("second", "third") + "</p></article></body></html>")


def test_html_blocks_carry_their_kind():
    release = prclean.clean(HTML)
    shapes = [(b.kind, b.level, b.ordered) for b in release.blocks]
    assert (Kind.HEADING, 2, False) in shapes
    assert (Kind.LIST_ITEM, 0, True) in shapes and (Kind.LIST_ITEM, 1, False) in shapes
    rows = [b for b in release.blocks if b.kind == Kind.TABLE_ROW]
    assert [b.cells for b in rows] == [("Month", "Gas"), ("May", "4,600")]
    assert any(b.kind == Kind.QUOTE for b in release.blocks)
    assert "\n\n".join(release.paragraphs) == release.text  # text stays plain


def test_markdown_keeps_headings_lists_tables_and_quotes():
    md = prclean.clean(HTML).to_markdown()
    assert md.startswith("# Second bakery opens on the quay\n")
    assert "\n## What the ovens save\n" in md
    assert "\n1. Gas use halves in the first winter, the cooperative's meters show.\n1. Bread costs less" in md
    assert "\n  - The schools pay the price of flour" in md
    assert "| Month | Gas |\n|---|---|\n| May | 4,600 |" in md
    assert "\n> We bake with heat" in md


def test_json_has_a_typed_block_list_that_round_trips():
    release = prclean.clean(HTML)
    data = json.loads(json.dumps(release.to_dict()))
    kinds = {b["kind"] for b in data["blocks"]}
    assert {"paragraph", "heading", "list-item", "table-row", "quote"} <= kinds
    assert prclean.Release.from_dict(data) == release


def test_a_markdown_dump_gives_the_same_structure():
    dump = ("[Home](/) [News](/news)\n\n# Second bakery opens on the quay\n\n" + PARA + "\n\n## What the ovens save\n\n"
            + PARA.replace("second", "new") + "\n\n1. Gas use halves\n2. Bread costs less\n\nMonth | Gas\n---|---\n"
            "May | 4,600\n\n> We bake with heat that was thrown away, said the baker Ruth Okafor today.\n\n"
            + PARA.replace("second", "third") + "\n")
    release = prclean.clean(dump)
    kinds = [b.kind for b in release.blocks]
    assert Kind.HEADING in kinds and Kind.TABLE_ROW in kinds and Kind.QUOTE in kinds
    assert [b.text for b in release.blocks if b.kind == Kind.LIST_ITEM] == ["Gas use halves", "Bread costs less"]
    assert "| Month | Gas |\n|---|---|" in release.to_markdown()


def test_markdown_escapes_text_that_would_read_as_markup():
    from prclean.markdown import body_markdown
    from prclean.model import TextBlock

    out = body_markdown((TextBlock("# 1 in sales, the report says."), TextBlock("a|b", Kind.TABLE_ROW, cells=("a|b",))))
    assert out.startswith("\\# 1 in sales") and "a\\|b" in out
