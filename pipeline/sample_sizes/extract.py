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

from .lexicon import Lexicon, load_lexicon
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
REL = r"(?:\s*,)?\s*(?:who\s+|that\s+|of\s+whom\s+|which\s+)?"
PCT_PAREN = r"\(\s*[<>≤≥~]?\s*\d+(?:[.,·]\d+)?\s*%[^()]{0,30}\)"
TOTAL_CUE_RE = re.compile(
    r"(?:\ba\s+total\s+of|\btotal\s+of|\bin\s+total\s*,?|\bin\s+all\s*,?|\boverall\s*,?|\baltogether\s*,?|"
    r"\bsample\s+(?:size\s+)?of|\btotal\s+sample\s+of|\btotal\s+n\s+of|\bcohort\s+of|\bgroup\s+of|"
    r"\bseries\s+of|\bpopulation\s+of|\bdata\s+(?:from|on|of)|\bcomprised|\bcomprising|\bconsisted\s+of|"
    r"\bconsisting\s+of|\binvolved|\binvolving|\bincluding\s+data\s+from)\s*$",
    re.IGNORECASE,
)
SUBGROUP_RE = re.compile(
    r"(?:(?:[,(]|\d[^.;]{0,40})\s*including|\b(?:subgroup|subset|subsample)\s+of|\bof\s+whom|\bof\s+these(?:\s+\w+)?|\bof\s+them|\bof\s+which|\bamong\s+them|"
    r"\bamong\s+these(?:\s+\w+)?|\bamong\s+whom|\bof\s+those(?:\s+\w+)?)\s*,?\s*$",
    re.IGNORECASE,
)
EXPLICIT_RE = re.compile(r"(?:^|[^\w])[nN]\s*(?:=|:|＝)\s*$")
REF_BEFORE_RE = re.compile(r"\[\s*(?:\d+\s*[,–\-]\s*)*$")
REF_AFTER_RE = re.compile(r"^\s*(?:[,–\-]\s*\d+\s*)*\]")
RANGE_TAIL_RE = re.compile(r"\d\s*(?:[-–—]|to)\s*$")
DENOM_BEFORE_RE = re.compile(
    r"(?:\d|\b[a-z]+)\s*(?:" + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
    r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?$",
    re.IGNORECASE,
)
SLASH_BEFORE_RE = re.compile(r"\d\s*/\s*$")
PER_GROUP_RE = re.compile(
    r"^\s*(?:(?:per|in\s+each|each|for\s+each|in\s+both|in\s+every)\s+(?:treatment\s+|study\s+)?"
    r"(?:group|arm|condition|cohort|strain|genotype|sex|dose)|each\s*(?=[),;]))",
    re.IGNORECASE,
)
RANDOM_CONTEXT_RE = re.compile(
    r"randomi[sz]|randomly|assign|allocat|\bversus\b|\bvs\b|compared|\beither\b",
    re.IGNORECASE,
)
ARM_SPLIT_RE = re.compile(
    r"[;,:(\[]|\bor\b|\band\b|\bversus\b|\bvs\.?|\beither\b|\bto\b|\binto\b|\breceive\b|\breceived\b|"
    r"\breceiving\b|\bwith\b|\bcompared\b|\bwhereas\b|\bwhile\b|\bassigned\b|\ballocated\b|\brandomi[sz]ed\b",
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
LIST_TAIL_RE = re.compile(r"\b(?:days?|weeks?|months?|years?|cycles?|doses?|grades?|stages?|levels?|visits?|"
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
PREV_ASSIGNED_RE = re.compile(
    NUMWORD + r"\s+(?:\([^()]{0,60}\)\s+)?(?:[\w-]+\s+){0,3}?(?:were|was)\s+(?:randomly\s+)?(?:randomi[sz]ed|assigned|"
    r"allocated)\s+to\s+[^,;.]{1,80}?(?:,\s*and|,|\band|\bwhile|\bwhereas)\s*$", re.IGNORECASE)
TREATED_AFTER_RE = re.compile(
    r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:\([^()]{0,80}\)\s*)?(?:were\s+(?:actually\s+)?treated\b|"
    r"received\s+(?:at\s+least\s+one\s+dose|(?:the\s+)?(?:study|protocol|allocated|assigned)\s+(?:drug|treatment|"
    r"therapy|medication)))", re.IGNORECASE)
OF_ANAPHOR_RE = re.compile(r"^\s*(?:" + PCT_PAREN + r"\s*)?of\s+(?:whom|them|these|those)(?:\s+(?!were\b|was\b)[a-z]+){0,2}"
                           r"\s*(?:\([^()]{0,80}\)\s*)?(?=\s)", re.IGNORECASE)
OF_INTRO_RE = re.compile(r"(?:^|[.;:]\s*)(?:of|among|from)\s+(?:the\s+|all\s+|these\s+|those\s+)?$", re.IGNORECASE)
SUBJECT_START_RE = re.compile(
    r"(?:^|[.;:]|,)\s*(?:(?:a\s+total\s+of|in\s+total\s*,?|overall\s*,?|altogether\s*,?|only|all|then|finally|"
    r"the|thus|therefore|subsequently)\s+)*$", re.IGNORECASE)
FINITE_VERB_RE = re.compile(
    r"(?<![\w-])(?:were|was|are|is|had|have|has|received|underwent|participated|took|entered|completed|agreed|"
    r"consented|did|showed|experienced|developed|died|reported|achieved|started|remained)(?![\w-])", re.IGNORECASE)
BOUND_BEFORE_RE = re.compile(
    r"\b(?:fewer|less|more|greater|larger|smaller)\s+than\s+$|\b(?:up\s+to|at\s+least|at\s+most|as\s+many\s+as|"
    r"as\s+few\s+as|over|under|below|above|exceeding)\s+$",
    re.IGNORECASE,
)
TRIAL_IN_RE = re.compile(
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
AGE_BEFORE_RE = re.compile(r"\bage[sd]?\s+(?:of\s+|was\s+|were\s+|is\s+|range\s+|between\s+|=\s*|:\s*)?$", re.IGNORECASE)
EXPLICIT_ANY_RE = re.compile(r"(?<![\w])[nN]\s*(?:=|:)\s*\d")
LABEL_SPLIT_RE = re.compile(r"[;()\[\]]|\bor\b|\band\b|\bversus\b|\bvs\.?|\beither\b|\bto\b|\bwith\b|\breceive\b|"
                            r"\breceived\b|\breceiving\b", re.IGNORECASE)
OUTCOME_BEFORE_RE = re.compile(
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
# a sample still to be studied: "we plan a 3-year study in 600 adults", "a future trial of 2,000 adults"
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
ANALYSIS_SET_BEFORE_RE = re.compile(
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
SCREENING_AFTER_RE = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:" + SCREENING_TAIL.replace("\\s+", "\\s*", 1)
                                + r")", re.IGNORECASE)
SCREENED_AFTER_RE = re.compile(r"^\s*,?\s*(?:(?:who|that)\s+(?:were\s+|had\s+(?:been\s+)?)?)?(?:(?:screened|approached|"
                               r"invited|contacted)\b|[a-z]+(?:" + SCREENING_TAIL + r"))", re.IGNORECASE)
IN_THE_RE = re.compile(r"\b(?:in|among|for)\s+(?:the|those|these)\s+$", re.IGNORECASE)
TOKEN_RE = re.compile(r"\s*(\([^()]{0,80}\)|\[[^\[\]]{0,40}\]|[^\s,;:()\[\]]+)")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.\-]*$")
PREV_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[\s\-–]*$")
CRUDE_SENT_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•#])")


def _cut_phrase(phrase: str) -> str:
    return re.split(r"\s(?:and|while|whereas|but)\s|,|\s\d", phrase)[0]


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
ARM_NAMED_BEFORE_RE = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:the|a|an)\s+)((?:[\w+\-/]+\s+){1,3}?(?:group|arm))\s+(?:comprised|consisted\s+of|included|"
    r"was\s+composed\s+of|contained|numbered|enrolled|recruited)\s+(?:a\s+total\s+of\s+|only\s+)?$", re.IGNORECASE)
ON_ITEM_RE = re.compile(NUMWORD + r"\s+(?:" + PCT_PAREN + r"\s*)?(?:[A-Za-z-]+\s+)?(?:on|receiving|taking|given)\s+"
                        r"(?:the\s+)?[A-Za-z]",
                        re.IGNORECASE)


class _Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        cues = []
        for role, pats in lex.role_cues.items():
            for p in pats:
                cues.append((role, p))
        self.cues = cues
        self.cue_after = [
            (role, re.compile(r"^" + REL + AUX + r"(?:" + p + r")(?![\w])(?!" + SCREENING_TAIL + ")", re.IGNORECASE))
            for role, p in cues
        ]
        before_cues = cues + [(role, p) for role, pats in lex.role_cues_before.items() for p in pats]
        self.cue_before = [
            (role, re.compile(
                r"(?<![\w-])(?:" + p + r")\s*,?\s+(?:(?:a\s+total\s+of|in\s+total|only|approximately|about|"
                r"nearly|almost|over|more\s+than|all|the|some|a\s+further|another|an\s+additional|"
                r"data\s+(?:from|on|of)|samples\s+from|altogether|overall|a\s+sample\s+of)\s+)*$",
                re.IGNORECASE))
            for role, p in before_cues
        ]
        self.cue_before_any = re.compile(
            r"(?<![\w-])(?:%s)\s*,?\s+(?:(?:a\s+total\s+of|in\s+total|only|approximately|about|"
            r"nearly|almost|over|more\s+than|all|the|some|a\s+further|another|an\s+additional|"
            r"data\s+(?:from|on|of)|samples\s+from|altogether|overall|a\s+sample\s+of)\s+)*$"
            % "|".join(p for _, p in before_cues), re.IGNORECASE)
        self.any_cue_end_re = re.compile(r"(?:%s)\s*,?\s*$" % "|".join(p for _, p in cues), re.IGNORECASE)
        self.outcome_verb_alts = "|".join(sorted(lex.outcome_verbs - {"had", "has", "have"}))
        self.event_count_re = re.compile(
            NUMWORD + r"\s+(?:\([^()]{0,20}\)\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:%s)\b" % "|".join(
                sorted(w for w in lex.outcome_event_nouns if (w.endswith("s") or w in ("death", "event"))
                       and w not in ("groups", "arms"))),
            re.IGNORECASE)
        self.event_alts = "|".join(sorted(lex.outcome_event_nouns))
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
        self.WORDNUM_RE = re.compile(NUMWORD + r"(?:-\w+)?", re.IGNORECASE)
        ctx_ctrl = [w for w in lex.control_words if len(w) > 3 and w not in ("without", "alone")]
        self.control_ctx_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(sorted(ctx_ctrl, key=len, reverse=True)),
                                         re.IGNORECASE)
        ctrl = sorted(lex.control_words, key=len, reverse=True)
        self.control_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(ctrl), re.IGNORECASE)
        self.arm_re = re.compile(r"(?<![\w-])(?:%s)(?![\w])" % "|".join(sorted(lex.arm_words)), re.IGNORECASE)
        unit_alts = "|".join(re.escape(u) for u in sorted(lex.units, key=len, reverse=True))
        self.unit_re = re.compile(r"^\s*(?:%s)(?![A-Za-z])" % unit_alts, re.IGNORECASE)
        org_alts = "|".join(re.escape(w) for w in sorted(lex.organism_words, key=len, reverse=True))
        self.org_re = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % org_alts, re.IGNORECASE)
        self.outcome_verb_re = re.compile(
            r"^\s*(?:(?:also|then|later|subsequently|eventually|all|each|still)\s+)?(?:%s)(?![\w])(?!\s+been)"
            % "|".join(sorted(lex.outcome_verbs)), re.IGNORECASE)

    # ------------------------------------------------------------------ helpers
    def _lookup_word(self, tok: str) -> str:
        w = tok.lower().strip(".'’\"")
        for suffix in ("'s", "’s"):
            if w.endswith(suffix):
                w = w[: -len(suffix)]
        return w

    def noun_phrase(self, text: str, pos: int, limit: int, allow_pct_first: bool = True):
        """Parse modifiers + counted noun right after `pos`.

        Returns (kind, np_end, head, population) with kind 'participant' or 'study', or None.
        """
        i = pos
        mods: list[str] = []
        first_tok_start = None
        n_words = 0
        for k in range(12):
            m = TOKEN_RE.match(text, i, limit)
            if not m:
                return None
            tok = m.group(1)
            if tok[0] in "([":
                if k == 0 and not allow_pct_first:
                    return None
                if k == 0 and not re.fullmatch(PCT_PAREN, tok):
                    return None
                i = m.end()
                continue
            if first_tok_start is None:
                first_tok_start = m.start(1)
            m_comma = re.match(r",\s*(?=[A-Za-z])", text[m.end(1):m.end(1) + 3])
            w = self._lookup_word(tok)
            ends_sentence = tok.endswith(".") and w not in ("vs", "no")
            nxt_tok = TOKEN_RE.match(text, m.end(), limit)
            if nxt_tok and not tok.endswith(".") and self._lookup_word(nxt_tok.group(1)) in self.lex.study_nouns \
                    and w not in self.lex.study_nouns and (w not in STOP or w == "completed"):
                n_words += 1
                i = m.end()
                continue
            if w in self.lex.participant_nouns and nxt_tok and not tok.endswith(".") and not m_comma and n_words < 7 \
                    and self._lookup_word(nxt_tok.group(1)) in self.lex.participant_nouns:
                n_words += 1  # a noun modifying the counted noun: "two control participants", "case patients"
                mods.append(w)
                i = m.end()
                continue
            if w in self.lex.participant_nouns or (w.endswith("s") and w[:-1] in self.lex.participant_nouns
                                                   and self.lex.participant_nouns[w[:-1]] is not None
                                                   and w not in self.lex.outcome_event_nouns):
                if w in ("case", "cases", "control", "controls") and re.match(r"\s*(?:of|with|per|in\s+which)\b",
                                                                                   text[m.end(1):limit], re.I):
                    return None
                return ("participant", m.end(1) - (1 if tok.endswith(".") else 0), w,
                        self._population(text, first_tok_start, m.end(1) - (1 if tok.endswith(".") else 0)))
            if w in self.lex.study_nouns:
                return ("study", m.end(1), w, self._population(text, first_tok_start, m.end(1) - (1 if tok.endswith(".") else 0)))
            if w in self.lex.outcome_event_nouns:
                # an outcome noun may only modify a participant noun directly after it
                nxt = TOKEN_RE.match(text, m.end(), limit)
                if not (nxt and not m_comma and self._lookup_word(nxt.group(1)) in self.lex.participant_nouns):
                    return None
            if w in ("and", "or", "&") and n_words > 0 and not ends_sentence:
                nxt = TOKEN_RE.match(text, m.end(), limit)
                if nxt and re.match(r"[A-Za-z]", nxt.group(1)) and self._lookup_word(nxt.group(1)) not in STOP \
                        and self._lookup_word(nxt.group(1)) not in self.lex.units:
                    i = m.end()
                    continue
                return None
            if re.fullmatch(r"(?:\d+|[IVX]+)[-–](?:\d+|[IVX]+)[A-Za-z]?", tok) and n_words > 0:
                i = m.end()
                continue
            if (w in STOP or (w in self.lex.units and k == 0)
                    or ends_sentence or not re.search(r"[A-Za-z]", tok) or n_words >= 7):
                return None
            if "%" in tok or "=" in tok:
                return None
            n_words += 1
            mods.append(w)
            i = m.end()
            if m_comma and k < 6:
                i += m_comma.end()
        return None

    def extend_population(self, text: str, pos: int, limit: int) -> str:
        """Post-modifier of a counted noun: `with type 2 diabetes`, `taking NMN`, `in the NMN group`."""
        m = POSTMOD_RE.match(text, pos, limit)
        if not m:
            return ""
        words = []
        for w in re.finditer(r"\S+", m.group(2)):
            tok = w.group(0)
            low = self._lookup_word(tok)
            if low in POSTMOD_STOP or re.match(r"\d", tok) or low in self.lex.units:
                break
            if low in ("and", "or") and re.match(r"\s*(?:\d|%s\b)" % NUMWORD, m.group(2)[w.end():], re.I):
                break
            words.append(tok)
            if tok.endswith((".", ",", ";", ":")) or len(words) >= 10:
                break
        while words and self._lookup_word(words[-1]) in ("and", "or", "the", "a", "an", "of", "with"):
            words.pop()
        if not words:
            return ""
        phrase = " ".join(words).rstrip(".,;:")
        return " " + m.group(1) + " " + phrase

    def context_population(self, text: str, start: int, lo: int) -> str | None:
        """The nearest counted noun (with one modifier) written before `start` (back to `lo`)."""
        best = None
        for m in self.noun_re.finditer(text, lo, start):
            best = m
        if best is None:
            return None
        word = best.group(0)
        prev = re.search(r"([A-Za-z][\w\-/−Δ]*)\s+$", text[max(lo, best.start() - 40):best.start()])
        if prev:
            pw = self._lookup_word(prev.group(1))
            if pw not in STOP and pw not in self.lex.units and pw not in POSTMOD_STOP and \
                    not re.match(r"[A-Z][a-z]+$", prev.group(1)) and self.WORDNUM_RE.fullmatch(pw) is None:
                return prev.group(1) + " " + word
        return word

    @staticmethod
    def _population(text: str, start: int, end: int) -> str:
        s = text[start:end]
        s = re.sub(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]", "", s)
        s = re.sub(r"\s+", " ", s).strip()
        return s

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
        clause = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", lambda m: " " * len(m.group(0)), rest[:200])
        clause = APPOSITIVE_RE.sub(lambda m: " " * len(m.group(0)), clause)
        clause = re.split(r"[;:]|(?<!\d),\s*(?:and\s+|while\s+|whereas\s+)?(?=" + NUMWORD + r"\b)|\s(?:and|or|but)\s+(?="
                          + NUMWORD + r"\b)|\.\s", clause, maxsplit=1, flags=re.I)[0]
        for m in FINITE_VERB_RE.finditer(clause):
            if re.search(r"\b(?:who|that|which|whom|whose)\s+(?:\w+\s+)?$", clause[:m.start()], re.I):
                continue  # the verb of a relative clause
            return self._role_after(clause[m.start():])
        return None

    def labelled_count_list(self, text: str, start: int, end: int, s0: int, s1: int) -> str | None:
        """`(drug 310, placebo 305)`, `(coaching: 41, control: 40)`, `(212, drug; 106, placebo)`:
        a parenthesis listing arm labels with their counts after a total."""
        open_i = text.rfind("(", s0, start)
        if open_i < 0 or ")" in text[open_i:start]:
            return None
        close_i = text.find(")", end, s1)
        if close_i < 0 or "(" in text[end:close_i]:
            return None
        head = text[max(s0, open_i - 60):open_i]
        m_total = re.match(r"\s*[nN]\s*[=:]\s*[\d,]+\s*;\s*", text[open_i + 1:close_i])
        if m_total and open_i + 1 + m_total.end() <= start:
            open_i += m_total.end()  # "(n=17; 10 placebo, 7 active)": the list follows the total
        inner = text[open_i + 1:close_i]
        counted = re.findall(NUMWORD + r"\s+([A-Za-z][\w-]*)", head, re.I)
        if counted and self._lookup_word(counted[-1]) in self.lex.outcome_event_nouns and \
                self._lookup_word(counted[-1]) not in SITE_NOUNS:
            return None  # the list splits an outcome count ("61 events (A 25, B 36)"), not participants
        items = re.split(r"\s*;\s*(?=\S)" if ";" in inner else r"\s*,\s*(?=\S)", inner.strip())
        items = [re.sub(r"\s+(?:%s)$" % self.noun_re.pattern, "", it) for it in items]
        label_first = all(re.fullmatch(r"[A-Za-z][^\d;()]{0,40}?\s*[:=,]?\s*\d[\d,]*", it) for it in items)
        label_last = all(re.fullmatch(r"\d[\d,]*\s*[:=,]?\s*[A-Za-z][^\d;()]{0,40}", it) for it in items)
        if len(items) < 2 or not (label_first or label_last) or "%" in inner or re.search(r"\b[nN]\s*=", inner):
            return None
        pos = open_i + 1 + len(inner) - len(inner.lstrip())
        for it in items:
            k = text.find(it, pos, close_i + 1)
            if k < 0:
                return None
            if k <= start < k + len(it):
                label = re.sub(r"[\d,:=]+", " ", it)
                if re.search(r"\b(?:years?|months?|weeks?|days?|mg|kg|cm|age[sd]?|cycles?|grade|stage)\b", label, re.I):
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
        clause = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", rest)
        if re.search(r"[;:]", clause):
            return False
        for m in FINITE_VERB_RE.finditer(clause):
            if not re.search(r"\b(?:who|that|which|whom|whose)\s+(?:\w+\s+)?$", clause[:m.start()], re.I):
                return False
        return not re.search(r"\b(?:will|would|can|could|may|might|must|should|do|does|been|being|took|gave|went|"
                             r"began|saw|made|got|found|left|kept|met|ran|underwent)\b|\b(?:%s)\b|"
                             r"\b[a-z]+ed\b(?!\s+(?:with|by|for|in|at|on|from|to|under|over|between|as|after|before|"
                             r"during|within|than|or|and|\d))" % self.outcome_verb_alts, clause)

    def _role_after(self, after: str) -> str | None:
        best = None
        best_len = -1
        for role, rx in self.cue_after:
            m = rx.match(after)
            if m and m.end() > best_len:
                best, best_len = role, m.end()
        return best

    def role_before(self, before: str) -> str | None:
        tail = before[-100:]
        if not self.cue_before_any.search(tail):
            return None
        best = None
        best_start = -1
        for role, rx in self.cue_before:
            m = rx.search(tail)
            if m and m.start() > best_start:
                best, best_start = role, m.start()
        return best

    def arm_kind(self, segment: str) -> str:
        return "control_arm" if self.control_re.search(segment) else "intervention_arm"

    def organism_from_context(self, text: str, sent_start: int, pos: int, sent_end: int,
                              prev_start: int) -> str | None:
        best = None
        for m in self.org_re.finditer(text, sent_start, pos):
            best = m
        if best is not None:
            return self.lex.organism_words[best.group(0).lower()]
        m = self.org_re.search(text, pos, sent_end)
        if m:
            return self.lex.organism_words[m.group(0).lower()]
        for m in self.org_re.finditer(text, prev_start, sent_start):
            best = m
        if best is not None:
            return self.lex.organism_words[best.group(0).lower()]
        return None

    def paren_head(self, before: str) -> str | None:
        """Text before the opening parenthesis when the count opens a parenthetical."""
        m = re.search(r"\(\s*(?:[nN]\s*(?:=|:)\s*)?$", before)
        if not m:
            return None
        return before[: m.start()]

    def arm_from_head(self, head: str, sentence: str) -> str | None:
        """Arm role for a parenthetical count from the words before the parenthesis."""
        h = head.rstrip()
        if not h or (h[-1].isdigit() and not re.search(r"\b(?:group|arm|cohort)\s*\d{1,2}$", h, re.I)):
            return None
        parts = ARM_SPLIT_RE.split(h[-150:])
        seg = parts[-1] if parts else h
        cuts = list(ARM_SPLIT_RE.finditer(h[-150:]))
        last_cut = cuts[-1].group(0).lower() if cuts else ""
        seg_words = re.findall(r"[A-Za-z][\w+\-]*", seg)
        if not seg_words:
            return None
        last_word = self._lookup_word(seg_words[-1])
        if re.search(r"\b(?:two|three|four|five|six|seven|eight|\d+)\s+(?:[\w-]+\s+){0,2}(?:groups|arms)\b", seg, re.I):
            return None  # "randomly assigned to three groups (n = 8)": the size of each group
        if self.arm_re.search(seg) and not re.search(r"(?:age|weight|bmi|risk)\s+groups?", seg, re.I):
            return self.arm_kind(seg)
        if last_word in self.lex.participant_nouns and last_word not in ("controls", "control"):
            return None
        strong_cut = last_cut in ("or", "versus", "vs", "vs.", "to", "into", "receive", "received", "receiving",
                                  "either", "assigned", "allocated", "randomized", "randomised")
        if self.control_re.search(seg) and not re.search(r"controlled", seg, re.I) and len(seg_words) <= 6:
            if strong_cut or (last_cut in ("and", ",", "(", ";", "with", "the", "compared")
                              and RANDOM_CONTEXT_RE.search(sentence)):
                return "control_arm"
        if strong_cut and len(seg_words) <= 8 and RANDOM_CONTEXT_RE.search(sentence):
            return self.arm_kind(seg)
        if last_cut in ("and", ",") and len(seg_words) <= 6 and RANDOM_CONTEXT_RE.search(sentence) and re.search(
                r"\(\s*(?:[nN]\s*=\s*)?\d[\d,]*(?:\s+[a-z]+)?\s*\)\s*,?\s*(?:and\s+)?[^()]{1,60}$", h[-150:]):
            return self.arm_kind(seg)  # the next item of a list of labelled arm counts: "A (31 adults) and B (30 ..."
        if last_cut == "with" and len(seg_words) <= 4 and re.search(r"randomi|assign|allocat", sentence, re.I) \
                and re.search(r"\b(?:treat(?:ed|ment)|therapy|receive[ds]?)\s+with\s*$",
                              h[: len(h) - len(seg)].rstrip()[-40:], re.I):
            return self.arm_kind(seg)
        return None

    def arm_from_after(self, after: str, sentence: str, before: str) -> str | None:
        """Arm role from the words after a count: `in the placebo group`, `64 to placebo`,
        `(6074 on tamoxifen versus 6072 on placebo)`."""
        m_on = ON_ARM_RE.match(after)
        items = list(ON_ITEM_RE.finditer(sentence)) if m_on else []
        if len(items) >= 2 and not OUTCOME_BEFORE_RE.search(sentence[:items[0].start()]) and not re.search(
                r"\b(?:both|either|all|each|average|day|days|week|weeks)\b", m_on.group(1), re.I):
            return self.arm_kind(m_on.group(1))
        m = IN_GROUP_RE.match(after)
        if m:
            phrase = _cut_phrase(m.group(1))
            m_arm = self.arm_re.search(phrase)
            if m_arm:
                phrase = phrase[:m_arm.end()]
            if m_arm and not re.search(
                    r"randomi|assign|allocat|receiv|treated|\b(?:both|each|two|three|all|groups|arms|age|weight|"
                    r"risk|dose)\b", phrase, re.I):
                return self.arm_kind(phrase)
        m = TO_ARM_RE.match(after)
        if not m or not RANDOM_CONTEXT_RE.search(sentence):
            return None
        verb, phrase = m.group(1), _cut_phrase(m.group(2))
        if re.search(r"\b(?:or|either|one\s+of|two|three|four|both|groups|arms|versus|vs|each|study|trial|"
                     r"analysis|date|day|week|month|year)\b|/|\+/-", phrase, re.I) and not self.control_re.search(phrase):
            return None
        clause = after.split(";")[0]
        if verb:
            # the subject of an assignment is a total unless another count is assigned beside it
            if re.search(r"\beither\b", m.group(0), re.I) or EXPLICIT_ANY_RE.search(clause):
                return None
            if not OTHER_COUNT_RE.search(after[m.end(1):m.end(1) + 250]) and not PREV_ASSIGNED_RE.search(before):
                return None
        else:
            # a bare "64 to placebo" continues a list of assigned counts, or opens one in a parenthesis
            # after the total: "361 were randomised (241 to A and 120 to B)", "(n = 118 to A, 121 to B)"
            opens_list = bool(re.search(r"\(\s*(?:[nN]\s*=\s*)?$", before)) and re.match(r"[A-Za-z]", phrase) \
                and re.match(r"[^()]*?(?:,|;|\band\b)\s*(?:[nN]\s*=\s*)?" + NUMWORD + r"\s+(?:[\w-]+\s+)?(?:to|into)\s+"
                             r"[A-Za-z][^()]*\)", after[m.end(1) if verb else 0:], re.I)
            if not (re.search(r"(?:\band|,|;|:|\bwhile|\bwhereas)\s*$", before) or opens_list) or \
                    not re.search(r"randomi|assign|allocat", sentence, re.I):
                return None
        return self.arm_kind(phrase)

    # -------------------------------------------------------------- classify
    def classify(self, text: str, num: Number, n_lower: int | None, span_end: int,
                 sent: tuple[int, int], prev_start: int) -> dict | None:
        lex = self.lex
        s0, s1 = sent
        start = num.start
        before = text[max(s0, start - 160):start]
        after = text[span_end:s1]
        sentence = text[s0:s1]
        value = num.value
        explicit = bool(EXPLICIT_RE.search(before))

        # ------------------------------------------------------------ blockers
        if REF_BEFORE_RE.search(before) or REF_AFTER_RE.match(after):
            return None
        if re.match(r"^\s*(?:[/:]\s*\d|[-–][A-Za-z]|\.\d|\^|°)", after):
            return None
        if re.search(r"[±=<>≤≥~×^+]\s*$", before) and not explicit:
            return None
        if RANGE_TAIL_RE.search(before) and n_lower is None:
            return None
        if re.search(r"/\s*m\s*\(\s*$", before) or LIST_TAIL_RE.search(before) or UNIT_RANGE_AFTER_RE.match(after):
            return None  # "mg/m(2)", "days 1 and 2", "30 to 70 years"
        if re.search(r"[$€£¥#§]\s*$|[A-Za-z][-–/]$", before) or AGE_BEFORE_RE.search(before):
            return None
        pw = PREV_WORD_RE.search(before)
        prev_word = pw.group(1).lower() if pw else ""
        if not explicit and prev_word in lex.blocking_preceders:
            return None
        if re.search(r"\b(?:%s)\.?\s*$" % MONTHS, before, re.I) or \
                re.match(r"^\s*(?:%s)\b" % MONTHS, after, re.I):
            return None
        if not explicit and self.unit_re.match(after) and not re.match(r"^\s*(?:x|m|s|h|l|u|g)\s+(?:[a-z])", after, re.I):
            # one-letter units only count when directly attached or followed by non-words
            return None
        if not explicit and re.match(r"^\s*(?:x|m|s|h|l|u|g)\b", after, re.I):
            return None
        if re.match(r"^\s*(?:years?|yrs?|months?)\s+(?:old|of\s+age)", after, re.I):
            return None
        if not explicit and BOUND_BEFORE_RE.search(before):
            return None  # a bound, not a count
        if re.search(r"\b(?:median|mean|average)\s+(?:sample\s+size|number\s+of\s+\w+|size)\s+(?:of|was|were|=)?\s*$",
                     before, re.I):
            return None
        if not explicit and (re.match(r"^\s*(?:vs\.?|versus)\s*\d", after) or
                             re.search(r"\d\s*(?:vs\.?|versus)\s*$", before)):
            return None  # "11 vs 2 participants" compares outcome counts
        if re.search(r"\bmatched\b[^.;]{0,40}\b(?:to|with)\s+$|\bone\s+(?:in|out\s+of)\s+$", before, re.I):
            return None  # matching ratio, "one in four"
        one_each = value == 1 and re.match(r"^\s*(?:in|per)\s+each\s+(?:group|arm)", after, re.I)
        if value < 2 and not explicit and not one_each:
            return None
        if value == 0 or value > MAX_COUNT:
            return None  # no study counts 0 units; a 12-digit number is an identifier, not a count

        np = None
        if not explicit:
            np = self.noun_phrase(text, span_end, s1)
            m_co = None if np or (not num.is_word and 1900 <= value <= 2100) else re.match(
                r"\s*(?:,\s*)?(?:and|or)\s+(" + NUMWORD + r")\s+", text[span_end:s1], re.I)
            if m_co and not re.search(r"\bbetween\s+$", before, re.I):
                # "150 and 148 adults were enrolled": the first count shares the counted noun of the second
                np2 = self.noun_phrase(text, span_end + m_co.end(), s1)
                if np2 and np2[0] == "participant":
                    np = np2
        else:
            np = self.noun_phrase(text, span_end, s1, allow_pct_first=False)
            if np and np[0] == "study":
                np = None

        is_year = (not num.is_word and 1900 <= value <= 2100 and "," not in text[start:span_end])
        if is_year and not explicit:
            if np is None or re.search(r"\b(?:in|since|from|between|during|until|by|before|after|and|to|"
                                       r"through|year|early|late|mid)\s*,?\s*$", before, re.I):
                return None

        # numerator of "x of y": only with a flow verb after the whole phrase
        m_of = re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
                        r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?"
                        r"(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                        r"sixty|seventy|eighty|ninety|hundred)\b)", after, re.I)
        if m_of and not explicit:
            rest = after[m_of.end():]
            m_num = re.match(r"[\w,\-– ]*?\d[\d,]*|[A-Za-z\- ]+?(?=\s)", rest)
            tail = rest[m_num.end():] if m_num else rest
            np2 = self.noun_phrase(tail, 0, len(tail))
            tail2 = tail[np2[1]:] if np2 else tail
            role = self.role_after(tail2)
            if role == "enrolled" and re.match(r"^\s*(?:eligible|ineligible)\b", tail2, re.I):
                role = None  # "12 of the 30 adults eligible for follow-up chose ...": eligibility describes y
            if role in ("completed", "analyzed", "lost_to_follow_up", "excluded", "randomized", "enrolled"):
                return self._row(text, num, n_lower, span_end, role, None,
                                 np2[2] if np2 else None, s0, s1, prev_start, start)
            return None
        # "38 of whom (20 A and 18 B) were analysed", "210 of these adults were randomized"
        m_ofw = None if explicit else OF_ANAPHOR_RE.match(after)
        if m_ofw:
            role = self._role_after(after[m_ofw.end():])
            if role in ("completed", "analyzed", "lost_to_follow_up", "excluded", "randomized", "enrolled"):
                return self._row(text, num, n_lower, span_end, role, None, None, s0, s1, prev_start, start)

        denominator = bool(DENOM_BEFORE_RE.search(before)) and re.search(
            r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            r"ninety|hundred|thousand|[a-z]+-(?:one|two|three|four|five|six|seven|eight|nine)))\s*(?:"
            + PCT_PAREN + r"\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?"
            r"(?:(?:planned|initial|original|remaining|eligible|first|last)\s+)?$", before, re.I) is not None
        slash_denominator = bool(SLASH_BEFORE_RE.search(before))
        if slash_denominator and (np is None or np[0] != "participant"):
            return None

        # --------------------------------------------------------------- role
        population = np[3] if np else None
        head = np[2] if np else None
        np_end = np[1] if np else span_end
        rest = text[np_end:s1]
        rest_nopct = re.sub(r"^\s*" + PCT_PAREN, "", rest)
        rest_nopct = re.sub(r"^\s*\((?:[^()]{0,60})\)", "", rest_nopct) if np else rest_nopct
        if np:
            rest_nopct = re.sub(r"^\s*" + APPOSITIVE_RE.pattern, " ", rest_nopct, flags=re.I)  # ", 8 weeks old,"
        meta = {"_denominator": denominator or slash_denominator, "_noun": np is not None}

        if np and np[0] == "study":
            role = "excluded" if self.role_after(rest_nopct) == "excluded" else "studies"
            pop = "studies" if head in ("studies", "study") and population.lower() == head else population
            return self._row(text, num, n_lower, span_end, role, pop, None, s0, s1, prev_start, start,
                             study=True, meta=meta)
        if np:
            population = (population + self.extend_population(text, np_end, s1)).strip()

        cue_after = self.role_after(rest_nopct)
        if cue_after is None:
            m_close = re.match(r"^[^()]{0,80}\)" if explicit else r"^\s*\)", rest_nopct if np is None else "")
            if m_close and (explicit or self.paren_head(before) is not None):
                cue_after = self.role_after(rest_nopct[m_close.end():])
            elif np is None:
                m_par = re.match(r"^\s*\([^()]{0,80}\)", rest_nopct)
                if m_par:
                    cue_after = self.role_after(rest_nopct[m_par.end():])
        if cue_after is None and np is not None and not explicit:
            cue_after = self.coordinated_cue(text, np_end, s1)
        if cue_after is None and not explicit and not denominator:
            cue_after = self.second_predicate_cue(rest_nopct)  # "349 underwent surgery and were analysed"
        if cue_after is None and np is not None and not explicit and SUBJECT_START_RE.search(before) \
                and not denominator:
            cue_after = self.distant_cue(rest_nopct)
            if cue_after is None and not before[-(start - s0):].strip() and self.verbless(text[np_end:s1]) \
                    and not re.match(r"^\s*" + PCT_PAREN, text[span_end:s1]) \
                    and not re.search(r"\b(?:vs|v|versus|cf|e\.g|i\.e)\.?\s*$", text[max(0, s0 - 12):s0], re.I):
                # a verbless sentence naming the study population ("Forty consecutive adults (age 50-70).")
                cue_after = "enrolled"
        if cue_after is None and np is not None and not explicit and OF_INTRO_RE.search(before):
            # "Of 240 adults from 6 clinics enrolled, ...": a participle closing the introductory phrase
            m_part = re.match(r"^([^,;.()]{0,80}?)\s([a-z]+)\s*,", rest_nopct)
            if m_part:
                cue_after = self._role_after(" " + m_part.group(2))
        if cue_after is not None and np is not None and not explicit and SUBJECT_START_RE.search(before) \
                and re.match(r"^\s*,?\s*(?:who|that)\s", rest_nopct, re.I):
            # "60 adults who had completed rehabilitation were randomized": the main verb, not the relative clause
            cue_after = self.distant_cue(rest_nopct) or cue_after
        if meta["_denominator"] and cue_after in ("completed", "analyzed", "lost_to_follow_up", "excluded",
                                                  "enrolled", "randomized") \
                and not re.match(r"^\s*(?:completed|analy[sz]ed|excluded|enrolled|randomi[sz]ed|recruited|included)\b",
                                 rest_nopct, re.I):
            cue_after = None  # the verb after "x of y" tells what happened to x, not to y
        cue_before = self.role_before(before)
        if cue_before and SCREENING_AFTER_RE.match(rest_nopct):
            cue_before = None  # "we assessed 530 adults for eligibility"
        paren = self.paren_head(before)
        subgroup_ctx = bool(SUBGROUP_RE.search(before))
        if subgroup_ctx and re.search(r"(?:%s)\b[^.;]{0,60}(?:of\s+whom|of\s+these|of\s+which)\s*,?\s*$"
                                      % self.outcome_verb_alts, before, re.I):
            return None  # a part of an outcome count ("748 developed dementia, of whom 511 had ...")
        total_ctx = bool(TOTAL_CUE_RE.search(before))
        per_group = bool(PER_GROUP_RE.match(rest_nopct))
        trial_in = bool(TRIAL_IN_RE.search(before)) and not denominator
        if trial_in and re.search(r"(?:\bin\s+which|\bwhere(?:by)?)\s+(?:only\s+|just\s+)?$", before, re.I) and (
                np is None or self.outcome_verb_re.match(text[np[1]:s1])
                or re.match(r"^\s*(?:will|would|are\s+to|shall)\b", text[np[1]:s1], re.I)):
            trial_in = False  # "a trial in which 12 adults died" counts an outcome

        # outcome count: "observed in eight patients", "reported by nine men"
        if not explicit and OUTCOME_BEFORE_RE.search(before) and not (
                np and any(self.participle_role(w) for w in re.findall(r"[a-z]+", (np[3] or "").lower()))):
            return None  # outcome count, unless the group is named by its flow ("in 75 evaluable adults")
        # outcome count with a participant noun ("12 patients died"), unless they were then excluded
        if np and not cue_after and self.outcome_verb_re.match(rest_nopct) and not explicit and not denominator \
                and not trial_in:
            clause = re.split(r"[;:]|,\s+(?:and\s+)?(?!and\b)", rest_nopct)[0]
            m_excl = re.search(r"\band\s+(?:were|was)\s+(?:therefore\s+|then\s+)?(excluded|withdrawn|censored|removed)",
                               clause, re.I)
            if m_excl:
                return self._row(text, num, n_lower, span_end, "excluded", population, head, s0, s1,
                                 prev_start, start, meta=meta)
            if subgroup_ctx:
                return self._row(text, num, n_lower, span_end, "subgroup", population, head, s0, s1,
                                 prev_start, start, meta=meta)
            return None

        role: str | None = None
        if per_group:
            role = cue_before if (cue_before and not explicit) else None
            if role is None and not cue_after and RANDOMISED_BEFORE_RE.search(re.split(r"[;:]", text[s0:start])[-1]):
                role = "randomized"  # "randomly allocated to four groups (n=10 per group)"
        else:
            arm = None
            if paren is not None and not (cue_after and re.match(r"^[^()]*\)\s*(?:" + AUX + r")", rest_nopct)):
                arm = self.arm_from_head(paren, sentence)
            if arm is None and cue_after not in ("completed", "analyzed", "lost_to_follow_up", "excluded"):
                arm = self.arm_from_after(re.sub(r"^\s*\([^()]{0,60}\)", "", rest_nopct), sentence, before)
                if arm is None and head in ("controls", "control") and not explicit:
                    arm = "control_arm"
            if arm is None and not explicit:
                m_named = ARM_NAMED_BEFORE_RE.search(before)
                if m_named and not re.search(r"\b(?:age|weight|bmi|risk|both|each|all|every|two|three|four|per|"
                                             r"these|those|which)\b", m_named.group(1), re.I):
                    arm = self.arm_kind(m_named.group(1))  # "the control arm comprised 61 women"
            if arm is None and np and not explicit:
                m_lab = GROUP_LABEL_RE.match(text[np_end:s1])
                if m_lab and not re.search(r"\b(?:age|weight|bmi|risk|both|each|all|two|three)\b", m_lab.group(1), re.I):
                    arm = self.arm_kind(m_lab.group(1))  # "80 patients (group A)", "33 patients (GJG group)"
            if arm is None and np and not explicit:
                arm = self.arm_from_received(rest_nopct, sentence)
            if arm is None and np and not explicit and not cue_after:
                arm = self.paren_list_arm(text, before, span_end, s1, np_end)
            if arm is None and meta["_denominator"] and len(re.findall(r"\bof\s+(?:the\s+)?\d|\d\s*/\s*\d", sentence)) >= 2:
                m_arm = DENOM_ARM_RE.match(rest_nopct)
                if m_arm:
                    arm = self.arm_kind(_cut_phrase(m_arm.group(1)))
            m_part = PARTICIPLE_ARM_RE.match(rest_nopct) if (np and not explicit and arm is None) else None
            if m_part and (re.search(r"\b(?:of|in|among|for)\s+(?:the\s+|all\s+|these\s+|those\s+)?$", before, re.I)
                           or len(ASSIGNED_COUNT_RE.findall(sentence)) >= 2):
                # "Of 60 adults randomly assigned to the drug, ...", "the 45 adults allocated DX ..."
                phrase = _cut_phrase(m_part.group(1))
                clause_tail = re.split(r"[;,]|\.\s", rest_nopct[m_part.start(1):], maxsplit=1)[0]
                if not re.search(r"\b(?:or|versus|vs|groups|arms|both|one\s+of|either)\b", clause_tail, re.I):
                    arm = self.arm_kind(phrase)
            if arm and IN_GROUP_RE.match(rest_nopct):
                # "two participants in the NMN group and three in the placebo group discontinued"
                clause = re.split(r"[;:,)]", rest_nopct)[0]
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
                for mod in re.findall(r"[a-z]+", (np[3] or "").lower()):
                    mod_role = self.participle_role(mod)
                    if mod_role:
                        role = mod_role
                        break
            if role is None and explicit and cue_before and paren is None:
                role = cue_before
            if role is None and explicit and paren is not None and not cue_after:
                role = self.role_before(paren)  # "Of those who withdrew (n=17; ...)"
            if role is None and explicit and paren is not None and SUBGROUP_HEAD_RE.search(
                    re.split(r"[.;]", paren)[-1][-120:]):
                role = "subgroup"
            if role is None and explicit:
                role = self.arm_from_n_list(text, before, after, sentence)
            if role is None and not cue_after and np and not explicit and not meta["_denominator"] and (
                    re.match(r"^\s*" + PCT_PAREN, text[span_end:s1]) or re.match(r"^\s*" + PCT_PAREN, rest)):
                role = "subgroup"
            if role is None and not cue_after and np and not explicit and IN_THE_RE.search(before) and \
                    re.match(r"^\s*(?:with|who|whose|without|having|receiving|treated|in\s+whom)\b", rest_nopct, re.I):
                role = "subgroup"
            if role is None and not cue_after and np and not explicit and not trial_in and \
                    re.search(r"\b(?:in|among)\s+(?:the\s+|those\s+|these\s+)?$", before, re.I) and \
                    AGE_SUBSET_RE.match(rest_nopct):
                role = "subgroup"  # "in 64 participants older than 75"
            m_pred = re.match(r"^\s*(?:were|was)\s+((?:aged|older|younger|over|under|taking|using|current|former|"
                              r"never|ever)\b[^,;:()]{0,40})", rest_nopct, re.I)
            if role in (None, "subgroup") and not cue_after and np and not explicit and m_pred:
                role = "subgroup"
                pred_words = re.split(r"\s+(?:and|but|while|whereas|in|at|during)\s+", m_pred.group(1))[0].rstrip(".")
                population = (population or "") + " " + pred_words
            if role is None and explicit and paren is not None and re.search(r"%\s+of\s+(?:the\s+|all\s+)?[\w-]+\s*$",
                                                                              paren):
                role = "subgroup"
            if role is None and paren is None and not cue_after:
                role = self.arm_from_labelled_paren(before)
            if role is None and np is not None and not explicit and not cue_after:
                role = self.labelled_count_list(text, start, span_end, s0, s1)  # "(AX 30 adults, BX 28 adults)"
            if role is None and trial_in and not explicit and np:
                role = "enrolled"
            if role in ("enrolled", "randomized") and (PLANNED_RE.search(sentence) or PLANNED_BEFORE_RE.search(before)):
                role = None  # a planned sample
            m_set = ANALYSIS_SET_BEFORE_RE.search(before)
            if m_set and role in (None, "enrolled", "completed", "analyzed") and not meta["_denominator"] \
                    and not per_group:
                # "the per-protocol population comprised 218 completers"; "the sensitivity analysis included 300"
                role = "subgroup" if SUBGROUP_HEAD_RE.search(before[max(0, m_set.start() - 30):m_set.end()]) \
                    else "analyzed"

        # ---------------------------------------------------- acceptance
        accept = explicit or np is not None
        if not accept and (role is None or role == cue_before) and not explicit and TREATED_AFTER_RE.match(after) \
                and re.search(
                r"(?:^|[.;]\s*)(?:of|among)\s+(?:the\s+|all\s+|these\s+)?" + NUMWORD +
                r"[^,;.]{0,60}?\b(?:randomi[sz]ed|enrolled|registered|assigned|allocated|included)\b[^,;.]{0,30},\s*$",
                before, re.I):
            # "Of 90 randomized adults, 88 were treated": the treated (safety) population
            role, accept = "analyzed", True
        if not accept and role is None and not explicit and np is None:
            list_arm = self.labelled_count_list(text, start, span_end, s0, s1)
            if list_arm:
                role, accept = list_arm, True
        if not accept and role is None and not denominator:
            # a population written as an abbreviation: "150 HCWs were randomized"
            m_abbr = ABBR_SUBJECT_RE.match(after)
            if m_abbr and self._lookup_word(m_abbr.group(2)) not in lex.units:
                abbr_role = self._role_after(after[m_abbr.end():])
                if abbr_role in ("enrolled", "randomized", "completed", "analyzed", "excluded", "lost_to_follow_up"):
                    role, accept = abbr_role, True
                    population = re.sub(r"\s+", " ", m_abbr.group(1) + m_abbr.group(2)).strip()
        if not accept and role in ("intervention_arm", "control_arm") and self.event_count_re.search(
                text[s0:start][-200:]) and not self.noun_re.search(
                text[s0:start][-200:][self.event_count_re.search(text[s0:start][-200:]).end():]):
            return None  # "94 deaths in the 1 cm group compared with 165 in the 3 cm group"
        if not accept:
            # bare counts
            if cue_after and re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:,\s*)?(?:who\s+|of\s+whom\s+)?" + AUX,
                                      text[span_end:s1]):
                accept = True
            elif role in ("intervention_arm", "control_arm") and (
                    paren is not None and re.match(r"^\s*\)", after) or
                    re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:were\s+|was\s+)?(?:randomly\s+)?"
                             r"(?:randomi[sz]ed\s+|assigned\s+|allocated\s+)?(?:to|in|into|on|receiving|taking)\b",
                             after, re.I)):
                accept = True
            elif subgroup_ctx and re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:with|had|were|have)\b", after, re.I) \
                    and not re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?had\s+(?:an?\s+|\w+\s+){0,2}(?:%s)\b"
                                     % self.event_alts, after, re.I):
                accept = True
            elif per_group and (cue_before or total_ctx or RANDOM_CONTEXT_RE.search(sentence) or paren is not None
                                or one_each or self.any_cue_end_re.search(before[-80:])):
                accept = True
            elif one_each:
                accept = True
            elif role is None and not cue_after and IN_THE_RE.search(before) and (re.match(
                    r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:with|without|who|whose|having|in\s+whom)\b", after, re.I)
                    or AGE_SUBSET_RE.match(after)):
                role, accept = "subgroup", True  # "in the 120 with node-positive disease"
            elif role is None and not explicit and self.arm_from_received(after, sentence) and \
                    re.search(r"(?:\band|,|;|:|\bwhile|\bwhereas)\s*$", before):
                role = self.arm_from_received(after, sentence)
                accept = True
            elif role is None and self.paren_list_arm(text, before, span_end, s1):
                role = self.paren_list_arm(text, before, span_end, s1)
                accept = True
            elif role is None and OF_INTRO_RE.search(before) and SCREENED_AFTER_RE.match(after) and \
                    self.noun_re.search(text, prev_start, s1):
                accept = True  # "Of the 300 who completed baseline screening, ...": a screened count, no role
            elif role == cue_before and role in ("enrolled", "randomized") and re.search(
                    r"\b(?:randomi[sz]ed|enrolled|recruited|included)\s+$", before, re.I) and \
                    re.match(r"^\s*(?:" + PCT_PAREN + r"\s*)?(?:[,;.]|$|and\b)", after) and \
                    self.noun_re.search(text, prev_start, start):
                accept = True  # "we screened 1,020 women and randomised 300."
            elif total_ctx and re.match(r"^\s*(?:[,;.)]|$|\(|(?:were|was|had|have|are|is|completed|enrolled|"
                                        r"participated|remained|agreed|underwent|received)\b)", after):
                accept = True
            elif denominator and re.search(r"\(\s*\S+(?:\s+\S+){0,5}?\s*(?:of|out\s+of)\s+(?:the\s+)?$", before) \
                    and self.noun_re.search(text, s0, start):
                accept = True
            elif denominator and not re.search(r"\bone\s+of\s+(?:the\s+)?$", before, re.I) and not any(
                    self._lookup_word(w) in lex.units or self._lookup_word(w) in lex.outcome_event_nouns
                    for w in re.findall(r"[A-Za-z][\w-]*", after)[:3]) and (re.match(r"^\s*(?:[,;.)]|$)", after) or (
                    re.match(r"^\s*([a-z]+)\b", after) and
                    re.match(r"^\s*([a-z]+)\b", after).group(1) not in lex.units and
                    re.match(r"^\s*([a-z]+)\b", after).group(1) not in lex.outcome_event_nouns)) \
                    and self.noun_re.search(text, prev_start, start):
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
            population = self.context_population(text, start, max(0, prev_start - 400))
            m_grp = re.match(r"^\s*in\s+the\s+([^,;.()]{0,40}?(?:group|arm))\b", after, re.I)
            if population and m_grp:
                population = population + " in the " + m_grp.group(1)
        if meta["_denominator"] and role is None and SUBGROUP_INTRO_RE.match(sentence):
            role = "subgroup"
        if per_group and population and "per group" not in population:
            population = population + " per group"
        return self._row(text, num, n_lower, span_end, role, population, head, s0, s1, prev_start, start, meta=meta)

    def arm_from_n_list(self, text: str, before: str, after: str, sentence: str) -> str | None:
        """`(n = 35, vandetanib; n = 29, placebo)`, `paroxetine (N=13), ... or placebo (N=11)`."""
        if len(EXPLICIT_ANY_RE.findall(sentence)) < 2:
            return None
        if not (RANDOM_CONTEXT_RE.search(sentence) or self.arm_re.search(sentence)
                or N_OR_RE.search(sentence) or self.control_ctx_re.search(re.sub(r"[\w-]*controlled", "", sentence))):
            return None
        m_close = re.match(r"^[^()]{0,80}\)", after)
        if m_close and self.role_after(after[m_close.end():]):
            return None
        subj = re.search(r"([A-Za-z][\w\-]*)\s*\(\s*[nN]\s*(?:=|:)\s*$", before)
        if subj and self._lookup_word(subj.group(1)) in self.lex.participant_nouns \
                and self._lookup_word(subj.group(1)) not in ("control", "controls"):
            return None
        head = re.sub(r"[(\[]?\s*[nN]\s*(?:=|:)\s*$", "", before)
        cuts = list(LABEL_SPLIT_RE.finditer(head))
        seg = head[cuts[-1].end():] if cuts else head
        seg_after = re.split(r"[;)\]]|\b[nN]\s*=", after, maxsplit=1)[0]
        label = seg + " " + seg_after
        if re.search(r"\d\s*(?:years|yrs|y)\b|\baged?\b|[<>≤≥]\s*\d", label, re.I):
            return "subgroup"
        if re.search(r"controlled", label, re.I):
            label = re.sub(r"[\w-]*controlled", "", label)
        return self.arm_kind(label)

    def second_predicate_cue(self, rest: str) -> str | None:
        """Flow cue of a second predicate when the first is not one: `349 underwent surgery and were
        included in the efficacy analysis`, `40 adults received the drug and were analysed`."""
        m = re.match(r"^\s*(?:(?:were|was|had\s+been)\s+)?([a-z]+)\b[^,;:.()\[\]]{0,60}?\s+and\s+(?=(?:were|was|"
                     r"then|subsequently|later)\b)", rest, re.I)
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
        m = re.match(r"\s*(?:,\s*)?(?:and|or|plus)\s+" + NUMWORD + r"\b", text[pos:limit], re.I)
        if not m:
            return None
        np2 = self.noun_phrase(text, pos + m.end(), limit)
        if not np2:
            return None
        role = self.role_after(text[np2[1]:limit])
        return role if role in ("enrolled", "randomized", "completed", "analyzed", "excluded",
                                "lost_to_follow_up") else None

    def arm_from_received(self, rest: str, sentence: str) -> str | None:
        """`15 patients received X (group A), 15 patients received Y`: counts given different treatments."""
        m = RECEIVED_RE.match(rest)
        if not m:
            return None
        n_recv = len(re.findall(NUMWORD + r"\s+(?:[\w-]+\s+){0,3}?(?:received|were\s+given|were\s+treated\s+(?:with|by)|took|"
                                r"started\s+(?:with|on)|were\s+started\s+on|"
                                r"were\s+assigned|underwent)\b", sentence, re.I))
        phrase = _cut_phrase(m.group(1))
        if n_recv >= 2 or self.arm_re.search(rest[:m.end() + 30]):
            if re.search(r"\b(?:either|both|all)\b", phrase, re.I):
                return None
            return self.arm_kind(phrase)
        return None

    def arm_from_labelled_paren(self, before: str) -> str | None:
        """`group B (SLNB plus ALNS, 57 women)`: a count after the arm label inside the parenthesis."""
        open_i = before.rfind("(")
        if open_i < 0 or ")" in before[open_i:]:
            return None
        inner = before[open_i + 1:]
        if not re.fullmatch(r"[^()\d]{1,50},\s*", inner):
            return None
        outer = before[:open_i].rstrip()[-30:]
        if not re.search(r"\b(?:group|arm)\s*[A-Z0-9]?\s*:?$", outer, re.I):
            return None
        return self.arm_kind(inner)

    def paren_list_arm(self, text: str, before: str, span_end: int, s1: int, np_end: int | None = None) -> str | None:
        """`226 patients (122 letrozole, 104 placebo)`: counts listed inside a parenthesis after a total."""
        open_i = before.rfind("(")
        if open_i < 0 or ")" in before[open_i:]:
            return None
        inner_before = before[open_i + 1:]
        if inner_before.strip() and not re.search(r"(?:[,;]|\band)\s*$", inner_before):
            return None
        close = text.find(")", span_end, s1)
        if close < 0:
            return None
        content = before[open_i + 1:] + text[span_end - 0:close]
        item_after = re.split(r"[,;]|\band\b", text[span_end:close], maxsplit=1)[0]
        if np_end is not None:
            item_after = re.sub(r"\s*\b(?:patients|participants|women|men|subjects|cases|controls)\s*$", "", item_after)
            if not item_after.strip():
                return None
        if not re.fullmatch(r"\s+[A-Za-z][\w+\-/.]*(?:\s+[A-Za-z][\w+\-/.]*){0,4}\s*", item_after):
            return None
        if "%" in item_after or "=" in item_after:
            return None
        others = re.findall(r"(?:^|[,;(]|\band)\s*" + NUMWORD + r"\s+[A-Za-z]", text[span_end:close] + "," +
                            inner_before)
        if not others:
            return None
        outer = before[:open_i].rstrip()
        words = re.findall(r"[A-Za-z][\w\-]*", outer[-60:])
        if not words or (self._lookup_word(words[-1]) not in self.lex.participant_nouns and not re.search(r"\d\s*$", outer)):
            return None
        return self.arm_kind(item_after)

    def _population_before(self, head: str) -> str | None:
        m = re.search(r"((?:[A-Za-z][\w+\-]*\s+){0,3}?)(%s)\s+((?:with|without|taking|receiving|carrying|undergoing|"
                      r"aged|over|under)\s+(?:(?!\b(?:were|was|is|are|had|have|to|and)\b)[^,;:()]){1,60}?)\s*$"
                      % self.noun_re.pattern, head, re.I)
        if m:
            return (self._population_before(head[:m.start(3)].rstrip()) or m.group(2)) + " " + m.group(3)
        return self._population_before_np(head)

    def _population_before_np(self, head: str) -> str | None:
        m = re.search(r"((?:[A-Za-z][\w+\-]*\s+){0,4}?)([A-Za-z][\w\-]*)\s*$", head)
        if not m:
            return None
        last = self._lookup_word(m.group(2))
        if last not in self.lex.participant_nouns:
            return None
        words = (m.group(1) or "").split()
        keep = []
        for w in reversed(words):
            lw = self._lookup_word(w)
            if lw in STOP or lw in self.lex.units or not re.search(r"[A-Za-z]", w):
                break
            keep.append(w)
        keep.reverse()
        return " ".join(keep + [m.group(2)])

    def _row(self, text, num, n_lower, span_end, role, population, head, s0, s1, prev_start, start,
             study: bool = False, meta: dict | None = None) -> dict:
        organism = None
        if study:
            organism = self.organism_from_context(text, s0, start, s1, max(0, prev_start - 1500))
        elif head not in self.lex.no_organism_nouns:
            if head is not None:
                organism = self.lex.participant_nouns.get(head)
                if organism is None and head.endswith("s"):
                    organism = self.lex.participant_nouns.get(head[:-1])
            if organism is None or head in self.lex.human_default_nouns:
                ctx = self.organism_from_context(text, s0, start, s1, prev_start)
                if ctx is not None and (organism is None or head in self.lex.human_default_nouns):
                    organism = ctx
            if organism is None and head in self.lex.human_default_nouns:
                organism = "human"
        if population is not None:
            population = re.sub(r"\s+", " ", population).strip() or None
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


