"""Rule-based reading of sample sizes (counts of study units) and their roles.

Every count found by `numbers.iter_numbers` is a candidate. A candidate becomes a row when its
context says it counts study units:
- an explicit `n = 36` / `N=1,204` / `(n = 9-10)`;
- a counted noun after it (`218 adults`, `724 postmenopausal HR+ breast cancer patients`,
  `19 studies`), modifiers and parentheticals allowed in between;
- a bare count with a flow verb (`201 (92.2%) completed`, `17 withdrew`), after `a total of`,
  as the denominator of `29 of 109`, in a subgroup (`including 9 with ...`) or as an arm count
  (`or observation (12)`, `64 to placebo`).
Doses, durations, ages, years, percentages, reference markers and counts followed by an
outcome-event noun (`9 complete responses`) never become rows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain, islice
from operator import itemgetter, lt

from .anchors import ENDING_CHARS, EndAnchored, EndAnchoredSet, fold, fold_tail, literal_prefix
from .gates import Gated
from .index import WordIndex, build_indexes, trie_pattern
from .lexicon import Lexicon, LexiconError, load_lexicon
from .numbers import Number, iter_numbers

MAX_COUNT = 10 ** 10  # larger "counts" are identifiers, phone numbers or digit runs
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
STOP = frozenset("""
of in at on for to from with without by per and or nor vs vs. versus than were was is are be been
being had have has who which that whom whose the a an these those this each every all both after before
during between among into over under within received receiving receive underwent undergoing
did do does not no as if when while whereas where there their our its his her they we it he she
completed withdrew discontinued died took will would could should may might can must also only
respectively aged age ages mean median range about approximately nearly almost more less fewer
therefore however thus moreover furthermore hence although overall finally
""".split())
AUX = (
    r"(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|had|having\s+been|having|being|been|will\s+be|all|then|"
    r"subsequently|successfully|eventually|finally|initially|ultimately|also|further|later|"
    r"consecutively|prospectively|retrospectively|randomly|actually|ultimately|each)\s+){0,3}"
)
# the blanks and comma before a cue are read once (atomic): a cue, a relative pronoun and an
# auxiliary all start with a letter, so no shorter reading of them can lead to a match
REL = r"(?>(?:\s*,)?\s*)(?:who\s+|that\s+|of\s+whom\s+|which\s+)?"
PCT_PAREN = r"\(\s*[<>≤≥~]?\s*\d+(?:[.,·]\d+)?\s*%[^()]{0,30}\)"
PCT_PAREN_BACKWARDS = r"\)[^()]{0,30}%\s*(?:\d+[.,·])?\d+\s*[<>≤≥~]?\s*\("  # PCT_PAREN read from its end
TOTAL_CUE_RE = EndAnchored(
    r"(?:\ba\s+total\s+of|\btotal\s+of|\bin\s+total\s*,?|\bin\s+all\s*,?|\boverall\s*,?|\baltogether\s*,?|"
    r"\bsample\s+(?:size\s+)?of|\btotal\s+sample\s+of|\btotal\s+n\s+of|\bcohort\s+of|\bgroup\s+of|"
    r"\bseries\s+of|\bpopulation\s+of|\bdata\s+(?:from|on|of)|\bcomprised|\bcomprising|\bconsisted\s+of|"
    r"\bconsisting\s+of|\binvolved|\binvolving|\bincluding\s+data\s+from)\s*$",
    re.IGNORECASE,
)
# every match of SUBGROUP_RE holds one of these words
SUBGROUP_WORDS = ("including", "subgroup", "subset", "subsample", "whom", "these", "them", "which", "those")
SUBGROUP_RE = re.compile(
    r"(?:(?:[,(]|\d[^.;]{0,40})\s*including|\b(?:subgroup|subset|subsample)\s+of|\bof\s+whom|\bof\s+these(?:\s+\w+)?|\bof\s+them|\bof\s+which|\bamong\s+them|"
    r"\bamong\s+these(?:\s+\w+)?|\bamong\s+whom|\bof\s+those(?:\s+\w+)?)\s*,?\s*$",
    re.IGNORECASE,
)
# SUBGROUP_RE read from the end: matches the reversed text at its start when SUBGROUP_RE matches the text
SUBGROUP_END_RE = re.compile(
    r"\s*,?\s*(?:%s\s*(?:[,(]|[^.;]{0,40}\d)|%s\s+(?:%s|%s|%s)\b|%s\s+%s\b|(?:\w+\s+)?%s\s+%s\b|%s\s+%s\b|"
    r"%s\s+%s\b|%s\s+%s\b|(?:\w+\s+)?%s\s+%s\b|%s\s+%s\b|(?:\w+\s+)?%s\s+%s\b)" % tuple(w[::-1] for w in (
        "including", "of", "subgroup", "subset", "subsample", "whom", "of", "these", "of", "them", "of",
        "which", "of", "them", "among", "these", "among", "whom", "among", "those", "of")),
    re.IGNORECASE,
)
EXPLICIT_RE = EndAnchored(r"(?:^|[^\w])[nN]\s*(?:=|:|＝)\s*$")
EXPLICIT_SIGNS = frozenset("=:＝")
REF_BEFORE_RE = EndAnchored(r"\[\s*(?:\d+\s*[,–\-]\s*)*$")
REF_AFTER_RE = re.compile(r"^\s*(?:[,–\-]\s*\d+\s*)*\]")
RANGE_TAIL_RE = EndAnchored(r"\d\s*(?:[-–—]|to)\s*$")
DENOM_BEFORE_RE = EndAnchored(
    r"(?:\d|\b[a-z]+)\s*(?:" + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
    r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?$",
    re.IGNORECASE,
    backwards=r"(?:\s+(?:%s))?(?:\s+(?:%s))?\s+(?:fo|fo\s+tuo)(?:\s*" % (
        "|".join(w[::-1] for w in ("planned", "initial", "original", "remaining", "eligible", "first", "last")),
        "|".join(w[::-1] for w in ("the", "all", "these", "those"))) + PCT_PAREN_BACKWARDS + r")?\s*(?:\d|[a-z]+\b)",
)
SLASH_BEFORE_RE = EndAnchored(r"\d\s*/\s*$")
PER_GROUP_RE = re.compile(
    r"^\s*(?:(?:per|in\s+each|each|for\s+each|in\s+both|in\s+every)\s+(?:treatment\s+|study\s+)?"
    r"(?:group|arm|condition|cohort|strain|genotype|sex|dose)|each\s*(?=[),;]))",
    re.IGNORECASE,
)
RANDOM_CONTEXT_RE = re.compile(
    r"randomi[sz]|randomly|assign|allocat|\bversus\b|\bvs\b|compared|\beither\b",
    re.IGNORECASE,
)
# every match of RANDOM_CONTEXT_RE holds one of these words
RANDOM_CONTEXT = Gated(RANDOM_CONTEXT_RE, ("random", "assign", "allocat", "versus", "vs", "compared", "either"))
# one word boundary before the words (a word ending at a boundary matches at most one of them)
ARM_SPLIT_RE = re.compile(
    r"[;,:(\[]|\b(?:(?:or|and|versus|either|to|into|receive|received|receiving|with|compared|whereas|while|"
    r"assigned|allocated|randomi[sz]ed)\b|vs\.?)",
    re.IGNORECASE,
)
NUMWORD = (r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
           r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
           r"hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred))*)")
OTHER_COUNT_RE = re.compile(
    r"(?:\band\b|,|;|\bwhile\b|\bwhereas\b)\s+" + NUMWORD + r"\s+(?:\([^()]{0,60}\)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:to|into|in\s+the|received|"
    r"(?:were|was)\s+(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+to)\b",
    re.IGNORECASE,
)
IN_GROUP_RE = re.compile(
    r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:(?:were|was|are|is)\s+)?(?:in|into|within|on|for)\s+"
    r"(?:the\s+|a\s+|an\s+)?([^,;()\[\]]{0,60})",
    re.IGNORECASE,
)
TO_ARM_RE = re.compile(
    r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:(?:were|was|had\s+been|have\s+been|then|subsequently|randomly|successfully|"
    r"further)\s+)*(randomi[sz]ed|assigned|allocated|randomly\s+assigned)?\s*,?\s*(?:to|into)\s+"
    r"(?:receive\s+|undergo\s+|the\s+|a\s+|an\s+|either\s+)*([^;()\[\]]{0,80})",
    re.IGNORECASE,
)
POSTMOD_RE = re.compile(
    r"\s+(with|without|taking|receiving|carrying|undergoing|treated\s+with|on|in\s+the|in\s+whom|who\s+had|"
    r"who\s+were|using)\s+([^,;:()\[\]]{1,120})",
    re.IGNORECASE,
)
POSTMOD_STOP = frozenset("""
were was is are had have has who whose which that between during from since at by for in after before over to
vs vs. versus compared reported showed developed died completed withdrew discontinued received underwent
whereas while but than per each respectively according because
""".split())
PP_RE = re.compile(
    r"^\s*(?:with|without|from|at|in|on|aged|having|who|whose|that|taking|receiving)\s+(?:[\w/+\-–.'’≥≤<>]+\s+){0,14}?"
    r"(?=(?:were|was|had\s+been|have\s+been|are)\s)",
    re.IGNORECASE,
)
# every match of LIST_TAIL_RE holds one of these
LIST_TAIL_WORDS = ("day", "week", "month", "year", "cycle", "dose", "grade", "stage", "level", "visit", "session",
                   "phase")
LIST_TAIL_RE = EndAnchored(r"\b(?:days?|weeks?|months?|years?|cycles?|doses?|grades?|stages?|levels?|visits?|"
                          r"sessions?|phases?)\s+\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or|to|through|,)\s*$", re.IGNORECASE)
UNIT_RANGE_AFTER_RE = re.compile(r"^\s*(?:to|[-–—])\s*\d+(?:[.,]\d+)?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|"
                                 r"mg|kg|cm|mm|%)(?![\w])", re.IGNORECASE)
ABBR_SUBJECT_RE = re.compile(r"^\s*((?:[a-z][a-z\-]+,?\s+){0,4})([A-Z]{2,6}s?)(?:\s*\([^()]{0,80}\))?\s+"
                             r"(?=(?:were|was|had\s+been|have\s+been)\s)")
PARTICIPLE_ARM_RE = re.compile(
    r"^\s*(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+(?:(?i:to)\s+(?:receive\s+|the\s+|a\s+|an\s+)*"
    r"(?!(?:either|one|two|three|four|both|treatment|study)\b)(?=[A-Za-z])|(?=[A-Z]))([^,;()]{1,60})")
ASSIGNED_COUNT_RE = re.compile(NUMWORD + r"\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was)\s+)?(?:randomly\s+)?"
                               r"(?:randomi[sz]ed|assigned|allocated)\b", re.IGNORECASE)
PREV_ASSIGNED_RE = EndAnchored(
    NUMWORD + r"\s+(?:\([^()]{0,60}\)\s+)?(?:[\w-]+\s+){0,3}?(?:were|was)\s+(?:randomly\s+)?(?:randomi[sz]ed|assigned|"
    r"allocated)\s+to\s+[^,;.]{1,80}?(?:,\s*and|,|\band|\bwhile|\bwhereas)\s*$", re.IGNORECASE)
TREATED_AFTER_RE = re.compile(
    r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:\([^()]{0,80}\)\s*)?(?:were\s+(?:actually\s+)?treated\b|"
    r"received\s+(?:at\s+least\s+one\s+dose|(?:the\s+)?(?:study|protocol|allocated|assigned)\s+(?:drug|treatment|"
    r"therapy|medication)))", re.IGNORECASE)
OF_ANAPHOR_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?of\s+(?:whom|them|these|those)(?:\s+(?!were\b|was\b)[a-z]+){0,2}"
                           r"\s*(?:\([^()]{0,80}\)\s*)?(?=\s)", re.IGNORECASE)
OF_INTRO_RE = EndAnchored(r"(?:^|[.;:]\s*)(?:of|among|from)\s+(?:the\s+|all\s+|these\s+|those\s+)?$", re.IGNORECASE)
# words between a cue and the count it names: "we randomized a total of 40 adults"; no filler ends
# with another one
CUE_FILLERS = ("a total of", "in total", "only", "approximately", "about", "nearly", "almost", "over", "more than",
               "all", "the", "some", "a further", "another", "an additional", "data from", "data on", "data of",
               "samples from", "altogether", "overall", "a sample of")
FILLER_ENDINGS = tuple(f[-ENDING_CHARS:] for f in CUE_FILLERS)
SUBJECT_START_RE = EndAnchored(
    r"(?:^|[.;:]|,)\s*(?:(?:a\s+total\s+of|in\s+total\s*,?|overall\s*,?|altogether\s*,?|only|all|then|finally|"
    r"the|thus|therefore|subsequently)\s+)*$", re.IGNORECASE)
FINITE_VERB_RE = re.compile(
    r"(?<![\w-])(?:were|was|are|is|had|have|has|received|underwent|participated|took|entered|completed|agreed|"
    r"consented|did|showed|experienced|developed|died|reported|achieved|started|remained)(?![\w-])", re.IGNORECASE)
BOUND_BEFORE_RE = EndAnchored(
    r"\b(?:fewer|less|more|greater|larger|smaller)\s+than\s+$|\b(?:up\s+to|at\s+least|at\s+most|as\s+many\s+as|"
    r"as\s+few\s+as|over|under|below|above|exceeding)\s+$",
    re.IGNORECASE,
)
# every match of TRIAL_IN_RE holds one of these
TRIAL_WORDS = ("trial", "study", "rct", "pilot", "experiment", "investigation", "series")
TRIAL_IN_RE = EndAnchored(
    r"\b(?:trial|study|RCT|pilot|experiment|investigation|series)\b[^.;:]{0,90}?\b(?:in|of|among|with|on|involving|"
    r"including|recruiting|enrolling|in\s+which|where(?:by)?)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
SUBGROUP_HEAD_RE = re.compile(r"\b(?:subgroup|subset|sensitivity\s+analys[ie]s|restricted\s+to|strat(?:um|a)|"
                              r"subsample|sub-?study)\b", re.IGNORECASE)
N_OR_RE = re.compile(r"[nN]\s*=\s*[\d,]+\s*\)\s*,?\s*(?:or|versus|vs\.?)\s", re.IGNORECASE)
DENOM_ARM_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:(?:\s*[,;]\s*[^()]{0,20})?\)\s*(?:for|with|in)\s+(?:the\s+)?|"
                          r"(?:on|receiving|taking|given|treated\s+with|in\s+the|"
                          r"assigned\s+to|allocated\s+to|randomi[sz]ed\s+to)\s+)([^,;()]{1,60})", re.IGNORECASE)
RECEIVED_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:received|were\s+given|were\s+treated\s+(?:with|by)|took|"
                         r"started\s+(?:with|on)|were\s+started\s+on|"
                         r"were\s+assigned|underwent)\s+([^;,()]{0,60})", re.IGNORECASE)
AGE_BEFORE_RE = EndAnchored(r"\bage[sd]?\s+(?:of\s+|was\s+|were\s+|is\s+|range\s+|between\s+|=\s*|:\s*)?$", re.IGNORECASE)
EXPLICIT_ANY_RE = re.compile(r"(?<![\w])[nN]\s*(?:=|:)\s*\d")
LABEL_SPLIT_RE = re.compile(r"[;()\[\]]|\bor\b|\band\b|\bversus\b|\bvs\.?|\beither\b|\bto\b|\bwith\b|\breceive\b|"
                            r"\breceived\b|\breceiving\b", re.IGNORECASE)
OUTCOME_BEFORE_RE = EndAnchored(
    r"\b(?:observed|seen|occurred|occurring|reported|found|detected|noted|documented|recorded|diagnosed|"
    r"identified|developed|experienced|present|achieved|died)\s+(?:only\s+)?(?:in|among|by)\s+"
    r"(?:only\s+|a\s+total\s+of\s+|the\s+remaining\s+)?$",
    re.IGNORECASE,
)
FLOW_LATER_RE = re.compile(
    r"\b(?:were\s+|was\s+)?(?:lost\s+to\s+follow[- ]?up|withdrew|withdrawn|dropped\s+out|discontinued|"
    r"excluded|completed|analy[sz]ed)\b", re.IGNORECASE)
SUBGROUP_INTRO_RE = re.compile(
    r"^\W*(?:among|in)\s+(?!(?:the|this|our|a|an)\s+(?:whole|overall|total|entire|full)\b)"
    r"(?![^,]*\b(?:trial|study|pilot|series|cohort|analysis|experiment|sample|group|arm)s?\b)(?!\d)[^,]{3,60},",
    re.IGNORECASE)
PLANNED_RE = re.compile(r"\b(?:is|are|was|were)\s+planned\b|\bwill\s+(?:be\s+)?(?:enrol|recruit|randomi|include|"
                        r"involve|assign|allocate)|\b(?:target(?:ed)?|planned|anticipated)\s+(?:sample|accrual|"
                        r"enrol?lment)|\bplan(?:s|ned)?\s+to\s+(?:enrol|recruit|randomi|include)", re.IGNORECASE)
# every match of PLANNED_RE holds one of these words
PLANNED = Gated(PLANNED_RE, ("plan", "will", "target", "anticipated"))
# a sample still to be studied: "we plan a 3-year study in 600 adults", "a future trial of 2,000 adults"
# every match of PLANNED_BEFORE_RE holds one of these
PLANNED_WORDS = ("plan", "intend", "propos", "will", "shall", "future", "upcoming", "forthcoming", "hypothetical")
PLANNED_BEFORE_RE = re.compile(
    r"(?:\b(?:plan|plans|planning|intend|intends|propose|proposes|will|shall)\b|\b(?:planned|proposed|future|upcoming|"
    r"forthcoming|hypothetical)\s+(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|RCTs?|cohorts?|samples?)\b)[^.;:]*$",
    re.IGNORECASE)
RANDOMISED_BEFORE_RE = re.compile(r"\brandomi[sz](?:ed|ation)\b|\brandomly\s+(?:assigned|allocated|divided|split)\b|"
                                  r"\b(?:assigned|allocated)\s+(?:to|into|between)\b", re.IGNORECASE)
# an appositive age, weight or duration after a counted noun: "40 rats, 8 weeks old, were ..."
APPOSITIVE_RE = re.compile(
    r",\s*(?:(?:aged|age|weighing|weight|approximately|about|mean|median|all)\s+)*\d+(?:[.,]\d+)?"
    r"(?:\s*(?:[-–]|to)\s*\d+(?:[.,]\d+)?)?(?:\s*(?:±|\+/-)\s*\d+(?:[.,]\d+)?)?\s*-?\s*"
    r"(?:weeks?|wk|months?|mo|years?|yrs?|days?|g|kg)(?:[\s-]+old|\s+of\s+age)?\s*,", re.IGNORECASE)
# the analysis set named before its size: "the per-protocol population comprised 218 completers",
# "the final analysis included 87 adults", "ITT set: 402"
ANALYSIS_SET_BEFORE_RE = EndAnchored(
    r"(?:\b(?:per[- ]protocol|intention[- ]to[- ]treat|ITT|mITT|PP|full[- ]analysis|analy[sz]ed|analysis|evaluable|"
    r"efficacy|safety)\s+(?:population|set|sample|cohort)|\b(?:(?:final|primary|main|efficacy|per[- ]protocol|"
    r"intention[- ]to[- ]treat|ITT|mITT)\s+)?analys[ie]s)"
    r"\s*(?:comprised|consisted\s+of|included|involved|contained|numbered|totall?ed|was\s+based\s+on|"
    r"(?:was|were)(?!\s+(?:restricted|limited))|of|:|=)\s*(?:a\s+total\s+of\s+|all\s+|the\s+|only\s+)?$", re.IGNORECASE)
# a subset named by age after its count: "older than 75", "aged 70 years or older", "over 80 years"
AGE_SUBSET_RE = re.compile(r"^\s*(?:(?:who\s+were|that\s+were)\s+)?(?:older|younger)\s+than\b|"
                           r"^\s*(?:(?:who\s+were)\s+)?(?:aged\s+)?(?:[≥>≤<]|(?:over|under)\s+\d)", re.IGNORECASE)
# "completed online screening", "assessed for eligibility": the count screened, not a study flow
SCREENING_TAIL = (
    r"\s+(?:(?:the|an?|their|online|web|web-based|initial|telephone|phone|baseline|eligibility|in-person|"
    r"clinical|medical|formal|first|full|pre-?randomi[sz]ation|pre-?enrol?lment|study)\s+){0,3}(?:screening|screen)\b|"
    r"\s+(?:for|as\s+to)\s+(?:(?:their|study|trial|potential)\s+)?(?:eligibility|inclusion|entry|enrol?lment|"
    r"participation|recruitment)\b")
SCREENING_RE = re.compile(SCREENING_TAIL, re.IGNORECASE)
SCREENING_AFTER_RE = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:" + SCREENING_TAIL.replace("\\s+", "\\s*", 1)
                                + r")", re.IGNORECASE)
SCREENED_AFTER_RE = re.compile(r"^\s*,?\s*(?:(?:who|that)\s+(?:were\s+|had\s+(?:been\s+)?)?)?(?:(?:screened|approached|"
                               r"invited|contacted)\b|[a-z]+(?:" + SCREENING_TAIL + r"))", re.IGNORECASE)
IN_THE_RE = EndAnchored(r"\b(?:in|among|for)\s+(?:the|those|these)\s+$", re.IGNORECASE)
TOKEN_RE = re.compile(r"\s*(\([^()]{0,80}\)|\[[^\[\]]{0,40}\]|[^\s,;:()\[\]]+)")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.\-]*$")
PREV_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[\s\-–]*$")
CRUDE_SENT_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•#])")


PHRASE_CUT_RE = re.compile(r"\s(?:and|while|whereas|but)\s|,|\s\d")


def _drop_start(rx: re.Pattern, s: str, by: str = "") -> str:
    """`rx.sub(by, s)` for a pattern anchored at the start (`^`), without scanning the rest."""
    m = rx.match(s)
    return by + s[m.end():] if m else s


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether `low` holds one of `words` (a loop: quicker than `any` over a generator)."""
    for w in words:
        if w in low:
            return True
    return False


