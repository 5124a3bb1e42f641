"""A linear classifier stored as plain arrays: fast to apply, reproducible to rebuild, no pickle."""

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent / "models"
CLASSIFIER_FILE = MODEL_DIR / "classifier.npz"


@dataclass(frozen=True)
class LinearHeads:
    """Several linear heads over one shared vocabulary: heads[name] = (first column, classes)."""

    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, columns)
    bias: np.ndarray  # (columns,)
    heads: dict[str, tuple[int, tuple[str, ...]]]
    version: str

    def scores(self, names: set[str]) -> np.ndarray:
        """Raw scores of every column for a set of feature names (L2-normalised binary vector)."""
        rows = [i for i in map(self.vocabulary.get, names) if i is not None]
        if not rows:
            return self.bias.copy()
        return np.add.reduce(self.weights[rows]) * (1 / math.sqrt(len(names))) + self.bias

    def head(self, scores: np.ndarray, name: str) -> tuple[tuple[str, ...], np.ndarray]:
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
    return LinearHeads(vocabulary, arrays["weights"], arrays["bias"], heads, _version(arrays))


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
