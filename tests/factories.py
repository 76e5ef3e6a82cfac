"""Small factories: build what a test needs through the real services."""

from __future__ import annotations

import itertools

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
