"""The credit badge buyers see, translated: a seller with a graded record shows its grade and label
on the listing page, the RFQ comparison and the quote page in the buyer's language; a seller without
history shows "not enough history"; the rfq comparison reads every seller's grade in one statement."""

from __future__ import annotations

import factories
import pytest
from credit_world import day, order
from factories import PASSWORD
from support import csrf_from, t

from marketplace.credit import queries, services
from marketplace.credit.models import Rating
from marketplace.credit.states import Grade
from marketplace.extensions import db
from marketplace.rfq import services as rfq
from marketplace.rfq.states import Side


def _login(client, email, lang):
    with client.session_transaction() as session:
        session.clear()
    page = client.get(f"/{lang}/login")
    r = client.post(
        f"/{lang}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert r.status_code == 302


@pytest.fixture
def world(seed):
    def build():
        buyer, company, sellers = factories.rfq_parties(2, buyer_language="zh")
        buyer.email = "buyer@example.cn"
        (s1, graded, listing), (s2, newcomer, _l2) = sellers
        # five orders shipped on time, then completed and rated 5 stars (three of them)
        history = [("in_production", day(60)), ("shipped", day(55)), ("completed", day(40))]
        for i in range(5):
            o = order(graded, company, history)
            if i < 3:
                db.session.add(
                    Rating(
                        order_id=o.id,
                        seller_id=graded.id,
                        buyer_id=company.id,
                        overall=5,
                        as_described=5,
                        communication=5,
                        on_time=5,
                        state="visible",
                        created_at=day(30),
                    )
                )
        db.session.flush()
        snapshot = services.recompute(graded.id, trigger="test")
        r = rfq.create_rfq(buyer, company, factories.rfq_data(seller_ids=[graded.id, newcomer.id]))
        q1, q2 = sorted(r.quotes, key=lambda q: q.seller_id != graded.id)
        rfq.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
        rfq.submit_revision(s2, q2, Side.SELLER, factories.revision_data("1050.00"))
        return {
            "listing": listing.id,
            "rfq": r.id,
            "quote": q1.id,
            "grade": snapshot.grade,
            "score": snapshot.score,
        }

    return seed(build)


def test_graded_seller_badge_in_the_buyers_language(app, client, world):
    # on time 5/5 -> 100 (30); disputes 0 over 5 orders -> 100 (20); ratings (17.5 + 15) / 8 -> 76.6 (25)
    # (3000 + 2000 + 1915) / 75 = 92.2 -> A
    assert world["grade"] == Grade.A and str(world["score"]) == "92.2"
    excellent, new = t(app, "zh", "Excellent record"), t(app, "zh", "Not enough history")
    _login(client, "buyer@example.cn", "zh")
    listing = client.get(f"/zh/listings/{world['listing']}").get_data(as_text=True)
    assert excellent in listing and t(app, "zh", "Seller credit: how it is computed") in listing
    assert t(app, "zh", "On-time shipment") in listing
    comparison = client.get(f"/zh/rfqs/{world['rfq']}").get_data(as_text=True)
    assert excellent in comparison and new in comparison  # the graded seller and the newcomer
    quote = client.get(f"/zh/quotes/{world['quote']}").get_data(as_text=True)
    assert excellent in quote
    en = client.get(f"/en/listings/{world['listing']}").get_data(as_text=True)
    assert "Excellent record" in en and "5 of 5 orders shipped within the quoted lead time" in en


def test_latest_snapshots_batch(ctx):
    _owner, seller = factories.verified_seller()
    first = services.recompute(seller.id, trigger="t")
    assert queries.latest_snapshots([seller.id, 999999]) == {seller.id: first}
    assert queries.latest_snapshots([]) == {}
    assert queries.badge_of(999999).profile.grade == Grade.NEW
