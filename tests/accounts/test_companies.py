"""Companies: registration with identifier validation, Ordos flag, permissions, invitations."""

import re

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_company, make_user
from support import read_mail, t

from marketplace.accounts.models import Company, CompanyIdentifier, Invitation, Membership
from marketplace.accounts.states import VerificationState
from marketplace.extensions import db

SELLER = {
    "kind": "seller",
    "legal_name": "鄂尔多斯市准格尔化工有限公司",
    "legal_name_latin": "Ordos Jungar Chemical Co., Ltd.",
    "country": "CN",
    "address": "准格尔旗大路工业园区",
    "city": "Ordos",
    "uscc": "91150622MA0N2QRL6P",
    "customs_code": "1506960123",
}
BUYER = {
    "kind": "buyer",
    "legal_name": "ООО «СибПолимер»",
    "legal_name_latin": "SibPolymer LLC",
    "country": "RU",
    "address": "Novosibirsk",
    "inn": "7707083893",
    "ogrn": "1027700132195",
}


def _login(web, email):
    r = web.submit("/en/login", {"email": email, "password": PASSWORD})
    assert r.status_code == 302


@pytest.fixture
def member(web, seed):
    seed(lambda: make_user("owner@example.com").id)
    _login(web, "owner@example.com")
    return web


def test_register_seller_marks_ordos_and_waits_for_verification(member, app):
    r = member.submit("/en/companies/new", SELLER)
    assert r.status_code == 302
    with app.app_context():
        c = db.session.scalar(sa.select(Company))
        assert c.is_ordos and c.verification == VerificationState.PENDING
        assert c.identifier("cn_uscc") == "91150622MA0N2QRL6P"
        assert {i.status for i in c.identifiers} == {"checksum_ok", "format_ok"}
        (m,) = c.memberships
        assert m.role.value == "owner"
    page = member.get(r.headers["Location"]).get_data(as_text=True)
    assert "Ordos enterprise" in page and "Awaiting verification" in page


def test_seller_outside_ordos_is_not_flagged(member, app):
    data = {**SELLER, "uscc": "91110000600037341L", "customs_code": "1101910001"}
    assert member.submit("/en/companies/new", data).status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(Company.is_ordos)) is False


def test_register_buyer_with_russian_identifiers(member, app):
    assert member.submit("/en/companies/new", BUYER).status_code == 302
    with app.app_context():
        c = db.session.scalar(sa.select(Company))
        assert c.verification == VerificationState.UNVERIFIED
        assert c.identifier("ru_inn") == "7707083893" and not c.is_ordos


@pytest.mark.parametrize(
    ("changes", "field_text"),
    [
        ({"uscc": "91150622MA0N2QRL6Q"}, "check character"),
        ({"uscc": "91150622MA0N2QRL6"}, "18"),
        ({"customs_code": "15069X0123"}, "digit"),
        ({"uscc": ""}, "Sellers must give this code."),
        ({"country": "MN"}, "Seller companies must be registered in China."),
        ({"legal_name_latin": "鄂尔多斯"}, "Latin letters"),
    ],
)
def test_invalid_seller_data_is_refused_and_nothing_is_written(member, app, changes, field_text):
    r = member.submit("/en/companies/new", {**SELLER, **changes})
    assert r.status_code == 200
    assert field_text in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CompanyIdentifier)) == 0


