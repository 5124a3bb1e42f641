"""Near-duplicate needs within one area, so a bot can say "3 people in your village reported something similar".

A text becomes a sparse vector of word, word-bigram and character-3-gram features (the character grams make it
robust to typos and segmentation differences), weighted by a smoothed IDF the index keeps up to date, and
L2-normalized; the score is the cosine. An inverted index finds candidates sharing a not-too-common feature,
numpy ranks them roughly, and the best few hundred are scored exactly.
"""

import itertools
import math
import unicodedata
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from nlp.text import normalize, tokenize

#: Calibrated on the tables in tests/nlp/test_similar.py: paraphrases of one need scored at least 0.59 (0.65 by
#: similarity()), other needs at the same place at most 0.47 (0.54 by similarity()); 0.56 sits between both.
DEFAULT_THRESHOLD = 0.56
#: Words that say how, not what: politeness particles, requests, intensifiers.
_FILLER_WORDS = (
    "ครับ ครับผม คับ ค่ะ คะ ค่า จ้า จ้ะ จ๊ะ ฮะ นะ น่ะ นะคะ นะครับ อ่ะ อะ เด้อ เจ้า หน่อย ด้วย ที ช่วย ช่วยด้วย "
    "กรุณา ได้โปรด ขอ ขอให้ ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ เลย มาก จริงๆ จริง ๆ แล้ว"
)
FILLERS = frozenset(_FILLER_WORDS.split())
#: Function words that link the words of a need: kept, but weighing little.
_LIGHT_WORDS = "ใน ที่ มี ไม่มี เป็น ของ และ กับ จาก ให้ ได้ อยาก อยากได้ อยากให้ มา ไป ทุก คน"
LIGHT = frozenset(_LIGHT_WORDS.split())
LIGHT_WEIGHT = 0.3
#: Relative weight of each kind of feature (word, word bigram, character 3-gram).
GROUP_WEIGHTS = {"w": 1.0, "b": 0.3, "c": 0.8}
#: Candidates are gathered only through features in at most this share of the index (or MIN_CAP texts).
CAP_SHARE, MIN_CAP = 0.05, 50
#: How many roughly ranked candidates are scored exactly.
RESCORED = 300
#: At most this many postings are read per query, rarest features first.
POSTING_BUDGET = 150_000


@dataclass(frozen=True, slots=True)
class SimilarText:
    """A text found similar: the key it was added under and its score in [0, 1] (1 = the same text)."""

    key: Hashable
    score: float


def _features(text: str) -> dict[str, float]:
    """Weighted features of a text before IDF: its words, word bigrams and character 3-grams."""
    try:
        words = [w for w in tokenize(normalize(text)) if w not in FILLERS]
    except Exception:  # a similarity check must never break the conversation it serves
        return {}
    counts: dict[str, int] = {}
    grams = _char_grams("".join(words))
    for feature in (*("w" + w for w in words), *("b" + a + " " + b for a, b in itertools.pairwise(words)), *grams):
        counts[feature] = counts.get(feature, 0) + 1
    return {f: _prior(f) * (1.0 + math.log(n)) for f, n in counts.items()}


def _prior(feature: str) -> float:
    """Weight of a feature before counting: by its kind, less for function words."""
    weight = GROUP_WEIGHTS[feature[0]]
    if feature[0] != "c" and any(w in LIGHT for w in feature[1:].split(" ")):
        weight *= LIGHT_WEIGHT
    return weight


def _char_grams(joined: str) -> list[str]:
    """Character 3-grams of the letters, marks and digits (a shorter text is its own single gram)."""
    letters = "".join(c for c in joined if unicodedata.category(c)[0] in "LMN")
    if len(letters) < 3:
        return ["c" + letters] if letters else []
    return ["c" + letters[i : i + 3] for i in range(len(letters) - 2)]


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    """Smoothed inverse document frequency: rare features say more about what a need is."""
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def similarity(a: str, b: str) -> float:
    """Cosine of two texts with every feature equally rare (no index to learn frequencies from)."""
    fa, fb = _features(a), _features(b)
    dot = sum(w * fb[f] for f, w in fa.items() if f in fb)
    norms = math.sqrt(sum(w * w for w in fa.values()) * sum(w * w for w in fb.values()))
    return round(min(1.0, max(0.0, dot / norms)), 6) if dot > 0 else 0.0


