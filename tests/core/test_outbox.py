"""The transactional outbox: atomic with the business write, at-most-one runner per job,
retries with backoff, dead-letter, lease expiry."""

import threading
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from marketplace.core import outbox
from marketplace.core.db import utcnow
from marketplace.core.outbox import JobStatus, OutboxJob, Worker
from marketplace.extensions import db

RAN: list[int] = []
_lock = threading.Lock()
FAIL_TIMES: dict[int, int] = {}


@outbox.handler("test.record")
def _record(job):
    time.sleep(0.005)  # widen the window in which two workers could collide
    with _lock:
        RAN.append(job.payload["n"])


@outbox.handler("test.flaky")
def _flaky(job):
    n = job.payload["n"]
    if FAIL_TIMES.get(n, 0) > 0:
        FAIL_TIMES[n] -= 1
        raise RuntimeError(f"transient failure of job {n}")
    with _lock:
        RAN.append(n)


@pytest.fixture(autouse=True)
def _reset():
    RAN.clear()
    FAIL_TIMES.clear()


def _jobs():
    return list(db.session.scalars(sa.select(OutboxJob).order_by(OutboxJob.id)))


def test_rolled_back_transaction_queues_nothing(ctx):
    outbox.enqueue("test.record", {"n": 1})
    db.session.rollback()
    assert _jobs() == []
    assert Worker().drain() == 0
    assert RAN == []


def test_committed_job_runs_once_and_is_marked_done(ctx):
    outbox.enqueue("test.record", {"n": 7})
    db.session.commit()
    worker = Worker()
    assert worker.drain() == 1
    assert worker.drain() == 0
    (job,) = _jobs()
    assert RAN == [7]
    assert job.status == JobStatus.DONE and job.attempts == 1 and job.finished_at is not None


def test_idempotency_key_queues_one_job(ctx):
    a = outbox.enqueue("test.record", {"n": 1}, key="order-1-confirmed")
    b = outbox.enqueue("test.record", {"n": 1}, key="order-1-confirmed")
    assert a.id == b.id
    db.session.commit()
    assert len(_jobs()) == 1


def test_unknown_job_kind_is_refused_at_enqueue(ctx):
    with pytest.raises(KeyError):
        outbox.enqueue("no.such.kind", {})


def test_failing_job_is_retried_with_backoff_then_succeeds(ctx, app):
    app.config["OUTBOX_BACKOFF_BASE"] = 60.0
    try:
        FAIL_TIMES[3] = 1
        outbox.enqueue("test.flaky", {"n": 3})
        db.session.commit()
        worker = Worker()
        worker.drain()
        (job,) = _jobs()
        assert job.status == JobStatus.PENDING and job.attempts == 1
        assert "transient failure" in job.last_error
        # Backoff: not due yet, so a second drain does nothing ...
        assert worker.drain() == 0
        delay = job.run_after - utcnow()
        assert timedelta(seconds=50) < delay <= timedelta(seconds=60)
        # ... until the delay has passed.
        job.run_after = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert worker.drain() == 1
        db.session.expire_all()
        (job,) = _jobs()
        assert job.status == JobStatus.DONE and job.attempts == 2 and RAN == [3]
    finally:
        app.config["OUTBOX_BACKOFF_BASE"] = 0.0


def test_backoff_doubles(ctx, app):
    app.config["OUTBOX_BACKOFF_BASE"] = 5.0
    try:
        assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    finally:
        app.config["OUTBOX_BACKOFF_BASE"] = 0.0


def test_job_is_dead_lettered_after_max_attempts(ctx):
    FAIL_TIMES[9] = 99
    outbox.enqueue("test.flaky", {"n": 9}, max_attempts=3)
    db.session.commit()
    Worker().drain()
    (job,) = _jobs()
    assert job.status == JobStatus.DEAD
    assert job.attempts == 3
    assert FAIL_TIMES[9] == 96  # exactly three tries
    assert outbox.worker_status()["jobs_dead"] == 1


def test_expired_lease_is_taken_over(ctx):
    outbox.enqueue("test.record", {"n": 5})
    db.session.commit()
    crashed = Worker(worker_id="crashed")
    assert len(crashed.claim()) == 1  # claimed, then the process "dies" without running it
    other = Worker(worker_id="other")
    assert other.drain() == 0  # the lease still holds
    (job,) = _jobs()
    job.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert other.drain() == 1
    assert RAN == [5]
    assert crashed.run_job(job.id) is False  # the late worker finds the job no longer its own
    assert RAN == [5]


def test_two_workers_racing_run_each_job_exactly_once(app):
    with app.app_context():
        for n in range(60):
            outbox.enqueue("test.record", {"n": n})
        db.session.commit()

    counts = {}

    def work(name):
        with app.app_context():
            counts[name] = Worker(worker_id=name, batch_size=3).drain()
            db.session.remove()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(RAN) == list(range(60)), "every job ran exactly once"
    assert sum(counts.values()) == 60
    with app.app_context():
        statuses = set(db.session.scalars(sa.select(OutboxJob.status)))
        assert statuses == {JobStatus.DONE}


@pytest.mark.postgres_only
def test_postgres_claim_skips_rows_locked_by_another_worker(app):
    """On PostgreSQL a second worker skips the rows another transaction has locked."""
    with app.app_context():
        for n in range(4):
            outbox.enqueue("test.record", {"n": n})
        db.session.commit()
        engine = db.engine
        with engine.connect() as holder:
            tx = holder.begin()
            locked = (
                holder.execute(sa.text("SELECT id FROM outbox_jobs ORDER BY id LIMIT 2 FOR UPDATE"))
                .scalars()
                .all()
            )
            claimed = Worker(worker_id="w2").claim()
            assert set(claimed).isdisjoint(locked)
            assert len(claimed) == 2
            tx.rollback()


def test_heartbeat_makes_worker_visible_in_healthz(app, client):
    assert client.get("/healthz").get_json()["worker"]["status"] == "down"
    with app.app_context():
        w = Worker(worker_id="hb")
        w.heartbeat()
    body = client.get("/healthz").get_json()
    assert body["worker"]["workers_alive"] == 1 and body["status"] == "ok"
    with app.app_context():
        w.stop()
    assert client.get("/healthz").get_json()["worker"]["workers_alive"] == 0


@pytest.mark.postgres_only
def test_a_queued_job_wakes_an_idle_worker_on_postgres(app):
    """The worker's wait ends at the commit that queued a job, not at the end of its poll interval."""
    import time

    from marketplace.core.outbox import Wakeup

    with app.app_context():
        wakeup = Wakeup(db.engine)
        assert wakeup.wait(0.01) is False  # listening now; nothing queued
        woken: list[float] = []

        def idle():
            started = time.perf_counter()
            woken.append(wakeup.wait(20.0))
            woken.append(time.perf_counter() - started)

        sleeper = threading.Thread(target=idle)
        sleeper.start()
        time.sleep(0.2)
        outbox.enqueue("test.record", {"n": 1})
        db.session.commit()
        sleeper.join(timeout=25)
        wakeup.close()
    assert woken[0] is True and woken[1] < 5.0


def test_an_idle_worker_on_sqlite_polls():
    import time

    from marketplace.core.outbox import Wakeup

    engine = sa.create_engine("sqlite://")
    wakeup = Wakeup(engine)
    started = time.perf_counter()
    assert wakeup.wait(0.05) is False
    assert time.perf_counter() - started >= 0.05
    engine.dispose()
