"""Trade-risk screening: rules run at RFQ, order, shipment and booking time raise flags (controlled
goods without a licence, embargoed or sensitive destinations, denied-party matches across Latin and
Cyrillic, prices far from the category median, consignee or destination changes) that hold the flow
until an admin clears them. Other modules call `services.screen_*`, `services.require_clear` and
`services.is_held`; nothing else of theirs is touched."""

from __future__ import annotations

from flask import Flask

DEFAULTS = {
    # RapidFuzz token-sort ratio (0–100) from which a name matches a denied-party entry.
    "RISK_NAME_MATCH_THRESHOLD": 88,
    # A unit price outside [low×, high×] the category median, over this many days, with at least
    # this many prices to compare, is flagged.
    "RISK_PRICE_BAND": ("0.3", "3"),
    "RISK_PRICE_WINDOW_DAYS": 90,
    "RISK_PRICE_MIN_SAMPLES": 5,
    # HS prefixes on China's dual-use export-control list (MOFCOM/GAC catalogue) that the catalogue's
    # own flags (precursors, vehicles) do not cover: each needs a dual-use licence recorded.
    "RISK_DUAL_USE_HS": (
        "281111",  # hydrogen fluoride (CWC-related)
        "281213",  # phosphorus trichloride
        "281214",  # phosphorus pentachloride
        "292215",  # triethanolamine (CWC schedule 3)
        "2504",  # natural graphite (controlled since 2023-12-01)
        "380110",  # artificial graphite
        "811292",  # gallium, germanium, indium… unwrought and powders
        "8110",  # antimony (controlled since 2024-09-15)
        "280530",  # rare-earth metals
    ),
    # Default destination list (admins add, change or override countries on /admin/risk/countries).
    "RISK_COUNTRIES": {
        "KP": "blocked",
        "IR": "blocked",
        "SY": "blocked",
        "CU": "blocked",
        "AF": "extra_check",
    },
}


def init_app(app: Flask) -> None:
    from flask_login import current_user

    from marketplace.notifications.services import KINDS
    from marketplace.risk import api, models, services, views  # noqa: F401 - routes, tables
    from marketplace.risk.cli import risk_cli

    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    KINDS.setdefault("risk_flag_raised", services.NOTIFICATION)
    app.register_blueprint(views.bp)
    app.register_blueprint(views.admin_bp)
    app.cli.add_command(risk_cli)
    app.jinja_env.globals.update(
        risk_held=services.is_held,
        risk_needs_licence=services.needs_licence,
        risk_may_record=lambda obj: services.may_record_details(current_user, obj),
    )
