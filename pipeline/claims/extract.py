"""Claims: one row per intervention -> outcome statement of a sentence or clause.

Pure regex / lexicon logic over character offsets; see README.md for the decisions.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import context as ctx
from . import statcues
from .lexicons import Cue, lexicons
from .patternscan import scans
from .prefilter import AlternationStarts, Guarded, MatchStarts, Prefilter, inner_checks, lowered
from .spans import within

# ------------------------------------------------------------------ small vocabularies
ADVERBS = (r"significantly|statistically|markedly|substantially|dramatically|slightly|greatly|"
           r"strongly|considerably|modestly|moderately|further|also|both|all|completely|partially|"
           r"consistently|clearly|notably|remarkably|only|even|still|not|no|nonsignificantly|"
           r"numerically|somewhat|marginally|highly|effectively|rapidly|steadily|progressively|"
           r"gradually|sharply|appreciably|meaningfully|clinically|mildly|largely|acutely|"
           r"approximately|about|roughly|nearly|almost|an?|the|average|mean|median|overall|"
           r"relative|absolute|total|similarly|likewise|however|in\s+contrast")
_LEAD_SKIP = re.compile(rf"^(?:\s*(?:{ADVERBS})\b(?!-)[\s,]*)+", re.IGNORECASE)
_LEAD_PREP = re.compile(r"^\s*(?:in|of|on|for|to|towards?|regarding|with regard to|in terms of|across)\s+", re.IGNORECASE)
_BETWEEN_GROUPS = re.compile(
    r"^\s*(?:between|among|across|in)\s+(?:the\s+)?(?:two\s+|three\s+|both\s+|all\s+|treatment\s+|study\s+)?"
    r"(?:groups?|arms?)(?:\s+(?:at\s+\w+|over\s+time))?\s*(?:in|for|on|regarding|with regard to|in terms of|with respect to|as to)?\s*",
    re.IGNORECASE)
# where an outcome phrase stops
_OBJ_STOP = re.compile(
    r"\s*[,;:()\[\]]|\s+(?:by|compared|comparing|versus|vs\.?|than|from|at|after|over|during|when|while|whereas|"
    r"but|with|without|following|among|between|relative|as|upon|due|because|which|that|who|thereby|thus|"
    r"leading|resulting|despite|although|through|via|until|before|within|across|per|respectively|"
    r"in\s+(?:the|both|all|patients|participants|subjects|mice|rats|humans|women|men|a|an|this|these|"
    r"those|each|group|groups|comparison|response|healthy|elderly|older|young|children|cancer|individuals|"
    r"people|\d)|"
    r"(?:was|were|is|are|did|had|has|have|remained|showed|reached|became)|"
    r"and\s+(?:may|might|could|can|also|thus|therefore|then|was|were|is|are|had|has|it|they))\b|\s+p\s*[<=>≤≥]"
    r"|\s+\d+(?:\.\d+)?\s*(?:%|±|vs)|\s+(?:[=<>≤≥])", re.IGNORECASE)
_SUBJ_TRAIL = re.compile(
    rf"(?:\s+(?:was|were|is|are|been|being|be|has|have|had|did|do|does|remained|appeared|seemed|became|"
    rf"showed|show|shows|demonstrated|exhibited|tended|to|also|not|no|a|an|the|{ADVERBS}))+\s*$", re.IGNORECASE)
_TRAIL_WORD_SET = frozenset(
    "was were is are been being be has have had did do does remained appeared seemed became showed show "
    "shows demonstrated exhibited tended to also not no a an the".split()
    + [w for w in ADVERBS.split("|") if w.isalpha()] + ["a", "an"])


def _without_trailing_words(text: str) -> str:
    """`_SUBJ_TRAIL.sub("", text)`: the text without its trailing run of auxiliaries, adverbs
    and articles (each preceded by white space), and without the white space after them. Plain
    ASCII text is read word by word; other text goes to the regex (its case rules)."""
    if not text.isascii():
        return _SUBJ_TRAIL.sub("", text)
    words = text.split()
    if not words:
        return text
    first = 0 if text[0].isspace() else 1      # a word of the run has white space before it
    k = len(words)        # words[k:] is the run of trailing words
    while k > first:
        word = words[k - 1].lower()
        if word in _TRAIL_WORD_SET:
            k -= 1
        elif word == "contrast" and k - 1 > first and words[k - 2].lower() == "in":
            k -= 2
        else:
            break
    if k == len(words):
        return text
    # the run starts at the white space before words[k]: cut where that white space starts
    end = len(text)
    for word in reversed(words[k:]):
        end = text.rindex(word, 0, end)
    return text[:end].rstrip()


_SUBJ_SPLIT = re.compile(
    r".*(?:[,;:(]|\b(?:that|which|whereas|while|but|and then|since|because|although|if|when|"
    r"showed|shows|show|demonstrated|demonstrates|revealed|found|observed|indicated|noted|reported|confirmed|"
    r"achieved|achieves|produced|produces|caused|causes|induced|induces|resulted\s+in|led\s+to|had|has)\b)\s*",
    re.IGNORECASE)
_NUMERIC = re.compile(r"(?:^|\s)(?:[-−~≈]?\d+(?:[.,·]\d+)?\s*(?:%|±\s*\d+(?:\.\d+)?\s*%?|-fold|fold)?)(?=\s|$)")
_STOPWORDS = {"the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "was", "were",
              "is", "are", "by", "at", "as", "this", "that", "these", "those", "its", "their", "it",
              "both", "all", "group", "groups", "patients", "than", "there", "which", "be"}
_WEAK_ADJ = {"more", "less", "fewer", "greater", "larger", "longer", "shorter", "higher", "lower",
             "better", "worse", "smaller", "faster", "slower", "bigger", "superior", "inferior"}
_ADJ_FALSE_NEXT = re.compile(
    r"^\s*(?:than\s+(?:\d|one|two|three|half|a\s+third)|limbs?|extremit|back\b|abdomen|respiratory|"
    r"urinary|bound|doses?|cohorts?|samples?|studies|trials?|proportion\s+of\s+(?:patients|participants)|number\s+of\s+(?:patients|participants|studies)|dosages?|concentrations?\s+of\s+the\s+drug|education|income|socio|"
    r"risk\s+of\s+bias|quality\s+evidence|levels?\s+of\s+evidence|frequently|often|likely|"
    r"commonly|detail|specifically|importantly|recently)",
    re.IGNORECASE)
_PURPOSE = re.compile(
    r"\b(?:whether|aims?|aimed|objectives?|purpose|hypothesi[sz]ed|to\s+(?:investigate|evaluate|assess|"
    r"determine|examine|compare|test|explore|study|establish|identify|measure)|designed\s+to|"
    r"we\s+(?:will|propose)|were\s+(?:asked|instructed)|if\s+)\b", re.IGNORECASE)
# a finding reported after the purpose words: "the ANCOVA to test the change detected no differences"
_REPORTED_AFTER_PURPOSE = re.compile(r"\b(?:showed|revealed|detected|found|demonstrated|indicated|yielded|"
                                     r"confirmed)(?:\s+(?:no|that|a|an|significant(?:ly)?|similar|greater|lower|"
                                     r"higher|less|more|fewer)\b|\s*$)", re.IGNORECASE)
_CONDITION_OR_QUESTION = re.compile(r"whether|if", re.IGNORECASE)


def _states_purpose(before: str) -> bool:
    """The words before a cue state a purpose ("to test whether", "we aimed to"), and no finding
    is reported after them ("the analysis to compare the arms detected no differences")."""
    last = None
    for last in _PURPOSE.finditer(before):
        pass
    if last is None:
        return False
    return bool(_CONDITION_OR_QUESTION.match(last.group(0))) \
        or not _REPORTED_AFTER_PURPOSE.search(before, last.end())


_NEGATION_BEFORE = Guarded(re.compile(
    r"(?:\b(?:not|no|never|neither|nor|without|failed\s+to|fail\s+to|fails\s+to|cannot|lack\s+of|absence\s+of)\b|"
    r"n['’]t\b)"
    r"(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE))
_NOT_ONLY = re.compile(r"\bnot\s+only\b\s*(?:[\w-]+\s*){0,3}$", re.IGNORECASE)
_UNRESOLVED = Guarded(re.compile(
    r"\b(?:remains?|remained|is|are|still)\s+(?:\w+\s+)?(?:unclear|uncertain|unknown|not\s+known|unproven|"
    r"to\s+be\s+(?:tested|determined|established|seen|confirmed|shown)|under\s+investigation|debated|controversial)\b"
    r"|\bdisagree\s+(?:on|about)\s+whether\b|\bneeded\s+to\s+(?:establish|determine|confirm|test|show)\s+whether\b"
    r"|\bis\s+not\s+known\b|\bunknown\s+whether\b|\bunclear\s+whether\b", re.IGNORECASE))
_TREND = Guarded(re.compile(r"\b(?:trend(?:s|ed)?\s+(?:to|toward|towards|for)|tend(?:ed|s)?\s+to|approach(?:ed|ing)?\s+"
                    r"(?:statistical\s+)?significance|marginal(?:ly)?\s+significan|borderline\s+significan|"
                    r"did\s+not\s+reach|non-?significant|not\s+(?:statistically\s+)?significant)", re.IGNORECASE))
# what follows a clause and says its difference was not significant: the next clause of the
# sentence ("..., but the difference was not statistically significant", "..., but did not reach
# significance") or the start of the next sentence ("This difference, which was not significant,
# ..."). The subject must point back (the/this difference, this, which, or none at all), so that
# "but HbA1c was not significantly different" about another outcome does not count.
_NOT_SIGNIFICANT_VERB = (
    r"(?:(?:was|were|is|are|remained)\s+(?:also\s+)?(?:not|n't)\s+(?:statistically\s+)?"
    r"(?:significant(?!ly)|significantly\s+different)"
    r"|(?:was|were|is|are)\s+not\s+significant\s+statistically"
    r"|(?:was|were|is|are)\s+(?:statistically\s+)?(?:non-?significant|insignificant)"
    r"|(?:was|were)\s+neither\s+statistically\s+significant"
    r"|did\s+not\s+(?:reach|achieve|attain)\s+(?:statistical\s+|conventional\s+)?significance"
    r"|failed\s+to\s+(?:reach|achieve|attain)\s+(?:statistical\s+)?significance"
    r"|(?:also\s+)?approached\s+(?:statistical\s+)?significance)")
_BETWEEN_GROUPS_WORDS = (r"(?:between|among)\s+(?:the\s+)?(?:two\s+|three\s+|both\s+|treatment\s+|study\s+)?"
                         r"(?:groups?|arms?|treatments?|formulas?|conditions?|interventions?|regimens?)")
_DIFFERENCE_NOUN = (r"(?:observed\s+|numerical\s+|between-group\s+)?"
                    r"(?:differences?|changes?|reductions?|decreases?|increases?|improvements?|effects?|trends?)"
                    rf"(?:\s+{_BETWEEN_GROUPS_WORDS})?(?:,\s+which)?")
_BACK_REFERENCE = rf"(?:(?:the|this|these|those|that|such|both)\s+{_DIFFERENCE_NOUN}|this|these|which|it|they)"
# "there were no significant differences between the groups", closing its clause
_NO_DIFFERENCE = (r"(?:there\s+(?:was|were)\s+)?no\s+(?:statistically\s+)?significant\s+differences?"
                  r"(?:\s+(?:was|were)\s+(?:observed|found|noted|seen|detected))?")
_CLAUSE_CLOSES = r"(?=\s*(?:[.;,(\[]|$))"
_NO_DIFFERENCE_BETWEEN = rf"{_NO_DIFFERENCE}(?:\s+{_BETWEEN_GROUPS_WORDS})?{_CLAUSE_CLOSES}"
_NOT_SIGNIFICANT_AFTER = re.compile(
    r"[\s,;]*(?:\([^()]{0,80}\)[\s,;]*)?(?:but|although|though|however|yet|and|while)?,?\s*"
    rf"(?:{_BACK_REFERENCE}\s+(?:(?:also|still)\s+)?{_NOT_SIGNIFICANT_VERB}"
    rf"|{_NOT_SIGNIFICANT_VERB}"
    rf"|{_NO_DIFFERENCE_BETWEEN}"
    r"|(?:a\s+|the\s+)?(?:statistically\s+)?significant\s+difference\s+was\s+not\s+(?:noted|observed|found|seen|detected|reached))",
    re.IGNORECASE)
_NOT_SIGNIFICANT_NEXT = re.compile(
    rf"\s{{1,3}}(?:However,\s+)?(?:(?:The|This|These)\s+{_DIFFERENCE_NOUN}\s+(?:(?:also|still)\s+)?{_NOT_SIGNIFICANT_VERB}"
    rf"|This\s+{_NOT_SIGNIFICANT_VERB}"
    rf"|{_NO_DIFFERENCE}\s+{_BETWEEN_GROUPS_WORDS}{_CLAUSE_CLOSES})", re.IGNORECASE)


# a call for more research, not a finding: "Longer follow-up is needed", "larger trials"
_RESEARCH_NEED = re.compile(r"(?:longer|larger|more|further|additional|bigger)\s+(?:[\w-]+\s+){0,2}?(?:follow-up|studies|"
                            r"trials|research|investigations?|data|evidence|observation)\s+(?:is|are|will\s+be|would\s+be)\s+"
                            r"(?:\w+\s+)?(?:needed|required|warranted|necessary)\b", re.IGNORECASE)
_RESEARCH_ADJECTIVE = re.compile(r"(?:longer|larger|bigger|more|further|additional)\s+(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|"
                                 r"trials?|cohorts?|samples?|populations?|follow-up)\b", re.IGNORECASE)
_TO_BE_CONFIRMED_IN = re.compile(r"\b(?:confirm|replicat|test|stud|investigat|evaluat|validat|examin|explor)\w*\s+in\s+"
                                 r"(?:an?\s+|the\s+)?$", re.IGNORECASE)
# what follows a clause and says its claim is unproven: "..., but this remains unproven"
_UNRESOLVED_AFTER = re.compile(
    r"[\s,;]*(?:but|although|though|however|yet|and)?,?\s*(?:this|that|it|these|which|the\s+(?:link|effect|benefit|"
    r"association|claim|mechanism|idea|hypothesis))\s+(?:still\s+)?(?:remains?|is|are)\s+(?:\w+\s+)?(?:unproven|"
    r"unclear|uncertain|unknown|untested|speculative|to\s+be\s+(?:tested|shown|confirmed|established))\b"
    r"(?!\s+(?:whether|if|how|why|what|which|when)\b)", re.IGNORECASE)     # "it remains unclear whether ...": another question
# "Evidence that X lowers Y is lacking": the claim is stated as not shown
_EVIDENCE_THAT = re.compile(r"\bevidence\s+(?:\w+\s+){0,3}?that\b", re.IGNORECASE)
_IS_LACKING = re.compile(r"\b(?:is|are|remains?|was|were)\s+(?:still\s+|largely\s+|currently\s+)?(?:lacking|absent|"
                         r"insufficient|scarce|missing)\b", re.IGNORECASE)


def _said_not_significant_after(text: str, clause_end: int, sentence_end: int) -> bool:
    """The words right after a clause (the rest of its sentence, else the start of the next
    sentence) say that the clause's difference was not significant."""
    if "signific" not in text[clause_end:sentence_end + 160].lower():
        return False
    if clause_end < sentence_end and _NOT_SIGNIFICANT_AFTER.match(text, clause_end, sentence_end):
        return True
    return clause_end >= sentence_end - 2 and _NOT_SIGNIFICANT_NEXT.match(text, sentence_end, sentence_end + 160) is not None


