"""Linking a need to the development strategies it serves, for any province's list of strategies.

Nothing here knows any province. A strategy is read the way a planner reads it: which sectors its
title and description speak of (the lexicon), and which heading is the catch-all for people,
community and quality of life. A need's sector probabilities are then spread over the strategies
that claim each sector, and shared words add a smaller lexical score that also explains the match.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from nlp.analyze import Analysis, analyze
from nlp.labels import SECTORS
from nlp.lexicon import COMMUNITY_TERMS, SECTOR_TERMS, STRATEGY_TERMS, TRUNK_TRANSPORT_TERMS, term_index
from nlp.text import normalize, tokenize

#: How much of a score comes from what the strategies are about, and how much from shared words.
SEMANTIC_WEIGHT = 0.8
LEXICAL_WEIGHT = 0.2
TITLE_WEIGHT = 2.0
MAX_TERM_TOKENS = 4
COMMUNITY = "_community"
TRUNK = "_trunk"
#: How a need's words are read (community words first, so "เศรษฐกิจพอเพียง" is not read as economy).
NEED_INDEX = term_index({COMMUNITY: COMMUNITY_TERMS}, SECTOR_TERMS, {TRUNK: TRUNK_TRANSPORT_TERMS})
#: How a strategy's words are read: the same, plus the words plans use for a sector.
STRATEGY_INDEX = term_index({COMMUNITY: COMMUNITY_TERMS}, SECTOR_TERMS, STRATEGY_TERMS)
#: Words too common in plans and needs to explain anything.
STOPWORDS = frozenset((
    "การ", "และ", "ของ", "ให้", "ที่", "มี", "ใน", "เพื่อ", "ด้าน", "ได้", "เป็น", "ไม่", "จาก", "กับ", "ความ", "อย่าง",
    "ทั้ง", "หรือ", "แต่", "โดย", "ซึ่ง", "นี้", "นั้น", "ไป", "มา", "จะ", "ก็", "ว่า", "ยัง", "แล้ว", "ด้วย", "ครับ", "ค่ะ",
    "คะ", "นะ", "จ้า", "ขอ", "ช่วย", "ประเด็น", "ยุทธศาสตร์", "พัฒนา", "ส่งเสริม",
))


@dataclass(frozen=True, slots=True)
class StrategyMatch:
    code: str
    score: float
    matched_terms: tuple[str, ...]


@dataclass(frozen=True)
class _Profile:
    codes: tuple[str, ...]
    #: share[i][sector]: how much of that sector strategy i owns (columns sum to 1 over strategies).
    shares: tuple[dict[str, float], ...]
    tokens: tuple[frozenset[str], ...]
    idf: Mapping[str, float]
    #: The sectors some strategy speaks of (the others go to the community heading).
    claimed: frozenset[str]


def link_strategies(text: str, strategies: Iterable[object], top: int = 3, *,
                    analysis: Analysis | None = None) -> list[StrategyMatch]:
    """The `top` strategies best served by the need in `text`, best first, scores in [0, 1].

    Pass the text's `analysis` when it is already at hand, so the classifier does not run twice.
    """
    items = tuple(_fields(s) for s in strategies)
    if not items or top <= 0:
        return []
    profile = _profile(items)
    norm = normalize(text if isinstance(text, str) else str(text))
    tokens = tokenize(norm)
    if not tokens:
        return []
    probabilities = dict(zip(SECTORS, (analysis or analyze(norm)).sector_probabilities, strict=True))
    words = {t for t in tokens if _content(t)}
    found = _terms_by_sector(tokens, NEED_INDEX)
    if TRUNK in found:
        probabilities = _trunk_transport(probabilities, profile.claimed)
    matches = [_score(i, profile, probabilities, words, found) for i in range(len(items))]
    return sorted(matches, key=lambda m: -m.score)[:top]


def _score(i: int, profile: _Profile, probabilities: dict[str, float], words: set[str],
           found: dict[str, list[str]]) -> StrategyMatch:
    semantic = sum(p * profile.shares[i].get(sector, 0.0) for sector, p in probabilities.items())
    shared = words & profile.tokens[i]
    total = sum(profile.idf.get(w, 0.0) for w in words) or 1.0
    lexical = sum(profile.idf.get(w, 0.0) for w in shared) / total
    score = min(1.0, SEMANTIC_WEIGHT * semantic + LEXICAL_WEIGHT * lexical)
    explained = sorted(shared, key=lambda w: -profile.idf.get(w, 0.0))
    for sector, terms in found.items():
        if profile.shares[i].get(sector, 0.0) >= 0.5:
            explained += [t for t in terms if t not in explained]
    return StrategyMatch(profile.codes[i], round(score, 4), tuple(explained[:6]))


def _trunk_transport(probabilities: dict[str, float], claimed: frozenset[str]) -> dict[str, float]:
    """A highway, airport or pier serves trade and tourism: the economy heading takes it if no heading is for roads."""
    if "road" in claimed or "economy" not in claimed:
        return probabilities
    return {**probabilities, "road": 0.0, "economy": probabilities["economy"] + probabilities["road"]}


def _fields(strategy: object) -> tuple[str, str, str]:
    """(code, title, description) of a dict or an object with those attributes."""
    get = strategy.get if isinstance(strategy, Mapping) else lambda k, d="": getattr(strategy, k, d)
    return str(get("code", "") or ""), str(get("title", "") or ""), str(get("description", "") or "")


@lru_cache(maxsize=256)
def _profile(items: tuple[tuple[str, str, str], ...]) -> _Profile:
    """What each strategy is about; cached, since a province's list rarely changes."""
    title_tokens = [tokenize(normalize(title)) for _, title, _ in items]
    body_tokens = [tokenize(normalize(description)) for _, _, description in items]
    weights = [_sector_weights(t, b) for t, b in zip(title_tokens, body_tokens, strict=True)]
    community = [_community(t) * TITLE_WEIGHT + _community(b)
                 for t, b in zip(title_tokens, body_tokens, strict=True)]
    shares = _shares(weights, community)
    tokens = tuple(frozenset(w for w in t + b if _content(w)) for t, b in zip(title_tokens, body_tokens, strict=True))
    claimed = frozenset(sector for w in weights for sector, weight in w.items() if weight > 0)
    return _Profile(tuple(code for code, _, _ in items), shares, tokens, _idf(tokens), claimed)


