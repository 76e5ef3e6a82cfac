"""Public pages: the home page and the language-choosing root redirect."""

from flask import Flask, redirect, render_template, url_for

from marketplace.core.i18n import best_language_for_request, localized_blueprint

bp = localized_blueprint("pages", __name__, template_folder="templates")


@bp.get("/")
def home():
    return render_template("pages/home.html")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.get("/")
    def root():
        return redirect(url_for("pages.home", lang=best_language_for_request()))
