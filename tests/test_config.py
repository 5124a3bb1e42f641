"""Configuration: safe defaults for development, refusal to run production without secrets."""

from pathlib import Path

import pytest

from config import ProductionConfig, TestConfig, config_from_env
from webapp import create_app


def test_production_refuses_to_start_without_a_real_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1/test")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig()
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig()
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert ProductionConfig().SESSION_COOKIE_SECURE is True


def test_production_refuses_to_start_without_a_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        ProductionConfig()


def test_the_embedded_default_is_sqlite_in_the_instance_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SIANG_ENV", raising=False)
    app = create_app(config_from_env())
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    assert uri.startswith("sqlite:///") and Path(uri.removeprefix("sqlite:///")).parent == Path(app.instance_path)


def test_an_unknown_environment_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIANG_ENV", "staging-typo")
    with pytest.raises(RuntimeError, match="SIANG_ENV"):
        config_from_env()


def test_tests_use_the_test_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    assert TestConfig().SQLALCHEMY_DATABASE_URI.startswith("postgresql")
