"""What a need is: problem or wish, which sector. Text in, a frozen Analysis out."""

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from nlp import model
from nlp.features import parts_of
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
    if not tokens:
        return _empty(heads.version)
    scores = heads.scores(parts_of(norm, tokens)).tolist()
    kinds = _kind_probabilities(heads, scores)
    best_kind = kinds.index(max(kinds))
    kind = KINDS[best_kind]
    sectors = _softmax(heads.head(scores, "sector")[1])
    best = sectors.index(max(sectors))
    return Analysis(kind, round(kinds[best_kind], 4), kind in ("problem", "both"), kind in ("wish", "both"),
                    round(kinds[0] + kinds[2], 4), round(kinds[1] + kinds[2], 4), SECTORS[best],
                    round(sectors[best], 4), tuple(map(round, sectors, repeat(4, len(sectors)))), heads.version)


def _kind_probabilities(heads: model.LinearHeads, scores: list[float]) -> list[float]:
    """P(problem, wish, both, other): the mean of the four-way head and of the two signal heads combined."""
    problem = _sigmoid(heads.head(scores, "problem")[1][0])
    wish = _sigmoid(heads.head(scores, "wish")[1][0])
    signals = (problem * (1 - wish), (1 - problem) * wish, problem * wish, (1 - problem) * (1 - wish))
    four_way = _softmax(heads.head(scores, "kind")[1])
    return [(a + b) / 2 for a, b in zip(signals, four_way, strict=True)]


def _empty(version: str) -> Analysis:
    """No words at all (empty, emoji, punctuation): nothing to understand."""
    uniform = 1 / len(SECTORS)
    return Analysis("other", 1.0, False, False, 0.0, 0.0, "other", uniform, (uniform,) * len(SECTORS), version)


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _softmax(xs: list[float]) -> list[float]:
    top = max(xs)
    exps = [math.exp(x - top) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]
