"""Sentence- and article-level context of a claim: design, organism, population, tier, duration,
certainty, hedging, and a few small scanners used when upstream tables are empty."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicons import lexicons
from .patternscan import scans
from .prefilter import Guarded, Prefilter

NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                "eighteen|twenty|thirty|forty|fifty|sixty|several|a few|a")

# "over 48 weeks", "after 9 months", "for 12-16 weeks", "at day 180", "during 3 years of follow-up"
DURATION_RE = re.compile(
    r"\b(?:over|for|after|during|within|through(?:out)?|up to|across|in the first|at)\s+"
    r"(?:the\s+|a\s+period\s+of\s+|approximately\s+|about\s+|nearly\s+|first\s+|next\s+|last\s+)?"
    rf"(?:\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?|{NUMBER_WORDS})"
    r"[\s-](?:days?|weeks?|months?|years?|hours?|wk|mo|yr)s?\b"
    r"(?:\s+of\s+(?:follow-?up|treatment|therapy|supplementation|training|intervention))?"
    r"|\bat\s+(?:day|week|month|year)\s+\d+\b"
    r"|\b\d+(?:\.\d+)?[\s-](?:day|week|month|year)s?[\s-](?:follow-?up|period|course|treatment|intervention|trial|program(?:me)?)\b",
    re.IGNORECASE)

CERTAINTY_RE = re.compile(
    r"\b(high|moderate|low|very low)[- ](?:certainty|quality|grade|strength)(?: of (?:the )?evidence| evidence)?"
    r"|\b(?:certainty|quality|strength) of (?:the )?evidence (?:was|is|were|as) (?:rated |graded |judged |considered |assessed as )?"
    r"(high|moderate|low|very low)\b"
    r"|\bGRADE[: ]+(high|moderate|low|very low)\b"
    r"|\b(?:certainty|quality of (?:the )?evidence|strength of evidence|GRADE)\s*[:=]\s*(high|moderate|low|very low)\b",
    re.IGNORECASE)

# A heading's tier / evidence grade: "Longevity (Tier 3 — Probable Efficacy)", "Grade B evidence"
TIER_RE = re.compile(
    r"\b(?P<name>Tier|Level|Grade|Class)\s*(?P<num>[0-9]+[a-c]?|[IVX]+|[A-D])\b"
    r"(?:\s*(?:[—–:]|--|-)\s*(?P<label>[^()\[\]\n]+?))?\s*(?:[)\]]|$)",
    re.IGNORECASE)

METHOD_SECTION_RE = re.compile(
    r"method|material|procedure|protocol|statistic|eligib|inclusion|exclusion|recruit|"
    r"\breferences?\b|acknowledg|funding|conflict|competing|abbreviation|author|supplementa|"
    r"trial registration|ethic|consent|data availability|randomi[sz]ation|"
    r"outcome measures|measurements|sample size|blinding|"
    # a heading that is only "Interventions" or opens with "Dosing" ("Adherence to intervention",
    # "Pain freedom after dosing" report results)
    r"^(?:[\d.]+\s*)?(?:the\s+|study\s+)?interventions?$|^(?:[\d.]+\s*)?(?:dosing|dosage)\b",
    re.IGNORECASE)

POPULATION_RE = None  # compiled lazily from the lexicon


def _population_re() -> re.Pattern:
    global POPULATION_RE
    if POPULATION_RE is None:
        heads = "|".join(sorted(lexicons().population_heads, key=len, reverse=True))
        POPULATION_RE = re.compile(
            r"\b(?:in|among|of|for|from|with)\s+(?P<pop>(?:(?:the|a|an|all|both|these|those|\d+|n=\d+)\s+)?"
            r"(?:(?!(?:in|of|with|and|for|from|to|on|at|by|the)\b)[\w+'/-]+\s+){0,4}?(?:" + heads + r")"
            r"(?:\s+(?:" + heads + r"))?)\b"
            r"(?P<tail>\s+with\s+(?:[\w'-]+\s+){0,3}?[\w'-]+(?=[,.;)]|\s+(?:who|and|were|was|had|showed)))?",
            re.IGNORECASE)
    return POPULATION_RE


_LEADING_DET = re.compile(r"^(?:the|a|an|all|both|these|those|\d+|n=\d+)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _population_hint() -> Prefilter:
    """A population phrase ends in a population head noun: without one, no search."""
    return Prefilter(_population_re())


@lru_cache(maxsize=4096)
def find_population(text: str) -> str | None:
    if not _population_hint().may_match(text):
        return None
    m = _population_re().search(text)
    if not m:
        return None
    pop = m.group("pop")
    if m.group("tail"):
        pop += m.group("tail")
    pop = _LEADING_DET.sub("", pop.strip())
    return pop or None


@lru_cache(maxsize=4096)
def find_organism(text: str) -> str | None:
    """First organism named in text (species words first, then human population nouns)."""
    sc = scans()
    best = sc.species.earliest(text) or sc.human.earliest(text)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def find_design(text: str) -> str | None:
    """The most specific design cue of a text (lexicon order decides)."""
    k = scans().designs.first_index(text)
    return None if k is None else lexicons().designs[k][1]


def first_design(text: str) -> str | None:
    """The design named first in a text (for titles and abstracts: 'A case-control study of
    ... randomised trials' is a case-control study); lexicon order breaks ties."""
    best = scans().designs.earliest(text)
    return best[1] if best else None


def find_hedge(text: str) -> str | None:
    best = scans().hedges.earliest(text)
    return best[1] if best else None


def find_duration(text: str) -> str | None:
    m = DURATION_RE.search(text)
    return m.group(0) if m else None


_CERTAINTY = Guarded(CERTAINTY_RE)


def find_certainty(text: str) -> str | None:
    m = _CERTAINTY.search(text)
    if not m:
        return None
    return next(g for g in m.groups() if g).lower()


@lru_cache(maxsize=4096)
def tier_of_heading(title: str | None) -> str | None:
    """The evidence tier a heading states, name and number: 'Longevity (Tier 3 — Probable
    Efficacy)' -> 'Tier 3' (the qualifier after the dash is not kept)."""
    if not title:
        return None
    m = TIER_RE.search(title)
    if not m:
        return None
    name = m.group("name")
    # "Level"/"Class"/"Grade" only count with a worded qualifier ("Level 2 — Moderate") or in
    # brackets ("(Grade B)"), so that "Grade 3-4 adverse events" or "Class II drugs" are no tier.
    if name.lower() != "tier":
        label = m.group("label") or ""
        bracketed = title[:m.start()].rstrip().endswith(("(", "["))
        if not bracketed and not label[:1].isalpha():
            return None
    return f"{name[0].upper()}{name[1:].lower()} {m.group('num')}"


_RESULT_SECTION_RE = re.compile(r"result|finding|effect|efficacy|discussion|conclusion|outcome|summary|abstract$",
                                re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_method_section(title: str | None) -> bool:
    """Methods-like headings (no claims there); a results heading wins over a methods word."""
    return bool(title and METHOD_SECTION_RE.search(title) and not _RESULT_SECTION_RE.search(title))


# ---------------------------------------------------------------- headings fallback
_HEADING_LINE = re.compile(r"(?m)^(?:#{1,6}\s*)?(?P<t>[A-Z0-9][^\n]{1,100}?)[ \t]*$")


def detect_headings(text: str) -> list[dict]:
    """Headings when the caller gives none: short lines without final sentence punctuation."""
    out = []
    for m in _HEADING_LINE.finditer(text):
        t = m.group("t")
        if t.endswith((".", ",", ";", "?", "!", ":")) or len(t.split()) > 12:
            continue
        if m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        out.append({"start": m.start("t"), "end": m.end("t"), "title": t.strip("# ").strip()})
    return out


# ---------------------------------------------------------------- sentence fallback
_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*(?:[-*•]|\d+\.)\s)|\n")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|et al|vs|Fig|Figs|Dr|Mr|Mrs|Ms|approx|ca|No|Ref|resp|al|cf|St|Inc|Ltd|Co)\.|\b[A-Z]\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A simple regex sentence splitter (newlines and sentence-final punctuation)."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0):
            if _ABBREV.search(text[max(start, m.start() - 8):m.start()]):
                continue
        end = m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return _merge_table_cells(text, spans)


