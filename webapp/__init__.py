"""เสียงชุมชน (Siang Chumchon): the web app factory, the one place that wires everything."""

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from config import Config, config_from_env
from webapp import models  # noqa: F401  (registers every table)
from webapp.core.i18n import select_locale
from webapp.extensions import babel, csrf, db, limiter, migrate

SQLITE_BUSY_TIMEOUT_MS = 30_000
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def create_app(config: Config | None = None) -> Flask:
    """Build the app from a config object (the environment's choice when none is given)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config or config_from_env())
    _default_database(app)
    if app.config["TRUSTED_PROXIES"]:
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    _register_web(app)
    _register_cli(app)
    return app


def _default_database(app: Flask) -> None:
    """With no DATABASE_URL, the embedded default: SQLite in the instance folder."""
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'siang-chumchon.db'}"


@event.listens_for(Engine, "connect")
def _sqlite_connection(dbapi_connection: object, _record: object) -> None:
    """SQLite ignores foreign keys unless asked on every connection; transactions are begun by us (below)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin_immediate(connection: Connection) -> None:
    """Concurrent writers on SQLite wait for each other instead of failing with "database is locked".

    A deferred transaction that reads and then writes cannot wait for a lock another writer holds;
    taking the write lock at BEGIN lets SQLite's busy timeout queue the writers.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _register_web(app: Flask) -> None:
    from webapp.areas.views import bp as areas_bp
    from webapp.core.templating import register_template_helpers
    from webapp.core.views import bp as core_bp
    from webapp.core.views import register_error_handlers
    from webapp.submissions.views import bp as submissions_bp

    for blueprint in (core_bp, areas_bp, submissions_bp):
        app.register_blueprint(blueprint)
    _register_bots(app)
    register_error_handlers(app)
    register_template_helpers(app)


def _register_bots(app: Flask) -> None:
    """The chat webhooks: signed by the platforms, so no CSRF token and no per-client rate limit."""
    from bots.line.views import bp as line_bp
    from bots.telegram.views import bp as telegram_bp

    for blueprint in (line_bp, telegram_bp):
        csrf.exempt(blueprint)
        limiter.exempt(blueprint)
        app.register_blueprint(blueprint)


def _register_cli(app: Flask) -> None:
    from bots.cli import bots_cli
    from webapp.areas.cli import areas_cli
    from webapp.demo import demo
    from webapp.strategies.cli import strategies_cli
    from webapp.submissions.cli import nlp_cli

    for command in (areas_cli, strategies_cli, nlp_cli, demo, bots_cli):
        app.cli.add_command(command)