_SIGNIFICANT_WORD = re.compile(r"\bsignificant(?:ly)?\b", re.IGNORECASE)
_NEG_NEAR = re.compile(r"(?:\b(?:not|no|non|nor|neither|without|never|failed\s+to|did\s+not\s+reach)\b|n't|non-)"
                       r"[\w\s-]{0,20}$", re.IGNORECASE)


class _SaysSignificant:
    """'significant(ly)' stated positively somewhere in the text (not 'no significant ...')."""

    @staticmethod
    def search(text: str) -> bool:
        for m in _SIGNIFICANT_WORD.finditer(text):
            if not _NEG_NEAR.search(text[max(0, m.start() - 30):m.start()]):
                return True
        return False


_SAYS_SIGNIFICANT = _SaysSignificant()
_CLAUSE_SPLIT = re.compile(
    r";\s+|,?\s+(?:except\s+(?:for\s+)?|with\s+the\s+exception\s+of\s+)|,\s+(?=without\s)|"
    r",\s+and\s+(?=(?:the|a|an|its|their|his|her|this|these)\s)|,?\s+(?:but|whereas|while|although|though|however)\s+(?=\w)|,\s+and\s+(?=in\s)|\.\s+(?=[A-Z])",
    re.IGNORECASE)
# the clause separators, tried only where a separator's first characters occur
_CLAUSE_SPLIT_STARTS = MatchStarts(_CLAUSE_SPLIT, room=6)
_COMPARISON_HINT = re.compile(
    r"\b(?:than|versus|vs\.?|compared|comparison|placebo|control|group|groups|arm|treated|treatment|"
    r"therapy|intervention|after|following|significant(?:ly)?|baseline|relative)\b|\bp\s*[<=>≤≥]|%",
    re.IGNORECASE)

# non-drug and generic interventions: "resistance training", "topical rapamycin", "a two-drug
# senolytic combination", "mTOR inhibitors"
_INTERVENTION_HEAD = (r"training|exercise|exercises|therapy|therapies|treatment|treatments|supplementation|"
                      r"supplements?|administration|intervention|programme|program|diet|fasting|restriction|"
                      r"counsel(?:l)?ing|education|surgery|vaccination|vaccine|combination|inhibitors?|"
                      r"agonists?|antagonists?|blockers?|injections?|infusions?|transplantation|"
                      r"stimulation|acupuncture|massage|yoga|meditation|cessation|co-treatment|"
                      r"cotreatment|regimen|protocol|dosing|prophylaxis|analogues?|mimetics?|"
                      r"patch|cream|gel|ointment|spray|tablets?|capsules?|rinse|mouthwash|device")
_INTERVENTION_MODIFIER = (r"topical|oral|intravenous|inhaled|low[- ]dose|high[- ]dose|intermittent|once[- ]weekly|"
                          r"daily|weekly|delayed|delayed[- ]release|acute|chronic|combined|adjuvant|early|short[- ]term|"
                          r"long[- ]term|[\w-]+-based|two-drug|three-drug")
_INTERVENTION_RE = re.compile(
    rf"\b(?P<iv>(?:(?:{_INTERVENTION_MODIFIER})\s+)*"
    rf"(?:[\w/+-]+\s+){{0,2}}(?:{_INTERVENTION_HEAD}))\b", re.IGNORECASE)
_DRUG_WORD = re.compile(
    r"\b(?:[A-Za-z][a-z]{2,}(?:mycin|olimus|statin|formin|pril|sartan|olol|azole|mab|nib|tide|parin|"
    r"cillin|floxacin|dronate|prazole|triptan|oxetine|azepam|azolam|profen|caine|dipine|gliptin|gliflozin|"
    r"glitazone|vir|platin|taxel|rubicin|trexate|sone|olone|asone|afil|setron|lukast|tadine|amine|"
    r"idine|pine|zine|mide|fen|cin|tine|dol|nol|pam|lam|lin|ol|ium|ine)|"
    r"aspirin|metformin|rapamycin|sirolimus|everolimus|melatonin|caffeine|insulin|heparin|warfarin|"
    r"vitamin\s+[A-K]\d?|omega-3|creatine|probiotics?|curcumin|resveratrol|quercetin|dasatinib|"
    r"nicotinamide|spermidine|fisetin|acarbose|ketamine|propofol|morphine|codeine|dexmedetomidine)\b"
    r"|\b[A-Z]{2,5}-?\d{2,6}\b", re.IGNORECASE)
_NOT_DRUG = {"protein", "routine", "medicine", "discipline", "baseline", "guideline", "line", "machine",
             "online", "decline", "vaccine", "saline", "urine", "examine", "determine", "combine",
             "define", "outline", "pipeline", "decline", "online", "alcohol", "control", "protocol",
             "symbol", "patrol", "cholesterol", "tol", "fine", "nine", "mine", "spine", "skin", "begin",
             "within", "margin", "origin", "cabin", "lin", "berlin", "domain", "vein", "examine",
             "intervention", "medium", "premium", "calcium", "sodium", "potassium", "magnesium",
             "stadium", "podium", "consortium", "equilibrium", "cranium", "endometrium", "delirium",
             "plasmodium", "tertium", "gymnasium", "criterium", "sensorium", "aquarium", "glycine",
             "marine", "feminine", "doctrine", "engine", "imagine", "intestine", "canine", "feline",
             "bovine", "porcine", "murine", "equine", "ovine", "uterine", "medline", "hemoglobin",
             "globin", "insulin", "albumin", "bilirubin", "fibrin", "serotonin", "melanin", "toxin",
             "keratin", "actin", "myosin", "tubulin", "pepsin", "trypsin", "collagen", "ferritin",
             "troponin", "leptin", "adiponectin", "ghrelin", "resistin", "visfatin", "elastin",
             "hol", "pool", "school", "tool", "wool", "stool", "fool", "cool", "patrol", "petrol",
             "idol", "fentanyl", "amine", "ine", "ium", "dol", "nol", "pam", "lam", "ol", "cin",
             "tine", "fen", "mide", "zine", "pine", "idine", "twin", "coin", "join", "pain",
             "brain", "rain", "gain", "main", "chain", "train", "strain", "again", "plain", "contain",
             "retain", "obtain", "maintain", "remain", "certain", "explain", "sustain", "attain",
             "lipid", "lupine", "caffeine", "amine", "heroine", "routine", "sunshine", "machine",
             "famine", "jasmine", "turbine", "cuisine", "figurine", "limousine", "quarantine",
             "submarine", "trampoline", "gasoline", "vaseline", "nectarine", "tangerine", "ravine",
             "endocrine", "exocrine", "paracrine", "autocrine", "genuine", "masculine", "divine",
             "medline", "embase", "cochrane"}
_COMPARATOR_RE = Guarded(re.compile(
    r"\b(?:versus|vs\.?|compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|as\s+opposed\s+to|"
    r"rather\s+than|than(?:\s+(?:in|with|for|among|after|on))?)\s+(?:the\s+|those\s+(?:receiving|given|in|on|treated\s+with)\s+(?:the\s+)?)?"
    r"(?P<c>[^,;()\[\].]{1,60}?)(?=\s*[,;()\[\].]|\s+(?:group|groups|arm|arms|at|for|and\s+in|p\s*[<=>]|in\s+the|"
    r"in\s+patients|on|over|during|after|respectively|was|were|which|who)\b|\s*$)",
    re.IGNORECASE))
_GROUP_AFTER = re.compile(
    r"^[^,;]{0,40}?\b(?:in|among|for|with|of)\s+(?:the\s+|those\s+(?:receiving|given|in|on|treated\s+with)\s+(?:the\s+)?|patients\s+(?:receiving|given|on|in\s+the)\s+)?"
    r"(?P<g>[\w+/-]+(?:\s+[\w+/-]+){0,3}?)\s+(?:groups?|arms?|patients|subjects|participants|mice|rats|cohort|condition|trial|animals|children|women|men|eyes|sites?)\b",
    re.IGNORECASE)
_COMPARATOR_WORDS = re.compile(
    r"\b(?:placebo|control|controls|sham|usual\s+care|standard\s+care|standard|untreated|vehicle|"
    r"no[- ]treatment|waiting[- ]list|wait-?list|conventional|saline|comparison)\b", re.IGNORECASE)
_MAGNITUDE_RES = (
    re.compile(r"\bby\s+(?:(?:approximately|about|roughly|nearly|almost|up\s+to|over|more\s+than|an\s+average\s+of|a\s+mean\s+of|~|≈)\s*)?"
               r"(?P<v>\d+(?:\.\d+)?)\s*(?P<u>%|percent|percentage\s+points?|-?fold|times|kg|g|mg|mm\s*Hg|mmHg|mm|cm|points?|"
               r"units?|hours?|days?|weeks?|months?|years?|min(?:utes)?|beats|bpm|ml|mL|mg/dL|mmol/L)?", re.IGNORECASE),
    re.compile(r"(?P<v>\d+(?:\.\d+)?)\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?P<u>%|-fold|\s?fold|percent)\s*"
               r"(?:\w+\s+){0,4}?(?:reduction|increase|decrease|improvement|enhancement|decline|rise|drop|"
               r"higher|lower|greater|more|less|gain|loss|change)", re.IGNORECASE),
    re.compile(r"\b(?P<v>\d+(?:\.\d+)?)\s*(?P<u>-fold|\s?fold)\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])(?P<v>\d+(?:\.\d+)?)\s*(?:±\s*\d+(?:\.\d+)?\s*)(?P<u>kg|g|cm|mm|mmHg|points?|%)(?!\w)", re.IGNORECASE),
)
# each magnitude regex with a cheap necessary condition of a match in a text
_MAGNITUDE_HINTED = tuple(zip(_MAGNITUDE_RES, (
    Prefilter(_MAGNITUDE_RES[0]).may_match,        # "by"
    Prefilter(_MAGNITUDE_RES[1]).may_match,        # a change word ("reduction", "higher" ...)
    Prefilter(_MAGNITUDE_RES[2]).may_match,        # "fold"
    lambda text: "±" in text,                      # "± SD" is not optional there
)))
# cues that describe the state of their subject ("X was similar", "X did not differ")
_STATE_CUE = re.compile(
    r"^(?:was|were|is|are|remained|remain|remains|stayed|appeared|seemed|been)\b|"
    r"\b(?:differ|differed|different|vary|varied|similar|comparable|equivalent|identical|unchanged|unaltered|"
    r"unaffected|stable|constant|steady|same|indistinguishable|significant|significantly|significance|"
    r"non-?significant|insignificant|nonsignificantly|non-significantly)$", re.IGNORECASE)
_INTRO_VERB = re.compile(r"(?:induc|promot|caus|produc|stimulat|elicit|result|lead|led|achiev|show|demonstrat)",
                         re.IGNORECASE)
_FOLD_WORDS = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_FOLD_WORD_RES = tuple((re.compile(rf"\b{w}\b", re.IGNORECASE), v, w) for w, v in _FOLD_WORDS.items()) + (
    (re.compile(r"\bby\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|approximately\s+|around\s+|more\s+than\s+)?"
                r"(?:one[-\s])?half\b", re.IGNORECASE), 0.5, "half"),)   # "fell by about half"


@dataclass
class _Hit:
    start: int  # relative to the clause
    end: int
    cue: Cue
    text: str
    obj_from: int | None = None   # object starts here instead of at the cue end
    forced_negation: bool = False  # negated by a phrase before it ("no evidence that ...")


_LEAD_FUNCTION_WORD = re.compile(r"^(?:of|in|on|for|to|the|a|an|its|their|his|her|this|these|those)\s+", re.I)
_LEAD_FUNCTION_WORD_2 = re.compile(r"^(?:of|in|on|for|to|the|a|an|its|their)\s+", re.I)
_TRAIL_FUNCTION_WORDS = ("and", "or", "of", "in", "the", "a", "to", "with", "for", "on", "as", "by", "was", "were",
                         "is", "are", "both", "significantly")
_TRAIL_FUNCTION_WORD = re.compile(rf"\s+(?:{'|'.join(_TRAIL_FUNCTION_WORDS)})$", re.I)
_SPACES = re.compile(r"\s+")
_GENERIC_PHRASE = re.compile(
    r"(?:the\s+)?(?:(?:pooled|overall|adjusted|main|same|\d+-year|one-year)\s+)?(?:association|associations|"
    r"estimate|estimates|results?|findings?|data|effects?|differences?|trends?|patterns?|it|this|"
    r"these|they|that|which|changes?|rather|frequent|common|likely|pronounced|evident|"
    r"apparent|marked|significant|important)", re.I)
