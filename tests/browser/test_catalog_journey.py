"""Issue 3 journey: a seller lists PP with a Chinese SDS, an admin approves it, a Mongolian buyer
sees it in Mongolian with the price converted into MNT."""

import re
from datetime import date

import pytest
from factories import PASSWORD, make_user, seed_catalog, verified_seller
from playwright.sync_api import Browser, Page, expect
from support import t

from marketplace.catalog import services
from marketplace.demo.catalog_demo import tiny_pdf

pytestmark = pytest.mark.browser


def _log_in(page: Page, app, lang: str, email: str) -> None:
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_pp_listing_from_seller_to_mongolian_buyer(
    page: Page, browser: Browser, app, seed, tmp_path, base_url
):
    def world():
        seed_catalog()
        seller, _company = verified_seller("wang@yitai.example")
        seller.language = "zh"
        admin = make_user("root@example.com", admin=True)
        make_user("bat@tavan.example", language="mn")
        services.set_fx_rate(admin, "USD", "MNT", "3452", date(2026, 11, 25))

    seed(world)
    sds = tmp_path / "PP-T30S-SDS-中文.pdf"
    sds.write_bytes(tiny_pdf("PP T30S safety data sheet (zh)"))

    # -- the seller, in Chinese
    _log_in(page, app, "zh", "wang@yitai.example")
    page.get_by_role("link", name=t(app, "zh", "My listings")).first.click()
    page.get_by_role("link", name=t(app, "zh", "New listing")).click()
    page.get_by_role("link", name="聚丙烯", exact=False).first.click()
    page.locator("#title-zh").fill("聚丙烯 T30S 拉丝级 25公斤袋装")
    page.locator("#title-mn").fill("Полипропилен T30S, утасны зэрэг")
    page.locator("#description-mn").fill("Ордост үйлдвэрлэсэн гомополимер, 25 кг уут.")
    page.locator("#attr-cas_numbers").fill("9003-07-0")
    page.locator("#attr-pp_type").select_option("homopolymer")
    page.locator("#attr-mfr").fill("3.0")
    page.locator("#hs_code").fill("3902100090")
    page.locator("#moq").fill("25")
    page.locator("#order_multiple").fill("25")
    page.locator("#lead_time_days").fill("14")
    page.locator("#incoterm").select_option("FCA")
    page.locator("#incoterm_place").fill("Erenhot")
    page.locator("#transport_mode").select_option("road")
    page.locator("#price-0-currency").fill("USD")
    page.locator("#price-0-min_quantity").fill("25")
    page.locator("#price-0-unit_price").fill("1050.00")
    page.get_by_role("button", name=t(app, "zh", "Save draft")).click()
    expect(page).to_have_url(re.compile(r"/zh/seller/listings/\d+/edit$"))
    listing_id = int(re.search(r"/listings/(\d+)/edit", page.url).group(1))

    page.locator("#kind").select_option("sds")
    page.locator("#language").select_option("zh")
    page.locator("#file").set_input_files(str(sds))
    page.get_by_role("button", name=t(app, "zh", "Upload")).click()
    expect(page.get_by_role("link", name="PP-T30S-SDS-中文.pdf")).to_be_visible()
    page.get_by_role("button", name=t(app, "zh", "Submit for review")).click()
    expect(page).to_have_url(re.compile(r"/zh/seller/listings$"))

    # -- the admin
    admin_context = browser.new_context(base_url=base_url, locale="en-US")
    admin = admin_context.new_page()
    _log_in(admin, app, "en", "root@example.com")
    admin.goto("/en/admin/catalog/queue")
    admin.get_by_role("link", name="聚丙烯 T30S 拉丝级 25公斤袋装").click()
    expect(admin.get_by_text("Safety data sheet (SDS)")).to_be_visible()
    admin.get_by_role("button", name="Approve and publish").click()
    expect(admin.get_by_text("The listing is published.")).to_be_visible()
    admin_context.close()

    # -- the Mongolian buyer
    buyer_context = browser.new_context(base_url=base_url, locale="mn-MN")
    buyer = buyer_context.new_page()
    _log_in(buyer, app, "mn", "bat@tavan.example")
    buyer.goto("/mn/c/pp")
    buyer.get_by_role("link", name="Полипропилен T30S, утасны зэрэг").first.click()
    expect(buyer).to_have_url(re.compile(rf"/mn/listings/{listing_id}$"))
    expect(buyer.get_by_role("heading", level=1)).to_have_text("Полипропилен T30S, утасны зэрэг")
    expect(buyer.locator("table.prices")).to_contain_text("3,624,600.00")  # 1,050 USD × 3,452
    expect(buyer.locator("table.prices")).to_contain_text("₮")
    buyer.screenshot(path=str(tmp_path / "listing-mn.png"), full_page=True)
    buyer_context.close()
