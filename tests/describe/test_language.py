"""The language of the body."""

from __future__ import annotations

import pytest

from prclean.describe.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("The company said that it will open a plant in the north of the country and hire 400 people.", "en"),
    ("Die Bundesregierung hat am Mittwoch beschlossen, dass die Förderung für das Programm verlängert wird.", "de"),
    ("Le gouvernement a annoncé que le programme sera prolongé pour les entreprises de la région.", "fr"),
    ("El gobierno anunció que el programa se ampliará para las empresas de la región en los próximos años.", "es"),
    ("ミナト精機株式会社は1968年に創業した産業機械メーカーです。", "ja"),
    ("公司今天宣布在北京开设新的研发中心，将雇用三百名工程师。", "zh"),
    ("De stichting heeft een nieuw gemaal geopend dat het water van de polder naar de rivier pompt.", "nl"),
    ("A empresa anunciou que vai abrir uma nova fábrica no norte do país e contratar trabalhadores.", "pt"),
])
def test_language(text, lang):
    assert detect_language(text) == lang
