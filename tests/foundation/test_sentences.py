"""Sentence splitter: table of texts and the sentences expected."""
import pytest

from pipeline.nlp.sentences import sentence_bounds


def split(text):
    return [text[s:e] for s, e in sentence_bounds(text)]


CASES = [
    ("Rapamycin lowered p16INK4A (P=0.008). Collagen VII rose.",
     ["Rapamycin lowered p16INK4A (P=0.008).", "Collagen VII rose."]),
    ("The drug vs. placebo gave RR 1.09 (95% CI 1.01-1.18). Next sentence.",
     ["The drug vs. placebo gave RR 1.09 (95% CI 1.01-1.18).", "Next sentence."]),
    ("Smith et al. reported it first. Others agreed.",
     ["Smith et al. reported it first.", "Others agreed."]),
    ("Values fell (p < .002). Then they rose.", ["Values fell (p < .002).", "Then they rose."]),
    ("See Fig. 2 for details. It shows 2.5 mg.", ["See Fig. 2 for details.", "It shows 2.5 mg."]),
    ("Dr. Jones and J. Smith led it. They agreed.", ["Dr. Jones and J. Smith led it.", "They agreed."]),
    ("Escherichia coli, i.e. E. coli, grew. It grew fast.",
     ["Escherichia coli, i.e. E. coli, grew.", "It grew fast."]),
    ("Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]),
    ("He said \"it works.\" Then left.", ["He said \"it works.\"", "Then left."]),
    ("Overview\nRapamycin is a drug. It inhibits mTOR.",
     ["Overview", "Rapamycin is a drug.", "It inhibits mTOR."]),
    ("Para one ends here.\n\nPara two starts.", ["Para one ends here.", "Para two starts."]),
    ("- first item\n- second item", ["- first item", "- second item"]),
    ("A wrapped line that goes\non in lower case.", ["A wrapped line that goes\non in lower case."]),
    ("Outcome | Drug | Placebo\nCRP | 2.1 | 3.4", ["Outcome | Drug | Placebo", "CRP | 2.1 | 3.4"]),
    ("Mortality was 4.1% vs. 5.3%. No. 5 was excluded.",
     ["Mortality was 4.1% vs. 5.3%.", "No. 5 was excluded."]),
    ("It was approx. 40% lower. Done.", ["It was approx. 40% lower.", "Done."]),
    ("the end. lower case follows", ["the end. lower case follows"]),
    ("P=0·02 in the Lancet style. Fine.", ["P=0·02 in the Lancet style.", "Fine."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_bounds(text, expected):
    assert split(text) == expected


def test_bounds_are_trimmed_and_ordered():
    text = "  One here.  Two here.\n\n Three.  "
    bounds = sentence_bounds(text)
    assert bounds == sorted(bounds)
    for start, end in bounds:
        assert not text[start].isspace() and not text[end - 1].isspace()


def test_doc_sentences_follow_bounds(nlp):
    text = "Title line\n\nRapamycin (P=0.008) vs. placebo helped. A second one."
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Title line", "Rapamycin (P=0.008) vs. placebo helped.", "A second one."]
