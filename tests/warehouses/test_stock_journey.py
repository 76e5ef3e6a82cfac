"""Issue 7 journey: a cashmere seller books yarn into the Moscow warehouse, marks it departed, records
its receipt; a Russian buyer sees "in stock in Moscow" on the listing page in Russian, orders from the
Moscow stock, and the stock is reserved for the order."""

import re

import pytest
import stock_world
from factories import PASSWORD, make_company, make_user
from playwright.sync_api import Page, expect
from support import t

from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.warehouses.models import StockBalance

pytestmark = pytest.mark.browser


def _log_in(page: Page, app, lang: str, email: str) -> None:
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_seller_books_yarn_into_moscow_and_a_russian_buyer_sees_it(page: Page, app, seed):
    def world():
        w = stock_world.world()
        w["s1"].language = "zh"
        make_company(make_user("ivan@sibpolymer.example", language="ru"))
        db.session.flush()
        return w["l1"].id, w["moscow"].id

    listing_id, moscow_id = seed(world)

    _log_in(page, app, "zh", "s1@example.cn")
    page.get_by_role("link", name=t(app, "zh", "Warehouses")).first.click()
    page.get_by_role("link", name=t(app, "zh", "Book a replenishment")).first.click()
    page.locator("#warehouse_id").select_option(str(moscow_id))
    page.locator("#line-0-listing_id").select_option(str(listing_id))
    page.locator("#line-0-quantity").fill("250")
    page.locator("#line-0-unit_price").fill("140")
    page.locator("#packages").fill("10")
    page.locator("#package_type").select_option("bale")
    page.locator("#gross_weight_kg").fill("270")
    page.locator("#net_weight_kg").fill("250")
    page.locator("#transport_mode").select_option("rail")
    page.locator("#carrier_name").fill("中铁集装箱运输有限责任公司")
    page.locator("#carrier_customs_code").fill("1101980001")
    page.locator("#waybill_number").fill("CRCT-MOW-0001")
    page.locator("#exit_customs_code").fill("0702")
    page.locator("#departure_date").fill("2026-12-01")
    page.get_by_role("button", name=t(app, "zh", "Book")).click()
    expect(page.locator("h1")).to_contain_text("HWC")
    page.get_by_role("button", name=t(app, "zh", "Mark as departed")).click()
    expect(page.locator("h1")).to_contain_text(t(app, "zh", "Departed"))
    page.locator("input[name^=received-]").fill("250")
    page.get_by_role("button", name=t(app, "zh", "Record the receipt")).click()
    expect(page.locator("h1")).to_contain_text(t(app, "zh", "Received"))
    page.get_by_role("button", name=t(app, "zh", "Log out")).click()

    _log_in(page, app, "ru", "ivan@sibpolymer.example")
    page.goto(f"/ru/listings/{listing_id}")
    expect(page.locator(".overseas-stock")).to_contain_text(t(app, "ru", "Overseas stock"))
    expect(page.locator(".overseas-stock")).to_contain_text("Moscow")

    page.locator("#order-button").click()
    page.locator(f"input[name=warehouse_id][value='{moscow_id}']").check()
    page.locator("#quantity").fill("100")
    page.locator("#destination_country").select_option("RU")
    page.locator("#destination_place").fill("Москва")
    page.get_by_role("button", name=t(app, "ru", "Place order")).click()
    expect(page).to_have_url(re.compile(r"/ru/orders/\d+$"))
    expect(page.locator("body")).to_contain_text(t(app, "ru", "From an overseas warehouse (9810)"))
    with app.app_context():
        order = db.session.scalar(db.select(Order))
        balance = db.session.scalar(
            db.select(StockBalance).where(
                StockBalance.listing_id == listing_id, StockBalance.warehouse_id == moscow_id
            )
        )
        assert order.warehouse_id == moscow_id
        assert (balance.on_hand, balance.reserved) == (250, 100)
