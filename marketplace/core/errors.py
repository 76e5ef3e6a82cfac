"""Errors that services raise for users: translated message + stable code + HTTP status."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l


class UserError(Exception):
    """A refusal a user can act on. Raising it rolls back the request's transaction."""

    status = 400
    code = "invalid_request"
    default_message = _l("The request could not be processed.")

    def __init__(self, message=None, *, code: str | None = None, field: str | None = None):
        self.message = message if message is not None else self.default_message
        if code:
            self.code = code
        self.field = field
        super().__init__(str(self.code))


class ValidationFailed(UserError):
    status = 422
    code = "validation_failed"
    default_message = _l("Some fields need your attention.")

    def __init__(self, errors: dict[str, list] | None = None, message=None):
        super().__init__(message)
        self.errors = errors or {}


class PermissionDenied(UserError):
    status = 403
    code = "forbidden"
    default_message = _l("You do not have permission to do this.")


class NotFound(UserError):
    status = 404
    code = "not_found"
    default_message = _l("This page or item does not exist, or you cannot see it.")


class Conflict(UserError):
    status = 409
    code = "conflict"
    default_message = _l("This conflicts with the current state; reload and try again.")


class RateLimited(UserError):
    status = 429
    code = "rate_limited"
    default_message = _l("Too many attempts. Wait a few minutes and try again.")
