"""One use case, one transaction: nested use cases join the outer one; files written go again on rollback."""

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from webapp.areas.models import Province
from webapp.core.transaction import delete_on_commit, savepoint, stage_file, use_case
from webapp.extensions import db


def provinces() -> int:
    return db.session.scalar(select(func.count(Province.code)))


@use_case
def add_province(code: str) -> None:
    db.session.add(Province(code=code, name_th=f"จังหวัด{code}", name_en=f"P{code}"))
    db.session.flush()


@use_case
def add_two_then_fail() -> None:
    add_province("91")
    add_province("92")
    raise RuntimeError("the outer use case fails after both inner ones returned")


def test_a_nested_use_case_joins_the_outer_transaction(app: Flask) -> None:
    with pytest.raises(RuntimeError):
        add_two_then_fail()
    assert provinces() == 0
    add_province("93")
    db.session.rollback()
    assert provinces() == 1  # the outermost use case committed


def test_a_rollback_removes_files_staged_in_the_transaction(app: Flask, tmp_path: Path) -> None:
    written = tmp_path / "photo.jpg"

    @use_case
    def write_then_fail() -> None:
        add_province("94")
        written.write_bytes(b"x")
        stage_file(written)
        raise RuntimeError("after the file was written")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert not written.exists() and provinces() == 0


def test_a_savepoint_undoes_only_its_own_step(app: Flask) -> None:
    @use_case
    def one_step_fails() -> None:
        add_province("95")
        with pytest.raises(ValueError), savepoint():
            add_province("96")
            raise ValueError("this step only")

    one_step_fails()
    assert [p.code for p in db.session.scalars(select(Province))] == ["95"]


def test_a_failed_savepoint_removes_only_its_own_files(app: Flask, tmp_path: Path) -> None:
    outer, inner = tmp_path / "outer.jpg", tmp_path / "inner.jpg"

    @use_case
    def outer_file_then_failing_step() -> None:
        outer.write_bytes(b"o")
        stage_file(outer)
        with pytest.raises(ValueError), savepoint():
            inner.write_bytes(b"i")
            stage_file(inner)
            raise ValueError("this step only")

    outer_file_then_failing_step()
    assert outer.exists() and not inner.exists()


def test_a_file_to_delete_goes_only_when_the_transaction_commits(app: Flask, tmp_path: Path) -> None:
    kept, gone = tmp_path / "kept.jpg", tmp_path / "gone.jpg"
    kept.write_bytes(b"k")
    gone.write_bytes(b"g")

    @use_case
    def delete_then_fail() -> None:
        delete_on_commit(kept)
        raise RuntimeError("rolled back")

    @use_case
    def delete() -> None:
        delete_on_commit(gone)

    with pytest.raises(RuntimeError):
        delete_then_fail()
    delete()
    assert kept.exists() and not gone.exists()
