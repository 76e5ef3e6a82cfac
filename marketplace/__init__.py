"""The Ordos cross-border export marketplace."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask

from marketplace.config import load_config
from marketplace.extensions import csrf, db, login_manager, migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Feature modules, in dependency order; each exposes init_app(app).
MODULES = (
    "accounts",
    "admin",
    "catalog",
    "search",
    "notifications",
    "orders",
    "payments",
    "documents",
    "rfq",
    "customs",
    "warehouses",
    "shipments",
    "credit",
    "stats",
    "risk",
    "pages",
    "demo",
)


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_relative_config=True,
    )
    app.config["TRANSLATIONS_DIR"] = PROJECT_ROOT / "translations"
    load_config(app, config)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)

    from marketplace.core import api, cli, i18n, web
    from marketplace.core import db as core_db

    core_db.init_app(app)
    cli.init_app(app)
    i18n.init_app(app)
    web.init_app(app)

    import importlib

    for name in MODULES:
        importlib.import_module(f"marketplace.{name}").init_app(app)

    csrf.exempt(api.api)
    app.register_blueprint(api.api)
    return app
