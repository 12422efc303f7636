"""Reading an HTML tree as lines: where lines end, and what each line knows of its containers."""

from __future__ import annotations

from prclean.labels import Label
from prclean.read.htmlpage import parse_tree
from prclean.read.htmlwalk import walk


def lines(html: str, main: set[int] | None = None):
    return list(walk(parse_tree(html), main or set()))


def test_tags_end_lines_and_source_newlines_do_not():
    got = lines("<html><body><p>One\nline here</p><div>Two<br>Three</div></body></html>")
    assert [ln.text for ln in got] == ["One line here", "Two", "Three"]
    assert [ln.glued for ln in got] == [False, False, True]  # <br> glues "Three" to "Two"


def test_container_labels_come_from_tags_roles_and_class_words():
    got = lines("<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav><div role='contentinfo'><p>Imprint</p></div>"
                "<div class='social-share-bar'><p>Share</p></div><div class='content'><p>Text</p></div></body></html>")
    assert [(ln.text, ln.label) for ln in got] == [("Home", Label.MENU), ("Imprint", Label.FOOTER),
                                                   ("Share", Label.SHARE), ("Text", None)]


def test_link_characters_are_counted():
    (line,) = lines("<html><body><p>Read <a href='/x'>the report</a> now</p></body></html>")
    assert line.links == len("the report")


def test_scripts_and_hidden_elements_are_not_read():
    got = lines("<html><body><p>Seen<script>var x;</script></p><p style='display:none'>Hidden</p>"
                "<p hidden>Also hidden</p></body></html>")
    assert [ln.text for ln in got] == ["Seen"]



def test_react_s_streamed_segments_are_read_though_hidden():
    got = lines('<html><body><div class="article"><template id="B:0"></template><div>Loading...</div></div>'
                '<footer>Footer</footer><div hidden id="S:0"><p>The paragraph the script moves in.</p></div>'
                '<div hidden id="S:other"><p>A hidden copy</p></div><div hidden><p>Also hidden</p></div></body></html>')
    assert [ln.text for ln in got] == ["Loading...", "Footer", "The paragraph the script moves in."]

def test_lines_inside_the_named_container_are_flagged():
    root = parse_tree("<html><body><p>Outside</p><div id='r'><p>Inside</p></div></body></html>")
    box = root.xpath("//div[@id='r']")[0]
    got = list(walk(root, {id(box)}))
    assert [(ln.text, ln.in_main) for ln in got] == [("Outside", False), ("Inside", True)]


def test_a_data_row_is_one_line_of_cells():
    got = lines("<html><body><table><tr><td>Revenue</td><td>112.4</td></tr><tr><td>Costs</td><td>80.1</td>"
                "</tr></table></body></html>")
    assert [ln.text for ln in got] == ["Revenue | 112.4", "Costs | 80.1"]
    assert got[1].glued  # rows of one table are one block
