"""Offline entity recognition: CHEMICAL, DISEASE, ORGANISM, GENE_OR_PROTEIN.

`EntityRecognizer()(doc)` returns rows `{start, end, label, canonical, source_id, source}`
with character offsets into `doc.text`, sorted by start. See README.md for sources and
methods. `get_recognizer(config)` gives one shared instance per process and config.
"""
from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left, bisect_right
from itertools import chain, compress
from operator import itemgetter, le, lt, sub
from typing import Any

from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text

from .lexicon import Lexicon, load_lexicon
from .rules import (anatomy_head_candidates, anatomy_words, compile_patterns, compound_code_candidates,
                    deficiency_candidates, ending_word_starts, has_word_ending,
                    organism_candidates, systematic_name_candidates,
                    disease_morphology_candidates, gene_candidates, inn_stem_candidates,
                    pathology_heads)
from .text import BREAK, DROP, GREEK, norm_token, tokenize
from .tokens import TextTokens
from .words import ENDING, HEAD, NON_ASCII, PLURAL, WordFlags

__all__ = ["EntityRecognizer", "get_recognizer", "LABELS"]

LABELS = ("CHEMICAL", "DISEASE", "ORGANISM", "GENE_OR_PROTEIN")
MAX_TOKENS = 12
_NEVER_FIRST = frozenset(c for c in map(chr, range(128))
                         if not c.isalnum() and c not in "(+[" and not c.isspace())
_START, _END, _LABEL, _PRIORITY = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(6)
# separators whose normalised form is empty but which `TextTokens.norms` keeps as written
_ASCII_DROP = frozenset(c for c in DROP if c.isascii())
_NO_ASCII_DROP = str.maketrans(dict.fromkeys(_ASCII_DROP))

# lower number = preferred when two candidates have the same extent
PRIORITY = {
    "abbreviation": 0, "domain_lexicon": 1, "organism_lexicon": 1, "gene_lexicon": 1,
    "disease_lexicon": 2, "drug_lexicon": 2, "composite": 2, "disease_adjective": 3,
    "model": 3, "gene_rule": 4, "compound_code_rule": 4, "anatomy_rule": 4,
    "morphology_rule": 5, "inn_stem_rule": 5, "salt": 2, "modifier": 2, "deficiency_rule": 2, "organism_rule": 3, "systematic_name_rule": 5,
}

# inheritance-pattern modifiers that belong to the disease mention ("hereditary breast cancer")
_MODIFIER = re.compile(r"(?:\b(?:hereditary|familial|inherited|sporadic|autosomal(?:\s+(?:dominant|recessive))?|"
                       r"X-linked|(?:new|early|late|adult|juvenile|childhood)-onset|"
                       r"stage\s+[IV]{1,3}[abcABC]?(?:\s+(?:and|or)\s+(?:stage\s+)?[IV]{1,3}[abcABC]?)?)\s+)+$",
                       re.IGNORECASE)
# singular species nouns used as modifiers ('human cells', 'mouse model') are not organisms
_SINGULAR_SPECIES = frozenset({"human", "mouse", "rat", "murine", "monkey", "dog", "cat", "pig",
                               "rabbit", "bovine", "porcine", "canine", "feline", "equine"})
# anions: a chemical followed by one of these is one salt ("calcium chloride")
_ANION_WORD = re.compile(
    r" (chloride|bromide|iodide|fluoride|sulfate|sulphate|nitrate|nitrite|phosphate|carbonate|"
    r"bicarbonate|acetate|citrate|lactate|hydrochloride|hydrobromide|mesylate|maleate|tartrate|"
    r"succinate|hemisuccinate|fumarate|gluconate|oxide|hydroxide|sulfide|besylate|sodium|potassium)"
    r"(?![\w-])", re.IGNORECASE)

# head nouns that can be shared by a coordinated list: "breast and ovarian cancer"
_COORD = re.compile(r"(?:(?:[A-Za-z][\w'-]*)\s*,\s*)*([A-Za-z][\w'-]*)(?:\s*,?\s+(?:and/or|and|or|&)\s+|\s*/\s*|-)$")
_ADJ = re.compile(r"(?:al|ic|ar|ary|ous|ian|ine|ive|ed|oid|eal|ial)$")
_PAREN_SF = re.compile(r"\s*[(\[]([A-Za-z][A-Za-z0-9\-]{1,9})(?:[)\];,:])")
_PREP = re.compile(r"\b(?:in|of|for|with|to|by|on|from|against|at)\b")
_DEFICIENCY = re.compile(r"[\s-]+(deficiency|deficiencies|deficient)\b")
_ALLELE = re.compile(r"(?:[\s-]?[εe]\d(?:/[εe]\d)?|\*\d+[A-Z]?)(?![\w])")
_WORD_LEFT = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")
_LETTERS_HYPHENS = re.compile(r"[A-Za-z-]*")
_PAREN_CONTINUED = re.compile(r"\s*\([^()]{1,12}\)\s*((?:[A-Za-z][\w-]*\s*){1,2})")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'-]*)\s*,\s*$")


