"""Shard planning: content-defined boundaries, sized by the work an article is."""
from __future__ import annotations

import random

from pipeline.ingest.models import RawArticle
from pipeline.shards import ARTICLE_CHARS, article_weight, iter_shards, plan_shards

SHARD_SIZE = 8


def _articles(n: int, chars: int, seed: int) -> list[RawArticle]:
    rng = random.Random(seed)
    words = ["rapamycin", "lowered", "mortality", "in", "mice", "by", "12%", "(P", "=", "0.03)."]
    out = []
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(chars // 6))
        out.append(RawArticle(source=f"a/{seed}-{i:04d}.txt", text=f"Article {i}. {body}"[:chars], format="txt"))
    return out


def test_weight_counts_typical_abstracts():
    assert article_weight(0) == 1
    assert article_weight(ARTICLE_CHARS - 1) == 1
    assert article_weight(ARTICLE_CHARS * 12 + 5) == 12


def test_every_article_lands_in_one_shard_in_order():
    articles = _articles(300, 1_500, seed=1) + _articles(40, 30_000, seed=2)
    shards = list(iter_shards(articles, SHARD_SIZE, "fp"))
    assert [a for s in shards for a in s.articles] == articles
    assert len({s.key for s in shards}) == len(shards)


def test_long_articles_make_shards_of_fewer_articles():
    short = list(iter_shards(_articles(400, 1_500, seed=3), SHARD_SIZE, "fp"))
    long = list(iter_shards(_articles(400, 30_000, seed=3), SHARD_SIZE, "fp"))
    mean_short = 400 / len(short)
    mean_long = 400 / len(long)
    assert 4 <= mean_short <= 16            # about SHARD_SIZE abstracts per shard
    assert mean_long < 2.5                  # a 30,000-character text weighs 15 abstracts
    # no shard holds more than 4 x SHARD_SIZE abstracts' worth of characters, bar its last article
    for shard in long + short:
        chars = sum(len(a.text) for a in shard.articles[:-1])
        assert chars < 4 * SHARD_SIZE * ARTICLE_CHARS
        assert len(shard.articles) <= 4 * SHARD_SIZE


def test_a_huge_article_closes_its_shard():
    articles = _articles(50, 1_500, seed=4)
    huge = RawArticle(source="a/huge.txt", text="x" * (SHARD_SIZE * ARTICLE_CHARS), format="txt")
    articles.insert(20, huge)
    shards = list(iter_shards(articles, SHARD_SIZE, "fp"))
    holding = next(s for s in shards if huge in s.articles)
    assert holding.articles[-1] is huge


def test_editing_one_article_changes_only_nearby_shards():
    articles = _articles(400, 1_500, seed=5) + _articles(60, 20_000, seed=6)
    before = plan_shards(articles, SHARD_SIZE, "fp")
    edited = list(articles)
    k = 123
    edited[k] = RawArticle(source=articles[k].source, text=articles[k].text + " Edited.", format="txt")
    after = plan_shards(edited, SHARD_SIZE, "fp")
    changed = {s.key for s in before} ^ {s.key for s in after}
    # the edited article's shard, and at most its merge with the shard after it
    assert 0 < len(changed) <= 4
    assert len(changed) < len(before) // 10