_UNIT_PHRASE = re.compile(
    r"(?:m?L|ml|mg|µg|μg|g|kg|cm|mm|m|s|min|h|%|points?|units?|mmHg|mm\s*Hg|mg/dL|mmol/L|µM|nM|"
    r"months?|weeks?|days?|years?|hours?|times|fold|percent|vs\.?|versus)", re.I)
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


@lru_cache(maxsize=4096)
def _clean(phrase: str | None, max_words: int = 10) -> str | None:
    if not phrase:
        return None
    p = phrase.strip(" ,;:.-–—")
    p = _LEAD_SKIP.sub("", p)
    p = _LEAD_FUNCTION_WORD.sub("", p)
    p = _LEAD_FUNCTION_WORD_2.sub("", p)
    p = _NUMERIC.sub(" ", " " + p).strip() if _DIGIT.search(p) else p.strip()   # numbers have a digit
    # on ASCII text the trailing-word pattern can only match when the text ends in one of its words
    if not (p.isascii() and not p.endswith("\n") and not p.lower().endswith(_TRAIL_FUNCTION_WORDS)):
        p = _TRAIL_FUNCTION_WORD.sub("", p)
    p = _SPACES.sub(" ", p).strip(" ,;:.-–—")
    words = p.split()
    if not words or all(w.lower() in _STOPWORDS for w in words):
        return None
    if _GENERIC_PHRASE.fullmatch(p):
        return None
    if _UNIT_PHRASE.fullmatch(p):
        return None
    if len(words) > max_words:
        p = " ".join(words[:max_words])
    if not _TWO_LETTERS.search(p):
        return None
    return p


# ------------------------------------------------------------------ phrase tidying
# Finite verbs, modals and copulas that never belong inside an outcome phrase ("triglycerides
# often come", "short courses may", "the data suggest a modest"). Nouns that look like verbs
# (rise, falls, causes, reports, works) are left out on purpose.
_COPULA_MODAL = (r"is|are|was|were|be|been|being|am|has|have|had|do|does|did|may|might|could|can|cannot|"
                 r"can't|would|should|will|must|shall")
_INNER_VERB = (r"suggests?|suggested|shows?|showed|shown|indicates?|indicated|appears?|appeared|seems?|"
               r"seemed|remains?|remained|comes?|came|persists?|persisted|carry|carries|carried|occurs?|"
               r"occurred|leaves|tends?|tended|rose|fell|built|produces?|produced|caused|found|reported|"
               r"got|took|makes?|made|helps?|helped|becomes?|became|stays?|stayed|goes|went|"
               r"confirmed|revealed|demonstrated|noted|observed|yielded|provided|lacks?|lacked|lost|gained|"
               r"lived|died|survived")
_VERB_WORD = Guarded(re.compile(rf"\b(?:{_COPULA_MODAL}|{_INNER_VERB})\b", re.IGNORECASE))
_COPULA_WORD = re.compile(rf"(?:{_COPULA_MODAL})", re.IGNORECASE)
# one word (never white space in it) that does not end an outcome phrase
_TRAIL_WORD = re.compile(
    rf"(?:{_COPULA_MODAL}|{_INNER_VERB}|and|or|but|of|in|on|to|for|with|by|at|as|from|than|a|an|the|this|that|"
    r"these|those|its|their|it|they|whether|not|no|some|any|more|less|most|least|very|often|roughly|only|also|"
    r"usually|sometimes|generally|typically|frequently|commonly|again|well|too|even|still|already|about|"
    r"approximately|nearly|almost|around|modest|possible|similar|small|slight|significant|meaningful|further|new|"
    r"greater|marked|substantial|uncertain|unclear|unknown|likely|unlikely|better|worse|higher|lower|comparable|"
    r"one|two|clear|strong|weak|true|real|here|there|now|yet|today|then|we|you|he|she|them|us|our|[a-z]{3,}ly)",
    re.IGNORECASE)
_TRAIL_WORDS = re.compile(rf"\s+{_TRAIL_WORD.pattern}$", re.IGNORECASE)


def _trailing_word(spaced: str) -> tuple[int, str] | None:
    """What `_TRAIL_WORDS.search(spaced)` finds, (start, word), for a text whose only white space
    is the plain space: the word can only be the last one, and the match starts where the
    spaces before it start."""
    cut = spaced.rfind(" ") + 1
    word = spaced[cut:]
    if not cut or not word or not _TRAIL_WORD.fullmatch(word):
        return None
    start = cut - 1
    while start > 0 and spaced[start - 1] == " ":
        start -= 1
    return start, word
_NOT_ADVERB = {"family", "supply", "anomaly", "assembly", "monopoly", "jelly", "belly", "rally", "ally",
               "italy", "folly", "reply", "butterfly", "dragonfly", "firefly", "homily", "lily", "bully",
               "early", "daily", "weekly", "monthly", "yearly", "nightly", "hourly", "elderly", "ugly", "oily",
               "holy", "only"}
_LEAD_WORDS = re.compile(
    r"^(?:and|or|but|whether|that|then|thus|so|new|modest|possible|similar|slight|meaningful|further|greater|"
    r"a|an|the|this|these|those|its|their|his|her|our|some|any|primary\s+outcome,?|secondary\s+outcome,?|"
    r"main\s+outcome,?|primary\s+end\s*point,?)\s+", re.IGNORECASE)
_PARTICIPLE_TAIL = re.compile(r"\s+[a-z]{3,}ed$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[a-z]{3,}ed", re.IGNORECASE)


def _participle_tail(spaced: str) -> tuple[int, str] | None:
    """What `_PARTICIPLE_TAIL.search(spaced)` finds, (start, word), for a text whose only white
    space is the plain space: the last word, the match starting where the spaces before it
    start."""
    cut = spaced.rfind(" ") + 1
    word = spaced[cut:]
    if not cut or not _PARTICIPLE.fullmatch(word):
        return None
    start = cut - 1
    while start > 0 and spaced[start - 1] == " ":
        start -= 1
    return start, word


_NOT_PARTICIPLE = {"red", "bed", "need", "speed", "seed", "feed", "breed", "blood", "shed", "weed", "steed",
                   "hundred", "sacred", "naked", "wicked", "kindred"}
_CIRCUMSTANCE = re.compile(r"\s+(?:after|before|during|following|when|while|whereas|who|which|whom|whose|by|"
                           r"[a-z]{3,}ed\s+by|rather\s+than|instead\s+of)\b.*$", re.IGNORECASE)
_POSSESSIVE_POP = re.compile(r"^(?:the\s+)?(?:men|women|patients|participants|people|children|adults|mice|rats|"
                             r"animals|subjects|volunteers)['’]s?\s+(?=\w)", re.IGNORECASE)
# words that are never an outcome on their own
_NOT_OUTCOME = re.compile(
    r"(?:it|they|them|this|that|these|those|which|whether|he|she|we|there|here|data|results?|findings?|"
    r"evidence|effects?|side\s+effects?|benefits?|study|studies|trial|trials|case|cases|analysis|analyses|"
    r"estimates?|subgroups?|use|usage|group|groups|arm|arms|seen|potent|effective|efficacious|safe|well|"
    r"tolerated|outcomes?|end\s*points?|measures?|changes?|difference|differences|man|woman|patient|person|"
    r"participant|subject|animal|mouse|rat|people|dose|doses|treatment|therapy|drug|drugs|way|ways|"
    r"(?:[\w-]+\s+)?(?:study|trial|case|analysis|estimate|review|report|series))", re.IGNORECASE)
_NOT_OUTCOME_HEAD = re.compile(r"(?:study|studies|trial|trials|case|analysis|analyses|estimate|review|report|"
                               r"series|data|evidence|findings|results|cohort|group|groups|arm|arms|test|tests|"
                               r"difference|differences)", re.IGNORECASE)
_PRONOUN_START = re.compile(r"^(?:it|they|we|he|she|you|this|there)\b", re.IGNORECASE)
_LEADING_PREP_BAD = re.compile(r"^(?:by|from|to|than|at|after|before|versus|vs\.?|during|following|among|within|"
                               r"without|with|under)\s", re.IGNORECASE)


# used by tidy_outcome()
_PAST_PARTICIPLE_WORD = re.compile(r"[a-z]{3,}(?:ed|en)", re.IGNORECASE)
_WHITESPACE_RUN = re.compile(r"\s+")


_ENDS_WITH_OF = re.compile(r"\bof\s+$", re.IGNORECASE)


@lru_cache(maxsize=256)
def tidy_outcome(phrase: str | None, before_cue: bool = False) -> str | None:
    """A reader's outcome phrase from a candidate: no verbs, modals, hedges, trailing adverbs,
    determiners or adjectives, no relative or circumstantial clause, no population; None when
    nothing but a pronoun, a population or a generic word ("data", "results", "seen") is left.

    `before_cue`: the candidate stands before its cue (a subject); a reporting verb inside it
    ("the data suggest X", "p16 fell and collagen VII") then leaves the words after it, while a
    copula or modal ("Mouth ulcers were the one side effect") leaves the words before it."""
    if not phrase:
        return None
    p = _WHITESPACE_RUN.sub(" ", phrase).strip(" ,;:.-–—")
    if _LEADING_PREP_BAD.match(p):
        return None
    for _ in range(3):
        # a verb-like word after "of" is a noun: "length of stay", "quality of care"
        verbs = [v for v in _VERB_WORD.finditer(p) if not _ENDS_WITH_OF.search(p, 0, v.start())]
        if not verbs:
            break
        if before_cue:
            v = verbs[-1]
            if _COPULA_WORD.fullmatch(v.group(0)) and v.start() > 0:
                first = verbs[0]
                p = p[:first.start()] if first.start() > 0 else p[v.end():]
            else:
                p = p[v.end():] if p[v.end():].strip() else p[:v.start()]
        else:
            v = verbs[0]
            p = p[:v.start()] if v.start() > 0 else p[v.end():]
        p = p.strip(" ,;:.-–—")
    p = _CIRCUMSTANCE.sub("", p) if not _CIRCUMSTANCE.match(" " + p) else p
    p = _POSSESSIVE_POP.sub("", p)
    pm = _pop_stop().search(p)
    if pm and pm.start() > 0:
        p = p[:pm.start()]      # "trial in women": the population is not part of the outcome
    for _ in range(6):
        old = p
        p = p.strip(" ,;:.-–—")
        trail = _trailing_word(" " + p)      # all white space in p is plain spaces (see above)
        if trail and _VERB_WORD.fullmatch(trail[1]) and _ENDS_WITH_OF.search(" " + p, 0, trail[0] + 1):
            trail = None                     # "length of stay": a noun after "of"
        if trail and trail[1].lower() not in _NOT_ADVERB:
            p = (" " + p)[:trail[0]].strip()
        tail = _participle_tail(p)
        if tail and tail[1].lower() not in _NOT_PARTICIPLE and " " in p:
            p = p[:tail[0]]
        p = _LEAD_WORDS.sub("", p)
        if p == old:
            break
    p = p.strip(" ,;:.-–—")
    words = p.split()
    if not words or _NOT_OUTCOME.fullmatch(p) or _VERB_WORD.fullmatch(p) or _LEADING_PREP_BAD.match(p) \
            or _PAST_PARTICIPLE_WORD.fullmatch(p) or _NOT_OUTCOME_HEAD.fullmatch(words[-1]) \
            or _PRONOUN_START.match(p) or (len(words) <= 3 and words[-1].lower() in lexicons().population_heads):
        return None
    return _clean(p)


