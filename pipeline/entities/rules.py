"""Shape and morphology rules: gene/protein symbols, compound codes, disease word forms."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from .lexicon import DATA_DIR
from .text import GREEK as GREEK_NAMES

# Candidate = (start, end, label, canonical, source_id, source, priority)


def matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """The matches `pattern.finditer(text)` gives, when every match starts at one of `starts`
    (ascending): the pattern is tried only there. Patterns must not match the empty string."""
    out = []
    pos = -1
    last = -1
    match = pattern.match
    for p in starts:
        if p < pos or p == last:
            continue
        last = p
        m = match(text, p)
        if m:
            out.append(m)
            pos = m.end()
    return out


@lru_cache(maxsize=1)
def gene_stoplist() -> frozenset[str]:
    words = set()
    with open(DATA_DIR / "gene_stoplist.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            words.update(w for w in line.split() if w)
    return frozenset(words)


_B = r"(?<![\w\-+/])"          # left boundary
_E = r"(?![\w\-]|\+\w)"        # right boundary
GREEK = "αβγδεκλμωθ"
# left boundary checked after the first (upper-case) character, so that the pattern starts
# with a character class and the regex engine skips straight to candidate characters
_BU = r"[A-Z](?<![\w\-+/][A-Z])"

# the capital-initial gene shapes, each after its first capital letter
_CD = r"\d{1,3}[a-z]?(?:\+|\-|high|low|hi|lo)?(?:\s+(?:T|B|NK)[\s-]cells?)?(?![\w])"
_CYTOKINE = r"[A-Z]{1,4}-(?:\d{1,3}[A-Za-z]?|[" + GREEK + r"](?:\d)?|[" + GREEK + r"][A-Z])" + _E
_FAMILY = r"[A-Za-z]{1,4}-(?:[a-z]{1,2}[A-Z]|\d{1,2})" + _E
_MOUSE = r"[a-z]{2,5}\d{1,2}[a-z]?" + _E
_UPPER_DIGIT = r"[A-Z0-9]*[A-Z][A-Z0-9]*\d[A-Za-z0-9]*(?:-[A-Z0-9]+)*" + _E
_UPPER_HYPHEN_DIGIT = r"[A-Z]+(?:-[A-Z]{2,})*-\d{1,2}[A-Za-z]?" + _E
_CONTEXT = (r"(?:[A-Z0-9]{2,6}|[a-z]{2}\d?[a-z]?)(?=[\s-]+(?:gene|genes|protein|proteins|mRNA|"
            r"expression|kinase|receptor|receptors|phosphorylation|knockout|knockdown|deficiency|"
            r"signalling|signaling|pathway|transcripts?|promoter|alleles?|variants?|polymorphisms?|mutations?)\b)")

GENE_PATTERNS = [
    # CD markers, optionally with the cell type: CD8+ T cells, CD4+, CD34+
    re.compile(r"CD(?<![\w\-+/]CD)" + _CD),
    # cytokines and families with a number or Greek letter: IL-6, IL-1β, TGF-β1, TNF-α, NF-κB
    re.compile(_BU + _CYTOKINE),
    # lower-case prefix + upper-case symbol: mTOR, mTORC1, p16INK4A, sFlt-1, eNOS, iNOS
    re.compile(_B + r"(?:[a-z]{1,2}[A-Z]{2,}[A-Za-z0-9]*|p\d{2,3}(?:[A-Z][A-Za-z0-9]*)?)(?:-\d+)?" + _E),
    # BCL-xL, Bcl-2 style family members
    re.compile(_BU + _FAMILY),
    # mouse-style symbols with a digit: Ercc1, Sirt1, Cdkn2a
    re.compile(_BU + _MOUSE),
    # protein families numbered with roman numerals: collagen VII, factor VIII, complex I
    re.compile(r"[CcFf](?<![\w-][CcFf])(?:(?<=[Cc])(?:ollagen|omplex|aspase|ytochrome)|(?<=[Ff])actor)"
               r"\s+(?:[IVX]{1,4}|\d{1,2})\b(?![\w-])"),
    # upper-case symbol with a digit: FKBP12, SIRT1, BRCA1, CYP3A4, HER2, NY-ESO-1, COX-2
    re.compile(_BU + _UPPER_DIGIT),
    re.compile(_BU + _UPPER_HYPHEN_DIGIT),
]
# the lower-case-prefix pattern split by its two alternatives (they never start at the same
# place nor overlap): the first is tried only where a lower-case letter precedes two capitals
# (found by the capital scan, `_capital_scan`), the second starts with a literal 'p'
_GENE_MIXED = re.compile(_B + r"[a-z]{1,2}[A-Z]{2,}[A-Za-z0-9]*(?:-\d+)?" + _E)
_GENE_P = re.compile(r"p(?<![\w\-+/]p)\d{2,3}(?:[A-Z][A-Za-z0-9]*)?(?:-\d+)?" + _E)

# all-caps words followed by a word that only genes/proteins take
GENE_CONTEXT = re.compile(r"(" + _BU + _CONTEXT + ")")

# chemical formula shapes (CO2, H2O2, NaCl, H2S) are not gene symbols
FORMULA = re.compile(r"^(?:(?:H|He|Li|C|N|O|F|Na|Mg|Al|Si|P|S|Cl|K|Ca|Fe|Cu|Zn|Se|Br|I|Mn|Co)\d*)+[+\-]?$")

# research compound codes: RTB101, ABT-737, RAD001, MK-0677, GSK2126458; the left boundary is
# checked after the first capital and the excluded prefixes (trial registries, CD markers ...)
# after the match (no code starts inside another word, so the matches are the same)
_CODE = r"(?:[A-Z]{1,4}-?|-)\d{3,7}[A-Z]?(?![\w\-])"
COMPOUND_CODE = re.compile(r"[A-Z](?<![\w\-][A-Z])" + _CODE)
_NOT_COMPOUND_CODE = re.compile(r"(?:CD|NCT|ISRCTN|ACTRN|GPR|ICD|SF|DSM|ISO|COVID|IRB)\b|CD\d|NCT\d")


def _mixed_case_matches(text: str) -> list[re.Match]:
    """Matches of the lower-case-prefix gene pattern (GENE_PATTERNS[2]), in text order."""
    starts = []
    for q in _capital_scan(text)[1]:  # a capital between a lower-case letter and a capital
        starts += (q - 2, q - 1) if q > 1 else (q - 1,)
    mixed = matches_at(_GENE_MIXED, text, starts)
    p53 = list(_GENE_P.finditer(text)) if "p" in text else []
    if not p53:
        return mixed
    if not mixed:
        return p53
    return sorted(mixed + p53, key=lambda m: m.start())


def _numbered_family_matches(text: str) -> list[re.Match]:
    """`GENE_PATTERNS[5].finditer(text)`, tried only before its literals ('ollagen' ...)
    followed by white space."""
    starts = []
    for literal in ("ollagen", "omplex", "aspase", "ytochrome", "actor"):
        size = len(literal)
        at = text.find(literal, 1)
        while at > 0:
            if text[at + size:at + size + 1].isspace():
                starts.append(at - 1)
            at = text.find(literal, at + 1)
    if not starts:
        return []
    starts.sort()
    return matches_at(GENE_PATTERNS[5], text, starts)


_LETTERS = re.compile(r"[A-Za-z]+")
_REGISTRY_ID = re.compile(r"[A-Za-z]+-?\d{4,}")
# a digit or a gene-like ending of a Title-case symbol
_GENE_ISH = re.compile(r"\d|[bcdfghjklmnpqrstvwxz]{2}[a-z]?$")


def gene_candidates(text: str) -> list[tuple]:
    stop = gene_stoplist()
    out = []
    seen = set()
    capital = _capital_spans(text)
    for k, pat in enumerate(GENE_PATTERNS):
        if k == 2:
            spans = [m.span() for m in _mixed_case_matches(text)]
        elif k in _CAPITAL_GENE:
            spans = capital[_CAPITAL_GENE[k]]
        elif k == 5:
            spans = [m.span() for m in _numbered_family_matches(text)]
        else:
            spans = [m.span() for m in pat.finditer(text)]
        for s, e in spans:
            tok = text[s:e]
            base = tok.rstrip("+-")
            if tok in stop or base in stop or FORMULA.match(base) or (s, e) in seen:
                continue
            prefix = _LETTERS.match(tok)
            if prefix and prefix.group(0) in stop and _REGISTRY_ID.fullmatch(tok):
                continue  # registry identifiers: NCT04488601
            if sum(map(str.isalpha, tok)) < 2:
                continue
            seen.add((s, e))
            out.append((s, e, "GENE_OR_PROTEIN", symbol_canonical(tok), None, "gene_rule", 3))
    for s, e in capital[_CAPITAL_CONTEXT]:
        tok = text[s:e]
        if tok in stop or FORMULA.match(tok) or (s, e) in seen:
            continue
        if tok[0].isupper() and tok[1:].islower() and s > 0 and text[max(0, s - 2):s].strip() in ("", ".") and (
                s < 2 or text[s - 2] in ".!?"):
            continue  # sentence-initial ordinary word
        if tok[1:].islower() and not any(c.isdigit() for c in tok) and tok.lower() == tok.lower():
            # Title-case symbol (mouse genes: Ldha, Pten) only with a digit or gene-ish ending
            if not _GENE_ISH.search(tok):
                continue
        seen.add((s, e))
        out.append((s, e, "GENE_OR_PROTEIN", symbol_canonical(tok), None, "gene_rule", 3))
    return out


def symbol_canonical(tok: str) -> str:
    """Lower-case symbol with Greek letters spelled out: 'TNF-α' -> 'tnf-alpha'."""
    if tok.isascii():
        return tok.lower()
    return "".join(GREEK_NAMES.get(c, c) for c in tok).lower()


# influenza A subtypes (H3N2) and strain-qualified rodents (C57BL/6 mice, BALB/c mice, db/db mice)
ORGANISM_PATTERNS = [
    (re.compile(r"H(?<![\w-]H)\d{1,2}N\d{1,2}(?![\w-])"), None),
    (re.compile(r"(?<![\w-])((?:[A-Z0-9][A-Za-z0-9]*(?:/[A-Za-z0-9]+)+|[a-z]{2}/[a-z]{2}|[A-Z]{2,}[A-Za-z]*\d+[A-Za-z]*)"
                r"(?:\s+(?:male|female|wild-type|transgenic|knockout))?\s+(mice|rats|mouse|rat))\b"), "rodent"),
]


def _rodent_word_starts(text: str) -> list[int]:
    """Ascending starts of 'mice', 'mouse' and 'rat' after white space."""
    out = []
    for word in ("mice", "mouse", "rat"):
        at = text.find(word, 1)
        while at > 0:
            if text[at - 1].isspace():
                out.append(at)
            at = text.find(word, at + 1)
    out.sort()
    return out


def _rodent_matches(text: str) -> list[re.Match]:
    """`ORGANISM_PATTERNS[1][0].finditer(text)`, tried only from the two blank-separated
    runs before each rodent word: a match is a strain, an optional qualifier and the rodent
    word, separated by white space. The window ends a character after the longest rodent
    word, so `\b` sees the character after the word (no other rodent word after white space
    ends inside the window)."""
    pattern = ORGANISM_PATTERNS[1][0]
    out: list[re.Match] = []
    n = len(text)
    done = 0
    for p in _rodent_word_starts(text):
        lo = p
        for _ in range(2):
            while lo > 0 and text[lo - 1].isspace():
                lo -= 1
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
        found = list(pattern.finditer(text, max(lo, done), min(n, p + 6)))
        if found:
            out += found
            done = found[-1].end()
    return out


def organism_candidates(text: str) -> list[tuple]:
    out = []
    for pat, kind in ORGANISM_PATTERNS:
        if kind is None and "N" not in text:
            continue  # the pattern's literal part is absent
        for m in (pat.finditer(text) if kind is None else _rodent_matches(text)):
            if kind is None:
                out.append((m.start(), m.end(), "ORGANISM", m.group(0).lower(), None, "organism_rule", 3))
            else:
                canon = "mouse" if m.group(2) in ("mice", "mouse") else "rat"
                out.append((m.start(1), m.end(1), "ORGANISM", canon, None, "organism_rule", 3))
    return out


def compound_code_candidates(text: str) -> list[tuple]:
    stop = gene_stoplist()
    out = []
    excluded = _NOT_COMPOUND_CODE.match
    for s, e in _capital_spans(text)[_CAPITAL_CODE]:
        if excluded(text, s):
            continue
        tok = text[s:e]
        if tok in stop or tok.split("-")[0].split(" ")[0] in stop:
            continue
        out.append((s, e, "CHEMICAL", tok.lower(), None, "compound_code_rule", 3))
    return out


# ------------------------------------------------------------------ disease word forms

DISEASE_ENDINGS = (
    "itis|itides|pathy|pathies|aemia|emia|emias|aemias|algia|algias|"
    "plegia|paresis|megaly|toxicity|toxicities|penia|penias|uria|rrhea|rrhoea|rrhage|rrhages|"
    "plasia|plasias|spasm|spasms|ectasia|sclerosis|cardia|kinesia|kinesias|tonia|phagia|phasia|"
    "lepsy|phrenia|trophy|trophies|oses|osis|omas|oma|glycemia|cytopenia|cytosis").split("|")
DISEASE_SUFFIX = re.compile(r"(?<![\w\-])([A-Za-z]{3,}(?:" + "|".join(DISEASE_ENDINGS) + r"))(?![\w\-])")

# words with those endings that are not diseases (processes, disciplines, general words)
NOT_DISEASE_WORDS = frozenset("""
diagnosis diagnoses prognosis prognoses hypnosis symbiosis apoptosis mitosis meiosis osmosis
endocytosis exocytosis phagocytosis pinocytosis efferocytosis transcytosis macropinocytosis
emesis homeostasis anastomosis anastomoses metamorphosis synthesis analysis hydrolysis
biosynthesis glycolysis lipolysis proteolysis dialysis hemodialysis haemodialysis
empathy sympathy telepathy homeopathy naturopathy apathy antipathy
nostalgia stroma stoma diploma aroma soma chroma chromas stomas sarcomeres
spermatogenesis neurogenesis angiogenesis
ontogenesis phylogenesis embryogenesis
isotonia
glycemia glycaemia natremia natraemia kalemia kalaemia calcemia calcaemia lipidemia lipidaemia
""".split())


def disease_morphology_candidates(text: str, word_starts=None) -> list[tuple]:
    """Words with a disease ending ('-itis', '-pathy'). `word_starts`:
    `_ending_word_starts(text)` when known."""
    out = []
    for m in _word_ending_matches(DISEASE_SUFFIX, text, word_starts):
        w = m.group(1)
        lw = w.lower()
        if lw in NOT_DISEASE_WORDS or not (w.islower() or (w[0].isupper() and w[1:].islower())):
            continue
        if lw.endswith(("cytosis",)) and not re.search(
                r"(leuko|leuco|lympho|erythro|thrombo|granulo|mono|eosino|neutro|baso|histio|mastocyt|acantho)cytosis$", lw):
            continue
        if lw.endswith(("osis", "oses")) and lw.endswith(("genesis", "lysis", "stasis")):
            continue
        out.append((m.start(1), m.end(1), "DISEASE", lw, None, "morphology_rule", 4))
    return out


# ------------------------------------------------------------------ word lists

def _words(name: str) -> frozenset[str]:
    out = set()
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                out.update(w.lower() for w in line.split())
    return frozenset(out)


@lru_cache(maxsize=1)
def anatomy_words() -> frozenset[str]:
    return _words("anatomy.txt")


@lru_cache(maxsize=1)
def pathology_heads() -> frozenset[str]:
    return _words("pathology_heads.txt")


@lru_cache(maxsize=1)
def _anatomy_re() -> re.Pattern:
    anat = "|".join(sorted(map(re.escape, anatomy_words()), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, pathology_heads()), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w\-])((?:major\s+)?(?:{anat})(?:\s*(?:,|and|or|/)\s*(?:{anat}))*(?:\s+(?:{anat}))?)\s+({heads})(?![\w\-])",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    """A pathological head word after white space: where an anatomy mention can end."""
    heads = "|".join(sorted(map(re.escape, pathology_heads()), key=len, reverse=True))
    return re.compile(rf"\s(?:{heads})(?![\w\-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _anatomy_endings() -> tuple[str, ...]:
    return tuple(sorted(anatomy_words()))


# non-ASCII characters that match ASCII letters when case is ignored (Kelvin sign, long s,
# dotted and dotless i); texts with one of them take the plain whole-text scan
ODD_CASE = "\u0130\u0131\u017f\u212a"


def has_odd_case(text: str) -> bool:
    """Does `text` hold a character of ODD_CASE?"""
    return not text.isascii() and any(c in text for c in ODD_CASE)


@lru_cache(maxsize=1)
def _chain_word() -> re.Pattern:
    """A word that can stand inside an anatomy mention before its head: anatomical words,
    'and', 'or' and 'major', possibly run together."""
    anat = "|".join(sorted(map(re.escape, anatomy_words()), key=len, reverse=True))
    return re.compile(rf"(?:{anat}|and|or|major)+", re.IGNORECASE)


# words seen before a head word -> whether `_chain_word` matches all of it (memo across
# texts, started afresh when it grows past the limit)
_CHAIN_WORDS: dict[str, bool] = {}
_CHAIN_MEMO_LIMIT = 100_000

# on the reversed text: the separators and the word before a position
_GAP_WORD_BACK = re.compile(r"([\s,/]+)([\w\-]+)")


def _anatomy_matches(text: str, tokens=None, head_tokens=None) -> list[re.Match]:
    """`_anatomy_re().finditer(text)`, scanning only the words before a head word that an
    anatomy mention can consist of. `tokens`: the text's `TextTokens`; `head_tokens`: the
    indices of its tokens that are head words, when known."""
    pattern = _anatomy_re()
    if has_odd_case(text):
        return list(pattern.finditer(text))
    if tokens is not None:
        if head_tokens is None:
            heads = pathology_heads()
            head_tokens = compress(range(len(tokens)), map(heads.__contains__, tokens.lower))
        head_spans = [(tokens.starts[k], tokens.ends[k]) for k in head_tokens]
    else:
        head_spans = [(h.start() + 1, h.end()) for h in _head_re().finditer(text)]
    endings = _anatomy_endings()
    chain_word = _chain_word().fullmatch
    chain_words = _CHAIN_WORDS
    n = len(text)
    rev = None
    out: list[re.Match] = []
    done = 0
    for head, head_end in head_spans:
        if head < done or not head or not text[head - 1].isspace():
            continue  # inside a mention found already, or no white space before the head
        window = text[max(0, head - 80):head]
        left = window.rstrip()
        if (len(left) > 40 or len(window) < 80) and not left.lower().endswith(endings):
            continue  # no anatomical word right before the head
        if rev is None:
            rev = text[::-1]
        # walk back over the words a mention can hold; it starts at one of them
        start, at = head, n - head
        while True:
            m = _GAP_WORD_BACK.match(rev, at)
            if not m:
                break
            word = text[n - m.end(2):n - m.start(2)]
            is_chain = chain_words.get(word)
            if is_chain is None:
                if len(chain_words) >= _CHAIN_MEMO_LIMIT:
                    chain_words.clear()
                is_chain = chain_words[word] = chain_word(word) is not None
            if not is_chain:
                break
            start, at = n - m.end(2), m.end(2)
        found = list(pattern.finditer(text, max(start, done), min(n, head_end + 1)))
        if found:
            out += found
            done = found[-1].end()
    return out


def anatomy_head_candidates(text: str, tokens=None, head_tokens=None) -> list[tuple]:
    """'renal failure', 'liver injury', 'cardiac and renal toxicity'."""
    out = []
    for m in _anatomy_matches(text, tokens, head_tokens):
        first = m.group(1).split()[0]
        if not (first.islower() or first[:1].isupper() and first[1:2].islower()):
            continue
        out.append((m.start(), m.end(), "DISEASE", m.group(0).lower(), None, "anatomy_rule", 4))
    return out


@lru_cache(maxsize=1)
def _inn_re() -> re.Pattern:
    stems = sorted(_words("inn_stems.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])([A-Za-z][a-z]{2,}(?:" + "|".join(map(re.escape, stems)) + r"))(?![\w\-])")


def inn_stem_candidates(text: str, common: frozenset[str], word_starts=None) -> list[tuple]:
    """Unknown drug names recognised by their INN stem ('-tinib', '-sartan', '-olol').
    `word_starts`: `_ending_word_starts(text)` when known."""
    out = []
    for m in _word_ending_matches(_inn_re(), text, word_starts):
        w = m.group(1)
        lw = w.lower()
        if lw in common or not (w.islower() or w[1:].islower()):
            continue
        out.append((m.start(1), m.end(1), "CHEMICAL", lw, None, "inn_stem_rule", 5))
    return out


DEFICIENCY = re.compile(r"(?<![\w\-])([A-Z][A-Za-z0-9]*[A-Z0-9](?:-[A-Z0-9]+)*)[\s-]+(deficiency|deficiencies|deficient)\b")


def deficiency_candidates(text: str) -> list[tuple]:
    """A gene-product symbol followed by 'deficiency': 'C7 deficiency', 'HPRT-deficient'."""
    stop = gene_stoplist()
    out = []
    if "deficien" not in text:
        return out
    for m in DEFICIENCY.finditer(text):
        if m.group(1) in stop:
            continue
        out.append((m.start(), m.end(), "DISEASE", m.group(0).lower(), None, "deficiency_rule", 2))
    return out


# ------------------------------------------------------------------ systematic chemical names

_MORPHEMES = (r"methyl|ethyl|propyl|butyl|pentyl|hexyl|phenyl|benzyl|benzo|chloro|fluoro|bromo|iodo|"
              r"hydroxy|amino|nitro|nitroso|oxo|azido|deoxy|hydro|acetyl|acetamido|carboxy|cyano|thio|"
              r"sulfo|sulfonyl|phospho|methoxy|ethoxy|glycero|cyclo|pyrid|pyrrol|imidazo|indol|"
              r"quinol|piperid|piperazin|morpholin|furan|purin|pyrimidin|oxy|aspart|glutam|guanid|oxa|aza|thia|"
              r"nitros|amine|amide|sulf|sulph|carbam|benz|phenol|chlor|fluor|brom|acet")
# a name with a locant ('3'-azido-3'-deoxythymidine', 'N-methyl-D-aspartate', '1,2-dichloroethane')
SYSTEMATIC = re.compile(
    r"(?<![\w\-])((?:\(?[+\-±]?\)?-?)?(?:(?:\d+(?:,\d+)*'?|[NOSRZE]|[DL]|alpha|beta|cis|trans|tert|sec|iso|n|p|o|m)-)"
    r"[A-Za-z0-9,'()\[\]\-]*?(?:" + _MORPHEMES + r")[A-Za-z0-9,'()\[\]\-]*[A-Za-z])(?![\w\-])")
# '-induced', '-treated', '-ergic': derived words, not part of the name
_DERIVED_SUFFIX = re.compile(r"-(?:[a-z]+(?:ed|ing)|like|ergic|sensitive|resistant|free)$")
# enzymes ('-ase') and prefixes left dangling ('3-hydroxy' before a space) are no whole name
_NOT_WHOLE_NAME = re.compile(r"(?:ases?|hydroxy|amino|methyl|ethyl|propyl|butyl|phenyl|oxy|chloro|fluoro|"
                             r"bromo|nitro|acetyl|benzo|pyrazo|vitamin|thio|cyclo|ergic)$")
ACID = re.compile(r"(?<![\w\-])((?:[A-Za-z0-9,'\-]+-)?[a-z]{3,}(?:ic|ous) acids?)\b")


# one word built from several chemical morphemes: 'diethylnitrosamine', 'dimethylsulfoxide'
_COMPOSED_ENDINGS = ("ine", "ide", "ate", "ol", "one", "ane", "ene", "yne")
_COMPOSED = re.compile(r"(?<![\w\-])([a-z]{10,}(?:" + "|".join(_COMPOSED_ENDINGS) + r"))(?![\w\-])",
                       re.IGNORECASE)
_MORPH_RE = re.compile(_MORPHEMES)


def systematic_name_candidates(text: str, word_starts=None) -> list[tuple]:
    """IUPAC-like names (locant + chemical morpheme), '-ic acid' names and words composed of
    several chemical morphemes. `word_starts`: `_ending_word_starts(text)` when known."""
    out = []
    for m in _word_ending_matches(_COMPOSED, text, word_starts):
        w = m.group(1)
        if not (w.islower() or w[1:].islower()):
            continue
        found = {x.group(0) for x in _MORPH_RE.finditer(w.lower())}
        if len(found) >= 2:
            out.append((m.start(1), m.end(1), "CHEMICAL", w.lower(), None, "systematic_name_rule", 6))
    for m in _systematic_matches(text):
        s, w = m.start(1), m.group(1)
        cut = _DERIVED_SUFFIX.search(w)
        if cut:
            w = w[:cut.start()]
        lead = len(w) - len(w.lstrip("-"))
        s, w = s + lead, w[lead:]
        if (len(w) < 8 or w.count("(") != w.count(")") or w.count("[") != w.count("]")
                or "--" in w or _NOT_WHOLE_NAME.search(w)):
            continue
        out.append((s, s + len(w), "CHEMICAL", w.lower(), None, "systematic_name_rule", 5))
    for m in _acid_matches(text):
        w = m.group(1)
        first = w.split()[0].lower()
        if first.endswith(("nucleic", "amino", "fatty")) or first in anatomy_words():
            continue  # classes and body fluids ('gastric acid'), not one substance
        out.append((m.start(1), m.end(1), "CHEMICAL", w.lower(), None, "systematic_name_rule", 5))
    return out


# ------------------------------------------------------------------ word-ending rules, one pass

def suffix_trie(words) -> str:
    """Regex alternation (a trie) matching the start of a string that begins with one of
    `words`; which word matched is not told."""
    trie: dict = {}
    for w in sorted(words, key=len):
        node = trie
        for ch in w:
            if "" in node:
                break  # a shorter word already ends here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def build(node: dict) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return build(trie)


@lru_cache(maxsize=1)
def _reversed_ending() -> str:
    """On a reversed lower-cased word: a disease or INN-stem ending, or a chemical ending
    after ten letters (the word-ending rules' necessary conditions)."""
    stems = _words("inn_stems.txt")
    return ("(?:" + suffix_trie([w[::-1] for w in set(DISEASE_ENDINGS) | stems]) + "|"
            + suffix_trie([w[::-1] for w in _COMPOSED_ENDINGS]) + r"[a-z]{10})")


@lru_cache(maxsize=1)
def _ending_trigger() -> re.Pattern:
    """On the reversed lower-cased text: a word boundary, then `_reversed_ending`."""
    return re.compile(r"[^\w\-]" + _reversed_ending())


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=2)
def _ending_word_starts(text: str) -> list[int] | None:
    """Starts of the words that end like a disease, an INN stem or a composed chemical name,
    in text order; None when the text must be scanned whole (lower-casing moves characters
    or a character matches an ASCII letter only when case is ignored)."""
    low = text.lower()
    if len(low) != len(text) or has_odd_case(text):
        return None
    rev = " " + low[::-1]
    n = len(text)
    word = _WORD.match
    starts = []
    for m in _ending_trigger().finditer(rev):
        r = m.start()
        starts.append(n - r - word(rev, r + 1).end() + r + 1)
    starts.reverse()
    return starts


