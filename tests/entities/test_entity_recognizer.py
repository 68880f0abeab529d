"""Table-driven behaviour of the entity recogniser."""
import pytest

from pipeline.entities import LABELS


def find(ents, text):
    return [e for e in ents if e["text"] == text]


# text, mention, label, canonical (None = not checked)
POSITIVE = [
    ("Rapamycin extends lifespan in mice.", "Rapamycin", "CHEMICAL", "rapamycin"),
    ("Patients received sirolimus 2 mg/day.", "sirolimus", "CHEMICAL", "rapamycin"),
    ("Rapa was given intermittently.", "Rapa", "CHEMICAL", "rapamycin"),
    ("Everolimus improved the response to vaccination.", "Everolimus", "CHEMICAL", "everolimus"),
    ("RTB101 reduced infections in older adults.", "RTB101", "CHEMICAL", "rtb101"),
    ("NMN supplementation raised NAD+ levels.", "NMN", "CHEMICAL", "nicotinamide mononucleotide"),
    ("α-ketoglutarate extended lifespan.", "α-ketoglutarate", "CHEMICAL", "alpha-ketoglutarate"),
    ("ɑ-KG was added to the diet.", "ɑ-KG", "CHEMICAL", "alpha-ketoglutarate"),
    ("Autophagy was blocked with 3-MA.", "3-MA", "CHEMICAL", "3-methyladenine"),
    ("Metformin lowers glucose.", "Metformin", "CHEMICAL", "metformin"),
    ("They took Glucophage daily.", "Glucophage", "CHEMICAL", "metformin"),
    ("Prednisone was tapered.", "Prednisone", "CHEMICAL", "prednisone"),
    ("Serum sodium and potassium were normal.", "sodium", "CHEMICAL", "sodium"),
    ("Serum sodium and potassium were normal.", "potassium", "CHEMICAL", "potassium"),
    ("Cholesterol fell by 10%.", "Cholesterol", "CHEMICAL", "cholesterol"),
    ("Lithium carbonate was stopped.", "Lithium carbonate", "CHEMICAL", None),
    ("Calcium chloride was infused.", "Calcium chloride", "CHEMICAL", None),
    ("Patients on ribavirin were followed.", "ribavirin", "CHEMICAL", None),
    ("Treatment with zorifertinib was tolerated.", "zorifertinib", "CHEMICAL", None),
    ("The patient developed hepatocellular carcinoma.", "hepatocellular carcinoma", "DISEASE",
     "hepatocellular carcinoma"),
    ("Tricuspid valve regurgitation was seen.", "Tricuspid valve regurgitation", "DISEASE", None),
    ("Hypertensive rats were treated.", "Hypertensive", "DISEASE", "hypertension"),
    ("Nephrotoxicity limited the dose.", "Nephrotoxicity", "DISEASE", None),
    ("Cardiotoxicity is dose limiting.", "Cardiotoxicity", "DISEASE", None),
    ("She complained of pain and nausea.", "pain", "DISEASE", "pain"),
    ("Women with breast and ovarian cancer were enrolled.", "breast and ovarian cancer", "DISEASE", None),
    ("Risk of breast/ovarian cancer is raised.", "breast/ovarian cancer", "DISEASE", None),
    ("Renal failure and liver injury occurred.", "liver injury", "DISEASE", None),
    ("Families with hereditary breast cancer were studied.", "hereditary breast cancer", "DISEASE", None),
    ("Patients with C7 deficiency were found.", "C7 deficiency", "DISEASE", None),
    ("Patients with ME/CFS were enrolled.", "ME/CFS", "DISEASE", None),
    ("Hip fractures are common in osteoporosis.", "osteoporosis", "DISEASE", None),
    ("Studies in mice and rats agree.", "mice", "ORGANISM", "mouse"),
    ("Studies in mice and rats agree.", "rats", "ORGANISM", "rat"),
    ("Cats and dogs live with humans.", "Cats", "ORGANISM", "cat"),
    ("Cats and dogs live with humans.", "humans", "ORGANISM", "human"),
    ("Rhesus monkeys were calorie restricted.", "Rhesus monkeys", "ORGANISM", "rhesus monkey"),
    ("Lifespan of C. elegans and Drosophila increased.", "C. elegans", "ORGANISM", None),
    ("Lifespan of C. elegans and Drosophila increased.", "Drosophila", "ORGANISM", "fruit fly"),
    ("Zebrafish and yeast were used.", "Zebrafish", "ORGANISM", "zebrafish"),
    ("Zebrafish and yeast were used.", "yeast", "ORGANISM", "yeast"),
    ("Expression of p16INK4A rose with age.", "p16INK4A", "GENE_OR_PROTEIN", None),
    ("Rapamycin binds FKBP12.", "FKBP12", "GENE_OR_PROTEIN", None),
    ("mTORC1 activity fell; mTOR is inhibited.", "mTORC1", "GENE_OR_PROTEIN", "mtorc1"),
    ("mTORC1 activity fell; mTOR is inhibited.", "mTOR", "GENE_OR_PROTEIN", "mtor"),
    ("AMPK activation and BDNF release.", "AMPK", "GENE_OR_PROTEIN", "ampk"),
    ("AMPK activation and BDNF release.", "BDNF", "GENE_OR_PROTEIN", "bdnf"),
    ("Ldha expression was measured.", "Ldha", "GENE_OR_PROTEIN", None),
    ("IL-6 and TNF-α were reduced.", "IL-6", "GENE_OR_PROTEIN", None),
    ("IL-6 and TNF-α were reduced.", "TNF-α", "GENE_OR_PROTEIN", None),
    ("CD8+ T cells expanded.", "CD8+ T cells", "GENE_OR_PROTEIN", None),
    ("A vaccine against NY-ESO-1 was tested.", "NY-ESO-1", "GENE_OR_PROTEIN", None),
    ("SIRT1 and BRCA1 were sequenced.", "BRCA1", "GENE_OR_PROTEIN", None),
    ("Catalase (CAT) activity rose.", "CAT", "GENE_OR_PROTEIN", None),
    ("BCL-xL and Ercc1 were knocked down.", "BCL-xL", "GENE_OR_PROTEIN", None),
    ("BCL-xL and Ercc1 were knocked down.", "Ercc1", "GENE_OR_PROTEIN", None),
    ("Collagen VII was measured in skin.", "Collagen VII", "GENE_OR_PROTEIN", None),
    ("Carriers of APOE ε4 were at risk.", "APOE ε4", "GENE_OR_PROTEIN", None),
    ("Aged C57BL/6 mice were used.", "C57BL/6 mice", "ORGANISM", "mouse"),
    ("Vaccines against H3N2 were tested.", "H3N2", "ORGANISM", None),
    ("Statins lower LDL cholesterol.", "Statins", "CHEMICAL", "statins"),
    ("Statins lower LDL cholesterol.", "LDL cholesterol", "CHEMICAL", None),
    ("Senolytic drugs clear cells.", "Senolytic drugs", "CHEMICAL", "senolytics"),
    ("New-onset diabetes was more common.", "New-onset diabetes", "DISEASE", "diabetes"),
    ("Major vascular events fell by 21%.", "Major vascular events", "DISEASE", None),
    ("Patients had hemorrhagic and ischemic stroke.", "hemorrhagic and ischemic stroke", "DISEASE", None),
    ("Diabetic patients were excluded.", "Diabetic", "DISEASE", "diabetes"),
    ("N-methyl-D-aspartate was infused.", "N-methyl-D-aspartate", "CHEMICAL", None),
    ("5-hydroxytryptophan-induced behaviour was scored.", "5-hydroxytryptophan", "CHEMICAL", None),
    ("Kainic acid and valproic acid were given.", "valproic acid", "CHEMICAL", None),
    ("Pregnenolone sulphate improved memory.", "Pregnenolone sulphate", "CHEMICAL", None),
    ("Rats received diethylnitrosamine weekly.", "diethylnitrosamine", "CHEMICAL", None),
    ("Ventricular arrhythmias were frequent.", "Ventricular arrhythmias", "DISEASE", None),
    ("Stage II and III colorectal carcinomas were resected.",
     "Stage II and III colorectal carcinomas", "DISEASE", None),
]


