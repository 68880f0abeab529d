"""Table-driven cases for claims: direction, valence, negation, hedging, design, tier, duration."""
from __future__ import annotations

import pytest

from pipeline.claims import find_claims_and_doses


def claims_of(text: str, entities=None, statistics=None, sample_sizes=None, sections=None):
    claims, _, _ = find_claims_and_doses(text, [], sections or [], entities or [], statistics or [],
                                         sample_sizes or [])
    return claims


def only(text: str, **kw) -> dict:
    cs = claims_of(text, **kw)
    assert cs, f"no claim found in {text!r}"
    return cs[0]


def find(claims: list[dict], outcome_word: str) -> dict:
    for c in claims:
        if c["outcome"] and outcome_word.lower() in c["outcome"].lower():
            return c
    raise AssertionError(f"no claim with outcome containing {outcome_word!r}: "
                         f"{[c['outcome'] for c in claims]}")


# --------------------------------------------------------------------------- direction
DIRECTION_CASES = [
    ("Topical rapamycin reduced p16INK4A expression in skin samples.", "p16INK4A", "decrease"),
    ("Atorvastatin lowered LDL cholesterol compared with placebo.", "LDL cholesterol", "decrease"),
    ("Rapamycin completely blocked the contraction-induced increase in muscle protein synthesis.",
     "muscle protein synthesis", "decrease"),
    ("In mice, rapamycin suppressed mTOR pathway phosphorylation.", "mTOR pathway phosphorylation", "decrease"),
    ("Rapamycin prevented depressive-like behavior in stressed mice.", "depressive-like behavior", "decrease"),
    ("Resistance training improved grip strength in older adults.", "grip strength", "increase"),
    ("The vaccine enhanced antibody titers in elderly volunteers.", "antibody titers", "increase"),
    ("Delayed rapamycin administration increased CD8+ T cells by 8-fold (p=0.005).", "CD8+ T cells", "increase"),
    ("The supplement doubled serum vitamin D concentrations.", "serum vitamin D concentrations", "increase"),
    ("Pain scores were similar between groups at 12 weeks.", "Pain scores", "no_effect"),
    ("Body weight remained unchanged during the trial.", "Body weight", "no_effect"),
    ("Intermittent rapamycin did not impair maximal exercise capacity in mice.", "exercise capacity", "no_effect"),
    ("There was no significant difference in quality of life between the two groups.", "quality of life",
     "no_effect"),
    ("Systolic blood pressure was not significantly different between arms (p = 0.42).", "blood pressure",
     "no_effect"),
    ("HbA1c was significantly lower in the metformin group than in the placebo group (p < 0.01).", "HbA1c",
     "decrease"),
    ("HbA1c was significantly higher in the placebo group than in the metformin group (p < 0.01).", "HbA1c",
     "decrease"),
    ("Triglycerides were significantly higher in the control trial than in the exercise trial (p<0.05).",
     "Triglycerides", "decrease"),
    ("Wound infections were more frequent in the sham sites than in the laser-treated sites (P = 0.01).",
     "Wound infections", "decrease"),
    ("Triglycerides were significantly higher in the exercise trial than in the control trial (p<0.05).",
     "Triglycerides", "increase"),
    # a group named after "than / versus / in comparison with" is the comparator: no flip
    ("Children given the probiotic had a shorter duration of fever in comparison with the control group "
     "(P = 0.04).", "duration of fever", "decrease"),
    ("Continuous abstinence was higher for varenicline than for placebo subjects (53% vs 19%).",
     "Continuous abstinence", "increase"),
    ("Sleep quality scores were significantly higher in the intervention versus placebo group.",
     "Sleep quality scores", "increase"),
    ("The treated children had slightly more episodes of malaria in total than the control children.",
     "episodes of malaria", "increase"),
    ("Time to relapse was shorter than 9 months and not statistically different between the arms.",
     "Time to relapse", "no_effect"),
    ("The sleep and mood scales did not reveal any significant between-group differences.", "mood scales",
     "no_effect"),
    ("Topical and oral minoxidil were equally effective in women with hair loss.", "minoxidil", "no_effect"),
    # "compared to the control group" opening the clause: the subject is the intervention group
    ("Compared to the control group, women in the intervention group reported less physical violence "
     "(OR 0.37, p<0.001).", "physical violence", "decrease"),
    ("At 12 weeks, compared with controls, participants in the mindfulness group reported significantly "
     "lower anxiety scores.", "anxiety scores", "decrease"),
    ("The placebo group, compared with the drug group, had higher pain scores.", "pain scores", "decrease"),
    # a change named as a noun, then compared: one claim about what changed
    ("The mean increase in facial swelling was significantly less in the dexamethasone group than in "
     "the control group.", "facial swelling", "decrease"),
    ("The reduction in pain scores was greater with ketamine than with placebo (P = 0.01).",
     "pain scores", "decrease"),
    ("The increase in body weight was greater in the olanzapine group (p = 0.02).", "body weight", "increase"),
    ("The increase in body weight was greater in the placebo group (p = 0.02).", "body weight", "decrease"),
    ("Night-time cough symptoms improved in the montelukast group.", "cough symptoms", "decrease"),
    ("There was a trend toward shorter time to relapse with the drug (P = 0.067).", "time to relapse",
     "no_effect"),
]