@lru_cache(maxsize=1)
def _word_ending() -> re.Pattern:
    return re.compile(_reversed_ending())


def has_word_ending(word: str) -> bool:
    """Does the lower-cased token end as `_ending_trigger` looks for?"""
    return _word_ending().match(word[::-1]) is not None


def ending_word_starts(text: str, tokens, marked) -> list[int] | None:
    """`_ending_word_starts(text)` from the text's `TextTokens` and the indices (ascending)
    of its tokens for which `has_word_ending` holds: the starts of those followed by neither
    a word character nor a hyphen."""
    if not tokens.aligned or has_odd_case(text):
        return None
    low, starts, ends = tokens.lowered, tokens.starts, tokens.ends
    n = len(low)
    out = []
    for k in marked:
        e = ends[k]
        if e == n or not (low[e].isalnum() or low[e] in "_-"):
            out.append(starts[k])
    return out


def _word_ending_matches(pattern: re.Pattern, text: str, starts=None):
    """`pattern.finditer(text)` for a one-word pattern whose words end as `_ending_trigger`
    knows; `starts`: `_ending_word_starts(text)` when known."""
    if starts is None:
        starts = _ending_word_starts(text)
    if starts is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, starts)


_ACID_RUN_BACK = re.compile(r"[A-Za-z0-9,'\-]*")


