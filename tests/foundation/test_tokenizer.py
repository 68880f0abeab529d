"""The tokenizer is scispaCy's combined rule tokenizer, built once; the Doc extensions are read
and written directly where spaCy's accessor would build an object per access."""
from __future__ import annotations

import pytest
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

from pipeline.api import get_nlp
from pipeline.nlp.extensions import doc_text

TEXTS = [
    "Rapamycin (sirolimus) lowered IL-6 by 23% (P=0.008; 95% CI, 0.61-0.94) in 1,024 mice.",
    "Mean age was 67.3±4.1 y; e.g. H3g vs. H3 and Fig. 2b (n = 12/group) at 37°C.",
    "Dr. Smith's trial: HbA1c fell 0.5%-points; OR 1.8 [1.2, 2.7], p<.001 ... done.",
    "https://example.org/a?b=1 and 5mg/kg/day × 12 wk; Ki-67+ cells ↑ 2.5-fold.",
]


@pytest.fixture(scope="module")
def reference():
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp.tokenizer


def test_rules_and_affix_patterns_equal_scispacys(reference):
    ours = get_nlp().tokenizer
    assert ours.rules == reference.rules and list(ours.rules) == list(reference.rules)
    for attribute in ("prefix_search", "suffix_search", "infix_finditer"):
        assert getattr(ours, attribute).__self__.pattern == getattr(reference, attribute).__self__.pattern
    assert ours.token_match == reference.token_match and ours.url_match == reference.url_match


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_equal_scispacys_and_text_is_kept(reference, text):
    doc = get_nlp().tokenizer(text)
    assert [(t.text, t.idx, t.whitespace_) for t in doc] == \
        [(t.text, t.idx, t.whitespace_) for t in reference(text)]
    assert doc_text(doc) == text


def test_direct_extension_access_agrees_with_spacys_accessor():
    from pipeline.nlp.extensions import DOC_EXTENSIONS, doc_value, set_doc_value

    doc = get_nlp().make_doc("IL-6 fell.")
    for i, name in enumerate(DOC_EXTENSIONS):
        if name == "text":
            continue
        assert doc_value(doc, name) is None and getattr(doc._, name) is None
        set_doc_value(doc, name, [{"value": i}])
        assert getattr(doc._, name) == [{"value": i}]
        setattr(doc._, name, {"other": i})
        assert doc_value(doc, name) == {"other": i}