@pytest.mark.parametrize("text,outcome,direction", DIRECTION_CASES)
def test_direction(text, outcome, direction):
    c = find(claims_of(text), outcome)
    assert c["direction"] == direction


STAT_CASES = [
    # ratio CI crossing 1 -> no effect; below 1 -> decrease; above 1 -> increase
    ("Mortality with the drug versus usual care: HR 0.91 (95% CI 0.80-1.04).", "no_effect"),
    ("Mortality with the drug versus usual care: HR 0.71 (95% CI 0.60-0.84).", "decrease"),
    ("Recurrence with the drug versus usual care: RR 1.09 (95% CI 1.01-1.18).", "increase"),
    ("Length of stay in the intervention group versus the control group: p = 0.48.", "no_effect"),
]


@pytest.mark.parametrize("text,direction", STAT_CASES)
def test_direction_from_statistics_when_words_are_silent(text, direction):
    assert only(text)["direction"] == direction


def test_statistics_rows_decide_when_given():
    text = "Stroke with the drug versus placebo: RR 0.95 (0.85 to 1.07)."
    stats = [{"start": text.index("RR"), "end": text.index("RR") + 7, "kind": "effect_measure",
              "value": 0.95, "measure": "RR"},
             {"start": text.index("0.85"), "end": text.index("1.07") + 4, "kind": "confidence_interval",
              "lower": 0.85, "upper": 1.07, "level": None}]
    c = only(text, statistics=stats)
    assert c["direction"] == "no_effect"
    assert c["statistic_ids"] == [0, 1]


def test_table_row_evidence():
    text = "Results\nNumber of fallers with fractures\n0\n4\n0.055\n"
    c = only(text)
    assert c["direction"] == "no_effect"
    assert "fallers" in c["outcome"]


# --------------------------------------------------------------------------- valence
VALENCE_CASES = [
    ("The drug reduced all-cause mortality in older adults.", "mortality", "decrease", "beneficial"),
    ("The drug increased the incidence of adverse events.", "adverse events", "increase", "harmful"),
    ("The intervention improved overall survival.", "survival", "increase", "beneficial"),
    ("Everolimus reduced progression-free survival in this cohort.", "progression-free survival", "decrease",
     "harmful"),
    ("Case reports describe worsened sleep quality after beta-blocker use.", "sleep quality", "decrease",
     "harmful"),
    ("Weekly methotrexate improved joint pain in patients with psoriatic arthritis.", "joint pain", "decrease",
     "beneficial"),
    ("Pain scores were similar between groups.", "Pain scores", "no_effect", "neutral"),
    # a mechanistic measure: no clinical meaning of its own
    ("Rapamycin increased S6 kinase phosphorylation in mice.", "S6 kinase", "increase",
     "neutral"),
    # a measure the polarity lexicon does not know
    ("Rapamycin increased the cell spreading index in mice.", "spreading index", "increase",
     "unknown"),
]


@pytest.mark.parametrize("text,outcome,direction,valence", VALENCE_CASES)
def test_valence(text, outcome, direction, valence):
    c = find(claims_of(text), outcome)
    assert (c["direction"], c["valence"]) == (direction, valence)


# --------------------------------------------------------------------------- negation
NEGATION_CASES = [
    ("Metformin did not significantly reduce HbA1c compared with placebo.", "HbA1c"),
    ("The intervention did not reduce the number of falls.", "falls"),
    ("Exercise failed to improve cognitive function in older adults.", "cognitive function"),
    ("Treatment was not associated with lower mortality.", "mortality"),
    ("No serious adverse events were reported in healthy individuals.", "adverse events"),
]


@pytest.mark.parametrize("text,outcome", NEGATION_CASES)
def test_negated_claims_are_no_effect(text, outcome):
    c = find(claims_of(text), outcome)
    assert c["negated"] is True
    assert c["direction"] == "no_effect"
    assert c["valence"] == "neutral"


def test_not_only_is_not_negation():
    c = find(claims_of("The drug not only reduced pain but also improved sleep quality."), "pain")
    assert c["negated"] is False
    assert c["direction"] == "decrease"


def test_plain_claim_not_negated():
    c = only("Atorvastatin 40 mg daily reduced LDL cholesterol by 45%.")
    assert c["negated"] is False
    assert c["hedged"] is False


# --------------------------------------------------------------------------- hedging
HEDGE_CASES = [
    ("Rapamycin may enhance vaccine responsiveness in older adults.", "may"),
    ("Fisetin might reduce senescent cell burden.", "might"),
    ("These results suggest that metformin lowers cancer risk.", "suggest"),
    ("Rapamycin is thought to reduce senescent cell burden in mice.", "is thought to"),
    ("Rapamycin improved memory scores in rats, an effect that remains unclear in humans.", "remains unclear"),
    ("Preliminary data show that the compound reduced inflammation.", "preliminary"),
    ("Topical rapamycin could reduce skin aging markers.", "could"),
]


