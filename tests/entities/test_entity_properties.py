"""Property tests: the recogniser never raises and always returns valid, disjoint spans."""
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.entities import LABELS

WORDS = ["rapamycin", "HCC", "(", ")", "hepatocellular", "carcinoma", "mice", "IL-6", "CD8+",
         "T", "cells", "and", "or", ",", ".", "-", "/", "α", "ɑ-KG", "breast", "ovarian", "cancer",
         "C.", "elegans", "HR+", "ME/CFS", "CAT", "cats", "deficiency", "C7", "renal", "failure",
         "sodium", "chloride", "hereditary", "NY-ESO-1", "p16INK4A", " ", "\n", "2.5", "mg", "€"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_valid_spans(nlp, recognizer, text):
    doc = nlp(text)
    ents = recognizer(doc)
    prev_end = 0
    for e in ents:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert e["start"] >= prev_end, "spans overlap or are unsorted"
        prev_end = e["end"]
        assert e["label"] in LABELS
        assert isinstance(e["source"], str) and e["source"]
        assert e["canonical"] is None or isinstance(e["canonical"], str)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_blank_doc_without_abbreviations(recognizer, text):
    # a Doc from a pipeline without the abbreviation detector works too
    ents = recognizer(spacy.blank("en")(text))
    for e in ents:
        assert 0 <= e["start"] < e["end"] <= len(text)
