"""A small stand-in for the pilot zone's service platform: it validates each message against the
XSD and the three-document consistency, and calls back with realistic receipt sequences
(list: 2 → 120 → 800, or 100 with the reason; order: 2 → 120; waybill: 2 → 399; cancel: 399).

Receipts go out step by step (every message's first receipt, then the second…), those of one step and
type carried together in one CEB304/506/604 message (≤ 100), on several callback lanes (a document
number always on the same one, so a declaration's receipts keep their order). `/stats` reports what was
received: messages (distinct idempotency keys), posts, resent (a key seen again), duplicates_as_new (a
second new document under one number), receipts and callbacks.

Faults for testing: latency, a 5xx rate, dropped, duplicated and reordered receipts. Every receipt
is also kept for the polling endpoint, so a dropped callback is recovered by polling."""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime

import requests
from flask import Flask, jsonify, request
from lxml import etree

from marketplace.customs import messages as m

log = logging.getLogger(__name__)

RETURNS = {
    "CEB303": ("CEB304Message", "OrderReturn"),
    "CEB505": ("CEB506Message", "LogisticsReturn"),
    "CEB603": ("CEB604Message", "InventoryReturn"),
    "CEB605": ("CEB606Message", "InvtCancelReturn"),
}
KINDS = {f"{kind}Message": kind for kind in RETURNS}
CALLBACK_BATCH = 100  # receipts per callback message (the spec's batch limit)
BUSINESS = {"CEB303": "Order", "CEB505": "Logistics", "CEB603": "Inventory", "CEB605": "InvtCancel"}


@dataclass
class Faults:
    latency: float = 0.0  # seconds added to every answer
    error_rate: float = 0.0  # share of POSTs answered 503 (nothing stored)
    drop_rate: float = 0.0  # share of callbacks never sent (still available to polling)
    duplicate_rate: float = 0.0  # share of callbacks sent twice
    reorder: bool = False  # callbacks of a message sent in reverse order
    step_delay: float = 0.02  # pause before each step of the receipt sequences (2, then 120, then 800)
    seed: int | None = None
    lanes: int = 4  # callback threads
    batch_wait: float = 0.2  # seconds a callback waits for more receipts to carry


@dataclass
class State:
    elements: dict[str, dict] = field(default_factory=dict)  # head guid -> element info
    seen_keys: set[str] = field(default_factory=set)
    new_by_number: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, number) -> head guid
    duplicates_as_new: int = 0
    receipts: dict[str, list[dict]] = field(default_factory=dict)
    orders: dict[str, etree._Element] = field(default_factory=dict)  # orderNo -> CEB303 root
    waybills: dict[str, etree._Element] = field(default_factory=dict)  # logisticsNo -> CEB505 root
    lists_waiting: dict[str, list[tuple[dict, etree._Element]]] = field(default_factory=dict)
    serial: int = 0
    posts: int = 0  # POSTs of messages that reached validation (after injected 503s)
    resent: int = 0  # POSTs of a message (same idempotency key) already received and acknowledged
    callbacks: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _now17() -> str:
    return datetime.now().strftime("%Y%m%d%H%M%S%f")[:17]


