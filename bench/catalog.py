"""Catalog throughput under gunicorn: category and listing pages next to a bare Flask endpoint.

Builds a database of N listings (default 100,000) spread over the leaf categories, serves it with
gunicorn (2 workers by default) and drives it with 16 concurrent keep-alive clients for `--duration`
seconds per target, all on 127.0.0.1. Prints a Markdown table: requests, req/s, p50/p95/p99 latency,
errors (any non-200) and the throughput relative to `/bench/bare`.

Usage:
    python bench/catalog.py [--listings 100000] [--duration 20] [--database sqlite|postgresql]
                            [--clients 16] [--workers 2] [--worker-class sync] [--profile 50] [--keep]

SQLite lives in a temporary directory. PostgreSQL uses the database `bench_catalog` on
--pg-server (default postgresql://postgres@127.0.0.1:5432), dropped and created by this script
(through the `postgres` database, AUTOCOMMIT) and dropped again at the end unless --keep.
`--database-url URL` reuses a database built earlier with --keep (no load).
`--profile N` then runs N in-process requests per page under cProfile and prints where time goes.

The load generator runs on the same 2-core machine as gunicorn (and PostgreSQL): it competes with
them for CPU, so absolute figures are lower than on a separate client host; the CPU it used is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

PG_DATABASE = "bench_catalog"
BATCH = 5_000
HOST = "127.0.0.1"

# Share of the listings per leaf category (sums to 1).
LEAF_WEIGHTS = {
    "pp": 0.18,
    "pe": 0.10,
    "pvc": 0.08,
    "methanol": 0.05,
    "caustic-soda": 0.05,
    "fine-chemicals": 0.06,
    "bev": 0.10,
    "phev": 0.06,
    "ice": 0.07,
    "trucks": 0.07,
    "mining-dump-trucks": 0.03,
    "raw-fibre": 0.05,
    "yarn": 0.05,
    "knitwear": 0.05,
}
CAS = {
    "pp": "9003-07-0",
    "pe": "9002-88-4",
    "pvc": "9002-86-2",
    "methanol": "67-56-1",
    "caustic-soda": "1310-73-2",
    "fine-chemicals": "108-88-3",
}
VEHICLES = [
    ("BYD", "Han"),
    ("BYD", "Seal"),
    ("Geely", "Galaxy E5"),
    ("Changan", "Deepal S7"),
    ("Great Wall", "Tank 300"),
    ("Li Auto", "L7"),
    ("Shacman", "X3000"),
    ("Sinotruk", "HOWO T7H"),
    ("FAW", "J6P"),
    ("XCMG", "XDE240"),
    ("Sany", "SKT90E"),
    ("Foton", "Auman EST"),
]
# Valid identifiers (real-format USCCs with check characters, customs codes), as in tests/factories.py.
SELLERS = [
    ("91150622MA0N2QRL6P", "1506960123", "鄂尔多斯化工有限公司", "Ordos Chemical Co., Ltd."),
    ("91150603MA13U8K014", "1506930456", "鄂尔多斯汽车贸易有限公司", "Ordos Auto Trading Co., Ltd."),
    ("91150602MA0Q4B8X2U", "1506960789", "鄂尔多斯羊绒制品有限公司", "Ordos Cashmere Products Co., Ltd."),
    ("91110000600037341L", "1101910001", "北京出口贸易有限公司", "Beijing Export Trading Co., Ltd."),
]
WORDS = {
    "en": ("Export lot", "Factory direct", "Stock offer", "Contract supply", "Premium"),
    "zh": ("出口批次", "工厂直供", "现货", "长期供应", "优等品"),
    "ru": ("Экспортная партия", "Напрямую с завода", "Со склада", "Контрактные поставки", "Премиум"),
    "mn": ("Экспортын багц", "Үйлдвэрээс шууд", "Нөөцөд бэлэн", "Гэрээт нийлүүлэлт", "Дээд зэрэг"),
}
DESCRIPTION = {
    "en": "Produced in Inner Mongolia, packed for export, inspected before loading. Documents on request.",
    "zh": "内蒙古生产，出口包装，装运前检验。可按要求提供单证。",
    "ru": "Произведено во Внутренней Монголии, экспортная упаковка, проверка перед отгрузкой.",
    "mn": "Өвөр Монголд үйлдвэрлэсэн, экспортын савлагаатай, ачихаас өмнө шалгасан.",
}
TERMS = [
    ("FCA", "road", "Erenhot"),
    ("CPT", "rail", "Zamyn-Üüd"),
    ("DAP", "road", "Ulaanbaatar"),
    ("EXW", "road", "Ordos"),
    ("FOB", "sea", "Tianjin port"),
    ("CIP", "rail", "Almaty"),
]
UNIT_ECONOMICS = {  # unit -> (moq choices, unit price range in USD)
    "t": ((20, 25, 50, 100), (450, 3_000)),
    "vehicle": ((1, 2, 5, 10), (8_000, 90_000)),
    "kg": ((100, 200, 500, 1_000), (40, 160)),
    "pcs": ((50, 100, 300, 500), (35, 400)),
}
FX = {"USD": Decimal(1), "CNY": Decimal("7.1"), "RUB": Decimal(92), "EUR": Decimal("0.92")}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- database ----------------------------------------------------------------------------------------


def pg_admin_engine(server: str):
    url = server.rstrip("/").replace("postgresql://", "postgresql+psycopg://", 1) + "/postgres"
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


def pg_recreate(server: str, *, create: bool) -> None:
    engine = pg_admin_engine(server)
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
        if create:
            conn.execute(sa.text(f"CREATE DATABASE {PG_DATABASE}"))
    engine.dispose()


def make_app(url: str, mail_dir: str, env_name: str = "testing"):
    from marketplace import create_app

    app = create_app(
        {
            "ENV_NAME": env_name,
            "SECRET_KEY": "bench-catalog-secret-not-for-production",
            "SQLALCHEMY_DATABASE_URI": url,
            "MAIL_FILE_DIR": mail_dir,
        }
    )
    return app


def seed_reference_data(app) -> list[tuple[int, bool]]:
    """Categories, an admin and the verified sellers, through the real services: [(company id, ordos)]."""
    from marketplace.accounts import services as accounts
    from marketplace.catalog.seeding import seed_categories
    from marketplace.extensions import db

    with app.test_request_context("/en/"):
        seed_categories()
        admin = accounts.create_admin("bench-admin@example.com", "bench-password-2026", "Bench Admin")
        sellers = []
        for n, (uscc, customs, name, latin) in enumerate(SELLERS, 1):
            owner = accounts.register_user(
                email=f"seller{n}@example.com",
                password="bench-password-2026",  # noqa: S106 - a throw-away benchmark database
                display_name=f"Seller {n}",
                language="zh",
            )
            company = accounts.create_company(
                owner,
                accounts.CompanyData(
                    kind="seller",
                    legal_name=name,
                    legal_name_latin=latin,
                    country="CN",
                    address="Ordos",
                    identifiers={"uscc": uscc, "customs_code": customs},
                ),
            )
            accounts.decide_verification(admin, company, True)
            sellers.append((company.id, company.is_ordos))
        db.session.commit()
    return sellers


def _decimal_text(value: float) -> str:
    return format(Decimal(str(value)).normalize(), "f")


def _attribute_value(rng: random.Random, attr, slug: str):
    kind = attr.kind.value
    if kind == "enum":
        return rng.choice(attr.options)["value"]
    if kind == "multi_enum":
        return [o["value"] for o in rng.sample(attr.options, k=min(len(attr.options), rng.randint(1, 2)))]
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "decimal":
        low = float(attr.min_value) if attr.min_value is not None else 0.0
        high = float(attr.max_value) if attr.max_value is not None else 1_000.0
        digits = 0 if high - low > 100 else 1 if high - low > 2 else 3
        return _decimal_text(round(rng.uniform(low, high), digits))
    if kind == "text":
        if attr.validator == "cas_list":
            return CAS.get(slug, "7732-18-5")
        if attr.validator == "composition":
            return rng.choice(("100% cashmere", "70% cashmere, 30% wool", "95% cashmere, 5% silk"))
        if attr.code == "grade":
            return f"{rng.choice('TSHKLM')}{rng.randint(10, 99)}{rng.choice('SFRH')}"
    return None


class Generator:
    """Listings with realistic variety: per leaf category, the key and required attributes drawn from
    the category's schema (enum values from its options, numbers within its bounds)."""

    def __init__(self, app, sellers: list[tuple[int, bool]], seed: int = 2026):
        from marketplace.catalog.models import Category
        from marketplace.catalog.schema import schema_for
        from marketplace.extensions import db

        self.rng = random.Random(seed)
        self.sellers = sellers
        categories = {c.slug: c for c in db.session.scalars(sa.select(Category))}
        by_id = {c.id: c for c in categories.values()}
        self.leaves = []
        for slug, weight in LEAF_WEIGHTS.items():
            category = categories[slug]
            schema = schema_for(category, by_id)
            attrs = [a for a in schema.attributes if (a.is_key or a.required) and a.kind.value != "document"]
            self.leaves.append(
                (
                    slug,
                    weight,
                    category.id,
                    category.names,
                    category.default_unit.value,
                    (category.hs_hint or "000000").ljust(10, "0"),
                    attrs,
                )
            )
        self.weights = [leaf[1] for leaf in self.leaves]
        self.now = datetime.now(UTC)
        self.n = 0

    def one(self) -> tuple[dict, dict, list[dict], list[dict]]:
        rng = self.rng
        self.n += 1
        slug, _, category_id, names, unit, hs_code, attrs = rng.choices(self.leaves, self.weights)[0]
        seller_id, ordos = rng.choice(self.sellers)
        attributes = {}
        for attr in attrs:
            if attr.code in ("make", "model"):
                continue
            value = _attribute_value(rng, attr, slug)
            if value is not None:
                attributes[attr.code] = value
        token = attributes.get("grade", "")
        if any(a.code == "make" for a in attrs):
            make, model = rng.choice(VEHICLES)
            attributes.update(make=make, model=model)
            token = f"{make} {model}"
        roll = rng.random()  # 94 % published, 3 % unpublished (live version hidden), 3 % drafts
        state, visible = (
            ("published", True)
            if roll < 0.94
            else ("unpublished", False)
            if roll < 0.97
            else ("draft", False)
        )
        published = self.now - timedelta(seconds=rng.randint(0, 365 * 86_400)) if state != "draft" else None
        listing = {
            "seller_id": seller_id,
            "category_id": category_id,
            "state": state,
            "is_visible": visible,
            "published_at": published,
            "created_at": published or self.now,
            "updated_at": published or self.now,
            "row_version": 1,
        }
        moqs, (low, high) = UNIT_ECONOMICS[unit]
        moq = rng.choice(moqs)
        incoterm, mode, place = rng.choice(TERMS)
        version = {
            "number": 1,
            "hs_code": hs_code,
            "origin_ordos": ordos,
            "unit": unit,
            "moq": Decimal(moq),
            "order_multiple": Decimal(moq),
            "incoterm": incoterm,
            "incoterm_place": place,
            "transport_mode": mode,
            "lead_time_days": rng.randint(3, 60),
            "attributes": attributes,
            "flags": [],
            "flags_acknowledged": False,
            "created_at": published or self.now,
            "submitted_at": published,
            "decided_at": published,
        }
        languages = ("zh", "en", "ru", "mn") if rng.random() < 0.8 else ("zh", "en")
        translations = [
            {
                "language": lang,
                "title": f"{names[lang]} {token} – {rng.choice(WORDS[lang])} #{self.n}"[:160],
                "description": DESCRIPTION[lang],
            }
            for lang in languages
        ]
        currency = rng.choices(("USD", "CNY", "RUB", "EUR"), (0.5, 0.35, 0.1, 0.05))[0]
        base = Decimal(str(rng.uniform(low, high))) * FX[currency]
        # what approval stores: the lowest tier (the first) converted to USD
        listing["sort_price"] = (base / FX[currency]).quantize(Decimal("0.01")) if visible else None
        prices = [
            {
                "currency": currency,
                "min_quantity": Decimal(moq * factor),
                "unit_price": (base * (1 - Decimal("0.04") * i)).quantize(Decimal("0.01")),
            }
            for i, factor in enumerate((1, 4, 20)[: rng.randint(1, 3)])
        ]
        return listing, version, translations, prices


