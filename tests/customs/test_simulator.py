"""Against the service-platform simulator started as a real process over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from lxml import etree

from customs.customs_factories import booking_input, declaration_input
from marketplace.core.outbox import Worker
from marketplace.customs import messages as m
from marketplace.customs import services, transport
from marketplace.customs.models import Declaration, DeclarationMessage, SourceKind
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_simulator(live_server, tmp_path, *faults):
    port = _free_port()
    env = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'simulator.sqlite3'}",
    }
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "flask"),
            "customs",
            "simulate-platform",
            "--port",
            str(port),
            "--callback-url",
            f"{live_server}/api/v1/customs/receipts",
            "--secret",
            "callback-secret",
            "--seed",
            "7",
            *faults,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{url}/stats", timeout=1)
            return proc, url
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("simulator did not start")


@pytest.fixture
def simulator(request, app, live_server, tmp_path):
    faults = getattr(request, "param", ())
    proc, url = start_simulator(live_server, tmp_path, *faults)
    old = app.config["SERVICE_PLATFORM_URL"]
    app.config["SERVICE_PLATFORM_URL"] = url
    yield url
    app.config["SERVICE_PLATFORM_URL"] = old
    proc.terminate()
    proc.wait(timeout=10)


def submit_many(app, count):
    with app.app_context():
        for n in range(count):
            base = booking_input() if n % 2 else declaration_input()
            inp = replace(base, reference=f"{base.reference}-{n}", waybill_no=f"{base.waybill_no}{n}")
            kind = SourceKind.BOOKING if n % 2 else SourceKind.SHIPMENT
            services.submit(inp, kind, n + 1)
        db.session.commit()


def run_until_final(app, count, *, timeout=40.0):
    deadline = time.monotonic() + timeout
    worker = Worker()
    while time.monotonic() < deadline:
        with app.app_context():
            worker.drain()
            transport.poll_receipts()
            db.session.commit()
            states = list(db.session.scalars(sa.select(Declaration.state)))
            db.session.remove()
        if len(states) == count and all(s == DeclarationState.RELEASED for s in states):
            return states
        time.sleep(0.2)
    return states


def test_declarations_are_released_end_to_end(app, simulator):
    submit_many(app, 4)
    states = run_until_final(app, 4)
    assert states == [DeclarationState.RELEASED] * 4
    stats = requests.get(f"{simulator}/stats", timeout=5).json()
    assert stats["messages"] == 12 and stats["duplicates_as_new"] == 0
    with app.app_context():
        assert all(d.invt_no for d in db.session.scalars(sa.select(Declaration)))


@pytest.mark.parametrize(
    "simulator",
    [("--error-rate", "0.3", "--drop-rate", "0.3", "--duplicate-rate", "0.3", "--reorder")],
    indirect=True,
)
def test_faults_5xx_dropped_duplicated_and_reordered_callbacks(app, simulator):
    app.config["OUTBOX_MAX_ATTEMPTS"] = 30
    submit_many(app, 6)
    states = run_until_final(app, 6)
    assert states == [DeclarationState.RELEASED] * 6
    stats = requests.get(f"{simulator}/stats", timeout=5).json()
    assert stats["messages"] == 18 and stats["duplicates_as_new"] == 0
    app.config["OUTBOX_MAX_ATTEMPTS"] = 6


def test_inconsistent_documents_are_rejected_with_a_reason(app, simulator):
    transfer = m.Transfer("C", "N", "D")
    inp = declaration_input()
    order = m.build_order([(inp, m.Head(m.new_guid()))], transfer)
    waybill = m.build_waybill([(inp, m.Head(m.new_guid()))], transfer)
    other = replace(inp, seller_code="91150600MA0OTHER01")
    lst = m.build_list([(other, m.Head(m.new_guid()))], transfer)
    for built in (order, waybill, lst):
        assert requests.post(f"{simulator}/messages", data=built.xml(), timeout=5).status_code == 200
    bad = requests.post(f"{simulator}/messages", data=b"<ceb:CEB303Message/>", timeout=5)
    assert bad.status_code == 400
    answer = requests.get(f"{simulator}/receipts/{lst.head_guids[0]}", timeout=5)
    root = etree.fromstring(answer.content)
    statuses = [r.findtext("ceb:returnStatus", namespaces=m.NSMAP) for r in root]
    assert statuses == ["2", "100"]
    assert "ebcCode" in root[-1].findtext("ceb:returnInfo", namespaces=m.NSMAP)
    assert m.validate(root) == []


def test_export_writes_every_message(app, runner, tmp_path):
    submit_many(app, 2)
    out = tmp_path / "export"
    result = runner.invoke(args=["customs", "export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        names = {f"{x.kind}_{x.guid}.xml" for x in db.session.scalars(sa.select(DeclarationMessage))}
    assert {p.name for p in out.iterdir()} == names and len(names) == 6
    for path in out.iterdir():
        assert m.validate(path.read_bytes()) == []
