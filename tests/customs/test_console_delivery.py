"""Console actions that talk to the service platform (a real HTTP double): retrying delivery never
sends an acknowledged new message again, and polling receipts on demand."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_user

from customs.console_world import declare, list_message
from customs.test_services import Platform, receipt_xml
from marketplace.accounts.models import User
from marketplace.core.audit import AuditEntry
from marketplace.core.errors import Conflict
from marketplace.core.outbox import JobStatus, OutboxJob, Worker
from marketplace.customs import admin_services
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

S = DeclarationState


@pytest.fixture
def platform(app):
    double = Platform()
    old = app.config["SERVICE_PLATFORM_URL"]
    app.config["SERVICE_PLATFORM_URL"] = double.url
    yield double
    app.config["SERVICE_PLATFORM_URL"] = old
    double.server.shutdown()


@pytest.fixture
def admin_web(web, seed):
    seed(lambda: make_user("root@example.com", admin=True).id)
    assert web.submit("/en/login", {"email": "root@example.com", "password": PASSWORD}).status_code == 302
    return web


def _jobs():
    return {j.idempotency_key.split(":", 1)[1]: j for j in db.session.scalars(sa.select(OutboxJob))}


def test_retry_requeues_dead_letters_and_never_resends_a_delivered_message(app, platform, admin_web):
    # The order goes through; then the platform fails and the waybill and list are dead-lettered.
    platform.script = [200] + [503] * 10
    with app.app_context():
        decl = declare(1)
        for job in db.session.scalars(sa.select(OutboxJob)):
            job.max_attempts = 1
        db.session.commit()
        decl_id = decl.id
        Worker().drain()
        db.session.expire_all()
        decl = db.session.get(Declaration, decl_id)
        delivered = [x.guid for x in decl.messages if x.delivery == Delivery.DELIVERED]
        assert [x.kind for x in decl.messages if x.guid in delivered] == ["CEB303"]
        assert sorted(j.status for j in _jobs().values()) == [JobStatus.DEAD, JobStatus.DEAD, JobStatus.DONE]
        assert platform.received == [(delivered[0], "CEB303")]
    platform.script = []  # the platform is back
    page = admin_web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert 'id="retry-form"' in page and page.count("Failed permanently") == 2

    admin_web.submit(
        f"/en/admin/customs/{decl_id}", {"confirm": "y"}, action=f"/en/admin/customs/{decl_id}/retry"
    )
    page = admin_web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert "2 messages are queued to be sent again." in page
    with app.app_context():
        jobs = _jobs()
        assert jobs[delivered[0]].status == JobStatus.DONE  # the acknowledged new message stays done
        assert sorted(j.status for j in jobs.values()) == [
            JobStatus.DONE,
            JobStatus.PENDING,
            JobStatus.PENDING,
        ]
        entry = db.session.scalar(
            sa.select(AuditEntry).where(AuditEntry.action == "customs.delivery_retried")
        )
        assert entry.subject_id == decl_id and len(entry.details["messages"]) == 2
        Worker().drain()
        db.session.expire_all()
        messages = db.session.scalars(sa.select(DeclarationMessage).order_by(DeclarationMessage.id)).all()
        assert all(x.delivery == Delivery.DELIVERED for x in messages)
        sent = [guid for guid, _kind in platform.received]
        assert sorted(sent) == sorted(x.guid for x in messages)  # each exactly once: CEB303 not again
        # Nothing left to retry: a refusal, no job touched, no audit entry.
        with pytest.raises(Conflict):
            admin_services.retry_delivery(db.session.get(User, entry.actor_id), decl_from(decl_id))
        db.session.rollback()
    admin_web.submit(
        f"/en/admin/customs/{decl_id}", {"confirm": "y"}, action=f"/en/admin/customs/{decl_id}/retry"
    )
    assert "Nothing to retry" in admin_web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count(AuditEntry.id)).where(AuditEntry.action == "customs.delivery_retried")
            )
            == 1
        )
        assert len(platform.received) == 3


def decl_from(decl_id):
    return db.session.get(Declaration, decl_id)


def test_retry_requeues_a_failed_job_waiting_for_its_next_attempt(app, platform, admin_web):
    platform.script = [503, 200, 200, 200]
    with app.app_context():
        decl = declare(1)
        db.session.commit()
        decl_id = decl.id
        worker = Worker()
        worker.claim = _first_only(worker)  # run only the first job: it fails and waits for backoff
        worker.drain(max_batches=1)
        order_job = _jobs()[decl.messages[0].guid]
        assert order_job.status == JobStatus.PENDING and order_job.attempts == 1
    admin_web.submit(
        f"/en/admin/customs/{decl_id}", {"confirm": "y"}, action=f"/en/admin/customs/{decl_id}/retry"
    )
    assert "1 message is queued to be sent again." in admin_web.get(f"/en/admin/customs/{decl_id}").get_data(
        as_text=True
    )
    with app.app_context():
        Worker().drain()
        db.session.expire_all()
        assert all(x.delivery == Delivery.DELIVERED for x in decl_from(decl_id).messages)
        assert len(platform.received) == 3


def _first_only(worker):
    claim = worker.claim

    def first():
        ids = claim()
        if len(ids) > 1:  # give the others back untouched
            for job in db.session.scalars(sa.select(OutboxJob).where(OutboxJob.id.in_(ids[1:]))):
                job.status, job.attempts, job.locked_by, job.locked_until = JobStatus.PENDING, 0, None, None
            db.session.commit()
        return ids[:1]

    return first


def test_poll_receipts_now(app, platform, admin_web):
    with app.app_context():
        decl = declare(1)
        db.session.commit()
        decl_id = decl.id
        Worker().drain()
        head_guid = list_message(decl).head_guid
    platform.receipts[head_guid] = receipt_xml(head_guid, "800", time="20261126100000001", info="放行")
    admin_web.submit("/en/admin/customs/", {}, action="/en/admin/customs/poll")
    page = admin_web.get("/en/admin/customs/").get_data(as_text=True)
    assert "1 new receipt applied." in page
    with app.app_context():
        assert decl_from(decl_id).state == S.RELEASED
        assert db.session.scalar(
            sa.select(AuditEntry.details).where(AuditEntry.action == "customs.receipts_polled")
        ) == {"applied": 1}
    detail = admin_web.get(f"/en/admin/customs/{decl_id}").get_data(as_text=True)
    assert "<code>800</code> Released" in detail and "放行" in detail


def test_poll_without_a_platform_is_a_clear_refusal(app, admin_web):
    app.config["SERVICE_PLATFORM_URL"], old = None, app.config["SERVICE_PLATFORM_URL"]
    try:
        admin_web.submit("/en/admin/customs/", {}, action="/en/admin/customs/poll")
        assert "not configured" in admin_web.get("/en/admin/customs/").get_data(as_text=True)
    finally:
        app.config["SERVICE_PLATFORM_URL"] = old
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(sa.func.count(AuditEntry.id)).where(AuditEntry.action.like("customs.%"))
            )
            == 0
        )