def load_listings(app, total: int, sellers) -> None:
    from marketplace.catalog.models import Listing, ListingTranslation, ListingVersion, PriceTier
    from marketplace.extensions import db

    listings, versions = Listing.__table__, ListingVersion.__table__
    translations, prices = ListingTranslation.__table__, PriceTier.__table__
    gen = Generator(app, sellers)
    link = {
        column: sa.update(listings)
        .where(listings.c.id == sa.bindparam("b_listing"))
        .values({column: sa.bindparam("b_version")})
        for column in ("live_version_id", "working_version_id")
    }
    done = 0
    while done < total:
        batch = [gen.one() for _ in range(min(BATCH, total - done))]
        with db.engine.begin() as conn:
            listing_ids = list(
                conn.execute(
                    sa.insert(listings).returning(listings.c.id, sort_by_parameter_order=True),
                    [b[0] for b in batch],
                ).scalars()
            )
            version_ids = list(
                conn.execute(
                    sa.insert(versions).returning(versions.c.id, sort_by_parameter_order=True),
                    [{**b[1], "listing_id": lid} for b, lid in zip(batch, listing_ids, strict=True)],
                ).scalars()
            )
            conn.execute(
                sa.insert(translations),
                [{**t, "version_id": vid} for b, vid in zip(batch, version_ids, strict=True) for t in b[2]],
            )
            conn.execute(
                sa.insert(prices),
                [{**p, "version_id": vid} for b, vid in zip(batch, version_ids, strict=True) for p in b[3]],
            )
            for column in link:
                rows = [
                    {"b_listing": lid, "b_version": vid}
                    for b, lid, vid in zip(batch, listing_ids, version_ids, strict=True)
                    if (b[0]["state"] == "draft") == (column == "working_version_id")
                ]
                if rows:
                    conn.execute(link[column], rows)
        done += len(batch)
        log(f"  {done:,} / {total:,} listings")


