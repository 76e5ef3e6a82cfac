"""Seller credit journey: a Chinese-speaking buyer rates a completed order in the browser, the seller
answers in English, and the rating shows on the seller's profile with the credit badge."""

import os
import re
import sys
from pathlib import Path

import pytest
from factories import PASSWORD, make_company, make_user
from playwright.sync_api import Page, expect
from support import t

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "credit"))
from credit_world import day, order, parties

pytestmark = pytest.mark.browser


def _log_in(page: Page, app, lang: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_buyer_rates_completed_order_and_seller_answers(page: Page, app, seed, tmp_path):
    def world():
        seller_owner, seller, buyer_user, buyer = parties(0)
        seller_owner.email, seller_owner.language = "li@ordos.example", "en"
        buyer_user.email, buyer_user.language = "zhang@buyer.example", "zh"
        make_company(make_user("admin-credit@example.com", admin=True))
        history = [
            ("in_production", day(40)),
            ("shipped", day(35)),
            ("delivered", day(20)),
            ("completed", day(15)),
        ]
        return order(seller, buyer, history).id, seller.id

    order_id, seller_id = seed(world)
    shots = Path(os.environ.get("CREDIT_SHOTS") or tmp_path)  # screenshots to look at the pages
    shots.mkdir(exist_ok=True)

    _log_in(page, app, "zh", "zhang@buyer.example")
    page.goto(f"/zh/orders/{order_id}")
    form = page.locator("#rating-form")
    expect(form).to_be_visible()
    for name, stars in (("overall", "5"), ("as_described", "4"), ("communication", "5"), ("on_time", "4")):
        form.locator(f'input[name="{name}"][value="{stars}"]').check()
    form.get_by_label(t(app, "zh", "Comment (optional)")).fill("货物质量很好，发货准时。")
    page.screenshot(path=str(shots / "order-rating-form-zh.png"), full_page=True)
    form.get_by_role("button", name=t(app, "zh", "Publish the rating")).click()
    expect(page.get_by_text(t(app, "zh", "Thank you: your rating is published."))).to_be_visible()
    expect(page.locator("#rating blockquote")).to_have_text("货物质量很好，发货准时。")
    expect(page.locator("#rating-form")).to_have_count(0)

    _log_in(page, app, "en", "li@ordos.example")
    page.goto(f"/en/orders/{order_id}")
    reply = page.locator("#reply-form")
    reply.get_by_label("Answer publicly (once)").fill(
        "Thank you for your order, we look forward to the next one."
    )
    reply.get_by_role("button", name="Publish the answer").click()
    expect(page.get_by_text("Your answer is published.")).to_be_visible()
    expect(page.locator("#reply-form")).to_have_count(0)
    page.screenshot(path=str(shots / "order-rating-answered-en.png"), full_page=True)

    page.goto(f"/zh/sellers/{seller_id}")
    panel = page.locator("#credit")
    expect(panel.locator(".credit-badge")).to_have_text(t(app, "zh", "Not enough history"))
    expect(panel.get_by_text("货物质量很好，发货准时。")).to_be_visible()
    expect(panel.get_by_text("Thank you for your order, we look forward to the next one.")).to_be_visible()
    panel.locator("summary").click()
    expect(panel.locator('[data-component="ratings"]')).to_contain_text(t(app, "zh", "Buyer ratings"))
    page.screenshot(path=str(shots / "seller-profile-zh.png"), full_page=True)

    _log_in(page, app, "en", "admin-credit@example.com")
    page.goto(f"/en/admin/credit/{seller_id}")
    page.get_by_role("button", name="Recompute now").click()
    expect(page.locator("#credit-history tbody tr")).to_have_count(1)
    expect(page.locator("#credit-history")).to_contain_text("1 ratings, 5 stars")
    page.screenshot(path=str(shots / "admin-credit-en.png"), full_page=True)
