"""Table-driven cases for doses (and for what is not a dose)."""
from __future__ import annotations

import pytest

from pipeline.claims import find_claims_and_doses


def doses_of(text: str, entities=None, statistics=None, sample_sizes=None):
    _, doses, _ = find_claims_and_doses(text, [], [], entities or [], statistics or [], sample_sizes or [])
    return doses


DOSE_CASES = [
    # text, span, drug, amount, upper, unit, per, frequency
    ("The rapamycin regimen was 2-6 mg administered once weekly.", "2-6 mg",
     "rapamycin", 2.0, 6.0, "mg", "week", "once weekly"),
    ("Rapamycin at 6 mg/week caused few side effects.", "6 mg/week",
     "Rapamycin", 6.0, None, "mg", "week", None),
    ("Seizure frequency fell on sirolimus 2 mg/day.", "2 mg/day",
     "sirolimus", 2.0, None, "mg", "day", None),
    ("Patients took atorvastatin 40 mg daily for 12 weeks.", "40 mg daily",
     "atorvastatin", 40.0, None, "mg", "day", "daily"),
    ("Participants received metformin 500 mg per day.", "500 mg per day",
     "metformin", 500.0, None, "mg", "day", None),
    # several administrations a day: the amount is per dose
    ("Vitamin D 1000 IU twice daily was given.", "1000 IU",
     "Vitamin D", 1000.0, None, "IU", "dose", "twice daily"),
    ("Patients took metformin 850 mg twice daily.", "850 mg",
     "metformin", 850.0, None, "mg", "dose", "twice daily"),
    ("Volunteers swallowed a single 16 mg dose of rapamycin.", "16 mg",
     "rapamycin", 16.0, None, "mg", "dose", "single"),
    ("Mice received fisetin 100 mg/kg/day by oral gavage for 5 consecutive days.", "100 mg/kg/day",
     "fisetin", 100.0, None, "mg/kg", "day", "for 5 consecutive days"),
    ("Cells were treated with fisetin at 5 µM for 48 hours.", "5 µM",
     "fisetin", 5.0, None, "µM", None, None),
    ("Mice received rapamycin 8 mg/kg intraperitoneally.", "8 mg/kg",
     "rapamycin", 8.0, None, "mg/kg", None, None),
]


@pytest.mark.parametrize("text,span,drug,amount,upper,unit,per,frequency", DOSE_CASES)
def test_doses(text, span, drug, amount, upper, unit, per, frequency):
    ds = doses_of(text)
    assert len(ds) == 1, ds
    d = ds[0]
    assert text[d["start"]:d["end"]].startswith(span)
    assert (d["drug"], d["amount"], d["upper"], d["unit"], d["per"]) == (drug, amount, upper, unit, per)
    if frequency:
        assert d["frequency"] == frequency


ROUTE_CASES = [
    ("Oral sirolimus 2 mg/day was given.", "oral"),
    ("Topical rapamycin 0.1% cream applied nightly at 1 mg.", "topical"),
    ("Volunteers swallowed a single 16 mg dose of rapamycin.", "oral"),
    ("Ketamine 0.5 mg/kg was infused intravenously.", "intravenous"),
    ("Mice received rapamycin 8 mg/kg intraperitoneally.", "intraperitoneal"),
]


@pytest.mark.parametrize("text,route", ROUTE_CASES)
def test_route(text, route):
    ds = doses_of(text)
    assert ds and ds[0]["route"] == route


def test_intermittent_frequency():
    ds = doses_of("Rapamycin is used at low, intermittent doses of 5 mg.")
    assert ds and ds[0]["frequency"] == "intermittent"


def test_schedule_without_amount():
    text = "Dasatinib plus quercetin was given as six doses over two weeks."
    ds = doses_of(text)
    assert len(ds) == 1
    d = ds[0]
    assert d["schedule"] == "six doses over two weeks"
    assert d["amount"] is None
    assert text[d["start"]:d["end"]] == "six doses over two weeks"


def test_schedule_attached_to_amount():
    ds = doses_of("Dasatinib 100 mg was given as six doses over two weeks.")
    assert ds[0]["amount"] == 100.0
    assert ds[0]["schedule"] == "six doses over two weeks"


def test_topical_percentage_is_a_dose():
    ds = doses_of("Rapamycin 0.1% to 1% cream was applied to the scalp every 1-2 days.")
    assert len(ds) == 1
    d = ds[0]
    assert (d["amount"], d["upper"], d["unit"], d["route"]) == (0.1, 1.0, "%", "topical")
    assert d["frequency"] == "every 1-2 days"


NOT_DOSES = [
    "Plasma nicotinamide increased from 0.41 to 0.63 µM (p<0.001).",
    "Rapamycin reduced wrinkles in 40% of participants using the cream.",
    "Baseline LDL 130 mg/dL fell to 95 mg/dL.",
    "Serum 25(OH)D was 32 ng/mL at baseline.",
    "Glucose was 5.4 mmol/L in both groups.",
    "Everolimus induced weight loss in women: 2.6±3.8 kg after 9 months.",
    "Triglyceride levels of 150 mg were recorded in the diary.",
    "The study enrolled 36 participants and 19 were lost to follow-up.",
    "P=0.008 and 74.3% of patients recovered.",
]


@pytest.mark.parametrize("text", NOT_DOSES)
def test_not_doses(text):
    assert doses_of(text) == []


def test_statistic_span_is_never_a_dose():
    text = "Mean intake was 40 mg per day in both arms."
    stats = [{"start": text.index("40"), "end": text.index("40") + 5, "kind": "percentage", "value": 40}]
    assert doses_of(text, statistics=stats) == []


def test_drug_from_entity_and_claim_link():
    text = "Sirolimus 2 mg/day reduced bleeding episodes in angiodysplasia patients."
    ents = [{"start": 0, "end": 9, "label": "CHEMICAL", "canonical": "rapamycin", "source_id": None,
             "source": "lexicon"}]
    claims, doses, _ = find_claims_and_doses(text, [], [], ents, [], [])
    assert doses[0]["drug"] == "rapamycin"
    assert claims and doses[0]["claim_id"] == 0


def test_dose_without_claim_has_null_claim_id():
    _, doses, _ = find_claims_and_doses("Dosing: atorvastatin 40 mg daily.", [], [], [], [], [])
    assert doses and doses[0]["claim_id"] is None


def test_drug_from_previous_sentence():
    text = "Rapamycin is taken orally.\nThe usual schedule: 2-6 mg once weekly."
    ds = doses_of(text)
    assert ds and ds[0]["drug"] == "Rapamycin"
    assert ds[0]["route"] == "oral"