def build_database(url: str, total: int, mail_dir: str) -> float:
    from flask_migrate import upgrade

    from marketplace.extensions import db

    app = make_app(url, mail_dir)
    t0 = time.perf_counter()
    with app.app_context():
        upgrade()
        sellers = seed_reference_data(app)
        load_listings(app, total, sellers)
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("ANALYZE"))  # what autovacuum does soon after a bulk load
        db.engine.dispose()
    return time.perf_counter() - t0


def pick_targets(url: str, mail_dir: str, rng: random.Random) -> tuple[list[tuple[str, list[str]]], dict]:
    from marketplace.catalog.models import Category, Listing
    from marketplace.extensions import db

    app = make_app(url, mail_dir)
    with app.app_context():
        counts = dict(
            db.session.execute(
                sa.select(Listing.category_id, sa.func.count())
                .where(Listing.is_visible.is_(True))
                .group_by(Listing.category_id)
            ).all()
        )
        categories = {c.id: c for c in db.session.scalars(sa.select(Category))}
        leaf = categories[max(counts, key=counts.get)]
        root = leaf
        while root.parent_id is not None:
            root = categories[root.parent_id]
        root_count = sum(n for cid, n in counts.items() if _root_of(categories, cid) == root.id)
        visible = list(db.session.scalars(sa.select(Listing.id).where(Listing.is_visible.is_(True))))
        total = db.session.scalar(sa.select(sa.func.count()).select_from(Listing))
        db.session.remove()
        db.engine.dispose()
    ids = rng.sample(visible, k=min(5_000, len(visible)))
    targets = [
        ("bare endpoint", ["/bench/bare"]),
        (f"category (leaf, {counts[leaf.id]:,} listings)", [f"/en/c/{leaf.slug}"]),
        ("category (leaf), price sort", [f"/en/c/{leaf.slug}?sort=price_asc"]),
        (f"category (parent, {root_count:,} listings)", [f"/en/c/{root.slug}"]),
        ("listing (random ids)", [f"/en/listings/{i}" for i in ids]),
    ]
    return targets, {"leaf": leaf.slug, "root": root.slug, "visible": len(visible), "total": total}