def _blanks(m: re.Match) -> str:
    return " " * len(m.group(0))


def _cut_phrase(phrase: str) -> str:
    m = PHRASE_CUT_RE.search(phrase)
    return phrase[:m.start()] if m else phrase


_PREV_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _prev_word(before: str) -> str:
    """Group 1 of `PREV_WORD_RE.search(before)` in lower case, "" without a match: the letters
    and dots before the trailing blanks and dashes, from the first letter on."""
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] in "-–"):
        end -= 1
    start = end
    while start and before[start - 1] in _PREV_WORD_CHARS:
        start -= 1
    while start < end and before[start] == ".":
        start += 1
    return before[start:end].lower()


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _prev_modifier(s: str) -> str | None:
    """Group 1 of `PREV_MODIFIER_RE.search(s)`, None without a match: the run of word characters,
    hyphens, slashes, `−` and `Δ` before the blanks that end `s`, from its first ASCII letter on."""
    end = len(s.rstrip())
    if end == len(s):
        return None  # no blank at the end
    start = end
    while start and (s[start - 1].isalnum() or s[start - 1] in "_-/−Δ"):
        start -= 1
    for k in range(start, end):
        if s[k] in _ASCII_LETTERS:
            return s[k:end]
    return None


def crude_sentences(text: str) -> list[tuple[int, int]]:
    """Split on sentence-final punctuation followed by a capital or digit, and on blank lines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in CRUDE_SENT_RE.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


SITE_NOUNS = frozenset("sites site centres centers centre center hospitals institutions clinics countries "
                       "practices".split())
ON_ARM_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:on|receiving|taking|given)\s+(?:the\s+)?([A-Za-z][^,;()]{0,40}?)"
                       r"\s*(?=\b(?:versus|vs\.?|and|or|compared)\b|[,;)]|$)", re.IGNORECASE)
GROUP_LABEL_RE = re.compile(r"^\s*\(\s*((?:the\s+)?(?:(?:group|arm)\s+[A-Z0-9]{1,3}|(?!(?:per|each|every|age|study|"
                            r"treatment|both)\b)[A-Za-z][\w+\-/]*(?:\s+(?!(?:per|each)\b)[A-Za-z][\w+\-/]*)?\s+(?:group|arm)))"
                            r"\s*\)", re.IGNORECASE)
ARM_NAMED_BEFORE_RE = EndAnchored(
    r"(?:^|[.;:,]\s*|\b(?:the|a|an)\s+)((?:[\w+\-/]+\s+){1,3}?(?:group|arm))\s+(?:comprised|consisted\s+of|included|"
    r"was\s+composed\s+of|contained|numbered|enrolled|recruited)\s+(?:a\s+total\s+of\s+|only\s+)?$", re.IGNORECASE)
ON_ITEM_RE = re.compile(NUMWORD + r"\s+(?:" + PCT_PAREN + r"\s*)?(?:[A-Za-z-]+\s+)?(?:on|receiving|taking|given)\s+"
                        r"(?:the\s+)?[A-Za-z]",
                        re.IGNORECASE)


# ---------------------------------------------------------------- patterns of the rules below
NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
PCT_PAREN_RE = re.compile(PCT_PAREN)
PCT_PAREN_START_RE = re.compile(r"^\s*" + PCT_PAREN)
PAREN_START_RE = re.compile(r"^\s*\([^()]{0,60}\)")
PAREN80_START_RE = re.compile(r"^\s*\([^()]{0,80}\)")
APPOSITIVE_START_RE = re.compile(r"^\s*" + APPOSITIVE_RE.pattern, re.IGNORECASE)
BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
BRACKETED_RE = re.compile(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]")
NONBLANK_RE = re.compile(r"\S+")
LETTER_RE = re.compile(r"[A-Za-z]")
LOWER_WORD_RE = re.compile(r"[a-z]+")
WORD_TOKEN_RE = re.compile(r"[A-Za-z][\w-]*")
ARM_WORD_RE = re.compile(r"[A-Za-z][\w+\-]*")
# noun phrases
COMMA_BEFORE_WORD_RE = re.compile(r",\s*(?=[A-Za-z])")
CASE_OF_RE = re.compile(r"\s*(?:of|with|per|in\s+which)\b", re.IGNORECASE)
NUMBER_RANGE_TOKEN_RE = re.compile(r"(?:\d+|[IVX]+)[-–](?:\d+|[IVX]+)[A-Za-z]?")
NEXT_COUNT_RE = re.compile(r"\s*(?:\d|%s\b)" % NUMWORD, re.IGNORECASE)
PREV_MODIFIER_RE = re.compile(r"([A-Za-z][\w\-/−Δ]*)\s+$")
CAPITALISED_RE = re.compile(r"[A-Z][a-z]+$")
# the blank-delimited post-modifier word that every match of population_before_re holds
POSTMOD_WORD_RE = re.compile(r"\s(?:with|without|taking|receiving|carrying|undergoing|aged|over|under)\s", re.IGNORECASE)
POPULATION_NP_RE = re.compile(r"((?:[A-Za-z][\w+\-]*\s+){0,4}?)([A-Za-z][\w\-]*)\s*$")
# characters that a match of POPULATION_NP_RE never holds
POPULATION_NP_STOP_RE = re.compile(r"[\w+\-\s]*")
# read on the reversed text: the blanks ending a text and its last five runs of non-blanks (a match of
# POPULATION_NP_RE is at most five words, each a whole run but the first)
LAST_FIVE_RUNS_RE = re.compile(r"\s*(?:\S+\s+){0,4}\S+")
# clauses
CLAUSE_END_RE = re.compile(r"[;:]|(?<!\d),\s*(?:and\s+|while\s+|whereas\s+)?(?=" + NUMWORD + r"\b)|\s(?:and|or|but)\s+(?="
                           + NUMWORD + r"\b)|\.\s", re.IGNORECASE)
RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|that|which|whom|whose)\s+(?:\w+\s+)?$", re.IGNORECASE)
SECOND_PREDICATE_RE = re.compile(r"^\s*(?:(?:were|was|had\s+been)\s+)?([a-z]+)\b[^,;:.()\[\]]{0,60}?\s+and\s+(?=(?:were|was|"
                                 r"then|subsequently|later)\b)", re.IGNORECASE)
COORDINATED_COUNT_RE = re.compile(r"\s*(?:,\s*)?(?:and|or|plus)\s+" + NUMWORD + r"\b", re.IGNORECASE)
# labelled lists in a parenthesis
LIST_TOTAL_RE = re.compile(r"\s*[nN]\s*[=:]\s*[\d,]+\s*;\s*")
COUNTED_WORD_RE = re.compile(NUMWORD + r"\s+([A-Za-z][\w-]*)", re.IGNORECASE)
SEMICOLON_ITEMS_RE = re.compile(r"\s*;\s*(?=\S)")
COMMA_ITEMS_RE = re.compile(r"\s*,\s*(?=\S)")
LABEL_FIRST_RE = re.compile(r"[A-Za-z][^\d;()]{0,40}?\s*[:=,]?\s*\d[\d,]*")
LABEL_LAST_RE = re.compile(r"\d[\d,]*\s*[:=,]?\s*[A-Za-z][^\d;()]{0,40}")
N_EQUALS_RE = re.compile(r"\b[nN]\s*=")
COUNT_CHARS_RE = re.compile(r"[\d,:=]+")
NOT_ARM_LABEL_RE = re.compile(r"\b(?:years?|months?|weeks?|days?|mg|kg|cm|age[sd]?|cycles?|grade|stage)\b", re.IGNORECASE)
LABELLED_INNER_RE = re.compile(r"[^()\d]{1,50},\s*")
GROUP_LABEL_END_RE = re.compile(r"\b(?:group|arm)\s*[A-Z0-9]?\s*:?$", re.IGNORECASE)
LIST_SEP_END_RE = re.compile(r"(?:[,;]|\band)\s*$")
ITEM_SPLIT_RE = re.compile(r"[,;]|\band\b")
GENERIC_NOUN_END_RE = re.compile(r"\s*\b(?:patients|participants|women|men|subjects|cases|controls)\s*$")
ITEM_LABEL_RE = re.compile(r"\s+[A-Za-z][\w+\-/.]*(?:\s+[A-Za-z][\w+\-/.]*){0,4}\s*")
OTHER_ITEMS_RE = re.compile(r"(?:^|[,;(]|\band)\s*" + NUMWORD + r"\s+[A-Za-z]")
DIGIT_END_RE = re.compile(r"\d\s*$")
# arms
PAREN_OPEN_RE = EndAnchored(r"\(\s*(?:[nN]\s*(?:=|:)\s*)?$")
N_PAREN_OPEN_RE = EndAnchored(r"\(\s*(?:[nN]\s*=\s*)?$")
LIST_JOIN_BEFORE_RE = EndAnchored(r"(?:\band|,|;|:|\bwhile|\bwhereas)\s*$")
NUMBERED_GROUP_END_RE = re.compile(r"\b(?:group|arm|cohort)\s*\d{1,2}$", re.IGNORECASE)
GROUP_COUNT_RE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|\d+)\s+(?:[\w-]+\s+){0,2}(?:groups|arms)\b",
                            re.IGNORECASE)
RISK_GROUP_RE = re.compile(r"(?:age|weight|bmi|risk)\s+groups?", re.IGNORECASE)
CONTROLLED_RE = re.compile(r"controlled", re.IGNORECASE)
CONTROLLED_WORD_RE = re.compile(r"[\w-]*controlled")
LISTED_ARM_RE = re.compile(r"\(\s*(?:[nN]\s*=\s*)?\d[\d,]*(?:\s+[a-z]+)?\s*\)\s*,?\s*(?:and\s+)?[^()]{1,60}$")
ASSIGNMENT_RE = re.compile(r"randomi|assign|allocat", re.IGNORECASE)
TREATED_WITH_END_RE = re.compile(r"\b(?:treat(?:ed|ment)|therapy|receive[ds]?)\s+with\s*$", re.IGNORECASE)
ON_ARM_EXCLUDE_RE = re.compile(r"\b(?:both|either|all|each|average|day|days|week|weeks)\b", re.IGNORECASE)
IN_GROUP_EXCLUDE_RE = re.compile(r"randomi|assign|allocat|receiv|treated|\b(?:both|each|two|three|all|groups|arms|age|"
                                 r"weight|risk|dose)\b", re.IGNORECASE)
TO_ARM_EXCLUDE_RE = re.compile(r"\b(?:or|either|one\s+of|two|three|four|both|groups|arms|versus|vs|each|study|trial|"
                               r"analysis|date|day|week|month|year)\b|/|\+/-", re.IGNORECASE)
EITHER_RE = re.compile(r"\beither\b", re.IGNORECASE)
NEXT_ASSIGNED_RE = re.compile(r"[^()]*?(?:,|;|\band\b)\s*(?:[nN]\s*=\s*)?" + NUMWORD + r"\s+(?:[\w-]+\s+)?(?:to|into)\s+"
                              r"[A-Za-z][^()]*\)", re.IGNORECASE)
NAMED_ARM_EXCLUDE_RE = re.compile(r"\b(?:age|weight|bmi|risk|both|each|all|every|two|three|four|per|"
                                  r"these|those|which)\b", re.IGNORECASE)
LABEL_EXCLUDE_RE = re.compile(r"\b(?:age|weight|bmi|risk|both|each|all|two|three)\b", re.IGNORECASE)
ALTERNATIVES_RE = re.compile(r"\b(?:or|versus|vs|groups|arms|both|one\s+of|either)\b", re.IGNORECASE)
CLAUSE_PART_RE = re.compile(r"[;,]|\.\s")
CLAUSE_PUNCT_RE = re.compile(r"[;:,)]")
AUX_AFTER_PAREN_RE = re.compile(r"^[^()]*\)\s*(?:" + AUX + r")")
PROPORTION_RE = re.compile(r"\bof\s+(?:the\s+)?\d|\d\s*/\s*\d")
INTRO_PREP_BEFORE_RE = EndAnchored(r"\b(?:of|in|among|for)\s+(?:the\s+|all\s+|these\s+|those\s+)?$", re.IGNORECASE)
N_SUBJECT_RE = EndAnchored(r"([A-Za-z][\w\-]*)\s*\(\s*[nN]\s*(?:=|:)\s*$")
N_HEAD_END_RE = re.compile(r"[(\[]?\s*[nN]\s*(?:=|:)\s*$")
N_LABEL_END_RE = re.compile(r"[;)\]]|\b[nN]\s*=")
AGE_LABEL_RE = re.compile(r"\d\s*(?:years|yrs|y)\b|\baged?\b|[<>≤≥]\s*\d", re.IGNORECASE)
EITHER_BOTH_ALL_RE = re.compile(r"\b(?:either|both|all)\b", re.IGNORECASE)
RECEIVED_COUNT_RE = re.compile(NUMWORD + r"\s+(?:[\w-]+\s+){0,3}?(?:received|were\s+given|were\s+treated\s+(?:with|by)|"
                               r"took|started\s+(?:with|on)|were\s+started\s+on|were\s+assigned|underwent)\b",
                               re.IGNORECASE)
# blockers: the number is not a count of study units
AFTER_BLOCK_RE = re.compile(r"^\s*(?:[/:]\s*\d|[-–][A-Za-z]|\.\d|\^|°)")
SIGN_BEFORE_RE = EndAnchored(r"[±=<>≤≥~×^+]\s*$")
PER_M2_BEFORE_RE = EndAnchored(r"/\s*m\s*\(\s*$")
CURRENCY_BEFORE_RE = EndAnchored(r"[$€£¥#§]\s*$|[A-Za-z][-–/]$")
MONTH_BEFORE_RE = EndAnchored(r"\b(?:%s)\.?\s*$" % MONTHS, re.IGNORECASE)
MONTH_AFTER_RE = re.compile(r"^\s*(?:%s)\b" % MONTHS, re.IGNORECASE)
UNIT_LETTER_WORD_RE = re.compile(r"^\s*(?:x|m|s|h|l|u|g)\s+(?:[a-z])", re.IGNORECASE)
UNIT_LETTER_RE = re.compile(r"^\s*(?:x|m|s|h|l|u|g)\b", re.IGNORECASE)
AGE_AFTER_RE = re.compile(r"^\s*(?:years?|yrs?|months?)\s+(?:old|of\s+age)", re.IGNORECASE)
# every match of MEDIAN_SIZE_BEFORE_RE holds one of these words
MEDIAN_WORDS = ("median", "mean", "average")
MEDIAN_SIZE_BEFORE_RE = re.compile(r"\b(?:median|mean|average)\s+(?:sample\s+size|number\s+of\s+\w+|size)\s+"
                                   r"(?:of|was|were|=)?\s*$", re.IGNORECASE)
# the text after a count that shows it is not one, whatever comes before
AFTER_BLOCKERS_RE = re.compile("|".join(
    ("(?i:%s)" if rx.flags & re.IGNORECASE else "(?:%s)") % rx.pattern
    for rx in (REF_AFTER_RE, AFTER_BLOCK_RE, UNIT_RANGE_AFTER_RE, MONTH_AFTER_RE, AGE_AFTER_RE)))
VS_AFTER_RE = re.compile(r"^\s*(?:vs\.?|versus)\s*\d")
VS_BEFORE_RE = EndAnchored(r"\d\s*(?:vs\.?|versus)\s*$")
RATIO_BEFORE_RE = EndAnchored(r"\bmatched\b[^.;]{0,40}\b(?:to|with)\s+$|\bone\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
ONE_EACH_RE = re.compile(r"^\s*(?:in|per)\s+each\s+(?:group|arm)", re.IGNORECASE)
# the text before a count that shows it is not one: a reference, a sign, a range, a dose per m²,
# a list of days, a currency, an age, a month, a bound, a comparison, a ratio. Tags: the block
# holds for every count (None), for a count without "n =" ("count"), for a count that is not a
# range ("single"), or when the text names a list item ("list").
BEFORE_BLOCKERS = EndAnchoredSet([
    (REF_BEFORE_RE, None), (SIGN_BEFORE_RE, "count"), (RANGE_TAIL_RE, "single"), (PER_M2_BEFORE_RE, None),
    (LIST_TAIL_RE, "list"), (CURRENCY_BEFORE_RE, None), (AGE_BEFORE_RE, None), (MONTH_BEFORE_RE, None),
    (BOUND_BEFORE_RE, "count"), (VS_BEFORE_RE, "count"), (RATIO_BEFORE_RE, None),
])
CO_COUNT_RE = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(" + NUMWORD + r")\s+", re.IGNORECASE)
BETWEEN_BEFORE_RE = EndAnchored(r"\bbetween\s+$", re.IGNORECASE)
YEAR_BEFORE_RE = EndAnchored(r"\b(?:in|since|from|between|during|until|by|before|after|and|to|"
                             r"through|year|early|late|mid)\s*,?\s*$", re.IGNORECASE)
# proportions "x of y"
NUMERATOR_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
                          r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?"
                          r"(?=\d|" + NUMBER_WORDS + r"\b)", re.IGNORECASE)
DENOMINATOR_VALUE_RE = re.compile(r"[\w,\-– ]*?\d[\d,]*|[A-Za-z\- ]+?(?=\s)")
ELIGIBLE_AFTER_RE = re.compile(r"^\s*(?:eligible|ineligible)\b", re.IGNORECASE)
_DENOM_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                "ninety|hundred|thousand")
_DENOM_UNITS = "one|two|three|four|five|six|seven|eight|nine"
DENOM_COUNT_BEFORE_RE = EndAnchored(
    r"(?:\d|\b(?:" + _DENOM_WORDS + r"|[a-z]+-(?:" + _DENOM_UNITS + r")))\s*(?:"
    + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
    r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?$", re.IGNORECASE,
    backwards=r"(?:\s+(?:%s))?(?:\s+(?:%s))?\s+(?:fo|fo\s+tuo)(?:\s*" % (
        "|".join(w[::-1] for w in ("planned", "initial", "original", "remaining", "eligible", "first", "last")),
        "|".join(w[::-1] for w in ("the", "all", "these", "those"))) + PCT_PAREN_BACKWARDS
    + r")?\s*(?:\d|(?:%s|(?:%s)-[a-z]+)\b)" % ("|".join(w[::-1] for w in _DENOM_WORDS.split("|")),
                                                 "|".join(w[::-1] for w in _DENOM_UNITS.split("|"))),
)
PAREN_RATIO_BEFORE_RE = EndAnchored(r"\(\s*\S+(?:\s+\S+){0,5}?\s*(?:of|out\s+of)\s+(?:the\s+)?$")
ONE_OF_BEFORE_RE = EndAnchored(r"\bone\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# roles
EXPLICIT_CLOSE_RE = re.compile(r"^[^()]{0,80}\)")
CLOSE_RE = re.compile(r"^\s*\)")
CITATION_CUE_RE = re.compile(r"\b(?:vs|v|versus|cf|e\.g|i\.e)\.?\s*$", re.IGNORECASE)
CLOSING_PARTICIPLE_RE = re.compile(r"^([^,;.()]{0,80}?)\s([a-z]+)\s*,")
WHO_START_RE = re.compile(r"^\s*,?\s*(?:who|that)\s", re.IGNORECASE)
FLOW_VERB_START_RE = re.compile(r"^\s*(?:completed|analy[sz]ed|excluded|enrolled|randomi[sz]ed|recruited|included)\b",
                                re.IGNORECASE)
IN_WHICH_BEFORE_RE = EndAnchored(r"(?:\bin\s+which|\bwhere(?:by)?)\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
FUTURE_AFTER_RE = re.compile(r"^\s*(?:will|would|are\s+to|shall)\b", re.IGNORECASE)
CLAUSE_COMMA_RE = re.compile(r"[;:]|,\s+(?:and\s+)?(?!and\b)")
AND_EXCLUDED_RE = re.compile(r"\band\s+(?:were|was)\s+(?:therefore\s+|then\s+)?(excluded|withdrawn|censored|removed)",
                             re.IGNORECASE)
SUBGROUP_REST_RE = re.compile(r"^\s*(?:with|who|whose|without|having|receiving|treated|in\s+whom)\b", re.IGNORECASE)
IN_AMONG_BEFORE_RE = EndAnchored(r"\b(?:in|among)\s+(?:the\s+|those\s+|these\s+)?$", re.IGNORECASE)
PREDICATE_RE = re.compile(r"^\s*(?:were|was)\s+((?:aged|older|younger|over|under|taking|using|current|former|"
                          r"never|ever)\b[^,;:()]{0,40})", re.IGNORECASE)
PREDICATE_CUT_RE = re.compile(r"\s+(?:and|but|while|whereas|in|at|during)\s+")
PCT_OF_END_RE = re.compile(r"%\s+of\s+(?:the\s+|all\s+)?[\w-]+\s*$")
TREATED_INTRO_RE = EndAnchored(
    r"(?:^|[.;]\s*)(?:of|among)\s+(?:the\s+|all\s+|these\s+)?" + NUMWORD +
    r"[^,;.]{0,60}?\b(?:randomi[sz]ed|enrolled|registered|assigned|allocated|included)\b[^,;.]{0,30},\s*$",
    re.IGNORECASE)
BARE_CUE_AFTER_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:,\s*)?(?:who\s+|of\s+whom\s+)?" + AUX)
ARM_AFTER_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:were\s+|was\s+)?(?:randomly\s+)?"
                          r"(?:randomi[sz]ed\s+|assigned\s+|allocated\s+)?(?:to|in|into|on|receiving|taking)\b",
                          re.IGNORECASE)
SUBGROUP_VERB_AFTER_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:with|had|were|have)\b", re.IGNORECASE)
SUBSET_AFTER_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:with|without|who|whose|having|in\s+whom)\b",
                             re.IGNORECASE)
RANDOMISED_END_RE = EndAnchored(r"\b(?:randomi[sz]ed|enrolled|recruited|included)\s+$", re.IGNORECASE)
CLAUSE_END_AFTER_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:[,;.]|$|and\b)")
TOTAL_AFTER_RE = re.compile(r"^\s*(?:[,;.)]|$|\(|(?:were|was|had|have|are|is|completed|enrolled|"
                            r"participated|remained|agreed|underwent|received)\b)")
PUNCT_END_AFTER_RE = re.compile(r"^\s*(?:[,;.)]|$)")
FIRST_LOWER_WORD_RE = re.compile(r"^\s*([a-z]+)\b")
IN_THE_GROUP_RE = re.compile(r"^\s*in\s+the\s+([^,;.()]{0,40}?(?:group|arm))\b", re.IGNORECASE)
# the rows of one article
RANGE_DASH_RE = re.compile(r"\s*[-–—]\s*")
DASH_WORD_RE = re.compile(r"[-–][A-Za-z]")
SENTENCE_STOP_RE = re.compile(r"[.;]")
LIST_GAP_END_RE = re.compile(r"(?:[,(:]|\band)\s*$")
PAREN_GAP_END_RE = re.compile(r"\(\s*$")
PERIOD_SPACE_RE = re.compile(r"\.\s")
OPEN_N_RE = re.compile(r"\(\s*(?:[nN]\s*[=:]\s*)?")
SEP_START_RE = re.compile(r"\s*[;,]")
GAP_STOP_RE = re.compile(r"[.;()\[\]]")
LABEL_BEFORE_PAREN_RE = EndAnchored(r"([^()]{1,60}?)\s*\(\s*(?:[nN]\s*=\s*)?$")
LABEL_AFTER_RE = re.compile(r"\s*(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+)?"
                            r"(?:to|in\s+the|received|on)?\s*([^,;()]{1,60})")
LABEL_WORD_CUT_RE = re.compile(r"\b(?:or|versus|vs|and|whereas|while|compared)\b")


@lru_cache(maxsize=1 << 16)
def _lookup_word(tok: str) -> str:
    """A token as looked up in the word lists: lower case, without quotes, dots and possessive."""
    w = tok.lower().strip(".'’\"")
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w


class _Lazy:
    """A pattern compiled when first used."""

    __slots__ = ("pattern", "flags", "rx")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags, self.rx = pattern, flags, None

    def get(self) -> re.Pattern:
        if self.rx is None:
            self.rx = re.compile(self.pattern, self.flags)
        return self.rx


def _fact(compute):
    """A fact about a sentence, computed once when first asked for."""
    name = compute.__name__

    def get(self):
        facts = self.facts
        if name not in facts:
            facts[name] = compute(self)
        return facts[name]

    get.__doc__ = compute.__doc__
    return get


class _Sentence:
    """One sentence of a document and the facts about it that several counts ask for."""

    __slots__ = ("ex", "text", "facts")

    def __init__(self, ex: "_Extractor", text: str):
        self.ex = ex
        self.text = text
        self.facts: dict = {}

    @_fact
    def low(self) -> str:
        """The folded sentence."""
        return fold(self.text)

    @_fact
    def random_context(self) -> bool:
        return RANDOM_CONTEXT.search(self.text, self.low()) is not None

    @_fact
    def assignment(self) -> bool:
        """The sentence speaks of randomisation, assignment or allocation."""
        return ASSIGNMENT_RE.search(self.text) is not None

    @_fact
    def planned(self) -> bool:
        return PLANNED.search(self.text, self.low()) is not None

    @_fact
    def assigned_counts(self) -> int:
        return len(ASSIGNED_COUNT_RE.findall(self.text))

    @_fact
    def proportions(self) -> int:
        return len(PROPORTION_RE.findall(self.text))

    @_fact
    def explicit_counts(self) -> int:
        return len(EXPLICIT_ANY_RE.findall(self.text))

    @_fact
    def received_counts(self) -> int:
        return len(RECEIVED_COUNT_RE.findall(self.text))

    @_fact
    def treatment_list(self) -> bool:
        """Two or more counts on a treatment, not after an outcome cue."""
        items = list(ON_ITEM_RE.finditer(self.text))
        return len(items) >= 2 and not OUTCOME_BEFORE_RE.rx.search(self.text[:items[0].start()])

    @_fact
    def names_arms(self) -> bool:
        """The sentence compares groups or names an arm or a control."""
        ex, text = self.ex, self.text
        return bool(RANDOM_CONTEXT.search(text, self.low()) or ex.arm_re.search(text) or N_OR_RE.search(text)
                    or ex.control_ctx_re.search(CONTROLLED_WORD_RE.sub("", text)))

    @_fact
    def subgroup_intro(self) -> bool:
        return SUBGROUP_INTRO_RE.match(self.text) is not None


class _Document:
    """One text with its sentences and the places of counted nouns and organism words."""

    __slots__ = ("ex", "text", "low", "sentences", "_nouns", "_organisms")

    def __init__(self, ex: "_Extractor", text: str):
        self.ex = ex
        self.text = text
        self.low = fold(text)
        self.sentences: dict[tuple[int, int], _Sentence] = {}
        self._nouns: WordIndex | None = None
        self._organisms: WordIndex | None = None

    def sentence(self, s0: int, s1: int) -> _Sentence:
        sent = self.sentences.get((s0, s1))
        if sent is None:
            sent = self.sentences[(s0, s1)] = _Sentence(self.ex, self.text[s0:s1])
        return sent

    def _build(self) -> None:
        ex = self.ex
        self._nouns, self._organisms = build_indexes(
            self.text, [(ex.noun_words, ex.noun_re), (ex.org_words, ex.org_re)], self.low)

    @property
    def nouns(self) -> WordIndex:
        """Counted nouns (`noun_re`)."""
        if self._nouns is None:
            self._build()
        return self._nouns

    @property
    def organisms(self) -> WordIndex:
        """Organism words (`org_re`)."""
        if self._organisms is None:
            self._build()
        return self._organisms


class _Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        cues = []
        for role, pats in lex.role_cues.items():
            for p in pats:
                cues.append((role, p))
        self.cues = cues
        # each cue as a pattern without the screening check (tried first: when no screening words
        # follow its match, the full pattern gives the same match), the full pattern, and the
        # characters the cue starts with, which the text must hold
        self.cue_after = [
            (role, _Lazy(r"^" + REL + AUX + r"(?:" + p + r")(?![\w])", re.IGNORECASE),
             _Lazy(r"^" + REL + AUX + r"(?:" + p + r")(?![\w])(?!" + SCREENING_TAIL + ")", re.IGNORECASE),
             literal_prefix(p, re.IGNORECASE))
            for role, p in cues
        ]
        # matches when any of cue_after does (one pass instead of one per cue)
        self.cue_after_any = re.compile(r"^" + REL + AUX + r"(?:%s)(?![\w])(?!" % "|".join(p for _, p in cues)
                                        + SCREENING_TAIL + ")", re.IGNORECASE)
        before_cues = cues + [(role, p) for role, pats in lex.role_cues_before.items() for p in pats]
        fillers = "|".join(f.replace(" ", r"\s+") for f in CUE_FILLERS)
        self.cue_before = [
            (role, _Lazy(r"(?<![\w-])(?:" + p + r")\s*,?\s+(?:(?:" + fillers + r")\s+)*$", re.IGNORECASE),
             literal_prefix(p, re.IGNORECASE))
            for role, p in before_cues
        ]
        self.cue_before_any = re.compile(r"(?<![\w-])(?:%s)\s*,?\s+(?:(?:%s)\s+)*$"
                                         % ("|".join(p for _, p in before_cues), fillers), re.IGNORECASE)
        # a cue (and a comma) ending a text: what is left of a match of cue_before_any without its fillers
        self.cue_end = EndAnchored(r"(?<![\w-])(?:%s)\s*,?\s*$" % "|".join(p for _, p in before_cues),
                                   re.IGNORECASE)
        self.any_cue_end_re = EndAnchored(r"(?:%s)\s*,?\s*$" % "|".join(p for _, p in cues), re.IGNORECASE)
        self.outcome_verb_alts = "|".join(sorted(lex.outcome_verbs - {"had", "has", "have"}))
        self.outcome_of_whom_re = EndAnchored(r"(?:%s)\b[^.;]{0,60}(?:of\s+whom|of\s+these|of\s+which)\s*,?\s*$"
                                              % self.outcome_verb_alts, re.IGNORECASE)
        self.verb_word_re = re.compile(
            r"\b(?:will|would|can|could|may|might|must|should|do|does|been|being|took|gave|went|"
            r"began|saw|made|got|found|left|kept|met|ran|underwent)\b|\b(?:%s)\b|"
            r"\b[a-z]+ed\b(?!\s+(?:with|by|for|in|at|on|from|to|under|over|between|as|after|before|"
            r"during|within|than|or|and|\d))" % self.outcome_verb_alts)
        self.event_count_re = re.compile(
            NUMWORD + r"\s+(?:\([^()]{0,20}\)\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:%s)\b" % "|".join(
                sorted(w for w in lex.outcome_event_nouns if (w.endswith("s") or w in ("death", "event"))
                       and w not in ("groups", "arms"))),
            re.IGNORECASE)
        self.event_alts = "|".join(sorted(lex.outcome_event_nouns))
        self.event_had_re = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?had\s+(?:an?\s+|\w+\s+){0,2}(?:%s)\b"
                                       % self.event_alts, re.IGNORECASE)
        self.participle_patterns = [(role, re.compile(p, re.IGNORECASE)) for role, pats in lex.role_cues.items()
                                    for p in pats if not re.search(r"\s|\\s| ", p)]
        self.participle_roles = {}
        for role, pats in lex.role_cues.items():
            for p in pats:
                if re.fullmatch(r"[a-z\[\]]+", p):
                    self.participle_roles[p] = role
        nouns = sorted((w for w in lex.participant_nouns if w not in ("case", "control", "human", "man", "individual",
                                                                       "subject", "user", "person")),
                       key=len, reverse=True)
        self.noun_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(w) for w in nouns), re.IGNORECASE)
        self.noun_words = frozenset(nouns)
        self.trailing_noun_re = re.compile(r"\s+(?:%s)$" % self.noun_re.pattern)
        # a counted noun with its post-modifier ending the text: the leftmost match names the first
        # such noun (up to three words before it would only move the start of the match)
        self.population_before_re = re.compile(
            r"(%s)\s+((?:with|without|taking|receiving|carrying|undergoing|"
            r"aged|over|under)\s+(?:(?!\b(?:were|was|is|are|had|have|to|and)\b)[^,;:()]){1,60}?)\s*$"
            % self.noun_re.pattern, re.IGNORECASE)
        self.WORDNUM_RE = re.compile(NUMWORD + r"(?:-\w+)?", re.IGNORECASE)
        ctx_ctrl = [w for w in lex.control_words if len(w) > 3 and w not in ("without", "alone")]
        self.control_ctx_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(sorted(ctx_ctrl, key=len, reverse=True)),
                                         re.IGNORECASE)
        ctrl = sorted(lex.control_words, key=len, reverse=True)
        self.control_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(ctrl), re.IGNORECASE)
        self.arm_re = re.compile(r"(?<![\w-])(?:%s)(?![\w])" % "|".join(sorted(lex.arm_words)), re.IGNORECASE)
        self.unit_re = re.compile(r"^\s*(?:%s)(?![A-Za-z])" % trie_pattern(sorted(lex.units)), re.IGNORECASE)
        # the text after a count without "n =" that shows it is not one: the after-blockers, a unit
        # (a unit letter followed by a word is still a unit letter: UNIT_LETTER_WORD_RE's matches are
        # UNIT_LETTER_RE's), a comparison
        self.not_count_after_re = re.compile("|".join(
            ("(?i:%s)" if rx.flags & re.IGNORECASE else "(?:%s)") % rx.pattern
            for rx in (AFTER_BLOCKERS_RE, self.unit_re, UNIT_LETTER_RE, VS_AFTER_RE)))
        org_alts = "|".join(re.escape(w) for w in sorted(lex.organism_words, key=len, reverse=True))
        self.org_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % org_alts, re.IGNORECASE)
        self.org_words = frozenset(lex.organism_words)
        self.outcome_verb_re = re.compile(
            r"^\s*(?:(?:also|then|later|subsequently|eventually|all|each|still)\s+)?(?:%s)(?![\w])(?!\s+been)"
            % "|".join(sorted(lex.outcome_verbs)), re.IGNORECASE)

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _lookup_word(tok: str) -> str:
        return _lookup_word(tok)

    def noun_phrase(self, text: str, pos: int, limit: int, allow_pct_first: bool = True):
        """Parse modifiers + counted noun right after `pos`.

        Returns (kind, np_end, head, population) with kind 'participant' or 'study', or None.
        """
        lex = self.lex
        participant_nouns, study_nouns = lex.participant_nouns, lex.study_nouns
        i = pos
        mods: list[str] = []
        first_tok_start = None
        n_words = 0
        nxt_at, nxt_tok = -1, None  # the token read after the previous one, and where it was read
        for k in range(12):
            m = nxt_tok if nxt_at == i else TOKEN_RE.match(text, i, limit)
            if not m:
                return None
            tok = m.group(1)
            if tok[0] in "([":
                if k == 0 and not allow_pct_first:
                    return None
                if k == 0 and not PCT_PAREN_RE.fullmatch(tok):
                    return None
                i = m.end()
                continue
            tok_end = m.end(1)
            if first_tok_start is None:
                first_tok_start = m.start(1)
            m_comma = COMMA_BEFORE_WORD_RE.match(text, tok_end, tok_end + 3) if text.startswith(",", tok_end) else None
            w = _lookup_word(tok)
            ends_with_dot = tok.endswith(".")
            ends_sentence = ends_with_dot and w not in ("vs", "no")
            nxt_at = m.end()
            nxt_tok = TOKEN_RE.match(text, nxt_at, limit)
            nxt_word = _lookup_word(nxt_tok.group(1)) if nxt_tok else None
            if nxt_tok and not ends_with_dot and nxt_word in study_nouns \
                    and w not in study_nouns and (w not in STOP or w == "completed"):
                n_words += 1
                i = m.end()
                continue
            if w in participant_nouns and nxt_tok and not ends_with_dot and not m_comma and n_words < 7 \
                    and nxt_word in participant_nouns:
                n_words += 1  # a noun modifying the counted noun: "two control participants", "case patients"
                mods.append(w)
                i = m.end()
                continue
            if w in participant_nouns or (w.endswith("s") and w[:-1] in participant_nouns
                                          and participant_nouns[w[:-1]] is not None
                                          and w not in lex.outcome_event_nouns):
                if w in ("case", "cases", "control", "controls") and CASE_OF_RE.match(text, tok_end, limit):
                    return None
                np_end = tok_end - (1 if ends_with_dot else 0)
                return ("participant", np_end, w, self._population(text, first_tok_start, np_end))
            if w in study_nouns:
                return ("study", tok_end, w, self._population(text, first_tok_start, tok_end - (1 if ends_with_dot else 0)))
            if w in lex.outcome_event_nouns:
                # an outcome noun may only modify a participant noun directly after it
                if not (nxt_tok and not m_comma and nxt_word in participant_nouns):
                    return None
            if w in ("and", "or", "&") and n_words > 0 and not ends_sentence:
                if nxt_tok and LETTER_RE.match(nxt_tok.group(1)) and nxt_word not in STOP \
                        and nxt_word not in lex.units:
                    i = m.end()
                    continue
                return None
            if n_words > 0 and NUMBER_RANGE_TOKEN_RE.fullmatch(tok):
                i = m.end()
                continue
            if (w in STOP or (w in lex.units and k == 0)
                    or ends_sentence or not LETTER_RE.search(tok) or n_words >= 7):
                return None
            if "%" in tok or "=" in tok:
                return None
            n_words += 1
            mods.append(w)
            i = m.end()
            if m_comma and k < 6:
                i += m_comma.end() - tok_end
        return None

    def extend_population(self, text: str, pos: int, limit: int) -> str:
        """Post-modifier of a counted noun: `with type 2 diabetes`, `taking NMN`, `in the NMN group`."""
        m = POSTMOD_RE.match(text, pos, limit)
        if not m:
            return ""
        words = []
        phrase = m.group(2)
        units = self.lex.units
        for w in NONBLANK_RE.finditer(phrase):
            tok = w.group(0)
            low = _lookup_word(tok)
            if low in POSTMOD_STOP or tok[0].isdecimal() or low in units:
                break
            if low in ("and", "or") and NEXT_COUNT_RE.match(phrase, w.end()):
                break
            words.append(tok)
            if tok.endswith((".", ",", ";", ":")) or len(words) >= 10:
                break
        while words and _lookup_word(words[-1]) in ("and", "or", "the", "a", "an", "of", "with"):
            words.pop()
        if not words:
            return ""
        phrase = " ".join(words).rstrip(".,;:")
        return " " + m.group(1) + " " + phrase

    def context_population(self, doc: _Document, start: int, lo: int) -> str | None:
        """The nearest counted noun (with one modifier) written before `start` (back to `lo`)."""
        text = doc.text
        best = doc.nouns.last(lo, start)
        if best is None:
            return None
        word = text[best[0]:best[1]]
        prev = _prev_modifier(text[max(lo, best[0] - 40):best[0]])
        if prev:
            pw = _lookup_word(prev)
            if pw not in STOP and pw not in self.lex.units and pw not in POSTMOD_STOP and \
                    not CAPITALISED_RE.match(prev) and self.WORDNUM_RE.fullmatch(pw) is None:
                return prev + " " + word
        return word

    @staticmethod
    def _population(text: str, start: int, end: int) -> str:
        return " ".join(BRACKETED_RE.sub("", text[start:end]).split())

    def role_after(self, after: str) -> str | None:
        role = self._role_after(after)
        if role is None:
            m = PP_RE.match(after)
            if m:
                role = self._role_after(after[m.end():])
        return role

    def distant_cue(self, rest: str) -> str | None:
        """Role cue of the main verb of a subject noun phrase with a long post-modifier:
        `90 adults referred to the clinic during one winter were recruited`."""
        clause = BRACKETS_RE.sub(_blanks, rest[:200])
        clause = APPOSITIVE_RE.sub(_blanks, clause)
        m_end = CLAUSE_END_RE.search(clause)
        if m_end:
            clause = clause[:m_end.start()]
        for m in FINITE_VERB_RE.finditer(clause):
            if RELATIVE_BEFORE_RE.search(clause[:m.start()]):
                continue  # the verb of a relative clause
            return self._role_after(clause[m.start():])
        return None

    def labelled_count_list(self, text: str, start: int, end: int, s0: int, s1: int) -> str | None:
        """`(drug 310, placebo 305)`, `(coaching: 41, control: 40)`, `(212, drug; 106, placebo)`:
        a parenthesis listing arm labels with their counts after a total."""
        open_i = text.rfind("(", s0, start)
        if open_i < 0 or text.find(")", open_i, start) >= 0:
            return None
        close_i = text.find(")", end, s1)
        if close_i < 0 or text.find("(", end, close_i) >= 0:
            return None
        head = text[max(s0, open_i - 60):open_i]
        m_total = LIST_TOTAL_RE.match(text[open_i + 1:close_i])
        if m_total and open_i + 1 + m_total.end() <= start:
            open_i += m_total.end()  # "(n=17; 10 placebo, 7 active)": the list follows the total
        inner = text[open_i + 1:close_i]
        if "%" in inner or N_EQUALS_RE.search(inner):
            return None
        items = (SEMICOLON_ITEMS_RE if ";" in inner else COMMA_ITEMS_RE).split(inner.strip())
        if len(items) < 2:
            return None
        items = [self.trailing_noun_re.sub("", it) for it in items]
        if not (all(LABEL_FIRST_RE.fullmatch(it) for it in items) or all(LABEL_LAST_RE.fullmatch(it) for it in items)):
            return None
        counted = COUNTED_WORD_RE.findall(head)
        if counted and _lookup_word(counted[-1]) in self.lex.outcome_event_nouns and \
                _lookup_word(counted[-1]) not in SITE_NOUNS:
            return None  # the list splits an outcome count ("61 events (A 25, B 36)"), not participants
        pos = open_i + 1 + len(inner) - len(inner.lstrip())
        for it in items:
            k = text.find(it, pos, close_i + 1)
            if k < 0:
                return None
            if k <= start < k + len(it):
                label = COUNT_CHARS_RE.sub(" ", it)
                if NOT_ARM_LABEL_RE.search(label):
                    return None
                return self.arm_kind(label)
            pos = k + len(it)
        return None

    def participle_role(self, word: str) -> str | None:
        """Role of a one-word participle cue (`enrolled`, `randomised`, `evaluable`), else None."""
        role = self.participle_roles.get(word)
        if role is None and word.endswith(("ized", "ised", "yzed", "ysed")):
            for r, rx in self.participle_patterns:
                if rx.fullmatch(word):
                    return r
        return role

    def verbless(self, rest: str) -> bool:
        """No finite verb outside relative clauses and parentheses up to the end of the sentence."""
        clause = BRACKETS_RE.sub(" ", rest)
        if ";" in clause or ":" in clause:
            return False
        for m in FINITE_VERB_RE.finditer(clause):
            if not RELATIVE_BEFORE_RE.search(clause[:m.start()]):
                return False
        return not self.verb_word_re.search(clause)

    def _role_after(self, after: str) -> str | None:
        if not self.cue_after_any.match(after):
            return None
        low = fold(after)
        best = None
        best_len = -1
        for role, quick, full, prefix in self.cue_after:
            if prefix not in low:
                continue
            m = quick.get().match(after)
            if m and SCREENING_RE.match(after, m.end()):
                m = full.get().match(after)
            if m and m.end() > best_len:
                best, best_len = role, m.end()
        return best

    def role_before(self, before: str, ftail: str | None = None) -> str | None:
        """Role of a cue ending the text before a count (`ftail`: `fold_tail(before)`)."""
        tail = before[-100:]
        if ftail is None:
            ftail = fold_tail(before)
        if not self._cue_before_possible(tail, ftail) or not self.cue_before_any.search(tail):
            return None
        low = fold(tail)
        best = None
        best_start = -1
        for role, rx, prefix in self.cue_before:
            if prefix not in low:
                continue
            m = rx.get().search(tail)
            if m and m.start() > best_start:
                best, best_start = role, m.start()
        return best

    def _cue_before_possible(self, tail: str, ftail: str) -> bool:
        """Whether `tail` may match cue_before_any: it ends with blanks, and once its last words
        that are fillers are taken off, with a cue. `ftail`: `fold_tail` of a text ending with `tail`."""
        if not tail[-1:].isspace():
            return False
        if self.cue_end.possible(tail, ftail):
            return True
        if not ftail.endswith(FILLER_ENDINGS):
            return False
        words = fold(" ".join(tail.split()))
        while True:
            if self.cue_end.possible(words, words[-ENDING_CHARS:]):
                return True
            for filler in CUE_FILLERS:
                if words.endswith(filler) and len(words) > len(filler) and words[-len(filler) - 1] == " ":
                    words = words[:-len(filler) - 1]
                    break
            else:
                return False

    def arm_kind(self, segment: str) -> str:
        return "control_arm" if self.control_re.search(segment) else "intervention_arm"

    def organism_from_context(self, doc: _Document, sent_start: int, pos: int, sent_end: int,
                              prev_start: int) -> str | None:
        index, text = doc.organisms, doc.text
        words = self.lex.organism_words
        best = index.last(sent_start, pos)
        if best is not None:
            return words[text[best[0]:best[1]].lower()]
        m = index.first(pos, sent_end)
        if m:
            return words[text[m[0]:m[1]].lower()]
        best = index.last(prev_start, sent_start)
        if best is not None:
            return words[text[best[0]:best[1]].lower()]
        return None

    def paren_head(self, before: str, ftail: str) -> str | None:
        """Text before the opening parenthesis when the count opens a parenthetical."""
        m = PAREN_OPEN_RE.search(before, ftail)
        if not m:
            return None
        return before[: m.start()]

    def arm_from_head(self, head: str, sent: _Sentence) -> str | None:
        """Arm role for a parenthetical count from the words before the parenthesis."""
        h = head.rstrip()
        if not h or (h[-1].isdigit() and not NUMBERED_GROUP_END_RE.search(h)):
            return None
        h150 = h[-150:]
        # cuts are single characters or whole words: a window finds the last one when it holds one
        cuts = list(ARM_SPLIT_RE.finditer(h150, max(0, len(h150) - 40))) or list(ARM_SPLIT_RE.finditer(h150))
        seg = h150[cuts[-1].end():] if cuts else h150
        last_cut = cuts[-1].group(0).lower() if cuts else ""
        seg_words = ARM_WORD_RE.findall(seg)
        if not seg_words:
            return None
        last_word = _lookup_word(seg_words[-1])
        if GROUP_COUNT_RE.search(seg):
            return None  # "randomly assigned to three groups (n = 8)": the size of each group
        if self.arm_re.search(seg) and not RISK_GROUP_RE.search(seg):
            return self.arm_kind(seg)
        if last_word in self.lex.participant_nouns and last_word not in ("controls", "control"):
            return None
        strong_cut = last_cut in ("or", "versus", "vs", "vs.", "to", "into", "receive", "received", "receiving",
                                  "either", "assigned", "allocated", "randomized", "randomised")
        if self.control_re.search(seg) and not CONTROLLED_RE.search(seg) and len(seg_words) <= 6:
            if strong_cut or (last_cut in ("and", ",", "(", ";", "with", "the", "compared")
                              and sent.random_context()):
                return "control_arm"
        if strong_cut and len(seg_words) <= 8 and sent.random_context():
            return self.arm_kind(seg)
        if last_cut in ("and", ",") and len(seg_words) <= 6 and sent.random_context() and LISTED_ARM_RE.search(h150):
            return self.arm_kind(seg)  # the next item of a list of labelled arm counts: "A (31 adults) and B (30 ..."
        if last_cut == "with" and len(seg_words) <= 4 and sent.assignment() \
                and TREATED_WITH_END_RE.search(h[: len(h) - len(seg)].rstrip()[-40:]):
            return self.arm_kind(seg)
        return None

    def arm_from_after(self, after: str, sent: _Sentence, before: str, ftail: str) -> str | None:
        """Arm role from the words after a count: `in the placebo group`, `64 to placebo`,
        `(6074 on tamoxifen versus 6072 on placebo)`. `ftail` is `fold_tail(before)`."""
        m_on = ON_ARM_RE.match(after)
        if m_on and sent.treatment_list() and not ON_ARM_EXCLUDE_RE.search(m_on.group(1)):
            return self.arm_kind(m_on.group(1))
        m = IN_GROUP_RE.match(after)
        if m:
            phrase = _cut_phrase(m.group(1))
            m_arm = self.arm_re.search(phrase)
            if m_arm:
                phrase = phrase[:m_arm.end()]
            if m_arm and not IN_GROUP_EXCLUDE_RE.search(phrase):
                return self.arm_kind(phrase)
        m = TO_ARM_RE.match(after)
        if not m or not sent.random_context():
            return None
        verb, phrase = m.group(1), _cut_phrase(m.group(2))
        if TO_ARM_EXCLUDE_RE.search(phrase) and not self.control_re.search(phrase):
            return None
        clause = after.split(";")[0]
        if verb:
            # the subject of an assignment is a total unless another count is assigned beside it
            if EITHER_RE.search(m.group(0)) or EXPLICIT_ANY_RE.search(clause):
                return None
            if not OTHER_COUNT_RE.search(after[m.end(1):m.end(1) + 250]) and not PREV_ASSIGNED_RE.search(before, ftail):
                return None
        else:
            # a bare "64 to placebo" continues a list of assigned counts, or opens one in a parenthesis
            # after the total: "361 were randomised (241 to A and 120 to B)", "(n = 118 to A, 121 to B)"
            opens_list = bool(N_PAREN_OPEN_RE.search(before, ftail)) and LETTER_RE.match(phrase) \
                and NEXT_ASSIGNED_RE.match(after)
            if not (LIST_JOIN_BEFORE_RE.search(before, ftail) or opens_list) or not sent.assignment():
                return None
        return self.arm_kind(phrase)

    # -------------------------------------------------------------- classify
    def classify(self, doc: _Document, num: Number, n_lower: int | None, span_end: int,
                 sent: tuple[int, int], prev_start: int) -> dict | None:
        lex = self.lex
        text = doc.text
        s0, s1 = sent
        start = num.start
        lo = max(s0, start - 160)
        before = text[lo:start]
        after = text[span_end:s1]
        value = num.value
        # "n =" ends with its sign (EXPLICIT_RE's only endings): the last non-blank character before the count
        j = start - 1
        while j >= lo and text[j].isspace():
            j -= 1
        explicit = j >= lo and text[j] in EXPLICIT_SIGNS and EXPLICIT_RE.rx.search(before) is not None

        # ------------------------------------------------------------ blockers
        one_each = value == 1 and ONE_EACH_RE.match(after)
        if value < 2 and not explicit and not one_each:
            return None
        if value == 0 or value > MAX_COUNT:
            return None  # no study counts 0 units; a 12-digit number is an identifier, not a count
        if (self.not_count_after_re if not explicit else AFTER_BLOCKERS_RE).match(after):
            # reference markers, "30 to 70 years", dates, ages; without "n =" also a unit directly
            # attached or followed by non-words, and "11 vs 2 participants" (outcome counts compared)
            return None
        before_low = doc.low[lo:start]  # checks of the words a pattern needs (`fold` keeps every index)
        ftail = fold_tail(before_low)  # checks of the text before the count by its last characters
        for rx, when in BEFORE_BLOCKERS.candidates(ftail):
            if (when is None or (when == "count" and not explicit) or (when == "single" and n_lower is None)
                    or (when == "list" and _holds_any(before_low, LIST_TAIL_WORDS))) and rx.search(before, ftail):
                return None
        if not explicit and _prev_word(before) in lex.blocking_preceders:
            return None
        if _holds_any(before_low, MEDIAN_WORDS) and MEDIAN_SIZE_BEFORE_RE.search(before):
            return None

        np = None
        if not explicit:
            np = self.noun_phrase(text, span_end, s1)
            m_co = None if np or (not num.is_word and 1900 <= value <= 2100) else CO_COUNT_RE.match(text, span_end, s1)
            if m_co and not BETWEEN_BEFORE_RE.search(before, ftail):
                # "150 and 148 adults were enrolled": the first count shares the counted noun of the second
                np2 = self.noun_phrase(text, m_co.end(), s1)
                if np2 and np2[0] == "participant":
                    np = np2
        else:
            np = self.noun_phrase(text, span_end, s1, allow_pct_first=False)
            if np and np[0] == "study":
                np = None

        is_year = (not num.is_word and 1900 <= value <= 2100 and "," not in text[start:span_end])
        if is_year and not explicit:
            if np is None or YEAR_BEFORE_RE.search(before, ftail):
                return None

        # numerator of "x of y": only with a flow verb after the whole phrase
        m_of = NUMERATOR_RE.match(after)
        if m_of and not explicit:
            rest = after[m_of.end():]
            m_num = DENOMINATOR_VALUE_RE.match(rest)
            tail = rest[m_num.end():] if m_num else rest
            np2 = self.noun_phrase(tail, 0, len(tail))
            tail2 = tail[np2[1]:] if np2 else tail
            role = self.role_after(tail2)
            if role == "enrolled" and ELIGIBLE_AFTER_RE.match(tail2):
                role = None  # "12 of the 30 adults eligible for follow-up chose ...": eligibility describes y
            if role in ("completed", "analyzed", "lost_to_follow_up", "excluded", "randomized", "enrolled"):
                return self._row(doc, num, n_lower, span_end, role, None,
                                 np2[2] if np2 else None, s0, s1, prev_start, start)
            return None
        # "38 of whom (20 A and 18 B) were analysed", "210 of these adults were randomized"
        m_ofw = None if explicit else OF_ANAPHOR_RE.match(after)
        if m_ofw:
            role = self._role_after(after[m_ofw.end():])
            if role in ("completed", "analyzed", "lost_to_follow_up", "excluded", "randomized", "enrolled"):
                return self._row(doc, num, n_lower, span_end, role, None, None, s0, s1, prev_start, start)

        denominator = DENOM_BEFORE_RE.test(before, ftail) and DENOM_COUNT_BEFORE_RE.test(before, ftail)
        slash_denominator = bool(SLASH_BEFORE_RE.search(before, ftail))
        if slash_denominator and (np is None or np[0] != "participant"):
            return None

        # --------------------------------------------------------------- role
        sentence = doc.sentence(s0, s1)
        population = np[3] if np else None
        head = np[2] if np else None
        np_end = np[1] if np else span_end
        rest = text[np_end:s1]
        rest_nopct = _drop_start(PCT_PAREN_START_RE, rest)
        rest_nopct = _drop_start(PAREN_START_RE, rest_nopct) if np else rest_nopct
        if np:
            rest_nopct = _drop_start(APPOSITIVE_START_RE, rest_nopct, " ")  # ", 8 weeks old,"
        meta = {"_denominator": denominator or slash_denominator, "_noun": np is not None}

        if np and np[0] == "study":
            role = "excluded" if self.role_after(rest_nopct) == "excluded" else "studies"
            pop = "studies" if head in ("studies", "study") and population.lower() == head else population
            return self._row(doc, num, n_lower, span_end, role, pop, None, s0, s1, prev_start, start,
                             study=True, meta=meta)
        if np:
            population = (population + self.extend_population(text, np_end, s1)).strip()

        paren = self.paren_head(before, ftail)
        cue_after = self.role_after(rest_nopct)
        if cue_after is None:
            m_close = (EXPLICIT_CLOSE_RE if explicit else CLOSE_RE).match(rest_nopct if np is None else "")
            if m_close and (explicit or paren is not None):
                cue_after = self.role_after(rest_nopct[m_close.end():])
            elif np is None:
                m_par = PAREN80_START_RE.match(rest_nopct)
                if m_par:
                    cue_after = self.role_after(rest_nopct[m_par.end():])
        if cue_after is None and np is not None and not explicit:
            cue_after = self.coordinated_cue(text, np_end, s1)
        if cue_after is None and not explicit and not denominator:
            cue_after = self.second_predicate_cue(rest_nopct)  # "349 underwent surgery and were analysed"
        if cue_after is None and np is not None and not explicit and SUBJECT_START_RE.search(before, ftail) \
                and not denominator:
            cue_after = self.distant_cue(rest_nopct)
            if cue_after is None and not before[-(start - s0):].strip() and self.verbless(text[np_end:s1]) \
                    and not PCT_PAREN_START_RE.match(after) \
                    and not CITATION_CUE_RE.search(text[max(0, s0 - 12):s0]):
                # a verbless sentence naming the study population ("Forty consecutive adults (age 50-70).")
                cue_after = "enrolled"
        if cue_after is None and np is not None and not explicit and OF_INTRO_RE.search(before, ftail):
            # "Of 240 adults from 6 clinics enrolled, ...": a participle closing the introductory phrase
            m_part = CLOSING_PARTICIPLE_RE.match(rest_nopct)
            if m_part:
                cue_after = self._role_after(" " + m_part.group(2))
        if cue_after is not None and np is not None and not explicit and SUBJECT_START_RE.search(before, ftail) \
                and WHO_START_RE.match(rest_nopct):
            # "60 adults who had completed rehabilitation were randomized": the main verb, not the relative clause
            cue_after = self.distant_cue(rest_nopct) or cue_after
        if meta["_denominator"] and cue_after in ("completed", "analyzed", "lost_to_follow_up", "excluded",
                                                  "enrolled", "randomized") \
                and not FLOW_VERB_START_RE.match(rest_nopct):
            cue_after = None  # the verb after "x of y" tells what happened to x, not to y
        cue_before = self.role_before(before, ftail)
        if cue_before and SCREENING_AFTER_RE.match(rest_nopct):
            cue_before = None  # "we assessed 530 adults for eligibility"
        subgroup_ctx = _holds_any(before_low, SUBGROUP_WORDS) and SUBGROUP_END_RE.match(before[::-1]) is not None
        if subgroup_ctx and self.outcome_of_whom_re.search(before, ftail):
            return None  # a part of an outcome count ("748 developed dementia, of whom 511 had ...")
        # a total cue only decides for a bare count (the rules for one without a noun and "n ="),
        # a trial naming its sample only for a count with a noun
        total_ctx = np is None and not explicit and bool(TOTAL_CUE_RE.search(before, ftail))
        per_group = bool(PER_GROUP_RE.match(rest_nopct))
        trial_in = np is not None and _holds_any(before_low, TRIAL_WORDS) \
            and bool(TRIAL_IN_RE.search(before, ftail)) and not denominator
        if trial_in and IN_WHICH_BEFORE_RE.search(before, ftail) and (
                self.outcome_verb_re.match(text[np[1]:s1]) or FUTURE_AFTER_RE.match(text[np[1]:s1])):
            trial_in = False  # "a trial in which 12 adults died" counts an outcome
        if np is None and not explicit and not self.bare_count_signs(
                doc, s0, start, before, ftail, after, rest_nopct, cue_after, cue_before, subgroup_ctx, total_ctx,
                per_group, one_each, denominator):
            return None

        # outcome count: "observed in eight patients", "reported by nine men"
        if not explicit and OUTCOME_BEFORE_RE.search(before, ftail) and not (
                np and any(self.participle_role(w) for w in LOWER_WORD_RE.findall((np[3] or "").lower()))):
            return None  # outcome count, unless the group is named by its flow ("in 75 evaluable adults")
        # outcome count with a participant noun ("12 patients died"), unless they were then excluded
        if np and not cue_after and self.outcome_verb_re.match(rest_nopct) and not explicit and not denominator \
                and not trial_in:
            m_clause = CLAUSE_COMMA_RE.search(rest_nopct)
            clause = rest_nopct[:m_clause.start()] if m_clause else rest_nopct
            m_excl = AND_EXCLUDED_RE.search(clause)
            if m_excl:
                return self._row(doc, num, n_lower, span_end, "excluded", population, head, s0, s1,
                                 prev_start, start, meta=meta)
            if subgroup_ctx:
                return self._row(doc, num, n_lower, span_end, "subgroup", population, head, s0, s1,
                                 prev_start, start, meta=meta)
            return None

        role: str | None = None
        if per_group:
            role = cue_before if (cue_before and not explicit) else None
            if role is None and not cue_after:
                head_text = text[s0:start]
                clause_start = max(head_text.rfind(";"), head_text.rfind(":")) + 1
                if RANDOMISED_BEFORE_RE.search(head_text[clause_start:]):
                    role = "randomized"  # "randomly allocated to four groups (n=10 per group)"
        else:
            arm = None
            if paren is not None and not (cue_after and AUX_AFTER_PAREN_RE.match(rest_nopct)):
                arm = self.arm_from_head(paren, sentence)
            if arm is None and cue_after not in ("completed", "analyzed", "lost_to_follow_up", "excluded"):
                arm = self.arm_from_after(_drop_start(PAREN_START_RE, rest_nopct), sentence, before, ftail)
                if arm is None and head in ("controls", "control") and not explicit:
                    arm = "control_arm"
            if arm is None and not explicit:
                m_named = ARM_NAMED_BEFORE_RE.search(before, ftail)
                if m_named and not NAMED_ARM_EXCLUDE_RE.search(m_named.group(1)):
                    arm = self.arm_kind(m_named.group(1))  # "the control arm comprised 61 women"
            if arm is None and np and not explicit:
                m_lab = GROUP_LABEL_RE.match(rest)
                if m_lab and not LABEL_EXCLUDE_RE.search(m_lab.group(1)):
                    arm = self.arm_kind(m_lab.group(1))  # "80 patients (group A)", "33 patients (GJG group)"
            if arm is None and np and not explicit:
                arm = self.arm_from_received(rest_nopct, sentence)
            if arm is None and np and not explicit and not cue_after:
                arm = self.paren_list_arm(text, before, span_end, s1, np_end)
            if arm is None and meta["_denominator"] and sentence.proportions() >= 2:
                m_arm = DENOM_ARM_RE.match(rest_nopct)
                if m_arm:
                    arm = self.arm_kind(_cut_phrase(m_arm.group(1)))
            m_part = PARTICIPLE_ARM_RE.match(rest_nopct) if (np and not explicit and arm is None) else None
            if m_part and (INTRO_PREP_BEFORE_RE.search(before, ftail) or sentence.assigned_counts() >= 2):
                # "Of 60 adults randomly assigned to the drug, ...", "the 45 adults allocated DX ..."
                phrase = _cut_phrase(m_part.group(1))
                clause_tail = rest_nopct[m_part.start(1):]
                m_cut = CLAUSE_PART_RE.search(clause_tail)
                if m_cut:
                    clause_tail = clause_tail[:m_cut.start()]
                if not ALTERNATIVES_RE.search(clause_tail):
                    arm = self.arm_kind(phrase)
            if arm and IN_GROUP_RE.match(rest_nopct):
                # "two participants in the NMN group and three in the placebo group discontinued"
                m_cut = CLAUSE_PUNCT_RE.search(rest_nopct)
                clause = rest_nopct[:m_cut.start()] if m_cut else rest_nopct
                flow = FLOW_LATER_RE.search(clause)
                if flow:
                    later = self.role_after(" " + flow.group(0))
                    if later in ("completed", "analyzed", "lost_to_follow_up", "excluded"):
                        arm = None
                        cue_after = later
            if arm:
                role = arm
            elif cue_after:
                role = cue_after
            elif subgroup_ctx and not explicit:
                role = "subgroup"
            elif cue_before and not explicit:
                role = cue_before
                meta["_cue_before"] = True
            elif np and not explicit and head not in ("controls", "control") and self.control_ctx_re.search(
                    " ".join((np[3] or "").split()[:-1])):
                role = "control_arm"  # "Of the 60 placebo patients, ..." (a flow verb after them wins)
            elif np and not explicit:
                for mod in LOWER_WORD_RE.findall((np[3] or "").lower()):
                    mod_role = self.participle_role(mod)
                    if mod_role:
                        role = mod_role
                        break
            if role is None and explicit and cue_before and paren is None:
                role = cue_before
            if role is None and explicit and paren is not None and not cue_after:
                role = self.role_before(paren)  # "Of those who withdrew (n=17; ...)"
            if role is None and explicit and paren is not None and SUBGROUP_HEAD_RE.search(
                    paren[max(paren.rfind("."), paren.rfind(";")) + 1:][-120:]):
                role = "subgroup"
            if role is None and explicit:
                role = self.arm_from_n_list(text, before, after, sentence, ftail)
            if role is None and not cue_after and np and not explicit and not meta["_denominator"] and (
                    PCT_PAREN_START_RE.match(after) or PCT_PAREN_START_RE.match(rest)):
                role = "subgroup"
            if role is None and not cue_after and np and not explicit and IN_THE_RE.search(before, ftail) and \
                    SUBGROUP_REST_RE.match(rest_nopct):
                role = "subgroup"
            if role is None and not cue_after and np and not explicit and not trial_in and \
                    IN_AMONG_BEFORE_RE.search(before, ftail) and AGE_SUBSET_RE.match(rest_nopct):
                role = "subgroup"  # "in 64 participants older than 75"
            m_pred = PREDICATE_RE.match(rest_nopct)
            if role in (None, "subgroup") and not cue_after and np and not explicit and m_pred:
                role = "subgroup"
                m_cut = PREDICATE_CUT_RE.search(m_pred.group(1))
                pred_words = (m_pred.group(1)[:m_cut.start()] if m_cut else m_pred.group(1)).rstrip(".")
                population = (population or "") + " " + pred_words
            if role is None and explicit and paren is not None and PCT_OF_END_RE.search(paren):
                role = "subgroup"
            if role is None and paren is None and not cue_after:
                role = self.arm_from_labelled_paren(before)
            if role is None and np is not None and not explicit and not cue_after:
                role = self.labelled_count_list(text, start, span_end, s0, s1)  # "(AX 30 adults, BX 28 adults)"
            if role is None and trial_in and not explicit and np:
                role = "enrolled"
            if role in ("enrolled", "randomized") and (sentence.planned() or (
                    _holds_any(before_low, PLANNED_WORDS) and PLANNED_BEFORE_RE.search(before))):
                role = None  # a planned sample
            m_set = ANALYSIS_SET_BEFORE_RE.search(before, ftail)
            if m_set and role in (None, "enrolled", "completed", "analyzed") and not meta["_denominator"] \
                    and not per_group:
                # "the per-protocol population comprised 218 completers"; "the sensitivity analysis included 300"
                role = "subgroup" if SUBGROUP_HEAD_RE.search(before[max(0, m_set.start() - 30):m_set.end()]) \
                    else "analyzed"

        # ---------------------------------------------------- acceptance
        accept = explicit or np is not None
        if not accept and (role is None or role == cue_before) and not explicit and TREATED_AFTER_RE.match(after) \
                and TREATED_INTRO_RE.search(before, ftail):
            # "Of 90 randomized adults, 88 were treated": the treated (safety) population
            role, accept = "analyzed", True
        if not accept and role is None and not explicit and np is None:
            list_arm = self.labelled_count_list(text, start, span_end, s0, s1)
            if list_arm:
                role, accept = list_arm, True
        if not accept and role is None and not denominator:
            # a population written as an abbreviation: "150 HCWs were randomized"
            m_abbr = ABBR_SUBJECT_RE.match(after)
            if m_abbr and _lookup_word(m_abbr.group(2)) not in lex.units:
                abbr_role = self._role_after(after[m_abbr.end():])
                if abbr_role in ("enrolled", "randomized", "completed", "analyzed", "excluded", "lost_to_follow_up"):
                    role, accept = abbr_role, True
                    population = " ".join((m_abbr.group(1) + m_abbr.group(2)).split())
        if not accept and role in ("intervention_arm", "control_arm"):
            lead = text[s0:start][-200:]
            m_event = self.event_count_re.search(lead)
            if m_event and not self.noun_re.search(lead[m_event.end():]):
                return None  # "94 deaths in the 1 cm group compared with 165 in the 3 cm group"
        if not accept:
            # bare counts
            if cue_after and BARE_CUE_AFTER_RE.match(after):
                accept = True
            elif role in ("intervention_arm", "control_arm") and (
                    paren is not None and CLOSE_RE.match(after) or ARM_AFTER_RE.match(after)):
                accept = True
            elif subgroup_ctx and SUBGROUP_VERB_AFTER_RE.match(after) and not self.event_had_re.match(after):
                accept = True
            elif per_group and (cue_before or total_ctx or sentence.random_context() or paren is not None
                                or one_each or self.any_cue_end_re.search(before[-80:], ftail)):
                accept = True
            elif one_each:
                accept = True
            elif role is None and not cue_after and IN_THE_RE.search(before, ftail) and (
                    SUBSET_AFTER_RE.match(after) or AGE_SUBSET_RE.match(after)):
                role, accept = "subgroup", True  # "in the 120 with node-positive disease"
            elif role is None and not explicit and self.arm_from_received(after, sentence) and \
                    LIST_JOIN_BEFORE_RE.search(before, ftail):
                role = self.arm_from_received(after, sentence)
                accept = True
            elif role is None and self.paren_list_arm(text, before, span_end, s1):
                role = self.paren_list_arm(text, before, span_end, s1)
                accept = True
            elif role is None and OF_INTRO_RE.search(before, ftail) and SCREENED_AFTER_RE.match(after) and \
                    doc.nouns.first(prev_start, s1):
                accept = True  # "Of the 300 who completed baseline screening, ...": a screened count, no role
            elif role == cue_before and role in ("enrolled", "randomized") and \
                    RANDOMISED_END_RE.search(before, ftail) and CLAUSE_END_AFTER_RE.match(after) and \
                    doc.nouns.first(prev_start, start):
                accept = True  # "we screened 1,020 women and randomised 300."
            elif total_ctx and TOTAL_AFTER_RE.match(after):
                accept = True
            elif denominator and PAREN_RATIO_BEFORE_RE.search(before, ftail) and doc.nouns.first(s0, start):
                accept = True
            elif denominator and not ONE_OF_BEFORE_RE.search(before, ftail) and not any(
                    _lookup_word(w) in lex.units or _lookup_word(w) in lex.outcome_event_nouns
                    for w in (m.group(0) for m in islice(WORD_TOKEN_RE.finditer(after), 3))) and (PUNCT_END_AFTER_RE.match(after) or (
                    FIRST_LOWER_WORD_RE.match(after) and
                    FIRST_LOWER_WORD_RE.match(after).group(1) not in lex.units and
                    FIRST_LOWER_WORD_RE.match(after).group(1) not in lex.outcome_event_nouns)) \
                    and doc.nouns.first(prev_start, start):
                accept = True
            if not accept:
                return None
            if role is None and cue_after:
                role = cue_after
        if explicit and np is None and paren is not None:
            # population from the noun phrase right before "(n = ..."
            population = self._population_before(paren)
        meta["_ctx_population"] = population is None
        if population is None and head not in lex.no_organism_nouns:
            population = self.context_population(doc, start, max(0, prev_start - 400))
            m_grp = IN_THE_GROUP_RE.match(after)
            if population and m_grp:
                population = population + " in the " + m_grp.group(1)
        if meta["_denominator"] and role is None and sentence.subgroup_intro():
            role = "subgroup"
        if per_group and population and "per group" not in population:
            population = population + " per group"
        return self._row(doc, num, n_lower, span_end, role, population, head, s0, s1, prev_start, start, meta=meta)

    def bare_count_signs(self, doc: _Document, s0: int, start: int, before: str, ftail: str, after: str, rest_nopct: str,
                         cue_after, cue_before, subgroup_ctx, total_ctx, per_group, one_each, denominator) -> bool:
        """Whether a count without a noun shows one of the signs that every acceptance rule of
        `classify` for it needs: a role cue, a context (subgroup, total, per group, proportion),
        an open parenthesis before it in the sentence, or the words that open an arm, a treated
        population, an abbreviated subject or a subset."""
        if cue_after or cue_before or subgroup_ctx or total_ctx or per_group or one_each or denominator:
            return True
        open_i = doc.text.rfind("(", s0, start)
        if open_i >= 0 and doc.text.find(")", open_i, start) < 0:
            return True  # the count inside a parenthesis: arm labels before it, labelled lists
        if TREATED_AFTER_RE.match(after) or ABBR_SUBJECT_RE.match(after) or RECEIVED_RE.match(after):
            return True
        arm_after = _drop_start(PAREN_START_RE, rest_nopct)
        if ON_ARM_RE.match(arm_after) or IN_GROUP_RE.match(arm_after) or TO_ARM_RE.match(arm_after):
            return True
        return bool(ARM_NAMED_BEFORE_RE.search(before, ftail) or IN_THE_RE.search(before, ftail)
                    or OF_INTRO_RE.search(before, ftail))

    def arm_from_n_list(self, text: str, before: str, after: str, sent: _Sentence, ftail: str) -> str | None:
        """`(n = 35, vandetanib; n = 29, placebo)`, `paroxetine (N=13), ... or placebo (N=11)`."""
        if sent.explicit_counts() < 2:
            return None
        if not sent.names_arms():
            return None
        m_close = EXPLICIT_CLOSE_RE.match(after)
        if m_close and self.role_after(after[m_close.end():]):
            return None
        subj = N_SUBJECT_RE.search(before, ftail)
        if subj and _lookup_word(subj.group(1)) in self.lex.participant_nouns \
                and _lookup_word(subj.group(1)) not in ("control", "controls"):
            return None
        head = N_HEAD_END_RE.sub("", before)
        cuts = list(LABEL_SPLIT_RE.finditer(head))
        seg = head[cuts[-1].end():] if cuts else head
        m_end = N_LABEL_END_RE.search(after)
        seg_after = after[:m_end.start()] if m_end else after
        label = seg + " " + seg_after
        if AGE_LABEL_RE.search(label):
            return "subgroup"
        if CONTROLLED_RE.search(label):
            label = CONTROLLED_WORD_RE.sub("", label)
        return self.arm_kind(label)

    def second_predicate_cue(self, rest: str) -> str | None:
        """Flow cue of a second predicate when the first is not one: `349 underwent surgery and were
        included in the efficacy analysis`, `40 adults received the drug and were analysed`."""
        m = SECOND_PREDICATE_RE.match(rest)
        if not m:
            return None
        verb = m.group(1).lower()
        if not (verb.endswith("ed") or verb in ("underwent", "took", "began", "gave", "met")) or \
                verb in self.lex.outcome_verbs or self._role_after(" " + verb):
            return None
        role = self._role_after(" " + rest[m.end():])
        return role if role in ("analyzed", "completed", "excluded", "randomized", "enrolled",
                                "lost_to_follow_up") else None

    def coordinated_cue(self, text: str, pos: int, limit: int) -> str | None:
        """Role of `30 men and 11 women were enrolled` for the first count of the pair."""
        m = COORDINATED_COUNT_RE.match(text, pos, limit)
        if not m:
            return None
        np2 = self.noun_phrase(text, m.end(), limit)
        if not np2:
            return None
        role = self.role_after(text[np2[1]:limit])
        return role if role in ("enrolled", "randomized", "completed", "analyzed", "excluded",
                                "lost_to_follow_up") else None

    def arm_from_received(self, rest: str, sent: _Sentence) -> str | None:
        """`15 patients received X (group A), 15 patients received Y`: counts given different treatments."""
        m = RECEIVED_RE.match(rest)
        if not m:
            return None
        phrase = _cut_phrase(m.group(1))
        if sent.received_counts() >= 2 or self.arm_re.search(rest[:m.end() + 30]):
            if EITHER_BOTH_ALL_RE.search(phrase):
                return None
            return self.arm_kind(phrase)
        return None

    def arm_from_labelled_paren(self, before: str) -> str | None:
        """`group B (SLNB plus ALNS, 57 women)`: a count after the arm label inside the parenthesis."""
        open_i = before.rfind("(")
        if open_i < 0 or ")" in before[open_i:]:
            return None
        inner = before[open_i + 1:]
        if not LABELLED_INNER_RE.fullmatch(inner):
            return None
        outer = before[:open_i].rstrip()[-30:]
        if not GROUP_LABEL_END_RE.search(outer):
            return None
        return self.arm_kind(inner)

    def paren_list_arm(self, text: str, before: str, span_end: int, s1: int, np_end: int | None = None) -> str | None:
        """`226 patients (122 letrozole, 104 placebo)`: counts listed inside a parenthesis after a total."""
        open_i = before.rfind("(")
        if open_i < 0 or ")" in before[open_i:]:
            return None
        inner_before = before[open_i + 1:]
        if inner_before.strip() and not LIST_SEP_END_RE.search(inner_before):
            return None
        close = text.find(")", span_end, s1)
        if close < 0:
            return None
        item_after = text[span_end:close]
        m_sep = ITEM_SPLIT_RE.search(item_after)
        if m_sep:
            item_after = item_after[:m_sep.start()]
        if np_end is not None:
            item_after = GENERIC_NOUN_END_RE.sub("", item_after)
            if not item_after.strip():
                return None
        if not ITEM_LABEL_RE.fullmatch(item_after):
            return None
        if "%" in item_after or "=" in item_after:
            return None
        others = OTHER_ITEMS_RE.findall(text[span_end:close] + "," + inner_before)
        if not others:
            return None
        outer = before[:open_i].rstrip()
        words = WORD_TOKEN_RE.findall(outer[-60:])
        if not words or (_lookup_word(words[-1]) not in self.lex.participant_nouns and not DIGIT_END_RE.search(outer)):
            return None
        return self.arm_kind(item_after)

    def _population_before(self, head: str) -> str | None:
        # no match holds any of ",;:()": search after the last of them
        start = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("("), head.rfind(")")) + 1
        m = self.population_before_re.search(head, start) if POSTMOD_WORD_RE.search(head, start) else None
        if m:
            return (self._population_before(head[:m.start(2)].rstrip()) or m.group(1)) + " " + m.group(2)
        return self._population_before_np(head)

    def _population_before_np(self, head: str) -> str | None:
        # a match holds only word characters, "+", "-" and blanks, and starts in one of the last five
        # runs of non-blanks: search where both allow
        backwards = head[::-1]
        start = len(head) - POPULATION_NP_STOP_RE.match(backwards).end()
        m_runs = LAST_FIVE_RUNS_RE.match(backwards)
        if m_runs:
            start = max(start, len(head) - m_runs.end())
        m = POPULATION_NP_RE.search(head, start)
        if not m:
            return None
        last = _lookup_word(m.group(2))
        if last not in self.lex.participant_nouns:
            return None
        words = (m.group(1) or "").split()
        keep = []
        for w in reversed(words):
            lw = _lookup_word(w)
            if lw in STOP or lw in self.lex.units or not LETTER_RE.search(w):
                break
            keep.append(w)
        keep.reverse()
        return " ".join(keep + [m.group(2)])

    def _row(self, doc, num, n_lower, span_end, role, population, head, s0, s1, prev_start, start,
             study: bool = False, meta: dict | None = None) -> dict:
        organism = None
        if study:
            organism = self.organism_from_context(doc, s0, start, s1, max(0, prev_start - 1500))
        elif head not in self.lex.no_organism_nouns:
            if head is not None:
                organism = self.lex.participant_nouns.get(head)
                if organism is None and head.endswith("s"):
                    organism = self.lex.participant_nouns.get(head[:-1])
            if organism is None or head in self.lex.human_default_nouns:
                ctx = self.organism_from_context(doc, s0, start, s1, prev_start)
                if ctx is not None and (organism is None or head in self.lex.human_default_nouns):
                    organism = ctx
            if organism is None and head in self.lex.human_default_nouns:
                organism = "human"
        if population is not None:
            population = " ".join(population.split()) or None
        row = {
            "start": start,
            "end": span_end,
            "n": int(num.value),
            "n_lower": n_lower,
            "role": role,
            "population": population,
            "organism": organism,
        }
        row.update(meta or {})
        return row


def _sentence_index(starts: list[int], pos: int) -> int:
    """Index of the last sentence starting at or before `pos` (-1 if none)."""
    return bisect_right(starts, pos) - 1


def _clean_sentences(text: str, sentences) -> list[tuple[int, int]]:
    if not sentences:
        return crude_sentences(text)
    n = len(text)
    if type(sentences) is list and set(map(type, sentences)) == {tuple} and set(map(len, sentences)) == {2} \
            and set(map(type, chain.from_iterable(sentences))) == {int}:
        # (start, end) integer pairs, the common input: kept as they are when all are in the text
        starts, ends = list(map(itemgetter(0), sentences)), list(map(itemgetter(1), sentences))
        if min(starts) >= 0 and max(ends) <= n and all(map(lt, starts, ends)):
            return sorted(sentences)
    out = []
    for s in sentences:
        try:
            a, b = int(s[0]), int(s[1])
        except (TypeError, ValueError, IndexError):
            continue
        a, b = max(0, min(a, n)), max(0, min(b, n))
        if b > a:
            out.append((a, b))
    out.sort()
    return out or crude_sentences(text)


def extract(text: str, sentences=None, lex: Lexicon | None = None, strict: bool = True) -> list[dict]:
    """Rows of `text` (see find_sample_sizes). With strict=False a failing rule skips one count."""
    lex = lex or load_lexicon()
    ex = _get_extractor(lex)
    sents = _clean_sentences(text, sentences)
    starts = [a for a, _ in sents]
    doc = _Document(ex, text)
    # counts start at different characters: in order of their start
    nums = sorted(iter_numbers(text, doc.low), key=itemgetter(0))
    rows: list[dict] = []
    used_until = -1
    for idx, num in enumerate(nums):
        if num.start < used_until:
            continue
        si = _sentence_index(starts, num.start)
        if si < 0 or num.start >= sents[si][1]:
            sent = (max(0, num.start - 200), min(len(text), num.end + 200))
            prev_start = sent[0]
        else:
            sent = sents[si]
            prev_start = sents[max(0, si - 2)][0]
        # ranges "9-10"
        n_lower = None
        span_end = num.end
        m = RANGE_DASH_RE.match(text, num.end, num.end + 4)
        if m and idx + 1 < len(nums):
            nxt = nums[idx + 1]
            if nxt.start == m.end() and nxt.is_word == num.is_word and nxt.value > num.value \
                    and not DASH_WORD_RE.match(text, nxt.end, nxt.end + 2):
                n_lower = num.value
                span_end = nxt.end
                num = Number(num.start, nxt.end, nxt.value, num.is_word)
        try:
            row = ex.classify(doc, num, n_lower, span_end, sent, prev_start)
        except (re.error, ValueError, IndexError, TypeError, AttributeError, KeyError):  # pragma: no cover
            if strict:
                raise
            row = None  # one odd context must not cost the other rows
        if row is not None:
            row["_sent"] = sent
            rows.append(row)
            used_until = span_end
        elif n_lower is not None:
            used_until = span_end
    rows.sort(key=lambda r: (r["start"], r["end"]))
    _link_rows(text, rows)
    for r in rows:
        for k in [k for k in r if k.startswith("_")]:
            del r[k]
    return rows


FLOW_ROLES = ("enrolled", "randomized", "completed", "analyzed")
DISTRIBUTIVE_RE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:in\s+the\s+([^,;.()]{0,40}?(?:group|arm))\b|in\s+each\s+(?:group|arm)|"
    r"per\s+(?:group|arm))", re.IGNORECASE)


def _link_rows(text: str, rows: list[dict]) -> None:
    """Roles that depend on other rows of the article."""
    # participants counted together with the studies of a review are the pooled (analysed) sample
    for i, r in enumerate(rows):
        if r["role"] not in (None, "enrolled") or not r.get("_noun") or r.get("_denominator") \
                or r.get("_cue_before"):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(rows) and rows[j]["role"] == "studies" and rows[j].get("_sent") == r.get("_sent"):
                a, b = (rows[j]["end"], r["start"]) if j < i else (r["end"], rows[j]["start"])
                if b - a <= 60 and not SENTENCE_STOP_RE.search(text, a, b):
                    r["role"] = "analyzed"
                    break
    # a count repeated later ("Of the 218 participants, ...") keeps the role it was introduced with
    seen: dict[int, str] = {}
    for r in rows:
        if r["role"] is None and r["n"] in seen and (r.get("_denominator") or r.get("_noun")):
            r["role"] = seen[r["n"]]
        if r["role"] in FLOW_ROLES and r["n"] not in seen:
            seen[r["n"]] = r["role"]
    for r in rows:
        if r["role"] is None and r.get("_denominator"):
            r["role"] = "analyzed"  # the group a proportion was measured in
    # "14 withdrew, 6 in the drug group and 8 in the placebo group"; "(109 per group)"
    for i in range(1, len(rows)):
        r, prev = rows[i], rows[i - 1]
        if prev.get("_sent") != r.get("_sent") or r["role"] not in (None, "intervention_arm", "control_arm"):
            continue
        m = DISTRIBUTIVE_RE.match(text[r["end"]:r["end"] + 80])
        gap = text[prev["end"]:r["start"]]
        if not m or len(gap) > 70 or SENTENCE_STOP_RE.search(gap) or not LIST_GAP_END_RE.search(gap):
            continue
        if r["role"] in ("intervention_arm", "control_arm") and (prev["role"] in FLOW_ROLES or prev["role"] is None):
            continue  # "80 were analysed: 41 in the A group and 39 in the B group" keeps its arms
        if prev["role"] in FLOW_ROLES + ("lost_to_follow_up", "excluded") or (
                prev["role"] is None and PAREN_GAP_END_RE.search(gap)):
            r["role"] = prev["role"]
            if r.get("_ctx_population") and m.group(1) and m.group(1) not in (r["population"] or ""):
                base = (r["population"] or "").replace(" per group", "")
                if base:
                    r["population"] = base + " in the " + m.group(1)
    _loss_breakdowns(text, rows)
    _respective_arms(text, rows)
    _comparator_arm(text, rows)


def _loss_breakdowns(text: str, rows: list[dict]) -> None:
    """Counts in a parenthesis that splits a loss or an exclusion take its role:
    `21 adults (13 drug, 8 control) discontinued`, `those who withdrew (n=17; 10 placebo, 7 active)`,
    `9 were excluded (5 with missing scans, 4 with ...)`."""
    for i, r in enumerate(rows):
        if r["role"] not in (None, "intervention_arm", "control_arm", "subgroup"):
            continue
        s0 = (r.get("_sent") or (0, len(text)))[0]
        open_i = text.rfind("(", s0, r["start"])
        if open_i < 0 or ")" in text[open_i:r["start"]] or PERIOD_SPACE_RE.search(text[open_i:r["start"]]):
            continue
        owner = None
        for p in reversed(rows[:i]):
            if p.get("_sent") != r.get("_sent"):
                break
            if p["start"] > open_i:
                if OPEN_N_RE.fullmatch(text[open_i:p["start"]]) and \
                        SEP_START_RE.match(text[p["end"]:p["end"] + 3]):
                    owner = p  # "(n=17; 10 placebo, 7 active)"
                    break
                continue
            gap = text[p["end"]:open_i]
            if len(gap) <= 80 and not GAP_STOP_RE.search(gap):
                owner = p  # "Twenty-one adults (13 drug, 8 control) discontinued"
            break
        if owner is not None and owner["role"] in ("lost_to_follow_up", "excluded"):
            r["role"] = owner["role"]


RESPECTIVELY_RE = re.compile(
    r"(?<![\w,.])(?:[nN]\s*=\s*)?(" + NUMWORD + r")(?![\w,.]\d)\s*(?:\([^()]{0,30}\)\s*)?(?:,?\s*and\s+)"
    r"(?:[nN]\s*=\s*)?(" + NUMWORD + r")\b[^.;]{0,80}?\b(?:to|received|receiving|in|for|with|on|from|allocated|assigned|treated\s+with)\s+"
    r"(?:the\s+|either\s+)?([^,;.()]{1,60}?)\s+(?:and|or|versus|vs\.?)\s+(?:the\s+)?([^,;.()]{1,60}?)\s*"
    r"(?:groups?|arms?)?\s*,?\s+respectively", re.IGNORECASE)


def _respective_arms(text: str, rows: list[dict]) -> None:
    """`150 and 148 adults were enrolled to drug A and drug B, respectively`."""
    by_start = {r["start"]: r for r in rows}
    sents = {r.get("_sent") for r in rows if r.get("_sent")}
    ex = _get_extractor(load_lexicon())
    for a, b in sents:
        seg = text[a:b]
        if "respectively" not in seg.lower():
            continue
        for m in RESPECTIVELY_RE.finditer(seg):
            pair = [by_start.get(a + m.start(1)), by_start.get(a + m.start(2))]
            if all(r is None for r in pair) or any(r is not None and r["role"] not in (
                    None, "enrolled", "randomized", "analyzed", "completed", "intervention_arm", "control_arm")
                                                   for r in pair):
                continue
            for r, label in zip(pair, (m.group(3), m.group(4))):
                if r is not None:
                    r["role"] = ex.arm_kind(label)


COMPARE_RE = re.compile(r"randomi[sz]|randomly|assign|allocat|\bversus\b|\bvs\b|compared|\beither\b|\bor\b",
                        re.IGNORECASE)
JOIN_RE = re.compile(r"\bor\b|\bversus\b|\bvs\.?|\bcompared\s+(?:with|to)\b|\band\b|\bwhereas\b|\bwhile\b|[,;]",
                     re.IGNORECASE)


def _comparator_arm(text: str, rows: list[dict]) -> None:
    """Two arm counts of one sentence, neither named as a control: the arm listed second is the
    comparator (`randomised to drug A (n = 52) or drug B (n = 50)`, `64 to A and 63 to B`)."""
    by_sent: dict = {}
    for r in rows:
        if r["role"] in ("intervention_arm", "control_arm"):
            by_sent.setdefault(r.get("_sent"), []).append(r)
    for sent, arms in by_sent.items():
        if sent is None or len(arms) != 2 or any(a["role"] == "control_arm" for a in arms):
            continue
        first, second = arms
        between = text[first["end"]:second["start"]]
        if not JOIN_RE.search(between) or PERIOD_SPACE_RE.search(between):
            continue
        l1, l2 = _arm_label(text, first, sent), _arm_label(text, second, sent)
        if l1 and l2 and l1 < l2:
            first["role"] = "control_arm"  # "drug A (n = 40) or drug A plus drug B (n = 41)"
        else:
            second["role"] = "control_arm"


ARM_LABEL_CUT_RE = re.compile(r"[,;:(\[]|\b(?:or|versus|vs|either|to|into|receive|received|receiving|assigned|"
                              r"allocated|randomi[sz]ed|of|the|a|an|and)\b", re.IGNORECASE)
LABEL_STOP = frozenset("group groups arm arms patients women men participants subjects n cases alone only the "
                       "regimen treatment therapy".split())


def _arm_label(text: str, row: dict, sent: tuple[int, int]) -> frozenset[str]:
    """Words naming the arm of a count: before `(n = 66)` / `(66 patients)`, else after `66 to` / `66 in the`."""
    before = text[max(sent[0], row["start"] - 80):row["start"]]
    m = LABEL_BEFORE_PAREN_RE.search(before, fold_tail(before))
    if m:
        phrase = m.group(1)
        cuts = [c for c in ARM_LABEL_CUT_RE.finditer(phrase) if c.group(0).lower() not in ("and", "the", "a", "an")]
        phrase = phrase[cuts[-1].end():] if cuts else phrase
    else:
        m = LABEL_AFTER_RE.match(text, row["end"], sent[1])
        if not m:
            return frozenset()
        m_cut = LABEL_WORD_CUT_RE.search(m.group(1))
        phrase = m.group(1)[:m_cut.start()] if m_cut else m.group(1)
    words = {w.lower() for w in WORD_TOKEN_RE.findall(phrase)} - LABEL_STOP
    return frozenset(w for w in words if w not in ("plus", "with", "and", "combined", "added", "addition"))


_EXTRACTORS: dict[int, _Extractor] = {}


def _get_extractor(lex: Lexicon) -> _Extractor:
    key = id(lex)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = _Extractor(lex)
    return ex


def _build_default_extractor() -> None:
    """Build the extractor of the default lexicon when the module is loaded, so that the first
    document does not pay for compiling its patterns."""
    try:
        _get_extractor(load_lexicon())
    except (LexiconError, OSError, ValueError):  # a bad lexicon is reported by the first call
        pass


_build_default_extractor()