def create_simulator(callback_url: str | None, secret: str | None, faults: Faults | None = None) -> Flask:
    faults = faults or Faults()
    rng = random.Random(faults.seed)  # noqa: S311 - fault injection, not security
    state = State()
    # Callbacks go out on `lanes` threads; each document number always takes the same lane, so the
    # receipts of one declaration keep their order while different declarations are answered at once.
    lanes: list[queue.Queue] = [queue.Queue() for _ in range(max(1, faults.lanes))]
    app = Flask("customs-platform-simulator")
    app.config["SIMULATOR_STATE"] = state

    def deliver_loop(outbox: queue.Queue):
        session = requests.Session()
        while True:
            pending = [outbox.get()]
            until = time.monotonic() + faults.batch_wait
            while True:  # what is queued meanwhile (or within batch_wait) goes out in the same callbacks
                try:
                    pending.append(outbox.get(timeout=max(0.0, until - time.monotonic())))
                except queue.Empty:
                    break
            for step in _steps(pending, faults.reorder):
                if faults.step_delay:
                    time.sleep(faults.step_delay)
                sent = []
                for receipt in step:
                    if rng.random() < faults.drop_rate:
                        continue
                    sent += [receipt] * (2 if rng.random() < faults.duplicate_rate else 1)
                for kind in RETURNS:
                    same = [r for r in sent if r["kind"] == kind]
                    for start in range(0, len(same), CALLBACK_BATCH):
                        _post(session, kind, same[start : start + CALLBACK_BATCH])

    def _post(session: requests.Session, kind: str, receipts: list[dict]) -> None:
        if not callback_url:
            return
        with state.lock:
            state.callbacks += 1
        try:
            session.post(
                callback_url,
                data=_receipt_xml(kind, receipts),
                headers={"X-Customs-Secret": secret or "", "Content-Type": "application/xml"},
                timeout=30,
            )
        except requests.RequestException as exc:
            log.warning("callback failed: %s", exc)

    for lane in lanes:
        threading.Thread(target=deliver_loop, args=(lane,), daemon=True).start()

    def add_receipts(kind: str, info: dict, steps: list[tuple[str, str]]) -> list[dict]:
        made = []
        for status, text in steps:
            receipt = {"kind": kind, "status": status, "info": text, "time": _now17(), **info}
            state.receipts.setdefault(info["guid"], []).append(receipt)
            made.append(receipt)
        return made

    def list_steps(info: dict, root) -> list[tuple[str, str]]:
        problems = m.check_consistency(
            state.orders[info["orderNo"]], state.waybills[info["logisticsNo"]], root
        )
        if problems:
            reason = "; ".join(f"{p.field}: {p.detail}" for p in problems)
            return [("2", f"新增申报成功[{info['guid']}]"), ("100", f"三单信息不一致: {reason}"[:1000])]
        state.serial += 1
        info["preNo"] = f"B{datetime.now():%Y%m%d}{state.serial:09d}"
        info["invtNo"] = f"{info['customsCode']}{datetime.now():%Y}E{state.serial:09d}"
        return [
            ("2", f"新增申报成功[{info['guid']}]"),
            ("120", "[Code:1800;Desc:逻辑校验通过]"),
            ("800", "[Code:2600;Desc:放行]"),
        ]

    def handle_element(kind: str, element, root) -> list[dict]:
        head = element.find(f"ceb:{BUSINESS[kind]}Head", m.NSMAP) if kind in ("CEB303", "CEB603") else element
        text = {c.tag.split("}")[1]: c.text for c in head}
        info = {
            "guid": text["guid"],
            "appType": text["appType"],
            "orderNo": text.get("orderNo"),
            "logisticsNo": text.get("logisticsNo"),
            "logisticsCode": text.get("logisticsCode"),
            "ebcCode": text.get("ebcCode"),
            "ebpCode": text.get("ebpCode"),
            "copNo": text.get("copNo"),
            "agentCode": text.get("agentCode"),
            "customsCode": text.get("customsCode") or "0000",
            "statisticsFlag": text.get("statisticsFlag"),
            "invtNo": text.get("invtNo"),
            "preNo": text.get("preNo"),
        }
        number = info["orderNo"] or info["logisticsNo"] or info["copNo"]
        if info["appType"] == "1":
            key = (kind, number)
            if key in state.new_by_number and state.new_by_number[key] != info["guid"]:
                state.duplicates_as_new += 1
                return add_receipts(kind, info, [("-301010", "已存在相同编号的单证")])
            state.new_by_number[key] = info["guid"]
        state.elements[info["guid"]] = info
        if kind == "CEB303":
            state.orders[info["orderNo"]] = root
            made = add_receipts(kind, info, [("2", "新增申报成功"), ("120", "海关入库")])
        elif kind == "CEB505":
            state.waybills[info["logisticsNo"]] = root
            made = add_receipts(kind, info, [("2", "新增申报成功"), ("399", "海关审结")])
        elif kind == "CEB605":
            made = add_receipts(kind, info, [("2", "撤销申请成功"), ("399", "撤销审结")])
        else:
            made = []
            state.lists_waiting.setdefault(info["orderNo"], []).append((info, root))
        return made

    def release_waiting() -> list[dict]:
        made = []
        for number, waiting in list(state.lists_waiting.items()):
            ready = [
                (i, r) for i, r in waiting if number in state.orders and i["logisticsNo"] in state.waybills
            ]
            for info, root in ready:
                made += add_receipts("CEB603", info, list_steps(info, root))
            state.lists_waiting[number] = [x for x in waiting if x not in ready]
            if not state.lists_waiting[number]:
                del state.lists_waiting[number]
        return made

    @app.post("/messages")
    def receive():
        if faults.latency:
            time.sleep(faults.latency)
        if rng.random() < faults.error_rate:
            return "temporarily unavailable", 503
        body = request.get_data()
        try:
            root = etree.fromstring(body)
        except etree.XMLSyntaxError as exc:
            return jsonify(error="not XML", detail=str(exc)), 400
        errors = m.validate(root)
        if errors:
            return jsonify(
                error="schema", fields=[e.field for e in errors], detail=[e.detail for e in errors]
            ), 400
        kind = KINDS.get(etree.QName(root).localname)
        if kind is None:
            return jsonify(error="unknown message type"), 400
        key = request.headers.get("Idempotency-Key") or root.get("guid")
        with state.lock:
            state.posts += 1
            if key in state.seen_keys:
                state.resent += 1
                return jsonify(status="duplicate ignored"), 200
            state.seen_keys.add(key)
            made = []
            for element in root.iterfind(f"ceb:{BUSINESS[kind]}", m.NSMAP):
                made += handle_element(kind, element, root)
            made += release_waiting()
        by_lane: dict[int, list[dict]] = {}
        for receipt in made:
            number = receipt.get("orderNo") or receipt.get("logisticsNo") or receipt["guid"]
            by_lane.setdefault(zlib.crc32(number.encode()) % len(lanes), []).append(receipt)
        for n, receipts in by_lane.items():
            lanes[n].put(receipts)
        return jsonify(status="received"), 200

    @app.get("/receipts/<guid>")
    def receipts(guid: str):
        with state.lock:
            found = list(state.receipts.get(guid, []))
        if not found:
            return "", 200
        return _receipt_xml(found[0]["kind"], found), 200, {"Content-Type": "application/xml"}

    @app.get("/stats")
    def stats():
        with state.lock:
            return jsonify(
                messages=len(state.seen_keys),
                elements=len(state.elements),
                duplicates_as_new=state.duplicates_as_new,
                posts=state.posts,
                resent=state.resent,
                callbacks=state.callbacks,
                receipts=sum(len(v) for v in state.receipts.values()),
            )

    return app