def _acid_matches(text: str):
    """`ACID.finditer(text)`, scanning only before each ' acid'."""
    out: list[re.Match] = []
    at = text.find(" acid")
    if at < 0:
        return out
    rev = None
    n = len(text)
    done = 0
    while at >= 0:
        if at >= done:
            if rev is None:
                rev = text[::-1]
            # the name before ' acid' is made of these characters only
            start = n - _ACID_RUN_BACK.match(rev, n - at).end()
            end = min(n, at + len(" acids") + 1)
            found = list(ACID.finditer(text, max(start, done), end))
            out += found
            if found:
                done = found[-1].end()
        at = text.find(" acid", at + 1)
    return out


# a systematic name is made of these characters only; it has a hyphen followed by a morpheme
_NAME_CHARS = "A-Za-z0-9,'()\\[\\]\\-+±"
_NAME_RUN = re.compile(f"[{_NAME_CHARS}]*")
_NAME_CHAR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789,'()[]-+±")


@lru_cache(maxsize=1)
def _systematic_trigger() -> re.Pattern:
    return re.compile(r"-[" + _NAME_CHARS + r"]*?" + suffix_trie(_MORPHEMES.split("|")))


def _systematic_matches(text: str) -> list[re.Match]:
    """`SYSTEMATIC.finditer(text)`, scanning only the runs of name characters that hold a
    hyphen followed by a chemical morpheme."""
    out: list[re.Match] = []
    if "-" not in text:
        return out
    n = len(text)
    done = 0
    for t in _systematic_trigger().finditer(text):
        at = t.start()
        if at < done:
            continue  # inside a run scanned already
        start = at
        while start > 0 and text[start - 1] in _NAME_CHAR:
            start -= 1
        done = _NAME_RUN.match(text, at).end()
        out += SYSTEMATIC.finditer(text, start, min(n, done + 1))
    return out