def test_identifier_errors_are_translated(member, app):
    r = member.submit("/ru/companies/new", {**BUYER, "inn": "7707083894"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "7707083894" not in re.findall(r'class="error"[^>]*>([^<]*)<', html)
    errors = re.findall(r'class="error" role="alert">([^<]*)<', html)
    assert errors and all(not e.isascii() for e in errors), errors  # Cyrillic, not English


def test_identifier_of_another_country_is_refused(member):
    r = member.submit("/en/companies/new", {**BUYER, "country": "KZ"})
    assert "only to companies registered in" in r.get_data(as_text=True)


def test_same_uscc_cannot_register_twice(member, app, web):
    assert member.submit("/en/companies/new", SELLER).status_code == 302
    r = member.submit("/en/companies/new", {**SELLER, "legal_name_latin": "Copy Co"})
    assert "Another company on the platform is registered with this code." in r.get_data(as_text=True)


def test_companies_are_invisible_to_other_companies(app, client, seed):
    from support import Browserish

    a, b = seed(
        lambda: (
            make_company(make_user("alice@example.com"), "seller").id,
            make_company(make_user("bob@example.com")).id,
        )
    )
    web = Browserish(client)
    _login(web, "bob@example.com")
    for url in (
        f"/en/companies/{a}",
        f"/en/companies/{a}/members",
        f"/en/companies/{a}/edit",
    ):
        assert web.get(url).status_code == 404, url
    r = web.submit(f"/en/companies/{b}", {}, action=f"/en/companies/{a}/switch")
    assert r.status_code == 404
    assert web.get(f"/en/companies/{b}").status_code == 200
    assert "Test Seller" not in web.get("/en/dashboard").get_data(as_text=True)


def test_member_sees_but_cannot_edit_or_invite(app, client, seed):
    from support import Browserish

    def world():
        owner, staff = make_user("o@example.com"), make_user("s@example.com")
        company = make_company(owner, "seller")
        company.memberships.append(Membership(user=staff, role="member"))
        return company.id

    company_id = seed(world)
    web = Browserish(client)
    _login(web, "s@example.com")
    assert web.get(f"/en/companies/{company_id}").status_code == 200
    assert web.get(f"/en/companies/{company_id}/edit").status_code == 403
    r = web.submit(f"/en/companies/{company_id}/members", {"email": "x@example.com", "role": "member"})
    assert r.status_code == 403
    assert read_mail(app) == []


def test_owner_edits_company(member, app):
    member.submit("/en/companies/new", BUYER)
    with app.app_context():
        cid = db.session.scalar(sa.select(Company.id))
    r = member.submit(f"/en/companies/{cid}/edit", {**BUYER, "city": "Novosibirsk", "ogrn": ""})
    assert r.status_code == 302
    with app.app_context():
        c = db.session.get(Company, cid)
        assert c.city == "Novosibirsk" and c.identifier("ru_ogrn") is None


def test_invitation_flow(app, client, seed):
    from support import Browserish

    company_id = seed(lambda: make_company(make_user("boss@example.com"), "seller").id)
    web = Browserish(client)
    _login(web, "boss@example.com")
    r = web.submit(
        f"/en/companies/{company_id}/members", {"email": "Colleague@Example.com", "role": "member"}
    )
    assert r.status_code == 302
    (mail,) = read_mail(app)
    assert "To: colleague@example.com" in mail
    link = re.search(r"http://localhost(/\w\w/invitations/\S+)", mail).group(1)
    web.submit("/en/dashboard", {}, action="/en/logout")

    # The invitee signs up with the invited address, then accepts.
    invitee = Browserish(app.test_client())
    assert invitee.get(link).status_code == 200
    invitee.submit(
        f"/en/signup?next={link}",
        {
            "display_name": "Col",
            "email": "colleague@example.com",
            "password": "a-long-password",
            "language": "en",
        },
    )
    r = invitee.submit(link, {})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/companies/{company_id}")
    with app.app_context():
        roles = {m.user.email: m.role.value for m in db.session.get(Company, company_id).memberships}
        assert roles == {"boss@example.com": "owner", "colleague@example.com": "member"}
        assert db.session.scalar(sa.select(Invitation.accepted_at)) is not None
    # Used once only.
    assert invitee.get(link).status_code == 400


def test_invitation_for_someone_else_is_refused(app, client, seed):
    from support import Browserish

    from marketplace.accounts.services import invite_member

    def world():
        owner = make_user("boss2@example.com")
        other = make_user("other@example.com")
        _, token = invite_member(owner, make_company(owner), "invitee@example.com", "member")
        return other.id, token

    other_id, token = seed(world)
    web = Browserish(client)
    _login(web, "other@example.com")
    r = web.submit(f"/en/invitations/{token}", {})
    assert r.status_code == 403
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count()).select_from(Membership).where(Membership.user_id == other_id)
            )
            == 0
        )


def test_last_owner_cannot_leave(member, app):
    member.submit("/en/companies/new", BUYER)
    with app.app_context():
        cid = db.session.scalar(sa.select(Company.id))
        uid = db.session.scalar(sa.select(Membership.user_id))
    r = member.submit(f"/en/companies/{cid}/members", {}, action=f"/en/companies/{cid}/members/{uid}/remove")
    assert r.status_code == 409
    assert t(app, "en", "A company needs at least one owner.") in r.get_data(as_text=True)