# verbs that name their outcome: "lost 2.6 kg" (body weight), "lived longer" (lifespan)
_IMPLIED_OUTCOMES = (
    (re.compile(r"^(?:lost|lose|loses|losing|gained|gain|gains|gaining|put\s+on)$", re.IGNORECASE),
     re.compile(r"^\s+(?:(?:an?\s+)?(?:average|mean|median|total)\s+(?:of\s+)?)?(?:about\s+|approximately\s+|nearly\s+|"
                r"roughly\s+|up\s+to\s+|more\s+|less\s+|)(?:[\d.,]+\s*(?:±\s*[\d.,]+\s*)?(?:kg|kilograms?|g|lbs?|"
                r"pounds?|stone)\b|(?:more\s+|less\s+|some\s+|significant\s+)?weight\b)", re.IGNORECASE),
     "body weight"),
    (re.compile(r"^(?:longer)$", re.IGNORECASE), None, "lifespan"),
)
_LIVED_BEFORE = re.compile(r"\b(?:lived|live|lives|survived|survive|survives)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _implied_outcome(clause: str, h: "_Hit") -> str | None:
    """The outcome a verb names by itself: "women ... lost 2.6 kg" (body weight), "treated mice
    lived longer" (lifespan)."""
    for verb, after, outcome in _IMPLIED_OUTCOMES:
        if not verb.match(h.text):
            continue
        if after is not None and after.match(clause[h.end:]):
            return outcome
        if after is None and _LIVED_BEFORE.search(clause[:h.start]):
            return outcome
    return None


_NOUN_CUE = re.compile(r"(?:tion|tions|ment|ments|ance|ence|sion|ing|increase|decrease|rise|drop|fall|decline|"
                       r"change|gain|loss|elevation|reduction|difference|differences|effect|effects|benefit|"
                       r"impact|influence|association|advantage)$", re.IGNORECASE)


_FROM_BASELINE = re.compile(
    r"^\s*(?:(?:from|over|at|after|since|relative\s+to|compared\s+(?:with|to))\s+(?:the\s+)?"
    r"(?:baseline|pre-?treatment|pre-?test|pre-?intervention|admission|entry|enrol?ment|time|week\s+\d+|"
    r"month\s+\d+|day\s+\d+|\d+\s+(?:weeks?|months?|days?|years?|hours?|h))(?:\s+values?)?\s*,?\s*)+", re.IGNORECASE)


# used by _object_after()
_LEADING_RATHER_THAN_VERB = re.compile(r"^\s+(?:rather\s+than|instead\s+of|and\s+not|but\s+not|or)\s+[a-z]+(?:ed|s|e|en)?(?=\s)", re.IGNORECASE)
_LEADING_OF = re.compile(r"of\s", re.IGNORECASE)
_LEADING_BETWEEN_AMONG = re.compile(r"^\s*(?:between|among|across)\b", re.I)
_LEADING_NUMBER_BEFORE_WORD = re.compile(r"^\s*\d[\d,.]*\s+(?=[a-z])")
_LEADING_BETWEEN_GROUPS_REGARDING = re.compile(r"^\s*(?:between|among|across)\s+[^,;()]{1,60}?\s+(?:in\s+relation\s+to|in\s+terms\s+of|"
                                               r"with\s+regard\s+to|with\s+respect\s+to|regarding|concerning|for|in|on|as\s+to)\s+(?=\w)", re.I)
_LEADING_IN_POPULATION = re.compile(r"^\s*in\s+(?:the|both|all|each|patients|participants|subjects|those)\b", re.I)
_LEADING_PREPOSITION_OR_PUNCT = re.compile(r"^\s*(?:by|to|from|at|after|than|in\s+the|in\s+both|upon|over|compared|versus|vs|when|with|"
                                           r"between|among|during|following|[,;:(.\[]|\d|p\s*[<=>])", re.IGNORECASE)
_ENDS_WITH_DETERMINER_OR_QUALIFIER = re.compile(r"\b(?:a|an|the|no|any|significant|greater|larger|smaller|%|similar|overall|mean|further)\s*$", re.I)


def _object_after(clause: str, pos: int, cue_text: str = "", before: str = "") -> str | None:
    rest = clause[pos:]
    rest = _LEADING_RATHER_THAN_VERB.sub("", rest, count=1)   # "strengthen rather than suppress immunity"
    rest = _LEAD_SKIP.sub("", rest)
    timed = _FROM_BASELINE.sub("", rest)
    if len(timed) < len(rest) and _LEADING_OF.match(timed):
        return None           # "increased after 6 weeks of feeding": a time, no object
    rest = timed
    if _LEADING_BETWEEN_AMONG.match(rest):
        m = _LEADING_BETWEEN_GROUPS_REGARDING.match(rest)
        rest = _BETWEEN_GROUPS.sub("", rest, count=1) if _BETWEEN_GROUPS.match(rest) else (
            rest[m.end():] if m else rest)
    # a determiner or qualifier at the end of `before` starts at most its longest word's length
    # (11 characters) before the trailing white space
    noun_like = bool(_NOUN_CUE.search(cue_text.strip())) or bool(
        _ENDS_WITH_DETERMINER_OR_QUALIFIER.search(before, max(0, len(before.rstrip()) - 11)))
    if not noun_like and _LEADING_IN_POPULATION.match(rest):
        return None
    rest = _LEAD_PREP.sub("", rest, count=1)
    rest = _LEAD_SKIP.sub("", rest)
    rest = _LEADING_NUMBER_BEFORE_WORD.sub("", rest)   # "preserved 605 primordial follicles"
    if _LEADING_PREPOSITION_OR_PUNCT.match(rest) or not rest.strip():
        return None
    m = _OBJ_STOP.search(rest)
    phrase = rest[:m.start()] if m else rest
    pm = _pop_stop().search(phrase)
    if pm and pm.start() > 0:
        phrase = phrase[:pm.start()]
    return _clean(phrase)


# used by _subject_before()
_LEADING_PREPOSITIONAL_PHRASE = re.compile(r"^(?:in|at|after|during|on|for|among|with|under|following)\s+[^,]{0,40}?\s+"
                                           r"(?=(?:the|her|his|their|its|a|an|mean|median|total|overall)\s)", re.I)
_LEADING_THERE_WAS_OR_PRONOUN_VERB = re.compile(r"^(?:there\s+(?:was|were|is|are)|we\s+\w+|it\s+\w+)\s+", re.I)
_BRACKETED_SPAN = re.compile(r"\s*[(\[{][^()\[\]{}]*[)\]}]")


def _subject_before(clause: str, pos: int) -> str | None:
    before = clause[:pos]
    if "(" in before or "[" in before or "{" in before:     # a bracketed aside needs its opening
        for _ in range(2):
            before = _BRACKETED_SPAN.sub("", before)
    before = _without_trailing_words(before)
    m = _SUBJ_SPLIT.match(before)
    if m and len(before[m.end():].split()) >= 1:
        before = before[m.end():]
    # drop a leading circumstantial phrase without comma: "In the second evaluation the time ..."
    before = _LEADING_PREPOSITIONAL_PHRASE.sub("", before.strip())
    before = _LEADING_THERE_WAS_OR_PRONOUN_VERB.sub("", before)
    words = before.split()
    if len(words) > 10:
        before = " ".join(words[-10:])
    return _clean(before)


_POP_STOP: re.Pattern | None = None


def _pop_stop() -> re.Pattern:
    """' in steroid-refractory patients': a population ends an outcome phrase."""
    global _POP_STOP
    if _POP_STOP is None:
        heads = "|".join(lexicons().population_heads)
        _POP_STOP = re.compile(rf"\s+in\s+(?:[\w'+-]+\s+){{0,3}}(?:{heads})\b", re.IGNORECASE)
    return _POP_STOP


# used by _is_population()
_POPULATION_PREPOSITION = re.compile(r"\b(?:in|of|with|on|for)\b", re.I)


def _is_population(phrase: str) -> bool:
    words = phrase.split()
    heads = set(lexicons().population_heads) | {"models", "model", "vitro", "vivo", "samples", "tissue"}
    if _POPULATION_PREPOSITION.search(phrase):
        return False
    return len(words) <= 4 and (words[-1].lower() in heads or phrase.lower().startswith("vitro"))


@lru_cache(maxsize=4096)
def _polarity(outcome: str | None) -> str | None:
    if not outcome:
        return None
    k = scans().polarity.first_index(outcome)
    return None if k is None else lexicons().polarity[k][1]


def _disease_outcome(span: tuple[int, int] | None, entities: list[dict]) -> bool:
    """The outcome names a disease (a DISEASE entity inside it): more of it is bad."""
    if not span:
        return False
    return any(e.get("label") == "DISEASE" and span[0] <= e["start"] and e["end"] <= span[1]
               for e in within(entities, span[0], span[1]))


def decide_valence(direction: str | None, cue_valence: str | None, outcome: str | None,
                   disease: bool = False) -> str:
    if direction == "no_effect":
        return "neutral"
    if cue_valence in ("beneficial", "harmful"):
        return cue_valence
    pol = _polarity(outcome) or ("bad" if disease else None)
    if pol is None or direction is None:
        return "unknown"
    if pol == "neutral":
        return "neutral"      # "PGC-1α protein rose 1.9-fold": a mechanism, no clinical meaning stated
    good = (pol == "good") == (direction == "increase")
    return "beneficial" if good else "harmful"


def _magnitude(clause: str, cue_start: int) -> tuple[str | None, float | None, str | None]:
    best = None
    for regex, hint in (_MAGNITUDE_HINTED if _DIGIT.search(clause) else ()):   # every magnitude has a number
        if not hint(clause):
            continue
        for m in regex.finditer(clause):
            dist = abs(m.start() - cue_start)
            if dist > 90:
                continue
            if best is None or dist < best[0]:
                best = (dist, m)
        if best:
            break
    if best:
        m = best[1]
        unit = (m.group("u") or "").strip().lower() or None
        if unit in ("fold", "-fold", "times"):
            unit = "fold"
        elif unit in ("percent",):
            unit = "%"
        elif unit and unit.startswith("percentage"):
            unit = "percentage points"
        elif unit:
            unit = m.group("u").strip()
        text = m.group(0).strip()
        if best[1].re is _MAGNITUDE_RES[1]:
            text = (m.group("v") + (m.group("u") or "")).strip()
        try:
            return text, float(m.group("v")), unit
        except ValueError:
            pass
    low = lowered(clause)        # a case-safe clause names the word in lower case
    for regex, v, word in _FOLD_WORD_RES:
        if low is not None and word not in low:
            continue
        m = regex.search(clause)
        if m:
            return m.group(0), v, "fold"
    return None, None, None


# used by _interventions_from_entities()
_TRAILING_ROUTE_OR_REGIMEN_MODIFIERS = re.compile(r"(?:\b(?:topical|oral|low[- ]dose|high[- ]dose|intermittent|delayed[- ]release|long-term|"
                                                  r"short-term|combined|intravenous|inhaled|daily|weekly)\s+)+$", re.IGNORECASE)
_USE_OR_TREATMENT_SUFFIX = re.compile(r"\s+(?:use|treatment|therapy|administration|supplementation)\b", re.I)
_DOSE_AND_COMBINATION_JOINER = re.compile(r"\s*(?:[\d.,]+\s*(?:mg|g|µg|μg|mcg|IU|mg/kg|mg/m²)(?:/(?:day|d|week|kg))?\s+)?"
                                          r"(?:plus|\+|and|with|combined with|in combination with|/)\s*", re.IGNORECASE)
_MEASUREMENT_NOUN_SUFFIX = re.compile(r"[\s-]*(?:levels?|concentrations?|content|values?|excretion|clearance|"
                                      r"intake|disposal|tolerance|uptake|metabolism|homeostasis|control|"
                                      r"turnover|oxidation|synthesis|production|flux|ratio|rate)\b", re.I)
_TRAILING_SAMPLE_SITE = re.compile(r"\b(?:fasting|plasma|serum|blood|whole-blood|circulating|urinary|urine|salivary|"
                                   r"intracellular|tissue|muscle|hepatic|intrahepatic|cerebrospinal)\s+$", re.I)
_TRAILING_FLUID_SAMPLE_SITE = re.compile(r"\b(?:fasting|plasma|serum|blood|whole-blood|circulating|urinary|urine|salivary|"
                                         r"intracellular|intrahepatic)\s+$", re.I)
_METABOLIC_PROCESS_SUFFIX = re.compile(r"[\s-]*(?:disposal|tolerance|uptake|homeostasis)\b", re.I)


def _interventions_from_entities(clause_abs: tuple[int, int], entities: list[dict], text: str,
                                 outcome_span: tuple[int, int] | None) -> str | None:
    s, e = clause_abs
    chems = [x for x in within(entities, s, e) if x.get("label") == "CHEMICAL"
             and s <= x.get("start", -1) and x.get("end", 0) <= e
             and not (outcome_span and outcome_span[0] <= x["start"] < outcome_span[1])]
    if not chems:
        return None
    chems.sort(key=lambda x: x["start"])
    # a measured substance ("plasma glucose", "glucose disposal rate", "NAD+ levels") is an outcome
    measured = [x for x in chems if _MEASUREMENT_NOUN_SUFFIX.match(text[x["end"]:x["end"] + 16])
                or _TRAILING_SAMPLE_SITE.search(text[max(0, x["start"] - 20):x["start"]])]
    kept = [x for x in chems if x not in measured]
    if not kept and len(measured) == len(chems) and all(
            _TRAILING_FLUID_SAMPLE_SITE.search(text[max(0, x["start"] - 20):x["start"]])
            or _METABOLIC_PROCESS_SUFFIX.match(text[x["end"]:x["end"] + 16])
            for x in measured):
        return None
    chems = kept or chems
    names = []
    first = chems[0]
    lead = _TRAILING_ROUTE_OR_REGIMEN_MODIFIERS.search(text[max(s, first["start"] - 40):first["start"]])
    names.append(text[first["start"]:first["end"]].strip())
    last_end = first["end"]
    for x in chems[1:]:
        gap = text[last_end:x["start"]]
        if _DOSE_AND_COMBINATION_JOINER.fullmatch(gap):
            names.append(text[x["start"]:x["end"]].strip())
            last_end = x["end"]
        else:
            break
    out = " plus ".join(dict.fromkeys(n for n in names if n))
    tail = _USE_OR_TREATMENT_SUFFIX.match(text[last_end:last_end + 30])
    if tail:
        out += tail.group(0).rstrip()
    if lead:
        out = lead.group(0).strip().lower() + " " + out
    return out or None


_FAVOUR = re.compile(r"favou?r", re.IGNORECASE)
_TARGET_NOUN = re.compile(r"(?:inhibition|blockade|suppression|activation|stimulation|deletion|knockdown|depletion|"
                          r"induction|antagonism|silencing)", re.IGNORECASE)
_TARGET_SUBJECT = re.compile(rf"(?P<n>{_TARGET_NOUN.pattern})\s+of\s+(?:the\s+)?(?P<x>[^,;()]{{1,40}})", re.IGNORECASE)


def _opens_clause(subject: str, clause: str) -> bool:
    """The subject stands at the opening of its clause (after a 'Label:' and 'the')."""
    return re.match(r"(?:\W*[A-Za-z]+(?:\s+[A-Za-z]+)?\s*:)?\W*(?:the\s+)?" + re.escape(subject),
                    clause, re.IGNORECASE) is not None


def _has_chemical(phrase: str, clause: str, offset: int, entities: list[dict]) -> bool:
    k = clause.find(phrase)
    if k < 0:
        return False
    a, b = offset + k, offset + k + len(phrase)
    return any(e.get("label") == "CHEMICAL" and a <= e["start"] and e["end"] <= b for e in within(entities, a, b))


def _is_drug_phrase(phrase: str, span: tuple[int, int] | None, entities: list[dict]) -> bool:
    """The phrase is a drug and nothing else: a CHEMICAL entity covering it (`span`, absolute
    offsets) or a drug-like word ("sirolimus", "low-dose metformin", "RTB101")."""
    if span and any(e.get("label") == "CHEMICAL" and e["start"] <= span[0] and span[1] <= e["end"]
                    for e in entities):
        return True
    found = _intervention_from_text(phrase)
    return bool(found) and found.lower() == phrase.lower() and bool(_DRUG_WORD.search(phrase))


_HEAD_AFTER = re.compile(rf"\s+(?:{_INTERVENTION_HEAD})\b", re.IGNORECASE)
_CODE_DRUG = re.compile(r"[A-Z]{2,5}-?\d")
_NAMED_DRUG = re.compile(
    r"(?:mycin|olimus|statin|formin|pril|sartan|olol|azole|mab|nib|tide|parin|cillin|floxacin|"
    r"dronate|prazole|triptan|oxetine|azepam|azolam|profen|caine|dipine|gliptin|gliflozin|glitazone|"
    r"vir|platin|taxel|rubicin|trexate|afil|setron|lukast|tadine)$|^(?:aspirin|metformin|rapamycin|"
    r"sirolimus|everolimus|melatonin|caffeine|heparin|warfarin|vitamin|omega|creatine|probiotic|"
    r"curcumin|resveratrol|quercetin|dasatinib|nicotinamide|spermidine|fisetin|acarbose|ketamine|"
    r"propofol|morphine|codeine|dexmedetomidine)", re.IGNORECASE)
_NAMED_DRUG_HINT = Prefilter(_NAMED_DRUG)
_INTERVENTION_HINT = Prefilter(_INTERVENTION_RE)


# used by _intervention_from_text()
_COMBINED_DRUG_PAIR = re.compile(r"\b(?:combined\s+)?(?P<a>[\w-]+)\s+(?:plus|\+|combined\s+with|in\s+combination\s+with|and)\s+(?P<b>[\w-]+)\b", re.IGNORECASE)
_TRAILING_ROUTE_OR_DOSE_MODIFIERS = re.compile(r"(?:\b(?:topical|oral|low[- ]dose|high[- ]dose|intermittent|delayed[- ]release|"
                                               r"delayed|combined|intravenous|inhaled)\s+)+$", re.IGNORECASE)
_LEADING_CONJUNCTION_OR_RELATIVE = re.compile(r"^(?:and|or|that|which|whereas)\s+", re.IGNORECASE)
_LEADING_DETERMINER_OR_PREPOSITION = re.compile(r"^(?:the|this|our|their|each|both|of|after|during|at|in|with)\b", re.I)
_DURATION_UNIT_OR_OF = re.compile(r"\b(?:wk|weeks?|days?|months?|years?|hours?|min|of)\b", re.I)
_BIOMARKER_NOUN_SUFFIX = re.compile(r"[\s-]+(?:plasma|serum|blood|glucose|insulin|lipids?|levels?|values?|state|"
                                    r"conditions?|samples?|measurements?)\b", re.IGNORECASE)


# the places where an intervention head word starts; the chunks of word characters, "/", "+"
# and "-" a match is made of (white space between them); a chunk that can be (part of) a modifier
_HEAD_WORD = re.compile(rf"(?:{_INTERVENTION_HEAD})\b", re.IGNORECASE)
_HEAD_PLACES = MatchStarts(_HEAD_WORD).places
_IV_CHUNK = re.compile(r"[\w/+-]+")
_MODIFIER_CHUNK = re.compile(rf"(?:{_INTERVENTION_MODIFIER})|low|high|once|delayed|short|long|dose|weekly|release|term",
                             re.IGNORECASE)
_WORD_EDGE = re.compile(r"\b")


def _head_windows(segment: str, low: str) -> list[tuple[int, int]]:
    """(first, last) places where an `_INTERVENTION_RE` match ending in each head word can
    start, merged and in order. Before the head the match has at most two chunks of any kind,
    each followed by white space, and before those only modifier chunks; the leftmost chunk
    may be entered at a word edge inside it, so the walk stops after the first chunk that is
    no modifier."""
    head_at = _HEAD_WORD.match
    heads = [m.start() for m in _HEAD_PLACES.finditer(low) if head_at(segment, m.start())]
    if not heads:
        return []
    chunks = [m.span() for m in _IV_CHUNK.finditer(segment)]
    ends = [b for _, b in chunks]
    windows: list[tuple[int, int]] = []
    for hs in heads:
        first = hs
        if hs > 0 and segment[hs - 1].isspace():
            k = bisect_right(ends, hs) - 1          # the chunks ending before the head
            free = 2
            right = hs
            while k >= 0:
                a, b = chunks[k]
                gap = segment[b:right]
                if not gap or not gap.isspace():
                    break
                first = a
                if free:
                    free -= 1
                elif not _MODIFIER_CHUNK.fullmatch(segment, a, b):
                    break
                right = a
                k -= 1
        windows.append((first, hs))
    windows.sort()
    merged = [windows[0]]
    for first, last in windows[1:]:
        if first <= merged[-1][1] + 1:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _intervention_matches(segment: str):
    """The matches of `_INTERVENTION_RE.finditer(segment)`, tried only at the word edges of the
    windows before head words where a match can start, in order."""
    low = lowered(segment) if _HEAD_PLACES is not None else None
    if low is None:
        yield from _INTERVENTION_RE.finditer(segment)
        return
    match = _INTERVENTION_RE.match
    done = 0          # end of the last match
    for first, last in _head_windows(segment, low):
        if last < done:
            continue
        for edge in _WORD_EDGE.finditer(segment, max(first, done), last + 1):
            p = edge.start()
            if p < done or p > last:
                continue
            m = match(segment, p)
            if m is not None:
                yield m
                done = m.end()


@lru_cache(maxsize=1024)
def _intervention_from_text(segment: str) -> str | None:
    m = _COMBINED_DRUG_PAIR.search(segment)
    if m and _DRUG_WORD.fullmatch(m.group("a")) and _DRUG_WORD.fullmatch(m.group("b")) \
            and m.group("a").lower() not in _NOT_DRUG and m.group("b").lower() not in _NOT_DRUG:
        return f"{m.group('a')} plus {m.group('b')}"
    # a drug word counts when it is a code ("RTB101") or has a drug name's ending or beginning;
    # without either in the segment no drug word can count
    named = _NAMED_DRUG_HINT.may_match(segment) or _CODE_DRUG.search(segment) is not None
    for m in (_DRUG_WORD.finditer(segment) if named else ()):
        w = m.group(0)
        if w.lower() in _NOT_DRUG or len(w) < 4:
            continue
        if _CODE_DRUG.match(w) is None and not _NAMED_DRUG.search(w):
            continue
        # extend with a following head noun ("rapamycin treatment")
        tail = _HEAD_AFTER.match(segment[m.end():])
        lead = _TRAILING_ROUTE_OR_DOSE_MODIFIERS.search(segment[:m.start()])
        out = (lead.group(0) if lead else "") + w + (tail.group(0) if tail else "")
        return out.strip()
    for m in (_intervention_matches(segment) if _INTERVENTION_HINT.may_match(segment) else ()):
        iv = _clean(_LEADING_CONJUNCTION_OR_RELATIVE.sub("", m.group("iv")), 6)
        if iv and not _LEADING_DETERMINER_OR_PREPOSITION.match(iv) \
                and not _DURATION_UNIT_OR_OF.search(iv) \
                and not _NOT_IV_WORD.search(iv) \
                and not any(w.lower().endswith("ed") and lexicons().cue_regex.fullmatch(w) for w in iv.split()[:-1]) \
                and not _BIOMARKER_NOUN_SUFFIX.match(segment[m.end():]):
            return iv     # "fasting plasma glucose" is a measurement, not fasting
    return None


# an arm named after its treatment: "in the BA-App group", "with the ASLA arm"
_NAMED_ARM_RE = re.compile(r"\b(?:in|with|for|among|to|of)\s+the\s+(?P<g>[\w+/-]*[A-Z][\w+/-]*(?:\s+[\w+/-]+)?)\s+"
                           r"(?:group|arm|cohort)\b")
_NOT_ARM_NAME = re.compile(r"\b(?:control|placebo|sham|vehicle|comparison|comparator|reference|standard|usual|"
                           r"intervention|treatment|treated|experimental|study|active|other|same|first|second|third|"
                           r"two|three|both|each|whole|total|entire|new|old|older|younger|[a-z]?\d+\w*)\b",
                           re.IGNORECASE)


def _named_arm(clause: str) -> str | None:
    """The first arm of the clause named after its treatment (a name with a capital letter, not
    control, placebo, usual care ...): "Anxiety decreased more in the BA-App group" -> BA-App."""
    for m in _NAMED_ARM_RE.finditer(clause):
        name = m.group("g")
        if len(name) > 1 and not _NOT_ARM_NAME.search(name):
            return name
    return None


# words that show a phrase rule caught a stretch of a clause, not a treatment ("benefit after
# surgery", "resolved without treatment")
_NOT_IV_WORD = re.compile(
    rf"\b(?:after|before|during|following|without|from|than|by|to|for|but|not|no|benefits?|effects?|"
    rf"{_COPULA_MODAL}|{_INNER_VERB}|resolved|needed|required|received|started|stopped)\b", re.IGNORECASE)


# used by _comparator()
_LEADING_NUMBERS_THEN_PREPOSITION = re.compile(r"^[\d.,\s%±-]*(?:in|with|among|for|to|of|by)\s+")
_TRAILING_PRONOUN = re.compile(r"\s+(?:it|them|this|that|these|those)\s*$", re.IGNORECASE)
_COMPARED_WITH_OR_VERSUS = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+")
_TIMING_OR_PARTICIPANT_WORD = re.compile(r"(?:alongside|together|simultaneously|concurrently|before|after|participants|"
                                         r"patients|subjects|individuals|people|cases)", re.IGNORECASE)
_LEADING_BASELINE = re.compile(r"^(?:baseline|pre-?treatment|before)", re.I)
_NUMERIC_RUN = re.compile(r"[\d.\s%±]+")


@lru_cache(maxsize=4096)
def _comparator(clause: str) -> str | None:
    m = _COMPARATOR_RE.search(clause)
    if m:
        raw = _COMPARED_WITH_OR_VERSUS.split(m.group("c"))[-1]
        cm = lexicons().cue_regex.search(raw)
        if cm:
            raw = raw[:cm.start()]
        raw = _LEADING_NUMBERS_THEN_PREPOSITION.sub("", raw)
        verb = _VERB_WORD.search(raw)
        if verb and verb.start() > 0:
            raw = raw[:verb.start()]     # "minoxidil remains unclear": the arm ends at a verb
        raw = _TRAILING_PRONOUN.sub("", raw)
        c = _clean(raw, 6)
        if c and _TIMING_OR_PARTICIPANT_WORD.fullmatch(c):
            c = None     # "rather than alongside it", "(11 vs 2 participants)": no arm named
        if c and not _NUMERIC_RUN.fullmatch(c):
            if _LEADING_BASELINE.match(c):
                return "baseline"
            return c
    k = scans().comparators.first_index(clause)
    if k is None:
        return None
    regex, name = lexicons().comparators[k]
    return name or regex.search(clause).group(0).strip()


# used by _flip_for_group()
_GROUP_HAD_CLAUSE_AT_END = Guarded(re.compile(
    r"\b(?:the\s+)?(?P<g>[\w+/-]+(?:\s+[\w+/-]+){0,2}?)\s+(?:group|arm)\s+(?:had|showed|was|were|"
    r"exhibited|reported|experienced|demonstrated)\b[^,;]*$", re.I))
_COMPARISON_WORD = re.compile(r"\b(?:than|versus|vs|compared|relative|over)\b", re.I)
_IN_COMPARISON = re.compile(r"\bcomparison\s+(?:to|with)\b", re.I)
# "superior to the control group": what follows "to" is the comparator
_SUPERIOR_OR_INFERIOR = re.compile(r"\b(?:superior|inferior)$", re.I)
_TO_AFTER = re.compile(r"\s+to\b", re.I)
_GROUP_OR_ARM = re.compile(r"\b(?:group|arm)\b", re.I)


# a change named as a noun ("the mean increase in X") and then compared ("was less ...")
_CHANGE_NOUN_BEFORE = re.compile(r"(?:^|\b(?:the|a|an|this|mean|median|average|overall|absolute|relative)\s+)$",
                                 re.IGNORECASE)
_CHANGE_THEN_COMPARED = re.compile(r"\s+(?:in|of)\s+[^,;()]{1,80}?\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?$",
                                   re.IGNORECASE)
_OPPOSITE_DIRECTION = {"increase": "decrease", "decrease": "increase"}


def _compared_changes(clause: str, hits: list[_Hit]) -> dict[int, tuple[str, int]]:
    """'The increase in swelling was less with X', 'the reduction in pain was greater': a change
    named as a noun, then compared by the next cue. The claim is about what changed, in the
    two cues' combined direction (increase x less = decrease, reduction x greater = decrease).
    Maps the noun's hit index to (combined direction, index of the comparative's hit)."""
    found: dict[int, tuple[str, int]] = {}
    for j in range(len(hits) - 1):
        noun, comparative = hits[j], hits[j + 1]
        if noun.cue.direction not in _OPPOSITE_DIRECTION or comparative.cue.kind != "adj" \
                or comparative.cue.direction not in _OPPOSITE_DIRECTION:
            continue
        if _CHANGE_NOUN_BEFORE.search(clause[:noun.start]) \
                and _CHANGE_THEN_COMPARED.match(clause[noun.end:comparative.start]):
            direction = noun.cue.direction if comparative.cue.direction == "increase" \
                else _OPPOSITE_DIRECTION[noun.cue.direction]
            found[j] = (direction, j + 1)
    return found


def _names_comparator_group(before: str, subject: str) -> bool:
    """The subject (found in `before`, the clause up to the cue) names a comparator arm itself,
    not after "compared with / versus / than" ("Compared to the control group, women in the
    intervention group reported less ..." speaks of the intervention group)."""
    at = before.rfind(subject)
    if at < 0:
        at = 0
        before = subject
    for m in _COMPARATOR_WORDS.finditer(subject):
        ahead = before[:at + m.start()]
        if not (_COMPARISON_WORD.search(ahead) or _IN_COMPARISON.search(ahead)):
            return True
    return False


def _flip_for_group(clause: str, hit: _Hit, subject: str | None) -> bool:
    """'higher in the placebo group' states the effect of the comparator: flip the direction."""
    if hit.cue.direction == "no_effect":
        return False
    after = clause[hit.end:]
    m = _GROUP_AFTER.match(after)
    if m and (_COMPARISON_WORD.search(after[:m.end("g")]) or _IN_COMPARISON.search(m.group("g"))
              or (_SUPERIOR_OR_INFERIOR.search(hit.text) and _TO_AFTER.match(after))):
        m = None        # "more X in total than the control children": the group follows "than"
    if m:
        return bool(_COMPARATOR_WORDS.search(m.group("g")))
    if subject and _GROUP_OR_ARM.search(subject) and _names_comparator_group(clause[:hit.start], subject):
        return True
    # "the control group had higher ..." with the subject eaten by the outcome logic
    before = clause[:hit.start]
    m = _GROUP_HAD_CLAUSE_AT_END.search(before)
    return bool(m and _COMPARATOR_WORDS.search(m.group("g")))


_BRACKET = re.compile(r"[\[\]()]")


class _BracketDepth:
    """Whether a place of a text lies inside round or square brackets, asked for places in
    increasing order: one pass over the bracket characters only. A bracket counts as inside
    its own pair; a closing bracket without an opening one is ignored."""

    def __init__(self, text: str):
        self.text = text
        self.brackets = [(m.start(), m.group(0)) for m in _BRACKET.finditer(text)]
        self.next = 0        # first bracket not yet read
        self.depth = 0       # depth after the brackets read

    def inside(self, pos: int) -> bool:
        brackets = self.brackets
        k, d = self.next, self.depth
        while k < len(brackets) and brackets[k][0] < pos:
            if brackets[k][1] in "([":
                d += 1
            elif d > 0:
                d -= 1
            k += 1
        self.next, self.depth = k, d
        return d > 0 or self.text[pos:pos + 1] in ("(", "[")


# used by _clause_hits() (via _find_hits())
_ENDS_WITH_RATHER_THAN = Guarded(re.compile(r"\b(?:rather\s+than|instead\s+of)\s*$", re.I))
_LABEL_AND_ARTICLE_PREFIX = re.compile(r"(?:\W*[A-Za-z]+(?:\s+[A-Za-z]+)?\s*:)?(?:\W*(?:the|a|an)\s+)?\W*", re.IGNORECASE)
_OF_PHRASE_THEN_ADVERB = re.compile(r"\s+of\s+[^,;()]{1,40}?\s+(?:\w+ly\s+)?", re.IGNORECASE)
_FURTHER_STUDIES_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:studies|research|trials|data|evidence|investigation|"
                                   r"work|caution|attention)\b", re.I)
