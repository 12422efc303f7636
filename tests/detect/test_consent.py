"""The consent dialog detector: a cluster of cookie lines with a control among them, and nothing else."""

from __future__ import annotations

import prclean
from prclean.detect import detect
from prclean.detect.consent import CLUSTER_GAP, consent_dialog
from prclean.read import Page
from prclean.read.textdump import segment_text

DIALOG = [
    "We use cookies and similar tools to run this site, measure visits and show you offers that fit.",
    "Accept All Cookies",
    "Reject All",
    "Your Privacy Choices",
    ("Our partners and we keep small files on your device while you browse, and read them back on your next "
    "visit, so that the pages remember who you are, what you chose and which language you read them in."),
    "Strictly Necessary Cookies",
    "Always Active",
    ("Without these files the basket, the login and the checkout would forget you between one page and the "
    "next, so they stay on whatever you choose below, and they hold nothing that follows you elsewhere."),
    "Advertising Cookies",
    ("Partners set these to build a picture of what interests you and to show you relevant offers on other "
    "sites you visit later, and to count how often an offer was seen before anybody clicked on it."),
    "Confirm My Choices",
]

POST = [
    "Fan noise after the firmware update",
    "Posted March 3, 2025",
    ("Since yesterday's update the rear fan spins up every few minutes even when the machine is idle. "
    "Has anyone found a setting that brings the old curve back?"),
    "Two reboots did not help, and the temperatures stay low, so it looks like the new profile itself.",
]


def page_of(lines: list[str]) -> Page:
    return Page(segment_text("\n\n".join(lines)), "text")


def flagged(p: Page) -> dict[int, str]:
    return {i: v.rule for i, v in detect(p).items()}


def test_a_dialog_is_named_from_its_first_cookie_line_to_its_last_control():
    p = page_of(POST + ["Copyright 2025 Example Corp. All rights reserved."] + DIALOG)
    found = detect(p)
    first = len(POST) + 1
    dialog = range(first, first + len(DIALOG))
    assert all(i in found for i in dialog), {p.units[i].text[:30]: found.get(i) for i in dialog}
    # the paragraphs that never say "cookie" are named by the dialog rule; the rest keep the verdicts of
    # the rules before it (a cookie sentence, a run of short buttons)
    assert {found[i].rule for i in (first + 4, first + 7, first + 9)} == {"consent-dialog"}
    assert not any(i in found for i in (2, 3))  # the post's paragraphs


def test_the_post_is_kept_and_the_dialog_removed():
    r = prclean.clean("\n\n".join(POST + DIALOG))
    assert "rear fan spins up" in r.text
    assert "Two reboots" in r.text
    assert "Partners set these" not in r.text
    assert "Without these files" not in r.text


def test_documentation_about_cookies_is_no_dialog():
    """A framework's page explains cookies in many lines, with no control and no consent request."""
    doc = ["Cookies", "A response can set cookies on the client with set_cookie.",
           "Reading cookies:", "The request keeps the cookies the client sent in a dictionary.",
           "Storing cookies:", ("Call set_cookie on the response before you return it; the cookie expires "
           "when the browser closes unless you give it a maximum age."),
           "Deleting cookies works the same way, with an expiry in the past."]
    assert consent_dialog(page_of(doc), {}) == {}


def test_a_bakery_naming_cookies_and_offering_to_save_on_all_is_no_dialog():
    shop = ["Chocolate Chip Cookies", "Oatmeal Raisin Cookies", "Save 20% on all cookies this week",
            "Ginger Cookies", "Shortbread Cookies"]
    p = page_of(shop)
    assert not any(v.rule == "consent-dialog" for v in detect(p).values())


def test_cookie_lines_far_apart_make_no_cluster():
    filler = [f"Paragraph {n} of the article says something else entirely and ends like a sentence." for n in
              range(CLUSTER_GAP + 1)]
    lines = ["We use cookies to understand how you use our website.", *filler, "Accept All Cookies", *filler,
             "Strictly Necessary Cookies"]
    rules = flagged(page_of(lines))
    assert "consent-dialog" not in rules.values()


def test_a_consent_framework_dialog_is_named_by_its_purposes():
    """The IAB framework's dialog lists purposes and partners rather than cookies."""
    tcf = [("We and our 120 partners store and/or access information on a device, such as identifiers in "
           "cookies, and process personal data with your consent or on the basis of legitimate interest."),
           "Allow All",
           "Measure advertising performance 88 partners can use this purpose",
           "Counting how often an offer was seen and clicked, so that partners can be paid for it.",
           "Develop and improve services 64 partners can use this purpose",
           "Object to legitimate interests"]
    p = page_of(POST + tcf)
    found = detect(p)
    assert all(i in found for i in range(len(POST), len(POST) + len(tcf)))
    assert found[len(POST) + 3].rule == "consent-dialog"


def test_an_article_about_consent_law_is_no_dialog():
    """Without a control among them, lines about partners, consent and cookies are just an article."""
    article = [("The regulator said advertisers and their partners may not rely on legitimate interest for "
               "tracking, and must ask for consent before any cookies are set."),
               "Publishers told the court that their partners need consent only for targeted offers.",
               "The ruling covers cookies set by any partner of the site, the judges wrote.",
               "An appeal is expected before the end of the year."]
    assert consent_dialog(page_of(article), detect(page_of(article))) == {}
