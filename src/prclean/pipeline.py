"""The whole of prclean, top to bottom: load → segment → detect → extract → render.

Both input kinds meet after segmentation: an HTML page and a text dump of it become the same
kind of units, so every detector and every extraction rule serves both.
"""

from __future__ import annotations

from collections.abc import Sequence

from .describe import fields as meta
from .describe import owner
from .detect.detectors import Verdict, detect_units
from .extract.header import Header, read_header
from .extract.sections import ABOUT, CONTACTS, FORWARD, assign_sections
from .extract.span import Span, choose_main, choose_span, heading_like
from .limits import Deadline
from .model import BODY, Block, Release
from .options import Options
from .read import htmlpage
from .read.load import load
from .read.textdump import Unit, segment_text


def run(data: str | bytes, url: str | None, opts: Options, clock: Deadline) -> tuple[Release, list[Block]]:
    """Clean one page; return the release and every input block with its label."""
    # load
    text, kind = load(data, max_bytes=opts.max_bytes, encoding=opts.encoding)
    clock.check("load")
    # segment
    page = htmlpage.parse(text, url) if kind == "html" else None
    units = page.units if page else segment_text(text)
    clock.check("segment")
    # detect
    found = detect_units(units)
    if page:
        for idx, verdict in page.verdicts.items():
            found.setdefault(idx, verdict)
    clock.check("detect")
    # extract
    span = (choose_main(units, found, page.inside) if page and page.inside else None) or choose_span(units, found)
    titles = [page.meta.get(k, "") for k in meta.TITLE_KEYS] if page else []
    span = _headline_out(span, units, titles)
    start = span.start if span else len(units)
    lead = " ".join(units[i].text for i in span.keep[:2]) if span else ""
    header = read_header(units, found, start, lead, titles) if span else Header()
    body = [units[i] for i in span.keep] if span else []
    secs = assign_sections(body)
    outside = (f"outside-{page.source}", page.inside) if page and page.inside else None
    labels = _label_all(units, found, span, header, secs, opts, outside)
    clock.check("extract")
    # render
    return _render(units, labels, body, secs, header, page, kind, url)


def _label_all(units: Sequence[Unit], found: dict[int, Verdict], span, header: Header,
               secs: list[str | None], opts: Options,
               outside: tuple[str, set[int]] | None) -> list[tuple[str, str]]:
    """One ``(label, rule)`` per unit: body, a dropped section, title, or the chrome verdict."""
    dropped = {ABOUT: not opts.keep_about, CONTACTS: not opts.keep_contacts,
               FORWARD: not opts.keep_forward_looking}
    body_label = {i: s for i, s in zip(span.keep, secs)} if span else {}
    title_texts = {units[i].text.casefold() for i in (header.title,) if i is not None}
    out: list[tuple[str, str]] = []
    for u in units:
        v = found.get(u.index)
        if u.index in body_label:
            sec = body_label[u.index]
            out.append((sec.replace("_", "-"), "option") if sec and dropped[sec] else (BODY, "body-span"))
        elif u.index == header.subtitle or u.index in header.subtitle_more:
            out.append(("subtitle", "header-heading"))
        elif u.index == header.title or (u.text.casefold() in title_texts and u.words >= 2):
            out.append(("title", "header-heading"))
        elif u.index == header.issuer_unit:
            out.append(("furniture", "provider-name"))
        elif v is not None:
            out.append((v.label, v.rule))
        elif span is None:
            out.append(("boilerplate", "no-release"))
        elif outside and u.index not in outside[1]:  # HTML: not in the main content (wire container, trafilatura)
            out.append(("boilerplate", outside[0]))
        else:
            out.append(("boilerplate", "before-body" if u.index < span.start else
                        "after-body" if u.index > span.end else "inside-body"))
    return out


def _render(units: Sequence[Unit], labels: list[tuple[str, str]], body: list[Unit],
            secs: list[str | None], header: Header, page, kind: str, url: str | None) -> tuple[Release, list[Block]]:
    blocks = [Block(u.text, lab, rule, u.lines) for u, (lab, rule) in zip(units, labels)]
    paragraphs = _paragraphs([u for u, (lab, _) in zip(units, labels) if lab == BODY])
    removed = tuple(b for b in blocks if b.label != BODY and b.text)
    parts: dict[str, list[str]] = {}
    for u, sec in zip(body, secs):
        if sec:
            parts.setdefault(sec, []).append(u.text)
    sections = {sec: tuple(texts) for sec, texts in parts.items()}
    canonical = (page.meta.get("canonical") if page else None) or url
    media = tuple(b.text for b in removed if b.rule == "media-url")
    if media:
        sections["media"] = media
    release = Release(
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        sections=sections,
        removed=removed,
        input_kind=kind,
        canonical_url=canonical,
        **_metadata(units, body, secs, header, removed, page.meta if page else {}, paragraphs, canonical),
    )
    return release, blocks


