"""The headline and its deck: the fitted scorer, glued lines cut apart, text-dump marks read off."""

from __future__ import annotations

import json
import textwrap
from importlib import resources

import pytest

from prclean.describe.title import cut_site_name
from prclean.detect import detect
from prclean.detect.verdict import Verdict
from prclean.extract.glued import glued_parts, hash_heading
from prclean.extract.header import Header, _deck, _of_pair, read_header, standfirst
from prclean.extract.headline import FEATURES, Candidate, candidates, evidence
from prclean.extract.span import choose_span
from prclean.extract.title_model import TitleModel, load_model, model_from
from prclean.labels import Label, RuleName
from prclean.read import Page
from prclean.read.textdump import segment_text
from prclean.read.units import Unit

LEAD = ("BRIGHTON, Colo., May 14, 2025 — Orchard Valley Transit will extend service on three of its busiest "
        "bus routes until 1 a.m. on weeknights beginning Monday, June 2, the agency said on Wednesday.")
SECOND = ("The routes connect downtown Brighton with the shopping district, the regional hospital and the "
          "industrial park, and buses will run every thirty minutes after nine in the evening.")


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def _read(text: str):
    units = segment_text(text)
    found = detect(Page(units, "text"))
    span = choose_span(units, found)
    return units, found, span.start, read_header(units, found, span.start)


def _unit(text: str, index: int = 0) -> Unit:
    return Unit.of(index, text, (index, index))


def test_shipped_weights_match_the_features():
    data = json.loads(resources.files("prclean.extract").joinpath("title_weights.json").read_text())
    assert data["features"] == list(FEATURES)
    model = load_model(FEATURES)
    assert 0 < model.threshold < 1


def test_weights_for_other_features_are_refused():
    with pytest.raises(ValueError, match="retrain"):
        model_from({"features": ["lead"], "weights": [1.0], "bias": 0.0, "threshold": 0.5}, FEATURES)


def test_none_of_the_candidates_keeps_the_rest_of_the_probability():
    model = TitleModel(("lead",), (2.0,), 0.0, 0.5)
    probs = model.probabilities([model.score({"lead": 1.0}), model.score({"lead": 0.0})])
    assert probs[0] > probs[1] > 0
    assert sum(probs) < 1  # "no headline here" competes too


def test_evidence_names_only_the_fitted_features():
    units, found, start, _ = _read(_page("Home", "News", "Orchard Valley Transit Adds Late-Night Service", LEAD, SECOND))
    cands = candidates(units, start, None, ())
    rows = evidence(cands, units, found, start, ())
    assert rows and all(set(r) <= set(FEATURES) for r in rows)


def test_a_headline_glued_to_its_deck_is_cut_where_the_breadcrumb_names_it():
    # w3m wrapped a centred <div> holding <b>headline</b> <span>deck</span> at 80 columns: one paragraph
    text = "\n\n".join([
        "Home > Newsroom > Orchard Valley Transit Adds Late-Night Service on Three Bus Routes",
        ("Orchard Valley Transit Adds Late-Night Service on Three Bus Routes Routes 4, 11\n"
         "          and 22 will run until 1 a.m. on weeknights starting June 2"),
        textwrap.fill(LEAD, 80), textwrap.fill(SECOND, 80)])
    units, _, _, head = _read(text)
    assert head.title_text == "Orchard Valley Transit Adds Late-Night Service on Three Bus Routes"
    assert head.subtitle_text == "Routes 4, 11 and 22 will run until 1 a.m. on weeknights starting June 2"
    assert head.title_text in units[head.title].text  # the title is the line's own text


def test_a_headline_and_deck_meeting_at_a_doubled_name_are_cut_there():
    line = ("Northwind Bank Modernises Its Branches with Fabrikam Fabrikam software lets the bank's tellers "
            "open accounts in ten minutes instead of an hour")
    (part,) = glued_parts(_unit(line), {})
    assert part.head == "Northwind Bank Modernises Its Branches with Fabrikam"
    assert part.rest.startswith("Fabrikam software lets")


@pytest.mark.parametrize("line,anchors", [
    ("The committee said that that decision would stand until the next meeting of the full board", {}),
    ("Obstbrenner erwarten gute Zwetschgenernte – Preise für Brennobst bleiben stabil",
     {"obstbrenner erwarten gute zwetschgenernte": -1}),  # one headline with a dash, not a glued deck
    ("Short Line", {"short line": -1}),
])
def test_lines_that_are_not_glued_stay_whole(line, anchors):
    assert glued_parts(_unit(line), anchors) == []