# the last word of an inheritance/onset/stage modifier (lower-cased)
_MODIFIER_LAST = re.compile(r"(?:hereditary|familial|inherited|sporadic|autosomal|dominant|recessive|"
                            r"linked|onset|\b[iv]{1,3}[abc]?)$")


def _may_follow_modifier(text: str, start: int) -> bool:
    """Can `_MODIFIER` end at `start` (white space after a modifier's last word)?"""
    if not start or not text[start - 1].isspace():
        return False
    left = text[max(0, start - 60):start].rsplit(None, 1)
    if not left:
        return True
    last = left[-1]
    return not last.isascii() or bool(_MODIFIER_LAST.search(last.lower()))


def _word_left(text: str, lo: int, start: int) -> tuple[int, int] | None:
    """The span of group 1 of `_WORD_LEFT.search(text, lo, start)` (the word before the white
    space that ends at `start`), found from the end: the match can only begin in the last run
    of letters and hyphens, at its first letter."""
    stripped = text[lo:start].rstrip()
    end = lo + len(stripped)
    if end == start:
        return None  # no white space before `start`
    run = stripped[len(stripped) - _LETTERS_HYPHENS.match(stripped[::-1]).end():].lstrip("-")
    if not run:
        return None
    return end - len(run), end


def _may_follow_coordination(text: str, start: int) -> bool:
    """Can `_COORD` end at `start` ('and', 'or', '&', '/' or '-' right before it)?"""
    if not start:
        return False
    c = text[start - 1]
    if c == "-" or c == "/":
        return True
    if not c.isspace():
        return False
    last = text[max(0, start - 40):start].rstrip()[-1:]
    return not last or last in "rd&/"


# a white-space run with no comma on either side
_FREE_SPACE = re.compile(r"(?<![\s,])\s+(?![\s,])")


def _coordination_window(text: str, start: int) -> int:
    """Where `_COORD` ending at `start` can begin, at most 120 characters back. Its white
    space touches a comma except in the conjunction at its end (two runs at most), so it
    begins after the third-last run of white space that touches no comma."""
    lo = max(0, start - 120)
    free = [m.end() for m in _FREE_SPACE.finditer(text, lo, start)]
    return free[-3] if len(free) >= 3 else lo


def _signature(toks):
    pos = 0
    for k, t in enumerate(toks):
        if k and toks[k - 1][-1:].isalpha() and t[:1].isalpha():
            yield pos
        pos += len(t)


def _key(text: str) -> str:
    """Normalised key of a phrase (its tokens' normalised forms joined)."""
    if text.isascii():
        # the tokens joined are the text without white space; the separators drop out
        return "".join(text.lower().split()).translate(_NO_ASCII_DROP)
    return "".join(norm_token(t) for _, _, t in tokenize(text))


def _pair_offsets(doc, text: str, abbr, n_tokens: int, long_spans: dict) -> tuple[str, int, int] | None:
    """(short form, long start, long end) of one serialised abbreviation read from its tokens
    (no Span objects); None when the entry is not plain token indices into `doc`, whose text
    is `text`. `long_spans`: the character spans of the long forms read so far."""
    if n_tokens < 0 or not isinstance(abbr, dict):
        return None
    ss, se = abbr.get("short_start"), abbr.get("short_end")
    ls, le = abbr.get("long_start"), abbr.get("long_end")
    if not (type(ss) is type(se) is type(ls) is type(le) is int and 0 <= ss < se <= n_tokens
            and 0 <= ls < le <= n_tokens):
        return None
    first = doc[ss]
    last = first if se - ss == 1 else doc[se - 1]
    long = long_spans.get((ls, le))
    if long is None:
        long_last = doc[le - 1]
        long = long_spans[ls, le] = (doc[ls].idx, long_last.idx + len(long_last))
    return (text[first.idx:last.idx + len(last)], long[0], long[1])