def test_hedge_belongs_to_its_own_clause():
    text = "Statins lower LDL cholesterol and may influence the brain through effects on inflammation."
    c = find(claims_of(text), "LDL")
    assert c["hedged"] is False
    assert c["outcome"] == "LDL cholesterol"
    assert c["direction"] == "decrease"


@pytest.mark.parametrize("text,cue", HEDGE_CASES)
def test_hedging(text, cue):
    cs = claims_of(text)
    assert cs
    assert all(c["hedged"] for c in cs)
    assert cs[0]["hedge_cue"] == cue


# --------------------------------------------------------------------------- design / organism
DESIGN_CASES = [
    ("A randomized controlled trial showed that vitamin D reduced falls.", "rct"),
    ("Pooling twelve trials, our meta-analysis showed that vitamin D lowered fracture risk.", "meta_analysis"),
    ("A systematic review found that exercise reduced depressive symptoms.", "systematic_review"),
    ("In a small human observational study, rapamycin plus prednisone reduced inflammation markers.",
     "observational"),
    ("In a prospective cohort study, coffee intake lowered the risk of liver cancer.", "cohort"),
    ("A case-control analysis found that statins reduced dementia risk.", "case_control"),
    ("In this open-label trial, sirolimus improved processing speed.", "open_label"),
    ("In a pilot study, rapamycin improved fatigue.", "pilot"),
    ("In obese mice fed a Western diet, metformin treatment lowered fasting glucose.", "animal"),
    ("In vitro, curcumin reduced tumour cell migration by 40%.", "in_vitro"),
    # randomised beats open-label; a systematic review with pooling is a meta-analysis
    ("In this randomised, open-label, phase 3 trial, nivolumab improved event-free survival.", "rct"),
    ("In an open-label, randomized study, apixaban reduced major bleeding.", "rct"),
]


@pytest.mark.parametrize("text,design", DESIGN_CASES)
def test_design_from_sentence(text, design):
    assert only(text)["study_design"] == design


def test_article_titled_systematic_review_and_meta_analysis_is_a_meta_analysis():
    text = ("Exercise for depressive symptoms in older adults: a systematic review and meta-analysis\n\n"
            "Results: Exercise reduced depressive symptoms (SMD -0.31; 95% CI -0.45 to -0.17).")
    _, _, summary = find_claims_and_doses(text, [], [], [], [], [])
    assert summary["study_design"] == "meta_analysis"
    assert find(claims_of(text), "depressive")["study_design"] == "meta_analysis"


def test_design_inherited_from_previous_sentence_of_section():
    text = ("Skin\nA randomized controlled trial enrolled 36 adults. Topical rapamycin reduced p16INK4A "
            "expression. Collagen VII expression increased.")
    cs = claims_of(text)
    assert {c["study_design"] for c in cs} == {"rct"}


ORGANISM_CASES = [
    ("In aged transgenic mice, spermidine improved cardiac diastolic function.", "mouse", "aged transgenic mice"),
    ("In a rat model of stroke, edaravone reduced infarct volume.", "rat", None),
    ("Oral pimobendan reduced heart size in cats with heart disease.", "cat", "cats"),
    ("The vaccine increased antibody titres in cancer patients.", "human", "cancer patients"),
    ("Resistance training improved grip strength in older adults.", "human", "older adults"),
]


@pytest.mark.parametrize("text,organism,population", ORGANISM_CASES)
def test_organism_and_population(text, organism, population):
    c = only(text)
    assert c["organism"] == organism
    if population:
        assert c["population"] and population in c["population"]


def test_certainty_is_read():
    c = only("Exercise reduced depressive symptoms (low certainty of evidence).")
    assert c["certainty"] == "low"


# --------------------------------------------------------------------------- tier / section
TIER_TEXT = """Evidence by Health Goal
Healthspan (Tier 3 — Probable Efficacy)
A human trial showed that topical rapamycin reduced p16INK4A in skin samples.
The same study found increased collagen VII expression.
Weight (Tier 2 — Modest Evidence)
In obese mice, rapamycin treatment reduced body weight.
Dosing
The usual regimen is 2-6 mg taken once weekly.
"""


def test_tier_inherited_from_heading():
    cs = claims_of(TIER_TEXT)
    p16 = find(cs, "p16INK4A")
    col = find(cs, "collagen")
    bw = find(cs, "body weight")
    assert p16["evidence_tier"] == "Tier 3"
    assert col["evidence_tier"] == "Tier 3"
    assert bw["evidence_tier"] == "Tier 2"
    assert p16["section"] == "Healthspan (Tier 3 — Probable Efficacy)"


def test_tier_from_given_sections():
    text = "Longevity (Tier 3)\nRapamycin reduced p16INK4A in skin."
    heading_end = text.index("\n")
    sents = [{"start": 0, "end": heading_end, "section": None},
             {"start": heading_end + 1, "end": len(text), "section": "Longevity (Tier 3)"}]
    claims, _, _ = find_claims_and_doses(text, sents, [{"start": 0, "end": heading_end,
                                                        "title": "Longevity (Tier 3)"}], [], [], [])
    assert claims and claims[0]["evidence_tier"] == "Tier 3"


