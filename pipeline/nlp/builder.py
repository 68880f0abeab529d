"""Build the spaCy pipeline from the packaged config (or a user's config file)."""
from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

DEFAULT_CONFIG = "default.cfg"


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """The packaged default config, or the file at `path`, with dotted-key overrides."""
    if path is None:
        text = resources.files("pipeline.config").joinpath(DEFAULT_CONFIG).read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    config = Config().from_str(text, overrides=overrides or {})
    return config


def claims_settings(config: Config) -> dict[str, Any]:
    """The [claims] section (model, max_file_mb, shard_size) with defaults."""
    settings = {"model": None, "max_file_mb": 20, "max_chars": 1_000_000, "shard_size": 64}
    settings.update(dict(config.get("claims", {})))
    return settings


def build_nlp(config: Config | str | Path | None = None) -> Language:
    """Blank English + scispaCy tokenizer + our components, or a named model + our components."""
    _register_factories()
    if not isinstance(config, Config):
        config = load_config(config)
    settings = claims_settings(config)
    nlp_config = Config({key: value for key, value in config.items() if key != "claims"})
    if settings["model"]:
        nlp = _build_on_model(settings["model"], nlp_config)
        nlp.max_length = int(settings["max_chars"])
        return nlp
    nlp = spacy.util.load_model_from_config(
        Config({**nlp_config, "claims": dict(config["claims"])}), auto_fill=True, validate=True)
    nlp.initialize()
    nlp.max_length = int(settings["max_chars"])
    return nlp


def _build_on_model(model: str, nlp_config: Config) -> Language:
    nlp = spacy.load(model)
    components = nlp_config["components"]
    for i, name in enumerate(nlp_config["nlp"]["pipeline"]):
        settings = dict(components[name])
        factory = settings.pop("factory")
        if name == "sentences":
            nlp.add_pipe(factory, name=name, first=True, config=settings)
        else:
            nlp.add_pipe(factory, name=f"claims_{name}" if name in nlp.pipe_names else name,
                         config=settings)
    return nlp


def _quiet_known_warnings() -> None:
    # scispaCy's tokenizer regex and its abbreviation matcher warn on every load / empty doc.
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"spacy\.util")
    warnings.filterwarnings("ignore", message=r".*\[W036\]")


def _register_factories() -> None:
    _quiet_known_warnings()
    import scispacy.abbreviation  # noqa: F401  (registers "abbreviation_detector")

    import pipeline.nlp.abbreviations  # noqa: F401  (registers "claims_abbreviations")
    import pipeline.nlp.factories  # noqa: F401
    import pipeline.nlp.tokenizer  # noqa: F401
