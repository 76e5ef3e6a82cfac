"""Trade documents: the pro-forma invoice (issued when the order is placed; the fulfilment issue adds
the commercial invoice and packing list at shipment), numbered per seller per year without gaps,
rendered to PDF with WeasyPrint in the buyer's language alongside Chinese."""

from flask import Blueprint, Flask

# Only for its templates: the documents are served by the orders pages and API.
bp = Blueprint("documents", __name__, template_folder="templates")


def init_app(app: Flask) -> None:
    from marketplace.documents import models  # noqa: F401 - tables

    app.register_blueprint(bp)