@pytest.mark.parametrize("text,mention,label,canonical", POSITIVE)
def test_positive(run, text, mention, label, canonical):
    ents = run(text)
    hits = find(ents, mention)
    assert hits, f"{mention!r} not found in {[(e['text'], e['label']) for e in ents]}"
    assert hits[0]["label"] == label
    if canonical is not None:
        assert hits[0]["canonical"] == canonical


# text, mention that must NOT be an entity (of any label / of the given label)
NEGATIVE = [
    ("These results may lead to new trials.", "may", None),
    ("These results may lead to new trials.", "lead", None),
    ("The risk was higher (HR 1.7, 95% CI 1.2-2.3).", "HR", None),
    ("The risk was higher (HR 1.7, 95% CI 1.2-2.3).", "CI", None),
    ("The odds ratio (OR 2.1) and RR 1.09 were reported.", "OR", None),
    ("The odds ratio (OR 2.1) and RR 1.09 were reported.", "RR", None),
    ("A phase III RCT enrolled 200 participants.", "RCT", None),
    ("A phase III RCT enrolled 200 participants.", "III", None),
    ("Scores on the SF-36 improved; MRI was normal.", "SF-36", None),
    ("Scores on the SF-36 improved; MRI was normal.", "MRI", None),
    ("Doses of 5 mg and 10 mg/kg were given.", "mg", None),
    ("Tell me more about the combined results.", "me", None),
    ("Tell me more about the combined results.", "combined", None),
    ("The dog was walked; the cat slept.", "cat", "GENE_OR_PROTEIN"),
    ("Patients with HR+ breast cancer were enrolled.", "HR", None),
    ("Levels of CO2 and H2O2 were measured.", "CO2", "GENE_OR_PROTEIN"),
    ("DNA and mRNA were extracted.", "mRNA", "CHEMICAL"),
    ("Patients in the ICU were followed.", "ICU", None),
    ("Insulin sensitivity improved.", "Insulin", "CHEMICAL"),
    ("Mothers and siblings were interviewed.", "Mothers", None),
    ("Body weight was recorded.", "Body weight", None),
    ("Human cells and mouse models were used.", "Human", None),
    ("Human cells and mouse models were used.", "mouse", None),
    ("The trial (NCT04488601) was registered.", "NCT04488601", None),
    ("IMR-90 fibroblasts were treated.", "IMR-90", None),
    ("An analgesic effect was seen.", "analgesic", None),
    ("Disease progression and recurrence were rare.", "Disease progression", None),
    ("Gastric acid secretion rose.", "Gastric acid", None),
    ("A 2-year follow-up and a 3-fold rise.", "2-year", None),
    ("The mice were given insulin aspart as part of the protocol.", "as part", None),
    ("Epipodophyllotoxin etoposide was infused.", "Epipodophyllotoxin etoposide", None),
    ("Cytochrome P450 enzymes metabolise it.", "P450", "CHEMICAL"),
]