def _coverage(spans: list[tuple], size: int):
    """`find` of a byte array (of `size` bytes or more) set to 1 at the characters `spans`
    cover."""
    covered = bytearray(max(size, max(map(_END, spans), default=0)))
    for span in spans:
        s, e = span[0], span[1]
        if s < e:
            covered[s:e] = b"\1" * (e - s)
    return covered.find


def _is_resolved(ents: list[tuple]) -> bool:
    """Are the spans non-empty, in text order and without overlaps (what `resolve` returns
    for them is a copy)?"""
    return all(map(lt, map(_START, ents), map(_END, ents))) and all(
        map(le, map(_END, ents), map(_START, ents[1:])))


def _has_ner(doc) -> bool:
    """Did an NER component annotate this Doc (cheap check on the IOB array)?"""
    try:
        return len(doc) > 0 and bool(doc.to_array("ENT_IOB").any())
    except (AttributeError, ValueError):
        return False


def _case_key(text: str, toks: TextTokens, i: int, j: int) -> str:
    """Tokens i..j as written, separators dropped and Greek letters spelled out."""
    words = [text[s:e] for s, e in zip(toks.starts[i:j + 1], toks.ends[i:j + 1])]
    return "".join(t if t.isascii() else "".join(GREEK.get(c, c) for c in t)
                   for t in words if t not in DROP)


