"""Shape and morphology rules: gene/protein symbols, compound codes, disease word forms."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import DATA_DIR

# Candidate = (start, end, label, canonical, source_id, source, priority)


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

GENE_PATTERNS = [
    # CD markers, optionally with the cell type: CD8+ T cells, CD4+, CD34+
    re.compile(_B + r"CD\d{1,3}[a-z]?(?:\+|\-|high|low|hi|lo)?(?:\s+(?:T|B|NK)[\s-]cells?)?" + r"(?![\w])"),
    # cytokines and families with a number or Greek letter: IL-6, IL-1β, TGF-β1, TNF-α, NF-κB
    re.compile(_B + r"[A-Z]{2,5}-(?:\d{1,3}[A-Za-z]?|[" + GREEK + r"](?:\d)?|[" + GREEK + r"][A-Z])" + _E),
    # lower-case prefix + upper-case symbol: mTOR, mTORC1, p16INK4A, sFlt-1, eNOS, iNOS
    re.compile(_B + r"(?:[a-z]{1,2}[A-Z]{2,}[A-Za-z0-9]*|p\d{2,3}(?:[A-Z][A-Za-z0-9]*)?)(?:-\d+)?" + _E),
    # BCL-xL, Bcl-2 style family members
    re.compile(_B + r"[A-Z][A-Za-z]{1,4}-(?:[a-z]{1,2}[A-Z]|\d{1,2})" + _E),
    # mouse-style symbols with a digit: Ercc1, Sirt1, Cdkn2a
    re.compile(_B + r"[A-Z][a-z]{2,5}\d{1,2}[a-z]?" + _E),
    # protein families numbered with roman numerals: collagen VII, factor VIII, complex I
    re.compile(r"(?<![\w-])(?:[Cc]ollagen|[Ff]actor|[Cc]omplex|[Cc]aspase|[Cc]ytochrome)\s+(?:[IVX]{1,4}|\d{1,2})\b(?![\w-])"),
    # upper-case symbol with a digit: FKBP12, SIRT1, BRCA1, CYP3A4, HER2, NY-ESO-1, COX-2
    re.compile(_B + r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\d[A-Za-z0-9]*(?:-[A-Z0-9]+)*" + _E),
    re.compile(_B + r"[A-Z]{2,}(?:-[A-Z]{2,})*-\d{1,2}[A-Za-z]?" + _E),
]

# all-caps words followed by a word that only genes/proteins take
GENE_CONTEXT = re.compile(
    _B + r"([A-Z][A-Z0-9]{2,6}|[A-Z][a-z]{2}\d?[a-z]?)(?=[\s-]+(?:gene|genes|protein|proteins|mRNA|"
    r"expression|kinase|receptor|receptors|phosphorylation|knockout|knockdown|deficiency|"
    r"signalling|signaling|pathway|transcripts?|promoter|alleles?|variants?|polymorphisms?|mutations?)\b)")

# chemical formula shapes (CO2, H2O2, NaCl, H2S) are not gene symbols
FORMULA = re.compile(r"^(?:(?:H|He|Li|C|N|O|F|Na|Mg|Al|Si|P|S|Cl|K|Ca|Fe|Cu|Zn|Se|Br|I|Mn|Co)\d*)+[+\-]?$")

# research compound codes: RTB101, ABT-737, RAD001, MK-0677, GSK2126458
COMPOUND_CODE = re.compile(r"(?<![\w\-])(?!(?:CD|NCT|ISRCTN|ACTRN|GPR|ICD|SF|DSM|ISO|COVID|IRB)\b|CD\d|NCT\d)"
                           r"(?:[A-Z]{2,5}-?|[A-Z]-)\d{3,7}[A-Z]?(?![\w\-])")


def gene_candidates(text: str) -> list[tuple]:
    stop = gene_stoplist()
    out = []
    seen = set()
    for pat in GENE_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            tok = text[s:e]
            base = tok.rstrip("+-")
            if tok in stop or base in stop or FORMULA.match(base) or (s, e) in seen:
                continue
            prefix = re.match(r"[A-Za-z]+", tok)
            if prefix and prefix.group(0) in stop and re.fullmatch(r"[A-Za-z]+-?\d{4,}", tok):
                continue  # registry identifiers: NCT04488601
            if sum(c.isalpha() for c in tok) < 2:
                continue
            seen.add((s, e))
            out.append((s, e, "GENE_OR_PROTEIN", symbol_canonical(tok), None, "gene_rule", 3))
    for m in GENE_CONTEXT.finditer(text):
        s, e = m.span(1)
        tok = m.group(1)
        if tok in stop or FORMULA.match(tok) or (s, e) in seen:
            continue
        if tok[0].isupper() and tok[1:].islower() and s > 0 and text[max(0, s - 2):s].strip() in ("", ".") and (
                s < 2 or text[s - 2] in ".!?"):
            continue  # sentence-initial ordinary word
        if tok[1:].islower() and not any(c.isdigit() for c in tok) and tok.lower() == tok.lower():
            # Title-case symbol (mouse genes: Ldha, Pten) only with a digit or gene-ish ending
            if not re.search(r"\d|[bcdfghjklmnpqrstvwxz]{2}[a-z]?$", tok):
                continue
        seen.add((s, e))
        out.append((s, e, "GENE_OR_PROTEIN", symbol_canonical(tok), None, "gene_rule", 3))
    return out


def symbol_canonical(tok: str) -> str:
    """Lower-case symbol with Greek letters spelled out: 'TNF-α' -> 'tnf-alpha'."""
    from .text import GREEK
    return "".join(GREEK.get(c, c) for c in tok).lower()


# influenza A subtypes (H3N2) and strain-qualified rodents (C57BL/6 mice, BALB/c mice, db/db mice)
ORGANISM_PATTERNS = [
    (re.compile(r"(?<![\w-])H\d{1,2}N\d{1,2}(?![\w-])"), None),
    (re.compile(r"(?<![\w-])((?:[A-Z0-9][A-Za-z0-9]*(?:/[A-Za-z0-9]+)+|[a-z]{2}/[a-z]{2}|[A-Z]{2,}[A-Za-z]*\d+[A-Za-z]*)"
                r"(?:\s+(?:male|female|wild-type|transgenic|knockout))?\s+(mice|rats|mouse|rat))\b"), "rodent"),
]


def organism_candidates(text: str) -> list[tuple]:
    out = []
    for pat, kind in ORGANISM_PATTERNS:
        for m in pat.finditer(text):
            if kind is None:
                out.append((m.start(), m.end(), "ORGANISM", m.group(0).lower(), None, "organism_rule", 3))
            else:
                canon = "mouse" if m.group(2) in ("mice", "mouse") else "rat"
                out.append((m.start(1), m.end(1), "ORGANISM", canon, None, "organism_rule", 3))
    return out


def compound_code_candidates(text: str) -> list[tuple]:
    stop = gene_stoplist()
    out = []
    for m in COMPOUND_CODE.finditer(text):
        tok = m.group(0)
        if tok in stop or tok.split("-")[0].split(" ")[0] in stop:
            continue
        out.append((m.start(), m.end(), "CHEMICAL", tok.lower(), None, "compound_code_rule", 3))
    return out


# ------------------------------------------------------------------ disease word forms

DISEASE_SUFFIX = re.compile(
    r"(?<![\w\-])([A-Za-z]{3,}(?:itis|itides|pathy|pathies|aemia|emia|emias|aemias|algia|algias|"
    r"plegia|paresis|megaly|toxicity|toxicities|penia|penias|uria|rrhea|rrhoea|rrhage|rrhages|"
    r"plasia|plasias|spasm|spasms|ectasia|sclerosis|cardia|kinesia|kinesias|tonia|phagia|phasia|"
    r"lepsy|phrenia|trophy|trophies|oses|osis|omas|oma|glycemia|cytopenia|cytosis))(?![\w\-])")

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


def disease_morphology_candidates(text: str) -> list[tuple]:
    out = []
    for m in DISEASE_SUFFIX.finditer(text):
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


def anatomy_head_candidates(text: str) -> list[tuple]:
    """'renal failure', 'liver injury', 'cardiac and renal toxicity'."""
    out = []
    for m in _anatomy_re().finditer(text):
        first = m.group(1).split()[0]
        if not (first.islower() or first[:1].isupper() and first[1:2].islower()):
            continue
        out.append((m.start(), m.end(), "DISEASE", m.group(0).lower(), None, "anatomy_rule", 4))
    return out


@lru_cache(maxsize=1)
def _inn_re() -> re.Pattern:
    stems = sorted(_words("inn_stems.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])([A-Za-z][a-z]{2,}(?:" + "|".join(map(re.escape, stems)) + r"))(?![\w\-])")


def inn_stem_candidates(text: str, common: frozenset[str]) -> list[tuple]:
    """Unknown drug names recognised by their INN stem ('-tinib', '-sartan', '-olol')."""
    out = []
    for m in _inn_re().finditer(text):
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
_COMPOSED = re.compile(r"(?<![\w\-])([a-z]{10,}(?:ine|ide|ate|ol|one|ane|ene|yne))(?![\w\-])", re.IGNORECASE)
_MORPH_RE = re.compile(_MORPHEMES)


def systematic_name_candidates(text: str) -> list[tuple]:
    """IUPAC-like names (locant + chemical morpheme), '-ic acid' names and words composed of
    several chemical morphemes."""
    out = []
    for m in _COMPOSED.finditer(text):
        w = m.group(1)
        if not (w.islower() or w[1:].islower()):
            continue
        found = {x.group(0) for x in _MORPH_RE.finditer(w.lower())}
        if len(found) >= 2:
            out.append((m.start(1), m.end(1), "CHEMICAL", w.lower(), None, "systematic_name_rule", 6))
    for m in SYSTEMATIC.finditer(text):
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
    for m in ACID.finditer(text):
        w = m.group(1)
        first = w.split()[0].lower()
        if first.endswith(("nucleic", "amino", "fatty")) or first in anatomy_words():
            continue  # classes and body fluids ('gastric acid'), not one substance
        out.append((m.start(1), m.end(1), "CHEMICAL", w.lower(), None, "systematic_name_rule", 5))
    return out
