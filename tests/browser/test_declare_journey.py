"""Issue 8 journey: a seller ships an order in the browser (creates the shipment, clicks "Declare to
customs"); the declaration goes through an outbox worker thread over real HTTP to the service-platform
simulator started as a real process, whose receipts come back to the app's callback; the shipment page
shows "Released by customs" without any manual step, and the buyer sees the customs steps."""

from __future__ import annotations

import re
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from customs.customs_factories import make_key_pair
from customs.test_simulator import start_simulator
from factories import PASSWORD
from playwright.sync_api import Page, expect
from support import t

from marketplace.core.outbox import Worker
from marketplace.customs.models import Declaration
from marketplace.customs.signing import RsaSigner
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db
from marketplace.shipments.models import Shipment
from marketplace.shipments.states import ShipmentState

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "shipments"))
from shipment_world import fx_rates, ready_order

pytestmark = pytest.mark.browser


@pytest.fixture
def platform(app, live_server, tmp_path):
    """Signing key, callback secret, the simulator as a process, and a worker thread draining the
    outbox (as `flask worker` does) until the test ends."""
    (tmp_path / "keys").mkdir()
    key, cert = make_key_pair(tmp_path / "keys")
    saved = {k: app.config.get(k) for k in ("CUSTOMS_SIGNING_KEY", "CUSTOMS_SIGNING_CERT")}
    saved_url, saved_secret = app.config["SERVICE_PLATFORM_URL"], app.config.get("CUSTOMS_CALLBACK_SECRET")
    app.config.update(
        CUSTOMS_SIGNING_KEY=key, CUSTOMS_SIGNING_CERT=cert, CUSTOMS_CALLBACK_SECRET="callback-secret"
    )
    app.extensions["customs_signer"] = RsaSigner.from_files(key, cert)
    proc, url = start_simulator(live_server, tmp_path)
    app.config["SERVICE_PLATFORM_URL"] = url
    stop = threading.Event()

    def work():
        worker = Worker(worker_id="journey")
        while not stop.is_set():
            with app.app_context():
                worker.drain()
                db.session.commit()
                db.session.remove()
            stop.wait(0.2)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    yield url
    stop.set()
    thread.join(timeout=10)
    proc.terminate()
    proc.wait(timeout=10)
    app.config.update(saved, SERVICE_PLATFORM_URL=saved_url, CUSTOMS_CALLBACK_SECRET=saved_secret)
    app.extensions.pop("customs_signer", None)


def _log_in(page: Page, app, lang: str, email: str) -> None:
    page.goto(f"/{lang}/login")
    page.get_by_label(t(app, lang, "E-mail")).fill(email)
    page.get_by_label(t(app, lang, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, lang, "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_seller_declares_in_the_browser_and_customs_releases_the_shipment(
    page: Page, app, seed, platform, tmp_path
):
    def world():
        fx_rates()
        buyer, _bc, seller, _sc, order = ready_order("100")
        buyer.email, seller.email = "bat@tavan.example", "li@ordos-chem.example"
        return order.id

    order_id = seed(world)
    _log_in(page, app, "zh", "li@ordos-chem.example")
    page.goto(f"/zh/orders/{order_id}")
    page.get_by_role("link", name=t(app, "zh", "Create a shipment")).click()
    # Half a tonne (505 USD = 3,585.50 CNY): the simplified list goes to the platform.
    page.locator("input[id^=line_]").fill("0.5")
    page.locator("#packages").fill("2")
    page.locator("#gross_weight_kg").fill("520")
    page.locator("#net_weight_kg").fill("500")
    page.locator("#carrier_name").fill("二连浩特鄂尔多斯物流")
    page.locator("#carrier_customs_code").fill("1506980001")
    page.locator("#waybill_number").fill("EOL-2026-0777")
    page.locator("#departure_date").fill("2026-02-01")
    page.get_by_role("button", name=t(app, "zh", "Create shipment")).click()
    expect(page.locator(".page-head")).to_contain_text(t(app, "zh", "Created"))

    page.locator("#destination_port").fill("12")
    page.locator("#declare-button").click()
    expect(page.locator("#declaration-errors")).to_contain_text(t(app, "zh", "Port of discharge"))
    page.locator("#destination_port").fill("1240")
    page.locator("#declare-button").click()
    expect(page.locator(".page-head")).to_contain_text(t(app, "zh", "Declared to customs"))
    expect(page.locator("#declaration")).to_contain_text(t(app, "zh", "Simplified declaration list (CEB603)"))
    page.screenshot(path=str(tmp_path / "declared-zh.png"), full_page=True)

    # No manual step: the worker sends the three messages, the platform calls back 2 -> 120 -> 800.
    released = t(app, "zh", "Released by customs")
    deadline = time.monotonic() + 60
    while released not in page.locator(".page-head").inner_text():
        assert time.monotonic() < deadline, "the shipment was not released by customs"
        time.sleep(1)
        page.reload()
    expect(page.locator("#invt-no")).to_be_visible()
    expect(page.locator("#receipts")).to_contain_text("800")
    page.screenshot(path=str(tmp_path / "released-zh.png"), full_page=True)
    stats = requests.get(f"{platform}/stats", timeout=5).json()
    assert stats["messages"] == 3 and stats["duplicates_as_new"] == 0
    with app.app_context():
        shipment = db.session.scalars(sa.select(Shipment)).one()
        decl = db.session.scalars(sa.select(Declaration)).one()
        assert shipment.state == ShipmentState.RELEASED and decl.state == DeclarationState.RELEASED
        shipment_id = shipment.id
        db.session.remove()

    # The seller can now mark the departure; the buyer sees the customs steps on the timeline (English).
    departed = t(app, "zh", "Departed")
    page.get_by_role("button", name=t(app, "zh", "Move to “%(state)s”", state=departed)).click()
    expect(page.locator(".page-head")).to_contain_text(t(app, "zh", "Departed"))
    page.context.clear_cookies()
    _log_in(page, app, "en", "bat@tavan.example")
    page.goto(f"/en/shipments/{shipment_id}")
    expect(page.locator("#tracking")).to_contain_text("Declared to customs")
    expect(page.locator("#tracking")).to_contain_text("Released by customs")
    expect(page.locator("#declaration-state")).to_contain_text("Released by customs")
    expect(page.locator("#declare-form")).to_have_count(0)
    expect(page.locator("#cancel-declaration-form")).to_have_count(0)
    page.screenshot(path=str(tmp_path / "buyer-en.png"), full_page=True)
