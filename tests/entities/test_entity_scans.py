"""The fast scans give exactly what the plain regex scans and token loops give."""
import random
import re

import pytest

from pipeline.entities import _occurrences
from pipeline.entities import rules as r
from pipeline.entities.text import DROP, norm_token, tokenize
from pipeline.entities.tokens import TextTokens

SENTENCES = [
    "Renal failure, hepatic and renal toxicity and major vascular events occurred; liver injury too.",
    "Cardiac, renal/hepatic dysfunction in 12 patients; brain-damage; RENAL FAILURE; Renal Failure.",
    "IL-6, IL-1β, TGF-β1, TNF-α, NF-κB, mTOR, mTORC1, p16INK4A, sFlt-1, eNOS, p53 and p21-1 rose.",
    "BCL-xL, Bcl-2, Ercc1, Sirt1, Cdkn2a, collagen VII, Factor VIII, complex I, caspase 3 and CYP3A4.",
    "FKBP12, SIRT1, BRCA1, HER2, NY-ESO-1, COX-2, CD8+ T cells, CD4+, CD34+, Ldha expression, APOE gene.",
    "RTB101, ABT-737, RAD001, MK-0677, GSK2126458, A-86929, NCT04488601, ISRCTN12345 and CD123 were used.",
    "C57BL/6 mice, BALB/c mice, db/db mice, male C57BL/6J mice, H3N2 and H1N1 strains; SD rats.",
    "Colitis, nephropathy, anaemia, neuralgia, hepatomegaly, leukocytosis, apoptosis, diagnosis, gliomas.",
    "Imatinib, gefitinib, losartan, propranolol, atorvastatin and rituximab; Diethylnitrosamine too.",
    "3'-azido-3'-deoxythymidine, N-methyl-D-aspartate, 1,2-dichloroethane, (+)-2-amino-propanol-induced.",
    "Valproic acid, gastric acid, 5-aminolevulinic acid, nucleic acids and Folic acids were measured.",
    "G6PD deficiency, HPRT-deficient cells, C7 deficiency; ſpleen, İnjury, Kelvin K; tnfα; Σ-ΑΣ'Β.",
    "x renal    failure;\nrenal\n\nfailure; kidney-failure; renal failure-like; 5renal failure.",
    "_IL-6_ a_b AB-12 AB_12 -CD4 +CD4 /CD4 CD4- p53/p21 mTOR-1 e.g. i.e. (IL-6), [TNF-α].",
]


def _texts():
    rnd = random.Random(7)
    words = " ".join(SENTENCES).split()
    out = list(SENTENCES)
    for _ in range(300):
        picked = rnd.sample(words, 10)
        out.append(" ".join(w.upper() if rnd.random() < 0.2 else w for w in picked))
        out.append("".join(rnd.choice("aAbBcCdDpPmMNOSRTLIVXK0123456789-+/ ,()'.εα_\n") for _ in range(30)))
    return out


TEXTS = _texts()


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("text", TEXTS[:60])
def test_text_tokens_are_the_tokenizer_tokens(text):
    toks = TextTokens(text)
    ref = tokenize(text)
    assert list(zip(toks.starts, toks.ends)) == [(s, e) for s, e, _ in ref]
    assert toks.lower == [t.lower() for _, _, t in ref] or not text.isascii()
    for k, (_, _, t) in enumerate(ref):
        assert toks.norms[k] == norm_token(t) or (t in DROP and t.isascii() and toks.norms[k] == t)


def test_rule_scans_match_plain_regex_scans():
    for text in TEXTS:
        assert spans(r._anatomy_matches(text)) == spans(r._anatomy_re().finditer(text))
        assert spans(r._anatomy_matches(text, TextTokens(text))) == spans(r._anatomy_re().finditer(text))
        assert spans(r._word_ending_matches(r.DISEASE_SUFFIX, text)) == spans(r.DISEASE_SUFFIX.finditer(text))
        assert spans(r._word_ending_matches(r._inn_re(), text)) == spans(r._inn_re().finditer(text))
        assert spans(r._word_ending_matches(r._COMPOSED, text)) == spans(r._COMPOSED.finditer(text))
        assert spans(r._systematic_matches(text)) == spans(r.SYSTEMATIC.finditer(text))
        assert spans(r._acid_matches(text)) == spans(r.ACID.finditer(text))
        assert spans(r._mixed_case_matches(text)) == spans(r.GENE_PATTERNS[2].finditer(text))
        assert spans(r._numbered_family_matches(text)) == spans(r.GENE_PATTERNS[5].finditer(text))


def test_capital_shapes_match_their_patterns():
    for text in TEXTS:
        found = r._capital_spans(text)
        for k, index in r._CAPITAL_GENE.items():
            assert found[index] == spans(r.GENE_PATTERNS[k].finditer(text))
        assert found[r._CAPITAL_CONTEXT] == [m.span(1) for m in r.GENE_CONTEXT.finditer(text)]
        assert found[r._CAPITAL_CODE] == spans(r.COMPOUND_CODE.finditer(text))


