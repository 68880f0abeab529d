"""Table cases for the intervention and outcome phrases a reader would write."""
from __future__ import annotations

import pytest

from pipeline.claims import find_claims_and_doses
from pipeline.claims.extract import tidy_outcome


def claims_of(text: str, entities=None):
    claims, _, _ = find_claims_and_doses(text, [], [], entities or [], [], [])
    return claims


# --------------------------------------------------------------------------- tidy_outcome
# (candidate, stands before its cue, expected phrase)
TIDY_CASES = [
    # hedges, modals, trailing adverbs and adjectives never end an outcome
    ("early data suggest a modest", True, None),
    ("brief low doses may", True, "brief low doses"),
    ("uric acid often comes", False, "uric acid"),
    ("serum ferritin roughly", False, "serum ferritin"),
    ("bone density specifically", False, "bone density"),
    ("cortisol usually", False, "cortisol"),
    # a copula leaves its subject, a reporting verb the words after it
    ("Headaches were the one side effect", True, "Headaches"),
    ("Nausea was mild", True, "Nausea"),
    ("the level of p21 fell and elastin", True, "elastin"),
    ("kidney cancer remains uncertain", False, "kidney cancer"),
    # "and reported", a trailing participle, a relative or circumstantial clause
    ("fat-free mass and reported", False, "fat-free mass"),
    ("bone mass achieved", False, "bone mass"),
    ("IgG titres after booster doses roughly", True, "IgG titres"),
    ("walking speed measured by a stopwatch", True, "walking speed"),
    ("adults who cannot tolerate statins may", True, None),
    # leading conjunctions, determiners, weak adjectives, a possessive population
    ("and gait speed", True, "gait speed"),
    ("new muscle protein", False, "muscle protein"),
    ("the women's weight", True, "weight"),
    ("primary outcome, insulin sensitivity measured by the clamp", True, "insulin sensitivity"),
    # pronouns, populations, generic words and bare participles are not outcomes
    ("seen", True, None),
    ("women", True, None),
    ("older adults", True, None),
    ("whether it works", True, None),
    ("potent", True, None),
    ("subgroup", False, None),
    ("the pooled estimate suggested a possible", True, None),
    ("a small pilot trial in women suggested", True, None),
    ("fell from to in the treated group", False, None),
    ("effect size we found", False, "effect size"),
    ("trial, we observed", True, None),
    ("occurred during the first month", True, None),
    ("versus placebo", True, None),
    # ordinary outcomes stay as written
    ("LDL cholesterol", False, "LDL cholesterol"),
    ("quality of life", False, "quality of life"),
    ("all-cause mortality", False, "all-cause mortality"),
    ("time to relapse", False, "time to relapse"),
    ("daily step count", False, "daily step count"),
    ("early mortality", True, "early mortality"),
    ("body weight or food intake", False, "body weight or food intake"),
    ("number of viable senescent cells", False, "number of viable senescent cells"),
]


@pytest.mark.parametrize("phrase,before_cue,expected", TIDY_CASES)
def test_tidy_outcome(phrase, before_cue, expected):
    assert tidy_outcome(phrase, before_cue) == expected


# --------------------------------------------------------------------------- whole sentences
# (sentence, expected outcome of one claim, expected intervention of that claim or ... = not checked)
OUTCOME_CASES = [
    ("Raised uric acid often comes with it.", "uric acid", ...),
    ("Brief, low doses may strengthen rather than suppress immunity.", "immunity", ...),
    ("Headaches were the one side effect clearly more frequent with ketamine, affecting 12% of patients "
     "versus 2% of controls.", "Headaches", "ketamine"),
    ("A trial of the experimental drug ABC123 found grip strength after exercise roughly 15% higher in "
     "people over 70.", "grip strength", "ABC123"),
    ("Participants taking the drug gained muscle mass and reported less fatigue.", "muscle mass", ...),
    ("Participants taking the drug gained muscle mass and reported less fatigue.", "fatigue", ...),
    ("Expression of p21 fell (P=0.01) and elastin rose (P=0.02).", "elastin", ...),
    ("The women's weight barely moved.", "weight", ...),
    # verbs that name their outcome
    ("In a randomised trial in obesity, adults assigned to semaglutide, a GLP-1 agonist, lost 8.1±4.2 kg "
     "by week 20, significantly more than with placebo.", "body weight", "semaglutide"),
    ("Over the year, patients on the drug gained an average of 3 kg compared with placebo (P=0.01).",
     "body weight", ...),
    ("Treated flies lived longer than controls (P<0.01).", "lifespan", ...),
    # a measure that favours a drug: the drug is the intervention
    ("Three-year overall survival favoured everolimus (RR 1.15, 95% CI 1.02-1.30).", "Three-year overall survival",
     "everolimus"),
    ("Event-free survival favored tacrolimus (HR 0.80, 95% CI 0.66-0.97).", "Event-free survival", "tacrolimus"),
    # what patients benefit from is the intervention
    ("Patients who cannot tolerate tacrolimus may still benefit from an mTOR inhibitor.", ..., "mTOR inhibitor"),
    # no swap when the measured substance is the outcome of a named treatment
    ("Exercise training increased melatonin in older adults (P=0.02).", "melatonin", "Exercise training"),
    ("Metformin lowered glucose compared with placebo.", "glucose", "Metformin"),
]


@pytest.mark.parametrize("text,outcome,intervention", OUTCOME_CASES)
def test_claim_phrases(text, outcome, intervention):
    claims = claims_of(text)
    assert claims, text
    if outcome is ...:
        chosen = claims[0]
    else:
        matching = [c for c in claims if c["outcome"] == outcome]
        assert matching, [c["outcome"] for c in claims]
        chosen = matching[0]
    if intervention is not ...:
        assert chosen["intervention"] == intervention


