"""The fast scans of the families give exactly the matches of plain ``pattern.finditer``."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.statistics import base, descriptives, effects, folds, intervals, p_values, percentages, tests_stats
from pipeline.statistics.base import Sentences
from pipeline.statistics.scanning import Prefiltered, fold, folded, matches_at

# pieces of statistics and of their look-alikes, case variants and letters case-insensitive
# matching treats alike (long s, dotless i, Kelvin sign, dotted capital I, beta and rho symbols)
TOKENS = st.sampled_from([
    "P", "p", "=", "<", "0.05", ".002", "95%", "CI", "CrI", "UI", "1.01-1.18", "(", ")", "[", "]", "±", "+/-",
    "mean", "Mean", "MEAN", "(SD)", "SD", "SE", "median", "IQR", "of", "out of", "the", "52", "70", "/", "%",
    "per cent", "percentage points", "fold", "FOLD", "-", "times", "TıMES", "higher", "doubled", "half", "by",
    "twice", "I²", "t(28)", "χ2", "×10⁻⁶", "−", " ", " ", "  ", ",", ";", "vs", "\n", "NNT", "number needed to treat",
    "r", "R", "rho", "ρ", "ϱ", "r_s", "was", "β", "ϐ", "beta", "R²", "adjusted", "pooled", "multivariable-adjusted",
    "odds ratio", "ODDS RATIO", "Hazard Ratio", "relative risk", "RR", "aOR", "HR", "MD", "SMD", "Cohen's d",
    "Hedges' g", "d", "g", "mean difference", "between-group difference", "β coefficient", "Pearson's r",
    "Spearman's rho", "correlation coefficient", "ſummary", "İ", "\u212a", "two", "Five", "thirty-six", "1 in",
    "one in four", "1,204", "1 204", "0·02", "e-5", "n (%)", "τ²", "tau-squared", "Q", "Cochran's Q", "heterogeneity",
    "95% confidence interval", "uncertainty interval", "12.3 (4.5)", "14 (9-21)", "M = 4.2, SD = 1.1", "2.6±3.8 kg",
    "mL/min/1.73 m2", "mm Hg", "patients", "(0·96, 0·71–1·30; p=0·79)", "(0·96 [0·71–1·30])",
    "(0·96, 95% CI 0·71–1·30)",
    "F(2, 45)", "Χ²", "X2", "chi-squared statistic", "Chi square", "z", "t_{12}", "(df = 3)", "≥", "that",
    ".", "!", "?", "\"", "log-rank", "LOG rank", "(%)", "( % )", "% (n)", "N (%)", "n(%", "an (%)", "_n (%)",
    "( SD )", "(s.d.)", "mean (SE)", "+/- SD", "Standard deviation", "p-value", "P Values", "P for trend", "Ptrend",
    "p_int", "phet", "d=", "g =",
])


def _bracketed(pattern):
    def scan(text, ctx):
        brackets = sorted(m.start() for bracket in effects._BRACKET_BEFORE_NUMBER for m in bracket.finditer(text))
        return matches_at(pattern, text, brackets)
    return scan

TEXTS = st.lists(st.tuples(TOKENS, st.sampled_from(["", " ", ", ", "\n"])), min_size=1, max_size=30).map(
    lambda parts: "".join(token + gap for token, gap in parts))


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _prefiltered_scans() -> list[tuple[str, Prefiltered]]:
    found = []
    for module in (base, descriptives, effects, folds, intervals, p_values, percentages, tests_stats):
        for name, value in vars(module).items():
            if isinstance(value, Prefiltered):
                found.append((f"{module.__name__}.{name}", value))
            elif isinstance(value, dict):
                found.extend((f"{module.__name__}.{name}", v) for v in value.values() if isinstance(v, Prefiltered))
    return found


PREFILTERED = _prefiltered_scans()

# (plain pattern, fast scan taking the text and its Sentences)
ANCHORED = {
    "EFFECT": (effects.EFFECT, effects._effect_matches),
    "CORRELATION": (effects.CORRELATION, effects._correlation_matches),
    "NNT": (effects.NNT, effects._nnt_matches),
    "TRIPLE": (effects._TRIPLE, _bracketed(effects._TRIPLE)),
    "TRIPLE_NESTED": (effects._TRIPLE_NESTED, _bracketed(effects._TRIPLE_NESTED)),
    "ESTIMATE_THEN_CI": (effects._ESTIMATE_THEN_CI, _bracketed(effects._ESTIMATE_THEN_CI)),
    "TEST_STATISTIC": (tests_stats.TEST_STATISTIC, tests_stats._test_statistics),
    "R_SQUARED": (effects.R_SQUARED, lambda text, ctx: effects._r_squared_matches(text)),
    "NAMED_INTERVAL": (intervals.NAMED_INTERVAL, intervals._named_intervals),
    "PERCENTAGE": (percentages.PERCENTAGE, percentages._percentages),
    "PROPORTION_OF": (percentages.PROPORTION_OF, lambda text, ctx: percentages._counts_before_of(
        percentages.PROPORTION_OF, text, percentages._count_ends(ctx), percentages._INTEGER_CHARS)),
    "PROPORTION_SPACED": (percentages.PROPORTION_SPACED, lambda text, ctx: percentages._counts_before_of(
        percentages.PROPORTION_SPACED, text, percentages._count_ends(ctx), percentages._SPACED_INTEGER_CHARS)),
    "PROPORTION_WORDS": (percentages.PROPORTION_WORDS,
                         lambda text, ctx: percentages._proportion_words(text, percentages._count_ends(ctx))),
    "PROPORTION_IN": (percentages.PROPORTION_IN, percentages._proportions_in),
    "PROPORTION_SLASH": (percentages.PROPORTION_SLASH, lambda text, ctx: percentages._proportion_slashes(text)),
    "MEAN_PM": (descriptives.MEAN_PM, descriptives._mean_pm_matches),
    "MEAN_PAREN": (descriptives.MEAN_PAREN, lambda text, ctx: descriptives._number_led(
        descriptives.MEAN_PAREN, text, ctx, "mean", descriptives._numbers_before_brackets(text))),
    "MEDIAN": (descriptives.MEDIAN, lambda text, ctx: descriptives._number_led(
        descriptives.MEDIAN, text, ctx, "median", descriptives._numbers_before_brackets(text))),
    "BARE_SMD": (effects._BARE_SMD, lambda text, ctx: effects._bare_smd_matches(text)),
    "P_VALUE": (p_values.P_VALUE, p_values._p_value_matches),
    "MEDIAN_BARE": (descriptives.MEDIAN_BARE,
                    lambda text, ctx: descriptives._at_word(descriptives.MEDIAN_BARE, text, ctx, "median")),
    "MEAN_SEPARATE": (descriptives.MEAN_SEPARATE,
                      lambda text, ctx: descriptives._at_word(descriptives.MEAN_SEPARATE, text, ctx, "mean")),
    "COCHRAN_Q": (tests_stats.COCHRAN_Q, lambda text, ctx: tests_stats._named(tests_stats.COCHRAN_Q, text, ctx, "Q",
                                                                                "cochran")),
    "TAU_SQUARED": (tests_stats.TAU_SQUARED,
                    lambda text, ctx: tests_stats._named(tests_stats.TAU_SQUARED, text, ctx, "τ", "tau")),
    "FOLD": (folds.FOLD, lambda text, ctx: folds._keyword_matches(folds.FOLD, text, ctx.folded, "fold", 3)
             if ctx.folded is not None else folds.FOLD.finditer(text)),
    "TIMES": (folds.TIMES, lambda text, ctx: folds._keyword_matches(folds.TIMES, text, ctx.folded, "times", 1)
              if ctx.folded is not None else folds.TIMES.finditer(text)),
    "WORD_FOLD": (folds.WORD_FOLD, lambda text, ctx: folds._word_folds(text, text.lower(), ctx.folded)
                  if folds._WORD_FOLD_TRIGGER.search(text.lower()) else folds.WORD_FOLD.finditer(text)),
}


@pytest.mark.parametrize("name", sorted(ANCHORED))
@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_anchored_scan_equals_finditer(name, text):
    pattern, fast = ANCHORED[name]
    assert _spans(fast(text, Sentences(text))) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("name,scan", PREFILTERED, ids=[name for name, _ in PREFILTERED])
@settings(max_examples=100, deadline=None)
@given(text=TEXTS, cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_prefiltered_scan_equals_finditer_and_search(name, scan, text, cut):
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))
    pos, endpos = min(cut), max(cut)
    expected, found = scan.pattern.search(text, pos, endpos), scan.search(text, pos, endpos)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_sd_declaration_equals_search(text, cut):
    lo, hi = min(cut), max(cut)
    expected = descriptives._DECLARED_SD.search(text, lo, hi) is not None
    assert descriptives._declares_sd(text, Sentences(text), lo, hi) == expected


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_count_percent_declaration_equals_search(text):
    expected = descriptives._COUNT_PERCENT_DECLARED.search(text) is not None
    assert descriptives._declares_count_percent(text) == expected


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_sentence_ends_equal_the_lookbehind_pattern(text):
    assert Sentences(text).starts == [0] + [m.end() for m in base._SENTENCE_END.finditer(text)]


def test_matches_at_skips_starts_inside_a_match():
    import re
    pattern = re.compile(r"ab+")
    assert [m.span() for m in matches_at(pattern, "abbab", [0, 1, 3])] == [(0, 3), (3, 5)]


def test_folded_keeps_offsets_or_declines():
    assert folded("ODDS Ratio ſ ı ϐ") == "odds ratio s i β"
    assert folded("İ") is None  # lower-casing would add a combining dot
    assert fold("Beta") == "beta"
    with pytest.raises(ValueError):
        fold("σ")  # a letter whose case class folding leaves alone
