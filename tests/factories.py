"""Small factories: build what a test needs through the real services."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from marketplace.accounts import services
from marketplace.accounts.models import Company, User
from marketplace.extensions import db

PASSWORD = "correct-horse-battery"
_seq = itertools.count(1)

# Valid identifiers for sellers: real-format USCCs (check characters computed) and customs codes.
SELLER_IDS = [
    ("91150622MA0N2QRL6P", "1506960123"),
    ("91150603MA13U8K014", "1506930456"),
    ("91150602MA0Q4B8X2U", "1506960789"),
    ("91110000600037341L", "1101910001"),  # Beijing: not an Ordos enterprise
]


def make_user(email: str | None = None, *, language: str = "en", admin: bool = False) -> User:
    n = next(_seq)
    user = services.register_user(
        email=email or f"user{n}@example.com",
        password=PASSWORD,
        display_name=f"User {n}",
        language=language,
    )
    user.is_admin = admin
    db.session.flush()
    return user


def make_company(owner: User, kind: str = "buyer", *, seller_ids: int = 0, **overrides) -> Company:
    n = next(_seq)
    if kind == "seller":
        uscc, customs = SELLER_IDS[seller_ids]
        data = services.CompanyData(
            kind="seller",
            legal_name=f"鄂尔多斯测试公司{n}",
            legal_name_latin=f"Test Seller {n}",
            country="CN",
            address="Ordos",
            identifiers={"uscc": uscc, "customs_code": customs},
        )
    else:
        data = services.CompanyData(
            kind="buyer",
            legal_name=f"Тест ХХК {n}",
            legal_name_latin=f"Test Buyer {n}",
            country="MN",
            address="Ulaanbaatar",
            identifiers={},
        )
    for key, value in overrides.items():
        setattr(data, key, value)
    return services.create_company(owner, data)


def commit():
    db.session.commit()


# -- catalog ---------------------------------------------------------------------------------------


def seed_catalog():
    from marketplace.catalog.seeding import seed_categories

    seed_categories()


def pp_data(**overrides):
    from marketplace.catalog.services import ListingData

    data = ListingData(
        hs_code="3902100090",
        unit="t",
        moq="25",
        order_multiple="25",
        incoterm="FCA",
        incoterm_place="Erenhot",
        transport_mode="road",
        lead_time_days="14",
        attributes={"cas_numbers": "9003-07-0", "pp_type": "homopolymer", "mfr": "3.0"},
        content={
            "zh": {"title": "聚丙烯 T30S 拉丝级", "description": "鄂尔多斯产 PP 均聚物，25 公斤袋装。"},
            "en": {
                "title": "Polypropylene T30S raffia grade",
                "description": "PP homopolymer made in Ordos.",
            },
        },
        prices=[
            {"currency": "USD", "min_quantity": "25", "unit_price": "1050.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "1010.00"},
        ],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def verified_seller(email: str | None = None, seller_ids: int = 0):
    """A user owning a verified Ordos seller company: returns (user, company)."""
    owner = make_user(email)
    company = make_company(owner, "seller", seller_ids=seller_ids)
    admin = make_user(admin=True)
    services.decide_verification(admin, company, True)
    return owner, company


def make_listing(owner, company, slug: str = "pp", *, publish: bool = False, **overrides):
    from marketplace.catalog import services as catalog
    from marketplace.catalog.models import Category

    category = db.session.scalar(db.select(Category).where(Category.slug == slug))
    listing = catalog.create_listing(owner, company, category, pp_data(**overrides))
    if publish:
        catalog.submit_listing(owner, listing, acknowledge_flags=True)
        admin = make_user(admin=True)
        catalog.approve_listing(admin, listing, acknowledge_controlled=True)
    return listing


SEARCH_T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def search_doc(listing_id: int, **fields):
    """A plain search document (no catalog rows behind it) with defaults for what a test leaves out."""
    from marketplace.search.interface import SearchDocument

    base = dict(
        listing_id=listing_id,
        vertical="chemicals",
        category_id=900,
        category_path_ids=[900],
        seller_id=90,
        seller_name="Plain Seller",
        origin_ordos=True,
        incoterm="FCA",
        price_usd=Decimal("100"),
        published_at=SEARCH_T0 + timedelta(hours=listing_id % 1000),
        titles={},
    )
    base.update(fields)
    return SearchDocument(**base)


# -- RFQs ------------------------------------------------------------------------------------------


def yarn_data(**overrides):
    """A cashmere yarn listing (category "yarn")."""
    from marketplace.catalog.services import ListingData

    data = ListingData(
        hs_code="5108101100",
        unit="kg",
        moq="50",
        order_multiple="10",
        incoterm="FCA",
        incoterm_place="Erenhot",
        transport_mode="road",
        lead_time_days="20",
        attributes={
            "colour": "white",
            "composition": "100% cashmere",
            "ply": "2",
            "nm_count": "26",
            "spinning_system": "woollen",
        },
        content={
            "zh": {"title": "100% 羊绒粗纺纱 2/26 Nm", "description": "鄂尔多斯白绒纺制。"},
            "en": {"title": "Cashmere woollen yarn 2/26 Nm", "description": "Ordos white cashmere."},
        },
        prices=[{"currency": "USD", "min_quantity": "50", "unit_price": "142.00"}],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def rfq_data(seller_ids=(), **overrides):
    from datetime import timedelta

    from marketplace.rfq.services import RfqData, china_today

    data = RfqData(
        title="Polypropylene raffia grade, 100 t",
        description="For woven sacks.",
        category="pp",
        quantity="100",
        unit="t",
        target_price="1000",
        target_currency="USD",
        destination_country="MN",
        destination_place="Ulaanbaatar",
        incoterm="DAP",
        deadline=(china_today() + timedelta(days=10)).isoformat(),
        max_quotes=10,
        audience="chosen",
        seller_ids=[str(i) for i in seller_ids],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def revision_data(unit_price="1040.00", **overrides):
    from datetime import timedelta

    from marketplace.rfq.services import RevisionData, china_today

    data = RevisionData(
        currency="USD",
        lines=[
            {"description": "PP T30S raffia grade", "quantity": "100", "unit": "t", "unit_price": unit_price}
        ],
        moq="25",
        incoterm="DAP",
        incoterm_place="Ulaanbaatar",
        lead_time_days="21",
        deposit_percent="30",
        balance_due="before_shipment",
        valid_until=(china_today() + timedelta(days=14)).isoformat(),
        notes="",
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def rfq_parties(sellers: int = 2, slug: str = "pp", buyer_language: str = "mn"):
    """A buyer (user, company) and `sellers` verified sellers each with a published listing in `slug`;
    returns (buyer_user, buyer_company, [(seller_user, seller_company, listing)])."""
    seed_catalog()
    buyer = make_user(language=buyer_language)
    buyer_company = make_company(buyer)
    out = []
    for i in range(sellers):
        owner, company = verified_seller(seller_ids=i)
        data = yarn_data() if slug == "yarn" else pp_data()
        from marketplace.catalog import services as catalog
        from marketplace.catalog.models import Category

        category = db.session.scalar(db.select(Category).where(Category.slug == slug))
        listing = catalog.create_listing(owner, company, category, data)
        catalog.submit_listing(owner, listing, acknowledge_flags=True)
        catalog.approve_listing(make_user(admin=True), listing, acknowledge_controlled=True)
        out.append((owner, company, listing))
    return buyer, buyer_company, out


def bulk_sellers(n: int):
    """n verified seller companies without registry numbers (for list sizes only), each with an owner."""
    from marketplace.accounts.models import Company, Membership
    from marketplace.accounts.states import CompanyKind, MemberRole, VerificationState

    companies = []
    for _ in range(n):
        k = next(_seq)
        owner = make_user(f"bulk{k}@example.com")
        company = Company(
            kind=CompanyKind.SELLER,
            legal_name=f"鄂尔多斯批量公司{k}",
            legal_name_latin=f"Bulk Seller {k}",
            country="CN",
            address="Ordos",
            verification=VerificationState.VERIFIED,
        )
        db.session.add(company)
        db.session.flush()
        db.session.add(Membership(user_id=owner.id, company_id=company.id, role=MemberRole.OWNER))
        companies.append((owner, company))
    db.session.flush()
    return companies