class DuplicateIndex:
    """An in-memory index of texts that can be queried for near-duplicates; stays fast with 100,000 texts."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._vocab: dict[str, int] = {}
        self._df = np.zeros(1024, dtype=np.int64)  # live texts per feature id
        self._postings: list[np.ndarray] = []  # slots per feature id, append-only: removed slots are filtered
        self._posted: list[int] = []  # used length of each posting array
        self._slot: dict[Hashable, int] = {}
        self._keys: list[Hashable] = []
        self._bounds = _Column(np.int64, [0])  # the features of slot s are entries bounds[s]:bounds[s + 1]
        self._feat = _Column(np.int32)  # feature id per entry
        self._weight = _Column(np.float32)  # weight before IDF per entry
        self._inv_norm = _Column(np.float64)  # per slot; 0 for removed or meaningless texts
        self._normed_at = 0  # size of the index when the norms were last computed

    def __len__(self) -> int:
        """How many keys are indexed (meaningless texts included: they are kept but never match)."""
        return len(self._slot)

    def __contains__(self, key: object) -> bool:
        """Whether a key is indexed; an unhashable key never is."""
        try:
            return key in self._slot
        except TypeError:
            return False

    def __iter__(self) -> Iterator[Hashable]:
        """The keys indexed, in the order they were added."""
        return iter(list(self._slot))

    def add(self, key: Hashable, text: str) -> None:
        """Index a text under a key; adding an existing key replaces its text."""
        self.remove(key)
        ids, weights = self._vector(_features(text), grow=True)
        slot = len(self._keys)
        self._slot[key] = slot
        self._keys.append(key)
        self._feat.extend(ids)
        self._weight.extend(weights)
        self._bounds.extend([self._feat.size])
        self._df[ids] += 1
        for feature in ids.tolist():
            self._post(feature, slot)
        self._inv_norm.extend([self._norm_inverse(ids, weights)])
        if len(self) > 2 * self._normed_at + 100:
            self._refresh_norms()

    def remove(self, key: Hashable) -> None:
        """Forget a key's text; an unknown key is ignored."""
        slot = self._slot.pop(key, None) if key in self else None
        if slot is None:
            return
        bounds = self._bounds.data
        self._df[self._feat.data[bounds[slot] : bounds[slot + 1]]] -= 1
        self._inv_norm.data[slot] = 0.0
        self._keys[slot] = None
        if len(self._keys) - len(self) > max(1000, len(self)):
            self._compact()

    def query(
        self, text: str, *, top: int = 3, threshold: float | None = None, exclude: Hashable | None = None
    ) -> list[SimilarText]:
        """Texts most like this one, best first, scoring at least the threshold."""
        ids, weights = self._vector(_features(text), grow=False)
        if not len(ids) or top <= 0 or not len(self):
            return []
        q = weights * _idf(np.where(ids >= 0, self._df[ids], 0), len(self))
        q /= np.linalg.norm(q)
        excluded = self._slot.get(exclude) if exclude is not None and exclude in self else None
        slots = self._candidates(ids, weights, q, excluded)
        scores = self._exact_scores(slots, ids, q)
        limit = self.threshold if threshold is None else threshold
        order = np.argsort(-scores, kind="stable")[:top]
        best = zip(slots[order].tolist(), scores[order].tolist(), strict=True)
        return [SimilarText(self._keys[slot], score) for slot, score in best if score >= limit]

    def _vector(self, weighted: dict[str, float], *, grow: bool) -> tuple[np.ndarray, np.ndarray]:
        """Feature ids (sorted) and weights; unknown features get ids when growing, else id -1 (never indexed)."""
        pairs = sorted((self._feature_id(f, grow), w) for f, w in weighted.items())
        ids = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        return ids, np.fromiter((w for _, w in pairs), dtype=np.float64, count=len(pairs))

    def _feature_id(self, feature: str, grow: bool) -> int:
        """The id of a feature, allocating one when growing."""
        found = self._vocab.get(feature)
        if found is not None or not grow:
            return -1 if found is None else found
        new = self._vocab[feature] = len(self._vocab)
        self._df = _fit(self._df, new + 1)
        self._postings.append(np.zeros(2, dtype=np.int32))
        self._posted.append(0)
        return new

    def _post(self, feature: int, slot: int) -> None:
        """Append a slot to a feature's posting array, doubling it when full."""
        used, array = self._posted[feature], self._postings[feature]
        if used == len(array):
            array = self._postings[feature] = _fit(array, used + 1)
        array[used] = slot
        self._posted[feature] = used + 1

    def _norm_inverse(self, ids: np.ndarray, weights: np.ndarray) -> float:
        """1 / the length of a stored text's vector under the current IDF (0 for a meaningless text)."""
        norm = float(np.linalg.norm(weights * _idf(self._df[ids], len(self)))) if len(ids) else 0.0
        return 1.0 / norm if norm > 0 else 0.0

    def _refresh_norms(self) -> None:
        """Recompute the rough-ranking norms once the index has grown enough for IDF to drift."""
        n, bounds = len(self._keys), self._bounds.data[: len(self._keys) + 1]
        feat = self._feat.data[: bounds[-1]]
        weights = self._weight.data[: bounds[-1]] * _idf(self._df[feat], len(self))
        squares = np.bincount(np.repeat(np.arange(n), np.diff(bounds)), weights * weights, n)
        live = self._inv_norm.data[:n] > 0
        self._inv_norm.data[:n][live] = 1.0 / np.sqrt(squares[live])
        self._normed_at = len(self)

    def _candidates(self, ids: np.ndarray, weights: np.ndarray, q: np.ndarray, excluded: int | None) -> np.ndarray:
        """Slots sharing uncommon features with the query, roughly ranked, at most RESCORED of them."""
        known = ids >= 0
        kid, df = ids[known], self._df[ids[known]]
        cap = max(MIN_CAP, CAP_SHARE * len(self))
        order = np.argsort(df, kind="stable").tolist()
        chosen = [j for j in order if 0 < df[j] <= cap] or [j for j in order if df[j] > 0][:1]
        lists, total = [], 0
        for j in chosen:
            lists.append(self._postings[kid[j]][: self._posted[kid[j]]])
            total += len(lists[-1])
            if total > POSTING_BUDGET:
                break
        if not lists:
            return np.zeros(0, dtype=np.int64)
        used = chosen[: len(lists)]  # a candidate's rough score: its shared features, weighted as in the query
        gain = q[known][used] * weights[known][used] * _idf(df[used], len(self))
        rough = np.bincount(np.concatenate(lists), np.repeat(gain, [len(p) for p in lists]), len(self._keys))
        return _best(rough * self._inv_norm.data[: len(self._keys)], excluded)

    def _exact_scores(self, slots: np.ndarray, ids: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Cosine of the query with each candidate under the current IDF."""
        starts = self._bounds.data[slots]
        lengths = self._bounds.data[slots + 1] - starts
        entries = _ranges(starts, lengths)
        feat = self._feat.data[entries]
        weights = self._weight.data[entries] * _idf(self._df[feat], len(self))
        at = np.minimum(np.searchsorted(ids, feat), len(ids) - 1)
        shared = np.where(ids[at] == feat, q[at], 0.0)
        owner = np.repeat(np.arange(len(slots)), lengths)
        dots = np.bincount(owner, weights * shared, len(slots))
        cosines = dots / np.sqrt(np.bincount(owner, weights * weights, len(slots)))
        return np.clip(np.round(cosines, 6), 0.0, 1.0)  # rounded so that the same text scores exactly 1

    def _compact(self) -> None:
        """Drop removed texts from every array once they outnumber the live ones."""
        live = np.array(sorted(self._slot.values()), dtype=np.int64)
        starts = self._bounds.data[live]
        lengths = self._bounds.data[live + 1] - starts
        entries = _ranges(starts, lengths)
        self._keys = [self._keys[s] for s in live.tolist()]
        self._slot = {key: slot for slot, key in enumerate(self._keys)}
        self._feat = _Column(np.int32, self._feat.data[entries])
        self._weight = _Column(np.float32, self._weight.data[entries])
        self._bounds = _Column(np.int64, np.concatenate(([0], np.cumsum(lengths))))
        self._inv_norm = _Column(np.float64, self._inv_norm.data[live])
        feat = self._feat.data
        by_feature = np.repeat(np.arange(len(live), dtype=np.int32), lengths)[np.argsort(feat, kind="stable")]
        self._posted = np.bincount(feat, minlength=len(self._vocab)).tolist()
        self._postings = np.split(by_feature, np.cumsum(self._posted)[:-1])


class _Column:
    """A numpy array that grows by doubling, so that appending costs amortized constant time."""

    __slots__ = ("data", "size")

    def __init__(self, dtype: type, values: Iterable[float] | np.ndarray = ()) -> None:
        self.data = np.array(values, dtype=dtype)
        self.size = len(self.data)

    def extend(self, values: Iterable[float] | np.ndarray) -> None:
        """Append values at the end."""
        values = np.asarray(values, dtype=self.data.dtype)
        end = self.size + len(values)
        self.data = _fit(self.data, end)
        self.data[self.size : end] = values
        self.size = end


def _fit(array: np.ndarray, size: int) -> np.ndarray:
    """The array, doubled in length with zeros if it is shorter than size."""
    if len(array) >= size:
        return array
    grown = np.zeros(max(size, 2 * len(array)), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """All positions start..start+length-1 of each range, concatenated."""
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))


def _best(rough: np.ndarray, excluded: int | None) -> np.ndarray:
    """Slots of the RESCORED highest positive rough scores."""
    if excluded is not None:
        rough[excluded] = 0.0
    positive = np.flatnonzero(rough > 0)
    if len(positive) > RESCORED:
        positive = positive[np.argpartition(-rough[positive], RESCORED)[:RESCORED]]
    return positive
