"""Issue 5 journey, three accounts: a Mongolian buyer sends an RFQ for cashmere yarn to two sellers,
both quote, the buyer counters one, that seller revises, the buyer accepts; the order carries the
revised terms and the other seller sees "not selected"."""

import re
from datetime import timedelta

import pytest
from factories import PASSWORD, rfq_parties
from playwright.sync_api import Browser, Page, expect
from support import t

from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.rfq.services import china_today

pytestmark = pytest.mark.browser


def _log_in(page: Page, app, lang: str, email: str) -> None:
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def _quote(page: Page, app, lang: str, title: str, price: str, *, revision: bool = False) -> None:
    page.locator("#line-0-description").fill("Cashmere yarn 2/26 Nm, raw white")
    page.locator("#line-0-quantity").fill("500")
    page.locator("#line-0-unit_price").fill(price)
    page.locator("#currency").select_option("USD")
    page.locator("#incoterm").select_option("DAP")
    page.locator("#incoterm_place").fill("Ulaanbaatar")
    page.locator("#lead_time_days").fill("25")
    page.locator("#valid_until").fill((china_today() + timedelta(days=10)).isoformat())
    page.get_by_role("button", name=t(app, lang, "Send revision" if revision else "Send quote")).click()
    expect(page.get_by_text(t(app, lang, "Your quote has been sent to the buyer."))).to_be_visible()


def test_rfq_to_two_sellers_counter_revise_accept(page: Page, browser: Browser, app, seed, base_url):
    def world():
        buyer, _company, parties = rfq_parties(2, slug="yarn", buyer_language="mn")
        buyer.email = "bat@tavan.example"
        (s1, c1, _), (s2, c2, _) = parties
        s1.email, s1.language = "zhang@dongsheng.example", "zh"
        s2.email = "sales@arbas.example"
        return c1.legal_name_latin, c2.legal_name_latin

    first_name, second_name = seed(world)

    # -- the Mongolian buyer writes the request
    _log_in(page, app, "mn", "bat@tavan.example")
    page.goto("/mn/rfqs/new?category=yarn")
    page.locator("#title").fill("Ноолууран утас 2/26 Nm, 500 кг")
    page.locator("#quantity").fill("500")
    page.locator("#req-nm_count-min").fill("26")
    page.locator("#incoterm").select_option("DAP")
    page.locator("#destination_place").fill("Улаанбаатар")
    page.get_by_label(first_name).check()
    page.get_by_label(second_name).check()
    page.get_by_role("button", name=t(app, "mn", "Send request")).click()
    expect(page).to_have_url(re.compile(r"/mn/rfqs/\d+$"))
    expect(page.get_by_text(t(app, "mn", "Your request for quotation has been sent."))).to_be_visible()
    rfq_url = page.url

    # -- both sellers quote
    s1_context = browser.new_context(base_url=base_url, locale="zh-CN")
    s1 = s1_context.new_page()
    _log_in(s1, app, "zh", "zhang@dongsheng.example")
    s1.get_by_role("link", name=t(app, "zh", "Quote requests")).first.click()
    s1.get_by_role("link", name="Ноолууран утас 2/26 Nm, 500 кг").click()
    _quote(s1, app, "zh", "Ноолууран утас", "140.00")

    s2_context = browser.new_context(base_url=base_url, locale="en-US")
    s2 = s2_context.new_page()
    _log_in(s2, app, "en", "sales@arbas.example")
    s2.goto("/en/quotes")
    s2.get_by_role("link", name="Ноолууран утас 2/26 Nm, 500 кг").click()
    _quote(s2, app, "en", "Ноолууран утас", "138.00")

    # -- the buyer compares, then counters the first seller
    page.goto(rfq_url)
    expect(page.locator("table.compare")).to_contain_text(first_name)
    expect(page.locator("table.compare")).to_contain_text(second_name)
    page.locator("table.compare tr", has_text=first_name).get_by_role(
        "link", name=t(app, "mn", "Open thread")
    ).click()
    page.locator("#unit_price").fill("130")
    page.locator("#message").fill("130 ам.доллар болгож болох уу?")
    page.get_by_role("button", name=t(app, "mn", "Send to the seller")).click()
    expect(page.get_by_text(t(app, "mn", "Your answer has been sent to the seller."))).to_be_visible()
    thread_url = page.url

    # -- the first seller sees the counter-offer and revises
    s1.reload()
    expect(s1.locator(".status-next")).to_have_text(t(app, "zh", "Counter-offer received: send a revision"))
    _quote(s1, app, "zh", "Ноолууран утас", "134.00", revision=True)

    # -- the buyer accepts revision 2
    page.goto(thread_url)
    expect(page.locator(".status-next")).to_have_text(t(app, "mn", "New quote to review"))
    page.get_by_role("button", name=t(app, "mn", "Accept revision %(n)s and place the order", n=2)).click()
    expect(page).to_have_url(re.compile(r"/mn/orders/\d+$"))
    expect(page.locator("table.lines")).to_contain_text("67,000.00")  # 500 kg × 134 USD, revision 2
    with app.app_context():
        order = db.session.scalar(db.select(Order))
        assert order.total == 67000 and order.lead_time_days == 25 and order.state.value == "awaiting_deposit"
        db.session.remove()

    # -- the other seller is told
    s2.goto("/en/quotes")
    expect(s2.locator("table.quotes")).to_contain_text("Not selected")
    s1_context.close()
    s2_context.close()