def test_no_claims_from_methods_sections():
    text = "Methods\nParticipants were randomized to reduce bias in allocation.\nResults\nPain decreased in the treated group."
    cs = claims_of(text)
    assert len(cs) == 1 and cs[0]["section"] == "Results"


# --------------------------------------------------------------------------- duration / magnitude
DURATION_CASES = [
    ("Exercise reduced liver fat over 48 weeks (n=30).", "over 48 weeks"),
    ("Everolimus reduced weight after 9 months versus placebo.", "after 9 months"),
    ("The statin reduced plaque volume at day 180.", "at day 180"),
    ("Rapamycin improved fatigue over 90 days.", "over 90 days"),
]


@pytest.mark.parametrize("text,duration", DURATION_CASES)
def test_duration(text, duration):
    assert only(text)["duration"] == duration


MAGNITUDE_CASES = [
    ("The enzyme inhibitor reduced plaque formation by 93%.", 93.0, "%"),
    ("Rapamycin increased CD8+ T cells by 8-fold (p=0.005).", 8.0, "fold"),
    ("The regimen achieved approximately 70% reduction in viral load.", 70.0, "%"),
    ("Everolimus reduced body weight by 2.6 kg versus placebo.", 2.6, "kg"),
]


@pytest.mark.parametrize("text,value,unit", MAGNITUDE_CASES)
def test_magnitude(text, value, unit):
    c = only(text)
    assert c["magnitude_value"] == value
    assert c["magnitude_unit"] == unit
    assert c["magnitude_text"] and str(value).rstrip("0").rstrip(".") in c["magnitude_text"]


# --------------------------------------------------------------------------- intervention / comparator
INTERVENTION_CASES = [
    ("Resistance training improved grip strength in older adults.", "resistance training"),
    ("Combined rapamycin plus prednisone reduced inflammation markers by 70%.", "rapamycin plus prednisone"),
    ("Topical rapamycin reduced p16INK4A expression.", "topical rapamycin"),
    ("A two-drug senolytic combination reduced senescent cell burden in adipose tissue.",
     "two-drug senolytic combination"),
]


@pytest.mark.parametrize("text,intervention", INTERVENTION_CASES)
def test_intervention_without_entities(text, intervention):
    assert only(text)["intervention"].lower() == intervention


def test_intervention_from_entities():
    text = "Sirolimus reduced gastrointestinal bleeding episodes in angiodysplasia patients."
    ents = [{"start": 0, "end": 9, "label": "CHEMICAL", "canonical": "rapamycin", "source_id": None,
             "source": "lexicon"}]
    assert only(text, entities=ents)["intervention"] == "Sirolimus"   # as written


COMPARATOR_CASES = [
    ("Everolimus plus exemestane versus placebo plus exemestane improved progression-free survival.",
     "placebo plus exemestane"),
    ("The drug reduced pain compared with usual care.", "usual care"),
    ("Rapamycin co-treatment maintained follicle counts compared to chemotherapy alone (p=0.027).",
     "chemotherapy alone"),
    ("Atorvastatin reduced LDL cholesterol more than placebo.", "placebo"),
]


@pytest.mark.parametrize("text,comparator", COMPARATOR_CASES)
def test_comparator(text, comparator):
    assert only(text)["comparator"] == comparator


def test_two_claims_in_one_sentence_have_their_own_outcomes():
    text = "Topical rapamycin reduced p16INK4A expression (P=0.008) and increased collagen VII (P=0.0077)."
    cs = claims_of(text)
    assert find(cs, "p16INK4A")["direction"] == "decrease"
    assert find(cs, "collagen VII")["direction"] == "increase"


# several claims in one clause: each row gets its own stretch of text, magnitude and statistics
OWN_STRETCH_CASES = [
    ("Pioglitazone lowered fasting glucose by 12% (P=0.01) and reduced liver fat content by about half "
     "(P=0.002).",
     [("fasting glucose", "Pioglitazone lowered fasting glucose by 12% (P=0.01)", 12.0),
      ("liver fat", "reduced liver fat content by about half (P=0.002).", 0.5)]),
    ("In the soleus, SIRT1 protein rose 2.2-fold and the autophagy marker LC3-II rose 3.4-fold with the "
     "higher dose (both P<0.05).",
     [("SIRT1", "In the soleus, SIRT1 protein rose 2.2-fold", 2.2),
      ("LC3-II", "the autophagy marker LC3-II rose 3.4-fold with the higher dose (both P<0.05).", 3.4)]),
    ("The cream was similar to vehicle in the two centres suggesting that it has no effect on skin "
     "thickness.",
     [("cream", "The cream was similar to vehicle in the two centres", None),
      ("skin thickness", "suggesting that it has no effect on skin thickness.", None)]),
]


@pytest.mark.parametrize("text,expected", OWN_STRETCH_CASES)
def test_claims_sharing_a_clause_get_their_own_stretch(text, expected):
    cs = claims_of(text)
    for outcome_word, stretch, magnitude in expected:
        c = find(cs, outcome_word)
        assert text[c["start"]:c["end"]] == stretch
        assert c["magnitude_value"] == magnitude


