"""Split articles into shards whose boundaries do not move when other articles change.

A shard ends after an article whose content hash hits a boundary condition (content-defined
chunking), so adding, editing or deleting one article changes only the shard that holds it.
The shard key hashes the member articles' content hashes and the pipeline fingerprint, so a
finished shard's stored rows are reused only for exactly the same input and pipeline.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pipeline.ingest.models import RawArticle


@dataclass(frozen=True)
class Shard:
    """A group of articles processed and stored together."""

    key: str
    articles: tuple[RawArticle, ...]


def plan_shards(articles: list[RawArticle], shard_size: int, fingerprint: str) -> list[Shard]:
    """Articles (in source order) grouped into content-defined shards of ~shard_size."""
    shard_size = max(1, int(shard_size))
    shards: list[Shard] = []
    current: list[RawArticle] = []
    for article in sorted(articles, key=lambda a: a.source):
        current.append(article)
        hit = int(article.sha256[:8], 16) % shard_size == 0
        if hit or len(current) >= 4 * shard_size:
            shards.append(_make_shard(current, fingerprint))
            current = []
    if current:
        shards.append(_make_shard(current, fingerprint))
    return shards


def _make_shard(articles: list[RawArticle], fingerprint: str) -> Shard:
    digest = hashlib.sha256(fingerprint.encode())
    for article in articles:
        digest.update(f"{article.source}\0{article.sha256}\0{article.external_id}\n".encode())
    return Shard(key=digest.hexdigest()[:20], articles=tuple(articles))
