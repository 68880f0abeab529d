"""scispaCy's rule tokenizer, registered so the config file can name it."""
from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer


@spacy.registry.tokenizers("claims.scispacy_tokenizer.v1")
def create_scispacy_tokenizer() -> Callable[[Language], Tokenizer]:
    """scispaCy's combined rule tokenizer (keeps P=0.008, 2.6±3.8 and IL-6 together)."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    def make(nlp: Language) -> Tokenizer:
        # scispaCy reads the default tokenizer's settings, which do not exist yet while the
        # Language is being constructed from a config: create them first.
        if not hasattr(nlp, "tokenizer"):
            nlp.tokenizer = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return combined_rule_tokenizer(nlp)

    return make
