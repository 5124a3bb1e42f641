"""What a need is: problem or wish, which sector. Text in, a frozen Analysis out."""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from nlp import model
from nlp.features import features_of
from nlp.labels import KINDS, SECTORS
from nlp.text import normalize, tokenize


@dataclass(frozen=True, slots=True)
class Analysis:
    kind: str
    kind_confidence: float
    has_problem: bool
    has_wish: bool
    #: P(problem) + P(both), and P(wish) + P(both): how sure the model is of each signal.
    problem_probability: float
    wish_probability: float
    sector: str
    sector_confidence: float
    #: Probability of every sector, in nlp.SECTORS order (used by strategy linking).
    sector_probabilities: tuple[float, ...]
    model_version: str


@lru_cache(maxsize=1)
def classifier() -> model.LinearHeads:
    """The shipped classifier, loaded once per process."""
    return model.load()


def model_version() -> str:
    return classifier().version


def analyze(text: str) -> Analysis:
    """Classify one text; never raises, whatever the string."""
    norm = normalize(text if isinstance(text, str) else str(text))
    tokens = tokenize(norm)
    heads = classifier()
    scores = heads.scores(features_of(norm, tokens)) if tokens else None
    if scores is None:
        return _empty(heads.version)
    kinds = _kind_probabilities(heads, scores)
    kind = KINDS[int(np.argmax(kinds))]
    problem, wish = float(kinds[0] + kinds[2]), float(kinds[1] + kinds[2])
    sectors = _softmax(heads.head(scores, "sector")[1])
    best = int(np.argmax(sectors))
    return Analysis(kind, round(float(kinds.max()), 4), kind in ("problem", "both"), kind in ("wish", "both"),
                    round(problem, 4), round(wish, 4), SECTORS[best], round(float(sectors[best]), 4),
                    tuple(round(float(p), 4) for p in sectors), heads.version)


def _kind_probabilities(heads: model.LinearHeads, scores: np.ndarray) -> np.ndarray:
    """P(problem, wish, both, other): the mean of the four-way head and of the two signal heads combined."""
    problem = _sigmoid(heads.head(scores, "problem")[1][0])
    wish = _sigmoid(heads.head(scores, "wish")[1][0])
    signals = np.array([problem * (1 - wish), (1 - problem) * wish, problem * wish, (1 - problem) * (1 - wish)])
    return (signals + _softmax(heads.head(scores, "kind")[1])) / 2


def _empty(version: str) -> Analysis:
    """No words at all (empty, emoji, punctuation): nothing to understand."""
    uniform = 1 / len(SECTORS)
    return Analysis("other", 1.0, False, False, 0.0, 0.0, "other", uniform, (uniform,) * len(SECTORS), version)


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-float(x)))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()
