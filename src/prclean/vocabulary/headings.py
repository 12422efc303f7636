"""Headings that open the release's own sections: About the issuer, media contacts, forward-looking statements."""

from __future__ import annotations

import regex

from ..text import lazy

_F = regex.IGNORECASE

ABOUT = lazy(
    r"^(?:(?:about|über|à propos de|acerca de|sobre|informazioni su|chi è|over)\s+|à propos d'|a propos d'|关于|關於)"
    r"(?!(?:us|uns|nous|nosotros|noi|ons)\b)"
    r"(?P<x>(?!\d)\w.{1,80}?)\s*[:.]?$", _F)  # "About 400 people ..." is a sentence, not a heading
"""'About Acme Inc.': the section's heading names the organisation it is about."""

ABOUT_US = lazy(r"^(?:about us|über uns|à propos de nous|qui sommes-nous\s*\??|sobre nosotros|quiénes somos|"
                         r"sobre nós|chi siamo|over ons|会社概要|公司简介)\s*:?$", _F)
"""'About us': the section is about whoever the page belongs to."""

ABOUT_CJK = lazy(r"^(?:.{1,40}について|会社概要|关于.{1,40}|關於.{1,40})$")
"""Japanese and Chinese About headings ('…について', '关于…')."""

CONTACTS = lazy(
    r"^(?:(?:[\p{L}-]+\s){0,3}[\p{L}-]*(?:contacts?|kontakte?|contactos?|contatos?|contatti)|"
    r"(?:media|press|investor|pr)\s+(?:relations|enquiries|inquiries)|ansprechpartner(?:in)?|für rückfragen|rückfragen|kontakt für (?:die )?medien|"
    r"contact(?:s)? (?:presse|médias?)|contacto(?:s)?(?: de prensa)?|contato(?:s)?|contatti|"
    r"press office|pressestelle|media enquiries|for (?:more|further) information|お問い合わせ.*|"
    r"报道垂询|媒体联系人?|联系方式|contact information)\s*:?\s*.{0,60}$",
    _F,
)
"""A media-contacts heading ('Media contact:', 'Pressekontakt', 'お問い合わせ')."""

FORWARD_LOOKING = lazy(
    r"^(?:\W{0,3})(?:cautionary (?:note|statement|language)[^.]{0,60}|(?:note regarding |special note regarding )?"
    r"forward[- ]looking (?:statements?|information)|safe harbou?r|zukunftsgerichtete aussagen|"
    r"zukunftsbezogene aussagen|déclarations prospectives|énoncés prospectifs|declaraciones prospectivas|"
    r"declarações prospectivas|dichiarazioni previsionali|toekomstgerichte verklaringen|将来予測|前瞻性陈述)"
    r"|\b(?:contains?|constitutes?|include|are) (?:certain )?[\"“]?forward[- ]looking statements?\b",
    _F,
)
"""The safe-harbour section: its heading, or the paragraph that opens it ('This release contains forward-looking statements')."""
