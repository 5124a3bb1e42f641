"""A linear classifier stored as plain arrays: fast to apply, reproducible to rebuild, no pickle."""

import hashlib
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
        rows = [self.vocabulary[n] for n in names if n in self.vocabulary]
        if not rows:
            return self.bias.copy()
        return self.weights[rows].sum(axis=0) / np.sqrt(len(names)) + self.bias

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
    """Read a saved model; its version is a digest of the file, so any retraining changes it."""
    raw = path.read_bytes()
    with np.load(path, allow_pickle=False) as data:
        vocabulary = {str(name): i for i, name in enumerate(data["vocabulary"])}
        heads = {str(n): (int(s), tuple(str(c).split("|")))
                 for n, s, c in zip(data["head_names"], data["head_starts"], data["head_classes"], strict=True)}
        return LinearHeads(vocabulary, data["weights"], data["bias"], heads, hashlib.sha256(raw).hexdigest()[:10])