def _sector_weights(title: list[str], body: list[str]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for tokens, factor in ((title, TITLE_WEIGHT), (body, 1.0)):
        for sector, terms in _terms_by_sector(tokens, STRATEGY_INDEX).items():
            if sector != COMMUNITY:
                weights[sector] = weights.get(sector, 0.0) + factor * len(terms)
    return weights


def _shares(weights: list[dict[str, float]], community: list[float]) -> tuple[dict[str, float], ...]:
    """Give each sector to the strategies that speak of it; unclaimed sectors go to the community heading."""
    n = len(weights)
    fallback = [c / sum(community) for c in community] if sum(community) else [1 / n] * n
    shares: list[dict[str, float]] = [{} for _ in range(n)]
    for sector in SECTORS:
        claims = [1 - math.exp(-w.get(sector, 0.0)) for w in weights]
        total = sum(claims)
        for i in range(n):
            shares[i][sector] = claims[i] / total if total else fallback[i]
    return tuple(shares)


def _idf(tokens: tuple[frozenset[str], ...]) -> dict[str, float]:
    n = len(tokens)
    counts: dict[str, int] = {}
    for words in tokens:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return {w: math.log((n + 1) / c) for w, c in counts.items() if c < n or n == 1}


def _terms_by_sector(tokens: list[str], index: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Sector → lexicon terms found, longest match first, so a phrase is not also read as its parts."""
    found: dict[str, list[str]] = {}
    i = 0
    while i < len(tokens):
        step, hit = 1, None
        for k in range(min(MAX_TERM_TOKENS, len(tokens) - i), 0, -1):
            joined = "".join(tokens[i:i + k])
            if joined in index:
                step, hit = k, joined
                break
        for sector in index.get(hit, ()) if hit else ():
            found.setdefault(sector, []).append(hit)
        i += step
    return found


def _community(tokens: list[str]) -> int:
    """How many community / quality-of-life words a strategy text uses."""
    return len(_terms_by_sector(tokens, NEED_INDEX).get(COMMUNITY, []))


def _content(token: str) -> bool:
    return len(token) >= 2 and token not in STOPWORDS and not token.isdigit()
