"""Headings: markdown, structured-abstract labels and short title lines."""
import pytest

from pipeline.nlp.sections import find_headings, section_at


def titles(text):
    return [h["title"] for h in find_headings(text)]


@pytest.mark.parametrize("text,expected", [
    ("# Rapamycin\n\nBody text here.", ["Rapamycin"]),
    ("## Results ##\nText.", ["Results"]),
    ("BACKGROUND: Ageing is hard.\nMETHODS: We did it.", ["BACKGROUND", "METHODS"]),
    ("Methods: We randomised adults.", ["Methods"]),
    ("Longevity (Tier 3 — Probable Efficacy)\nRapamycin helps.", ["Longevity (Tier 3 — Probable Efficacy)"]),
    ("A sentence that ends with a period.\nAnother one.", []),
    ("- a list item\n- another", []),
    ("Outcome | Drug | Placebo\n", []),
    ("lower case line\nText.", []),
    ("2019 2020 2021\n", []),
])
def test_find_headings(text, expected):
    assert titles(text) == expected


def test_heading_offsets_point_at_title():
    text = "Intro.\n\n## Fat Loss\nText."
    (heading,) = find_headings(text)
    assert text[heading["start"]:heading["end"]] == "Fat Loss"


def test_section_at_takes_last_heading_before():
    heads = [{"start": 0, "end": 5, "title": "A"}, {"start": 20, "end": 25, "title": "B"}]
    assert section_at(heads, 3) == "A"
    assert section_at(heads, 21) == "B"
    assert section_at([], 3) is None
