"""Pro-forma invoice rendering: median and p95 time to render one invoice to PDF (HTML template →
WeasyPrint), after a first warm-up render that loads the fonts. Goal: median ≤ 0.3 s.

Usage: python bench/documents.py [N]   (a temp SQLite database with one order of three lines)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from flask_migrate import upgrade

from marketplace import create_app


def main(n: int) -> None:
    import factories

    from marketplace.catalog.states import Unit
    from marketplace.documents import services as documents
    from marketplace.orders import services as orders

    tmp = tempfile.mkdtemp()
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3",
            "MAIL_FILE_DIR": tmp,
        }
    )
    with app.app_context(), app.test_request_context("/mn/"):
        upgrade()
        buyer, company, [(_seller, seller_company, listing)] = factories.rfq_parties(1, buyer_language="mn")
        version = listing.live_version
        order = orders.place_order(
            buyer,
            orders.OrderTerms(
                buyer_id=company.id,
                seller_id=seller_company.id,
                currency="USD",
                lines=[
                    orders.OrderLineTerms(
                        f"PP T30S raffia grade, lot {i}", Decimal(25 * i), Unit("t"), Decimal(1010)
                    )
                    for i in range(1, 4)
                ],
                incoterm=version.incoterm,
                incoterm_place="Erenhot",
                lead_time_days=14,
                deposit_percent=Decimal(30),
                balance_due=orders.BalanceDue.BEFORE_SHIPMENT,
                destination_country="MN",
                destination_place="Улаанбаатар",
            ),
        )
        [doc] = documents.documents_of(order)
        t0 = time.perf_counter()
        documents.render_pdf(doc)
        first = time.perf_counter() - t0
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            pdf = documents.render_pdf(doc)
            times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"pro-forma invoice PDF ({len(pdf) / 1024:.0f} KiB, Mongolian + Chinese, fonts embedded)")
    print(f"first render (font loading): {first:.3f} s")
    print(f"median of {n}: {statistics.median(times):.3f} s   p95: {p95:.3f} s   (goal: median <= 0.3 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
