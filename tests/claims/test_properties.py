"""Invariants: never raises, offsets valid, columns complete, values in their vocabularies."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.claims import CLAIM_KEYS, DOSE_KEYS, find_claims_and_doses
from pipeline.claims.lexicons import DESIGNS, DIRECTIONS, VALENCES

WORDS = ["rapamycin", "reduced", "increased", "did", "not", "significantly", "may", "pain", "mortality",
         "placebo", "versus", "2-6", "mg", "once", "weekly", "(P=0.008)", "HR", "0.8", "(95%", "CI",
         "0.7-1.1)", "mice", "in", "the", "group", ".", ",", ";", "\n", "Tier", "3", "—", "(", ")",
         "similar", "no", "difference", "±", "kg", "/day", "meta-analysis", "over", "48", "weeks", "é", "µg"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
)

span_dicts = st.lists(st.fixed_dictionaries({
    "start": st.integers(-5, 500), "end": st.integers(-5, 500),
    "label": st.sampled_from(["CHEMICAL", "DISEASE", None]),
    "canonical": st.one_of(st.none(), st.text(max_size=10)),
    "kind": st.sampled_from(["p_value", "confidence_interval", "effect_measure", None]),
    "value": st.one_of(st.none(), st.floats(allow_nan=True)),
    "lower": st.one_of(st.none(), st.floats(-5, 5)), "upper": st.one_of(st.none(), st.floats(-5, 5)),
}), max_size=6)


def _check(text, claims, doses, summary):
    n = len(text)
    assert set(summary) >= {"study_design"}
    for c in claims:
        assert tuple(c) == CLAIM_KEYS
        assert 0 <= c["start"] < c["end"] <= n
        assert c["direction"] in DIRECTIONS + (None,)
        assert c["valence"] in VALENCES
        assert c["study_design"] in DESIGNS + (None,)
        assert isinstance(c["negated"], bool) and isinstance(c["hedged"], bool)
        assert c["hedged"] == (c["hedge_cue"] is not None)
    for d in doses:
        assert tuple(d) == DOSE_KEYS
        assert 0 <= d["start"] < d["end"] <= n
        assert d["claim_id"] is None or 0 <= d["claim_id"] < len(claims)
        if d["upper"] is not None:
            assert d["amount"] is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_offsets_valid(text):
    claims, doses, summary = find_claims_and_doses(text, [], [], [], [], [])
    _check(text, claims, doses, summary)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, span_dicts, span_dicts, span_dicts)
def test_garbage_inputs_from_other_components(text, ents, stats, samples):
    sents = [{"start": s["start"], "end": s["end"], "section": s.get("canonical")} for s in ents]
    claims, doses, summary = find_claims_and_doses(text, sents, [], ents, stats, samples)
    _check(text, claims, doses, summary)
    for c in claims:
        assert all(0 <= i < len(stats) for i in c["statistic_ids"])
        assert all(0 <= i < len(samples) for i in c["sample_size_ids"])


def test_non_string_input_returns_empty():
    assert find_claims_and_doses(None, None, None, None, None, None) == ([], [], {"study_design": None})


def test_long_unpunctuated_text_is_cut_into_bounded_pieces():
    """A table dump without sentence ends is read in pieces of bounded length, at clause breaks."""
    from pipeline.claims import MAX_SENTENCE_CHARS, _bounded, find_claims_and_doses

    text = "rapamycin reduced CRP versus placebo by 40% (P=0.01) | " * 200
    pieces = _bounded(text, {"start": 0, "end": len(text), "section": None})
    assert len(pieces) > 1 and pieces[0]["start"] == 0 and pieces[-1]["end"] == len(text)
    assert all(p["end"] - p["start"] <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(a["end"] == b["start"] for a, b in zip(pieces, pieces[1:]))
    assert all(text[p["end"] - 1] in " |;," for p in pieces[:-1])  # cut at clause breaks
    claims, _, _ = find_claims_and_doses(text, [{"start": 0, "end": len(text), "section": None}],
                                         [], [], [], [])
    assert claims and all(c["end"] - c["start"] <= MAX_SENTENCE_CHARS for c in claims)
