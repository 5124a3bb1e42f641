"""The training data is ours, clean, and kept apart from every evaluation text."""

import csv
from pathlib import Path

import pytest

from nlp.labels import KINDS, PILLAR_CODES, SECTORS
from nlp.train import DATA_DIR, read_examples

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_every_row_has_valid_labels_and_a_pillar_exactly_when_it_is_a_need() -> None:
    rows = read_examples()
    assert len(rows) > 5000
    assert {r["kind"] for r in rows} == set(KINDS) and {r["sector"] for r in rows} == set(SECTORS)
    for row in rows:
        assert (row["pillar"] == "") == (row["kind"] == "other"), row
        assert row["pillar"] == "" or row["pillar"] in PILLAR_CODES, row


def test_no_text_is_there_twice() -> None:
    texts = [r["text"].strip() for r in read_examples()]
    assert len(texts) == len(set(texts))


#: Public-domain government texts may be trained on (../shared/data/README.md), unless a dev set holds them.
GOVERNMENT_SOURCES = ("thaigov_", "national_", "nesdp13_", "provincial_")


def test_no_evaluation_text_is_used_for_training() -> None:
    files = sorted(p for p in SHARED_DATA.glob("*.csv") if not p.name.startswith(GOVERNMENT_SOURCES))
    if not files:
        pytest.skip(f"no evaluation data beside the project ({SHARED_DATA})")
    evaluation = set()
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            evaluation.update(r["text"].strip() for r in csv.DictReader(handle) if r.get("text"))
    leaked = [r["text"] for r in read_examples() if r["text"].strip() in evaluation]
    assert leaked == [], f"{len(leaked)} evaluation texts in {DATA_DIR}"