def test_statistics_of_a_shared_clause_go_to_their_own_claim():
    text = "Pioglitazone lowered fasting glucose by 12% (P=0.01) and reduced liver fat (P=0.002)."
    stats = [{"start": text.index(p), "end": text.index(p) + 7, "kind": "p_value", "value": v,
              "operator": "="} for p, v in (("P=0.01", 0.01), ("P=0.002", 0.002))]
    cs = claims_of(text, statistics=stats)
    assert find(cs, "fasting glucose")["statistic_ids"] == [0]
    assert find(cs, "liver fat")["statistic_ids"] == [1]
    # "both P < 0.05" after the last claim: the first claim, which has none of its own, keeps it
    text = "SIRT1 protein rose 2.2-fold and LC3-II rose 3.4-fold (both P<0.05)."
    stats = [{"start": text.index("P<0.05"), "end": text.index("P<0.05") + 6, "kind": "p_value",
              "value": 0.05, "operator": "<"}]
    cs = claims_of(text, statistics=stats)
    assert find(cs, "SIRT1")["statistic_ids"] == [0]
    assert find(cs, "LC3-II")["statistic_ids"] == [0]


@pytest.mark.parametrize("text", [
    # one object that holds both cues, and a list of outcomes: no cut
    "Adding a cervical balloon gave more effective ripening and a shorter induction interval than gel alone.",
    "No significant changes in pain, gait, bladder function, viral load or markers of T-cell activation were "
    "seen between the arms.",
])
def test_claims_of_one_phrase_keep_the_clause(text):
    cs = claims_of(text)
    assert cs
    assert all(text[c["start"]:c["end"]] == text for c in cs)


def test_sample_and_statistic_links():
    text = "Topical rapamycin reduced p16INK4A (P=0.008) in 36 participants."
    stats = [{"start": text.index("P=0.008"), "end": text.index("P=0.008") + 7, "kind": "p_value",
              "value": 0.008, "operator": "="}]
    samples = [{"start": text.index("36"), "end": text.index("36") + 2, "n": 36, "role": None}]
    c = only(text, statistics=stats, sample_sizes=samples)
    assert c["statistic_ids"] == [0]
    assert c["sample_size_ids"] == [0]


def test_article_summary_design():
    text = ("Background\nThis randomized, double-blind, placebo-controlled trial tested metformin.\n"
            "Results\nMetformin reduced HbA1c compared with placebo.")
    _, _, summary = find_claims_and_doses(text, [], [], [], [], [])
    assert summary["study_design"] == "rct"


# --------------------------------------------------------------------------- more no-effect forms
MORE_NO_EFFECT = [
    ("No further pneumothorax occurred during everolimus treatment.", "pneumothorax", True),
    ("On everolimus, mouth ulcers did not recur.", "mouth ulcers", True),
    ("Metformin attenuated muscle gains, without affecting strength.", "strength", True),
    ("Adverse events were about as common in the drug groups as in the placebo group.", "Adverse events",
     False),
    ("There were no clinically relevant changes in liver enzymes.", "liver enzymes", True),
]


@pytest.mark.parametrize("text,outcome,negated", MORE_NO_EFFECT)
def test_more_no_effect_forms(text, outcome, negated):
    c = find(claims_of(text), outcome)
    assert c["direction"] == "no_effect"
    assert c["negated"] is negated


def test_within_group_change_is_no_effect_but_contrast_clause_is_not():
    text = ("Thigh muscle area increased in both groups, but the gain was smaller with metformin "
            "(P=0.02).")
    cs = claims_of(text)
    assert find(cs, "Thigh muscle area")["direction"] == "no_effect"
    assert any(c["direction"] == "decrease" for c in cs)


def test_title_line_with_intervention_is_a_claim():
    text = ("Intermittent dasatinib plus quercetin improves physical function in aged mice\n\n"
            "Background\nSenescent cells accumulate with age.")
    cs = claims_of(text)
    assert len(cs) == 1
    assert cs[0]["direction"] == "increase"
    assert "dasatinib" in cs[0]["intervention"].lower()


def test_heading_without_intervention_is_not_a_claim():
    cs = claims_of("Weight Loss (Tier 2 — Modest Evidence)\nIn mice, rapamycin reduced body weight.")
    assert len(cs) == 1 and cs[0]["evidence_tier"] == "Tier 2"


def test_definition_in_parentheses_is_not_the_finding():
    c = only("Relapse (a rise of at least 30% in the symptom score) was seen in 12% of children on the drug "
             "compared with 61% of children on placebo (P < 0.001).")
    assert c["direction"] == "decrease"


def test_negated_complement_claim():
    c = only("It does not show that rapamycin slows ageing in people.")
    assert (c["outcome"], c["direction"], c["negated"]) == ("ageing", "no_effect", True)
    c = only("There is no convincing evidence that senolytics improve physical function in older adults.")
    assert (c["outcome"], c["direction"], c["negated"]) == ("physical function", "no_effect", True)


def test_more_frequent_with_takes_the_subject():
    c = only("Mouth ulcers were more frequent with sirolimus than with placebo (p<0.05).")
    assert c["outcome"] == "Mouth ulcers"
    assert (c["direction"], c["valence"]) == ("increase", "harmful")


