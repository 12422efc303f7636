"""What a page says about itself: JSON-LD, meta tags, its canonical URL, its home link, its logos.

This is the metadata a release page carries outside its text. It is evidence, not truth: the
pipeline prefers what the release itself says (dateline, SOURCE line) and only falls back to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import regex

from ..describe.fields import clean_name, to_iso


def read_meta(root, url: str | None = None) -> dict[str, str]:
    """Title, date, author and publisher from JSON-LD and meta tags, most specific first."""
    meta: dict[str, str] = {}
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split():
            _take(meta, "canonical", _absolute(link.get("href"), url))
    for script in root.iter("script"):
        if (script.get("type") or "").casefold() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:500_000])
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            _take(meta, "title", item.get("headline"))
            _take(meta, "date", to_iso(str(item.get("datePublished") or "")))
            for key, role in (("author", "author"), ("publisher", "issuer")):
                who = item.get(key)
                who = who[0] if isinstance(who, list) and who else who
                if isinstance(who, dict):
                    if who.get("@type") == "Person" and role == "author":
                        _take(meta, "author", who.get("name"))
                    elif who.get("@type") == "Organization" and role == "issuer":
                        _take(meta, "ld_publisher", who.get("name"))
    for el in root.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").casefold()
        content = (el.get("content") or "").strip()
        if not content:
            continue
        if name in ("og:title", "twitter:title", "dc.title"):
            _take(meta, "og_title", content)
        elif name in ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
                      "pubdate", "publishdate", "og:published_time", "publication_date"):
            _take(meta, "date", to_iso(content))
        elif name in ("author", "article:author", "dc.creator") and "http" not in content:
            _take(meta, "author", content)
        elif name == "og:site_name":
            _take(meta, "site_name", content)
        elif name == "og:url":
            _take(meta, "canonical", _absolute(content, url))
    logos: list[str] = []  # the site's logo names its owner; a second one, the company a portal hosts
    for img in root.iter("img"):
        alt = " ".join((img.get("alt") or "").split())
        where = f"{img.get('class') or ''} {img.get('id') or ''} {img.get('src') or ''} {alt}".casefold()
        if alt and "logo" in where:
            logo = alt if "logo" in alt.casefold() else f"{alt} Logo"
            if logo not in logos:
                logos.append(logo)
        if len(logos) == 5:
            break
    if logos:
        meta["logos"] = "\n".join(logos)
    title = root.find(".//title")
    if title is not None and title.text:
        _take(meta, "page_title", " ".join(title.text.split()))
    _take(meta, "home", _home_name(root, meta.get("canonical") or url))
    return meta


def _home_name(root, own: str | None) -> str | None:
    """The words of the first text link to the site's own home page: newsrooms name their owner there.

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
        name = clean_name(text) if 1 <= len(text.split()) <= 12 else None
        if name:
            return name
    return None


def url_parts(url: str) -> tuple[str | None, str | None, str]:
    """Host, path and query of a URL; (None, None, "") for one urllib cannot read ("https://[x")."""
    try:
        parts = urlsplit(url)
        return parts.hostname, parts.path, parts.query
    except ValueError:
        return None, None, ""


def _absolute(href: str | None, base: str | None) -> str | None:
    """An http(s) URL, resolved against the page's own URL when relative; None for anything else."""
    href = (href or "").strip()
    if base and href:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    if not href.casefold().startswith(("http://", "https://")) or _NOT_IN_URL.search(href):
        return None
    return href if url_parts(href)[0] else None  # a host urllib can read: not "https://[::1"


_NOT_IN_URL = regex.compile(r"[\s<>\"'`]")


def _take(meta: dict[str, str], key: str, value) -> None:
    if isinstance(value, str) and value.strip() and key not in meta:
        meta[key] = " ".join(value.split())


def _ld_items(data) -> Iterator[dict]:
    stack = [data]
    seen = 0
    while stack and seen < 200:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            yield item
