"""Language prefixes and redirects, error pages, security headers, CSRF, health."""

import pytest
from factories import make_user
from support import t


def test_root_redirects_by_accept_language(client):
    r = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert r.status_code == 302 and r.headers["Location"].endswith("/ru/")
    r = client.get("/", headers={"Accept-Language": "mn"})
    assert r.headers["Location"].endswith("/mn/")
    r = client.get("/", headers={"Accept-Language": "de"})
    assert r.headers["Location"].endswith("/en/")


def test_cookie_beats_accept_language_and_user_preference_beats_cookie(client, seed):
    client.get("/zh/")  # visiting a language remembers it
    r = client.get("/", headers={"Accept-Language": "ru"})
    assert r.headers["Location"].endswith("/zh/")
    seed(lambda: make_user("mn@example.com", language="mn").id)
    from support import Browserish

    Browserish(client).submit("/en/login", {"email": "mn@example.com", "password": "correct-horse-battery"})
    r = client.get("/", headers={"Accept-Language": "ru"})
    assert r.headers["Location"].endswith("/mn/")


@pytest.mark.parametrize("lang", ["zh", "en", "ru", "mn"])
def test_pages_are_served_in_the_prefix_language(app, client, lang):
    r = client.get(f"/{lang}/login")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert t(app, lang, "Forgot your password?") in html


def test_language_switcher_keeps_the_current_page_and_query(client):
    html = client.get("/en/admin/companies?state=pending").get_data(as_text=True)
    # anonymous users are sent to log in; the switcher on the login page keeps the next= query
    html = client.get("/en/login?next=/en/dashboard").get_data(as_text=True)
    assert 'href="/ru/login?next=/en/dashboard"' in html
    assert 'href="/mn/login?next=/en/dashboard"' in html


def test_unknown_language_prefix_is_404(client):
    assert client.get("/de/login").status_code == 404


@pytest.mark.parametrize("lang", ["zh", "ru", "mn"])
def test_error_pages_are_translated(app, client, lang):
    r = client.get(f"/{lang}/no-such-page")
    assert r.status_code == 404
    assert t(app, lang, "This page does not exist, or you cannot see it.") in r.get_data(as_text=True)


def test_api_errors_are_json_with_stable_codes(client):
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"
    r = client.get("/api/v1/me")
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"


def test_security_headers(client):
    r = client.get("/en/")
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_session_cookie_flags(client, seed):
    seed(lambda: make_user("flags@example.com").id)
    from support import Browserish

    r = Browserish(client).submit(
        "/en/login", {"email": "flags@example.com", "password": "correct-horse-battery"}
    )
    cookie = "\n".join(r.headers.getlist("Set-Cookie"))
    assert "session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_post_without_csrf_token_is_refused_and_changes_nothing(client, seed):
    r = client.post(
        "/en/signup",
        data={
            "display_name": "X",
            "email": "x@example.com",
            "password": "long-enough-pw",
            "language": "en",
        },
    )
    assert r.status_code == 400
    assert "expired" in r.get_data(as_text=True)
    from marketplace.accounts.services import user_by_email

    assert seed(lambda: user_by_email("x@example.com")) is None


def test_healthz_reports_database(client):
    body = client.get("/healthz").get_json()
    assert body["database"]["status"] == "ok"
    assert body["worker"]["status"] == "down"


def test_production_config_refuses_default_secret(monkeypatch):
    from marketplace import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"ENV_NAME": "production"})
    app = create_app({"ENV_NAME": "production", "SECRET_KEY": "a-real-secret-from-the-vault"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_environment_overrides_configuration(monkeypatch, tmp_path):
    from marketplace import create_app

    monkeypatch.setenv("DATABASE_URL", "postgres://u@db.internal/market")
    monkeypatch.setenv("MAIL_PORT", "2525")
    app = create_app({"ENV_NAME": "testing"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.internal/market"
    assert app.config["MAIL_PORT"] == 2525
