"""Tokenisation and key normalisation shared by the lexicon compiler and the matcher.

Matching is done on a light regex tokenisation of the raw text (runs of letters/digits, or
single other characters), independent of the spaCy tokenizer, so lexicon keys and text
spans are normalised by exactly the same function.

A *key* is the lower-cased concatenation of the tokens of a span with whitespace, hyphens
and apostrophes dropped and Greek letters spelled out: "Non-Hodgkin's lymphoma",
"non hodgkin lymphoma" and "non-hodgkins lymphoma" differ only by the plural "s"; "TNF-α"
and "TNF alpha" share the key "tnfalpha".
"""
from __future__ import annotations

import re
import unicodedata

TOKEN_RE = re.compile(r"[^\W_]+|[^\s]", re.UNICODE)

GREEK = {
    "α": "alpha", "ɑ": "alpha", "β": "beta", "ß": "beta", "γ": "gamma", "δ": "delta",
    "ε": "epsilon", "κ": "kappa", "λ": "lambda", "μ": "mu", "µ": "mu", "ω": "omega",
    "θ": "theta", "σ": "sigma", "τ": "tau", "ζ": "zeta", "η": "eta", "χ": "chi",
    "ψ": "psi", "π": "pi", "ρ": "rho", "ν": "nu", "ξ": "xi", "φ": "phi", "ι": "iota",
    "Α": "alpha", "Β": "beta", "Γ": "gamma", "Δ": "delta", "Κ": "kappa", "Ω": "omega",
}
_GREEK_RE = re.compile("|".join(map(re.escape, GREEK)))

# separators dropped from keys
DROP = frozenset("-‐‑‒–—'’`´ ")
# tokens a multi-token span may not cross
BREAK = frozenset(".;:!?\"“”•|=<>")


def norm_token(tok: str) -> str:
    """Normalised form of one token ('' for a dropped separator)."""
    if tok in DROP:
        return ""
    t = tok.lower()
    if not t.isascii():
        t = _GREEK_RE.sub(lambda m: GREEK[m.group(0)], t)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    return t


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every token."""
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


def key_tokens(text: str) -> list[str]:
    """Normalised non-empty tokens of a lexicon string."""
    out = []
    for _, _, tok in tokenize(text):
        n = norm_token(tok)
        if n:
            out.append(n)
    return out


def make_key(text: str) -> str:
    return "".join(key_tokens(text))
