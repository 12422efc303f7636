"""Description: the release's metadata, each field from the most specific evidence first.

Every field has an ordered list of named sources (:data:`FIELDS`), and takes the value of the
first that gives one; the source's name becomes the field's provenance. The order follows one
principle: **the release's own text first, then what the wire set around it, then what the page
says about itself, then the site's chrome.** A dateline was written for this release; a JSON-LD
date may be the page's last edit; a copyright line names whoever runs the site. So, for the date:
the dateline, the page's published date, a date line in the furniture, above the body, on a
short line of the body, anywhere in the chrome. A field without evidence stays empty: a wrong
value is worse than none.

Fields are resolved in :data:`FIELDS` order, and a later field may read an earlier one: the issuer
depends on whether a wire distributed the release (a wire's page belongs to the wire, not the
issuer) and on the title (an acronym it leads with). A page without a release has no release
metadata: nothing is read off its chrome. New evidence for a field is a :class:`Source` placed in
its list where its specificity ranks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..extract import Extraction
from ..read.units import Page
from .author import AUTHOR, is_person
from .issuer import ISSUER, is_issuer
from .language import LANGUAGE
from .sources import Evidence, Found, Source, first_source
from .title import SUBTITLE, TITLE
from .when import DATE, DATELINE_LOCATION
from .wire import WIRE

__all__ = ["FIELDS", "Field", "Metadata", "Source", "describe"]

CANONICAL_URL = (
    Source("page-meta", lambda ev, found: ev.page.facts.canonical, lambda ev: ev.page.facts.canonical_source),
    Source("caller", lambda ev, found: ev.url),
)


@dataclass(frozen=True)
class Field:
    """A field's sources, most specific first, and what a value must be to stand.

    ``accept`` vets each value a source gives; a value it rejects is passed over for the next
    source's. ``always`` fields are read even from pages without a release.
    """

    sources: Sequence[Source]
    accept: Callable[[str, Evidence, Found], bool] | None = None
    always: bool = False


FIELDS: dict[str, Field] = {
    "canonical_url": Field(CANONICAL_URL, always=True),
    "title": Field(TITLE),
    "subtitle": Field(SUBTITLE),
    "date": Field(DATE),
    "dateline_location": Field(DATELINE_LOCATION),
    "wire": Field(WIRE),
    "issuer": Field(ISSUER, accept=is_issuer),
    "author": Field(AUTHOR, accept=is_person),
    "language": Field(LANGUAGE),
}
"""Every field, resolved in this order."""


@dataclass(frozen=True)
class Metadata:
    """The fields' values and, for each value, the name of the source that gave it."""

    values: dict[str, str | None]
    provenance: dict[str, str]


def describe(page: Page, extraction: Extraction, url: str | None) -> Metadata:
    ev = Evidence(page, extraction, url)
    values: dict[str, str | None] = dict.fromkeys(FIELDS)
    provenance: dict[str, str] = {}
    for name, field in FIELDS.items():
        if not (field.always or ev.paragraphs):
            continue  # no release, no release metadata
        value, source = first_source(field.sources, ev, values, field.accept)
        values[name] = value
        if value is not None and source is not None:
            provenance[name] = source
    return Metadata(values, provenance)