def _root_of(categories, cid: int) -> int:
    while categories[cid].parent_id is not None:
        cid = categories[cid].parent_id
    return cid


# -- gunicorn ------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_gunicorn(
    url: str, port: int, workers: int, worker_class: str, threads: int, logfile
) -> subprocess.Popen:
    env = {**os.environ, "BENCH_DATABASE_URL": url, "BENCH_MAIL_DIR": tempfile.gettempdir()}
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "-w",
        str(workers),
        "-k",
        worker_class,
        "--threads",
        str(threads),
        "-b",
        f"{HOST}:{port}",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
        "--timeout",
        "120",
        "bench.catalog_wsgi:app",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=logfile, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        with contextlib.suppress(OSError):
            status, _ = request_once(port, build_request("/bench/bare", port))
            if status == 200:
                return proc
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def worker_pids(master: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def pg_backend_pids() -> list[int]:
    """PostgreSQL backends connected to the benchmark database (their title names the database)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if f" {PG_DATABASE} ".encode() in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
    return pids


def machine_busy_seconds() -> float:
    """CPU time spent by the whole machine (all cores, not idle nor waiting for I/O)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(max_wait: float, threshold: float = 0.3) -> float:
    """Wait (at most `max_wait` s) until the machine has been nearly idle (< `threshold` cores busy)
    for 2 s, so that other jobs on the host disturb a measurement less; returns the seconds waited."""
    t0 = time.monotonic()
    quiet = 0
    while time.monotonic() - t0 < max_wait and quiet < 2:
        busy0, w0 = machine_busy_seconds(), time.perf_counter()
        time.sleep(1.0)
        quiet = quiet + 1 if (machine_busy_seconds() - busy0) / (time.perf_counter() - w0) < threshold else 0
    return time.monotonic() - t0


class CpuMeter:
    """Cores used during a run by the app workers, the database backends, this load generator and
    everything else on the machine (other users' jobs compete for the same 2 cores)."""

    def __init__(self, app_pids: list[int], db_pids: list[int]):
        self.app_pids, self.db_pids = app_pids, db_pids

    def _sample(self) -> tuple[float, ...]:
        return (time.perf_counter(), cpu_seconds(self.app_pids), cpu_seconds(self.db_pids),
                time.process_time(), machine_busy_seconds())  # fmt: skip

    def __enter__(self):
        self.start = self._sample()
        return self

    def __exit__(self, *exc):
        end = self._sample()
        wall, app, db, client, busy = (b - a for a, b in zip(self.start, end, strict=True))
        self.cores = {"app": app / wall, "db": db / wall, "client": client / wall,
                      "other": max(0.0, busy - app - db - client) / wall}  # fmt: skip


# -- load generator: raw keep-alive sockets, pre-built requests -----------------------------------------

HEADER_END = b"\r\n\r\n"
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)")


