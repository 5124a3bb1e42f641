"""Sparse features of a text for the linear models: words, word pairs, character trigrams, lexicon cues.

Features come as keys grouped by namespace, so the model looks each key up in its namespace's table
without building a name for it; a feature's full name ("w:ถนน", "x:road") is `namespace:key`.
"""

from itertools import pairwise

from nlp.labels import SECTORS
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
#: The namespace of the character trigrams.
CHAR_SPACE = "c"
#: Lexicon terms may span up to this many tokens ("ท่อ"+"ระบาย"+"น้ำ").
MAX_TERM_TOKENS = 3
#: The namespace of the lexicon cues, whose value does not shrink with the length of the text.
CUE_SPACE = "x"
#: The sector of the first sector term in the text: what a need is about is usually named first
#: ("ถนน ค.ส.ล. พร้อมท่อระบายน้ำ" is a road). A cue too, but only the sector head uses it.
FIRST_SECTOR_SPACE = "f"
CUE_SPACES = (CUE_SPACE, FIRST_SECTOR_SPACE)
SECTOR_SET = frozenset(SECTORS)

#: Lexicon term (as its tokens joined) → the kind cues and the sectors it fires.
TERM_INDEX = {
    term: (tuple(c for c in cues if c not in SECTOR_SET), tuple(c for c in cues if c in SECTOR_SET))
    for term, cues in term_index(
        SECTOR_TERMS,
        {"problem": PROBLEM_CUES, "wish": WISH_CUES, "action": ACTION_CUES, "generic": GENERIC_REQUESTS,
         "question": QUESTION_CUES, "courtesy": COURTESY_CUES, "done": DONE_CUES},
    ).items()
}

Parts = dict[str, list[str]]


def parts_of(norm: str, tokens: list[str]) -> Parts:
    """Feature keys by namespace: w word, b word pair, c character trigram, s first word, n length, x cue,
    f first sector."""
    compact = norm.replace(" ", "")
    cues, first_sector = lexicon_hits(tokens)
    return {
        "w": tokens,
        "b": [f"{a}|{b}" for a, b in pairwise(tokens)],
        CHAR_SPACE: [compact[i:i + CHAR_N] for i in range(len(compact) - CHAR_N + 1)],
        "s": tokens[:1],
        "n": [str(min(len(tokens) // 8, 6))],
        CUE_SPACE: cues,
        FIRST_SECTOR_SPACE: first_sector,
    }


def names_of(parts: Parts) -> set[str]:
    """The full feature names of a text's parts (the vocabulary is made of these)."""
    return {f"{space}:{key}" for space, keys in parts.items() for key in keys}


def text_parts(text: str) -> Parts:
    """Feature keys of a raw text by namespace (what training reads; analysis reuses its own tokens)."""
    norm = normalize(text)
    return parts_of(norm, tokenize(norm))


def features(text: str) -> set[str]:
    """The feature names present in a raw text."""
    return names_of(text_parts(text))


def lexicon_hits(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Cues of the lexicon terms found among the tokens (joined runs of up to three), each once, and the
    sector of the first sector term. A sector term inside a longer one does not count: "ฝาท่อระบายน้ำ" is
    a drain cover (road), not a drain."""
    hits: dict[str, None] = {}
    first: list[str] = []
    covered = 0
    for i in range(len(tokens)):
        joined = ""
        sectors: tuple[str, ...] = ()
        width = 0
        for j, token in enumerate(tokens[i:i + MAX_TERM_TOKENS], 1):
            joined += token
            found = TERM_INDEX.get(joined)
            if found:
                hits.update(dict.fromkeys(found[0]))
                if found[1]:
                    sectors, width = found[1], j
        if sectors and i + width > covered:
            hits.update(dict.fromkeys(sectors))
            first = first or [sectors[0]]
            covered = i + width
    return list(hits), first
