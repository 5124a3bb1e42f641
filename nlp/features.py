"""Sparse features of a text for the linear models: words, word pairs, character trigrams, lexicon cues."""

from itertools import pairwise

from nlp.lexicon import GENERIC_REQUESTS, PROBLEM_CUES, SECTOR_TERMS, WISH_CUES, variants
from nlp.text import normalize, tokenize

CHAR_N = 3
#: Lexicon terms may span up to this many tokens ("ท่อ"+"ระบาย"+"น้ำ").
MAX_TERM_TOKENS = 3


def _term_index() -> dict[str, tuple[str, ...]]:
    """Each lexicon term (as tokens joined) → the cue features it fires."""
    index: dict[str, list[str]] = {}
    for sector, terms in SECTOR_TERMS.items():
        for term in terms:
            for form in variants(term):
                index.setdefault(form, []).append(f"x:{sector}")
    for cues, name in ((PROBLEM_CUES, "x:problem"), (WISH_CUES, "x:wish"), (GENERIC_REQUESTS, "x:generic")):
        for term in cues:
            index.setdefault(term.replace(" ", ""), []).append(name)
    return {term: tuple(names) for term, names in index.items()}


TERM_INDEX = _term_index()


def features(text: str) -> set[str]:
    """The feature names present in a raw text (training and inference use exactly this)."""
    norm = normalize(text)
    return features_of(norm, tokenize(norm))


def features_of(norm: str, tokens: list[str]) -> set[str]:
    """Features from an already normalized text and its tokens (saves tokenizing twice)."""
    found = {f"w:{t}" for t in tokens}
    found.update(f"b:{a}|{b}" for a, b in pairwise(tokens))
    compact = norm.replace(" ", "")
    found.update(f"c:{compact[i:i + CHAR_N]}" for i in range(len(compact) - CHAR_N + 1))
    if tokens:
        found.add(f"s:{tokens[0]}")
    found.add(f"n:{min(len(tokens) // 8, 6)}")
    found.update(lexicon_hits(tokens))
    return found


def lexicon_hits(tokens: list[str]) -> set[str]:
    """Cue features of the lexicon terms found among the tokens (joined runs of up to three)."""
    hits: set[str] = set()
    for i in range(len(tokens)):
        joined = ""
        for token in tokens[i:i + MAX_TERM_TOKENS]:
            joined += token
            names = TERM_INDEX.get(joined)
            if names:
                hits.update(names)
    return hits

