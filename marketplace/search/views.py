"""The search page: /<lang>/search?q=&category=&vertical=&ordos=1&incoterm=&seller=&sort=&page=."""

from __future__ import annotations

from flask import g, render_template, request
from flask_babel import gettext as _

from marketplace.catalog import queries as catalog
from marketplace.catalog.states import Incoterm, Vertical
from marketplace.core.i18n import localized_blueprint
from marketplace.search import queries

bp = localized_blueprint("search", __name__, template_folder="templates")


def _facets(outcome: queries.Outcome, params: queries.Params) -> list[dict]:
    """The facets to show: each a title, the argument it sets and (value, label, count, active)."""
    if outcome.result is None:
        return []
    raw = outcome.result.facets
    by_id = catalog.categories_by_id()
    sellers = queries.seller_names(v for v, _n in raw.get("seller", []))
    out = []

    def add(title, arg, items, current):
        items = [(value, label, count, value == current) for value, label, count in items]
        if items:
            out.append({"title": title, "arg": arg, "items": items, "active": bool(current)})

    verticals = {v.value: v.label for v in Vertical}
    add(
        _("Sector"),
        "vertical",
        [(v, verticals.get(v, v), n) for v, n in raw.get("vertical", []) if v in verticals],
        params.vertical,
    )
    cats = []
    for value, n in raw.get("category", []):
        c = by_id.get(int(value)) if value.isdigit() else None
        if c is not None:
            cats.append((c.slug, catalog_name(c), n))
    add(_("Category"), "category", cats, params.category)
    ordos = dict(raw.get("origin_ordos", []))
    add(
        _("Origin"),
        "ordos",
        [("1", _("Made in Ordos"), ordos["yes"])] if ordos.get("yes") else [],
        params.ordos,
    )
    incoterms = {i.value for i in Incoterm}
    add(
        _("Incoterm"),
        "incoterm",
        [(v, v, n) for v, n in raw.get("incoterm", []) if v in incoterms],
        params.incoterm,
    )
    add(
        _("Seller"),
        "seller",
        [(v, _seller_name(sellers[v]), n) for v, n in raw.get("seller", []) if v in sellers],
        params.seller,
    )
    return out


def catalog_name(category) -> str:
    from marketplace.catalog.schema import in_language

    return in_language(category.names, g.lang)


def _seller_name(company) -> str:
    return company.legal_name if g.lang == "zh" else (company.legal_name_latin or company.legal_name)


@bp.get("/search")
def results():
    params, query = queries.parse(request.args, g.lang)
    outcome = queries.run(query)
    return render_template(
        "search/results.html",
        params=params,
        outcome=outcome,
        facets=_facets(outcome, params),
        suggestions=queries.suggestions(g.lang),
        sorts=[
            ("relevance", _("Relevance")),
            ("newest", _("Newest")),
            ("price_asc", _("Price, lowest first")),
            ("price_desc", _("Price, highest first")),
        ],
    )
