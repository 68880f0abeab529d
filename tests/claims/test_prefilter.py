"""Prefilters and start-place matchers never change what a regex finds."""
from __future__ import annotations

import re

import pytest

from pipeline.claims import context as ctx
from pipeline.claims import statcues
from pipeline.claims.lexicons import lexicons
from pipeline.claims.patternscan import scans
from pipeline.claims.prefilter import Guarded, MatchStarts, Prefilter, case_safe

TEXTS = [
    "Rapamycin significantly reduced body weight in mice (P = 0.01).",
    "There was no significant difference between the groups in adverse events.",
    "Pain scores were similar; however, HbA1c was lower than in the placebo group.",
    "Metformin did not improve walking distance compared with placebo in older adults.",
    "A randomised, double-blind trial of 120 patients; 2 times as likely to relapse.",
    "The drug was given at 5 µM to cultured cells in vitro; 10 μM did not alter growth.",
    "Weight loss of 2.6 kg was observed in women who took 100 mg/day orally.",
    "ſignificantly reduced",              # long s: matches "s" when the case is ignored
    "\u212Aetamine lowered pain",        # Kelvin sign: matches "k"
    "İmproved survival in MİCE",          # dotted capital I
    "ıncreased mortality",                # dotless i
    "SA-β-gal staining fell; SA-Β-GAL rose",
    "Neither arm improved — nor did the control; ±3.1 vs 2.2 (٣ times as high)",
    "No serious adverse events occurred. It remains unclear whether rapamycin extends lifespan.",
    "Mortality fell (HR 0.82, 95% CI 0.70-0.96; p<0.01); odds ratio 1.2 (0.9 to 1.6), P = .34, p-value of 0.2",
    "",
]

LEXICON_REGEXES = [
    lexicons().cue_regex,
    scans().species.regex, scans().human.regex, scans().designs.regex, scans().hedges.regex,
    scans().comparators.regex, scans().polarity.regex, scans().routes.regex,
    ctx.CERTAINTY_RE, ctx.DURATION_RE, ctx._population_re(), statcues.P_RE, statcues.RATIO_RE,
]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), text.swapcase()]


@pytest.mark.parametrize("regex", LEXICON_REGEXES, ids=lambda r: r.pattern[:30])
def test_prefilter_never_hides_a_match(regex):
    prefilter = Prefilter(regex)
    for text in TEXTS:
        for variant in _variants(text):
            if regex.search(variant):
                assert prefilter.may_match(variant), variant


@pytest.mark.parametrize("regex", LEXICON_REGEXES, ids=lambda r: r.pattern[:30])
def test_match_starts_find_the_same_matches(regex):
    starts = MatchStarts(regex)
    for text in TEXTS:
        for variant in _variants(text):
            expected = [(m.span(), m.lastgroup, m.group(0)) for m in regex.finditer(variant)]
            assert [(m.span(), m.lastgroup, m.group(0)) for m in starts.finditer(variant)] == expected
            for pos in range(0, len(variant), 7):
                expected = [(m.span(), m.lastgroup) for m in regex.finditer(variant, pos)]
                assert [(m.span(), m.lastgroup) for m in starts.finditer(variant, pos)] == expected


def test_case_equivalents_beyond_ascii():
    regex = re.compile(r"(?<![\w-])(?:significantly|ketamine|improved|increased)(?![\w])", re.IGNORECASE)
    prefilter, starts = Prefilter(regex), MatchStarts(regex)
    for text in ("ſignificantly", "\u212Aetamine", "İmproved", "ıncreased"):
        assert regex.search(text)
        assert prefilter.may_match(text)
        assert starts.search(text).span() == regex.search(text).span()


def test_case_safe():
    assert case_safe("plain ASCII")
    assert case_safe("± 3 – 4 ≥ 5")
    assert not case_safe("µM")
    assert not case_safe("ſ")
    # every character with case equivalents of its own in the regex engine is left to the regex
    from re import _casefix
    for code, others in _casefix._EXTRA_CASES.items():
        for ch in (chr(code), *map(chr, others)):
            assert ch.isascii() or not case_safe(ch), hex(ord(ch))


def test_guarded_regex_answers_like_the_regex():
    regex = re.compile(r"\b(?:versus|vs\.?|compared\s+with)\s+(?P<c>\w+)", re.IGNORECASE)
    guarded = Guarded(regex)
    for text in TEXTS + ["A VERSUS B", "x compared  with y"]:
        for variant in _variants(text):
            found, wanted = guarded.search(variant), regex.search(variant)
            assert (found and found.span()) == (wanted and wanted.span())
            assert [m.span() for m in guarded.finditer(variant)] == [m.span() for m in regex.finditer(variant)]
            assert guarded.sub("#", variant) == regex.sub("#", variant)


def test_trailing_word_matches_the_trail_regex():
    from pipeline.claims.extract import _TRAIL_WORDS, _trailing_word
    for text in TEXTS + ["blood pressure was", "weight  often", "the  family", "x", "", "markedly",
                         "serum levels significantly", "can't", "muscle mass Significantly"]:
        for variant in _variants(text):
            spaced = " " + re.sub(r"\s+", " ", variant).strip(" ,;:.-–—")
            m = _TRAIL_WORDS.search(spaced)
            assert _trailing_word(spaced) == ((m.start(), m.group(0).strip()) if m else None), spaced


def test_sentence_level_cue_search_changes_no_claim(monkeypatch):
    from pipeline.claims import extract, find_claims_and_doses
    text = " ".join(TEXTS[:7] + TEXTS[13:14]) + "\nFat loss was greater with semaglutide than with placebo; " \
        "however, nausea increased, whereas sleep did not change."
    expected = find_claims_and_doses(text, [], [], [], [], [])
    prefilter, starts, _ = extract._cue_scan()
    monkeypatch.setattr(extract, "_CUE_SCAN", (prefilter, starts, False))
    assert find_claims_and_doses(text, [], [], [], [], []) == expected
    assert expected[0]


def test_inner_checks():
    from pipeline.claims.prefilter import inner_checks
    assert inner_checks(re.compile(r"(?<![\w-])(?:a\b|b)(?![\w-])"))
    assert inner_checks(re.compile(r"(?<![\w-])(?:a|b$)(?![\w-])"))
    assert not inner_checks(re.compile(r"(?<![\w-])(?:a|b+)(?![\w-])"))


def test_plain_prefilter_answers_like_its_trigger():
    from pipeline.claims.prefilter import Prefilter, lowered
    for pattern in (r"(?:rather|instead)\s+than", r"\b(?:arm|group)\b", r"x\.y|a\+b", r"(?:certainty|grade)"):
        pf = Prefilter(re.compile(pattern, re.IGNORECASE))
        for text in TEXTS + ["Rather than", "the arm", "x.y", "A+B", "GRADE", "armour", "xay"]:
            low = lowered(text)
            assert pf.may_match(text) == (low is None or pf.trigger.search(low) is not None), (pattern, text)
    assert Prefilter(re.compile(r"(?:arm|group)")).plain == ("arm", "group")
    assert Prefilter(re.compile(r"\bp\s*[<=>]")).plain is None