_SPACED_THAN_AND_OR_OF = re.compile(r"\s+(?:than|and|or|of)\b", re.I)
_TO_FOLLOW = re.compile(r"\s+to\s+follow", re.I)
_LIFESPAN_OR_SURVIVAL = re.compile(r"\s+(?:the\s+)?(?:median\s+|mean\s+|maximum\s+|maximal\s+|remaining\s+)?"
                                   r"(?:lifespan|life\s+span|survival|healthspan|life)", re.I)
_ENDS_WITH_BY = re.compile(r"\bby\s*$", re.I)
_SPACES_OR_HYPHENS = re.compile(r"[\s-]*")
_ENDS_WITH_QUANTITY_OR_CAUSAL_WORD = re.compile(r"(?:\d|greater|more|less|larger|smaller|significant|induced|caused|produced|achieved|showed|"
                                                r"mean|average|associated|resulted\s+in|led\s+to)\W+(?:[\w-]+\W+){0,3}$", re.I)
_ENDS_WITH_OR_AND = re.compile(r"\b(?:or|and)\s*$")
_ENDS_WITH_OR = re.compile(r"\bor\s*$")
_GROUP_OR_THAN = re.compile(r"\b(?:group|than)\b", re.I)
_ENDS_WITH_MODAL_OR_PRONOUN = re.compile(r"\b(?:may|might|can|could|will|would|not|to|it|they|which|that|also)\s+(?:\w+ly\s+|often\s+|also\s+|sometimes\s+)?$", re.I)
_SPACED_OF = re.compile(r"\s+of\b")
_OPTIONAL_WHITESPACE = re.compile(r"\s*")
_FAILED_TO = re.compile(r"(?:failed|fail|fails)\s+to", re.I)
_SPACED_IN_OR_OF = re.compile(r"\s+(?:in|of)\b")
_FREQUENTLY_THAN = re.compile(r"\s+(?:frequently|often|likely|commonly)\b[^.;]{0,40}\bthan\b", re.I)
_SPACED_OR = re.compile(r"\s+or\b")
_CLAUSE_BREAK = re.compile(r"[,;]|\band\b|\bbut\b|\bwhile\b")
_OPTIONAL_WORD_THEN_THAT = re.compile(r"\s*(?:\w+\s+)?that\b")
_ENDS_WITH_THAT = re.compile(r"\bthat\s*$", re.I)
_IN_OR_OF_WORD = re.compile(r"\b(?:in|of)\b")


