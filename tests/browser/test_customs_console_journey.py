"""Customs console journey: an admin finds a rejected declaration in the "needs attention" view (in
Chinese), reads the customs reason, opens a message's XML, and resubmits it after confirming."""

import re

import pytest
from customs.console_world import rejected
from customs.customs_factories import make_key_pair
from factories import PASSWORD, make_user
from playwright.sync_api import Page, expect
from support import t

from marketplace.customs.models import Declaration
from marketplace.customs.signing import RsaSigner
from marketplace.extensions import db

pytestmark = pytest.mark.browser

REASON = "[Code:1300;Desc:商品编码与申报品名不符]"


@pytest.fixture
def signer(app, tmp_path):
    keys = make_key_pair(tmp_path)
    old = (
        app.extensions.get("customs_signer"),
        app.config["CUSTOMS_SIGNING_KEY"],
        app.config["CUSTOMS_SIGNING_CERT"],
    )
    app.config["CUSTOMS_SIGNING_KEY"], app.config["CUSTOMS_SIGNING_CERT"] = keys
    app.extensions["customs_signer"] = RsaSigner.from_files(*keys)
    yield
    (
        app.extensions["customs_signer"],
        app.config["CUSTOMS_SIGNING_KEY"],
        app.config["CUSTOMS_SIGNING_CERT"],
    ) = old


def test_admin_resubmits_a_rejected_declaration(page: Page, app, seed, signer):
    def world():
        make_user("customs-admin@example.com", admin=True, language="zh")
        return rejected(1, reason=REASON).id

    decl_id = seed(world)
    page.goto("/zh/login")
    page.get_by_label(t(app, "zh", "E-mail")).fill("customs-admin@example.com")
    page.get_by_label(t(app, "zh", "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, "zh", "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))

    page.goto("/zh/admin/")
    page.locator("#customs-attention").click()
    expect(page.get_by_role("heading", name=t(app, "zh", "Customs declarations"), level=1)).to_be_visible()
    page.get_by_role("link", name=f"#{decl_id}").click()
    expect(page.locator("#rejection-reason")).to_contain_text("商品编码与申报品名不符")
    expect(page.locator("#declaration-state")).to_have_text(t(app, "zh", "Rejected by customs"))
    expect(page.locator("#messages")).to_contain_text(t(app, "zh", "Signature verified"))
    page.locator("#messages details summary").first.click()
    expect(page.locator("#messages pre").first).to_contain_text("<ceb:CEB303Message")

    # The button does nothing until the box is ticked (the browser enforces the required box).
    page.get_by_role("button", name=t(app, "zh", "Resubmit")).click()
    expect(page.locator("#declaration-state")).to_have_text(t(app, "zh", "Rejected by customs"))
    page.locator("#confirm-resubmit").check()
    page.get_by_role("button", name=t(app, "zh", "Resubmit")).click()
    expect(page.locator(".flash-success")).to_contain_text(
        t(app, "zh", "The declaration is resubmitted as a change (revision %(revision)d).", revision=2)
    )
    expect(page.locator("#declaration-state")).to_have_text(t(app, "zh", "Submitted to the platform"))
    expect(page.locator("#rejection-reason")).to_have_count(0)
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        assert decl.revision == 2 and [x.app_type for x in decl.messages if x.revision == 2] == [
            "2",
            "2",
            "2",
        ]
