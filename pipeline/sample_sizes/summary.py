"""Article-level summary of sample-size rows: participants of the primary study, studies of a review."""
from __future__ import annotations

import re

from .anchors import fold
from .gates import Gated

# higher = more likely to be the headline sample of the primary study
ROLE_PRIORITY = {
    "randomized": 5,
    "enrolled": 4,
    None: 3,
    "analyzed": 2,
    "completed": 1,
}
# each pattern with the words that every one of its matches holds
REVIEW_RE = Gated(re.compile(
    r"\b(?:meta[- ]?analys[ie]s|systematic(?:ally)?\s+review(?:ed)?|pooled\s+analys[ie]s|umbrella\s+review|"
    r"scoping\s+review|review\s+of\s+(?:the\s+)?(?:literature|\d+|[a-z]+\s+(?:studies|trials)))\b",
    re.IGNORECASE,
), ("analys", "review"))
POOLING_RE = Gated(re.compile(
    r"\b(?:meta[- ]?analys[ie]s|systematic(?:ally)?\s+review(?:ed)?|pooled|pooling|review(?:ed)?)\b", re.IGNORECASE),
    ("analys", "review", "pool"))
CASE_REPORT_RE = Gated(re.compile(r"\bcase\s+report\b|\bcase\s+study\b|^\W*(?:a|an)\s+case\s+of\b", re.IGNORECASE),
                       ("case",))
OWN_STUDY_RE = re.compile(r"\bwe\s+(?:randomi[sz]ed|randomly\s+assigned|enrolled|recruited)\b", re.IGNORECASE)
REVIEW_POOL_RE = re.compile(
    r"\b(?:meta[- ]?analys[ie]s|systematic(?:ally)?\s+review(?:ed)?|pooled|review|included|identified|"
    r"eligible|retrieved|selected|across)\b",
    re.IGNORECASE,
)


FIRST_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s|\n")
PER_GROUP_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:(?:per|in\s+each|each)\s+(?:group|arm)|each\s*[),;])", re.I)
NOT_PARTICIPANTS_RE = re.compile(r"\b(?:experiments?|replicates|assays|cultures|samples|specimens)\b", re.I)


def _first_sentence(text: str) -> str:
    head = text[:400].strip()
    m = FIRST_SENTENCE_END_RE.search(head)
    return head[:m.start()] if m else head


def _is_review(text: str, first: str | None = None) -> bool:
    """The title or first sentence (`first`) calls the article a review or meta-analysis, and
    the article does not report its own recruitment ("we randomised ...")."""
    if first is None:
        first = _first_sentence(text)
    if not REVIEW_RE.search(first):
        return False
    return not OWN_STUDY_RE.search(text)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    b_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return a + 1, b


def summarize_sample_sizes(rows: list[dict], text: str) -> dict:
    """{"sample_size_total": int|None, "n_studies": int|None} for one article.

    n_studies: the first `studies` row near review words (meta-analysis, systematic review,
    pooled, included, identified, across), else the first `studies` row of a review.
    sample_size_total:
    - null for a review (title or first sentence says review / meta-analysis and the article
      does not say "we randomised / enrolled / recruited"); 1 for a case report;
    - else the largest randomized/enrolled count (the whole study population), raised to the
      sum of the first intervention + control arm pair when that is larger and nothing is
      stated as randomized;
    - else the first count without a role; else the first arm pair's sum; else the largest
      analysed/completed count.
    Arms, subgroups, losses, exclusions, per-group counts, experiments/samples and
    participants written in the same sentence as pooled studies never count.
    """
    try:
        return _summarize(rows or [], text or "")
    except Exception:  # never raise on odd input
        return {"sample_size_total": None, "n_studies": None}


def _summarize(rows: list[dict], text: str) -> dict:
    first = _first_sentence(text)
    review = _is_review(text, first)
    n_studies = None
    studies = [r for r in rows if r.get("role") == "studies"]
    for r in studies:
        s = max(0, r["start"] - 150)
        window = text[s:r["end"] + 80]
        if REVIEW_POOL_RE.search(window):
            n_studies = int(r["n"])
            break
    if n_studies is None and review and studies:
        n_studies = int(studies[0]["n"])
    if review:
        return {"sample_size_total": None, "n_studies": n_studies}
    if CASE_REPORT_RE.search(first):
        return {"sample_size_total": 1, "n_studies": n_studies}
    pooled = [r for r in studies if POOLING_RE.search(text[max(0, r["start"] - 150):r["end"] + 80])]
    study_sentences = {_sentence_bounds(text, r["start"]) for r in pooled}
    pooled_values = set()
    cands = []
    for r in rows:
        if r.get("role") not in ROLE_PRIORITY:
            continue
        start = r["start"]
        if (study_sentences or type(start) is not int) and _sentence_bounds(text, start) in study_sentences:
            pooled_values.add(r["n"])
            continue  # participants pooled from the studies of a review
        if PER_GROUP_AFTER_RE.match(text[r["end"]:r["end"] + 60]):
            continue  # a per-group count is not a total
        if NOT_PARTICIPANTS_RE.search(r.get("population") or ""):
            continue  # not participants
        cands.append(r)
    cands = [r for r in cands if r["n"] not in pooled_values]
    total = None
    randomized = [r for r in cands if r.get("role") == "randomized"]
    enrolled = [r for r in cands if r.get("role") == "enrolled"]
    plain = [r for r in cands if r.get("role") is None]
    rest = [r for r in cands if r.get("role") in ("analyzed", "completed")]
    arms = _first_arm_pair(rows, text)
    if randomized or enrolled:
        total = max(int(r["n"]) for r in randomized + enrolled)
        if arms and arms > total and not randomized:
            total = arms
    elif plain:
        total = int(plain[0]["n"])
    elif arms:
        total = arms
    elif rest:
        total = max(int(r["n"]) for r in rest)
    return {"sample_size_total": total, "n_studies": n_studies}


def _first_arm_pair(rows: list[dict], text: str) -> int | None:
    """Sum of the arm sizes of the first sentence naming both an intervention and a control arm."""
    by_sentence: dict[tuple[int, int], list[dict]] = {}
    for r in rows:
        if r.get("role") in ("intervention_arm", "control_arm"):
            by_sentence.setdefault(_sentence_bounds(text, r["start"]), []).append(r)
    for key in sorted(by_sentence):
        arms = by_sentence[key]
        if {r["role"] for r in arms} == {"intervention_arm", "control_arm"} and len(arms) <= 4:
            return sum(int(r["n"]) for r in arms)
    return None
