"""The dashboard, its CSV downloads, the API and `flask stats report`: who may see them, and that
they show the figures of test_figures.py."""

from __future__ import annotations

import csv
import io
import json

from factories import PASSWORD, make_user
from support import csrf_from
from world import world


def _login(client, email):
    page = client.get("/en/login").get_data(as_text=True)
    r = client.post("/en/login", data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page)})
    assert r.status_code == 302


def _token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def _rows(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_only_admins_see_the_dashboard(client, seed):
    seed(lambda: make_user("plain@example.com").id)
    assert client.get("/en/admin/statistics/").status_code == 302  # to the log-in page
    _login(client, "plain@example.com")
    assert client.get("/en/admin/statistics/?period=2026-Q3").status_code == 403
    assert client.get("/en/admin/statistics/all.csv?period=2026-Q3").status_code == 403
    api = _token(client, "plain@example.com")
    r = client.get("/api/v1/admin/statistics?period=2026-Q3", headers=api)
    assert r.status_code == 403 and r.get_json()["error"]["code"] == "forbidden"
    assert client.get("/api/v1/admin/statistics.csv", headers=api).status_code == 403
    assert client.get("/api/v1/admin/statistics").status_code == 401


def test_dashboard_shows_the_figures_charts_and_tables(client, seed):
    seed(world)
    _login(client, "root@example.com")
    page = client.get("/en/admin/statistics/?period=2026-Q3").get_data(as_text=True)
    assert 'id="figure-export-cny"' in page and "142,300.00" in page
    assert "88.9 %" in page and "meets the plan" in page
    assert page.count('<svg class="stats-chart"') == 3
    assert "Mongolia (MN)" in page and "Cashmere" in page
    assert 'href="/en/admin/statistics/countries.csv?period=2026-Q3"' in page
    assert "How each figure is defined" in page
    zh = client.get("/zh/admin/statistics/?period=2026-Q3&country=MN&vertical=chemicals").get_data(
        as_text=True
    )
    assert "蒙古 (MN)" in zh and "71,000.00" in zh
    # the admin navigation links to it
    assert 'href="/en/admin/statistics/"' in client.get("/en/admin/").get_data(as_text=True)


def test_bad_filters_show_an_error_not_a_500(client, seed):
    seed(world)
    _login(client, "root@example.com")
    r = client.get("/en/admin/statistics/?from=2026-09-10&to=2026-09-01")
    assert r.status_code == 422 and "must not be before" in r.get_data(as_text=True)
    r = client.get("/en/admin/statistics/all.csv?period=2026-Q9")
    assert r.status_code == 422
    api = _token(client, "root@example.com")
    r = client.get("/api/v1/admin/statistics?mode=9610", headers=api)
    assert r.status_code == 422 and "mode" in r.get_json()["error"]["fields"]


def test_csv_downloads_respect_the_filters(client, seed):
    seed(world)
    _login(client, "root@example.com")
    r = client.get("/ru/admin/statistics/countries.csv?period=2026-Q3")
    assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    rows = _rows(r.data)
    assert rows[0][0] == "Страна"
    by_country = {row[0]: row[1:] for row in rows[1:]}
    assert by_country["Монголия (MN)"][:4] == ["85400.00", "21150.00", "0.00", "106550.00"]
    rows = _rows(
        client.get("/zh/admin/statistics/countries.csv?period=2026-Q3&vertical=chemicals&country=MN").data
    )
    assert [row[0] for row in rows[1:]] == ["蒙古 (MN)"] and rows[1][4] == "71000.00"
    rows = _rows(client.get("/en/admin/statistics/summary.csv?period=2026-Q3").data)
    summary = {row[0]: row[1] for row in rows[1:]}
    assert summary["Export value (CNY)"] == "142300.00"
    assert summary["Share of Ordos-made products"] == "88.9"
    everything = client.get("/en/admin/statistics/all.csv?period=2026-Q3").data.decode("utf-8-sig")
    for title in ("Key figures", "By destination country", "Declaration outcomes", "Exchange rates used"):
        assert f"\n{title}\n" in everything


def test_api_returns_the_same_figures(client, seed):
    seed(world)
    api = _token(client, "root@example.com")
    data = client.get(
        "/api/v1/admin/statistics?period=2026-Q3&country=MN&vertical=chemicals", headers=api
    ).get_json()
    assert data["filters"]["from"] == "2026-07-01" and data["filters"]["to"] == "2026-09-30"
    assert data["figures"]["export_value_cny"] == "71000.00"
    assert data["figures"]["orders"] == 1
    assert data["tables"]["countries"]["columns"][0] == "country"
    assert data["tables"]["countries"]["rows"][0][:2] == ["MN", "71000.00"]
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/admin/statistics" in spec["paths"] and "/api/v1/admin/statistics.csv" in spec["paths"]


def test_cli_report_writes_csv_and_json(app, runner, seed, tmp_path):
    seed(world)
    result = runner.invoke(args=["stats", "report", "--period", "2026-Q3", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["figures"]["export_value_cny"] == "142300.00" and data["figures"]["ordos_share"] == "88.9"
    out = tmp_path / "q3.csv"
    result = runner.invoke(args=["stats", "report", "--period", "2026-07", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_bytes())
    assert rows[0] == ["Period", "2026-07-01", "2026-07-31"]
    assert ["Export value (CNY)", "92150.00", "CNY"] in rows
    result = runner.invoke(args=["stats", "report", "--period", "2026", "--format", "json"])
    # the year adds O5 (999 USD completed 1 June, before the first USD rate: its oldest, 7.10, is used)
    assert json.loads(result.output)["figures"]["export_value_cny"] == "149392.90"
    result = runner.invoke(args=["stats", "report", "--period", "2026-13"])
    assert result.exit_code == 2 and "period" in result.output


def test_api_csv_of_one_table_and_preset_over_custom_range(client, seed):
    seed(world)
    api = _token(client, "root@example.com")
    r = client.get("/api/v1/admin/statistics.csv?period=2026-Q3&table=modes", headers=api)
    rows = _rows(r.data)
    assert rows[0][0] == "Mode" and rows[2][:2] == ["9810 export to overseas warehouses", "21150.00"]
    r = client.get("/api/v1/admin/statistics.csv?table=nope", headers=api)
    assert r.status_code == 422 and "table" in r.get_json()["error"]["fields"]
    # the page's form sends both: a chosen preset wins over left-over custom dates
    data = client.get(
        "/api/v1/admin/statistics?period=2026-Q3&from=2026-01-01&to=2026-01-02", headers=api
    ).get_json()
    assert data["filters"]["from"] == "2026-07-01" and data["figures"]["export_value_cny"] == "142300.00"
    data = client.get(
        "/api/v1/admin/statistics?period=&from=2026-07-01&to=2026-07-31", headers=api
    ).get_json()
    assert data["figures"]["export_value_cny"] == "92150.00"
