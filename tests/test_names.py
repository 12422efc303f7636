"""Names of people and organisations as pages write them."""

from __future__ import annotations

import pytest

from prclean.names import author_from, clean_name


@pytest.mark.parametrize("line,author", [
    ("Von David Hutzler, dpa", "David Hutzler"),
    ("By Sarah Crowe", "Sarah Crowe"),
    ("By Anna Maria Lind | Staff Writer", "Anna Maria Lind"),
    ("Par Jean-Luc Martin, AFP", "Jean-Luc Martin"),
    ("The company said it would hire", None),
])
def test_byline_author(line, author):
    assert author_from(line) == author


@pytest.mark.parametrize("raw,name", [
    ("IHS Inc. (www.ihs.com)", "IHS Inc."),
    ("Visiongain. Web design by Studio X", "Visiongain"),
    ("SYS-CON Media, Inc. —", "SYS-CON Media, Inc."),
    ("Logo - Acme GmbH", "Acme GmbH"),
    ("Startseite", None),
    ("example.com", None),
    ("PR Newswire", None),  # a wire is never the name of an issuer
])
def test_clean_name(raw, name):
    assert clean_name(raw) == name
