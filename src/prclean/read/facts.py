"""What a page says about itself: JSON-LD, meta tags, its canonical URL, its home link, its logos.

This is the metadata a release page carries outside its text. It is evidence, not truth: the
describe stage prefers what the release itself says (dateline, SOURCE line) and falls back to it.
Values are read raw, in the page's order of specificity; interpreting them is left to describe.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..urls import absolute_url, url_parts
from .htmlwalk import Element
from .units import PageFacts

_LD_MAX_CHARS = 500_000
"""A JSON-LD block larger than this is cut before parsing: real ones are kilobytes."""
_LD_MAX_ITEMS = 200
"""JSON-LD objects visited per page: enough for any @graph, bounded for hostile ones."""
_MAX_LOGOS = 5
"""Logos read per page: the site's own and a hosted company's come first."""
_MAX_HOME_WORDS = 12
"""A home link's text longer than this is a sentence, not a name."""
_DATE_KEYS = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate",
              "publishdate", "og:published_time", "publication_date")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator")


@dataclass
class _Gathered:
    """Facts as they are found, first value of each kind winning."""

    values: dict[str, str] = field(default_factory=dict)
    dates: list[tuple[str, str]] = field(default_factory=list)

    def take(self, key: str, value: object, source: str | None = None) -> None:
        """Keep ``value`` under ``key`` unless one is kept already; ``source`` is kept beside it."""
        if isinstance(value, str) and value.strip() and key not in self.values:
            self.values[key] = " ".join(value.split())
            if source:
                self.values[f"{key}_source"] = source


def read_facts(root: Element, url: str | None = None) -> PageFacts:
    """Title, dates, author, publisher, canonical URL, home link and logos, most specific first."""
    got = _Gathered()
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split():
            got.take("canonical", absolute_url(link.get("href"), url), "canonical-link")
    _read_json_ld(root, got)
    _read_meta_tags(root, url, got)
    title = root.find(".//title")
    if title is not None and title.text:
        got.take("page_title", " ".join(title.text.split()))
    v = got.values
    return PageFacts(
        canonical=v.get("canonical"), canonical_source=v.get("canonical_source"), headline=v.get("headline"),
        og_title=v.get("og_title"), page_title=v.get("page_title"), dates=tuple(got.dates),
        author=v.get("author"), author_source=v.get("author_source"), publisher=v.get("publisher"),
        site_name=v.get("site_name"), home_links=tuple(_home_links(root, v.get("canonical") or url)),
        logos=tuple(_logos(root)))


def _read_json_ld(root: Element, got: _Gathered) -> None:
    for script in root.iter("script"):
        if (script.get("type") or "").casefold() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:_LD_MAX_CHARS])
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            got.take("headline", item.get("headline"))
            published = item.get("datePublished")
            if published:
                got.dates.append(("json-ld", str(published)))
            for key in ("author", "publisher"):
                who = item.get(key)
                who = who[0] if isinstance(who, list) and who else who
                if not isinstance(who, dict):
                    continue
                if key == "author" and who.get("@type") == "Person":
                    got.take("author", who.get("name"), "json-ld")
                elif key == "publisher" and who.get("@type") == "Organization":
                    got.take("publisher", who.get("name"))


def _read_meta_tags(root: Element, url: str | None, got: _Gathered) -> None:
    for el in root.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").casefold()
        content = (el.get("content") or "").strip()
        if not content:
            continue
        if name in _TITLE_KEYS:
            got.take("og_title", content)
        elif name in _DATE_KEYS:
            got.dates.append((f"meta:{name}", content))
        elif name in _AUTHOR_KEYS and "http" not in content:
            got.take("author", content, f"meta:{name}")
        elif name == "og:site_name":
            got.take("site_name", content)
        elif name == "og:url":
            got.take("canonical", absolute_url(content, url), "og:url")


def _logos(root: Element) -> Iterator[str]:
    """The alt texts of logo images: the site's logo names its owner; a second one, the company a portal hosts."""
    seen: list[str] = []
    for img in root.iter("img"):
        alt = " ".join((img.get("alt") or "").split())
        where = f"{img.get('class') or ''} {img.get('id') or ''} {img.get('src') or ''} {alt}".casefold()
        if alt and "logo" in where:
            logo = alt if "logo" in alt.casefold() else f"{alt} Logo"
            if logo not in seen:
                seen.append(logo)
                yield logo
        if len(seen) == _MAX_LOGOS:
            return


def _home_links(root: Element, own: str | None) -> Iterator[str]:
    """The words of text links to the site's own home page: newsrooms name their owner there.

    Only a link to this site's root counts (a ministry's header also links its state government's
    home), and only its text (an image's alt is read as the logo).
    """
    own_host = url_parts(own)[0] if own else None
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href.rstrip("/").count("/") > 2 or (href and href[0] not in "/h"):
            continue  # a path below the root, or a relative link: not the home page
        host, path, query = url_parts(href)
        same_site = host == own_host if host else href.startswith("/")
        if not same_site or path not in ("", "/") or query:
            continue
        text = " ".join("".join(a.itertext()).split())
        if 1 <= len(text.split()) <= _MAX_HOME_WORDS:
            yield text


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    seen = 0
    while stack and seen < _LD_MAX_ITEMS:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            yield item