def _sentence_index(sentences: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    ans = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid][0] <= pos:
            ans = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return ans


def _clean_sentences(text: str, sentences) -> list[tuple[int, int]]:
    if not sentences:
        return crude_sentences(text)
    out = []
    n = len(text)
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
    nums = sorted(iter_numbers(text), key=lambda x: (x.start, -x.end))
    rows: list[dict] = []
    used_until = -1
    for idx, num in enumerate(nums):
        if num.start < used_until:
            continue
        si = _sentence_index(sents, num.start)
        if si < 0 or num.start >= sents[si][1]:
            sent = (max(0, num.start - 200), min(len(text), num.end + 200))
            prev_start = sent[0]
        else:
            sent = sents[si]
            prev_start = sents[max(0, si - 2)][0]
        # ranges "9-10"
        n_lower = None
        span_end = num.end
        m = re.match(r"\s*[-–—]\s*", text[num.end:num.end + 4])
        if m and idx + 1 < len(nums):
            nxt = nums[idx + 1]
            if nxt.start == num.end + m.end() and nxt.is_word == num.is_word and nxt.value > num.value \
                    and not re.match(r"[-–][A-Za-z]", text[nxt.end:nxt.end + 2]):
                n_lower = num.value
                span_end = nxt.end
                num = Number(num.start, nxt.end, nxt.value, num.is_word)
        try:
            row = ex.classify(text, num, n_lower, span_end, sent, prev_start)
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
                if b - a <= 60 and not re.search(r"[.;]", text[a:b]):
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
        if not m or len(gap) > 70 or re.search(r"[.;]", gap) or not re.search(r"(?:[,(:]|\band)\s*$", gap):
            continue
        if r["role"] in ("intervention_arm", "control_arm") and (prev["role"] in FLOW_ROLES or prev["role"] is None):
            continue  # "80 were analysed: 41 in the A group and 39 in the B group" keeps its arms
        if prev["role"] in FLOW_ROLES + ("lost_to_follow_up", "excluded") or (
                prev["role"] is None and re.search(r"\(\s*$", gap)):
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
        if open_i < 0 or ")" in text[open_i:r["start"]] or re.search(r"\.\s", text[open_i:r["start"]]):
            continue
        owner = None
        for p in reversed(rows[:i]):
            if p.get("_sent") != r.get("_sent"):
                break
            if p["start"] > open_i:
                if re.fullmatch(r"\(\s*(?:[nN]\s*[=:]\s*)?", text[open_i:p["start"]]) and \
                        re.match(r"\s*[;,]", text[p["end"]:p["end"] + 3]):
                    owner = p  # "(n=17; 10 placebo, 7 active)"
                    break
                continue
            gap = text[p["end"]:open_i]
            if len(gap) <= 80 and not re.search(r"[.;()\[\]]", gap):
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
        if not JOIN_RE.search(between) or re.search(r"\.\s", between):
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
    m = re.search(r"([^()]{1,60}?)\s*\(\s*(?:[nN]\s*=\s*)?$", before)
    if m:
        phrase = m.group(1)
        cuts = [c for c in ARM_LABEL_CUT_RE.finditer(phrase) if c.group(0).lower() not in ("and", "the", "a", "an")]
        phrase = phrase[cuts[-1].end():] if cuts else phrase
    else:
        m = re.match(r"\s*(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+)?"
                     r"(?:to|in\s+the|received|on)?\s*([^,;()]{1,60})", text[row["end"]:sent[1]])
        if not m:
            return frozenset()
        phrase = re.split(r"\b(?:or|versus|vs|and|whereas|while|compared)\b", m.group(1))[0]
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", phrase)} - LABEL_STOP
    return frozenset(w for w in words if w not in ("plus", "with", "and", "combined", "added", "addition"))


_EXTRACTORS: dict[int, _Extractor] = {}


def _get_extractor(lex: Lexicon) -> _Extractor:
    key = id(lex)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = _Extractor(lex)
    return ex
