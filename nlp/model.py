"""A linear classifier stored as plain arrays: fast to apply, reproducible to rebuild, no pickle."""

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.features import CUE_SPACES, Parts

MODEL_DIR = Path(__file__).resolve().parent / "models"
CLASSIFIER_FILE = MODEL_DIR / "classifier.npz"
#: Lexicon cue features keep this value whatever the length of the text; the others share unit length.
CUE_VALUE = 0.3


class FeatureIndex:
    """The vocabulary's columns by namespace, so a text's feature keys are looked up as they are."""

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.size = len(vocabulary)
        self.spaces: dict[str, dict[str, int]] = {}
        for name, column in vocabulary.items():
            space, key = name.split(":", 1)
            self.spaces.setdefault(space, {})[key] = column

    def values(self, parts: Parts) -> tuple[list[int], list[float]]:
        """Columns and values of a text's known features (training and scoring both use exactly this).

        Word and character features are L2-normalised together, so a long message does not outvote a
        short one; a lexicon cue ("ดับ", "อยากให้") keeps a fixed value, so a long report still shows it.
        """
        cues, rest = self.columns(parts)
        return [*cues, *rest], [CUE_VALUE] * len(cues) + [unit_value(len(rest))] * len(rest)

    def columns(self, parts: Parts) -> tuple[set[int], set[int]]:
        """The columns of a text's known lexicon cues, and of its other known features."""
        cues: set[int | None] = set()
        rest: set[int | None] = set()
        for space, keys in parts.items():
            found = self.spaces.get(space)
            if found:
                (cues if space in CUE_SPACES else rest).update(map(found.get, keys))
        cues.discard(None)
        rest.discard(None)
        return cues, rest  # type: ignore[return-value]


def unit_value(count: int) -> float:
    """The value of each of `count` word and character features, which together have unit length."""
    return 1 / math.sqrt(count) if count else 0.0


@dataclass(frozen=True)
class LinearHeads:
    """Several linear heads over one shared vocabulary: heads[name] = (first column, classes)."""

    index: FeatureIndex
    weights: np.ndarray  # (features, columns)
    bias: np.ndarray  # (columns,)
    heads: dict[str, tuple[int, tuple[str, ...]]]
    version: str

    def scores(self, parts: Parts) -> np.ndarray:
        """Raw scores of every column for a text's feature parts, valued as FeatureIndex.values values them."""
        cues, rest = self.index.columns(parts)
        if not cues and not rest:
            return self.bias.copy()
        values = np.full(len(cues) + len(rest), unit_value(len(rest)), dtype=np.float32)
        values[:len(cues)] = CUE_VALUE
        return values @ self.weights.take([*cues, *rest], axis=0) + self.bias

    def head(self, scores: Sequence[float], name: str) -> tuple[tuple[str, ...], Sequence[float]]:
        """The classes of one head and their scores (a binary head has one column)."""
        start, classes = self.heads[name]
        width = 1 if len(classes) == 2 else len(classes)
        return classes, scores[start:start + width]


def save(path: Path, vocabulary: list[str], weights: np.ndarray, bias: np.ndarray,
         heads: dict[str, tuple[int, tuple[str, ...]]]) -> None:
    """Write the model as an .npz of arrays only (loadable with allow_pickle=False)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = sorted(heads)
    np.savez_compressed(
        path, vocabulary=np.array(vocabulary), weights=weights.astype(np.float32), bias=bias.astype(np.float32),
        head_names=np.array(names), head_starts=np.array([heads[n][0] for n in names]),
        head_classes=np.array(["|".join(heads[n][1]) for n in names]),
    )


def load(path: Path = CLASSIFIER_FILE) -> LinearHeads:
    """Read a saved model; its version digests the arrays and the lexicon, so changing either changes it."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    vocabulary = {str(name): i for i, name in enumerate(arrays["vocabulary"])}
    heads = {str(n): (int(s), tuple(str(c).split("|")))
             for n, s, c in zip(arrays["head_names"], arrays["head_starts"], arrays["head_classes"], strict=True)}
    return LinearHeads(FeatureIndex(vocabulary), arrays["weights"], arrays["bias"], heads, _version(arrays))


def _version(arrays: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256(repr(lexicon_snapshot()).encode())
    for name in sorted(arrays):
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(arrays[name]).tobytes())
    return digest.hexdigest()[:10]


def lexicon_snapshot() -> tuple:
    """Everything in the lexicon, in a stable order (part of the model version)."""
    from nlp import lexicon

    return tuple((name, repr(getattr(lexicon, name))) for name in sorted(dir(lexicon)) if name.isupper())