class EntityRecognizer:
    """Dictionary + rules entity recogniser (no trained model needed)."""

    def __init__(self, config: dict | None = None):
        self.config = dict(config or {})
        self.lexicon: Lexicon
        if self.config.get("lexicon", True) is False:
            # rules, abbreviations and the optional model only
            self.lexicon = Lexicon()
            self.load_info = {"cache_path": None, "built": False, "build_seconds": 0.0,
                              "load_seconds": 0.0}
        else:
            self.lexicon, self.load_info = load_lexicon(rebuild=bool(self.config.get("rebuild")))
        self.entries = self.lexicon.entries
        self.prefixes = self.lexicon.prefixes
        # every entry key and entry prefix a match can start with: a token outside it starts
        # no match (a start token is alphanumeric or one of '(+[', and the normalised form of
        # an alphanumeric token never begins with other ASCII punctuation)
        self.lexicon_keys = frozenset(k for k in chain(self.entries, self.prefixes)
                                      if k[0] not in _NEVER_FIRST)
        self.use_abbreviations = self.config.get("abbreviations", True)
        from spacy.lang.en.stop_words import STOP_WORDS
        from .lexicon import read_words
        self.common = frozenset(read_words("common_words.txt") | {w.lower() for w in STOP_WORDS})
        self.model = None
        self.model_labels: dict[str, str] = {
            "CHEMICAL": "CHEMICAL", "SIMPLE_CHEMICAL": "CHEMICAL", "DISEASE": "DISEASE",
            "ORGANISM": "ORGANISM", "TAXON": "ORGANISM", "GENE_OR_PROTEIN": "GENE_OR_PROTEIN",
            "GENE_OR_GENE_PRODUCT": "GENE_OR_PROTEIN", "PROTEIN": "GENE_OR_PROTEIN",
            "GENE": "GENE_OR_PROTEIN",
        }
        self.model_labels.update(self.config.get("model_labels") or {})
        self.model_name = self.config.get("model") or None
        compile_patterns()
        self.word_flags = WordFlags(self.entries, pathology_heads(), has_word_ending)

    # ------------------------------------------------------------ lexicon
    def _record(self, key: str, text: str, toks: TextTokens, i: int, j: int):
        """The record of entry `key` matched by tokens i..j: its only record when that one is
        case-free, else the one for the tokens' spelling."""
        recs = self.entries[key]
        if len(recs) == 1 and recs[0][4] is None:
            return recs[0]
        return self._lookup(key, _case_key(text, toks, i, j))

    def _lookup(self, key: str, case_key: str):
        recs = self.entries.get(key)
        if not recs:
            return None
        fallback = None
        for r in recs:
            ck = r[4]
            if ck is None:
                fallback = fallback or r
            elif ck == case_key:
                return r
        return fallback

    def lexicon_candidates(self, text: str, toks: TextTokens) -> list[tuple]:
        """Vocabulary matches of up to MAX_TOKENS tokens. A start is examined only when its
        token's key is an entry or an entry prefix and, for a prefix alone, the key of the
        first two tokens is one too."""
        out = []
        entries, prefixes, splits = self.entries, self.prefixes, self.lexicon.splits
        starts, ends, norms = toks.starts, toks.ends, toks.norms
        n = len(norms)
        if not n:
            return out
        known = self.lexicon_keys
        separators = _ASCII_DROP
        last = n - 1
        for i, first in compress(enumerate(norms), map(known.__contains__, norms)):
            is_entry = first in entries
            if not is_entry:
                # an entry prefix alone starts a match only when the next token's key
                # continues it or a separator follows
                if i == last:
                    continue
                second = norms[i + 1]
                if second not in separators and first + second not in known:
                    continue
            si = starts[i]
            c0 = text[si]
            if not c0.isalnum() and c0 not in "(+[":
                continue  # (non-alphanumeric tokens are single characters)
            if i > 0 and ends[i - 1] == si and text[si - 1].isalnum():
                continue  # never start inside a word
            # the first token alone (its key is neither empty nor a separator)
            if is_entry:
                ei = ends[i]
                if (text[ei - 1].isalnum() or ei - si == 1 and c0 in "+)") and not (
                        i < last and starts[i + 1] == ei and text[ei].isalnum()) and (
                        first not in splits or self._split_ok(first, norms, i, i)):
                    rec = self._record(first, text, toks, i, i)
                    if rec is not None:
                        out.append((si, ei, rec[0], rec[1], rec[2], rec[3], PRIORITY.get(rec[3], 3)))
                if first not in prefixes:
                    continue
            key = first
            for j in range(i + 1, min(n, i + MAX_TOKENS)):
                sj, ej = starts[j], ends[j]
                nj = norms[j]
                if nj not in separators and key + nj not in known:
                    break  # neither an entry nor the prefix of one: nothing further
                if sj - ends[j - 1] > 1:
                    break
                if ej - sj == 1 and text[sj] in BREAK and not (
                        text[sj] == "." and ends[j - 1] - starts[j - 1] == 1 and text[starts[j - 1]].isupper()):
                    break  # a sentence boundary, except after an initial ('C. elegans')
                if nj not in separators:
                    key += nj
                if key in entries and (text[ej - 1].isalnum() or ej - sj == 1 and text[sj] in "+)") and not (
                        j < last and starts[j + 1] == ej and text[ej].isalnum()):
                    if self._split_ok(key, norms, i, j):
                        rec = self._record(key, text, toks, i, j)
                        if rec is not None:
                            out.append((si, ej, rec[0], rec[1], rec[2], rec[3],
                                        PRIORITY.get(rec[3], 3)))
                if key not in prefixes:
                    break
        return out

    def _split_ok(self, key: str, norms: list[str], i: int, j: int) -> bool:
        """Do the word splits of the text agree with those of a variant of the key?"""
        toks = [n for n in norms[i:j + 1] if n and n not in _ASCII_DROP]
        sig = tuple(_signature(toks))
        allowed = self.lexicon.splits.get(key)
        if allowed is None:
            return not sig
        return sig in allowed

    def _plural_candidates(self, text: str, toks: TextTokens, taken, plural_tokens=None) -> list[tuple]:
        """Plurals of vocabulary entries. `plural_tokens`: the indices of the tokens with the
        flag `words.PLURAL`, when known."""
        out = []
        starts, ends = toks.starts, toks.ends
        entries = self.entries
        if plural_tokens is None:
            flags = self.word_flags
            plural_tokens = [k for k, w in enumerate(toks.lower) if flags[w] & PLURAL]
        for k in plural_tokens:
            s, e = starts[k], ends[k]
            t = text[s:e]
            if len(t) > 4 and t.endswith("s") and t[:-1].isalpha() and (s, e) not in taken:
                key = norm_token(t[:-1])
                rec = self._lookup(key, t[:-1]) if key in entries else None
                if rec is None and t.endswith("es"):
                    key = norm_token(t[:-2])
                    rec = self._lookup(key, t[:-2]) if key in entries else None
                if rec is not None and rec[0] in ("DISEASE", "ORGANISM", "CHEMICAL") and rec[4] is None:
                    out.append((s, e, rec[0], rec[1], rec[2], rec[3], PRIORITY.get(rec[3], 3) + 1))
        return out

    # ------------------------------------------------------------ model
    def model_candidates(self, doc, text: str) -> list[tuple]:
        """Entities of a spaCy NER model: those already on the Doc when the pipeline was built
        on the model, else those of the model named in the config (loaded on first use)."""
        ents = getattr(doc, "ents", None)
        if not ents:
            if not self.model_name or _has_ner(doc):
                return []  # no model, or an NER component found nothing
            if self.model is None:
                import spacy
                self.model = spacy.load(self.model_name)
            ents = self.model(text).ents
        out = []
        for ent in ents:
            label = self.model_labels.get(ent.label_)
            if label:
                out.append((ent.start_char, ent.end_char, label, ent.text.lower(), None, "model",
                            PRIORITY["model"]))
        return out

    # ------------------------------------------------------------ resolution
    @staticmethod
    def resolve(cands: list[tuple]) -> list[tuple]:
        """Longest span first; ties by priority then position; drop overlapping spans.

        Candidates equal in all of these keep the order they were found in (lexicon first,
        then the rules in their fixed order), so the choice never depends on hashing."""
        if _is_resolved(cands):
            return list(cands)
        # a repeated non-empty candidate overlaps its first copy and is dropped below anyway
        unique = cands if all(map(lt, map(_START, cands), map(_END, cands))) else list(dict.fromkeys(cands))
        # sort keys built by C-level passes; the position in `unique` breaks remaining ties as
        # a stable sort would
        order = sorted(zip(map(sub, map(_START, unique), map(_END, unique)), map(_PRIORITY, unique),
                           map(_START, unique), map(_LABEL, unique), range(len(unique))))
        cands = [unique[o[4]] for o in order]
        taken: list[tuple] = []
        occupied = bytearray(max(map(_END, unique), default=0))
        claimed = occupied.find
        for c in cands:
            s, e = c[0], c[1]
            if claimed(1, s, e) >= 0:
                continue
            occupied[s:e] = b"\1" * (e - s)
            taken.append(c)
        return sorted(taken, key=_START)

    # ------------------------------------------------------------ composites
    def _composites(self, text: str, ents: list[tuple]) -> list[tuple]:
        out = []
        starts = {e[0]: e for e in ents}
        ends = {e[1] for e in ents}
        for ent in ents:
            s, e, label = ent[0], ent[1], ent[2]
            if label != "DISEASE":
                out.append(ent)
                continue
            words = text[s:e].split()
            if len(words) < 2:
                out.append(ent)
                continue
            rest = " ".join(words[1:])
            new_s = s
            m = _COORD.search(text, _coordination_window(text, s), s) if _may_follow_coordination(text, s) else None
            if m and m.end() == s:
                x = m.group(1)
                if self._composable(x, rest, m.start(1), ends):
                    new_s = m.start(1)
                    # earlier members of a comma list
                    while True:
                        mm = _WORD_BEFORE.search(text, max(0, new_s - 60), new_s)
                        if not mm or mm.end() != new_s or not self._composable(
                                mm.group(1), rest, mm.start(1), ends):
                            break
                        new_s = mm.start(1)
            if new_s != s and not any(o[1] > new_s and o[0] < s for o in ents if o is not ent):
                out.append((new_s, e, label, ent[3], ent[4], "composite", ent[6]))
            else:
                out.append(ent)
        return out

    def _composable(self, word: str, rest: str, start: int, ends) -> bool:
        if start + len(word) in ends:
            return False  # the conjunct is an entity of its own
        key = "".join(norm_token(t) for _, _, t in tokenize(f"{word} {rest}"))
        recs = self.entries.get(key)
        if recs and recs[0][0] == "DISEASE":
            return True
        lw = word.lower()
        return bool(_ADJ.search(lw)) and (word.islower() or word[1:].islower()) and len(lw) > 4

    @staticmethod
    def _species_modifier(text: str, c: tuple) -> bool:
        if c[2] != "ORGANISM" or text[c[0]:c[1]].lower() not in _SINGULAR_SPECIES:
            return False
        return bool(re.match(r"[\s-]+[A-Za-z]", text[c[1]:c[1] + 3]))

    # ------------------------------------------------------------ salts, modifiers
    @staticmethod
    def _merge_salts(text: str, ents: list[tuple]) -> list[tuple]:
        """Two adjacent chemicals 'cation anion' form one salt: 'calcium chloride'; a chemical
        followed by an anion name too: 'pregnenolone sulphate'."""
        out: list[tuple] = []
        starts = {e[0] for e in ents}
        grown = []
        for ent in ents:
            m = _ANION_WORD.match(text, ent[1]) if ent[2] == "CHEMICAL" else None
            if m and m.start(1) not in starts:
                ent = (ent[0], m.end(), "CHEMICAL", text[ent[0]:m.end()].lower(), None, "salt",
                       PRIORITY["salt"])
            grown.append(ent)
        ents = grown
        for ent in ents:
            if out:
                prev = out[-1]
                gap = text[prev[1]:ent[0]]
                if (prev[2] == ent[2] == "CHEMICAL" and gap == " " and " " not in text[prev[0]:prev[1]]
                        and _ANION_WORD.fullmatch(" " + text[ent[0]:ent[1]])):
                    name = text[prev[0]:ent[1]].lower()
                    out[-1] = (prev[0], ent[1], "CHEMICAL", name, None, "salt", PRIORITY["salt"])
                    continue
            out.append(ent)
        return out

    @staticmethod
    def _modifiers(text: str, ents: list[tuple]) -> list[tuple]:
        """Left-extend disease mentions by inheritance/onset/stage modifiers and, for a
        one-word disease, by anatomical modifiers ('ventricular arrhythmias')."""
        out = []
        prev_end = 0
        anatomy = anatomy_words()
        for ent in ents:
            if ent[2] == "DISEASE" and " " not in text[ent[0]:ent[1]]:
                start = ent[0]
                while start and text[start - 1].isspace():  # (the word ends in white space)
                    span = _word_left(text, max(prev_end, start - 40), start)
                    if span is None:
                        break
                    word = text[span[0]:span[1]]
                    if word.lower() not in anatomy or (not word.islower() and not word[1:].islower()):
                        break
                    start = span[0]
                if start != ent[0]:
                    ent = (start, ent[1], ent[2], ent[3], ent[4], "anatomy_rule", ent[6])
            if ent[2] == "DISEASE" and _may_follow_modifier(text, ent[0]):
                m = _MODIFIER.search(text, max(prev_end, ent[0] - 60), ent[0])
                if m and m.end() == ent[0]:
                    ent = (m.start(), ent[1], ent[2], ent[3], ent[4], ent[5], ent[6])
            out.append(ent)
            prev_end = ent[1]
        return out

    # ------------------------------------------------------------ abbreviations
    def _abbreviation_pairs(self, doc, text: str, ents: list[tuple]) -> list[tuple]:
        """(short form, long start, long end) from the abbreviation detector, plus
        '<entity> (SF)' pairs it missed (SF starting with the entity's first letter)."""
        pairs = []
        abbrs = None
        if hasattr(doc, "has_extension") and doc.has_extension("abbreviations"):
            abbrs = doc._.abbreviations
        n_tokens = len(doc) if abbrs and isinstance(doc, Doc) else -1
        long_spans: dict[tuple[int, int], tuple[int, int]] = {}
        for a in abbrs or ():
            span = _pair_offsets(doc, text, a, n_tokens, long_spans)
            if span is not None:
                pairs.append(span)
                continue
            try:
                if isinstance(a, dict):
                    short = doc[a["short_start"]:a["short_end"]]
                    long = doc[a["long_start"]:a["long_end"]]
                else:  # non-serialisable form: (long span, short span)
                    long, short = a[0], a[1]
            except (IndexError, KeyError, TypeError):
                continue
            pairs.append((short.text, long.start_char, long.end_char))
        for ent in ents:
            m = _PAREN_SF.match(text, ent[1])
            if m:
                sf = m.group(1)
                initials = {w[0].lower() for w in re.findall(r"[A-Za-z0-9]+", text[ent[0]:ent[1]])}
                if sf[0].lower() in initials and sf.lower() != text[ent[0]:ent[1]].lower() and (
                        sf[0].lower() == text[ent[0]].lower() or sf.isupper()):
                    pairs.append((sf, ent[0], ent[1]))
        return pairs

    def _long_form_continued(self, text: str, ls: int, le: int):
        """'von Hippel-Lindau (VHL) disease': the long form plus the words after the
        parenthesis is a vocabulary entry."""
        m = _PAREN_CONTINUED.match(text, le)
        if not m:
            return None
        words = m.group(1).split()
        # tokens never cross white space: the phrase's key is the keys of its parts joined
        word_keys = [w.lower().replace("-", "") if w.isascii() else _key(w) for w in words]
        long_key = _key(text[ls:le])
        for n in range(len(words), 0, -1):
            key = long_key + "".join(word_keys[:n])
            rec = self._lookup(key, key) if key in self.entries else None
            if rec is not None:
                return (ls, le, rec[0], rec[1], rec[2], rec[3], 0)
        return None

    @staticmethod
    def _alleles(text: str, ents: list[tuple]) -> list[tuple]:
        """A gene symbol with its allele: 'APOE ε4', 'APOE-ε4', 'CYP2D6*4'."""
        out = []
        for ent in ents:
            if ent[2] == "GENE_OR_PROTEIN":
                m = _ALLELE.match(text, ent[1])
                if m and not any(o[0] < m.end() and o[1] > ent[1] for o in ents if o is not ent):
                    ent = (ent[0], m.end(), ent[2], ent[3] + m.group(0).lower().replace("ε", "epsilon"),
                           ent[4], ent[5], ent[6])
            out.append(ent)
        return out

    def _deficiencies(self, text: str, ents: list[tuple]) -> list[tuple]:
        """'C7 deficiency', 'HPRT-deficient', 'G6PD deficiency': a gene product followed by
        'deficiency' names a disease."""
        out = []
        for ent in ents:
            if ent[2] == "GENE_OR_PROTEIN" or (ent[2] == "CHEMICAL" and ent[5] != "salt"):
                m = _DEFICIENCY.match(text, ent[1])
                if m and (ent[2] == "GENE_OR_PROTEIN" or text[ent[0]:ent[1]].isupper()):
                    ent = (ent[0], m.end(), "DISEASE", text[ent[0]:m.end()].lower(), None,
                           "deficiency_rule", 2)
            out.append(ent)
        return out

    def _abbreviations(self, doc, text: str, ents: list[tuple]) -> list[tuple]:
        pairs = self._abbreviation_pairs(doc, text, ents)
        if not pairs:
            return ents
        defs: dict[str, tuple | None] = {}
        by_end: dict[int, list[tuple[int, tuple]]] = {}
        for k, ent in enumerate(ents):
            by_end.setdefault(ent[1], []).append((k, ent))
        # a pair seen before changes nothing: its short form has a definition or none
        for sf, ls, le in dict.fromkeys(pairs):
            if defs.get(sf) is not None:
                continue
            long_text = text[ls:le]
            # the entity that ends the long form (its head), the leftmost if several
            ending = [(ent[0], k, ent) for k, ent in by_end.get(le - 1, []) + by_end.get(le, [])
                      if ent[0] < le]
            best = min(ending)[2] if ending else None
            if best is not None and best[0] > ls and _PREP.search(text[ls:best[0]]):
                best = None  # 'deleted in colorectal carcinoma': the entity is an argument
                defs.setdefault(sf, None)
                continue
            if best is None:
                best = self._long_form_continued(text, ls, le)
            if best is not None:
                whole = best[0] <= ls + 1
                canon = best[3] if whole else long_text.lower()
                defs[sf] = (best[2], canon, best[4] if whole else None)
            elif long_text.split() and long_text.split()[-1].lower() in pathology_heads() and len(long_text.split()) > 1:
                defs[sf] = ("DISEASE", long_text.lower(), None)
            elif sf not in defs:
                defs[sf] = None
        extra = []
        suppressed = set()
        for sf, d in defs.items():
            if len(sf) < 2 or not any(c.isalpha() for c in sf):
                continue
            for s, e in _occurrences(text, sf):
                if d is None:
                    # defined in the article as something that is no entity: suppress
                    suppressed.add((s, e))
                    continue
                extra.append((s, e, d[0], d[1], d[2], "abbreviation", PRIORITY["abbreviation"]))
        cands = [c for c in ents if (c[0], c[1]) not in suppressed] if suppressed else list(ents)
        if not extra:
            return self.resolve(cands)
        # an occurrence beats any candidate it overlaps unless that one strictly contains it
        by_start = sorted(extra, key=_START)
        extra_starts = [x[0] for x in by_start]
        longest = max(x[1] - x[0] for x in extra)
        # the characters the occurrences cover (they are never empty): a non-empty candidate
        # none of them covers overlaps no occurrence
        covered = _coverage(extra, len(text))
        kept = []
        for c in cands:
            if c[0] < c[1] and covered(1, c[0], c[1]) < 0:
                kept.append(c)
                continue
            lo = bisect_left(extra_starts, c[0] - longest)
            hi = bisect_left(extra_starts, c[1])
            clash = [x for x in by_start[lo:hi] if x[0] < c[1] and c[0] < x[1]]
            if clash and not all(c[0] <= x[0] and x[1] <= c[1] and (c[1] - c[0]) > (x[1] - x[0])
                                 for x in clash):
                continue
            kept.append(c)
        if kept:
            kept_sorted = sorted(kept, key=_START)
            kept_starts = [c[0] for c in kept_sorted]
            widest = max(c[1] - c[0] for c in kept)
            # an occurrence no kept candidate overlaps is inside none of them
            overlapped = _coverage(kept, len(text))
            extra = [x for x in extra if overlapped(1, x[0], x[1]) < 0 or not any(
                c[0] <= x[0] and x[1] <= c[1] and (c[1] - c[0]) > (x[1] - x[0])
                for c in kept_sorted[bisect_left(kept_starts, x[0] - widest):
                                     bisect_right(kept_starts, x[0])])]
        return self.resolve(kept + extra)

    # ------------------------------------------------------------ main
    def __call__(self, doc) -> list[dict[str, Any]]:
        if isinstance(doc, str):
            text = doc
        elif hasattr(doc, "_") and doc.has_extension("text"):
            text = doc_text(doc)
        else:
            text = getattr(doc, "text", None)
        if text is None:
            text = str(doc)
        if not text:
            return []
        toks = TextTokens(text)
        # one memo lookup per token finds the few tokens the token-level rules look at
        memo, lower = self.word_flags, toks.lower
        marked = list(compress(range(len(lower)), map(memo.__getitem__, lower)))
        flags = [memo[lower[k]] for k in marked]
        plural_tokens = [k for k, f in zip(marked, flags) if f & PLURAL]
        head_tokens = [k for k, f in zip(marked, flags) if f & HEAD]
        word_starts = ending_word_starts(text, toks, [k for k, f in zip(marked, flags) if f & ENDING])
        toks.set_non_ascii([k for k, f in zip(marked, flags) if f & NON_ASCII])
        cands = [c for c in self.lexicon_candidates(text, toks)
                 if c[2] != "ORGANISM" or not self._species_modifier(text, c)]
        taken = {(c[0], c[1]) for c in cands} if plural_tokens else set()
        cands += self._plural_candidates(text, toks, taken, plural_tokens)
        cands += gene_candidates(text)
        cands += compound_code_candidates(text)
        cands += disease_morphology_candidates(text, word_starts)
        cands += anatomy_head_candidates(text, toks, head_tokens)
        cands += deficiency_candidates(text)
        cands += organism_candidates(text)
        cands += systematic_name_candidates(text, word_starts)
        cands += inn_stem_candidates(text, self.common, word_starts)
        cands += self.model_candidates(doc, text)
        ents = self.resolve(cands)
        ents = self.resolve(self._composites(text, ents))
        ents = self._merge_salts(text, ents)
        ents = self._alleles(text, ents)
        ents = self._deficiencies(text, ents)
        ents = self._modifiers(text, ents)
        if self.use_abbreviations and hasattr(doc, "_"):
            ents = self._abbreviations(doc, text, ents)
        return [
            {"start": int(s), "end": int(e), "label": label, "canonical": canon,
             "source_id": sid, "source": src}
            for s, e, label, canon, sid, src, _ in ents
        ]