def _headline_out(span: Span | None, units: Sequence[Unit], titles: Sequence[str]) -> Span | None:
    """The page's own title opening the main content is the headline, not the release's first paragraph.

    Syndicating sites put the headline inside the article box; the <title> or og:title, which
    names it exactly (alone or beside the site's name), tells it from a first paragraph.
    """
    if span is None or len(span.keep) < 2:
        return span
    first = units[span.keep[0]]
    if not heading_like(first) or first.text.endswith(".") or not meta.names_page_title(first.text, titles):
        return span
    return Span(span.keep[1:], span.keep[1], span.end)


def _metadata(units: Sequence[Unit], body: list[Unit], secs: list[str | None], header: Header,
              removed: tuple[Block, ...], page_meta: dict[str, str], paragraphs: tuple[str, ...],
              url: str | None) -> dict:
    """Each field from the most specific evidence first: dateline, trailer, furniture, page meta.

    A page without a release has no release metadata: nothing is read off its chrome.
    """
    if not paragraphs:
        return dict.fromkeys(("title", "subtitle", "date", "dateline_location", "wire", "issuer", "author",
                              "language"))
    lead = paragraphs[0]
    # the dateline opens the release, or follows a lead paragraph or a short deck; further down only
    # a dated one counts ("Berlin, 29. November 2022."), since "Word – Word" is common in any text
    at, dl = next(((i, d) for i, p in enumerate(paragraphs[:6])
                   if (d := meta.parse_dateline(p)) is not None and (i < 3 or d.date)), (0, None))
    furniture = [b.text for b in removed if b.label == "furniture"]
    trailer = [b.text for b in removed if b.label == "wire-trailer"]
    all_texts = [u.text for u in units]
    before_body = all_texts[: body[0].index if body else len(units)]
    wire = ((dl.wire if dl else None) or meta.wire_in_text(lead) or page_meta.get("wire")
            or meta.wire_in_trailers(trailer) or meta.wire_from_info(furniture))
    about = meta.about_issuer([u.text for u, s in zip(body, secs) if s == ABOUT])
    title = units[header.title].text if header.title is not None else meta.page_title(page_meta)
    issuer = (meta.issuer_from(trailer, header.provided_by) or (dl.agency if dl else None)
              or meta.issuer_from(all_texts, None)
              or header.name_line or (meta.lead_subject(_after(dl, at, paragraphs)) if wire else None)
              or (owner.guest_logo(page_meta, url) if wire else None)
              or (None if wire else owner.site_owner(removed, page_meta, url, paragraphs, about)) or about
              or meta.headline_acronym(title, all_texts))
    return {
        "title": title,
        "subtitle": "\n".join(units[i].text for i in (header.subtitle, *header.subtitle_more))
        if header.subtitle is not None else None,
        "date": (dl.date if dl else None) or page_meta.get("date") or meta.first_date(furniture)
        or meta.first_date(before_body[-40:]) or meta.first_date([u.text for u in body if u.words <= 8])
        or meta.first_date([b.text for b in removed if b.label != "title"]),
        # (a date inside the body is what the text talks about, not when it was released)
        "dateline_location": dl.place if dl else meta.place_from(furniture),
        "wire": wire,
        "issuer": issuer,
        "author": _person(header.author or page_meta.get("author"), wire),
        "language": meta.detect_language(" ".join(paragraphs)),
    }


def _after(dl: meta.Dateline | None, at: int, paragraphs: tuple[str, ...]) -> str:
    """The text following the dateline in paragraph ``at`` (or the next one, for "Köln (ots) -" lines)."""
    if dl is None:
        return ""
    rest = paragraphs[at][dl.end:].strip()
    return rest or (paragraphs[at + 1] if at + 1 < len(paragraphs) else "")


def _person(author: str | None, wire: str | None) -> str | None:
    """A byline names a person: a wire or a site named as "author" in page metadata is not one."""
    if not author or (wire and author.casefold() == wire.casefold()) or meta.wire_named(author):
        return None
    return author


def _paragraphs(kept: Sequence[Unit]) -> tuple[str, ...]:
    """Glue lines the page wrote without a blank between them (contact cards, list items)."""
    paras: list[list[str]] = []
    prev: Unit | None = None
    for u in kept:
        if prev is not None and u.blank_before == 0 and u.index == prev.index + 1:
            paras[-1].append(u.text)
        else:
            paras.append([u.text])
        prev = u
    return tuple("\n".join(p) for p in paras)