def test_a_markdown_hash_left_by_a_plain_reading_is_not_part_of_the_title():
    units, _, _, head = _read(_page("# Orchard Valley Transit Adds Late-Night Service", LEAD, SECOND))
    assert units[head.title].text.startswith("#")
    assert head.title_text == "Orchard Valley Transit Adds Late-Night Service"
    assert hash_heading(_unit("#hashtag campaign launches")) == "#hashtag campaign launches"


def _centred_feature(text: str, line: str) -> float:
    units = segment_text(text)
    found = detect(Page(units, "text"))
    start = choose_span(units, found).start
    cands = candidates(units, start, None, ())
    rows = evidence(cands, units, found, start, ())
    return next(r["centred"] for c, r in zip(cands, rows) if c.text == line)


def _wrapped(indent: str) -> str:
    words = (LEAD + " " + SECOND).split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + 1 > 72:
            lines.append(indent + cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return "\n".join([*lines, indent + cur])


def _evidence_of(text: str, line: str) -> dict[str, float]:
    units = segment_text(text)
    found = detect(Page(units, "text"))
    start = choose_span(units, found).start
    cands = candidates(units, start, None, ())
    rows = evidence(cands, units, found, start, ())
    return next(r for c, r in zip(cands, rows) if c.text == line)


KICKED = "Orchard Valley Transit Adds Late-Night Service on Three Routes"


def test_a_line_right_under_a_short_label_is_under_a_kicker():
    glued = _evidence_of(_page(f"From the Wires\n{KICKED}", "By: Staff Reporter", LEAD, SECOND), KICKED)
    apart = _evidence_of(_page("From the Wires", KICKED, "By: Staff Reporter", LEAD, SECOND), KICKED)
    assert (glued["under_kicker"], apart["under_kicker"]) == (1.0, 0.0)
    # a sentence glued above is no label
    above = _evidence_of(_page(f"Buses run late from June on.\n{KICKED}", LEAD, SECOND), KICKED)
    assert above["under_kicker"] == 0.0


def test_a_headline_and_its_deck_stand_over_the_byline():
    deck = "Riders asked for buses after midnight in the agency's survey"
    rows = _evidence_of(_page(f"{KICKED}\n{deck}", "By: Staff Reporter", LEAD, SECOND), KICKED)
    assert rows["over_byline"] == 1.0
    # a paragraph of its own between the line and the byline: the line is not the story's headline
    rows = _evidence_of(_page(KICKED, deck, "By: Staff Reporter", LEAD, SECOND), KICKED)
    assert rows["over_byline"] == 0.0


def test_a_date_line_is_dated_more_than_a_headline_naming_a_day():
    date_line = "June 2, 2025"
    named = "Late-Night Buses Start on June 2, 2025 on Three Routes Across the Valley"
    text = _page(date_line, named, LEAD, SECOND)
    assert _evidence_of(text, date_line)["dated"] == 1.0
    assert 0.0 < _evidence_of(text, named)["dated"] < 0.25


def test_a_centred_line_is_told_from_a_column_indent():
    title = "Late-Night Buses on Three Routes"
    centred = " " * ((72 - len(title)) // 2) + title
    assert _centred_feature(f"{centred}\n\n{_wrapped('')}", title) == 1.0
    # w3m sets a layout column's text indented: the same indent as the prose is no centring
    assert _centred_feature(f"        {title}\n\n{_wrapped('        ')}", title) == 0.0


def test_a_deck_stands_under_its_headline_not_a_screen_below():
    text = "\n\n".join([
        "Orchard Valley Transit Adds Late-Night Service on Three Bus Routes",
        *[f"Sponsor Box {n}" for n in range(10)],
        "Riders asked for buses after midnight in the agency's survey of night workers",
        LEAD, SECOND])
    _, _, _, head = _read(text)
    assert head.subtitle is None


def test_a_page_of_prose_only_has_no_headline():
    _, _, _, head = _read(_page(LEAD, SECOND, LEAD.replace("Wednesday", "Thursday")))
    assert head.title is None


def test_page_titles_lose_the_site_name_and_soft_hyphens():
    assert cut_site_name("BMAS - Änderung der Anforderungen an Genesenen\xad\xadnachweise") == (
        "Änderung der Anforderungen an Genesenennachweise")


def test_a_paragraph_is_never_cut_as_a_glued_headline():
    """Only a headline and a deck run together are cut; a paragraph that happens to start like one is not
    (and a hostile "Share Share Share ..." page is not searched for a seam)."""
    line = ("Northwind Bank Modernises Its Branches with Fabrikam Fabrikam software lets the bank's tellers "
            "open accounts in ten minutes instead of an hour")
    assert glued_parts(_unit(line + " " + SECOND * 3), {}) == []


def test_centring_that_many_lines_share_marks_no_headline():
    title = "Late-Night Buses on Three Routes"
    boxes = [" " * ((72 - len(b)) // 2) + b for b in ("Gold Sponsor Of The Year", "Silver Sponsor Of The Year",
                                                      "Media Sponsor Of The Year")]
    text = "\n\n".join([*boxes, " " * ((72 - len(title)) // 2) + title, _wrapped("")])
    assert _centred_feature(text, title) == 0.0  # four centred lines: a sidebar's box titles


def _rated(*pairs: tuple[int, str, float]) -> dict[int, tuple[Candidate, float]]:
    return {i: (Candidate(i, text), lead) for i, text, lead in pairs}


def test_of_two_adjacent_headline_lines_the_upper_is_the_headline():
    units = [_unit("Hybrid Cloud Market to Grow 34% by 2022", 0), _unit("[logo.png]", 1),
             _unit("Latest News on the Hybrid Cloud Market Report", 2)]
    units[1] = Unit.of(1, "[logo.png]", (1, 1), decoration=True)
    rated = _rated((0, units[0].text, 0.7), (2, units[2].text, 0.7))
    assert _of_pair(units, rated[2][0], rated).index == 0
    # the line above shares no words with the lead: it is not the headline
    assert _of_pair(units, rated[2][0], _rated((0, units[0].text, 0.0), (2, units[2].text, 0.7))).index == 2


def test_a_kicker_over_the_headline_gives_way_to_it():
    units = [_unit("From the Wires", 0), _unit("IHS to Hold Conference Call on September 29", 1)]
    rated = _rated((0, units[0].text, 0.0), (1, units[1].text, 0.6))
    assert _of_pair(units, rated[0][0], rated).index == 1
    assert _of_pair(units, rated[0][0], _rated((0, units[0].text, 0.0))).index == 0  # nothing else rated


def _header_units(*texts: str) -> list[Unit]:
    return [_unit(t, i) for i, t in enumerate(texts)]


def test_a_deck_is_about_the_headline_or_the_lead():
    units = _header_units("Security Check for AI in Cars Starts", "Image document for the frontend", LEAD)
    head = read_header(units, {1: Verdict(Label.MENU, RuleName.SHORT_RUN)}, 2, LEAD)
    assert head.title == 0 and head.subtitle is None  # an image's alt text shares no word with either
    units = _header_units("Security Check for AI in Cars Starts", "Cars learn to resist attacks on their AI",
                          LEAD)
    assert read_header(units, {}, 2, LEAD).subtitle == 1


def test_a_related_heading_right_over_the_text_is_the_deck():
    units = _header_units("Orchard Valley Transit Adds Late-Night Service", "Latest news on late-night bus service",
                          LEAD)
    related = {1: Verdict(Label.RELATED, RuleName.RELATED_HEADING, terminal=True)}
    assert _deck(units, related, [], 0, 2, LEAD)[0] == 1
    units = [*units[:2], _unit("Route maps", 2), _unit(LEAD, 3)]
    assert _deck(units, related, [], 0, 3, LEAD)[0] is None  # a heading over other lines heads a list


def test_a_standfirst_set_apart_by_furniture_leaves_the_body():
    units = _header_units("Late-Night Buses on Three Routes",
                          "Three bus routes will run until 1 a.m. on weeknights from June.",
                          "Print", LEAD, SECOND)
    share = {2: Verdict(Label.SHARE, RuleName.SHARE_CONTROL)}
    head = standfirst(Header(title=0), units, share, (1, 3, 4))
    assert head.subtitle == 1
    assert standfirst(Header(title=0), units, {}, (1, 3, 4)).subtitle is None  # nothing sets it apart
    two = units[:1] + [Unit.of(1, units[1].text + " " + SECOND, (1, 1))] + units[2:]
    assert standfirst(Header(title=0), two, share, (1, 3, 4)).subtitle is None  # two sentences: the lead


def test_the_last_item_of_a_breadcrumb_list_names_the_page():
    head = "Falcon Harbour Authority (Link to home page)"
    title = "Night ferries return to the outer islands"
    lead = ("The Falcon Harbour Authority will run night ferries to the outer islands again from the first of "
            "June, after two winters without them, the authority said on Monday.")
    text = "\n".join([head, "", "You are here:", "", "  • Home", "  • Press", f"  • {title}", "", title, "",
                      lead, "", lead.replace("Monday", "Tuesday")])
    page = Page(segment_text(text), "text")
    found = dict(detect(page))
    start = next(u.index for u in page.units if u.text == lead)
    cands = candidates(page.units, start, None, [])
    rows = evidence(cands, page.units, found, start, [])
    tails = {c.text for c, r in zip(cands, rows) if r["crumb_tail"]}
    assert tails == {title}