def build_request(path: str, port: int) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: bench-catalog\r\n"
        "Accept: text/html\r\nAccept-Encoding: identity\r\n\r\n"
    ).encode()


def read_response(sock: socket.socket) -> tuple[int, bool]:
    """Read one response; (status, connection still usable)."""
    data = b""
    while HEADER_END not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the response")
        data += chunk
    head, _, body = data.partition(HEADER_END)
    status = int(head[9:12])
    lower = head.lower()
    keep = b"\r\nconnection: close" not in lower and not head.startswith(b"HTTP/1.0")
    match = CONTENT_LENGTH.search(lower)
    if match is None:  # no length: the body ends when the server closes the connection
        while sock.recv(65536):
            pass
        return status, False
    remaining = int(match.group(1)) - len(body)
    while remaining > 0:
        chunk = sock.recv(min(remaining, 262144))
        if not chunk:
            raise ConnectionError("closed inside the body")
        remaining -= len(chunk)
    return status, keep


def request_once(port: int, request: bytes) -> tuple[int, bool]:
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(request)
        return read_response(sock)


def client(port: int, requests: list[bytes], start: float, stop_at: float, out: list, errors: list) -> None:
    latencies: list[float] = []
    failed = 0
    sock = None
    i = 0
    clock = time.perf_counter
    while True:
        t0 = clock()
        if t0 >= stop_at:
            break
        request = requests[i % len(requests)]
        i += 1
        for attempt in (0, 1):
            reused = sock is not None
            try:
                if sock is None:
                    sock = socket.create_connection((HOST, port), timeout=30)
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sock.sendall(request)
                status, keep = read_response(sock)
            except OSError:
                if sock is not None:
                    sock.close()
                sock = None
                if reused and attempt == 0:  # the server closed an idle keep-alive connection: retry
                    continue
                status, keep = 0, False
            break
        t1 = clock()
        if t0 >= start:  # requests started during the warm-up are not counted
            latencies.append(t1 - t0)
            failed += status != 200
        if not keep and sock is not None:
            sock.close()
            sock = None
    if sock is not None:
        sock.close()
    out.append(latencies)
    errors.append(failed)


