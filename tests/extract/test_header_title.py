"""The headline and its deck: the fitted scorer, glued lines cut apart, text-dump marks read off."""

from __future__ import annotations

import json
import textwrap
from importlib import resources

import pytest

from prclean.describe.title import cut_site_name
from prclean.detect import detect
from prclean.extract.glued import glued_parts, hash_heading
from prclean.extract.header import read_header
from prclean.extract.headline import FEATURES, candidates, evidence
from prclean.extract.span import choose_span
from prclean.extract.title_model import TitleModel, load_model, model_from
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
