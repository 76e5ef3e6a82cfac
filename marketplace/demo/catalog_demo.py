"""Demo catalog: categories, FX rates and the listings of `listings_data.py`, each created, submitted
and approved through the real services (so every demo listing passes the same validation)."""

from __future__ import annotations

import io
from datetime import date

import sqlalchemy as sa
from werkzeug.datastructures import FileStorage

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Company, User
from marketplace.catalog import services as catalog
from marketplace.catalog.models import Category, Listing, ListingTranslation, ListingVersion
from marketplace.catalog.seeding import seed_categories
from marketplace.core.errors import ValidationFailed
from marketplace.extensions import db

FX_RATES = [
    ("USD", "CNY", "7.1050"),
    ("USD", "RUB", "92.40"),
    ("USD", "MNT", "3452.00"),
    ("USD", "EUR", "0.9210"),
    ("USD", "KZT", "489.50"),
]


def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF saying `text` (ASCII), for demo safety data sheets."""
    safe = text.encode("ascii", "replace").decode().replace("\\", "").replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 60 760 Td ({safe[:90]}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _seller(spec: dict, admin: User) -> Company:
    user = accounts.user_by_email(spec["email"]) or accounts.register_user(
        email=spec["email"], password=spec["password"], display_name=spec["name"], language=spec["language"]
    )
    company = db.session.scalar(
        sa.select(Company).where(Company.legal_name_latin == spec["legal_name_latin"])
    )
    if company is None:
        company = accounts.create_company(
            user,
            accounts.CompanyData(
                kind="seller",
                legal_name=spec["legal_name"],
                legal_name_latin=spec["legal_name_latin"],
                country="CN",
                address=spec["address"],
                city=spec.get("city", "Ordos"),
                postal_code=spec.get("postal_code", ""),
                contact_name=spec.get("contact_name", ""),
                contact_email=spec["email"],
                contact_phone=spec.get("contact_phone", ""),
                identifiers={"uscc": spec["uscc"], "customs_code": spec["customs_code"]},
            ),
        )
        accounts.decide_verification(admin, company, True, "demo data")
    return company


def load_catalog_demo(admin: User, password: str) -> int:
    """Create what is missing; return the number of published demo listings."""
    from marketplace.demo.listings_data import EXTRA_SELLERS, LISTINGS

    seed_categories()
    for base, quote, rate in FX_RATES:
        catalog.set_fx_rate(admin, base, quote, rate, date(2026, 11, 25))
    for spec in EXTRA_SELLERS:
        _seller({**spec, "password": password}, admin)
    categories = {c.slug: c for c in db.session.scalars(sa.select(Category))}
    for spec in LISTINGS:
        user = accounts.user_by_email(spec["seller"])
        company = next(m.company for m in user.memberships if m.company.is_seller)
        title = spec["content"]["en"]["title"]
        exists = db.session.scalar(
            sa.select(Listing.id)
            .join(ListingVersion, ListingVersion.listing_id == Listing.id)
            .join(ListingTranslation, ListingTranslation.version_id == ListingVersion.id)
            .where(Listing.seller_id == company.id, ListingTranslation.title == title)
            .limit(1)
        )
        if exists:
            continue
        data = catalog.ListingData(
            hs_code=spec["hs_code"],
            origin_ordos=spec.get("origin_ordos"),
            unit=spec["unit"],
            moq=spec["moq"],
            order_multiple=spec.get("order_multiple", spec["moq"]),
            incoterm=spec["incoterm"],
            incoterm_place=spec["incoterm_place"],
            transport_mode=spec["transport_mode"],
            lead_time_days=spec["lead_time_days"],
            attributes=spec.get("attributes", {}),
            content=spec["content"],
            prices=spec["prices"],
        )
        try:
            listing = catalog.create_listing(user, company, categories[spec["category"]], data)
        except ValidationFailed as exc:  # demo data must be valid: say which listing and why
            raise RuntimeError(f"demo listing {title!r} is invalid: {exc.errors}") from exc
        attributes = listing.working_version.attributes
        if attributes.get("ghs_pictograms") or attributes.get("un_number"):
            pdf = tiny_pdf(f"Safety data sheet - {title}")
            catalog.attach_file(user, listing, "sds", FileStorage(io.BytesIO(pdf), "SDS.pdf"), "en")
        catalog.submit_listing(user, listing, acknowledge_flags=True)
        catalog.approve_listing(admin, listing, acknowledge_controlled=True)
    return (
        db.session.scalar(sa.select(sa.func.count()).select_from(Listing).where(Listing.is_visible.is_(True)))
        or 0
    )
