"""A micro-cache of whole pages for anonymous visitors (per process, 30 s): the catalog is read far
more than it changes, and anonymous pages carry nothing personal (no CSRF token, no user menu).
Logged-in users always get fresh pages. Changes made in this process clear it at once
(`invalidate()`); other app servers see them within the time-to-live."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps

from flask import Response, g, make_response, request, session
from flask_login import current_user

from marketplace.core.cache import TTLCache

_pages = TTLCache(ttl=30, maxsize=2000)


def invalidate() -> None:
    _pages.clear()


def cached_page(extra_key: Callable[[], Hashable] | None = None):
    """Serve a view's 200 answer to anonymous GETs from the cache, keyed by path, query, language
    and `extra_key()` (e.g. the viewer's currency)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if request.method != "GET" or current_user.is_authenticated or "_flashes" in session:
                return view(*args, **kwargs)
            key = (request.full_path, g.get("lang"), extra_key() if extra_key else None)
            hit = _pages.get(key)
            if hit is not None:
                body, mimetype = hit
                return Response(body, 200, mimetype=mimetype)
            response = make_response(view(*args, **kwargs))
            if response.status_code == 200 and not response.direct_passthrough:
                _pages.set(key, (response.get_data(), response.mimetype))
            return response

        return wrapper

    return decorator