def _steps(batches: list[list[dict]], reorder: bool) -> list[list[dict]]:
    """The receipts of several POSTs as steps: every message's first receipt, then every second one…
    (reversed within each message with `reorder`), so a sequence such as 2 → 120 → 800 keeps its
    order while the receipts of many messages share a callback."""
    sequences: dict[str, list[dict]] = {}
    for batch in batches:
        for receipt in batch:
            sequences.setdefault(receipt["guid"], []).append(receipt)
    steps: list[list[dict]] = []
    for sequence in sequences.values():
        for n, receipt in enumerate(reversed(sequence) if reorder else sequence):
            if n == len(steps):
                steps.append([])
            steps[n].append(receipt)
    return steps


def _receipt_xml(kind: str, receipts: list[dict]) -> bytes:
    root_name, element = RETURNS[kind]
    root = etree.Element(f"{{{m.NS}}}{root_name}", nsmap=m.NSMAP)
    root.set("guid", m.new_guid())
    root.set("version", "1.0")
    for r in receipts:
        ret = etree.SubElement(root, f"{{{m.NS}}}{element}")

        def add(name, value, ret=ret):
            etree.SubElement(ret, f"{{{m.NS}}}{name}").text = value

        add("guid", r["guid"])
        if kind == "CEB303":
            add("ebpCode", r["ebpCode"])
            add("ebcCode", r["ebcCode"])
            add("orderNo", r["orderNo"])
        elif kind == "CEB505":
            add("logisticsCode", r["logisticsCode"])
            add("logisticsNo", r["logisticsNo"])
        else:
            add("agentCode", r["agentCode"])
            add("copNo", r["copNo"])
            add("preNo", r.get("preNo") or f"B{r['time'][:8]}000000000")
            add("invtNo", r.get("invtNo") or "")
            if kind == "CEB603":
                add("ebcCode", r["ebcCode"])
                add("ebpCode", r["ebpCode"])
                add("orderNo", r["orderNo"])
                add("statisticsFlag", r["statisticsFlag"])
        add("returnStatus", r["status"])
        add("returnTime", r["time"])
        add("returnInfo", r["info"])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
