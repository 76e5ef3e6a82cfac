"""Configuration: defaults, overridden by `instance/config.py`, then by environment variables."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_SECRET = "dev-insecure-secret-change-me"  # noqa: S105 - refused in production


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    ENV_NAME = "development"
    SECRET_KEY = DEFAULT_SECRET
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: sqlite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    WTF_CSRF_TIME_LIMIT = None  # tokens live as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 12
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024

    LANGUAGES = ("zh", "en", "ru", "mn")
    DEFAULT_LANGUAGE = "en"
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    DISPLAY_TIMEZONE = "Asia/Shanghai"

    # Mail: SMTP when MAIL_SERVER is set; otherwise messages are written as .eml files.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_DEFAULT_SENDER = "Ordos Export Marketplace <no-reply@ordos-export.example>"
    MAIL_FILE_DIR: str | None = None  # default: instance/mail
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"

    # Accounts
    PASSWORD_RESET_MAX_AGE = 60 * 60  # seconds
    INVITATION_MAX_AGE_DAYS = 7
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    LOGIN_MAX_FAILURES_PER_IP = 20
    LOGIN_FAILURE_WINDOW = 15 * 60  # seconds

    # Outbox worker
    OUTBOX_MAX_ATTEMPTS = 6
    OUTBOX_BACKOFF_BASE = 5.0  # seconds; delay = base * 2 ** (attempt - 1)
    OUTBOX_LEASE_SECONDS = 300
    WORKER_HEARTBEAT_STALE = 60

    # Integrations configured by later modules
    STRIPE_SECRET_KEY: str | None = None
    STRIPE_PUBLISHABLE_KEY: str | None = None
    STRIPE_WEBHOOK_SECRET: str | None = None
    STRIPE_API_BASE: str | None = None
    SERVICE_PLATFORM_URL: str | None = None

    # Customs declarations: BaseTransfer of this platform, its signing certificate, the receipt
    # callback secret shared with the service platform
    CUSTOMS_COP_CODE = "91150600MA0ORDOS01"
    CUSTOMS_COP_NAME = "鄂尔多斯跨境电商出口平台"
    CUSTOMS_DXP_ID = "DXPENT0000000001"
    CUSTOMS_DXP_MODE = "DXP"
    CUSTOMS_SIGNING_KEY: str | None = None  # PEM private key file
    CUSTOMS_SIGNING_CERT: str | None = None  # PEM certificate file
    CUSTOMS_SIGNING_KEY_PASSWORD: str | None = None
    CUSTOMS_CALLBACK_SECRET: str | None = None
    CUSTOMS_HTTP_TIMEOUT = 10.0
    CUSTOMS_POLL_MINUTES = 5
    CUSTOMS_STUCK_HOURS = 24  # the console flags a declaration with no receipt for longer


class DevelopmentConfig(Config):
    pass


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret"  # noqa: S105
    PASSWORD_HASH_FAST = True


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}

# Environment variables that override configuration, and how to parse them.
ENV_OVERRIDES: dict[str, type] = {
    "SECRET_KEY": str,
    "DATABASE_URL": str,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USE_TLS": bool,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_DEFAULT_SENDER": str,
    "MAIL_FILE_DIR": str,
    "PUBLIC_BASE_URL": str,
    "STRIPE_SECRET_KEY": str,
    "STRIPE_PUBLISHABLE_KEY": str,
    "STRIPE_WEBHOOK_SECRET": str,
    "STRIPE_API_BASE": str,
    "SERVICE_PLATFORM_URL": str,
    "OUTBOX_MAX_ATTEMPTS": int,
    "OUTBOX_BACKOFF_BASE": float,
    "OUTBOX_LEASE_SECONDS": int,
    "CUSTOMS_COP_CODE": str,
    "CUSTOMS_COP_NAME": str,
    "CUSTOMS_DXP_ID": str,
    "CUSTOMS_SIGNING_KEY": str,
    "CUSTOMS_SIGNING_CERT": str,
    "CUSTOMS_SIGNING_KEY_PASSWORD": str,
    "CUSTOMS_CALLBACK_SECRET": str,
    "CUSTOMS_STUCK_HOURS": int,
    "SEARCH_BACKEND": str,
    "SEARCH_INDEX_DIR": str,
    "SEARCH_PG_TABLE": str,
    "UPLOAD_DIR": str,
}


def load_config(app, overrides: dict | None = None) -> None:
    """Fill app.config: class defaults -> instance/config.py -> environment -> explicit overrides."""
    name = (overrides or {}).get("ENV_NAME") or os.environ.get("MARKETPLACE_ENV", "development")
    app.config.from_object(CONFIGS.get(name, DevelopmentConfig))
    app.config.from_pyfile("config.py", silent=True)
    for key, kind in ENV_OVERRIDES.items():
        if key not in os.environ:
            continue
        target = "SQLALCHEMY_DATABASE_URI" if key == "DATABASE_URL" else key
        if kind is bool:
            app.config[target] = _env_bool(key, False)
        else:
            app.config[target] = kind(os.environ[key])
    if overrides:
        app.config.update(overrides)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'marketplace.sqlite3'}"
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgres://"):
        uri = "postgresql://" + uri.removeprefix("postgres://")
    if uri.startswith("postgresql://"):
        uri = "postgresql+psycopg://" + uri.removeprefix("postgresql://")
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    if app.config["ENV_NAME"] == "development":
        from marketplace.customs.devkey import apply_defaults

        apply_defaults(app.config, app.instance_path)  # `flask customs dev-key` files, if any
    if not app.config.get("MAIL_FILE_DIR"):
        app.config["MAIL_FILE_DIR"] = str(Path(app.instance_path) / "mail")
    if app.config["ENV_NAME"] == "production" and app.config["SECRET_KEY"] in (
        DEFAULT_SECRET,
        "",
        None,
    ):
        raise RuntimeError("Refusing to start in production with the default SECRET_KEY: set SECRET_KEY.")