@pytest.mark.parametrize("text,mention,label", NEGATIVE)
def test_negative(run, text, mention, label):
    hits = find(run(text), mention)
    if label is None:
        assert not hits, hits
    else:
        assert not [h for h in hits if h["label"] == label], hits


def test_case_cat_gene_vs_cats_animal(run):
    ents = run("CAT activity was lower in old cats.")
    assert find(ents, "CAT")[0]["label"] == "GENE_OR_PROTEIN"
    assert find(ents, "cats")[0]["label"] == "ORGANISM"


def test_hr_positive_is_receptor_status(run):
    ents = run("Postmenopausal women with HR+ breast cancer.")
    hr = find(ents, "HR+")
    assert hr and hr[0]["label"] == "GENE_OR_PROTEIN"
    assert find(ents, "breast cancer")[0]["label"] == "DISEASE"


def test_ra_defined_in_article(run):
    text = "Patients with rheumatoid arthritis (RA) were treated. RA activity fell."
    ents = run(text)
    ras = [e for e in ents if e["text"] == "RA"]
    assert len(ras) == 2
    assert all(e["label"] == "DISEASE" and e["canonical"] == "rheumatoid arthritis" for e in ras)


ABBREVIATIONS = [
    ("Hepatocellular carcinoma (HCC) is common. HCC risk rises with cirrhosis.", "HCC", "DISEASE",
     "hepatocellular carcinoma", 2),
    ("Levodopa-induced dyskinesias (LID) are common; LID were scored.", "LID", "DISEASE", None, 2),
    ("Methamphetamine (METH) was given. METH-induced damage was seen.", "METH", "CHEMICAL", None, 2),
    ("Myotonic dystrophy (DM) is inherited. DM patients were studied.", "DM", "DISEASE", None, 2),
    ("Extrapyramidal symptoms (EPS) occurred. EPS were mild.", "EPS", "DISEASE", None, 2),
    ("Aspirin (acetylsalicylic acid [ASA]) was given. ASA doses varied.", "ASA", "CHEMICAL", None, 2),
]


