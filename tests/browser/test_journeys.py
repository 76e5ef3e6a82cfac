"""A newcomer registers a buyer company, switches language, logs out and in, sees the dashboard."""

import re

import pytest
from playwright.sync_api import Page, expect
from support import t

pytestmark = pytest.mark.browser


def test_register_switch_language_log_in_and_see_dashboard(page: Page, app, tmp_path):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    page.get_by_role("link", name="Create an account").first.click()

    page.get_by_label("Your name").fill("Batbayar Dorj")
    page.get_by_label("E-mail").fill("batbayar@tavan.example")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/en/companies/new$"))

    page.get_by_label("Company type").select_option("buyer")
    page.get_by_label("Legal name (original script)").fill("Таван Богд Трейд ХХК")
    page.get_by_label("Legal name in Latin letters").fill("Tavan Bogd Trade LLC")
    page.get_by_label("Country of registration").select_option("MN")
    page.get_by_label("Registered address").fill("Sükhbaatar district, Ulaanbaatar")
    page.get_by_label("State registration number").fill("5319676")
    page.get_by_role("button", name="Register the company").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Таван Богд Трейд ХХК")
    company_url = page.url

    # Switch to Russian: the same page, translated.
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(company_url.replace("/en/", "/ru/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("link", name=t(app, "ru", "Edit details"))).to_be_visible()
    page.screenshot(path=str(tmp_path / "company-ru.png"), full_page=True)

    # And to Mongolian.
    page.get_by_role("link", name="Монгол").click()
    expect(page).to_have_url(company_url.replace("/en/", "/mn/"))
    expect(page.get_by_role("link", name=t(app, "mn", "Edit details"))).to_be_visible()

    # Log out and back in: the dashboard shows the company.
    page.get_by_role("button", name=t(app, "mn", "Log out")).click()
    page.goto("/mn/login")
    page.get_by_label(t(app, "mn", "E-mail")).fill("batbayar@tavan.example")
    page.get_by_label(t(app, "mn", "Password")).fill("a-long-password-1")
    page.get_by_role("button", name=t(app, "mn", "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    expect(page.get_by_role("heading", name=t(app, "mn", "Your companies"))).to_be_visible()
    expect(page.get_by_role("link", name="Таван Богд Трейд ХХК")).to_be_visible()
    page.screenshot(path=str(tmp_path / "dashboard-mn.png"), full_page=True)


def test_invalid_identifier_shows_a_translated_error_in_the_browser(page: Page, app):
    page.goto("/zh/signup")
    page.get_by_label(t(app, "zh", "Your name")).fill("王磊")
    page.get_by_label(t(app, "zh", "E-mail")).fill("wang@yitai.example")
    page.get_by_label(t(app, "zh", "Password"), exact=True).fill("a-long-password-1")
    page.get_by_label(t(app, "zh", "Preferred language")).select_option("zh")
    page.get_by_role("button", name=t(app, "zh", "Create account")).click()
    page.get_by_label(t(app, "zh", "Company type")).select_option("seller")
    page.get_by_label(t(app, "zh", "Legal name (original script)")).fill("鄂尔多斯市测试化工有限公司")
    page.get_by_label(t(app, "zh", "Legal name in Latin letters")).fill("Ordos Test Chemical")
    page.get_by_label(t(app, "zh", "Country of registration")).select_option("CN")
    page.get_by_label(t(app, "zh", "Registered address")).fill("准格尔旗")
    page.get_by_label(t(app, "zh", "Unified social credit code (USCC)")).fill("91150622MA0N2QRL6Q")
    page.get_by_label(t(app, "zh", "Customs registration code")).fill("1506960123")
    page.get_by_role("button", name=t(app, "zh", "Register the company")).click()
    error = page.locator(".field.has-error .error").first
    expect(error).to_be_visible()
    expect(error).to_contain_text("P")  # names the expected check character
    assert not error.inner_text().isascii()