def test_population_is_not_the_outcome():
    c = only("Circulating IL-6 roughly halved in treated animals (p<0.05).")
    assert c["outcome"] == "Circulating IL-6"
    assert c["direction"] == "decrease"


def test_comparative_before_noun_cue():
    c = only("The new statin gave greater mean reductions in serum LDL cholesterol than the old one.")
    assert c["direction"] == "decrease"
    assert "LDL" in c["outcome"]


def test_contracted_negation():
    c = only("Participants on the waiting list didn't lower their blood pressure over the year.")
    assert (c["direction"], c["negated"]) == ("no_effect", True)


def test_intro_verb_gives_way_to_comparative():
    cs = claims_of("The thinner needle caused less pain during insertion (p=0.01).")
    c = find(cs, "pain")
    assert (c["direction"], c["valence"]) == ("decrease", "beneficial")


GROUP_VALUE_CASES = [
    ("Time to discharge for group A was 2.1 days and group B was 3.4 days (P < 0.001).", "decrease"),
    ("Adherence was 81% in the coaching group and 64% in the usual care group (p = 0.01).", "increase"),
    ("Length of stay was 6.2 days versus 4.1 days with the control regimen (p = 0.002).", "increase"),
    ("Length of stay was 6.2 days versus 5.9 days with the control regimen (p = 0.62).", "no_effect"),
]


@pytest.mark.parametrize("text,direction", GROUP_VALUE_CASES)
def test_direction_from_group_values(text, direction):
    assert only(text)["direction"] == direction


def test_more_frequently_than_is_a_claim():
    c = only("Patients on the new regimen needed transfusions more frequently than controls (p < 0.001).")
    assert c["direction"] == "increase"


def test_certainty_stated_after_the_claim_on_the_same_line():
    text = ("- Falls: vitamin D did not significantly reduce falls (RR 0.97, 95% CI 0.90-1.05). Certainty: moderate.\n"
            "- Fractures: vitamin D reduced hip fractures (RR 0.80, 95% CI 0.70-0.92). Certainty: low.\n")
    cs = claims_of(text)
    assert find(cs, "falls")["certainty"] == "moderate"
    assert find(cs, "hip fractures")["certainty"] == "low"


OPEN_QUESTIONS = [
    "Whether a short course of sirolimus lowers the rate of respiratory infection is not known.",
    "Larger trials are needed to establish whether the benefit persists across seasons.",
    "Earlier cohort studies disagree on whether statin users have a lower risk of dementia.",
]


@pytest.mark.parametrize("text", OPEN_QUESTIONS)
def test_open_questions_are_hedged_claims_without_direction(text):
    c = only(text)
    assert c["direction"] is None
    assert c["valence"] == "unknown"
    assert c["hedged"] is True


def test_purpose_statement_is_not_a_claim():
    assert claims_of("We aimed to investigate whether diclofenac inhibits codeine glucuronidation.") == []


CANONICAL_CASES = [
    ("Sirolimus reduced CRP in older adults.", [("Sirolimus", "rapamycin")], "rapamycin"),
    ("Sirolimus plus prednisone lowered inflammation markers.",
     [("Sirolimus", "rapamycin"), ("prednisone", "prednisone")], "rapamycin plus prednisone"),
    ("Resistance training improved grip strength.", [], None),
]


@pytest.mark.parametrize("text,entities,expected", CANONICAL_CASES)
def test_intervention_canonical(text, entities, expected):
    from pipeline.claims import find_claims_and_doses

    ents = []
    for written, canonical in entities:
        start = text.index(written)
        ents.append({"start": start, "end": start + len(written), "label": "CHEMICAL",
                     "canonical": canonical, "source_id": None, "source": "test"})
    claims, _, _ = find_claims_and_doses(text, [{"start": 0, "end": len(text), "section": None}],
                                         [], ents, [], [])
    assert claims, text
    assert claims[0]["intervention_canonical"] == expected


def test_canonical_of_an_intervention_named_outside_the_claims_stretch():
    text = "Sirolimus lowered fasting glucose by 12% (P=0.01) and reduced liver fat by about half."
    ents = [{"start": 0, "end": 9, "label": "CHEMICAL", "canonical": "rapamycin", "source_id": None,
             "source": "test"}]
    claims, _, _ = find_claims_and_doses(text, [{"start": 0, "end": len(text), "section": None}],
                                         [], ents, [], [])
    second = find(claims, "liver fat")
    assert text[second["start"]:second["end"]].startswith("reduced liver fat")
    assert second["intervention"] == "Sirolimus"
    assert second["intervention_canonical"] == "rapamycin"


