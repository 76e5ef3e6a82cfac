"""Customs messages built + validated (XSD) + signed (RSA-SHA1 XML-DSig) + validated again, per second,
on one core, in-process (no database, no network): the CPU cost of preparing a declaration set.

Usage:
    python bench/declarations.py [--sets 300] [--lines 3]

Each set is a CEB303 order, a CEB505 waybill and a CEB603 list (9710, `--lines` goods lines); the key is a
throw-away 2048-bit RSA key made at start. Prints a Markdown table with messages/s per stage.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from marketplace.customs import messages as m
from marketplace.customs.inputs import DeclarationInput, DeclarationLine
from marketplace.customs.signing import RsaSigner


def make_signer() -> RsaSigner:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bench")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return RsaSigner(key_pem, cert.public_bytes(serialization.Encoding.PEM))


def sample(n: int, lines: int) -> DeclarationInput:
    line = DeclarationLine(
        item_no="SKU-NAOH-25",
        item_name="氢氧化钠",
        hs_code="281511",
        goods_name="氢氧化钠(固体)",
        model="片状|纯度99%|25kg袋装",
        quantity=Decimal("40"),
        unit="KGM",
        price=Decimal("3.50"),
        legal_quantity=Decimal("40"),
        legal_unit="KGM",
    )
    return DeclarationInput(
        mode="9710",
        reference=f"ORD-2026-{n:06d}",
        platform_code="1506960001",
        platform_name="鄂尔多斯跨境电商出口平台",
        seller_code="91150600MA0SELLER1",
        seller_name="鄂尔多斯化工有限公司",
        agent_code="1506980001",
        agent_name="二连浩特报关行",
        logistics_code="1506940001",
        logistics_name="二连国际物流",
        waybill_no=f"EL2026{n:08d}",
        consignee_name="Tavan Bogd Chemicals LLC",
        destination_country="MN",
        currency="CNY",
        cny_rate=Decimal("1"),
        freight=Decimal("300"),
        insurance=Decimal("20"),
        gross_weight=Decimal("82.5"),
        net_weight=Decimal("80"),
        packages=4,
        package_type="bag",
        transport_mode="road",
        customs_code="0702",
        port_code="0702",
        destination_port="1240",
        export_date=date(2026, 11, 27),
        goods_info="Sodium hydroxide flakes",
        lines=tuple(replace(line, item_no=f"SKU-{i}") for i in range(lines)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sets", type=int, default=300)
    parser.add_argument("--lines", type=int, default=3)
    args = parser.parse_args()
    signer = make_signer()
    transfer = m.Transfer("91150600MA0ORDOS01", "鄂尔多斯跨境电商出口平台", "DXPENT0000000001")
    inputs = [sample(n, args.lines) for n in range(args.sets)]
    m.schema()  # parse the XSD once, outside the timings
    builders = (m.build_order, m.build_waybill, m.build_list)
    timings = {"build": 0.0, "validate": 0.0, "sign": 0.0, "validate signed": 0.0, "serialise": 0.0}
    cpu0, wall0 = time.process_time(), time.perf_counter()
    count = 0
    for inp in inputs:
        for build in builders:
            t0 = time.perf_counter()
            built = build([(inp, m.Head(m.new_guid()))], transfer)
            t1 = time.perf_counter()
            assert m.validate(built.root) == []
            t2 = time.perf_counter()
            signed = signer.sign(built.root)
            t3 = time.perf_counter()
            assert m.validate(signed) == []
            t4 = time.perf_counter()
            m.etree.tostring(signed, encoding="unicode")
            t5 = time.perf_counter()
            for name, value in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                timings[name] += value
            count += 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"{count} messages ({args.sets} sets of 3, {args.lines} lines each), one process\n")
    print("| stage | ms/message | messages/s |")
    print("|---|---:|---:|")
    for name, total in timings.items():
        print(f"| {name} | {1000 * total / count:.3f} | {count / total:,.0f} |")
    print(f"| **all (wall)** | {1000 * wall / count:.3f} | **{count / wall:,.0f}** |")
    print(f"\nCPU {cpu:.2f} s for {wall:.2f} s wall")


if __name__ == "__main__":
    main()