def drive(
    port: int,
    paths: list[str],
    clients: int,
    duration: float,
    warmup: float,
    rng: random.Random,
    server_pids: list[int],
    postgres: bool,
) -> dict:
    prebuilt = [build_request(p, port) for p in paths]
    per_client = []
    for _ in range(clients):
        mine = prebuilt[:]
        rng.shuffle(mine)
        per_client.append(mine)
    out: list[list[float]] = []
    errors: list[int] = []
    start = time.perf_counter() + warmup
    stop_at = start + duration
    threads = [
        threading.Thread(target=client, args=(port, r, start, stop_at, out, errors)) for r in per_client
    ]
    for t in threads:
        t.start()
    time.sleep(max(0.0, start - time.perf_counter()))
    with CpuMeter(server_pids, pg_backend_pids() if postgres else []) as cpu:
        for t in threads:
            t.join()
    latencies = sorted(x for chunk in out for x in chunk)
    n = len(latencies)

    def pct(p: float) -> float:
        return latencies[min(n - 1, int(n * p))] * 1000 if n else float("nan")

    return {
        "requests": n,
        "rps": n / duration,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "errors": sum(errors),
        "cpu": cpu.cores,
    }


# -- in-process profile ------------------------------------------------------------------------------


def profile_pages(url: str, mail_dir: str, paths: list[tuple[str, str]], n: int) -> None:
    """Per page: in-process latency, SQL time and statements per request, then cProfile's top costs."""
    from sqlalchemy import event

    from marketplace.extensions import db

    app = make_app(url, mail_dir, env_name="production")
    client_ = app.test_client()
    with app.app_context():
        engine = db.engine
    sql: list[tuple[float, str]] = []
    started: dict[int, float] = {}

    def before(conn, cursor, statement, params, context, executemany):
        started[id(cursor)] = time.perf_counter()

    def after(conn, cursor, statement, params, context, executemany):
        sql.append((time.perf_counter() - started.pop(id(cursor), time.perf_counter()), statement))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    print(f"\n### In-process profile ({n} requests per page, Flask test client, no network)\n")
    print("| page | p50 ms | SQL ms/request | statements/request | slowest statement (ms, mean) |")
    print("|---|---:|---:|---:|---|")
    reports = []
    for label, path in paths:
        for _ in range(3):
            client_.get(path)
        sql.clear()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            assert client_.get(path).status_code == 200, path
            times.append((time.perf_counter() - t0) * 1000)
        by_statement: dict[str, list[float]] = {}
        for elapsed, statement in sql:
            by_statement.setdefault(statement, []).append(elapsed)
        slowest, slow_times = max(by_statement.items(), key=lambda kv: sum(kv[1]))
        head = " ".join(slowest.split())[:90]
        print(
            f"| {label} `{path}` | {statistics.median(times):.1f} | {sum(e for e, _ in sql) * 1000 / n:.1f} "
            f"| {len(sql) / n:.0f} | {sum(slow_times) * 1000 / len(slow_times):.1f}: `{head}…` |"
        )
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(n):
            client_.get(path)
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.strip_dirs().sort_stats("tottime").print_stats(12)
        reports.append((label, path, stream.getvalue()))
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "after_cursor_execute", after)
    for label, path, text in reports:
        body = text[text.find("ncalls") :] if "ncalls" in text else text
        print(f"\n#### cProfile, {label} `{path}`: top 12 by own time\n\n```\n{body.rstrip()}\n```")
    with app.app_context():
        db.engine.dispose()