# --------------------------------------------------------------------------- a difference said to be not significant afterwards
LATER_NOT_SIGNIFICANT_CASES = [
    # the next clause of the sentence points back at the difference
    ("Compared with usual care, metformin lowered fasting insulin, but the difference was not "
     "statistically significant (P = 0.21).", "fasting insulin", "no_effect"),
    ("Resveratrol reduced systolic blood pressure by 4 mmHg, although this difference did not reach "
     "statistical significance.", "systolic blood pressure", "no_effect"),
    ("LDL cholesterol fell by 9 mg/dl in the statin arm, but this was not significant statistically.",
     "LDL cholesterol", "no_effect"),
    ("Exercise improved sleep quality relative to stretching, but a significant difference was not observed.",
     "sleep quality", "no_effect"),
    # the difference between the groups, or no subject at all: the clause's own difference
    ("The yoga programme reduced fatigue scores compared with usual care, but the difference between the "
     "two groups was not statistically significant (p = 0.12).", "fatigue scores", "no_effect"),
    ("The new formula increased stool frequency in infants, but did not reach statistical "
     "significance (RR 1.6, p = 0.14).", "stool frequency", "no_effect"),
    ("Walking speed improved with the cueing device, but was not significantly different between the "
     "two arms.", "Walking speed", "no_effect"),
    ("Heart rate fell with both anaesthetics, but there were no significant differences among the three "
     "groups (Figure 2).", "Heart rate", "no_effect"),
    ("Garlic extract lowered total cholesterol by 3% and triglycerides by 7%, but these were not "
     "significant statistically.", "cholesterol", "no_effect"),
    # the next sentence opens by pointing back
    ("Length of stay was 2 days shorter in the early mobilisation group. This difference, which was not "
     "statistically significant, reflected fewer infections.", "Length", "no_effect"),
    ("Grip strength improved in the training arm and in the stretching arm. There was no significant "
     "difference between the two groups.", "Grip strength", "no_effect"),
    # another outcome said to be not significant leaves the first claim alone
    ("Metformin lowered fasting insulin (P = 0.01), but HbA1c was not significantly different.",
     "fasting insulin", "decrease"),
    ("Rapamycin reduced p-S6 levels in muscle. Body weight was not significantly different.",
     "p-S6", "decrease"),
    ("Rapamycin reduced p-S6 levels in muscle. There was no significant difference between the groups "
     "in body weight.", "p-S6", "decrease"),
    # a significant clause keeps its direction even when a later one is not
    ("Rapamycin significantly reduced p-S6 levels (P < 0.001), and the change in body weight was not "
     "significant.", "p-S6", "decrease"),
]


@pytest.mark.parametrize("text,outcome,direction", LATER_NOT_SIGNIFICANT_CASES)
def test_difference_said_not_significant_afterwards(text, outcome, direction):
    c = find(claims_of(text), outcome)
    assert c["direction"] == direction, c


def test_a_compared_change_gives_one_claim_about_what_changed():
    cs = claims_of("The mean increase in facial swelling was significantly less in the dexamethasone group "
                   "than in the control group.")
    assert [c["direction"] for c in cs] == ["decrease"]
    assert "increase" not in (cs[0]["outcome"] or "")


def test_group_after_superior_to_is_the_comparator():
    c = only("The quality score of the training group was significantly superior to that of the control "
             "group (68% vs 49%; P<.001).")
    assert c["direction"] == "increase"


@pytest.mark.parametrize("title,is_method", [
    ("Methods", True), ("Statistical analysis", True), ("References", True), ("Interventions", True),
    ("2.3 Intervention", True), ("Dosing", True), ("Dosage and administration", True),
    # results headings that only contain a methods-like word
    ("Patient preference", False), ("Device preference and satisfaction", False),
    ("Adherence to intervention", False), ("Pain freedom within 2 h after dosing", False),
])
def test_method_section_headings(title, is_method):
    from pipeline.claims.context import is_method_section
    assert is_method_section(title) is is_method


def test_claims_are_read_in_a_preference_results_section():
    text = ("Patient preference\n\nSignificantly more patients preferred the pen, and satisfaction was "
            "higher with the pen than with the syringe (P < 0.001).\n")
    sections = [{"start": 0, "end": 18, "title": "Patient preference"}]
    assert claims_of(text, sections=sections)


@pytest.mark.parametrize("text,claims_expected", [
    ("We aimed to determine whether rapamycin reduced p-S6 in muscle.", 0),
    ("To test whether metformin lowers HbA1c, we randomised 200 adults.", 0),
    ("A skin cancer can be lethal if not detected and removed early.", 0),
    ("The trial sought to determine if a task found to provoke neck pain caused less pain after coffee.", 0),
    # a finding reported after the purpose words is a claim
    ("The analysis to compare the two arms detected no differences in quality of life.", 1),
    ("The study was designed to compare two doses and showed that the higher dose reduced pain scores.", 1),
])
def test_purpose_unless_a_finding_follows(text, claims_expected):
    assert len(claims_of(text)) == claims_expected


# --------------------------------------------------------------------------- the article's own intervention
def _chemicals(text: str, written: str, canonical: str) -> list[dict]:
    out, k = [], text.find(written)
    while k >= 0:
        out.append({"start": k, "end": k + len(written), "label": "CHEMICAL", "canonical": canonical,
                    "source_id": None, "source": "test"})
        k = text.find(written, k + 1)
    return out


