"""Rebuild the shipped classifier from nlp/data/train/*.csv, reproducibly (needs the `train` extra)."""

import csv
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from nlp.augment import wrapped
from nlp.features import CHAR_SPACE, FIRST_SECTOR_SPACE, Parts, names_of, text_parts
from nlp.labels import KINDS, SECTORS
from nlp.model import CLASSIFIER_FILE, FeatureIndex, save

DATA_DIR = Path(__file__).resolve().parent / "data" / "train"
MIN_DOCUMENT_FREQUENCY = 2
#: Inverse regularisation of each head, chosen by cross-validation on the training data only.
C_BINARY = 16.0
C_MULTI = 16.0
#: The solver stops this close to the optimum: at sklearn's default (1e-4) where it stops depends on the
#: CPU's float rounding, and the same data gave weights 0.7 apart on two machines.
TOLERANCE = 1e-6
#: Feature namespaces a head is fitted without (its weights there are 0). The first-named sector is for
#: the sector head only. The four-way kind head reads words and cues without character trigrams, so it
#: and the problem and wish heads it is averaged with see a text two ways: their mean is more often
#: right than that of two heads with the same view.
HIDDEN: dict[str, tuple[str, ...]] = {
    "problem": (FIRST_SECTOR_SPACE,), "wish": (FIRST_SECTOR_SPACE,), "kind": (FIRST_SECTOR_SPACE, CHAR_SPACE),
    "sector": (),
}


def read_examples(folder: Path = DATA_DIR) -> list[dict[str, str]]:
    """Every labelled row of the training files, in a stable order."""
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    bad = [r["text"] for r in rows if r["kind"] not in KINDS or r["sector"] not in SECTORS]
    if bad:
        raise ValueError(f"unknown labels in training data: {bad[:3]}")
    return rows


def vectorize(docs: list[Parts], index: FeatureIndex):
    """The sparse matrix whose rows LinearHeads.scores reproduces at run time (see FeatureIndex.values)."""
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for parts in docs:
        pairs = sorted(zip(*index.values(parts), strict=True))
        indices.extend(column for column, _ in pairs)
        values.extend(value for _, value in pairs)
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(docs), index.size), dtype=np.float64)


def fit_head(x, labels: list[str], classes: tuple[str, ...], c: float,
             balanced: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features × columns) and bias of one logistic-regression head."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, tol=TOLERANCE, class_weight="balanced" if balanced else None,
                               random_state=0)
    model.fit(x, [classes.index(label) for label in labels])
    return model.coef_.T, model.intercept_


def train(rows: list[dict[str, str]], path: Path = CLASSIFIER_FILE,
          log: Callable[[str], object] = lambda m: print(m, file=sys.stderr)) -> None:
    """Fit the problem, wish, kind and sector heads on `rows` and their wrapped copies; save them to `path`."""
    originals = len(rows)
    rows = wrapped(rows)
    docs = [text_parts(r["text"]) for r in rows]
    # The vocabulary comes from the examples alone: what only the wrapping adds (place names) is noise.
    frequency = Counter(name for parts in docs[:originals] for name in names_of(parts))
    vocabulary = sorted(n for n, f in frequency.items() if f >= MIN_DOCUMENT_FREQUENCY)
    x = vectorize(docs, FeatureIndex({name: i for i, name in enumerate(vocabulary)}))
    log(f"{len(rows)} examples with wrapped copies, {len(vocabulary)} features")
    parts, heads, start = [], {}, 0
    for name, labels, classes, balanced in _heads(rows):
        head_x = _without(x, vocabulary, HIDDEN[name])
        w, b = fit_head(head_x, labels, classes, C_BINARY if len(classes) == 2 else C_MULTI, balanced)
        parts.append((w, b))
        heads[name] = (start, classes)
        start += w.shape[1]
        log(f"head {name}: {len(labels)} examples, classes {classes}")
    save(path, vocabulary, np.hstack([w for w, _ in parts]), np.concatenate([b for _, b in parts]), heads)
    log(f"saved {path}")


def _heads(rows: list[dict[str, str]]) -> Iterable[tuple[str, list[str], tuple[str, ...], bool]]:
    """(name, labels, classes, balanced) of each head.

    The kind heads keep the training data's own class balance, where problems are the most common
    kind, as in real reports; sector classes are balanced, so a rare sector is not drowned out.
    """
    yield "problem", [_yes(r["kind"] in ("problem", "both")) for r in rows], ("no", "yes"), False
    yield "wish", [_yes(r["kind"] in ("wish", "both")) for r in rows], ("no", "yes"), False
    yield "kind", [r["kind"] for r in rows], KINDS, False
    yield "sector", [r["sector"] for r in rows], SECTORS, True


def _without(x, vocabulary: list[str], spaces: tuple[str, ...]):
    """The matrix with the columns of some namespaces zeroed: a head fitted on it gives them weight 0."""
    from scipy.sparse import diags

    if not spaces:
        return x
    return x @ diags([0.0 if name.split(":", 1)[0] in spaces else 1.0 for name in vocabulary])


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def main() -> None:
    train(read_examples())
