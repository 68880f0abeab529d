"""The optional user-installed spaCy NER model path, exercised with a tiny blank model."""
import spacy

from pipeline.entities import EntityRecognizer


def test_model_entities_are_merged(tmp_path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "SIMPLE_CHEMICAL", "pattern": "zorbonine"},
                        {"label": "GENE_OR_GENE_PRODUCT", "pattern": "QQX7"},
                        {"label": "PERSON", "pattern": "Smith"}])
    nlp.to_disk(tmp_path / "tiny")
    rec = EntityRecognizer({"model": str(tmp_path / "tiny")})
    text = "Smith gave zorbonine to mice lacking QQX7 and rapamycin."
    ents = {text[e["start"]:e["end"]]: e for e in rec(spacy.blank("en")(text))}
    assert ents["zorbonine"]["label"] == "CHEMICAL" and ents["zorbonine"]["source"] == "model"
    assert ents["QQX7"]["label"] == "GENE_OR_PROTEIN"
    assert "Smith" not in ents  # labels outside the four are ignored
    assert ents["rapamycin"]["source"] == "domain_lexicon"  # the lexicon still wins


def test_entities_already_on_doc_are_used(tmp_path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "DISEASE", "pattern": "glorbitis"}])
    rec = EntityRecognizer({"model": "no-such-model-is-loaded"})
    text = "Mice with glorbitis."
    ents = {text[e["start"]:e["end"]]: e for e in rec(nlp(text))}
    assert ents["glorbitis"]["source"] == "model"
    assert rec.model is None


def test_lexicon_off_keeps_rules():
    rec = EntityRecognizer({"lexicon": False})
    text = "IL-6 rose in nephrotoxicity."
    ents = {text[e["start"]:e["end"]]: e["label"] for e in rec(spacy.blank("en")(text))}
    assert ents == {"IL-6": "GENE_OR_PROTEIN", "nephrotoxicity": "DISEASE"}