def test_claims_without_an_intervention_take_the_articles_drug():
    text = ("Background\nFrailty is increasing in ageing populations.\n\n"
            "Results\nUrolithin B improved grip strength in aged rats (P < 0.01).\n"
            "Urolithin B increased treadmill endurance by 40% (P = 0.02).\n\n"
            "Other measures\nBody weight and food intake were unchanged (P = 0.6).")
    cs = claims_of(text, entities=_chemicals(text, "Urolithin B", "urolithin b"))
    unchanged = find(cs, "Body weight")
    assert unchanged["intervention"] == "Urolithin B"
    assert unchanged["intervention_canonical"] == "urolithin b"
    background = find(cs, "Frailty")
    assert background["intervention"] is None      # background statements are not about the drug


def test_no_article_drug_without_a_recognised_chemical_named_twice():
    text = ("Results\nUrolithin B improved grip strength in aged rats (P < 0.01).\n\n"
            "Other measures\nBody weight and food intake were unchanged (P = 0.6).")
    cs = claims_of(text, entities=_chemicals(text, "Urolithin B", "urolithin b"))
    assert find(cs, "Body weight")["intervention"] is None


@pytest.mark.parametrize("text,intervention", [
    ("Depressive symptoms decreased more in the MoodCoach group than in the control group (p = .01).",
     "MoodCoach"),
    ("Postoperative nausea was less frequent in the TIVA-P group (12% vs 31%, P = 0.004).", "TIVA-P"),
    ("Pain scores were lower in the Control group than at baseline (P = 0.03).", None),
    ("Pain scores were lower in the older group (P = 0.03).", None),
])
def test_intervention_named_as_an_arm(text, intervention):
    assert only(text)["intervention"] == intervention


@pytest.mark.parametrize("text,valence", [
    # mechanistic measures: a change with no clinical meaning of its own is neutral
    ("In the soleus, AMPK phosphorylation rose 2.1-fold with the higher dose (P = 0.01).", "neutral"),
    ("Hepatic FGF21 mRNA expression increased after 6 weeks of feeding (P < 0.05).", "neutral"),
    ("Mitochondrial respiration in myotubes increased by 28% (P = 0.03).", "neutral"),
    # clinical measures named in the polarity lexicon
    ("The new regimen increased the pCR rate in the intervention arm (P = 0.02).", "beneficial"),
    ("Nurse-led titration lowered ambulatory systolic pressure by 9 mm Hg (P < 0.001).", "beneficial"),
    ("Serum troponin T doubled after the infusion (P = 0.004).", "harmful"),
    # a good measure that happens to hold a mechanistic word stays good
    ("Resistance training increased muscle protein synthesis by 30% (P = 0.01).", "beneficial"),
])
def test_valence_of_mechanistic_and_clinical_measures(text, valence):
    assert only(text)["valence"] == valence


@pytest.mark.parametrize("text,outcome", [
    ("Length of stay was shorter in the nurse-led arm (4.1 vs 5.3 days, P = 0.01).", "Length of stay"),
    ("The duration of stay fell by two days with early mobilisation.", "duration of stay"),
])
def test_a_verb_like_noun_after_of_stays_in_the_outcome(text, outcome):
    assert only(text)["outcome"] == outcome


def test_a_time_after_the_verb_is_not_its_object():
    c = only("Hepatic FGF21 mRNA expression increased after 6 weeks of feeding (P < 0.05).")
    assert c["outcome"] == "Hepatic FGF21 mRNA expression"


# --------------------------------------------------------------------------- claims stated as unproven or lacking evidence
@pytest.mark.parametrize("text,outcome", [
    ("Higher ketone levels might explain part of the benefit, but this remains unproven.", "ketone"),
    ("Metformin lowered HbA1c in the pilot, but this remains to be confirmed in larger trials.", "HbA1c"),
])
def test_claim_followed_by_remains_unproven_has_no_direction(text, outcome):
    c = find(claims_of(text), outcome)
    assert c["direction"] is None
    assert c["hedged"] is True


def test_remains_unclear_whether_is_another_question():
    text = ("Acute tryptophan depletion lowers mood in recovered patients, but it remains unclear whether "
            "it alters amygdala connectivity.")
    assert find(claims_of(text), "mood")["direction"] == "decrease"


@pytest.mark.parametrize("text,outcome,direction,negated", [
    ("Evidence that statins prolong life in people over 85 is lacking.", "life", "no_effect", True),
    ("Evidence that spermidine improves memory in humans remains scarce.", "memory", "no_effect", True),
    ("Evidence that exercise improves memory is strong.", "memory", "increase", False),
])
def test_evidence_that_is_lacking(text, outcome, direction, negated):
    c = find(claims_of(text), outcome)
    assert (c["direction"], c["negated"]) == (direction, negated)


@pytest.mark.parametrize("text", [
    "Longer follow-up is needed to see whether the response lasts.",
    "Larger randomized trials are warranted before the drug is used in older adults.",
    "More studies are required in women.",
    "Given the high dropout, the results should be confirmed in a larger study with validated skin outcomes.",
    "These findings need to be replicated in larger cohorts of older adults.",
])
def test_a_call_for_more_research_is_not_an_increase(text):
    assert all(c["direction"] != "increase" for c in claims_of(text))
