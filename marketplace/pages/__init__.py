"""Public pages: the home page and the language-choosing root redirect."""

from flask import Flask, redirect, render_template, url_for

from marketplace.core.i18n import best_language_for_request, localized_blueprint
from marketplace.core.pagecache import cached_page

bp = localized_blueprint("pages", __name__, template_folder="templates")


def _currency():
    from marketplace.catalog.views import viewer_currency

    return viewer_currency()


@bp.get("/")
@cached_page(_currency)
def home():
    from flask import g

    from marketplace.catalog import queries

    return render_template(
        "pages/home.html",
        roots=queries.children_of(None),
        children_of=queries.children_of,
        counts=queries.counts_by_category(),
        latest=queries.latest_visible(g.lang, limit=8),
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.get("/")
    def root():
        return redirect(url_for("pages.home", lang=best_language_for_request()))
