"""Fast paths of the claim and dose rules find exactly what the regexes they stand for find."""
from __future__ import annotations

import itertools

from pipeline.claims import doses, extract
from pipeline.claims.lexicons import lexicons

from .test_prefilter import TEXTS

MORE_TEXTS = TEXTS + [
    "In contrast, low-dose topical rapamycin cream therapy reduced p16 in the skin",
    "rapamycin treatment, combined exercise training and (resistance training) were not",
    "Mouth ulcers were significantly more frequent with everolimus than in contrast",
    " was the",
    "the drug was also not\n",
    "Participants given 500 mg twice daily or 2 g/kg every other day improved",
    "X was higher (P < 0.05) in the [placebo (n = 12)] group; Y increased.",
    "strengthen rather than suppress immunity; however, IL-6 decreased and TNF rose",
]


def _prefixes(text: str):
    return (text[:k] for k in range(len(text) + 1))


def test_trailing_words_cut_like_the_regex():
    words = ["was", "The", "an", "A", "in", "contrast", "rapamycin", "also.", "not", "mean", "levels,"]
    gaps = [" ", "  ", "\t", "\n", ""]
    for n in range(4):
        for combo in itertools.product(words, repeat=n):
            for gap in gaps:
                for lead in ("", " "):
                    text = lead + gap.join(combo) + gap
                    assert extract._without_trailing_words(text) == extract._SUBJ_TRAIL.sub("", text), text
    for text in MORE_TEXTS:
        for prefix in _prefixes(text):
            assert extract._without_trailing_words(prefix) == extract._SUBJ_TRAIL.sub("", prefix), prefix


def test_intervention_matches_are_the_regex_matches():
    for text in MORE_TEXTS:
        for prefix in _prefixes(text):
            want = [(m.span(), m.group("iv")) for m in extract._INTERVENTION_RE.finditer(prefix)]
            got = [(m.span(), m.group("iv")) for m in extract._intervention_matches(prefix)]
            assert got == want, prefix


def test_cue_matcher_finds_the_cue_regex_matches():
    starts = extract._cue_scan()[1]
    regex = lexicons().cue_regex
    for text in MORE_TEXTS:
        for pos in range(0, len(text) + 1, 3):
            want = [(m.span(), m.lastgroup, m.group(0)) for m in regex.finditer(text, pos)]
            got = [(m.span(), m.lastgroup, m.group(0)) for m in starts.finditer(text, pos)]
            assert got == want, (text, pos)


def test_clause_cues_taken_from_the_sentence_match_a_scan_of_the_clause():
    for sent in MORE_TEXTS:
        first = extract._first_cue(sent)
        if first is None:
            continue
        for c_start, c_end in extract._clauses(sent):
            clause = sent[c_start:c_end]
            lo = max(0, first - c_start)
            want = [(m.start(), m.end(), m.lastgroup, m.group(0))
                    for m in extract._cue_scan()[1].regex.finditer(clause, lo)]
            assert extract._cue_spans(clause, lo, c_start) == want, (sent, clause)


def test_bracket_depth_matches_a_count_of_every_character():
    for text in MORE_TEXTS + ["a (b [c) d] e) f ( g", ")) x ((y) z"]:
        depth = extract._BracketDepth(text)
        d = 0
        for i, ch in enumerate(text):
            if ch in "([":
                d += 1
            assert depth.inside(i) == (d > 0), (text, i)
            if ch in ")]" and d > 0:
                d -= 1


def test_frequency_and_amount_guards_only_skip_texts_without_matches():
    lex = lexicons()
    for text in MORE_TEXTS:
        if doses._any_frequency().search(text) is None:
            assert not any(regex.search(text) for regex, _ in lex.frequencies), text
        if doses._amount_unit().search(text) is None:
            assert doses._dose_re().search(text) is None, text