def _find_hits(clause: str, first: int = 0, offset: int | None = None) -> list[_Hit]:
    """Direction cues of a clause; `first`: no cue starts before this offset. `offset`: where
    the clause starts in the sentence last given to `_first_cue` (its cues are then reused)."""
    return _clause_hits(clause, first, _cue_spans(clause, first, offset))


def _clause_hits(clause: str, first: int, spans: list[tuple[int, int, str, str]]) -> list[_Hit]:
    """The hits of `_find_hits` from the clause's cue matches (start, end, group name, text)."""
    lex = lexicons()
    hits: list[_Hit] = []
    depth = _BracketDepth(clause) if "(" in clause or "[" in clause else None
    for m_start, m_end, m_name, m_text in spans:
        if depth is not None and depth.inside(m_start):
            continue   # "(defined as a 50% increase in ...)": a definition, not the finding
        idx = int(m_name[1:])
        cue = lex.cues[idx]
        word = m_text.lower()
        if cue.outcome_in_cue == "loss" and not _ENDS_WITH_QUANTITY_OR_CAUSAL_WORD.search(clause[:m_start]):
            continue   # "unexplained hair loss" names a condition; "induced significant weight loss" is a finding
        if word in _WEAK_ADJ and _FURTHER_STUDIES_NOUN.match(clause[m_end:]):
            continue   # "more large-scale studies are needed"
        if word in _WEAK_ADJ:
            if _ADJ_FALSE_NEXT.match(clause[m_end:]) and not _FREQUENTLY_THAN.match(clause[m_end:]):
                continue
            if _ENDS_WITH_OR_AND.search(clause[:m_start]) and _SPACED_OR.match(clause[m_end:]) is None \
                    and _ENDS_WITH_OR.search(clause[:m_start]):
                continue
        if word in ("more", "less") and _SPACED_THAN_AND_OR_OF.match(clause[m_end:]) \
                and not _GROUP_OR_THAN.search(clause[m_end:m_end + 60]):
            continue
        if word in ("cause", "causes") and not _ENDS_WITH_MODAL_OR_PRONOUN.search(clause[:m_start]):
            continue   # "coronary causes", "all causes": a noun
        if word == "lost" and _TO_FOLLOW.match(clause[m_end:]):
            continue
        if _ENDS_WITH_RATHER_THAN.search(clause[:m_start]):
            continue   # "strengthen rather than suppress immunity"
        if word.startswith("favo") and (not _DIGIT.search(clause) or _SPACED_OF.match(clause[m_end:])):
            continue
        if word.startswith("extend") and _LIFESPAN_OR_SURVIVAL.match(clause[m_end:]):
            pass
        elif word in ("cut", "fall", "falls", "rise", "rises", "gain", "gains", "maintain", "maintained",
                    "maintains", "extend", "extends", "extended", "block", "blocks", "induction",
                    "stimulation", "activation", "elevation", "induces", "induced", "rose", "lost"):
            # ambiguous nouns / methods words: need a comparison or a statistic nearby
            if not _COMPARISON_HINT.search(clause):
                continue
        if hits and _ENDS_WITH_BY.search(clause[:m_start]) and word.endswith("ing"):
            continue   # "switches on autophagy by blocking mTORC1": the mechanism, not a second claim
        hits.append(_Hit(m_start, m_end, cue, m_text))
    # a negated / no-effect phrase scopes over a cue right after it ("did not show comparable
    # weight loss"); an introducing verb gives way to the noun after it ("induced significant
    # weight loss"); a lowering verb keeps the lead over a noun it acts on ("blocked the
    # contraction-induced increase in X")
    kept: list[_Hit] = []
    for h in hits:
        if kept:
            prev = kept[-1]
            gap = clause[prev.end:h.start]
            close = len(gap) <= 30 and not _CLAUSE_BREAK.search(gap)
            if prev.cue.kind == "adj" and prev.cue.direction == "no_effect" and \
                    _OPTIONAL_WHITESPACE.fullmatch(gap) and _NOUN_CUE.search(h.text):
                kept[-1] = h     # "a similar reduction of 82%"
                continue
            if close and prev.cue.negated and _FAILED_TO.fullmatch(prev.text) \
                    and h.cue.negatable and len(gap.split()) <= 1:
                kept[-1] = h     # "failed to improve X": the verb, negated
                continue
            if prev.cue.negated and h.cue.negatable and len(gap.split()) <= 4 and (
                    _OPTIONAL_WORD_THEN_THAT.match(gap) or _ENDS_WITH_THAT.search(prev.text)):
                h.forced_negation = True     # "does not show that rapamycin slows ageing"
                kept[-1] = h
                continue
            if close and prev.cue.direction == "no_effect":
                continue
            if prev.cue.kind == "adj" and prev.text.lower() in ("greater", "larger", "more", "bigger", "higher") \
                    and close and (len(gap.split()) <= 1 or (len(gap.split()) <= 4 and _IN_OR_OF_WORD.search(gap))) \
                    and _NOUN_CUE.search(h.text) and h.cue.direction in ("increase", "decrease"):
                kept[-1] = h     # "greater median reductions in X": the noun says which way
                continue
            if close and len(gap.split()) <= 3 and _INTRO_VERB.match(prev.text) and \
                    (h.cue.kind in ("noun", "adj") or _NOUN_CUE.search(h.text)):
                kept[-1] = h
                continue
            if close and len(gap.split()) <= 3 and prev.cue.direction == "decrease" and \
                    h.cue.direction == "increase" and _NOUN_CUE.search(h.text) and \
                    _SPACED_IN_OR_OF.match(clause[h.end:]):
                prev.obj_from = h.end
                continue
        kept.append(h)
    hits = kept
    # "Inhibition of mTORC1 improved vaccine responses": the opening noun names the intervention,
    # the verb after its object states the finding
    if len(hits) >= 2 and _TARGET_NOUN.fullmatch(hits[0].text) and \
            _LABEL_AND_ARTICLE_PREFIX.fullmatch(clause[:hits[0].start]) and \
            _OF_PHRASE_THEN_ADVERB.fullmatch(clause[hits[0].end:hits[1].start]):
        hits = hits[1:]
    # merge a cue directly following another (e.g. "significantly reduced more")
    merged: list[_Hit] = []
    for h in hits:
        if merged and h.start - merged[-1].end <= 3 and _SPACES_OR_HYPHENS.fullmatch(clause[merged[-1].end:h.start]):
            prev = merged[-1]
            if prev.cue.direction == "no_effect" or prev.cue.kind in ("verb", "phrase"):
                continue
            merged[-1] = h
            continue
        merged.append(h)
    return merged