# ------------------------------------------------------------------ capital-initial shapes, one pass

# (shape after the first capital, extra left boundary): the gene shapes also refuse '+' and
# '/' before the capital, compound codes do not
_CAPITAL_SHAPES = (
    (_CYTOKINE, True), (_FAMILY, True), (_MOUSE, True), (_UPPER_DIGIT, True),
    (_UPPER_HYPHEN_DIGIT, True), (_CONTEXT, True), (_CODE, False))
# GENE_PATTERNS index -> _CAPITAL_SHAPES index
_CAPITAL_GENE = {1: 0, 3: 1, 4: 2, 6: 3, 7: 4}
_CAPITAL_CONTEXT, _CAPITAL_CODE = 5, 6


@lru_cache(maxsize=1)
def _capital_trigger() -> re.Pattern:
    """A capital starting a word where at least one shape matches; group k+1 spans what
    shape k matches after the capital (when it does). Or, in the same scan, a capital after
    a lower-case letter and before another capital (where the lower-case-prefix gene pattern
    can match): then the last group is set instead."""
    bodies = [("(?<![+/][A-Z])" if gene else "") + shape for shape, gene in _CAPITAL_SHAPES]
    return re.compile(r"[A-Z](?:(?<![\w\-][A-Z])(?=" + "|".join(bodies) + ")"
                      + "".join(f"(?:(?=({body}))|)" for body in bodies)
                      + r"|(?<=[a-z][A-Z])(?=[A-Z])())")


