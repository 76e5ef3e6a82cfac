"""Demo data for `make run`. Running it twice changes nothing the second time."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from marketplace.accounts import services
from marketplace.accounts.models import Company
from marketplace.extensions import db

demo_cli = AppGroup("demo", help="Demo data.")

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - published demo logins

ADMIN = ("admin@ordos-export.example", "Platform Admin", "zh")

# (email, name, language, company data); sellers carry real-format USCC and customs codes.
COMPANIES = [
    (
        "sales@yitai-chem.example",
        "王磊 Wang Lei",
        "zh",
        services.CompanyData(
            kind="seller",
            legal_name="鄂尔多斯市伊泰化工有限责任公司",
            legal_name_latin="Ordos Yitai Chemical Co., Ltd.",
            country="CN",
            address="内蒙古鄂尔多斯市准格尔旗大路工业园区",
            city="Ordos",
            postal_code="010300",
            contact_name="Wang Lei",
            contact_email="sales@yitai-chem.example",
            contact_phone="+86 477 000 1001",
            identifiers={"uscc": "91150622MA0N2QRL6P", "customs_code": "1506960123"},
        ),
    ),
    (
        "export@ordos-auto.example",
        "李娜 Li Na",
        "zh",
        services.CompanyData(
            kind="seller",
            legal_name="鄂尔多斯市康巴什新能源汽车制造有限公司",
            legal_name_latin="Ordos Kangbashi New Energy Vehicle Manufacturing Co., Ltd.",
            country="CN",
            address="内蒙古鄂尔多斯市康巴什区装备制造基地",
            city="Ordos",
            postal_code="017010",
            contact_name="Li Na",
            contact_email="export@ordos-auto.example",
            contact_phone="+86 477 000 2002",
            identifiers={"uscc": "91150603MA13U8K014", "customs_code": "1506930456"},
        ),
    ),
    (
        "trade@erdos-cashmere.example",
        "张伟 Zhang Wei",
        "zh",
        services.CompanyData(
            kind="seller",
            legal_name="鄂尔多斯市东胜羊绒制品有限公司",
            legal_name_latin="Ordos Dongsheng Cashmere Products Co., Ltd.",
            country="CN",
            address="内蒙古鄂尔多斯市东胜区罕台轻纺街",
            city="Ordos",
            postal_code="017000",
            contact_name="Zhang Wei",
            contact_email="trade@erdos-cashmere.example",
            contact_phone="+86 477 000 3003",
            identifiers={"uscc": "91150602MA0Q4B8X2U", "customs_code": "1506960789"},
        ),
    ),
    (
        "buyer@tavan-trade.example",
        "Батбаяр Дорж",
        "mn",
        services.CompanyData(
            kind="buyer",
            legal_name="Таван Богд Трейд ХХК",
            legal_name_latin="Tavan Bogd Trade LLC",
            country="MN",
            address="Сүхбаатар дүүрэг, 1-р хороо, Чингисийн өргөн чөлөө 15",
            city="Ulaanbaatar",
            postal_code="14200",
            contact_name="Batbayar Dorj",
            contact_email="buyer@tavan-trade.example",
            contact_phone="+976 7700 1234",
            identifiers={"mn_register": "5319676"},
        ),
    ),
    (
        "zakupki@sibpolymer.example",
        "Ольга Смирнова",
        "ru",
        services.CompanyData(
            kind="buyer",
            legal_name="ООО «СибПолимер»",
            legal_name_latin="SibPolymer LLC",
            country="RU",
            address="ул. Станционная, 60/1, Новосибирск",
            city="Novosibirsk",
            postal_code="630108",
            contact_name="Olga Smirnova",
            contact_email="zakupki@sibpolymer.example",
            contact_phone="+7 383 000 4567",
            identifiers={"inn": "7707083893", "ogrn": "1027700132195"},
        ),
    ),
]


def load_demo() -> list[tuple[str, str]]:
    """Create what is missing; return (role, email) of every demo login."""
    logins = []
    admin = services.user_by_email(ADMIN[0]) or services.create_admin(ADMIN[0], DEMO_PASSWORD, ADMIN[1])
    admin.language = ADMIN[2]
    logins.append(("admin", admin.email))
    for email, name, language, data in COMPANIES:
        user = services.user_by_email(email)
        if user is None:
            user = services.register_user(
                email=email, password=DEMO_PASSWORD, display_name=name, language=language
            )
        exists = db.session.scalar(
            db.select(Company).where(Company.legal_name_latin == data.legal_name_latin)
        )
        if exists is None:
            company = services.create_company(user, data)
            if company.is_seller:
                services.decide_verification(admin, company, True, "demo data")
        logins.append((data.kind, email))
    db.session.flush()
    from marketplace.demo.catalog_demo import load_catalog_demo
    from marketplace.demo.listings_data import EXTRA_SELLERS

    load_catalog_demo(admin, DEMO_PASSWORD)
    from marketplace.demo.rfq_demo import load_rfq_demo

    load_rfq_demo()
    from marketplace.demo.warehouses_demo import load_warehouses_demo

    load_warehouses_demo()
    from marketplace.demo.customs_demo import load_customs_demo
    from marketplace.demo.risk_demo import load_risk_demo
    from marketplace.demo.shipments_demo import load_shipments_demo

    load_risk_demo()
    load_customs_demo(load_shipments_demo())
    from marketplace.demo.credit_demo import load_credit_demo

    load_credit_demo()
    logins.extend(("seller", spec["email"]) for spec in EXTRA_SELLERS)
    return logins


@demo_cli.command("load")
def load() -> None:
    """Load the demo companies and users (idempotent) and print the logins."""
    from flask import current_app

    with current_app.test_request_context("/en/"):  # services render translated messages and links
        logins = load_demo()
        db.session.commit()
    from marketplace.demo.customs_demo import signing_configured

    if not signing_configured():
        click.echo(
            "No customs signing key configured: demo declarations skipped (run `flask customs dev-key`)."
        )
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for role, email in logins:
        click.echo(f"  {role:<7} {email}")
