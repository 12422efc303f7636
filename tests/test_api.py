"""The public API: the Release value, detect(), accounting and invariants."""

from __future__ import annotations

import dataclasses
import json

import pytest
import regex

import prclean
from prclean.model import BODY
from prclean.read.load import decode

from .conftest import fixture_inputs

_TOKEN = regex.compile(r"\w+")
FIELDS = ["text", "paragraphs", "title", "subtitle", "date", "dateline_location", "wire", "issuer", "author",
          "language", "canonical_url", "sections", "removed", "input_kind", "provenance", "blocks", "found"]


@pytest.fixture(scope="module")
def wire_page(fixtures_dir):
    return (fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt").read_bytes()


def test_release_is_immutable_and_serialises_exactly_its_fields(wire_page):
    release = prclean.clean(wire_page)
    with pytest.raises(dataclasses.FrozenInstanceError):
        release.text = "changed"  # type: ignore[misc]
    data = release.to_dict()
    assert list(data) == FIELDS  # the fields, and `found`
    assert data["found"] is True
    json.dumps(data)  # JSON-ready
    assert data["removed"][0].keys() == {"text", "label", "rule", "lines"}


def test_release_is_hashable_and_round_trips(wire_page):
    release = prclean.clean(wire_page)
    assert hash(release) == hash(prclean.clean(wire_page))
    assert len({release, prclean.clean(wire_page)}) == 1
    again = prclean.Release.from_dict(json.loads(json.dumps(release.to_dict())))
    assert again == release and hash(again) == hash(release)
    with pytest.raises(TypeError):
        release.sections["about"] = ()  # type: ignore[index]


def test_provenance_names_the_source_of_each_field(wire_page):
    release = prclean.clean(wire_page)
    assert release.provenance["date"] == "dateline"
    assert release.provenance["wire"] == "dateline"
    assert release.provenance["title"] == "headline"
    assert set(release.provenance) == {f for f in prclean.describe.FIELDS if getattr(release, f) is not None}
    assert release.to_dict()["provenance"]["date"] == "dateline"


def test_text_is_paragraphs_joined_by_blank_lines(wire_page):
    release = prclean.clean(wire_page)
    assert release.text == "\n\n".join(release.paragraphs)
    assert release.input_kind == "text"


def test_detect_labels_every_block_and_agrees_with_clean(wire_page):
    blocks = prclean.detect(wire_page)
    release = prclean.clean(wire_page)
    assert all(b.label and b.rule for b in blocks)
    body_text = " ".join(b.text for b in blocks if b.label == BODY)
    assert _TOKEN.findall(body_text) == _TOKEN.findall(release.text)
    assert {"menu", "language-list", "share", "furniture", "wire-trailer", "related", "ad", "contact-widget",
            "footer", "title"} <= {b.label for b in blocks}


@pytest.mark.parametrize("path", fixture_inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_accounting_and_no_invented_text(path):
    data = path.read_bytes()
    release = prclean.clean(data)
    blocks = prclean.detect(data)
    # every block with text is either in the body or removed with a label
    removed = {(b.text, b.lines) for b in release.removed}
    for b in blocks:
        if b.text and b.label != BODY:
            assert (b.text, b.lines) in removed
    # every output token is an input token
    source = set(_TOKEN.findall(decode(data)))
    assert set(_TOKEN.findall(release.text)) <= source
    # deterministic
    assert prclean.clean(data) == release


def test_sections_can_be_dropped(fixtures_dir):
    data = (fixtures_dir / "businesswire-lynx-biotech" / "input.lynx.txt").read_bytes()
    full = prclean.clean(data)
    assert {"about", "contacts", "forward_looking"} <= set(full.sections)
    lean = prclean.clean(data, keep_about=False, keep_contacts=False, keep_forward_looking=False)
    assert "Corvane Therapeutics is a clinical-stage" not in lean.text
    assert "forward-looking statements" not in lean.text
    assert "ir@corvane.example" not in lean.text
    assert lean.text and set(_TOKEN.findall(lean.text)) <= set(_TOKEN.findall(full.text))
    dropped = {b.label for b in lean.removed}
    assert {"about", "contacts", "forward-looking"} <= dropped


def test_clean_file_reads_bytes(fixtures_dir):
    path = fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt"
    assert prclean.clean_file(path) == prclean.clean(path.read_bytes())


def test_html_lines_broken_by_br_stay_one_paragraph(fixtures_dir):
    release = prclean.clean((fixtures_dir / "prnewswire-html-retail" / "input.html").read_bytes())
    assert "Media contact:\nJo Castellano\npress@fernhill.example\n503-555-0127" in release.paragraphs
    assert release.sections["contacts"][0] == "Media contact:"


PROSE = "<p>" + "The cooperative opened a second bakery in the harbour district this spring. " * 6 + "</p>"


@pytest.mark.parametrize(("head", "url", "expected"), [
    ('<link rel="canonical" href="https://coop.example/news/bakery">', None, "https://coop.example/news/bakery"),
    ('<meta property="og:url" content="https://coop.example/n/1">', None, "https://coop.example/n/1"),
    ('<link rel="canonical" href="/news/bakery">', "https://coop.example/x?y=1", "https://coop.example/news/bakery"),
    ('<link rel="canonical" href="/news/bakery">', None, None),  # relative, nothing to resolve it against
    ('<link rel="canonical" href="javascript:void(0)">', None, None),
    # found by hypothesis on a mutated fixture: urllib raised ValueError on "https://script>" hosts
    ('<link rel="canonical" href="https://script>\n<script>x</script>', None, None),
    ('<link rel="canonical" href="https://[::1"><a href="https://[oops/">Home Name</a>', None, None),
    ("", "https://coop.example/given", "https://coop.example/given"),
])
def test_canonical_url(head, url, expected):
    page = f"<html><head>{head}</head><body><h1>Bakery</h1>{PROSE}</body></html>"
    assert prclean.clean(page, url=url).canonical_url == expected
