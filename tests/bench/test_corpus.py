"""The harness reads every corpus layout: case folders (plain and gzip HTML, text renderings) and the
public-benchmark layout (html/<id>.html[.gz] plus one ground truth keyed by id), and samples them
reproducibly.  All corpora here are tiny synthetic ones written by the tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from prclean.bench.corpus import Selection, input_flavor, load_cases, public_pages, select

PAGE = "<html><body><h1>{title}</h1><p>{body}</p><footer>Imprint</footer></body></html>"


def write_case(root: Path, name: str, body: str, page_type: str | None = None, gz: bool = True,
               renderings: tuple[str, ...] = ("w3m", "md")) -> Path:
    d = root / name
    d.mkdir(parents=True)
    html = PAGE.format(title=name, body=body).encode()
    if gz:
        (d / "input.html.gz").write_bytes(gzip.compress(html))
    else:
        (d / "input.html").write_bytes(html)
    for r in renderings:
        (d / f"input.{r}.txt").write_text(f"{name}\n\n{body}\n\nImprint\n", encoding="utf-8")
    (d / "expected.txt").write_text(body, encoding="utf-8")
    gold = {"title": name, "author": None, "date": None, "must": [], "must_not": ["Imprint"]}
    if page_type:
        gold["page_type"] = page_type
    (d / "expected.json").write_text(json.dumps(gold), encoding="utf-8")
    return d


def test_input_flavors():
    assert [input_flavor(Path(n)) for n in ("input.html", "input.html.gz", "input.htm", "input.w3m.txt",
                                             "input.txt", "input.md", "input.inner.txt", "input.json")] == \
        ["html", "html", "html", "w3m", "txt", "md", "inner", None]


def test_web_layout_reads_gzip_html_and_renderings(tmp_path):
    write_case(tmp_path / "web", "0001", "Gulls nest on the old pier every spring.", "article")
    cases = load_cases(tmp_path / "web", Selection())
    assert [(c.flavor, c.kind, c.kind_keys) for c in cases] == [
        ("html", "html", ("html",)), ("md", "text", ("text", "text:md")), ("w3m", "text", ("text", "text:w3m"))]
    html = cases[0]
    assert html.path.name == "input.html.gz" and html.read().startswith(b"<html><body><h1>0001")
    assert html.page_type == "article" and html.corpus == "web"


def test_kinds_and_types_narrow_the_corpus(tmp_path):
    root = tmp_path / "web"
    write_case(root, "0001", "One article about harbour seals.", "article")
    write_case(root, "0002", "A listing of seal photos.", "listing")
    write_case(root, "0003", "An untyped page.", None)
    only_md = load_cases(root, Selection(kinds=("md",)))
    assert {c.flavor for c in only_md} == {"md"} and len(only_md) == 3
    text = load_cases(root, Selection(kinds=("text",)))
    assert {c.flavor for c in text} == {"md", "w3m"}
    typed = load_cases(root, Selection(types=("article",), kinds=("html",)))
    assert [c.name for c in typed] == ["0001"]


def test_sample_is_fixed_by_seed(tmp_path):
    root = tmp_path / "web"
    for i in range(30):
        write_case(root, f"{i:04d}", f"Page number {i} says something.", "article", renderings=())
    pages = lambda seed: [c.name for c in load_cases(root, Selection(sample=8, seed=seed))]
    first = pages(1)
    assert len(first) == 8 == len(set(first)) and first == sorted(first)
    assert pages(1) == first  # same seed, same pages
    assert pages(2) != first  # another seed, another sample
    assert len(load_cases(root, Selection(sample=100, seed=1))) == 30  # a sample larger than the corpus: all


def test_sample_draws_after_the_type_filter(tmp_path):
    root = tmp_path / "web"
    for i in range(12):
        write_case(root, f"{i:04d}", f"Body {i}.", "article" if i % 2 else "listing", renderings=())
    chosen = load_cases(root, Selection(sample=4, seed=5, types=("article",)))
    assert len(chosen) == 4 and all(c.page_type == "article" for c in chosen)


def test_plain_html_wins_over_gzip_and_nested_folders(tmp_path):
    d = write_case(tmp_path / "dev" / "group", "case-a", "Plain body.", gz=False, renderings=())
    (d / "input.html.gz").write_bytes(gzip.compress(b"<html>other</html>"))
    cases = load_cases(tmp_path / "dev", Selection())
    assert [(c.name, c.path.name) for c in cases] == [("group/case-a", "input.html")]


def _public(root: Path, ids: dict[str, str], gz: bool = True) -> None:
    (root / "html").mkdir(parents=True)
    for page_id, body in ids.items():
        html = PAGE.format(title=page_id, body=body).encode()
        if gz:
            (root / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html))
        else:
            (root / "html" / f"{page_id}.html").write_bytes(html)


def test_public_layout_scrapinghub_style(tmp_path):
    root = tmp_path / "article-bench"
    _public(root, {"a1": "First body.", "b2": "Second body.", "c3": "No truth for me."})
    truth = {"a1": {"articleBody": "First body.", "url": "https://example.org/a1"},
             "b2": {"articleBody": "Second body.", "url": "https://example.org/b2"}}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    cases = load_cases(root, Selection())
    assert [(c.name, c.flavor, c.expected) for c in cases] == [("a1", "html", "First body."),
                                                             ("b2", "html", "Second body.")]
    assert cases[0].gold == {"url": "https://example.org/a1"}  # no metadata gold: none scored
    assert cases[0].read().startswith(b"<html>")


def test_public_layout_list_truth_text_key_and_aliases(tmp_path):
    root = tmp_path / "wcxb"
    _public(root, {"p1": "Body one.", "p2": "Body two."}, gz=False)
    truth = [{"id": "p1", "main_content": "Body one.", "headline": "One", "page_type": "article"},
             {"id": "p2", "content": "not the key", "main_content": "Body two.", "page_type": "forum"}]
    (root / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    pages = public_pages(root, text_key="main_content")
    assert [(p.name, p.expected, p.gold.get("title"), p.gold["page_type"]) for p in pages] == [
        ("p1", "Body one.", "One", "article"), ("p2", "Body two.", None, "forum")]
    forum = load_cases(root, Selection(types=("forum",)))
    assert [c.name for c in forum] == ["p2"]


def test_public_layout_truth_folder_and_errors(tmp_path):
    root = tmp_path / "bench"
    _public(root, {"x": "Body x."})
    with pytest.raises(FileNotFoundError):
        public_pages(root)
    (root / "ground-truth").mkdir()
    (root / "ground-truth" / "x.json").write_text(json.dumps({"text": "Body x."}), encoding="utf-8")
    assert [p.expected for p in public_pages(root)] == ["Body x."]
    bad = tmp_path / "bad.json"
    bad.write_text("42", encoding="utf-8")
    with pytest.raises(TypeError):
        public_pages(root, truth=bad)


def test_select_keeps_name_order_without_sample(tmp_path):
    root = tmp_path / "c"
    for name in ("b", "a", "c"):
        write_case(root, name, "Body.", renderings=())
    from prclean.bench.corpus import folder_pages

    assert [p.name for p in select(folder_pages(root), Selection())] == ["a", "b", "c"]