def _may_end_occurrence(text: str, e: int) -> bool:
    r"""Can an abbreviation occurrence end at `e`: `(?![\w+]|-\d)` (no word character, '+'
    or hyphen and digit follows)?"""
    c = text[e:e + 1]
    return not c or not (c.isalnum() or c in "_+" or c == "-" and text[e + 1:e + 2].isdecimal())


def _occurrences(text: str, sf: str) -> list[tuple[int, int]]:
    r"""Spans of the abbreviation `sf` in `text`, also plural and 'SF-induced': the matches of
    `(?<![\w\-])SF s? (?![\w+]|-\d)` (one pass of str.find, no regex per short form)."""
    out = []
    k = len(sf)
    find = text.find
    at = find(sf)
    while at >= 0:
        if at:
            c = text[at - 1]
            if c.isalnum() or c in "_-":
                at = find(sf, at + 1)
                continue
        e = at + k
        # with a plural 's' only where it may end (a word character follows 'SF' otherwise)
        if text[e:e + 1] == "s":
            e = e + 1 if _may_end_occurrence(text, e + 1) else -1
        elif not _may_end_occurrence(text, e):
            e = -1
        if e < 0:
            at = find(sf, at + 1)
            continue
        out.append((at, e))
        at = find(sf, e)
    return out


_CACHE: dict[str, EntityRecognizer] = {}
_LOCK = threading.Lock()


def get_recognizer(config: dict | None = None) -> EntityRecognizer:
    """One recogniser per process and config."""
    key = json.dumps(config or {}, sort_keys=True, default=str)
    with _LOCK:
        rec = _CACHE.get(key)
        if rec is None:
            rec = _CACHE[key] = EntityRecognizer(config)
        return rec