def _clauses(sent: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the clauses of a sentence."""
    out = []
    start = 0
    for m in _CLAUSE_SPLIT_STARTS.finditer(sent):
        if m.start() - start >= 15 and len(sent) - m.end() >= 15:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(sent)))
    return tuple(out)


_AGENT = re.compile(r"[A-Z][\w+/-]*(?:\s+[\w+/-]+){0,2}")
_NOT_AGENT = re.compile(r"(?:it|this|these|those|that|they|we|our|the|a|an|patients?|participants?|subjects?|"
                        r"mice|rats|animals|women|men|children|people|group|groups|treatment|results?|data|"
                        r"study|studies|trial|analysis|evidence|there|both|all|each|levels?|scores?)\b", re.IGNORECASE)
NON_HUMAN = {"mouse", "rat", "cat", "dog", "monkey", "pig", "rabbit", "zebrafish", "worm", "fly", "yeast"}
_REFERS_BACK = re.compile(r"^\s*(?:the\s+same|this|that|these|those|the)\s+(?:\w+\s+)?(?:study|trial|analysis|"
                          r"meta-analysis|review|cohort|experiment|work|data)\b", re.IGNORECASE)


class ArticleContext:
    """Article-level data shared by every sentence."""

    def __init__(self, text: str, sentences: list[dict], sections: list[dict], entities: list[dict],
                 statistics: list[dict], sample_sizes: list[dict]):
        self.text = text
        self.sentences = sentences
        self.sections = sections
        self.entities = sorted((e for e in entities if _valid_span(e, len(text))), key=lambda e: e["start"])
        self.statistics = statistics
        self.sample_sizes = sample_sizes
        self._spans = [(s["start"], s["end"]) for s in sentences]
        self.design = ctx.article_design(text, self._spans)
        self._organism: str | None = None
        self._organism_known = False
        # the latest organism named in each section, as sentences are read in order; the
        # sentences read since it was last brought up to date wait in _unread_by_section
        self.section_organism: dict[str | None, str] = {}
        self._unread_by_section: dict[str | None, list[str]] = {}
        self.last_intervention: tuple | None = None
        self.prev_sentence: str | None = None

    @property
    def organism(self) -> str | None:
        """The organism named in most of the first 400 sentences."""
        if not self._organism_known:
            counts: dict[str, int] = {}
            for s, e in self._spans[:400]:
                o = ctx.find_organism(self.text[s:e])
                if o:
                    counts[o] = counts.get(o, 0) + 1
            if counts:
                self._organism = max(counts, key=counts.get)
            self._organism_known = True
        return self._organism

    def read_sentence(self, sent: str, section: str | None) -> str | None:
        """Record a sentence read in order; returns the sentence read before it."""
        prev = self.prev_sentence
        self.prev_sentence = sent
        self._unread_by_section.setdefault(section, []).append(sent)
        return prev

    def organism_of_section(self, section: str | None) -> str | None:
        """The organism of the latest sentence of the section (read so far) that names one."""
        unread = self._unread_by_section.pop(section, None)
        for sent in reversed(unread or ()):
            found = ctx.find_organism(sent)
            if found:
                self.section_organism[section] = found
                break
        return self.section_organism.get(section)


def _valid_span(row: dict, n: int) -> bool:
    try:
        return 0 <= int(row["start"]) < int(row["end"]) <= n
    except (KeyError, TypeError, ValueError):
        return False


_DIGIT = re.compile(r"\d")
_CUE_SCAN: tuple["_PrefilterWhenAsked", MatchStarts, bool] | None = None


def _has_digit(text: str) -> bool:
    """A character that str.isdigit accepts (decimal digits, and superscripts and the like)."""
    if _DIGIT.search(text):
        return True
    return not text.isascii() and any(ch.isdigit() for ch in text)


class _PrefilterWhenAsked:
    """The Prefilter of a regex, built when first asked (the cue scan asks only when its cues
    have checks inside them)."""

    def __init__(self, regex: re.Pattern):
        self._regex = regex
        self._built: Prefilter | None = None

    def may_match(self, text: str) -> bool:
        if self._built is None:
            self._built = Prefilter(self._regex)
        return self._built.may_match(text)


def _cue_scan() -> tuple[_PrefilterWhenAsked, MatchStarts, bool]:
    """The direction-cue regex: its prefilter, its matcher tried only where a cue can start, and
    whether its cues look at nothing outside their own words (no anchors or lookarounds)."""
    global _CUE_SCAN
    if _CUE_SCAN is None:
        lex = lexicons()
        cues = lex.cue_regex
        _CUE_SCAN = (_PrefilterWhenAsked(cues), _cue_starts(lex), not inner_checks(cues))
    return _CUE_SCAN


# cues are tried where one of their first 8 characters' sequences occurs: longer sequences than
# the default leave out most places where only a common first word ("was", "with") matches
CUE_START_ROOM, CUE_START_BUDGET = 8, 20_000
# how lexicons.load_direction_cues joins the cue patterns, and how each is wrapped alone
_CUE_HEAD, _CUE_TAIL = r"(?<![\w-])(?:", r")(?![\w-])"
_ENTRY_HEAD, _ENTRY_TAIL = r"(?<![\w-])(?:", r")(?![\w])"


def _cue_starts(lex) -> MatchStarts:
    """The cue matcher: entry by entry (named c0, c1 ...) when the combined regex is exactly
    the cue patterns joined, else the combined regex tried at every place."""
    cues = lex.cue_regex
    entries = []
    for i, cue in enumerate(lex.cues):
        wrapped = cue.regex.pattern
        if not (wrapped.startswith(_ENTRY_HEAD) and wrapped.endswith(_ENTRY_TAIL)):
            return MatchStarts(cues)
        entries.append((f"c{i}", wrapped[len(_ENTRY_HEAD):-len(_ENTRY_TAIL)], cue.regex))
    joined = _CUE_HEAD + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in entries) + _CUE_TAIL
    if joined != cues.pattern:
        return MatchStarts(cues)
    return AlternationStarts(cues, _CUE_HEAD, _CUE_TAIL, entries, CUE_START_ROOM, CUE_START_BUDGET)


def _first_cue(sent: str) -> int | None:
    """Where the first direction cue of the sentence may start, None without cues. A cue of one
    of its clauses is a cue of the sentence too, starting at the same place or later: clauses
    are cut at separators that end in white space and start with punctuation or white space, so
    the whole-word checks around a cue answer alike in clause and sentence (checks inside a
    cue could look across the cut: then every place counts)."""
    prefilter, starts, self_contained = _cue_scan()
    _SENTENCE_CUES[:] = [None, None, ()]
    if not self_contained:
        return 0 if prefilter.may_match(sent) else None
    found = tuple(starts.finditer(sent))
    _SENTENCE_CUES[:] = [sent, starts, found]
    return found[0].start() if found else None


# the sentence last read by _first_cue, the matcher and every cue match in the sentence (its
# clauses take their cues from there)
_SENTENCE_CUES: list = [None, None, ()]


def _cue_spans(clause: str, first: int, offset: int | None) -> list[tuple[int, int, str, str]]:
    """(start, end, group name, text) of the matches of `_cue_scan()[1].finditer(clause, first)`.

    A clause cut from the sentence last read by `_first_cue` at `offset` has the sentence's
    matches that lie inside it, when white space comes before the clause and white space or
    punctuation after it (the whole-word checks answer alike) and no sentence match runs
    across the clause's first place or its end (the scans then try the same places alike)."""
    starts = _cue_scan()[1]
    sent, sent_starts, found = _SENTENCE_CUES
    if offset is not None and sent_starts is starts and sent is not None and sent.startswith(clause, offset):
        lo, hi = offset + first, offset + len(clause)
        if (offset == 0 or sent[offset - 1].isspace()) and (
                hi == len(sent) or sent[hi].isspace() or sent[hi] in ";,."):
            out = []
            for m in found:
                a, b = m.start(), m.end()
                if b <= lo:
                    continue
                if a < lo or (a < hi < b):
                    break          # a match across a boundary: scan the clause itself
                if a >= hi:
                    return out
                out.append((a - offset, b - offset, m.lastgroup, m.group(0)))
            else:
                return out
    return [(m.start(), m.end(), m.lastgroup, m.group(0)) for m in starts.finditer(clause, first)]


# used by claims_of_sentence()
_NO_OUTCOME_OCCURRED = re.compile(r"no\s+(?:further\s+|new\s+|other\s+|more\s+|additional\s+|recurrent\s+)?(?P<o>.+?)\s+"
                                  r"(?:occurred|recurred|developed|was|were)\b", re.I)
_SPACED_FROM = re.compile(r"\s+from\s+")
_BENEFIT = re.compile(r"benefit", re.I)
_WHETHER = re.compile(r"\bwhether\b", re.I)
_LEADING_FREQUENCY_ADJECTIVE = re.compile(r"^\s+(?:frequent(?:ly)?|common(?:ly)?|often|likely|prevalent|pronounced|"
                                          r"evident|marked|apparent|severe|intense)\b", re.I)
_ENDS_WITH_ASSOCIATED = re.compile(r"associated$", re.I)
_LEADING_NON_PREPOSITION_WORD = re.compile(r"^\s+(?!than|in|at|for|with|among|after|on|during|compared|versus|vs|and|or|"
                                           r"to|from|by|than|among|between|the\s+\w+\s+group|[,;(\d])[A-Za-z]", re.I)
_WITH_COMPARATIVE_ADJECTIVE = re.compile(r"\s+with\s+(?:a\s+|an\s+)?(?:(?:significantly\s+)?(?:lower|higher|reduced|increased|"
                                         r"decreased|greater|better|worse|improved|less|more|fewer)\s+)?", re.I)
_SIMILAR_OR_DEMONSTRATIVE = re.compile(r"(?:similar|comparable|equivalent|such|this|that)", re.I)


def claims_of_sentence(actx: ArticleContext, s_start: int, s_end: int, section: str | None,
                       stat_rows: list[tuple[int, dict]], sample_rows: list[tuple[int, dict]],
                       skip: bool = False) -> list[dict]:
    text = actx.text
    sent = text[s_start:s_end]
    # sentence context (also recorded for later sentences of the section)
    prev_sentence = actx.read_sentence(sent, section)
    if skip or len(sent) < 12 or sent.rstrip().endswith("?"):
        return []
    # a claim needs a direction cue or a number (statistics, table rows) in one of its clauses
    first_cue = _first_cue(sent)
    if first_cue is None and not _has_digit(sent):
        return []
    s_design = s_org = None
    sentence_context_known = False     # s_design / s_org, looked up for the first row
    hedge = certainty = duration = None   # filled in below when the sentence makes a claim
    tier = ctx.tier_of_heading(section)
    out: list[dict] = []
    clauses = _clauses(sent)
    for c_start, c_end in clauses:
        clause = sent[c_start:c_end]
        hits = _find_hits(clause, max(0, first_cue - c_start), c_start) \
            if first_cue is not None and first_cue < c_end else []
        abs_c = (s_start + c_start, s_start + c_end)
        c_stats = [(i, r) for i, r in stat_rows if abs_c[0] <= r["start"] < abs_c[1]] or \
            (stat_rows if len(clauses) == 1 else [])
        has_digit = _has_digit(clause)
        if not hits and not has_digit:
            continue
        stat_dir = statcues.direction_from_rows([r for _, r in c_stats]) if c_stats else None
        # without rows the clause's numbers give the direction, read when first needed
        text_dir_unread = stat_dir is None and has_digit
        significant = has_digit and statcues.any_significant(clause, [r for _, r in c_stats])
        if not hits:
            if text_dir_unread:
                stat_dir, text_dir_unread = statcues.direction_from_text(clause), False
            d = stat_dir or statcues.table_row_direction(clause)
            if d is None and significant:
                d = statcues.versus_direction(clause)
            if d is None:
                continue
            outcome = _table_row_label(clause) or _subject_before(clause, len(clause))
            hits_info = [(None, d, outcome, None, None)]
        else:
            hits_info = []
            compared = _compared_changes(clause, hits)
            comparatives = {k for _, k in compared.values()}
            for j, h in enumerate(hits):
                if j in comparatives:
                    continue   # told by the change it compares
                if _RESEARCH_NEED.match(clause, h.start) or (
                        _RESEARCH_ADJECTIVE.match(clause, h.start) and _TO_BE_CONFIRMED_IN.search(clause, 0, h.start)):
                    continue   # "Longer follow-up is needed", "should be confirmed in a larger study"
                if _states_purpose(clause[:h.start]) and not (
                        _WHETHER.search(clause[:h.start]) and _UNRESOLVED.search(clause)):
                    continue   # a purpose; but "whether X lowers Y is not known" is an open claim
                d_compared, k = compared.get(j, (None, None))
                hits_info.append((h, None, None, d_compared, hits[k] if k is not None else None))
        seen_outcomes = set()
        clause_first = len(out)
        for h, d_fixed, outcome_fixed, d_compared, comparative in hits_info:
            negated = False
            cue_valence = None
            if h is None:
                direction, outcome, subject = d_fixed, outcome_fixed, None
                cue_pos = 0
            else:
                cue = h.cue
                direction = cue.direction
                cue_valence = cue.valence
                if d_compared is not None:
                    if d_compared != direction:
                        cue_valence = None     # "the improvement was smaller": no valence to tell
                    direction = d_compared
                negated = cue.negated
                cue_pos = h.start
                before = clause[:h.start]
                if h.forced_negation or (cue.negatable and _NEGATION_BEFORE.search(before)
                                         and not _NOT_ONLY.search(before)):
                    negated = True
                    direction = "no_effect"
                    cue_valence = None
                subject = _subject_before(clause, h.start)
                inner = _NO_OUTCOME_OCCURRED.match(h.text)
                if inner:
                    outcome = _clean(inner.group("o"))
                elif cue.outcome_in_cue:
                    outcome = _clean(re.sub(rf"\s*\b{cue.outcome_in_cue}\b", "", h.text, flags=re.I))
                elif cue.kind == "adj" and cue.direction != "no_effect":
                    obj = None
                    nxt = clause[h.end:]
                    if _LEADING_FREQUENCY_ADJECTIVE.match(nxt):
                        pass        # "Mouth ulcers were more frequent with rapamycin": the subject
                    elif _LEADING_NON_PREPOSITION_WORD.match(nxt):
                        obj = _object_after(clause, h.end)
                    outcome = obj or subject
                elif _ENDS_WITH_ASSOCIATED.search(h.text):
                    am = _WITH_COMPARATIVE_ADJECTIVE.match(clause[h.end:])
                    outcome = _object_after(clause, h.end + am.end(), "", "the") if am else subject
                elif cue.kind == "adj" or _STATE_CUE.search(h.text):
                    outcome = subject or _object_after(clause, h.end, h.text, clause[:h.start])
                else:
                    nxt_hits = [x for x in hits if x.start >= h.end]
                    limit = nxt_hits[0].start if nxt_hits else len(clause)
                    outcome = _object_after(clause[:limit], h.obj_from or h.end, h.text,
                                            clause[:h.start] if h.obj_from is None else "the")
                    if outcome is not None and _is_population(outcome):
                        outcome = None
                    if outcome is None:
                        outcome = subject
                        subject = None
                        if outcome and _SIMILAR_OR_DEMONSTRATIVE.fullmatch(outcome):
                            outcome = None
                # words say up/down but the statistics (or "a trend toward") say not significant
                if direction in ("increase", "decrease") and not significant and text_dir_unread:
                    stat_dir, text_dir_unread = statcues.direction_from_text(clause), False
                if direction in ("increase", "decrease") and not significant and (
                        (stat_dir == "no_effect" and not _SAYS_SIGNIFICANT.search(clause))
                        or _TREND.search(clause)
                        or _said_not_significant_after(text, s_start + c_end, s_end)):
                    direction = "no_effect"
                    cue_valence = None
                if direction in ("increase", "decrease") and _flip_for_group(clause, comparative or h, subject):
                    direction = "decrease" if direction == "increase" else "increase"
                if not outcome and not c_stats and cue.kind != "phrase" and not _COMPARISON_HINT.search(clause):
                    continue
                # "improved diplopia": improvement of a bad outcome is a decrease
                if cue.valence == "beneficial" and direction == "increase" and _polarity(outcome) == "bad":
                    direction = "decrease"
                elif cue.valence == "harmful" and direction == "increase" and _polarity(outcome) == "good":
                    direction = "decrease"
            region = _region(sent, c_start, clause, hits, h)
            if h is not None and _UNRESOLVED.search(region):
                direction, cue_valence, negated = None, None, False   # an open question, no direction
            elif h is not None and c_end < len(sent):
                unresolved = _UNRESOLVED_AFTER.match(sent, c_end)
                if unresolved:
                    # "X might explain Y, but this remains unproven": an open question
                    direction, cue_valence, negated = None, None, False
                    region = f"{region} {unresolved.group(0).strip()}"
            if h is not None and direction in ("increase", "decrease") and \
                    _EVIDENCE_THAT.search(clause, 0, h.start) and _IS_LACKING.search(clause, h.end):
                direction, cue_valence, negated = "no_effect", None, True   # "Evidence that X works is lacking"
            raw_outcome = outcome
            fragment = False
            implied = _implied_outcome(clause, h) if h is not None else None
            if implied:
                outcome = implied
            elif outcome:
                k = clause.find(outcome)
                outcome = tidy_outcome(outcome, h is None or k < h.start)   # -1: a subject without its brackets
                # "may", "data suggest a": dropped when another cue carries the clause (a negation is kept)
                fragment = outcome is None and not negated
            key = (outcome or raw_outcome or "").lower()
            if key in seen_outcomes:
                continue
            seen_outcomes.add(key)
            outcome_span = None
            if outcome:
                k = clause.find(outcome)
                if k >= 0:
                    outcome_span = (abs_c[0] + k, abs_c[0] + k + len(outcome))
            intervention = None
            ts = _TARGET_SUBJECT.fullmatch(subject or "") if h is not None and h.cue.kind == "verb" else None
            if ts and not _opens_clause(subject, clause):
                ts = None
            if ts:
                intervention = f"{ts.group('x')} {ts.group('n').lower()}"   # "Inhibition of mTORC1 improved ..."
            bf = _SPACED_FROM.match(clause[h.end:]) if h is not None and _BENEFIT.match(h.text) else None
            if bf:
                # "patients ... may still benefit from an mTOR inhibitor": what they benefit from
                a = h.end + bf.end()
                stop = _OBJ_STOP.search(clause[a:])
                b = a + (stop.start() if stop else len(clause) - a)
                intervention = (_interventions_from_entities((abs_c[0] + a, abs_c[0] + b), actx.entities, text, None)
                                or _intervention_from_text(clause[a:b]) or _clean(clause[a:b], 6))
            intervention = (intervention or _interventions_from_entities(abs_c, actx.entities, text, outcome_span)
                            or (_interventions_from_entities((s_start, s_end), actx.entities, text, outcome_span)
                                if abs_c != (s_start, s_end) else None))
            if not intervention:
                seg = clause
                if outcome:
                    seg = clause.replace(outcome, " ")
                intervention = _intervention_from_text(seg) or _intervention_from_text(sent.replace(outcome or "\x00", " ")) \
                    or _named_arm(clause)
            if not intervention and h is not None and h.cue.kind == "verb" and subject and outcome \
                    and subject != outcome and _AGENT.fullmatch(subject) and not _NOT_AGENT.match(subject) \
                    and not (actx.last_intervention and actx.last_intervention[0] == section):
                intervention = subject      # "NMN raised whole-blood NAD+ concentration"
            if intervention and outcome and h is not None and \
                    _is_drug_phrase(outcome, outcome_span if _FAVOUR.match(h.text) else None, actx.entities) and \
                    not _DRUG_WORD.search(intervention) and not _INTERVENTION_RE.search(intervention) and \
                    not _has_chemical(intervention, clause, abs_c[0], actx.entities):
                # "One-year survival favoured sirolimus": the drug is the intervention
                intervention, outcome = outcome, tidy_outcome(intervention, True)
                k = clause.find(outcome) if outcome else -1
                outcome_span = (abs_c[0] + k, abs_c[0] + k + len(outcome)) if k >= 0 else None
            if intervention:
                actx.last_intervention = (section, s_start, intervention)
            elif actx.last_intervention and actx.last_intervention[0] == section and \
                    s_start - actx.last_intervention[1] < 600:
                intervention = actx.last_intervention[2]
            comparator = _comparator(clause) or _comparator(sent)
            if comparator and intervention and comparator.lower() in intervention.lower():
                comparator = None
            mag_text, mag_value, mag_unit = _magnitude(clause, cue_pos)
            if not sentence_context_known:
                s_design, s_org = ctx.find_design(sent), ctx.find_organism(sent)
                sentence_context_known = True
            organism = ctx.find_organism(clause) or s_org or actx.organism_of_section(section) or actx.organism
            design = s_design
            if design is None and _REFERS_BACK.match(sent) and prev_sentence is not None:
                design = ctx.find_design(prev_sentence)          # "The same study found ..."
            if design is None and (organism in NON_HUMAN and (ctx.find_organism(clause) or s_org or
                                                              organism not in ("yeast", "worm", "fly"))):
                design = "animal"
            if design is None:
                design = actx.design
            if design in ("rct", "pilot", "open_label", "observational") and organism in NON_HUMAN \
                    and not s_design:
                design = "animal"
            population = ctx.find_population(clause) or ctx.find_population(sent)
            row_start, row_end = (abs_c if len(clauses) > 1 else (s_start, s_end))
            out.append({
                "start": row_start, "end": row_end,
                "intervention": intervention, "comparator": comparator, "outcome": outcome,
                "direction": direction,
                "valence": decide_valence(direction, cue_valence, outcome,
                                          _disease_outcome(outcome_span, actx.entities)),
                "magnitude_text": mag_text, "magnitude_value": mag_value, "magnitude_unit": mag_unit,
                "statistic_ids": [i for i, _ in c_stats],
                "sample_size_ids": [i for i, r in sample_rows if abs_c[0] <= r["start"] < abs_c[1]]
                or ([i for i, _ in sample_rows] if len(clauses) == 1 else []),
                "negated": bool(negated), "hedged": hedge is not None, "hedge_cue": hedge,
                "certainty": certainty, "population": population, "organism": organism,
                "study_design": design, "evidence_tier": tier, "duration": duration,
                "section": section, "_clause": clause, "_region": region,
                "_fragment": fragment, "_cue": (h.start, h.end) if h is not None else None,
                "_outcome_at": (outcome_span[0] - abs_c[0], outcome_span[1] - abs_c[0]) if outcome_span else None,
            })
        if any(not r["_fragment"] for r in out[clause_first:]):
            out[clause_first:] = [r for r in out[clause_first:] if not r["_fragment"]]
        if len(out) - clause_first > 1:
            _give_rows_their_stretch(clause, abs_c, out[clause_first:], stat_rows, sample_rows)
        for r in out[clause_first:]:
            r.pop("_fragment", None)
            r.pop("_cue", None)
            r.pop("_outcome_at", None)
    if out:
        _between_group_override(sent, out)
        certainty = ctx.find_certainty(sent)
        if certainty is None:
            # "... (RR 0.97, 95% CI 0.90-1.05). Certainty: moderate." on the same line / bullet
            nl = text.find("\n", s_end)
            certainty = ctx.find_certainty(text[s_end:(nl if nl >= 0 else len(text))][:200])
        duration = ctx.find_duration(sent)
        for row in out:
            row.pop("_clause", None)
            hedge = ctx.find_hedge(row.pop("_region"))
            row.update(hedged=hedge is not None, hedge_cue=hedge, certainty=certainty, duration=duration)
    return out


_BETWEEN_NULL = Guarded(re.compile(
    r"\b(?:no|without|not)\s+(?:\w+\s+){0,3}?(?:differences?|different)\s+(?:\w+\s+){0,3}?(?:between|among|across)\s+"
    r"(?:the\s+)?(?:two\s+|2\s+|three\s+|3\s+|both\s+|treatment\s+|study\s+)?(?:groups|arms|conditions|treatments)"
    r"|\bno\s+(?:significant\s+)?between-group\s+differences?|\bno\s+(?:\w+\s+)?(?:group|condition)\s*(?:x|×|by)\s*time"
    r"|\bdid\s+not\s+differ\s+(?:significantly\s+)?between\s+(?:the\s+)?(?:two\s+|2\s+)?(?:groups|arms)",
    re.IGNORECASE))
_WITHIN_GROUPS = Guarded(re.compile(
    r"\b(?:in|for|within)\s+(?:both|all|each)\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:groups|arms|group|arm|conditions)\b"
    r"|\bin\s+both\s+(?:the\s+)?\w+(?:\s+\w+)?\s+and\s+(?:the\s+)?\w+", re.IGNORECASE))
_BETWEEN_WORDS = re.compile(r"\b(?:than|versus|vs\.?|compared|relative\s+to|more\s+than|greater\s+in|difference\s+between)\b",
                            re.IGNORECASE)


_MODAL_BEFORE = Guarded(re.compile(r"\b(?:may|might|could|can|would|possibly|potentially|probably|likely)\s+(?:\w+\s+)?$",
                           re.IGNORECASE))


# used by _region()
_CONJUNCTION_THEN_MODAL = Guarded(re.compile(
    r"(?:\band|\bbut|,)\s+(?:it\s+|they\s+|this\s+)?(?:may|might|could|can|would)\b"))


def _region(sent: str, c_start: int, clause: str, hits: list, h) -> str:
    """The stretch of text a claim's hedging is read from: its clause, from the end of the
    previous cue to the next cue ("reduced X, improved Y and may extend Z": only Z is hedged);
    the sentence opening before the clause counts too ("These results suggest that ...")."""
    if h is None or not hits:
        return clause
    k = hits.index(h) if h in hits else 0
    start = hits[k - 1].end if k > 0 else 0
    end = len(clause)
    new_modal = _CONJUNCTION_THEN_MODAL.search(clause[h.end:])
    if new_modal:
        end = h.end + new_modal.start()   # "lower LDL cholesterol and may influence the brain"
    if k + 1 < len(hits) and hits[k + 1].start < end:
        end = hits[k + 1].start
        modal = _MODAL_BEFORE.search(clause[start:end])
        if modal:
            end = start + modal.start()   # "... and may extend Z": "may" belongs to the next claim
    return clause[start:end]


# used by _give_rows_their_stretch(): where one claim of a clause ends and the next begins
_NEXT_CLAIM_JOIN = re.compile(r"\s*[,;]?\s*\b(?:and|but|while|whereas|yet)\s+|\s*(?P<bare>[,;])\s+(?!(?:suggesting|indicating)\b)"
                              r"|\s*,?\s+(?=(?:suggesting|indicating|showing|demonstrating|confirming)\s+that\b)",
                              re.IGNORECASE)
_STRETCH_EDGE = " \t\n,;:"


def _join_between(clause: str, prev: dict, cur: dict, brackets: "_BracketDepth | None") -> tuple[int, int] | None:
    """The conjunction or comma that ends `prev`'s claim and starts `cur`'s: the last one between
    the end of `prev`'s object and the start of `cur`'s subject, outside brackets and outside
    either outcome. A bare comma counts only when it is the only one between the two cues (more
    are a list: "no changes in pain, gait, proviral load or ...")."""
    lo, hi = prev["_cue"][1], cur["_cue"][0]
    if hi <= lo:
        return None
    po, co = prev["_outcome_at"], cur["_outcome_at"]
    if po and po[0] < hi < po[1]:
        return None           # "more effective ripening and a more rapid induction": one object
    if po and lo <= po[0] and po[1] <= hi:
        lo = po[1]            # "reduced fasting insulin by 18% and lowered ...": after the object
    if co and lo <= co[0] and co[1] <= hi:
        hi = co[0]            # "... rose 1.9-fold and the receptor BNIP3 rose ...": before the subject
    list_like = clause.count(", ", prev["_cue"][1], cur["_cue"][0]) > 1
    best = None
    for m in _NEXT_CLAIM_JOIN.finditer(clause, lo, hi):
        if (brackets is not None and brackets.inside(m.start())) or (m.group("bare") == "," and list_like):
            continue
        if co and m.start() < co[1] and co[0] < m.end():
            continue
        best = (m.start(), m.end())
    return best


def _give_rows_their_stretch(clause: str, abs_c: tuple[int, int], rows: list[dict],
                             stat_rows: list[tuple[int, dict]], sample_rows: list[tuple[int, dict]]) -> None:
    """Several claims in one clause ("Metformin reduced fasting insulin by 18% (p=0.03) and
    lowered the mTORC1 response by about half"): each row's span, magnitude, statistics and
    sample sizes come from its own stretch of the clause, cut at the conjunction between two
    claims. Claims with no conjunction between them share their stretch; statistics after the
    last claim ("both P < 0.01") stay with every claim that has none of its own."""
    if any(r["_cue"] is None for r in rows) or any(b["_cue"][0] < a["_cue"][0] for a, b in zip(rows, rows[1:])):
        return
    brackets = _BracketDepth(clause) if "(" in clause or "[" in clause else None   # asked left to right
    joins = [_join_between(clause, a, b, brackets) for a, b in zip(rows, rows[1:])]
    if not any(joins):
        return
    groups: list[list[dict]] = [[rows[0]]]
    cuts: list[tuple[int, int]] = []
    for row, join in zip(rows[1:], joins):
        if join is None:
            groups[-1].append(row)
        else:
            groups.append([row])
            cuts.append(join)
    bounds = [0] + [b for _, b in cuts], [a for a, _ in cuts] + [len(clause)]
    for group, a, b in zip(groups, *bounds):
        while a < b and clause[a] in _STRETCH_EDGE:
            a += 1
        while b > a and clause[b - 1] in _STRETCH_EDGE:
            b -= 1
        lo, hi = abs_c[0] + a, abs_c[0] + b
        stats = [i for i, r in stat_rows if lo <= r["start"] < hi]
        samples = [i for i, r in sample_rows if lo <= r["start"] < hi]
        for row in group:
            row["start"], row["end"] = lo, hi
            row["magnitude_text"], row["magnitude_value"], row["magnitude_unit"] = \
                _magnitude(clause[a:b], row["_cue"][0] - a)
            if stats:
                row["statistic_ids"] = stats
            if samples:
                row["sample_size_ids"] = samples


# used by _between_group_override()
_CONCESSIVE_CONJUNCTION = re.compile(r"\s*(?:despite|although|though|while|even\s+though)\b", re.IGNORECASE)
_CONTRAST_CONJUNCTION = re.compile(r"\b(?:but|however|whereas|except)\b", re.I)


def _between_group_override(sent: str, rows: list[dict]) -> None:
    """Changes within every group, or explicitly no difference between groups, are no effect of
    the intervention: 'X increased in both groups (no difference between groups)'."""
    if len(rows) == 0:
        return
    null_between = _BETWEEN_NULL.search(sent)
    concessive = _CONCESSIVE_CONJUNCTION.match(sent)
    contrast = _CONTRAST_CONJUNCTION.search(sent) and not concessive
    for r in rows:
        if r["direction"] not in ("increase", "decrease"):
            continue
        span = r.pop("_clause", sent)
        within = _WITHIN_GROUPS.search(span) and not _BETWEEN_WORDS.search(span)
        if (null_between and not contrast) or within:
            r["direction"] = "no_effect"
            r["valence"] = "neutral"


_TABLE_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z0-9 ,'()/+-]{2,60}?)\s+(?:[-−]?\d[\d.,·%()±\s–-]*){2,}")


def _table_row_label(clause: str) -> str | None:
    m = _TABLE_ROW.match(clause)
    return _clean(m.group("label")) if m else None
