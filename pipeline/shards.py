"""Split articles into shards whose boundaries do not move when other articles change.

A shard ends after an article whose content hash hits a boundary condition (content-defined
chunking), so adding, editing or deleting one article changes only the shard that holds it.
A long article counts as several abstracts' worth of work: the condition is met more often
after it, so shards of full texts hold fewer articles and the workers' last shards are short.
The shard key hashes the member articles' content hashes and the pipeline fingerprint, so a
finished shard's stored rows are reused only for exactly the same input and pipeline.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.ingest.models import RawArticle


@dataclass(frozen=True)
class Shard:
    """A group of articles processed and stored together."""

    key: str
    articles: tuple[RawArticle, ...]


# the length of a typical abstract with its title: the unit of work a shard counts in
ARTICLE_CHARS = 2_000


def article_weight(chars: int) -> int:
    """How many typical abstracts' worth of work an article of `chars` characters is (>= 1)."""
    return max(1, chars // ARTICLE_CHARS)


def plan_shards(articles: list[RawArticle], shard_size: int, fingerprint: str) -> list[Shard]:
    """Articles (sorted by source) grouped into content-defined shards of ~shard_size."""
    return list(iter_shards(sorted(articles, key=lambda a: a.source), shard_size, fingerprint))


def iter_shards(articles: Iterable[RawArticle], shard_size: int, fingerprint: str) -> Iterator[Shard]:
    """Content-defined shards of ~shard_size typical abstracts' worth of work, yielded as soon
    as each one is complete. A shard ends after an article whose hash meets a condition with
    probability `article_weight / shard_size`, or at 4 x shard_size articles or characters of
    4 x shard_size abstracts, whichever comes first.

    Articles are taken in the order given (`extract` reads files in sorted path order, records
    in file order), so a stream of any length is sharded without holding it in memory."""
    shard_size = max(1, int(shard_size))
    current: list[RawArticle] = []
    chars = 0
    for article in articles:
        current.append(article)
        size = len(article.text or "")
        chars += size
        hit = int(article.sha256[:8], 16) % shard_size < article_weight(size)
        if hit or len(current) >= 4 * shard_size or chars >= 4 * shard_size * ARTICLE_CHARS:
            yield _make_shard(current, fingerprint)
            current, chars = [], 0
    if current:
        yield _make_shard(current, fingerprint)


def _make_shard(articles: list[RawArticle], fingerprint: str) -> Shard:
    digest = hashlib.sha256(fingerprint.encode())
    for article in articles:
        digest.update(f"{article.source}\0{article.sha256}\0{article.external_id}\n".encode())
    return Shard(key=digest.hexdigest()[:20], articles=tuple(articles))
