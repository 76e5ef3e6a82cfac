"""An admin opens the statistics in Chinese, filters to Mongolia and chemicals, sees the chart and
downloads the CSV."""

import csv
import io
import os
import re

import pytest
from factories import PASSWORD
from playwright.sync_api import Page, expect
from support import t

from marketplace.extensions import db

pytestmark = pytest.mark.browser


def test_admin_filters_statistics_in_chinese_and_downloads_csv(page: Page, app, tmp_path):
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "stats"))
    from world import world

    with app.app_context():
        world()
        db.session.commit()
        db.session.remove()

    page.goto("/zh/login")
    page.get_by_label(t(app, "zh", "E-mail")).fill("root@example.com")
    page.get_by_label(t(app, "zh", "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, "zh", "Log in")).click()
    page.goto("/zh/admin/")
    page.get_by_role("link", name=t(app, "zh", "Statistics")).click()
    expect(page).to_have_url(re.compile(r"/zh/admin/statistics/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(app, "zh", "Pilot-zone statistics"))

    page.get_by_label(t(app, "zh", "Period"), exact=True).select_option("2026-Q3")
    page.get_by_label(t(app, "zh", "Destination country"), exact=True).select_option("MN")
    page.get_by_label(t(app, "zh", "Vertical"), exact=True).select_option("chemicals")
    page.get_by_role("button", name=t(app, "zh", "Show")).click()
    expect(page).to_have_url(re.compile(r"country=MN"))
    expect(page.locator("#figure-export-cny")).to_contain_text("71,000.00")

    chart = page.locator('svg[data-chart="countries"]')
    expect(chart).to_be_visible()
    expect(chart.locator("text.label")).to_have_text(["蒙古 (MN)"])
    expect(chart.locator("rect.series-9710")).to_have_count(1)
    expect(page.locator("#table-countries tbody th")).to_have_text(["蒙古 (MN)"])
    page.screenshot(path=str(tmp_path / "stats-zh.png"), full_page=True)
    if os.environ.get("STATS_SCREENSHOT_DIR"):
        page.screenshot(path=os.path.join(os.environ["STATS_SCREENSHOT_DIR"], "stats-zh.png"), full_page=True)

    with page.expect_download() as info:
        page.locator('a[data-csv="countries"]').click()
    download = info.value
    assert download.suggested_filename == "ordos-statistics-countries-2026-07-01-2026-09-30.csv"
    with open(download.path(), "rb") as fh:
        data = fh.read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == t(app, "zh", "Country")
    assert rows[1][0] == "蒙古 (MN)" and rows[1][1] == "71000.00" and len(rows) == 2
