"""DeclarationInput factories for the customs tests."""

from __future__ import annotations

import datetime
from dataclasses import replace
from datetime import date
from decimal import Decimal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from marketplace.customs.inputs import DeclarationInput, DeclarationLine


def make_key_pair(tmp_path) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ordos marketplace test signer")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = tmp_path / "test-signer.key", tmp_path / "test-signer.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


def chemical_line(**overrides) -> DeclarationLine:
    values = dict(
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
    values.update(overrides)
    return DeclarationLine(**values)


def declaration_input(**overrides) -> DeclarationInput:
    """A 9710 shipment of chemicals by road to Mongolia through Erenhot, within the list limit."""
    values = dict(
        mode="9710",
        reference="ORD-2026-000123",
        platform_code="1506960001",
        platform_name="鄂尔多斯跨境电商出口平台",
        seller_code="91150600MA0SELLER1",
        seller_name="鄂尔多斯化工有限公司",
        agent_code="1506980001",
        agent_name="二连浩特报关行",
        logistics_code="1506940001",
        logistics_name="二连国际物流",
        waybill_no="EL2026112600001",
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
        goods_info="Sodium hydroxide flakes, 4 bags",
        lines=(
            chemical_line(),
            chemical_line(item_no="SKU-NAOH-50", quantity=Decimal("40"), price=Decimal("3.2")),
        ),
    )
    values.update(overrides)
    return DeclarationInput(**values)


def booking_input(**overrides) -> DeclarationInput:
    """A 9810 booking of cashmere yarn by rail to the Moscow overseas warehouse."""
    base = declaration_input(
        mode="9810",
        reference="BK-2026-000042",
        warehouse_name="Moscow Ordos Overseas Warehouse",
        destination_country="RU",
        currency="USD",
        cny_rate=Decimal("7.1"),
        freight=Decimal("50"),
        insurance=Decimal("5"),
        transport_mode="rail",
        package_type="carton",
        waybill_no="CR2026112600042",
        goods_info="Cashmere yarn, 2 cartons",
        gross_weight=Decimal("22"),
        net_weight=Decimal("20"),
        packages=2,
        lines=(
            chemical_line(
                item_no="CASH-YARN-2/26",
                item_name="山羊绒纱线",
                hs_code="5108200000",
                goods_name="山羊绒纱线",
                model="2/26Nm|100%山羊绒|未供零售",
                quantity=Decimal("20"),
                price=Decimal("30"),
                legal_quantity=Decimal("20"),
            ),
        ),
    )
    return replace(base, **overrides)
