"""The customs console in the browser's shoes (Flask client): only admins, the detail page (XML, XSD
result, signature, receipts, history), and each action with its confirmation, audit and refusals."""

from __future__ import annotations

from html import escape

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_company, make_user

from customs.console_world import declare, full_route, rejected, released
from marketplace.core.audit import AuditEntry
from marketplace.core.errors import PermissionDenied
from marketplace.customs import admin_services
from marketplace.customs.models import Declaration, DeclarationMessage
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

S = DeclarationState


def login(web, email):
    assert web.submit("/en/login", {"email": email, "password": PASSWORD}).status_code == 302


def audit_actions(app):
    with app.app_context():
        return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.fixture
def admin(seed):
    seed(lambda: make_user("root@example.com", admin=True).id)
    return "root@example.com"


def post(web, decl_id, action, data=None, lang="en"):
    return web.submit(
        f"/{lang}/admin/customs/{decl_id}", data or {}, action=f"/{lang}/admin/customs/{decl_id}/{action}"
    )


def test_only_admins(web, client, seed, app):
    def world():
        make_company(make_user("seller@example.com"), "seller")
        make_user("buyer@example.com")
        return declare(1).id

    decl_id = seed(world)
    for url in ("/en/admin/customs/", f"/en/admin/customs/{decl_id}"):
        r = client.get(url)
        assert r.status_code == 302 and "/en/login" in r.headers["Location"]
    for email in ("seller@example.com", "buyer@example.com"):
        login(web, email)
        for url in (
            "/en/admin/customs/",
            f"/en/admin/customs/{decl_id}",
            f"/en/admin/customs/{decl_id}/messages/1.xml",
        ):
            assert web.get(url).status_code == 403, url
        # Posting an action (with a valid CSRF token from a page they can see) is refused too.
        r = web.submit("/en/dashboard", {"confirm": "y"}, action=f"/en/admin/customs/{decl_id}/resubmit")
        assert r.status_code == 403
        web.submit("/en/dashboard", {}, action="/en/logout")
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        from marketplace.accounts.models import User

        seller = db.session.scalar(sa.select(User).where(User.email == "seller@example.com"))
        with pytest.raises(PermissionDenied):
            admin_services.retry_delivery(seller, decl)
        assert decl.state == S.SUBMITTED and decl.revision == 1


def test_index_lists_and_links(web, admin, seed):
    def world():
        rejected(1)
        released(2)

    seed(world)
    login(web, admin)
    home = web.get("/en/admin/").get_data(as_text=True)
    assert 'href="/en/admin/customs/"' in home and 'id="customs-attention"' in home
    page = web.get("/en/admin/customs/").get_data(as_text=True)
    assert "ORD-2026-000001" in page and "ORD-2026-000002" in page
    assert "Rejected by customs" in page and "Released by customs" in page
    filtered = web.get("/en/admin/customs/?state=released").get_data(as_text=True)
    assert "ORD-2026-000002" in filtered and "ORD-2026-000001" not in filtered
    zh = web.get("/zh/admin/customs/?attention=rejected").get_data(as_text=True)
    assert "ORD-2026-000001" in zh and "ORD-2026-000002" not in zh and "报关单" in zh


def test_detail_shows_xml_validation_signature_and_receipts(web, admin, seed, app):
    def world():
        decl = rejected(1, reason="[Code:1300;Desc:商品编码与申报品名不符]")
        return decl.id, [x.id for x in decl.messages]

    decl_id, (order_id, waybill_id, list_id) = seed(world)
    login(web, admin)
    page = web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert "商品编码与申报品名不符" in page and "Rejected by customs" in page
    assert escape("<ceb:CEB303Message") in page and escape("<ceb:Inventory>") in page  # escaped XML
    assert "\n  <ceb:" not in page and escape("\n  <ceb:Order>") in page  # pretty-printed
    assert page.count("Valid against ceb-export-202205.xsd") == 3
    assert page.count("Signature verified") == 3
    assert "Entered into the customs database" not in page and "<code>100</code> Rejected by customs" in page
    assert "Simplified declaration list (CEB603)" in page and "Within the list limit" in page
    assert 'id="resubmit-form"' in page and 'id="cancel-form"' not in page and 'id="entry-form"' not in page

    download = web.get(f"/en/admin/customs/{decl_id}/messages/{list_id}.xml")
    with app.app_context():
        message = db.session.get(DeclarationMessage, list_id)
        assert download.headers["Content-Disposition"] == f'attachment; filename="CEB603_{message.guid}.xml"'
        assert download.get_data(as_text=True).endswith(message.xml)
        assert web.get(f"/en/admin/customs/{decl_id + 1}/messages/{list_id}.xml").status_code == 404
        # Tamper with the stored messages: the page checks again on every display.
        order = db.session.get(DeclarationMessage, order_id)
        order.xml = order.xml.replace("ORD-2026-000001", "ORD-2026-000999")  # signed content changed
        waybill = db.session.get(DeclarationMessage, waybill_id)
        start = waybill.xml.index("<ds:Signature")
        waybill.xml = waybill.xml[:start] + waybill.xml[waybill.xml.index("</ds:Signature>") + 15 :]
        message.xml = message.xml.replace("<ceb:tradeMode>9710</ceb:tradeMode>", "")
        db.session.commit()
    page = web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert "Signature invalid" in page and "Not signed" in page
    assert page.count("Valid against ceb-export-202205.xsd") == 2 and "tradeMode" in page
    zh = web.get(f"/zh/admin/customs/{decl_id}").get_data(as_text=True)
    assert "商品编码与申报品名不符" in zh and "签名无效" in zh


