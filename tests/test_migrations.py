"""The migrations build, on an empty database, exactly the schema the models describe."""

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from config import TestConfig
from webapp import create_app
from webapp.extensions import db

EXPECTED_TABLES = {"provinces", "districts", "subdistricts", "villages", "citizens", "channel_identities",
                   "strategies", "submissions", "submission_photos", "submission_strategy_links",
                   "reference_counters", "chat_events", "chat_states", "submission_supports",
                   "alembic_version"}


def empty_databases(tmp_path: Path) -> Iterator[str]:
    yield f"sqlite:///{tmp_path / 'migrated.db'}"
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        yield from _scratch_postgres(url)


def _scratch_postgres(url: str) -> Iterator[str]:
    """A brand-new PostgreSQL database next to the test one, dropped afterwards."""
    base = make_url(url)
    name = f"siang_migrations_{os.getpid()}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_upgrade_on_an_empty_database_matches_the_models(tmp_path: Path) -> None:
    checked = []
    for url in empty_databases(tmp_path):
        config = TestConfig()
        config.SQLALCHEMY_DATABASE_URI = url
        app = create_app(config)
        with app.app_context():
            upgrade()
            with db.engine.connect() as connection:
                diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
                tables = set(inspect(connection).get_table_names())
            db.session.remove()
            db.engine.dispose()
        assert diff == [], f"models and migrations differ on {make_url(url).drivername}: {diff}"
        assert tables == EXPECTED_TABLES
        checked.append(make_url(url).get_backend_name())
    on_postgres = os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")
    assert checked == (["sqlite", "postgresql"] if on_postgres else ["sqlite"])


def test_the_schema_can_be_taken_down_again(tmp_path: Path) -> None:
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'down.db'}"
    app = create_app(config)
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