@pytest.mark.parametrize("text,short,label,canonical,count", ABBREVIATIONS)
def test_abbreviations(run, text, short, label, canonical, count):
    hits = find(run(text), short)
    assert len(hits) == count, hits
    assert all(h["label"] == label for h in hits)
    if canonical:
        assert all(h["canonical"] == canonical for h in hits)
        assert all(h["source"] == "abbreviation" for h in hits)


def test_abbreviation_of_non_entity_suppresses_short_form(run):
    # 'PAN' here is a trial acronym, not puromycin aminonucleoside
    ents = run("The Prevention and Nutrition (PAN) study ran 5 years. In PAN, diets varied.")
    assert not find(ents, "PAN")


def test_gene_long_form_not_disease(run):
    ents = run("Loss of deleted in colorectal carcinoma (DCC) was seen. DCC expression fell.")
    assert not [e for e in ents if e["text"] == "DCC" and e["label"] == "DISEASE"]


def test_longest_match_wins(run):
    ents = run("Non-small cell lung cancer was diagnosed.")
    assert find(ents, "Non-small cell lung cancer")
    assert not find(ents, "lung cancer")


def test_rows_shape_and_order(run):
    text = "Rapamycin and metformin reduced cancer in mice. IL-6 fell."
    ents = run(text)
    assert [e["start"] for e in ents] == sorted(e["start"] for e in ents)
    for e in ents:
        assert set(e) >= {"start", "end", "label", "canonical", "source_id", "source"}
        assert e["label"] in LABELS
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["canonical"] == e["canonical"].lower()


def test_source_ids(run):
    ents = run("Sirolimus and hepatocellular carcinoma and gentamicin.")
    assert find(ents, "Sirolimus")[0]["source_id"].startswith("MeSH:")
    genta = find(ents, "gentamicin")[0]
    assert genta["source_id"] and genta["source_id"].split(":")[0] in ("MeSH", "DrugBank")
    assert genta["source"] == "drug_lexicon"


def test_plain_string_and_empty(recognizer):
    assert recognizer.__call__(type("D", (), {"text": ""})()) == []


def test_get_recognizer_cached():
    from pipeline.entities import get_recognizer
    assert get_recognizer() is get_recognizer()
    assert get_recognizer({}) is get_recognizer(None)
