"""What the fitted model sees of a unit: hand-made units with known shapes, verdicts and places."""

from __future__ import annotations

import math

from prclean.detect import detect
from prclean.detect.verdict import Verdict
from prclean.extract.unitfeatures import NAMES, page_features, unit_features
from prclean.labels import Label, RuleName
from prclean.read import Page, read_page
from prclean.read.units import MainContent, Unit

LEAD = ("HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- The town council opened its first electric ferry line on "
        "Sunday, replacing two diesel boats on the twenty-minute crossing to Little Tern island.")
MORE = "The two new boats carry ninety passengers each and charge at the quay between crossings."


def _units(*texts: str, **rest: object) -> tuple[Unit, ...]:
    return tuple(Unit.of(i, t, (i, i), **rest) for i, t in enumerate(texts))  # type: ignore[arg-type]


def _row(rows: list[list[float]], i: int) -> dict[str, float]:
    return dict(zip(NAMES, rows[i]))


def test_every_row_names_every_feature():
    rows = unit_features(_units("Home", LEAD, MORE), {})
    assert len(rows) == 3 and all(len(r) == len(NAMES) for r in rows)
    assert unit_features((), {}) == []


def test_a_units_own_shape_and_text():
    units = (Unit.of(0, "Home", (0, 0), link_chars=4), Unit.of(1, LEAD, (1, 1), blank_before=5),
             Unit.of(2, "Call +1 555 010 2030 or write to press@harbour.example", (2, 2)))
    home, lead, card = (_row(unit_features(units, {}), i) for i in range(3))
    assert home["link_density"] == 1.0 and home["short"] == 1.0 and home["prose"] == 0.0
    assert lead["prose"] == 1.0 and lead["ends_sentence"] == 1.0 and lead["blank_before"] == 1.0
    assert math.isclose(lead["log_words"], math.log1p(units[1].words))
    assert lead["stop_frac"] > 0.1 > home["stop_frac"] and lead["upper_init"] < home["upper_init"]
    assert card["contact"] == 1.0 and lead["contact"] == 0.0 and home["contact"] == 0.0


def test_verdicts_by_strength_label_and_kind_of_rule():
    units = _units("Home", "News", "SOURCE Harbour Town Council", LEAD)
    found = {0: Verdict(Label.MENU, RuleName.SHORT_RUN),
             1: Verdict(Label.MENU, "html-menu"),
             2: Verdict(Label.WIRE_TRAILER, RuleName.SOURCE_LINE, anywhere=True, terminal=True)}
    boxes = {1: Verdict(Label.MENU, "html-menu")}
    rows = unit_features(units, found, boxes=boxes)
    run, box, source, lead = (_row(rows, i) for i in range(4))
    assert run["v_any"] == 1.0 and run["v_menu"] == 1.0 and run["r_short-run"] == 1.0 and run["r_vocab"] == 0.0
    assert box["r_html"] == 1.0 and box["c_menu"] == 1.0 and run["c_menu"] == 0.0
    assert source["v_terminal"] == 1.0 and source["v_anywhere"] == 1.0 and source["v_wire-trailer"] == 1.0
    assert source["r_vocab"] == 1.0
    assert lead["v_any"] == 0.0 and lead["n-1_v_any"] == 1.0 and lead["n-2_v_any"] == 1.0


def test_place_main_content_dateline_and_neighbours():
    units = _units("Menu", "Menu", "Ferry news", LEAD, MORE, "Contact us")
    rows = unit_features(units, {}, inside=frozenset({3, 4}))
    menu, _, title, lead, more, last = (_row(rows, i) for i in range(6))
    assert menu["has_inside"] == 1.0 and lead["inside"] == 1.0 and menu["inside"] == 0.0
    assert math.isclose(menu["inside_gap"], math.log1p(3)) and lead["inside_gap"] == 0.0
    assert menu["log_repeat"] == math.log(2) and lead["log_repeat"] == 0.0
    assert lead["has_dl"] == 1.0 and title["before_dl"] == 1.0 and lead["before_dl"] == 0.0
    assert more["after_dl_dist"] > 0 > title["after_dl_dist"]
    assert title["n+1_prose"] == 1.0 and more["n-1_prose"] == 1.0 and last["n+1_prose"] == 0.0  # padded
    assert menu["prose_after"] == 1.0 and last["prose_before"] == 1.0 and last["prose_after"] == 0.0
    assert menu["rel_pos"] == 0.0 and last["rel_pos"] == 1.0


def test_html_container_labels_are_read_for_their_own_feature():
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
            f"<article><p>{LEAD}</p><p>{MORE}</p></article></body></html>")
    page = read_page(html, "html", None)
    found = detect(page)
    rows = page_features(page, found)
    home = next(i for i, u in enumerate(page.units) if u.text.startswith("Home"))
    lead = next(i for i, u in enumerate(page.units) if u.text == LEAD)
    assert _row(rows, home)["c_menu"] == 1.0 and _row(rows, lead)["c_menu"] == 0.0


def test_text_pages_have_no_main_content_features():
    units = _units(LEAD, MORE)
    page = Page(units, "text")
    rows = page_features(page, {})
    assert all(_row(rows, i)["has_inside"] == 0.0 and _row(rows, i)["inside_gap"] == 0.0 for i in range(2))
    html_page = Page(units, "html", main=MainContent(frozenset({1}), "trafilatura"))
    assert _row(page_features(html_page, {}), 1)["inside"] == 1.0