_CELL = re.compile(r"^[\s\d.,·%()\[\]±<>=≤≥/+\-–−*†‡§a-cA-C;:]*(?:ns|NS|n\.s\.|NA|Ref\.?|vs\.?)?[\s\d.,·%()\[\]±<>=≤≥/+\-–−*†‡§a-c;:]*$")


def _merge_table_cells(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join table cells printed one per line ("Pain index\n-3.31 (0.68)\n<0.05") into one row."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _CELL.match(text[a:b]) and "\n" in text[out[-1][1]:a] and b - a < 60 \
                and text[out[-1][1]:a].count("\n") == 1:
            prev = text[out[-1][0]:out[-1][1]]
            if len(prev) < 160 and not prev.rstrip().endswith((".", ":")):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


def _add(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def article_design(text: str, sentences: list[tuple[int, int]]) -> str | None:
    """Dominant design: the title/abstract (first 2,000 chars) decides, else the most cited."""
    head = first_design(text[:1500])
    if head and head not in ("animal", "in_vitro"):
        return head
    counts: Counter = Counter()
    for s, e in sentences:
        d = find_design(text[s:e])
        if d:
            counts[d] += 1
    strong = {d for d in counts if d not in ("animal", "in_vitro", "review")}
    if head and not strong:
        return head
    if len(strong) >= 3 or counts.get("review"):
        return "review"       # an article citing many kinds of studies reviews them
    return counts.most_common(1)[0][0] if counts else None
