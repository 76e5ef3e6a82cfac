"""Issue 4 journey: a Russian buyer searches "полипропилен", narrows the results by category and
origin, and opens an offer."""

import re

import pytest
from factories import make_listing, seed_catalog, verified_seller
from playwright.sync_api import Page, expect
from support import t

from marketplace.core.outbox import Worker

pytestmark = pytest.mark.browser


def test_russian_buyer_finds_polypropylene(page: Page, app, seed):
    from marketplace.search import backend

    def world():
        backend().clear()
        seed_catalog()
        owner, company = verified_seller()
        ordos = make_listing(
            owner,
            company,
            publish=True,
            content={
                "ru": {
                    "title": "Полипропилен T30S, рафия",
                    "description": "Гомополимер полипропилена, произведён в Ордосе, мешки по 25 кг.",
                },
                "zh": {"title": "聚丙烯 T30S 拉丝级"},
            },
        )
        imported = make_listing(
            owner,
            company,
            publish=True,
            origin_ordos=False,
            content={"ru": {"title": "Полипропилен импортный H030SG", "description": "Гомополимер."}},
        )
        from marketplace.extensions import db

        db.session.commit()
        Worker(worker_id="test").drain()
        return ordos.id, imported.id

    ordos_id, _imported_id = seed(world)

    page.goto("/ru/")
    page.locator("#top-q").fill("полипропилен")
    page.locator("#top-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/search\?q="))
    results = page.locator("article.lcard")
    expect(results).to_have_count(2)
    expect(page.locator("mark").first).to_be_visible()

    page.locator("aside.facets").get_by_role("link", name="Полипропилен (ПП)").click()
    expect(page).to_have_url(re.compile(r"category=pp"))
    expect(results).to_have_count(2)
    page.locator("aside.facets").get_by_role("link", name=t(app, "ru", "Made in Ordos")).click()
    expect(page).to_have_url(re.compile(r"ordos=1"))
    expect(results).to_have_count(1)

    results.first.get_by_role("link", name=re.compile("Полипропилен T30S")).click()
    expect(page).to_have_url(re.compile(rf"/ru/listings/{ordos_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Полипропилен T30S, рафия")
