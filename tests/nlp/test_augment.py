"""Wrapped training copies: the same need with the context real reports carry, labels unchanged."""

from nlp.augment import wrapped


def test_every_example_gets_one_wrapped_copy_with_its_labels_and_its_text_inside() -> None:
    rows = [{"text": "ถนนพังมาก", "kind": "problem", "sector": "road", "pillar": "2"},
            {"text": "สวัสดีครับ", "kind": "other", "sector": "other", "pillar": ""}]
    out = wrapped(rows)
    assert out[:2] == rows and len(out) == 4
    for original, copy in zip(rows, out[2:], strict=True):
        assert original["text"] in copy["text"]
        assert {k: v for k, v in copy.items() if k != "text"} == {k: v for k, v in original.items() if k != "text"}


def test_wrapping_is_reproducible_and_adds_context() -> None:
    rows = [{"text": f"ไฟดับ {i}", "kind": "problem", "sector": "utilities", "pillar": "4"} for i in range(50)]
    first, second = wrapped(rows), wrapped(rows)
    assert first == second
    assert sum(copy["text"] != row["text"] for row, copy in zip(rows, first[50:], strict=True)) > 25