# -- main --------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of measurement per target")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of unmeasured load per target")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--database-url", help="reuse a database loaded earlier (with --keep)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="then profile N requests per page"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=60.0,
        metavar="S",
        help="before each target, wait up to S s for the machine to be idle (0: do not wait)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database (prints its URL)")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-catalog-")
    rng = random.Random(7)
    created_pg = False
    proc = None
    try:
        if args.database_url:
            url, load_s = args.database_url, None
        else:
            if args.database == "postgresql":
                pg_recreate(args.pg_server, create=True)
                created_pg = True
                url = f"{args.pg_server.rstrip('/')}/{PG_DATABASE}"
            else:
                url = f"sqlite:///{tmp}/bench.sqlite3"
            log(f"building {args.listings:,} listings in {url}")
            load_s = build_database(url, args.listings, tmp)
            log(f"loaded in {load_s:.1f} s")
        targets, info = pick_targets(url, tmp, rng)
        backend = "postgresql" if url.startswith("postgres") else "sqlite"
        postgres = backend == "postgresql"

        port = free_port()
        with open(Path(tmp) / "gunicorn.log", "w") as logfile:
            proc = start_gunicorn(url, port, args.workers, args.worker_class, args.threads, logfile)
            pids = worker_pids(proc.pid)
            results = []
            for label, paths in targets:
                waited = wait_for_quiet(args.wait_quiet) if args.wait_quiet else 0
                log(
                    f"driving {label}: {paths[0]}{' …' if len(paths) > 1 else ''} "
                    f"(waited {waited:.0f} s for an idle machine)"
                )
                r = drive(port, paths, args.clients, args.duration, args.warmup, rng, pids, postgres)
                results.append((label, paths, r))
            stop(proc)

        bare = results[0][2]["rps"]
        print(
            f"\nbackend={backend} listings={info['total']:,} (visible {info['visible']:,})"
            + (f" load={load_s:.1f} s" if load_s is not None else "")
            + f" gunicorn -w {args.workers} -k {args.worker_class}"
            + (f" --threads {args.threads}" if args.threads > 1 else "")
            + f" clients={args.clients} duration={args.duration:g} s/target (+{args.warmup:g} s warm-up)"
        )
        print(
            "The load generator runs on the same 2 cores as gunicorn"
            + (" and PostgreSQL" if postgres else "")
            + ": it competes with the server for CPU. Last column: cores used during the run by the gunicorn "
            "workers / PostgreSQL backends / the load generator / anything else on the machine.\n"
        )
        print(
            "| target | path | requests | req/s | p50 ms | p95 ms | p99 ms | errors | vs bare "
            "| cores app/db/client/other |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for label, paths, r in results:
            path = paths[0] if len(paths) == 1 else "/en/listings/<random id>"
            print(
                f"| {label} | `{path}` | {r['requests']:,} | {r['rps']:.0f} | {r['p50']:.1f} "
                f"| {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['rps'] / bare:.0%} "
                "| " + " / ".join(f"{r['cpu'][k]:.2f}" for k in ("app", "db", "client", "other")) + " |"
            )
        print()
        for label, _, r in results[1:]:
            ok_rps, ok_p95 = r["rps"] >= 0.25 * bare, r["p95"] < 100
            print(
                f"- {label}: throughput {'≥' if ok_rps else '<'} 25 % of bare "
                f"({'met' if ok_rps else 'MISSED'}), p95 {r['p95']:.0f} ms "
                f"({'met' if ok_p95 else 'MISSED'} < 100 ms)"
            )

        if args.profile:
            wait_for_quiet(args.wait_quiet)
            pages = [(label, paths[0]) for label, paths in targets[1:]]
            profile_pages(url, tmp, pages, args.profile)
        if args.keep:
            print(f"\ndatabase kept: {url}")
    except BaseException:
        log_path = Path(tmp) / "gunicorn.log"
        if log_path.exists():
            log("gunicorn log (tail):\n" + "\n".join(log_path.read_text().splitlines()[-30:]))
        raise
    finally:
        if proc is not None:
            stop(proc)
        if created_pg and not args.keep:
            pg_recreate(args.pg_server, create=False)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
