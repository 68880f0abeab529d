"""A worker whose spaCy vocabulary has grown past MAX_VOCAB_STRINGS rebuilds its pipeline, so
memory stays bounded on any corpus size, and the rows are unchanged by the rebuilds."""
from __future__ import annotations

import pipeline.api as api
from pipeline.ingest.models import RawArticle
from tests.scale.conftest import article_text


def _shards(n_shards: int, size: int) -> list[list[RawArticle]]:
    # distinct made-up words so that every shard adds new strings to the vocabulary
    return [[RawArticle(source=f"s{s}-{k}.txt", format="txt",
                        text=article_text(s * size + k) + f" Marker{s}x{k} word{s * 97 + k}q.\n")
             for k in range(size)] for s in range(n_shards)]


def test_pipeline_is_rebuilt_when_the_vocabulary_passes_the_limit(monkeypatch):
    shards = _shards(4, 3)
    api.forget_nlp(None)
    expected = [api.process_shard(shard) for shard in shards]  # default limit: no rebuild
    assert len(api.get_nlp(None).vocab.strings) < api.MAX_VOCAB_STRINGS

    api.forget_nlp(None)
    first = api.get_nlp(None)
    monkeypatch.setattr(api, "MAX_VOCAB_STRINGS", len(first.vocab.strings) + 5)
    seen, got = [], []
    for shard in shards:
        seen.append(api.get_nlp(None))  # (kept alive, so no two can share an address)
        got.append(api.process_shard(shard))
    assert len({id(nlp) for nlp in seen}) == len(shards)  # a fresh pipeline for every shard
    assert got == expected
    api.forget_nlp(None)


def test_small_vocabulary_keeps_the_same_pipeline():
    shards = _shards(3, 2)
    nlp = api.get_nlp(None)
    for shard in shards:
        api.process_shard(shard)
        assert api.get_nlp(None) is nlp
