"""Sparse features of a text for the linear models: words, word pairs, character trigrams, lexicon cues."""

from itertools import pairwise

from nlp.lexicon import (
    ACTION_CUES,
    COURTESY_CUES,
    DONE_CUES,
    GENERIC_REQUESTS,
    PROBLEM_CUES,
    QUESTION_CUES,
    SECTOR_TERMS,
    WISH_CUES,
    term_index,
)
from nlp.text import normalize, tokenize

CHAR_N = 3
#: Lexicon terms may span up to this many tokens ("ท่อ"+"ระบาย"+"น้ำ").
MAX_TERM_TOKENS = 3


#: Lexicon term (as its tokens joined) → the cue features it fires.
TERM_INDEX = term_index(
    {f"x:{sector}": terms for sector, terms in SECTOR_TERMS.items()},
    {"x:problem": PROBLEM_CUES, "x:wish": WISH_CUES, "x:action": ACTION_CUES, "x:generic": GENERIC_REQUESTS,
     "x:question": QUESTION_CUES, "x:courtesy": COURTESY_CUES, "x:done": DONE_CUES},
)


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