@lru_cache(maxsize=2)
def _capital_scan(text: str) -> tuple[tuple[list[tuple[int, int]], ...], list[int]]:
    """For each capital-initial shape, the spans `re.finditer` gives for its whole pattern;
    and the positions of the capitals after a lower-case letter and before another capital."""
    out: tuple[list[tuple[int, int]], ...] = tuple([] for _ in _CAPITAL_SHAPES)
    mixed: list[int] = []
    free = [0] * len(_CAPITAL_SHAPES)  # where the next match of each shape may start
    groups = range(len(_CAPITAL_SHAPES))
    after_lower = len(_CAPITAL_SHAPES) + 1
    for m in _capital_trigger().finditer(text):
        p = m.start()
        if m.end(after_lower) >= 0:
            mixed.append(p)
            continue
        for k in groups:
            e = m.end(k + 1)
            if e >= 0 and p >= free[k]:
                out[k].append((p, e))
                free[k] = e
    return out, mixed


def _capital_spans(text: str) -> tuple[list[tuple[int, int]], ...]:
    """For each capital-initial shape, the spans `re.finditer` gives for its whole pattern."""
    return _capital_scan(text)[0]


def compile_patterns() -> None:
    """Compile the lazily built patterns now (once per process), not on the first text."""
    _anatomy_re()
    _chain_word()
    _inn_re()
    _ending_trigger()
    _word_ending()
    _systematic_trigger()
    _capital_trigger()
    gene_stoplist()
