"""Web plumbing: error pages (HTML or JSON), security headers, /healthz."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Flask, g, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from marketplace.core import api as core_api
from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError
from marketplace.core.outbox import worker_status
from marketplace.extensions import db

log = logging.getLogger(__name__)

HTTP_MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood."), "bad_request"),
    401: (_l("Please log in"), _l("You need to log in to see this page."), "unauthorized"),
    403: (_l("Not allowed"), _l("You do not have permission to see this page."), "forbidden"),
    404: (_l("Not found"), _l("This page does not exist, or you cannot see it."), "not_found"),
    405: (_l("Not allowed"), _l("This method is not allowed here."), "method_not_allowed"),
    413: (_l("Too large"), _l("The upload is too large."), "payload_too_large"),
    429: (_l("Slow down"), _l("Too many requests. Wait a moment and try again."), "rate_limited"),
    500: (
        _l("Something went wrong"),
        _l("An unexpected error happened. Nothing was changed; please try again."),
        "internal_error",
    ),
}

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)


def wants_json() -> bool:
    return request.path.startswith(("/api/", "/stripe/")) or request.path == "/healthz"


def _render_error(status: int, message=None, code: str | None = None):
    mark_rollback()
    title, default_message, default_code = HTTP_MESSAGES.get(status, HTTP_MESSAGES[500])
    message = message or default_message
    if wants_json():
        return jsonify(error={"code": code or default_code, "message": str(message)}), status
    return render_template("errors/error.html", title=title, message=message, status=status), status


def init_app(app: Flask) -> None:
    @app.errorhandler(UserError)
    def _user_error(exc: UserError):
        mark_rollback()
        if wants_json():
            return core_api.error_response(exc)
        return _render_error(exc.status, exc.message, exc.code)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc: CSRFError):
        return _render_error(
            400,
            _l("This form has expired or was not sent from this site. Reload the page and try again."),
            "csrf_failed",
        )

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        return _render_error(exc.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        return _render_error(500)

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if g.get("no_store"):
            headers["Cache-Control"] = "no-store"
        return response

    @app.get("/healthz")
    def healthz():
        body: dict = {"status": "ok"}
        status = 200
        try:
            db.session.execute(sa.text("SELECT 1"))
            body["database"] = {"status": "ok", "backend": db.engine.dialect.name}
            workers = worker_status()
            body["worker"] = {"status": "ok" if workers["workers_alive"] else "down", **workers}
            if not workers["workers_alive"]:
                body["status"] = "degraded"
        except sa.exc.SQLAlchemyError as exc:
            db.session.rollback()
            body = {"status": "error", "database": {"status": "error", "error": type(exc).__name__}}
            status = 503
        return jsonify(body), status