def test_clause_separators_tried_at_their_starts_match_the_regex():
    for text in MORE_TEXTS:
        for piece in _prefixes(text):
            assert [m.span() for m in extract._CLAUSE_SPLIT_STARTS.finditer(piece)] == \
                [m.span() for m in extract._CLAUSE_SPLIT.finditer(piece)]


def test_first_entry_matching_anywhere_is_the_first_entry_searched_alone():
    from pipeline.claims.patternscan import scans
    sc = scans()
    for scan in (sc.designs, sc.comparators, sc.polarity, sc.hedges, sc.species):
        for text in MORE_TEXTS + ["a randomized controlled trial in mice versus placebo",
                                  "systematic review of pilot studies; placebo-controlled, double-blind"]:
            expected = next((i for i, (regex, _) in enumerate(scan.entries) if regex.search(text)), None)
            assert scan.first_index(text) == expected


def test_mention_replacement_matches_the_whole_word_regex():
    from pipeline.claims.canonical import _mention_pattern, _replace_mention
    alphabet = "aB-_ 1.K"
    for n in range(5):
        for chars in itertools.product(alphabet, repeat=n):
            phrase = "".join(chars)
            for written in ("a", "ab", "a-", " ", "K1"):
                assert _replace_mention(phrase, written, "X") == \
                    _mention_pattern(written).subn(lambda _m: "X", phrase)


INTERVENTION_WORDS = ["oral", "low", "dose", "low-dose", "plant-based", "a/b", "x+y", "mTOR", "the", "Exercise",
                      "training", "co-treatment", "inhibitors", "short", "term", "delayed-release", "weekly"]


def test_intervention_matches_of_word_combinations_are_the_regex_matches():
    for n in range(1, 5):
        for combo in itertools.product(INTERVENTION_WORDS, repeat=n):
            for gap in (" ", "  ", "-", ", "):
                text = gap.join(combo)
                want = [(m.span(), m.group("iv")) for m in extract._INTERVENTION_RE.finditer(text)]
                got = [(m.span(), m.group("iv")) for m in extract._intervention_matches(text)]
                assert got == want, text


def test_participle_tail_is_the_regex_match():
    words = ["increased", "ed", "red", "Reduced", "anti-aged", "x", "bled", "KED", ""]
    for n in range(4):
        for combo in itertools.product(words, repeat=n):
            for gap in (" ", "  "):
                text = gap.join(combo)
                m = extract._PARTICIPLE_TAIL.search(text)
                assert extract._participle_tail(text) == ((m.start(), m.group(0).strip()) if m else None), text


def test_clean_drops_trailing_words_and_numbers_like_the_regexes():
    words = ["blood", "pressure", "and", "AND", "the", "significantly", "12", "3.5%", "1.2-fold", "levels", "α", "a"]
    for n in range(1, 4):
        for combo in itertools.product(words, repeat=n):
            for gap in (" ", "  ", "\n"):
                phrase = gap.join(combo)
                p = extract._LEAD_FUNCTION_WORD_2.sub("", extract._LEAD_FUNCTION_WORD.sub(
                    "", extract._LEAD_SKIP.sub("", phrase.strip(" ,;:.-–—"))))
                p = extract._NUMERIC.sub(" ", " " + p).strip()
                want = extract._SPACES.sub(" ", extract._TRAIL_FUNCTION_WORD.sub("", p)).strip(" ,;:.-–—")
                got = extract._clean.__wrapped__(phrase, 50)
                assert got is None or got == want, phrase


def test_determiner_at_the_end_is_found_from_the_last_characters():
    regex = extract._ENDS_WITH_DETERMINER_OR_QUALIFIER
    words = ["a", "an", "the", "significant", "insignificant", "5%", "%", "mean", "x", "Further"]
    for n in range(4):
        for combo in itertools.product(words, repeat=n):
            for tail in ("", " ", "  \n"):
                text = " ".join(combo) + tail
                assert bool(regex.search(text, max(0, len(text.rstrip()) - 11))) == bool(regex.search(text)), text
