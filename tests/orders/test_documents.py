"""Pro-forma invoices: PDF in the buyer's language alongside Chinese with embedded fonts, numbered
per seller per year without gaps (also under concurrency on PostgreSQL), downloadable only by the
two parties and admins."""

from __future__ import annotations

import subprocess
import threading
from datetime import UTC, datetime

import factories
import pytest
from test_order_pages_api import _login, _token

from marketplace.documents import services as documents
from marketplace.documents.states import DocumentKind
from marketplace.extensions import db
from marketplace.orders import services


def _place(buyer, company, listing, quantity="25"):
    return services.order_from_listing(
        buyer,
        company,
        services.ListingOrderData(
            listing_id=listing.id,
            quantity=quantity,
            destination_country="MN",
            destination_place="Ulaanbaatar",
        ),
    )


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_proforma_pdf_in_buyer_language_and_chinese_with_embedded_fonts(ctx, tmp_path):
    buyer, company, [(_s, _c, listing)] = factories.rfq_parties(1, buyer_language="mn")
    order = _place(buyer, company, listing)
    [doc] = documents.documents_of(order)
    assert doc.kind == DocumentKind.PROFORMA and doc.language == "mn"
    pdf = documents.render_pdf(doc)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf, tmp_path)
    assert "Урьдчилсан нэхэмжлэл" in text and "形式发票" in text  # Mongolian (with Ө/Ү below) and Chinese
    assert "Үлдэгдэл" in text and "Тоо хэмжээ" in text
    assert doc.number in text and f"{order.number}-1" in text
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "doc.pdf")], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded
    assert any("CJK" in line for line in fonts) and any("+Noto-Sans " in line for line in fonts)


def test_numbers_per_seller_per_year_without_gaps(app, seed):
    def build():
        buyer, company, [(_s1, _c1, l1), (_s2, _c2, l2)] = factories.rfq_parties(2)
        a = _place(buyer, company, l1)
        b = _place(buyer, company, l1)
        other = _place(buyer, company, l2)
        return buyer.id, company.id, l1.id, [documents.documents_of(o)[0].sequence for o in (a, b, other)]

    buyer_id, company_id, listing_id, seqs = seed(build)
    assert seqs == [1, 2, 1]
    # An order whose transaction rolls back does not consume a number.
    with app.app_context():
        from marketplace.accounts.models import Company, User
        from marketplace.catalog.models import Listing

        buyer, company = db.session.get(User, buyer_id), db.session.get(Company, company_id)
        listing = db.session.get(Listing, listing_id)
        _place(buyer, company, listing)
        db.session.rollback()
        order = _place(buyer, company, listing)
        [doc] = documents.documents_of(order)
        db.session.commit()
        assert doc.sequence == 3 and doc.number.endswith("-00003")
        # A new year starts again at 1.
        with app.test_request_context("/en/"):
            next_year = documents.issue(
                order, DocumentKind.PROFORMA, language="en", now=datetime(2031, 1, 1, 0, 0, tzinfo=UTC)
            )
        assert next_year.year == 2031 and next_year.sequence == 1
        db.session.rollback()


def test_only_the_parties_and_admins_download(client, seed):
    def build():
        buyer, company, [(seller, _c, listing)] = factories.rfq_parties(1)
        buyer.email, seller.email = "doc-buyer@example.mn", "doc-seller@example.cn"
        factories.make_company(factories.make_user("doc-other@example.ru"))
        factories.make_user("doc-admin@example.com", admin=True)
        order = _place(buyer, company, listing)
        return order.id, documents.documents_of(order)[0].id

    order_id, doc_id = seed(build)
    url = f"/en/orders/{order_id}/documents/{doc_id}.pdf"
    for email, status in [
        ("doc-buyer@example.mn", 200),
        ("doc-seller@example.cn", 200),
        ("doc-admin@example.com", 200),
        ("doc-other@example.ru", 404),
    ]:
        _login(client, email)
        r = client.get(url)
        assert r.status_code == status, email
        if status == 200:
            assert r.data.startswith(b"%PDF") and r.headers["Content-Type"] == "application/pdf"
        api = _token(client, email)
        listing = client.get(f"/api/v1/orders/{order_id}/documents", headers=api)
        assert listing.status_code == status
        if status == 200:
            pdf = client.get(listing.get_json()[0]["pdf"], headers=api)
            assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
        else:
            assert (
                client.get(f"/api/v1/orders/{order_id}/documents/{doc_id}.pdf", headers=api).status_code
                == 404
            )


@pytest.mark.postgres_only
def test_numbering_under_concurrency(app, seed):
    def build():
        buyer, company, [(_s, _c, listing)] = factories.rfq_parties(1)
        return buyer.id, company.id, listing.id

    buyer_id, company_id, listing_id = seed(build)
    threads_n = 8
    barrier = threading.Barrier(threads_n)
    errors: list[BaseException] = []

    def worker():
        from marketplace.accounts.models import Company, User
        from marketplace.catalog.models import Listing

        try:
            with app.app_context(), app.test_request_context("/en/"):
                buyer, company = db.session.get(User, buyer_id), db.session.get(Company, company_id)
                listing = db.session.get(Listing, listing_id)
                barrier.wait()
                _place(buyer, company, listing)
                db.session.commit()
                db.session.remove()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(threads_n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert not errors, errors
    with app.app_context():
        from marketplace.documents.models import TradeDocument

        seqs = sorted(db.session.scalars(db.select(TradeDocument.sequence)))
        assert seqs == list(range(1, threads_n + 1))
