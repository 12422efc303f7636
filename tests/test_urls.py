"""URLs read with urllib: hosts, absolute links, and what is no URL at all."""

from __future__ import annotations

import pytest

from prclean.urls import absolute_url, url_host, url_parts


@pytest.mark.parametrize("url,host", [("https://user:pw@www.example.com:8080/x?y", "www.example.com"),
                                      ("HTTPS://Example.COM/", "example.com"), ("https://[x", ""), (None, ""),
                                      ("not a url", "")])
def test_url_host(url, host):
    assert url_host(url) == host


def test_url_parts_and_absolute_urls():
    assert url_parts("https://a.example/p/q?r=1") == ("a.example", "/p/q", "r=1")
    assert absolute_url("../news", "https://a.example/x/y/") == "https://a.example/x/news"
    assert absolute_url("mailto:x@a.example", None) is None
