"""Metrics of the models on a labelled CSV: kind, sector, national pillar and strategy linking."""

import csv
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from nlp.analyze import analyze
from nlp.labels import KINDS, SECTORS
from nlp.pillars import NATIONAL_PILLARS
from nlp.strategies import link_strategies


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def classification(gold: list[str], predicted: list[str], labels: Iterable[str]) -> dict:
    """Accuracy, macro-F1 over the labels that occur, per-class precision/recall/F1 and the confusion."""
    present = [label for label in labels if label in gold or label in predicted]
    per_class, f1s = {}, []
    for label in present:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        precision = tp / max(1, predicted.count(label))
        recall = tp / max(1, gold.count(label))
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "support": gold.count(label)}
        if label in gold:
            f1s.append(f1)
    confusion = {g: {p: sum(a == g and b == p for a, b in zip(gold, predicted, strict=True)) for p in present}
                 for g in present}
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(1, len(gold))
    return {"n": len(gold), "accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s) / max(1, len(f1s)), 4),
            "per_class": per_class, "confusion": confusion}


def ranking(gold: list[str], ranked: list[list[str]]) -> dict:
    """Share of rows whose gold code is first, and within the first three."""
    n = max(1, len(gold))
    return {"n": len(gold), "top1": round(sum(r[:1] == [g] for g, r in zip(gold, ranked, strict=True)) / n, 4),
            "top3": round(sum(g in r[:3] for g, r in zip(gold, ranked, strict=True)) / n, 4)}


def evaluate(rows: list[dict[str, str]], strategies: list[dict[str, str]] | None = None,
             progress: Callable[[int], None] = lambda i: None) -> dict:
    """Only the parts whose gold column exists; rows with an empty gold value are skipped for that part."""
    result: dict = {"n": len(rows)}
    analyses = []
    for i, row in enumerate(rows):
        analyses.append(analyze(row["text"]))
        progress(i)
    for part, attribute, labels in (("kind", "kind", KINDS), ("sector", "sector", SECTORS)):
        pairs = [(r[part], getattr(a, attribute)) for r, a in zip(rows, analyses, strict=True) if r.get(part)]
        if rows and part in rows[0]:
            result[part] = classification([g for g, _ in pairs], [p for _, p in pairs], labels)
    if rows and "pillar" in rows[0]:
        result["pillar"] = _linking(rows, "pillar", NATIONAL_PILLARS)
    if rows and "strategy" in rows[0] and strategies:
        result["strategy"] = _linking(rows, "strategy", strategies)
    return result


def _linking(rows: list[dict[str, str]], column: str, strategies: Iterable[object]) -> dict:
    chosen = [r for r in rows if r.get(column)]
    listed = list(strategies)
    ranked = [[m.code for m in link_strategies(r["text"], listed, top=3)] for r in chosen]
    return ranking([r[column].strip() for r in chosen], ranked)


def run(data: Path, strategies: Path | None) -> dict:
    """Evaluate a CSV file, reporting progress on stderr."""
    rows = read_csv(data)
    if not rows or "text" not in rows[0]:
        raise SystemExit(f"{data}: a CSV with a 'text' column is needed")
    step = max(1, len(rows) // 20)
    return evaluate(rows, read_csv(strategies) if strategies else None,
                    progress=lambda i: i % step or print(f"{i}/{len(rows)}", file=sys.stderr))
