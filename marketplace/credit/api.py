"""/api/v1 credit: a seller's credit profile with its explanation (any signed-in user), its visible
ratings, rating a completed order (its buyer), answering a rating (the seller), hiding one and the
snapshot history (admins). Same services and permissions as the pages."""

from __future__ import annotations

from flask import jsonify

from marketplace.accounts.models import Company
from marketplace.core.api import current_api_user, json_body, route
from marketplace.core.errors import NotFound
from marketplace.credit import explain, formula, queries, services
from marketplace.credit.models import STARS, Rating
from marketplace.extensions import db

_S, _I, _N = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "decimal"}
_T = {"type": "string", "format": "date-time"}
COMPONENT_SCHEMA = {
    "type": "object",
    "properties": {
        "key": {**_S, "enum": ["on_time", "disputes", "declarations", "response", "ratings"]},
        "title": _S,
        "explanation": _S,
        "weight": _I,
        "available": {"type": "boolean"},
        "count": _I,
        "minimum": _I,
        "value": {**_N, "nullable": True},
        "score": {**_N, "nullable": True},
    },
}
PROFILE_SCHEMA = {
    "type": "object",
    "properties": {
        "seller_id": _I,
        "grade": {**_S, "enum": ["A", "B", "C", "D", "new"]},
        "label": _S,
        "score": {**_N, "nullable": True},
        "computed_at": {**_T, "nullable": True},
        "components": {"type": "array", "items": COMPONENT_SCHEMA},
    },
}
RATING_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "order_id": _I,
        "buyer": _S,
        **{name: _I for name in STARS},
        "comment": _S,
        "comment_language": _S,
        "created_at": _T,
        "reply": {**_S, "nullable": True},
        "reply_language": {**_S, "nullable": True},
        "replied_at": {**_T, "nullable": True},
        "state": {**_S, "enum": ["visible", "hidden"]},
    },
}
STAR_BODY = {"type": "integer", "minimum": 1, "maximum": 5}


def _seller_or_404(seller_id: int) -> Company:
    company = db.session.get(Company, seller_id)
    if company is None or not company.is_seller:
        raise NotFound()
    return company


def dump_profile(seller_id: int, profile: formula.Profile, computed_at) -> dict:
    return {
        "seller_id": seller_id,
        "grade": profile.grade.value,
        "label": str(profile.grade.label),
        "score": None if profile.score is None else str(profile.score),
        "computed_at": computed_at.isoformat() if computed_at else None,
        "components": explain.components(profile),
    }


def dump_rating(rating: Rating, *, admin: bool = False) -> dict:
    out = {
        "id": rating.id,
        "order_id": rating.order_id,
        "buyer": rating.buyer.legal_name_latin or rating.buyer.legal_name,
        **{name: getattr(rating, name) for name in STARS},
        "comment": rating.comment,
        "comment_language": rating.comment_language,
        "created_at": rating.created_at.isoformat(),
        "reply": rating.reply,
        "reply_language": rating.reply_language,
        "replied_at": rating.replied_at.isoformat() if rating.replied_at else None,
        "state": rating.state.value,
    }
    if admin:
        out["hidden_reason"] = rating.hidden_reason
    return out


@route(
    "/sellers/<int:seller_id>/credit",
    "GET",
    summary="A seller's credit badge: grade, score and each component explained in your language",
    tag="credit",
    response=PROFILE_SCHEMA,
)
def get_profile(seller_id: int):
    current_api_user()
    _seller_or_404(seller_id)
    credit = queries.profile_of(seller_id)
    return jsonify(dump_profile(seller_id, credit.profile, credit.computed_at))


@route(
    "/sellers/<int:seller_id>/ratings",
    "GET",
    summary="A seller's buyer ratings (hidden ones left out, except for admins), newest first",
    tag="credit",
    response={"type": "object", "properties": {"ratings": {"type": "array", "items": RATING_SCHEMA}}},
)
def list_ratings(seller_id: int):
    user = current_api_user()
    _seller_or_404(seller_id)
    rows = queries.ratings_of_seller(seller_id, include_hidden=user.is_admin)
    return jsonify(ratings=[dump_rating(r, admin=user.is_admin) for r in rows])


@route(
    "/orders/<int:order_id>/rating",
    "POST",
    summary="Rate a completed order (members of its buyer company, once)",
    tag="credit",
    body={
        "type": "object",
        "required": list(STARS),
        "properties": {
            **{name: STAR_BODY for name in STARS},
            "comment": _S,
            "comment_language": {**_S, "enum": ["zh", "en", "ru", "mn"]},
        },
    },
    response=RATING_SCHEMA,
    status=201,
)
def create_rating(order_id: int):
    user = current_api_user()
    data = json_body()
    rating = services.rate_order(
        user,
        order_id,
        services.RatingData(
            **{name: data.get(name) for name in STARS},
            comment=str(data.get("comment") or ""),
            comment_language=str(data.get("comment_language") or ""),
        ),
    )
    return jsonify(dump_rating(rating)), 201


@route(
    "/orders/<int:order_id>/rating",
    "GET",
    summary="The rating of an order (its parties and admins)",
    tag="credit",
    response=RATING_SCHEMA,
)
def get_order_rating(order_id: int):
    from marketplace.orders import queries as orders

    user = current_api_user()
    orders.order_for(user, order_id)  # NotFound to outsiders
    rating = queries.rating_of_order(order_id)
    if rating is None:
        raise NotFound()
    return jsonify(dump_rating(rating, admin=user.is_admin))


@route(
    "/ratings/<int:rating_id>/reply",
    "POST",
    summary="The seller's one public answer to a rating",
    tag="credit",
    body={
        "type": "object",
        "required": ["reply"],
        "properties": {"reply": _S, "language": {**_S, "enum": ["zh", "en", "ru", "mn"]}},
    },
    response=RATING_SCHEMA,
)
def reply_rating(rating_id: int):
    user = current_api_user()
    data = json_body()
    rating = services.reply(user, rating_id, data.get("reply"), data.get("language") or "")
    return jsonify(dump_rating(rating))


@route(
    "/ratings/<int:rating_id>/hide",
    "POST",
    summary="Hide an abusive rating with a reason (admins; audited)",
    tag="credit",
    body={"type": "object", "required": ["reason"], "properties": {"reason": _S}},
    response=RATING_SCHEMA,
)
def hide_rating(rating_id: int):
    user = current_api_user()
    rating = services.hide(user, rating_id, json_body().get("reason"))
    return jsonify(dump_rating(rating, admin=True))


@route(
    "/admin/sellers/<int:seller_id>/credit/history",
    "GET",
    summary="A seller's credit snapshots with their figures, newest first (admins)",
    tag="credit",
    response={
        "type": "object",
        "properties": {
            "snapshots": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": _I,
                        "computed_at": _T,
                        "trigger": _S,
                        "grade": _S,
                        "score": {**_N, "nullable": True},
                        "figures": {"type": "object"},
                        "components": {"type": "object"},
                    },
                },
            }
        },
    },
)
def history(seller_id: int):
    from marketplace.core.errors import PermissionDenied

    user = current_api_user()
    if not user.is_admin:
        raise PermissionDenied()
    _seller_or_404(seller_id)
    return jsonify(
        snapshots=[
            {
                "id": s.id,
                "computed_at": s.computed_at.isoformat(),
                "trigger": s.trigger,
                "grade": s.grade.value,
                "score": None if s.score is None else str(s.score),
                "figures": s.figures,
                "components": s.components,
            }
            for s in queries.history(seller_id)
        ]
    )
