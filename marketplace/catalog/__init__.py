"""Catalog: categories with attribute schemas, listings with moderated versions, FX rates."""

from decimal import Decimal

from flask import Flask
from markupsafe import Markup, escape


def _state_badge(state) -> Markup:
    return Markup('<span class="badge badge-{}">{}</span>').format(state.value, escape(str(state.label)))


def _version_flags(version) -> list:
    """The export-control notices of a version, recomputed so they read in the viewer's language."""
    from marketplace.catalog.services import control_flags

    return control_flags(version)


def _attribute_label(schema, code: str) -> str:
    from flask import g

    from marketplace.catalog.schema import in_language

    attr = schema.by_code.get(code)
    return in_language(attr.labels, g.get("lang", "en")) if attr else code


def _listing_state_label(value: str):
    from marketplace.catalog.states import ListingState

    try:
        return ListingState(value).label
    except ValueError:
        return value


def _catalog_roots() -> list:
    from marketplace.catalog.queries import children_of

    return children_of(None)


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _money(amount, currency):
    from marketplace.core.money import Money

    return Money(Decimal(amount), currency)


def init_app(app: Flask) -> None:
    from marketplace.catalog import (  # noqa: F401 - routes
        admin_views,
        api,
        csv_api,
        csv_views,
        schema_admin_api,
        schema_admin_views,
        seller_views,
        views,
    )
    from marketplace.catalog.cli import catalog_cli

    app.register_blueprint(views.bp)
    app.register_blueprint(seller_views.bp)
    app.register_blueprint(admin_views.bp)
    app.cli.add_command(catalog_cli)
    from marketplace.catalog.schema import in_language

    app.jinja_env.globals.update(
        in_language=in_language,
        state_badge=_state_badge,
        version_flags=_version_flags,
        attribute_label=_attribute_label,
        as_list=_as_list,
        catalog_roots=_catalog_roots,
        listing_state_label=_listing_state_label,
        money=_money,
    )
