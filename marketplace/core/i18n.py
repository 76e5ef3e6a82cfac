"""Languages: URL prefixes (/zh, /en, /ru, /mn), locale selection, and Babel formatting helpers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _fmt_date
from babel.dates import format_datetime as _fmt_datetime
from babel.numbers import format_decimal as _fmt_decimal
from flask import Blueprint, Flask, abort, current_app, g, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from marketplace.core.money import Money
from marketplace.extensions import babel

LANGUAGES = ("zh", "en", "ru", "mn")
# The names a switcher shows: each language in its own script (not translated on purpose).
LANGUAGE_NAMES = {"zh": "中文", "en": "English", "ru": "Русский", "mn": "Монгол"}
LANGUAGE_LABELS = {
    "zh": _l("Chinese (Simplified)"),
    "en": _l("English"),
    "ru": _l("Russian"),
    "mn": _l("Mongolian (Cyrillic)"),
}
# Babel locales used for formatting numbers, dates and money.
BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en", "ru": "ru", "mn": "mn_Cyrl_MN"}
LANG_COOKIE = "lang"


def best_language_for_request() -> str:
    """The user's preference, then the cookie, then Accept-Language, then the default."""
    if current_user and getattr(current_user, "is_authenticated", False):
        pref = getattr(current_user, "language", None)
        if pref in LANGUAGES:
            return pref
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    match = request.accept_languages.best_match(LANGUAGES)
    return match or current_app.config["DEFAULT_LANGUAGE"]


def current_language() -> str:
    if has_request_context():
        lang = g.get("lang")
        if lang in LANGUAGES:
            return lang
        prefix = request.path.strip("/").split("/", 1)[0]
        if prefix in LANGUAGES:  # e.g. a 404 under /ru/ is answered in Russian
            return prefix
        if request.path.startswith("/api/"):
            user = g.get("api_user")
            if user is not None and user.language in LANGUAGES:
                return user.language
            return request.accept_languages.best_match(LANGUAGES) or "en"
        return best_language_for_request()
    return "en"


def select_locale() -> str:
    return current_language()


def select_timezone() -> str:
    if has_request_context():
        user = g.get("api_user") or current_user
        tz = getattr(user, "timezone", None) if user else None
        if tz:
            return tz
    return current_app.config["DISPLAY_TIMEZONE"]


_LOCALES = {code: Locale.parse(name) for code, name in BABEL_LOCALES.items()}


def babel_locale() -> Locale:
    return _LOCALES[current_language()]


def localized_blueprint(name: str, import_name: str, **kwargs) -> Blueprint:
    """A blueprint whose routes live under /<lang>/…; `lang` is validated and kept in g."""
    prefix = kwargs.pop("url_prefix", "")
    bp = Blueprint(name, import_name, url_prefix=f"/<lang>{prefix}", **kwargs)

    @bp.url_value_preprocessor
    def _pull_lang(endpoint, values):
        lang = (values or {}).pop("lang", None)
        if lang not in LANGUAGES:
            abort(404)
        g.lang = lang

    @bp.url_defaults
    def _add_lang(endpoint, values):
        if "lang" not in values:
            values["lang"] = g.get("lang") or current_language()

    return bp


def format_money(value: Money | None) -> str:
    if value is None:
        return ""
    return value.format(babel_locale())


def format_number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return _fmt_decimal(value, locale=babel_locale(), decimal_quantization=False)


def format_rate(value: Decimal | None) -> str:
    """An exchange rate to six significant digits (a cross rate can have dozens of decimals)."""
    if value is None:
        return ""
    digits = max(6 - value.adjusted() - 1, 0)
    return _fmt_decimal(round(value, digits), locale=babel_locale(), decimal_quantization=False)


def _tz() -> ZoneInfo:
    return ZoneInfo(select_timezone())


def format_datetime(value: datetime | None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    return _fmt_datetime(value, format=fmt, tzinfo=_tz(), locale=babel_locale())


def format_date(value: date | datetime | None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(_tz()).date()
    return _fmt_date(value, format=fmt, locale=babel_locale())


def switch_language_url(lang: str) -> str:
    """The current page in another language (same endpoint, arguments and query string)."""
    from flask import url_for

    if request.endpoint and request.url_rule and "<lang>" in request.url_rule.rule:
        args = dict(request.view_args or {})
        args["lang"] = lang
        args.update(request.args.to_dict(flat=True))
        return url_for(request.endpoint, **args)
    return url_for("pages.home", lang=lang)


_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166 countries named in the active language, sorted by that name."""
    territories = Locale.parse(babel_locale()).territories
    items = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return sorted(items, key=lambda item: item[1])


def country_name(code: str) -> str:
    return Locale.parse(babel_locale()).territories.get(code, code)


def init_app(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=select_locale,
        timezone_selector=select_timezone,
        default_translation_directories=str(app.config["TRANSLATIONS_DIR"]),
    )
    app.jinja_env.globals["current_language"] = current_language  # also for macros without context
    app.jinja_env.filters.update(
        money=format_money,
        number=format_number,
        rate=format_rate,
        datetime=format_datetime,
        date=format_date,
    )

    @app.context_processor
    def _i18n_context():
        return {
            "LANGUAGES": LANGUAGES,
            "LANGUAGE_NAMES": LANGUAGE_NAMES,
            "current_language": current_language,
            "switch_language_url": switch_language_url,
            "country_name": country_name,
        }

    @app.after_request
    def _remember_language(response):
        lang = g.get("lang")
        if lang and request.cookies.get(LANG_COOKIE) != lang:
            response.set_cookie(
                LANG_COOKIE,
                lang,
                max_age=60 * 60 * 24 * 365,
                samesite="Lax",
                secure=app.config["SESSION_COOKIE_SECURE"],
                httponly=True,
            )
        return response


def public_url(endpoint: str, **values) -> str:
    """An absolute link for e-mails, built from PUBLIC_BASE_URL, inside or outside a request."""
    from flask import url_for

    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    if has_request_context():
        return base + url_for(endpoint, **values)
    with current_app.test_request_context("/"):
        return base + url_for(endpoint, **values)
