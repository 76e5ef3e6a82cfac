"""Risk screening in the browser: an order from a buyer on the denied-party list is held (the buyer
sees the hold in Chinese, without the list's details); an admin opens the queue and the flag in Chinese
and English, sees the matched entry and score, clears it with a reason, and the order is no longer held."""

import re
import sys
from pathlib import Path

import pytest
from factories import PASSWORD, make_user
from playwright.sync_api import Page, expect
from support import t

from marketplace.extensions import db
from marketplace.risk.models import RiskFlag
from marketplace.risk.states import FlagState

pytestmark = pytest.mark.browser
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))


def _login(page: Page, app, lang: str, email: str) -> None:
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_admin_clears_a_denied_party_flag_the_buyer_saw_as_a_hold(page: Page, app, seed, tmp_path):
    def world():
        import risk_world  # tests/risk

        risk_world.load_sample()
        m = risk_world.market("Ivanov Trading LLC")
        m["buyer"].email = "buyer@ivanov.example"
        m["admin"].email = "compliance@ordos.example"
        order = risk_world.place(m)
        make_user()
        return order.id, db.session.scalar(db.select(RiskFlag.id))

    order_id, flag_id = seed(world)

    _login(page, app, "zh", "buyer@ivanov.example")
    page.goto(f"/zh/orders/{order_id}")
    expect(page.locator("#compliance-hold")).to_contain_text(t(app, "zh", "Held for compliance review"))
    expect(page.locator("body")).not_to_contain_text("Иванов")
    page.screenshot(path=str(tmp_path / "risk-order-zh.png"), full_page=True)
    page.context.clear_cookies()

    _login(page, app, "zh", "compliance@ordos.example")
    page.goto("/zh/admin/risk/flags")
    expect(page.locator("#flags")).to_contain_text(t(app, "zh", "Denied-party match"))
    page.screenshot(path=str(tmp_path / "risk-queue-zh.png"), full_page=True)
    page.locator(f"#flags a[href$='/flags/{flag_id}']").click()
    expect(page.locator("#evidence")).to_contain_text("ООО «Иванов Трейдинг»")
    page.screenshot(path=str(tmp_path / "risk-flag-zh.png"), full_page=True)

    page.goto(f"/en/admin/risk/flags/{flag_id}")
    expect(page.locator("#finding")).to_contain_text("matches")
    page.screenshot(path=str(tmp_path / "risk-flag-en.png"), full_page=True)
    page.get_by_role("button", name="Clear: let it continue").click()
    expect(page.locator(".field.has-error")).to_contain_text("Say why.")
    page.locator("#reason").fill("Different company: INN and address differ from the listed entity.")
    page.get_by_role("button", name="Clear: let it continue").click()
    expect(page.locator("h1")).to_contain_text("Cleared")
    page.screenshot(path=str(tmp_path / "risk-flag-cleared-en.png"), full_page=True)

    page.goto(f"/en/orders/{order_id}")
    expect(page.locator("#compliance-hold")).to_have_count(0)

    # The destination list, maintained in Chinese: Mongolia needs an extra check from now on.
    page.goto("/zh/admin/risk/countries")
    page.locator("#country").select_option("MN")
    page.locator("#level").select_option("extra_check")
    page.locator("#note").fill("边境地区最终用途核查")
    page.get_by_role("button", name=t(app, "zh", "Save")).click()
    expect(page.locator("#countries")).to_contain_text("边境地区最终用途核查")
    page.screenshot(path=str(tmp_path / "risk-countries-zh.png"), full_page=True)
    with app.app_context():
        assert db.session.get(RiskFlag, flag_id).state == FlagState.CLEARED
        db.session.remove()
