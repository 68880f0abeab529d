import pytest


@pytest.fixture(scope="session")
def nlp():
    import spacy
    import scispacy.abbreviation  # noqa: F401
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector", config={"make_serializable": True})
    return nlp


@pytest.fixture(scope="session")
def recognizer():
    from pipeline.entities import get_recognizer

    return get_recognizer()


@pytest.fixture(scope="session")
def run(nlp, recognizer):
    def _run(text):
        doc = nlp(text)
        return [dict(e, text=text[e["start"]:e["end"]]) for e in recognizer(doc)]
    return _run
