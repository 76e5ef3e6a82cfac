"""FX rates: CSV import for admins (all or nothing, errors by line), and converted order totals that
show the rate and date they used."""

from __future__ import annotations

import io

import factories
import pytest
from test_order_pages_api import _login, _token

from marketplace.catalog import services as catalog
from marketplace.catalog.models import FxRate
from marketplace.core.errors import PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.orders import services

GOOD = b"date,base,quote,rate\n2026-11-20,USD,MNT,3400\n2026-11-26,USD,MNT,3415.5\n2026-11-26,CNY,RUB,11.2\n"
BAD = b"date,base,quote,rate\n2026-11-26,USD,MNT,3415.5\n26.11.2026,USD,RUB,80\n2026-11-26,USD,XXX,1\n"


def test_import_is_all_or_nothing(ctx):
    admin = factories.make_user(admin=True)
    assert catalog.import_fx_csv(admin, GOOD) == 3
    assert db.session.query(FxRate).count() == 3
    with pytest.raises(ValidationFailed) as exc:
        catalog.import_fx_csv(admin, BAD.replace(b"3415.5", b"3500"))
    problems = exc.value.errors["file"]
    assert problems[0].startswith("Line 3:") and problems[1].startswith("Line 4:") and len(problems) == 2
    db.session.rollback()
    for data, fragment in [
        (b"", "Choose a file"),
        (b"day,from,to,value\n", "header"),
        (b"date,base,quote,rate\n", "no rates"),
        (b"\xff\xfe", "UTF-8"),
        (b"date,base,quote,rate\n2026-11-26,USD\n", "4 columns"),
        (b"date,base,quote,rate\n2026-11-26,USD,MNT,-5\n", "Line 2"),
    ]:
        with pytest.raises(ValidationFailed) as exc:
            catalog.import_fx_csv(admin, data)
        assert fragment in " ".join(exc.value.errors["file"])
    with pytest.raises(PermissionDenied):
        catalog.import_fx_csv(factories.make_user(), GOOD)


def test_admin_page_api_and_order_conversion(client, seed):
    def build():
        buyer, company, [(_s, _c, listing)] = factories.rfq_parties(1)
        buyer.email = "fx-buyer@example.mn"
        factories.make_user("fx-admin@example.com", admin=True)
        order = services.order_from_listing(
            buyer,
            company,
            services.ListingOrderData(
                listing_id=listing.id, quantity="25", destination_country="MN", destination_place="UB"
            ),
        )
        return order.id

    order_id = seed(build)
    _login(client, "fx-admin@example.com")
    page = client.get("/en/admin/catalog/fx").get_data(as_text=True)
    from support import csrf_from

    token = csrf_from(page)
    r = client.post(
        "/en/admin/catalog/fx/import",
        data={"csrf_token": token, "file": (io.BytesIO(BAD), "rates.csv")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    assert "Line 3:" in client.get("/en/admin/catalog/fx").get_data(as_text=True)
    r = client.post(
        "/en/admin/catalog/fx/import",
        data={"csrf_token": token, "file": (io.BytesIO(GOOD), "rates.csv")},
        content_type="multipart/form-data",
    )
    assert "3 rates imported." in client.get("/en/admin/catalog/fx").get_data(as_text=True)
    api = _token(client, "fx-admin@example.com")
    r = client.post(
        "/api/v1/admin/fx-rates/import",
        data={"file": (io.BytesIO(GOOD.replace(b"3415.5", b"3420")), "r.csv")},
        headers=api,
        content_type="multipart/form-data",
    )
    assert r.status_code == 201 and r.get_json() == {"imported": 3}
    buyer_api = _token(client, "fx-buyer@example.mn")
    assert client.post("/api/v1/admin/fx-rates/import", headers=buyer_api).status_code == 403

    _login(client, "fx-buyer@example.mn", lang="mn")
    html = client.get(f"/mn/orders/{order_id}").get_data(as_text=True)
    assert 'id="indicative"' in html and "3,420" in html.replace("\u202f", ",").replace("\xa0", ",")
    order = client.get(f"/api/v1/orders/{order_id}?currency=MNT", headers=buyer_api).get_json()
    assert order["indicative_total"] == {
        "amount": "89775000.00",
        "currency": "MNT",
        "rate": "3420",
        "as_of": "2026-11-26",
        "via": None,
    }
