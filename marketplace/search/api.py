"""GET /api/v1/search: the search page's query as JSON (same arguments, same backend): key attribute
filters `a.<code>=` (with a category), `price_min`/`price_max` in USD; facets include "attr:<code>" and
"price" (USD buckets)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.core.api import route
from marketplace.core.errors import UserError
from marketplace.core.i18n import current_language
from marketplace.search import queries

_S, _I = {"type": "string"}, {"type": "integer"}
HIT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "title": _S,
        "title_html": {**_S, "description": "escaped HTML, matched words in <mark>"},
        "snippet_html": {**_S, "description": "escaped HTML, matched words in <mark>"},
        "language": _S,
        "price_from": {
            "type": "object",
            "nullable": True,
            "properties": {"amount": {"type": "string", "format": "decimal"}, "currency": _S},
        },
    },
}
SEARCH_SCHEMA = {
    "type": "object",
    "properties": {
        "hits": {"type": "array", "items": HIT_SCHEMA},
        "total": _I,
        "page": _I,
        "facets": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {"type": "object", "properties": {"value": _S, "count": _I}},
            },
        },
        "suggestion": {**_S, "nullable": True},
    },
}


class SearchUnavailableError(UserError):
    status = 503
    code = "search_unavailable"
    default_message = _l(
        "Search is temporarily unavailable. Please try again later or browse the categories."
    )


def hit_json(found: queries.Found) -> dict[str, Any]:
    c, hit = found.card, found.hit
    return {
        "id": c.listing.id,
        "title": c.title,
        "title_html": hit.title_html,
        "snippet_html": hit.snippet_html,
        "language": hit.snippet_lang or c.title_language,
        "price_from": {"amount": str(c.price.amount), "currency": c.price.currency} if c.price else None,
    }


@route(
    "/search",
    "GET",
    summary=(
        "Search published listings (?q=&category=&vertical=&ordos=1&incoterm=&seller=&stock=<ISO country>"
        "&a.<code>=&price_min=&price_max=&sort=&page=; a.<code> needs a category, prices in USD; stock: "
        "in stock in an overseas warehouse in that country)"
    ),
    tag="search",
    response=SEARCH_SCHEMA,
    auth=False,
)
def search():
    params, query = queries.parse(request.args, current_language())
    outcome = queries.run(query)
    if outcome.result is None:
        raise SearchUnavailableError()
    return jsonify(
        hits=[hit_json(f) for f in outcome.found],
        total=outcome.total,
        page=params.page,
        facets={
            name: [{"value": v, "count": n} for v, n in counts]
            for name, counts in outcome.result.facets.items()
        },
        suggestion=outcome.result.suggestion,
    )
