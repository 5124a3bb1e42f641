"""python -m nlp: analyze, evaluate, bench and train, as a developer runs them."""

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from nlp import __main__ as cli
from nlp import bench, model
from nlp.train import read_examples, train


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert cli.main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_analyze_prints_the_analysis_links_and_masked_text(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "analyze", "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ทำถนนคอนกรีต โทร 0812345678")
    assert (out["kind"], out["sector"]) == ("both", "road")
    assert out["national_pillars"][0]["code"] == "2"
    assert "0812345678" not in out["masked_text"] and out["personal_data"][0]["kind"] == "phone"


def test_evaluate_reports_only_the_parts_with_gold_and_skips_empty_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_csv(tmp_path / "gold.csv", [
        {"text": "ถนนพังเป็นหลุมใหญ่ อยากให้ซ่อม", "kind": "both", "sector": "road", "pillar": "2"},
        {"text": "ไฟทางดับทั้งซอย", "kind": "problem", "sector": "utilities", "pillar": ""},
        {"text": "สวัสดีค่ะ", "kind": "other", "sector": "", "pillar": ""},
    ])
    out = run(capsys, "evaluate", "--data", str(data))

    assert out["n"] == 3 and "strategy" not in out
    assert out["kind"]["n"] == 3 and set(out["kind"]) >= {"macro_f1", "accuracy", "per_class", "confusion"}
    assert out["sector"]["n"] == 2 and 0 <= out["sector"]["accuracy"] <= 1
    assert out["pillar"] == {"n": 1, "top1": 1.0, "top3": 1.0}


def test_evaluate_links_to_the_strategies_file_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_csv(tmp_path / "plan.csv", [
        {"code": "X1", "title": "ด้านโครงสร้างพื้นฐาน", "description": "ถนน สะพาน ไฟฟ้า"},
        {"code": "X2", "title": "ด้านสังคมและคุณภาพชีวิต", "description": "ผู้สูงอายุ สุขภาพ"},
    ])
    data = write_csv(tmp_path / "gold.csv", [{"text": "ถนนพังมาก", "strategy": "X1"},
                                            {"text": "ยายติดเตียงไม่มีคนดูแล", "strategy": "X2"},
                                            {"text": "สวัสดี", "strategy": ""}])
    out = run(capsys, "evaluate", "--data", str(data), "--strategies", str(plan))
    assert out == {"n": 3, "strategy": {"n": 2, "top1": 1.0, "top3": 1.0}}


def test_training_is_reproducible(tmp_path: Path) -> None:
    rows = read_examples()[::10]
    train(rows, tmp_path / "a.npz", log=lambda m: None)
    train(rows, tmp_path / "b.npz", log=lambda m: None)
    assert model.load(tmp_path / "a.npz").version == model.load(tmp_path / "b.npz").version


def test_the_shipped_model_is_what_training_builds(tmp_path: Path) -> None:
    """Same vocabulary and heads; weights equal up to float32 rounding, which differs between CPUs."""
    train(read_examples(), tmp_path / "fresh.npz", log=lambda m: None)
    with np.load(tmp_path / "fresh.npz") as fresh, np.load(model.CLASSIFIER_FILE) as shipped:
        assert sorted(fresh.files) == sorted(shipped.files)
        for name in shipped.files:
            if shipped[name].dtype.kind == "f":
                assert np.allclose(fresh[name], shipped[name], rtol=1e-3, atol=1e-2), f"{name}: run python -m nlp train"
            else:
                assert np.array_equal(fresh[name], shipped[name]), f"{name}: run python -m nlp train"


def test_bench_reports_analyses_beside_tokenization(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "MIN_SECONDS", 0.01)
    result = bench.run()
    assert result["cores"] == 1 and result["analyses_per_second"] > 0
    assert result["analysis_cost_in_tokenizations"] > 1


def test_bench_functions_take_turns_so_a_drifting_machine_slows_all_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "MIN_SECONDS", 1e-9)
    monkeypatch.setattr(bench, "CHUNK", 2)
    log: list[str] = []
    rates = bench.per_second({"a": lambda t: log.append("a"), "b": lambda t: log.append("b")}, ["x"] * 5)
    assert log == ["a"] * 5 + ["b"] * 5 + ["a", "a", "b", "b"]
    assert set(rates) == {"a", "b"} and all(rate > 0 for rate in rates.values())
