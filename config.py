"""Configuration classes; every secret and deployment setting comes from the environment."""

import os

DEV_SECRET_KEY = "dev-only-not-secret"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    return int(_env(name, str(default)))  # type: ignore[arg-type]


class Config:
    """Settings shared by every environment, with safe development defaults."""

    def __init__(self) -> None:
        self.SECRET_KEY = _env("SECRET_KEY", DEV_SECRET_KEY)
        #: None means "SQLite in the instance folder", filled in by create_app.
        self.SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL")
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.UPLOAD_FOLDER = _env("UPLOAD_FOLDER")
        self.MAX_PHOTO_BYTES = _env_int("MAX_PHOTO_BYTES", 5 * 1024 * 1024)
        self.MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 16 * 1024 * 1024)
        self.RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
        self.SUBMIT_RATE_LIMIT = _env("SUBMIT_RATE_LIMIT", "5 per minute;30 per hour")
        self.RATELIMIT_HEADERS_ENABLED = True
        self.PSEUDONYM_KEY = _env("PSEUDONYM_KEY")
        #: How many reverse proxies in front of the app set X-Forwarded-For (0: trust none).
        self.TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)
        # Chat channels: each bot is off until its secrets are set.
        self.LINE_CHANNEL_SECRET = _env("LINE_CHANNEL_SECRET")
        self.LINE_CHANNEL_ACCESS_TOKEN = _env("LINE_CHANNEL_ACCESS_TOKEN")
        self.LINE_API_BASE_URL = _env("LINE_API_BASE_URL", "https://api.line.me")
        self.LINE_DATA_API_BASE_URL = _env("LINE_DATA_API_BASE_URL", "https://api-data.line.me")
        self.TELEGRAM_BOT_TOKEN = _env("TELEGRAM_BOT_TOKEN")
        self.TELEGRAM_WEBHOOK_SECRET = _env("TELEGRAM_WEBHOOK_SECRET")
        self.TELEGRAM_API_BASE_URL = _env("TELEGRAM_API_BASE_URL", "https://api.telegram.org")
        #: Webhooks answer the events they stored before acknowledging them; set 0 when `flask bots work` runs.
        self.CHAT_ANSWER_INLINE = _env("CHAT_ANSWER_INLINE", "1") not in ("0", "false", "no")
        #: The public https address of this app, for `flask bots set-webhooks`.
        self.PUBLIC_BASE_URL = _env("PUBLIC_BASE_URL")
        self.BABEL_DEFAULT_LOCALE = "th"
        self.BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = False
        self.WTF_CSRF_TIME_LIMIT = None
        self.TESTING = False
        self.DEBUG = False


class DevelopmentConfig(Config):
    """Local development: SQLite in the instance folder unless DATABASE_URL says otherwise."""

    def __init__(self) -> None:
        super().__init__()
        self.DEBUG = True


class TestConfig(Config):
    """The test suite: SQLite in memory unless TEST_DATABASE_URL points at PostgreSQL."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "test-secret"
        self.SQLALCHEMY_DATABASE_URI = _env("TEST_DATABASE_URL", "sqlite://")
        self.RATELIMIT_STORAGE_URI = "memory://"


class ProductionConfig(Config):
    """Production: refuses to start without a real SECRET_KEY and a DATABASE_URL."""

    def __init__(self) -> None:
        super().__init__()
        if self.SECRET_KEY == DEV_SECRET_KEY or len(self.SECRET_KEY or "") < 32:
            raise RuntimeError("SECRET_KEY must be set to a random value of at least 32 characters in production")
        if not self.SQLALCHEMY_DATABASE_URI:
            raise RuntimeError("DATABASE_URL must be set in production")
        self.SESSION_COOKIE_SECURE = True
        self.PREFERRED_URL_SCHEME = "https"


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestConfig,
    "production": ProductionConfig,
}


def config_from_env() -> Config:
    """The config chosen by SIANG_ENV (development by default), built now, not at import time."""
    name = os.environ.get("SIANG_ENV", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"SIANG_ENV must be one of {sorted(CONFIGS)}, not {name!r}")
    return CONFIGS[name]()
