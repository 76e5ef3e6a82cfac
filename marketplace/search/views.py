"""The search page: /<lang>/search?q=&category=&vertical=&ordos=1&incoterm=&seller=&a.<code>=
&price_min=&price_max=&sort=&page= (attribute filters need a category; prices are in USD)."""

from __future__ import annotations

from decimal import Decimal

from flask import g, render_template, request
from flask_babel import gettext as _

from marketplace.catalog import queries as catalog
from marketplace.catalog.schema import in_language, option_label
from marketplace.catalog.states import Incoterm, Vertical
from marketplace.core.i18n import country_name, format_money, localized_blueprint
from marketplace.core.money import Money
from marketplace.search import queries
from marketplace.search.interface import ATTRIBUTE_FACET_PREFIX, PRICE_BUCKETS_USD

bp = localized_blueprint("search", __name__, template_folder="templates")


def _facets(outcome: queries.Outcome, params: queries.Params) -> list[dict]:
    """The facets to show: each a title, the argument it sets and (value, label, count, active)."""
    if outcome.result is None:
        return []
    raw = outcome.result.facets
    by_id = catalog.categories_by_id()
    sellers = queries.seller_names(v for v, _n in raw.get("seller", []))
    out = []

    def add(title, arg, items, current, clear=None):
        """`items` are (value, label, count); a value is the argument's value or, for a facet that
        sets several arguments, a dict of them. `clear` is what the "Any" link changes."""
        items = [(value, label, count, value == current) for value, label, count in items]
        if items or current:
            out.append(
                {
                    "title": title,
                    "arg": arg,
                    "items": items,
                    "active": bool(current),
                    "reset": clear or {arg: None},
                }
            )

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
    add(
        _("In stock overseas"),
        "stock",
        [
            (v, _("In stock in %(country)s", country=country_name(v)), n)
            for v, n in raw.get("stock_country", [])
        ],
        params.stock,
    )
    category = catalog.category_by_slug(params.category) if params.category else None
    for attr in queries.facet_attributes(category) if category is not None else []:
        options = {o["value"] for o in attr.options or []}
        counts = raw.get(ATTRIBUTE_FACET_PREFIX + attr.code, [])
        add(
            in_language(attr.labels, g.lang) or attr.code,
            f"a.{attr.code}",
            [(v, option_label(attr, v, g.lang), n) for v, n in counts if v in options],
            params.attrs.get(attr.code, ""),
        )
    prices = dict(raw.get("price", []))
    current = {"price_min": params.price_min or None, "price_max": params.price_max or None}
    add(
        _("Price"),
        "price",
        [
            (_bucket_args(low, high), _bucket_label(low, high), prices[label])
            for label, low, high in PRICE_BUCKETS_USD
            if prices.get(label)
        ],
        current if params.price_min or params.price_max else None,
        clear={"price_min": None, "price_max": None},
    )
    return out


def _bucket_args(low: Decimal | None, high: Decimal | None) -> dict[str, str | None]:
    """The price filter of a bucket in USD; the bucket's upper bound is exclusive, the filter's
    inclusive, hence the cent below it."""
    return {
        "price_min": str(low.quantize(queries.CENT)) if low is not None else None,
        "price_max": str((high - queries.CENT).quantize(queries.CENT)) if high is not None else None,
    }


def _in_viewer_currency(amount_usd: Decimal) -> str:
    """A USD amount in the viewer's currency (whole units), or in USD when there is no rate."""
    from marketplace.catalog.services import cached_rates, convert
    from marketplace.catalog.views import viewer_currency

    money = Money(amount_usd, "USD")
    currency = viewer_currency()
    if currency != "USD":
        converted = convert(money, currency, cached_rates())
        if converted is not None:
            money = Money(converted.amount.amount.to_integral_value(), currency)
    return format_money(money)


def _bucket_label(low: Decimal | None, high: Decimal | None) -> str:
    if low is None and high is not None:
        return _("Under %(price)s", price=_in_viewer_currency(high))
    if high is None and low is not None:
        return _("%(price)s and more", price=_in_viewer_currency(low))
    return _("%(low)s – %(high)s", low=_in_viewer_currency(low), high=_in_viewer_currency(high))


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
