"""Doses: amount + dose unit (+ per-unit, frequency, route, drug) of an administered agent.

A number with a dose unit (mg, g, mcg, IU, mg/kg ...) is a dose unless it is a measurement:
a concentration unit (mg/dL, mmol/L, ng/mL ...), or a mass preceded by a measured quantity word
(level, concentration, cholesterol, intake, excretion, weight loss ...). Schedules without an
amount ("six doses over two weeks") are doses with a null amount and the schedule filled in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from .lexicons import lexicons
from .patternscan import scans
from .prefilter import Guarded, MatchStarts, Prefilter
from .spans import within

_NUM = r"\d+(?:[.,]\d+)?"
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|"
                 "twenty|thirty|several|a\\s+single|single")


def _unit_alternation() -> str:
    keys = sorted(lexicons().dose_units, key=len, reverse=True)
    return "|".join(k.replace("/", r"\s*/\s*") if not any(c in k for c in "?()") else k for k in keys)


_DOSE_RE: re.Pattern | None = None
_SCHEDULE_RE = re.compile(
    rf"\b(?P<n>\d+|{_NUMBER_WORDS})\s+(?:weekly\s+|daily\s+|monthly\s+|oral\s+|intravenous\s+)?(?:doses|dose|injections|infusions|cycles|courses|administrations|treatments)"
    rf"\s+(?:over|during|within|in|across)\s+(?:a\s+period\s+of\s+)?(?:\d+|{_NUMBER_WORDS})[\s-](?:days?|weeks?|months?)\b",
    re.IGNORECASE)

_SCHEDULE_HINT = Prefilter(_SCHEDULE_RE)
_SCHEDULES = Guarded(_SCHEDULE_RE)
_DOSE_STARTS: MatchStarts | None = None


_AMOUNT_UNIT: re.Pattern | None = None


def _amount_unit() -> re.Pattern:
    """A digit, optional white space and a dose unit as a whole word: part of every dose match."""
    global _AMOUNT_UNIT
    if _AMOUNT_UNIT is None:
        _AMOUNT_UNIT = re.compile(rf"\d\s*(?:{_unit_alternation()})(?![\w])", re.IGNORECASE)
    return _AMOUNT_UNIT


def _dose_starts() -> MatchStarts:
    """The dose regex, tried only where an amount with a unit can start."""
    global _DOSE_STARTS
    if _DOSE_STARTS is None:
        _DOSE_STARTS = MatchStarts(_dose_re())
    return _DOSE_STARTS


_DIGIT = re.compile(r"\d")


def _dose_re() -> re.Pattern:
    global _DOSE_RE
    if _DOSE_RE is None:
        units = _unit_alternation()
        _DOSE_RE = re.compile(
            rf"(?<![\w.±/])(?P<a>{_NUM})(?:\s*(?:-|–|to)\s*(?P<b>{_NUM}))?\s*(?P<u>{units})(?![\w])"
            rf"(?P<per>\s*(?:/|per\s+|a\s+|every\s+|each\s+)(?:day|d|week|wk|month|dose|kg|m2|m²|h|hour|night)\b)?",
            re.IGNORECASE)
    return _DOSE_RE


_FORMULATION = Guarded(re.compile(r"\b(?:cream|ointment|gel|lotion|solution|topical(?:ly)?|formulation|applied|"
                                  r"eye\s*drops|mouthwash|rinse|foam|patch)\b", re.IGNORECASE))
_PERCENT_DOSE = re.compile(r"(?<![\w.±])(?P<a>\d+(?:\.\d+)?)\s*%(?:\s*(?:-|–|to)\s*(?P<b>\d+(?:\.\d+)?)\s*%)?")
_PER_DOSE = re.compile(r"twice|two\s+times|three\s+times|four\s+times|thrice|\bb\.?i\.?d|\bt\.?i\.?d|\bq\.?i\.?d|"
                       r"single|one-?time|for\s+\w+\s+days|consecutive", re.IGNORECASE)
_PER = {"day": "day", "d": "day", "night": "day", "week": "week", "wk": "week", "month": "month", "dose": "dose",
        "h": "hour", "hour": "hour"}
_DRUG_NEAR = re.compile(
    r"\b(?:[A-Za-z][a-z]{2,}(?:mycin|olimus|statin|formin|pril|sartan|olol|azole|mab|nib|tide|parin|cillin|"
    r"floxacin|dronate|prazole|triptan|oxetine|azepam|azolam|profen|caine|dipine|gliptin|gliflozin|glitazone|"
    r"vir|platin|taxel|rubicin|trexate|afil|setron|lukast|tadine|fen|pam|lam)|aspirin|metformin|melatonin|"
    r"caffeine|heparin|warfarin|vitamin\s+[A-K]\d?|creatine|curcumin|resveratrol|quercetin|nicotinamide|"
    r"spermidine|fisetin|ketamine|propofol|morphine|codeine(?:\s+phosphate)?|diclofenac(?:\s+sodium)?|"
    r"dexmedetomidine|midazolam|fentanyl|insulin|magnesium(?:\s+sulfate)?|zinc|iron|folic\s+acid|omega-3)\b",
    re.IGNORECASE)


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    try:
        return float(s.replace(",", "")) if s.count(",") == 1 and len(s.split(",")[1]) == 3 else float(s.replace(",", "."))
    except ValueError:
        return None


def _word_num(s: str) -> float | None:
    s = s.lower().strip()
    if s.isdigit():
        return float(s)
    if s in ("single", "a single"):
        return 1.0
    try:
        return float(text2num(s, "en"))
    except Exception:  # text2num raises ValueError on words it does not know
        return None


# used by _is_measurement()
_LEADING_PLUS_MINUS = re.compile(r"\s*±")
_TRAILING_PLUS_MINUS = re.compile(r"±\s*$")
_ENDS_WITH_DOSING_VERB = re.compile(r"\b(?:dose|doses|dosed|dosage|received|receiving|given|administered|took|taking|daily)\b(?:\s+of)?\s*$", re.I)


@lru_cache(maxsize=1)
def _measurement_prefixes() -> tuple[str, ...]:
    """The measurement units as written without optional spaces: a unit starting so is one."""
    return tuple(mu.replace(" ?", "") for mu in lexicons().measurement_units)


def _is_measurement(sent: str, rel_start: int, rel_end: int, unit_text: str, per_text: str) -> bool:
    lex = lexicons()
    after = sent[rel_end:rel_end + 12].lower().replace(" ", "")
    full_unit = (unit_text + per_text).lower().replace(" ", "")
    prefixes = _measurement_prefixes()
    if full_unit.startswith(prefixes) or (unit_text.lower() + after).startswith(prefixes):
        return True
    # "±" right before/after: a mean (SD), not a dose
    if _LEADING_PLUS_MINUS.match(sent[rel_end:]) or _TRAILING_PLUS_MINUS.search(sent[:rel_start]):
        return True
    before = sent[max(0, rel_start - 40):rel_start]
    if lex.measurement_context.search(before.split(",")[-1]) and not _ENDS_WITH_DOSING_VERB.search(before):
        return True
    return False


# used by _drug_for()
_DRUG_NAME_AFTER_DOSE_FORM = re.compile(r"\s*(?:(?:dose|doses|tablets?|capsules?)\s+)?(?:of\s+)?(?:oral\s+|topical\s+|intravenous\s+)?(?P<d>[A-Za-z][\w-]+(?:\s+(?:phosphate|sodium|hydrochloride|sulfate|acid))?)")
_DOSE_FORM_ROUTE_PREFIX = re.compile(r"\s*(?:(?:dose|doses|tablets?|capsules?)\s+)?(?:of\s+)?(?:oral\s+|topical\s+|intravenous\s+)?", re.I)


def _drug_for(sent: str, rel_start: int, rel_end: int, entities: list[dict], s_start: int) -> str | None:
    # closest CHEMICAL entity in the sentence: right after ("100 mg codeine"), else before
    chems = [e for e in within(entities, s_start, s_start + len(sent)) if e.get("label") == "CHEMICAL"
             and s_start <= e["start"] and e["end"] <= s_start + len(sent)]
    best = None
    for e in chems:
        rs, re_ = e["start"] - s_start, e["end"] - s_start
        if rs >= rel_end:
            gap = sent[rel_end:rs]
            if _DOSE_FORM_ROUTE_PREFIX.fullmatch(gap):
                dist = 0
            else:
                continue
        elif re_ <= rel_start:
            dist = rel_start - re_
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, (e.get("canonical") or sent[rs:re_]).strip())
    if best:
        return best[1]
    after = _DRUG_NAME_AFTER_DOSE_FORM.match(sent[rel_end:])
    if after and _DRUG_NEAR.fullmatch(after.group("d")):
        return after.group("d")
    cands = [m for m in _DRUG_NEAR.finditer(sent[:rel_start])]
    if cands:
        return cands[-1].group(0)
    return None


@lru_cache(maxsize=1)
def _any_frequency() -> re.Pattern | None:
    """One alternation of every frequency pattern: it matches a text where any of them does
    (None when the patterns cannot be joined)."""
    entries = lexicons().frequencies
    flags = {regex.flags for regex, _ in entries}
    if not entries or len(flags) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{regex.pattern})" for regex, _ in entries), flags.pop())
    except re.error:
        return None


def _frequency(window: str) -> tuple[str | None, str | None]:
    joined = _any_frequency()
    if joined is not None and joined.search(window) is None:
        return None, None
    best = None
    for regex, per in lexicons().frequencies:
        for m in regex.finditer(window):
            if best is None or m.start() < best[0] or (m.start() == best[0] and len(m.group(0)) > len(best[1])):
                best = (m.start(), m.group(0), per)
    if not best:
        return None, None
    return best[1], best[2]


@lru_cache(maxsize=1024)
def _route(sent: str) -> str | None:
    best = scans().routes.earliest(sent)
    return best[1] if best else None


def _drug_before(text: str, start: int, entities: list[dict]) -> str | None:
    """The drug of the previous sentence(s) (`prev_start`..`start`), for "2-6 mg once weekly"."""
    chems = [e for e in entities if e.get("label") == "CHEMICAL" and e["end"] <= start and e["start"] >= 0]
    if chems:
        e = max(chems, key=lambda x: x["end"])
        return (e.get("canonical") or text[e["start"]:e["end"]]).strip()
    found = list(_DRUG_NEAR.finditer(text))
    return found[-1].group(0) if found else None


# used by doses_of_sentence() and dosing_words()
_LEADING_PER_WORD = re.compile(r"^(?:/|per|a|every|each)\s*")
_PER_TIME_UNIT = re.compile(r"(?:/|per\s+|a\s+)?(?:day|d|week|wk|month)", re.I)
_DAILY_WEEKLY_MONTHLY = re.compile(r"(?:daily|weekly|nightly|monthly)", re.I)
_LEADING_RESULT_WORD = re.compile(r"\s*(?:of|were|was|reported|showed|patients|participants|reduction|increase|relative|"
                                  r"decrease|improvement|higher|lower|CI|confidence)", re.I)
_ENDS_WITH_AT_OF_OR_RANGE = re.compile(r"(?:\b(?:at|of|with|to)\s*$|\brange\s*(?:of\s*)?$)", re.I)
_DOSING_CONTEXT_WORD = re.compile(r"\b(?:dose|doses|dosed|dosing|received|receiving|given|administered|daily|per\s+day|/day|"
                                  r"supplement\w*|took|taking|intake\s+of|infused|injected|tablets?|capsules?)\b", re.I)
_PER_DOSING_PERIOD = re.compile(r"\s*(?:/|per\s+)(day|d|week|wk|month|dose)\b", re.I)
_REGIMEN_FREQUENCY_WORD = re.compile(r"intermittent|weekly|daily|monthly|single", re.I)
_ENDS_WITH_COMPARISON_PREPOSITION = re.compile(r"\b(?:by|to|from|than|versus|vs\.?|of|in|with|and)\s*$", re.I)
_TOPICAL_FORMULATION = re.compile(r"\b(?:cream|ointment|gel|lotion|solution)\b", re.I)


@lru_cache(maxsize=256)
def dosing_words(sent: str) -> bool:
    """The sentence has a word of dosing ("dose", "received", "daily", "tablets" ...)."""
    return _DOSING_CONTEXT_WORD.search(sent) is not None


_UNIT_KEY_RES: dict[str, re.Pattern] = {}


def _unit_key_re(key: str) -> re.Pattern:
    """A dose unit of the lexicon as a pattern (white space allowed around '/'), compiled once."""
    regex = _UNIT_KEY_RES.get(key)
    if regex is None:
        regex = _UNIT_KEY_RES[key] = re.compile(key.replace("/", r"\s*/\s*"), re.I)
    return regex


def doses_of_sentence(text: str, s_start: int, s_end: int, entities: list[dict],
                      taken: list[tuple[int, int]], prev_start: int | None = None) -> list[dict]:
    sent = text[s_start:s_end]
    if _DIGIT.search(sent) is None and not _SCHEDULE_HINT.may_match(sent):
        return []       # amounts and strengths are numbers; schedules name doses or courses
    out = []
    lex = lexicons()
    amounts = _dose_starts().finditer(sent) if _amount_unit().search(sent) else ()
    for m in amounts:
        a, b = _num(m.group("a")), _num(m.group("b"))
        if a is None:
            continue
        unit_written = m.group("u")
        per_text = m.group("per") or ""
        abs_s, abs_e = s_start + m.start(), s_start + m.end()
        if any(ts < abs_e and abs_s < te for ts, te in taken):
            continue   # a statistic or sample size, not a dose
        if _is_measurement(sent, m.start(), m.end(), unit_written, per_text):
            continue
        if unit_written in ("µM", "μM", "nM", "mM") and not _ENDS_WITH_AT_OF_OR_RANGE.search(sent[max(0, m.start() - 20):m.start()]):
            continue   # a measured concentration ("plasma nicotinamide 0.63 µM"), not an exposure
        unit_key = next((k for k in lex.dose_units if _unit_key_re(k).fullmatch(unit_written)), None)
        unit = lex.dose_units.get(unit_key, unit_written) if unit_key else unit_written
        # bare "g" / "U" / "mL" need a dosing context word nearby
        if unit in ("g", "U", "mL", "kcal", "mmol", "ng", "tablet", "capsule", "puff", "drop") and not dosing_words(sent):
            continue
        per = None
        p = per_text.strip().lower()
        if p:
            word = _LEADING_PER_WORD.sub("", p)
            if word in ("kg", "m2", "m²"):
                unit = f"{unit}/{ 'm2' if word != 'kg' else 'kg'}"
                per = None
                rest = _PER_DOSING_PERIOD.match(sent[m.end():])
                end_extra = rest.end() if rest else 0
                if rest:
                    per = _PER[rest.group(1).lower()]
                    abs_e += end_extra
            else:
                per = _PER.get(word)
        freq, fper = _frequency(sent[m.end():m.end() + 60])
        if freq is None:
            freq_b, fper_b = _frequency(sent[max(0, m.start() - 30):m.start()])
            if freq_b and _REGIMEN_FREQUENCY_WORD.search(freq_b):
                freq, fper = freq_b, fper_b
        if freq and _PER_TIME_UNIT.fullmatch(freq.strip()):
            freq = None  # already the per-unit
        if per is None and freq and _PER_DOSE.search(freq):
            per = "dose"      # "850 mg twice daily", "a single 16 mg dose", "100 mg for 3 days"
        elif per is None and fper in ("day", "week", "month", "dose"):
            per = fper
        # extend the span over a frequency that follows directly ("40 mg daily")
        if freq and _DAILY_WEEKLY_MONTHLY.fullmatch(freq):
            # a one-word frequency right after the amount is part of the span ("40 mg daily");
            # longer ones ("once weekly", "twice daily") are left to the frequency column
            k = sent.find(freq, m.end())
            if k >= 0 and k - m.end() <= 1:
                abs_e = s_start + k + len(freq)
        out.append({
            "start": abs_s, "end": abs_e,
            "drug": _drug_for(sent, m.start(), m.end(), entities, s_start),
            "amount": a, "upper": b, "unit": unit, "per": per, "frequency": freq,
            "route": _route(sent), "schedule": None,
        })
    if "%" in sent and _FORMULATION.search(sent):
        for m in _PERCENT_DOSE.finditer(sent):
            abs_s, abs_e = s_start + m.start(), s_start + m.end()
            if any(d["start"] < abs_e and abs_s < d["end"] for d in out):
                continue
            if _ENDS_WITH_COMPARISON_PREPOSITION.search(sent[:m.start()]) \
                    and not _TOPICAL_FORMULATION.search(sent[m.end():m.end() + 25]):
                continue   # "fell by 61%", "in 40% of": a statistic, not a strength
            if _LEADING_RESULT_WORD.match(sent[m.end():]):
                continue
            freq, _ = _frequency(sent[m.end():m.end() + 60])
            out.append({"start": abs_s, "end": abs_e,
                        "drug": _drug_for(sent, m.start(), m.end(), entities, s_start),
                        "amount": _num(m.group("a")), "upper": _num(m.group("b")), "unit": "%",
                        "per": None, "frequency": freq, "route": _route(sent), "schedule": None})
    for m in _SCHEDULES.finditer(sent):
        abs_s, abs_e = s_start + m.start(), s_start + m.end()
        if any(d["start"] < abs_e and abs_s < d["end"] for d in out):
            continue
        out.append({
            "start": abs_s, "end": abs_e, "drug": _drug_for(sent, m.start(), m.end(), entities, s_start),
            "amount": None, "upper": None, "unit": None, "per": None,
            "frequency": None, "route": _route(sent), "schedule": m.group(0),
            "_count": _word_num(m.group("n")),
        })
    if prev_start is not None and any(d["drug"] is None for d in out):
        prev = text[prev_start:s_start]
        prev_ents = [dict(e, start=e["start"] - prev_start, end=e["end"] - prev_start)
                     for e in within(entities, prev_start, s_start)
                     if prev_start <= e.get("start", -1) and e.get("end", 0) <= s_start]
        drug = _drug_before(prev, len(prev), prev_ents)
        if drug:
            for d in out:
                if d["drug"] is None:
                    d["drug"] = drug
                    if d["route"] is None:
                        d["route"] = _route(prev)
    first_schedule: list = []        # the sentence's first schedule, looked up when first needed
    for d in out:
        d.pop("_count", None)
        if d["schedule"] is None:
            if not first_schedule:
                first_schedule.append(_SCHEDULES.search(sent))
            sm = first_schedule[0]
            if sm:
                d["schedule"] = sm.group(0)
    return out