def test_resubmit_needs_confirmation_and_is_audited(web, admin, seed, app):
    decl_id = seed(lambda: rejected(1).id)
    login(web, admin)
    refused = post(web, decl_id, "resubmit")  # the box not ticked
    assert refused.status_code == 302
    assert "Tick the confirmation box" in web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Declaration, decl_id).state == S.REJECTED
    assert "customs.resubmitted" not in audit_actions(app)

    post(web, decl_id, "resubmit", {"confirm": "y"})
    page = web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert "resubmitted as a change (revision 2)" in page
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        assert decl.state == S.SUBMITTED and decl.revision == 2 and decl.rejection_reason is None
        assert [x.app_type for x in decl.messages if x.revision == 2] == ["2", "2", "2"]
        entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "customs.resubmitted"))
        assert entry.subject_id == decl_id and entry.details["revision"] == 2
        assert "商品编码" in entry.details["rejection"]
    # Once resubmitted it cannot be resubmitted again: a translated refusal, nothing changes.
    post(web, decl_id, "resubmit", {"confirm": "y"}, lang="ru")
    page = web.get(f"/ru/admin/customs/{decl_id}").get_data(as_text=True)
    assert "Only a rejected declaration" not in page and "flash-error" in page
    with app.app_context():
        assert db.session.get(Declaration, decl_id).revision == 2
    assert audit_actions(app).count("customs.resubmitted") == 1


def test_cancel_needs_a_reason(web, admin, seed, app):
    decl_id = seed(lambda: released(1).id)
    login(web, admin)
    assert 'id="cancel-form"' in web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    post(web, decl_id, "cancel", {"confirm": "y", "reason": "   "})
    assert "Give the reason" in web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Declaration, decl_id).state == S.RELEASED
    post(web, decl_id, "cancel", {"confirm": "y", "reason": "Buyer withdrew the order"})
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        assert decl.state == S.CANCEL_REQUESTED and decl.cancel_reason == "Buyer withdrew the order"
        assert decl.messages[-1].kind == "CEB605"
        entry = db.session.scalar(
            sa.select(AuditEntry).where(AuditEntry.action == "customs.cancel_requested")
        )
        assert entry.details["reason"] == "Buyer withdrew the order"


def test_record_entry_number(web, admin, seed, app):
    decl_id = seed(lambda: full_route(1).id)
    login(web, admin)
    page = web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert 'id="entry-form"' in page and "10000004" in page and "above the 5,000.00 CNY limit" in page
    post(web, decl_id, "entry", {"confirm": "y", "entry_no": "12345"})
    assert "18 digits" in web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Declaration, decl_id).entry_no is None
    post(web, decl_id, "entry", {"confirm": "y", "entry_no": "070220261000012345"})
    with app.app_context():
        decl = db.session.get(Declaration, decl_id)
        assert decl.state == S.ENTERED and decl.entry_no == "070220261000012345"
    assert audit_actions(app).count("customs.entry_recorded") == 1


def test_list_page_statements_do_not_grow_with_declarations(web, admin, seed, app):
    from catalog.test_query_counts import count_queries

    def counted(first, last):
        seed(lambda: [declare(n) for n in range(first, last)])
        with count_queries(app) as statements:
            assert web.get("/en/admin/customs/").status_code == 200
        return len(statements)

    login(web, admin)
    few = counted(1, 3)
    many = counted(3, 15)
    assert few == many, (few, many)
