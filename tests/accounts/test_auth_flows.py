"""Sign-up, log-in (rate-limited), log-out and password reset through the web pages."""

import re

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_user
from support import read_mail, t

from marketplace.accounts.models import LoginAttempt, User
from marketplace.core.audit import AuditEntry
from marketplace.extensions import db


def _signup(web, email="new@example.com", password="a-long-password", lang="en", **extra):
    return web.submit(
        f"/{lang}/signup",
        {"display_name": "Nomin", "email": email, "password": password, "language": lang, **extra},
    )


def test_signup_normalises_email_hashes_password_and_logs_in(web, app):
    r = _signup(web, email="  Nomin.B@Example.COM ")
    assert r.status_code == 302 and r.headers["Location"].endswith("/en/companies/new")
    with app.app_context():
        user = db.session.scalar(sa.select(User))
        assert user.email == "nomin.b@example.com"
        assert user.password_hash.startswith("$argon2id$")
    assert web.get("/en/dashboard").status_code == 200


def test_signup_refuses_duplicate_email_with_a_translated_message(web, app, seed):
    seed(lambda: make_user("taken@example.com").id)
    r = _signup(web, email="TAKEN@example.com", lang="ru")
    assert r.status_code == 200
    assert t(app, "ru", "An account with this e-mail address already exists.") in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [("short", "between 10 and 128"), ("new@example.com", "must not be your e-mail")],
)
def test_signup_password_rules(web, password, message):
    r = _signup(web, password=password)
    assert r.status_code == 200
    assert message in r.get_data(as_text=True)


def test_login_and_logout(web, seed):
    seed(lambda: make_user("a@example.com").id)
    r = web.submit("/en/login", {"email": "A@example.com", "password": PASSWORD})
    assert r.status_code == 302 and "/en/dashboard" in r.headers["Location"]
    assert web.get("/en/dashboard").status_code == 200
    r = web.submit("/en/dashboard", {}, action="/en/logout")
    assert r.status_code == 302
    r = web.get("/en/dashboard")
    assert r.status_code == 302 and "/en/login" in r.headers["Location"]


def test_login_redirect_only_to_local_pages(web, seed):
    seed(lambda: make_user("b@example.com").id)
    r = web.submit(
        "/en/login?next=https://evil.example/",
        {"email": "b@example.com", "password": PASSWORD},
        action="/en/login?next=https://evil.example/",
    )
    assert r.headers["Location"].endswith("/en/dashboard")


def test_wrong_password_is_refused_and_recorded(web, app, seed):
    seed(lambda: make_user("c@example.com").id)
    r = web.submit("/en/login", {"email": "c@example.com", "password": "nope-nope-nope"})
    assert r.status_code == 200
    assert "e-mail address or password is wrong" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(LoginAttempt)) == 1
        assert db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.action == "user.login_failed"))


def test_login_rate_limited_per_account(web, app, seed):
    seed(lambda: make_user("d@example.com").id)
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        web.submit("/en/login", {"email": "d@example.com", "password": "wrong-password"})
    # Even the right password is refused while the account is throttled.
    r = web.submit("/en/login", {"email": "d@example.com", "password": PASSWORD})
    assert r.status_code == 429
    assert "Too many failed log-ins" in r.get_data(as_text=True)
    r = web.submit("/mn/login", {"email": "d@example.com", "password": PASSWORD})
    expected = t(app, "mn", "Too many failed log-ins. Wait %(minutes)s minutes and try again.", minutes=15)
    assert r.status_code == 429 and expected in r.get_data(as_text=True)


def test_login_rate_limited_per_ip_across_accounts(web, app, seed):
    seed(lambda: make_user("victim@example.com").id)
    limit = app.config["LOGIN_MAX_FAILURES_PER_IP"]
    for i in range(limit):
        web.submit("/en/login", {"email": f"probe{i}@example.com", "password": "wrong-password"})
    r = web.submit("/en/login", {"email": "victim@example.com", "password": PASSWORD})
    assert r.status_code == 429
    # Another address is not affected.
    r = web.submit(
        "/en/login",
        {"email": "victim@example.com", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.9.8.7"},
    )
    assert r.status_code == 302


def _reset_link(mail: str) -> str:
    m = re.search(r"http://localhost(/\w\w/password/reset/\S+)", mail)
    assert m, mail
    return m.group(1)


def test_password_reset_by_email_link(web, app, seed):
    seed(lambda: make_user("e@example.com", language="ru").id)
    r = web.submit("/en/password/forgot", {"email": "e@example.com"})
    assert r.status_code == 302
    (mail,) = read_mail(app)
    assert "To: e@example.com" in mail
    assert t(app, "ru", "Reset your password") in mail  # in the user's language
    link = _reset_link(mail)
    assert link.startswith("/ru/")
    r = web.submit(link, {"password": "brand-new-password", "confirm": "brand-new-password"})
    assert r.status_code == 302
    r = web.submit("/en/login", {"email": "e@example.com", "password": "brand-new-password"})
    assert r.status_code == 302
    # The link works once.
    r = web.get(link)
    used = t(app, "ru", "This reset link has already been used. Ask for a new one.")
    assert r.status_code == 400 and used in r.get_data(as_text=True)


def test_password_reset_for_unknown_address_says_the_same_and_sends_nothing(web, app):
    r = web.submit("/en/password/forgot", {"email": "ghost@example.com"})
    assert r.status_code == 302
    assert read_mail(app) == []


def test_expired_and_forged_reset_links_are_refused(web, app, seed):
    from marketplace.accounts.services import make_reset_token

    token = seed(lambda: make_reset_token(make_user("f@example.com")))
    assert web.get(f"/en/password/reset/{token}x").status_code == 400
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    try:
        r = web.get(f"/en/password/reset/{token}")
        assert r.status_code == 400 and "expired" in r.get_data(as_text=True)
    finally:
        app.config["PASSWORD_RESET_MAX_AGE"] = 3600


def test_profile_and_password_change(web, app, seed):
    seed(lambda: make_user("g@example.com").id)
    web.submit("/en/login", {"email": "g@example.com", "password": PASSWORD})
    r = web.submit("/en/account", {"display_name": "Gerel", "language": "mn", "timezone": "Asia/Ulaanbaatar"})
    assert r.status_code == 302 and r.headers["Location"].endswith("/mn/account")
    r = web.submit(
        "/en/account",
        {"pw-current_password": "wrong-one-here", "pw-new_password": "another-password"},
        action="/en/account/password",
    )
    assert r.status_code == 422 and "current password is wrong" in r.get_data(as_text=True)
    r = web.submit(
        "/en/account",
        {"pw-current_password": PASSWORD, "pw-new_password": "another-password"},
        action="/en/account/password",
    )
    assert r.status_code == 302
    with app.app_context():
        u = db.session.scalar(sa.select(User).where(User.email == "g@example.com"))
        assert (u.display_name, u.language, u.timezone) == ("Gerel", "mn", "Asia/Ulaanbaatar")