@pytest.mark.parametrize("short_form", ["IL", "AD", "HCC", "NF", "AE", "T2D", "a.b", "(x", "SS"])
def test_abbreviation_occurrences_match_the_regex(short_form):
    pattern = re.compile(r"(?<![\w\-])" + re.escape(short_form) + r"s?(?![\w+]|-\d)")
    extra = ["AD ADs AD-1 AD-x AD+ ADs+ -AD _AD AD_ ADHD ADss", "NF-kB NF-1 NFs NF", "(x (xs a.bs a.b-2"]
    for text in TEXTS + extra:
        assert _occurrences(text, short_form) == spans(pattern.finditer(text))


def test_compound_codes_match_the_single_pattern():
    single = re.compile(r"(?<![\w\-])(?!(?:CD|NCT|ISRCTN|ACTRN|GPR|ICD|SF|DSM|ISO|COVID|IRB)\b|CD\d|NCT\d)"
                        r"(?:[A-Z]{2,5}-?|[A-Z]-)\d{3,7}[A-Z]?(?![\w\-])")
    for text in TEXTS:
        found = [c[:2] for c in r.compound_code_candidates(text)]
        expected = [m.span() for m in single.finditer(text)
                    if m.group(0) not in r.gene_stoplist()
                    and m.group(0).split("-")[0].split(" ")[0] not in r.gene_stoplist()]
        assert found == expected


def test_phrase_keys_are_the_joined_token_keys():
    from pipeline.entities import _key

    for text in TEXTS + ["a\x1cb \t-c's `d_e", "TNF-α and IL-6", ""]:
        assert _key(text) == "".join(norm_token(t) for _, _, t in tokenize(text))


def test_coordination_window_keeps_the_coordination_match():
    from pipeline.entities import _COORD, _coordination_window

    extra = ["breast, colon, lung and ovarian cancer", "a b c d e f, g and/or h , i or j & k / l- m",
             "x  ,  y\nand\n z ,, w - v"]
    for text in TEXTS + extra:
        for s in range(len(text) + 1):
            whole = _COORD.search(text, max(0, s - 120), s)
            narrow = _COORD.search(text, _coordination_window(text, s), s)
            assert (whole and (whole.span(), whole.span(1))) == (narrow and (narrow.span(), narrow.span(1)))


def test_word_ending_starts_from_tokens_match_the_reversed_scan():
    for text in TEXTS:
        toks = TextTokens(text)
        marked = [k for k, w in enumerate(toks.lower) if r.has_word_ending(w)]
        assert r.ending_word_starts(text, toks, marked) == r._ending_word_starts(text)


def test_word_flags_match_the_token_tests():
    from pipeline.entities.words import ENDING, HEAD, NON_ASCII, PLURAL, WordFlags
    entries = {"colitis", "gliom", "anaemia", "mouse", "nephropathy"}
    flags = WordFlags(entries, r.pathology_heads(), r.has_word_ending)
    for text in TEXTS:
        for w in TextTokens(text).lower:
            f = flags[w]
            plural = w.endswith("s") and (w[:-1] in entries or w[:-2] in entries or not w.isascii())
            assert bool(f & PLURAL) == plural
            assert bool(f & HEAD) == (w in r.pathology_heads())
            assert bool(f & NON_ASCII) == (not w.isascii())
            reversed_scan = r._ending_trigger().match(" " + w[::-1]) is not None
            assert bool(f & ENDING) == reversed_scan


def test_rodent_scan_matches_the_plain_regex_scan():
    pattern = r.ORGANISM_PATTERNS[1][0]
    extra = ["C57BL/6 mice rats BALB/c  male\\n mice", "rat/B6 mice, db/db rats; AB12 ratty mice mouse",
             "x C57BL/6J\\tfemale   mice and SD rats. (NOD/SCID mice) ob/ob mouse rat rat"]
    for text in TEXTS + extra + [t.replace("\\n", "\n").replace("\\t", "\t") for t in extra]:
        assert spans(r._rodent_matches(text)) == spans(pattern.finditer(text))


def test_word_left_matches_the_regex_search():
    from pipeline.entities import _WORD_LEFT, _word_left
    rnd = random.Random(5)
    for _ in range(20000):
        text = "".join(rnd.choice("aB-- \n\t\u00a0x,.(é1_") for _ in range(rnd.randint(0, 14)))
        start = rnd.randint(0, len(text))
        lo = rnd.randint(0, start)
        m = _WORD_LEFT.search(text, lo, start)
        assert _word_left(text, lo, start) == (m.span(1) if m and m.end() == start else None)