BAD_OUTCOME_CASES = [
    # (sentence, words that must not be (part of) any outcome)
    ("Early data suggest a modest benefit after surgery for melanoma.", ("suggest", "modest", "data")),
    ("Key point: short courses may strengthen rather than suppress immunity.", ("may", "courses")),
    ("Men showed no comparable change.", ("Men",)),
    ("Whether the gains seen in rats carry over to people remains unclear.", ("seen", "Whether")),
    ("The pooled estimate suggested a possible reduction (RR 0.91, 95% CI 0.80-1.03).", ("suggested", "possible")),
    ("In a placebo-controlled trial in gout, women randomised to febuxostat, a close relative, lost 3.1±2.0 kg "
     "by month 6, significantly more than men.", ("women", "gout", "analogue")),
]


@pytest.mark.parametrize("text,words", BAD_OUTCOME_CASES)
def test_fragments_never_become_outcomes(text, words):
    for c in claims_of(text):
        for w in words:
            assert w.lower() not in (c["outcome"] or "").lower().split(), (w, c["outcome"])


def test_fragment_claim_gives_way_to_the_clause_claim():
    # "less well studied" gives no outcome; the claim of the clause is the reported benefit
    claims = claims_of("Tacrolimus is less well studied here: a small trial reported improved lung function.")
    assert [c["outcome"] for c in claims] == ["lung function"]


def test_phrase_rule_intervention_is_not_a_stretch_of_the_clause():
    claims = claims_of("Local redness was mild and resolved without treatment.")
    assert all(c["intervention"] is None for c in claims)


def test_swap_uses_chemical_entities_with_favour_verbs():
    text = "Progression-free survival favoured compound K (HR 0.70, 95% CI 0.55-0.89)."
    start = text.index("compound K")
    ents = [{"start": start, "end": start + len("compound K"), "label": "CHEMICAL", "text": "compound K"}]
    c = claims_of(text, ents)[0]
    assert c["intervention"] == "compound K"
    assert c["outcome"] == "Progression-free survival"


def _chem(text: str, word: str, occurrence: int = 1) -> dict:
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return {"start": start, "end": start + len(word), "label": "CHEMICAL", "text": word}


# (text, chemical entity mentions, expected intervention of the last claim)
MEASURED_CHEMICAL_CASES = [
    # a measured substance is never the intervention: the treatment of the section carries over
    ("Results\nSemaglutide lowered body weight. The glucose disposal rate rose with treatment (P=0.01).",
     ["Semaglutide", "glucose"], "Semaglutide"),
    ("Results\nSemaglutide lowered body weight. Fasting plasma glucose was unchanged (P=0.40).",
     ["Semaglutide", "glucose"], "Semaglutide"),
    # a combination written with doses between the drugs is one intervention
    ("Intermittent dasatinib 100 mg plus quercetin 1,000 mg reduced senescent cell burden (P=0.01).",
     ["dasatinib", "quercetin"], "intermittent dasatinib plus quercetin"),
]


@pytest.mark.parametrize("text,chems,intervention", MEASURED_CHEMICAL_CASES)
def test_measured_chemicals_and_combinations(text, chems, intervention):
    claims = claims_of(text, [_chem(text, w) for w in chems])
    assert claims
    assert claims[-1]["intervention"] == intervention


def test_fasting_before_a_measurement_is_not_an_intervention():
    text = "Results\nResistance training improved strength. Fasting plasma glucose was unchanged (P=0.40)."
    assert claims_of(text)[-1]["intervention"] == "Resistance training"


COMPARATOR_PHRASE_CASES = [
    ("Hair regrowth was faster with finoxidil than with minoxidil remains to be shown in trials.", "minoxidil"),
    ("Nausea was more frequent with the drug, affecting 12% of the treated group versus 4% of controls.", "controls"),
    ("Patients who started the drug after the vaccine, rather than alongside it, had more T cells (p=0.01).", None),
    ("Rashes were more common with the drug (9 vs 3 participants, p<0.05).", None),
]


@pytest.mark.parametrize("text,comparator", COMPARATOR_PHRASE_CASES)
def test_comparator_phrases(text, comparator):
    assert claims_of(text)[0]["comparator"] == comparator


# an opening "Inhibition / Blockade of X" names the intervention of the verb that follows
TARGET_SUBJECT_CASES = [
    ("BACKGROUND: Inhibition of mTORC1 improved vaccine responses in older people.", "mTORC1 inhibition",
     "vaccine responses", "increase"),
    ("Key finding: blockade of IL-6 reduced joint swelling in mice (P=0.01).", "IL-6 blockade", "joint swelling",
     "decrease"),
    # not at the opening: the agent stays the intervention
    ("Rapamycin caused inhibition of mTOR and reduced tumour growth.", "Rapamycin", "tumour growth", "decrease"),
]


@pytest.mark.parametrize("text,intervention,outcome,direction", TARGET_SUBJECT_CASES)
def test_target_noun_subject_is_the_intervention(text, intervention, outcome, direction):
    claims = claims_of(text)
    c = [c for c in claims if c["outcome"] == outcome][0]
    assert (c["intervention"], c["direction"]) == (intervention, direction)
    if text.startswith(("BACKGROUND", "Key")):
        assert len(claims) == 1


def test_cue_verb_inside_a_phrase_rule_intervention_is_rejected():
    # "improved vaccine" is a verb and its object, not an intervention
    claims = claims_of("Results\nThe booster improved vaccine responses in older adults.")
    assert all(c["intervention"] != "improved vaccine" for c in claims)
