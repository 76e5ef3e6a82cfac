"""Admins edit category attribute schemas (pages, services, API): typed attributes with labels in four
languages, units and test conditions, bounds, options; refusals that would strand listing data."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_listing, make_user, pp_data, seed_catalog, verified_seller
from support import Browserish

from marketplace.accounts.models import User
from marketplace.catalog import schema_admin, services
from marketplace.catalog.models import AttributeDefinition, Category
from marketplace.core.audit import AuditEntry
from marketplace.core.errors import PermissionDenied, ValidationFailed
from marketplace.extensions import db

LABELS = {
    "label_zh": "结晶度",
    "label_en": "Crystallinity",
    "label_ru": "Кристалличность",
    "label_mn": "Талсжилт",
}


def _login(app, email) -> Browserish:
    web = Browserish(app.test_client())
    r = web.submit("/en/login", {"email": email, "password": PASSWORD})
    assert r.status_code == 302, r.get_data(as_text=True)
    return web


def _token(client, email) -> dict[str, str]:
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def _attr(app, slug, code) -> AttributeDefinition | None:
    with app.app_context():
        attr = db.session.scalar(
            sa.select(AttributeDefinition)
            .join(Category, Category.id == AttributeDefinition.category_id)
            .where(Category.slug == slug, AttributeDefinition.code == code)
        )
        db.session.expunge_all()
        return attr


def _actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.fixture
def world(seed):
    def build():
        seed_catalog()
        make_user("root@example.com", admin=True)
        _owner, company = verified_seller("seller@example.com")
        return company.id

    return seed(build)


def _decimal_form(**overrides):
    form = {
        "code": "crystallinity",
        "kind": "decimal",
        **LABELS,
        "unit": "%",
        "condition": "DSC, 10 K/min (ISO 11357-3)",
        "min": "30",
        "max": "80",
        "validator": "",
        "options": "",
        "document_kind": "",
        "required_when_attribute": "",
    }
    form.update(overrides)
    return form


def test_admin_adds_a_decimal_attribute_that_sellers_then_fill_and_that_is_validated(app, seed, world):
    admin = _login(app, "root@example.com")
    assert admin.get("/en/admin/catalog/categories").status_code == 200
    assert 'href="/en/admin/catalog/categories"' in admin.get("/en/admin/").get_data(as_text=True)  # nav
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/new", _decimal_form())
    assert r.status_code == 302, r.get_data(as_text=True)
    assert r.headers["Location"].endswith("/en/admin/catalog/categories/pp")
    page = admin.get("/en/admin/catalog/categories/pp").get_data(as_text=True)
    assert "crystallinity" in page and "Crystallinity" in page
    assert "cas_numbers" in page  # inherited from "chemicals", shown read-only

    attr = _attr(app, "pp", "crystallinity")
    assert attr.kind.value == "decimal" and attr.unit == "%" and attr.condition.startswith("DSC")
    assert (attr.min_value, attr.max_value) == (Decimal(30), Decimal(80))
    assert attr.labels == {"zh": "结晶度", "en": "Crystallinity", "ru": "Кристалличность", "mn": "Талсжилт"}
    assert "catalog.attribute_saved" in _actions(app)

    # The seller's editor shows the new attribute with its unit and test condition.
    seller = _login(app, "seller@example.com")
    editor = seller.get("/en/seller/listings/new?category=pp").get_data(as_text=True)
    assert 'name="attr-crystallinity"' in editor
    assert "Crystallinity (%)" in editor and "DSC, 10 K/min (ISO 11357-3)" in editor

    # …and validates it: a value below the minimum is refused.
    def below_min():
        owner = db.session.scalar(sa.select(User).where(User.email == "seller@example.com"))
        category = db.session.scalar(sa.select(Category).where(Category.slug == "pp"))
        data = pp_data(attributes={**pp_data().attributes, "crystallinity": "12"})
        with pytest.raises(ValidationFailed) as exc:
            services.create_listing(owner, owner.memberships[0].company, category, data)
        return exc.value.errors

    errors = seed(below_min)
    assert "attributes.crystallinity" in errors
    assert "30" in errors["attributes.crystallinity"][0]


def test_enum_options_are_parsed_from_the_textarea(app, world):
    admin = _login(app, "root@example.com")
    options = "\n".join(
        [
            "bopp | 双向拉伸 | BOPP film | Плёнка БОПП | БОПП хальс",
            "",
            "  fibre|纤维|Fibre|Волокно|Утас  ",
        ]
    )
    form = _decimal_form(code="end_use", kind="enum", unit="", condition="", min="", max="", options=options)
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/new", form)
    assert r.status_code == 302, r.get_data(as_text=True)
    attr = _attr(app, "pp", "end_use")
    assert attr.options == [
        {
            "value": "bopp",
            "labels": {"zh": "双向拉伸", "en": "BOPP film", "ru": "Плёнка БОПП", "mn": "БОПП хальс"},
        },
        {"value": "fibre", "labels": {"zh": "纤维", "en": "Fibre", "ru": "Волокно", "mn": "Утас"}},
    ]
    # The edit form shows them back as lines.
    page = admin.get("/en/admin/catalog/categories/pp/attributes/end_use").get_data(as_text=True)
    assert "bopp | 双向拉伸 | BOPP film | Плёнка БОПП | БОПП хальс" in page

    # A line without the four labels, a bad value and a repeated value are each explained.
    bad = (
        "bopp | 双向拉伸 | BOPP film\nBad Value | a | b | c | d\nfibre | a | b | c | d\nfibre | a | b | c | d"
    )
    r = admin.submit(
        "/en/admin/catalog/categories/pp/attributes/new", {**form, "code": "end_use2", "options": bad}
    )
    assert r.status_code == 422
    assert "Line 1: write value" in r.get_data(as_text=True)
    r = admin.submit(
        "/en/admin/catalog/categories/pp/attributes/new",
        {
            **form,
            "code": "end_use2",
            "options": "Bad Value | a | b | c | d\nx | a | b | c | d\nx | a | b | c | d",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Option 1: the value must be" in html and "is repeated" in html
    r = admin.submit(
        "/en/admin/catalog/categories/pp/attributes/new", {**form, "code": "end_use2", "options": ""}
    )
    assert r.status_code == 422 and "Give at least one option." in r.get_data(as_text=True)
    assert _attr(app, "pp", "end_use2") is None


def test_missing_mongolian_label_is_refused_and_nothing_is_written(app, world):
    admin = _login(app, "root@example.com")
    before = _actions(app)
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/new", _decimal_form(label_mn="  "))
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "Enter the text in this language." in html
    assert 'id="label_mn"' in html and 'value="Crystallinity"' in html  # the form keeps what was typed
    assert _attr(app, "pp", "crystallinity") is None
    assert _actions(app) == before

    # Category names need the four languages too.
    r = admin.submit(
        "/en/admin/catalog/categories/pp", {"name_zh": "聚丙烯", "name_en": "PP", "name_ru": "ПП"}
    )
    assert r.status_code == 422 and "Enter the text in this language." in r.get_data(as_text=True)
    names = {
        "name_zh": "聚丙烯",
        "name_en": "Polypropylene (PP)",
        "name_ru": "Полипропилен",
        "name_mn": "Полипропилен",
    }
    assert admin.submit("/en/admin/catalog/categories/pp", names).status_code == 302
    assert "Polypropylene (PP)" in admin.get("/en/admin/catalog/categories").get_data(as_text=True)
    assert "catalog.category_renamed" in _actions(app)


def test_duplicate_code_on_the_path_is_refused(app, world):
    admin = _login(app, "root@example.com")
    # "cas_numbers" is defined on the ancestor "chemicals"; "mfr" on "pp" itself.
    for code in ("cas_numbers", "mfr"):
        r = admin.submit("/en/admin/catalog/categories/pp/attributes/new", _decimal_form(code=code))
        assert r.status_code == 422, code
        assert "already" in r.get_data(as_text=True)
    # "pp_type" belongs to a descendant of "polyolefins", so the parent cannot define it either.
    r = admin.submit("/en/admin/catalog/categories/polyolefins/attributes/new", _decimal_form(code="pp_type"))
    assert r.status_code == 422 and "is already used by the category" in r.get_data(as_text=True)
    # A sibling branch may use it ("pe" is not on the path of "pp").
    r = admin.submit("/en/admin/catalog/categories/pe/attributes/new", _decimal_form(code="pp_type"))
    assert r.status_code == 302
    # And a malformed code is explained.
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/new", _decimal_form(code="Crystal Linity"))
    assert r.status_code == 422 and "lower-case letters" in r.get_data(as_text=True)


def test_changing_kind_or_deleting_a_used_attribute_is_refused(app, seed, world):
    def listing():
        owner = db.session.scalar(sa.select(User).where(User.email == "seller@example.com"))
        return make_listing(owner, owner.memberships[0].company, "pp").id  # has mfr = 3.0

    seed(listing)
    admin = _login(app, "root@example.com")
    page = admin.get("/en/admin/catalog/categories/pp/attributes/mfr").get_data(as_text=True)
    assert 'value="230 °C / 2.16 kg (ISO 1133)"' in page
    form = _decimal_form(code="mfr", kind="text", unit="", condition="", min="", max="")
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/mfr", form)
    assert r.status_code == 422
    assert "its kind cannot change" in r.get_data(as_text=True)
    assert _attr(app, "pp", "mfr").kind.value == "decimal"

    # Other changes of a used attribute are fine.
    form = _decimal_form(code="mfr", unit="g/10 min", condition="230 °C / 2.16 kg", min="0", max="100")
    assert admin.submit("/en/admin/catalog/categories/pp/attributes/mfr", form).status_code == 302
    assert _attr(app, "pp", "mfr").condition == "230 °C / 2.16 kg"

    # Removing an option listings use is refused ("homopolymer" is used by the listing).
    attr = _attr(app, "pp", "pp_type")
    kept = "\n".join(
        f"{o['value']} | {' | '.join(o['labels'][x] for x in ('zh', 'en', 'ru', 'mn'))}"
        for o in attr.options
        if o["value"] != "homopolymer"
    )
    form = {**_decimal_form(code="pp_type", kind="enum", unit="", condition="", min="", max="", options=kept)}
    form.update({f"label_{x}": attr.labels[x] for x in ("zh", "en", "ru", "mn")})
    r = admin.submit("/en/admin/catalog/categories/pp/attributes/pp_type", form)
    assert r.status_code == 422 and "homopolymer" in r.get_data(as_text=True)

    r = admin.submit(
        "/en/admin/catalog/categories/pp/attributes/mfr",
        {},
        action="/en/admin/catalog/categories/pp/attributes/mfr/delete",
        follow_redirects=True,
    )
    assert "cannot be deleted" in r.get_data(as_text=True)
    assert _attr(app, "pp", "mfr") is not None
    assert "catalog.attribute_deleted" not in _actions(app)

    # An unused attribute can be deleted (and it is audited).
    r = admin.submit(
        "/en/admin/catalog/categories/pp/attributes/isotactic_index",
        {},
        action="/en/admin/catalog/categories/pp/attributes/isotactic_index/delete",
    )
    assert r.status_code == 302
    assert _attr(app, "pp", "isotactic_index") is None
    assert "catalog.attribute_deleted" in _actions(app)


def test_non_admins_get_403_on_pages_and_api(app, client, world):
    seller = _login(app, "seller@example.com")
    for url in (
        "/en/admin/catalog/categories",
        "/en/admin/catalog/categories/pp",
        "/en/admin/catalog/categories/pp/attributes/new",
        "/en/admin/catalog/categories/pp/attributes/mfr",
    ):
        assert seller.get(url).status_code == 403, url
    h = _token(client, "seller@example.com")
    r = client.put("/api/v1/admin/categories/pp/attributes/crystallinity", json={"kind": "text"}, headers=h)
    assert r.status_code == 403 and r.get_json()["error"]["code"] == "forbidden"
    assert client.put("/api/v1/admin/categories/pp", json={"names": {}}, headers=h).status_code == 403
    assert client.delete("/api/v1/admin/categories/pp/attributes/mfr", headers=h).status_code == 403
    assert client.delete("/api/v1/admin/categories/pp/attributes/mfr").status_code == 401
    assert _attr(app, "pp", "mfr") is not None

    # A service called directly refuses too.
    with app.test_request_context("/en/"):
        user = db.session.scalar(sa.select(User).where(User.email == "seller@example.com"))
        category = db.session.scalar(sa.select(Category).where(Category.slug == "pp"))
        with pytest.raises(PermissionDenied):
            schema_admin.delete_attribute(user, category, "mfr")
        db.session.rollback()


def test_api_create_update_round_trip(app, client, world):
    h = _token(client, "root@example.com")
    body = {
        "kind": "multi_enum",
        "labels": {"zh": "认证", "en": "Certifications", "ru": "Сертификаты", "mn": "Гэрчилгээ"},
        "required": False,
        "key": True,
        "options": [
            {
                "value": "iso9001",
                "labels": {"zh": "ISO 9001", "en": "ISO 9001", "ru": "ISO 9001", "mn": "ISO 9001"},
            },
            {"value": "reach", "labels": {"zh": "REACH", "en": "REACH", "ru": "REACH", "mn": "REACH"}},
        ],
    }
    r = client.put("/api/v1/admin/categories/pp/attributes/pp_certs", json=body, headers=h)
    assert r.status_code == 201, r.get_json()
    created = r.get_json()
    assert created["code"] == "pp_certs" and created["kind"] == "multi_enum" and created["key"] is True
    assert [o["value"] for o in created["options"]] == ["iso9001", "reach"]

    # What GET /categories/<slug> returns can be sent back, changed, as an update.
    schema = client.get("/api/v1/categories/pp").get_json()["attributes"]
    current = next(a for a in schema if a["code"] == "pp_certs")
    assert current == created
    current["labels"]["en"] = "Certificates"
    current["options"] = current["options"][:1]
    r = client.put("/api/v1/admin/categories/pp/attributes/pp_certs", json=current, headers=h)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["labels"]["en"] == "Certificates" and len(r.get_json()["options"]) == 1

    # Bad input: per-field messages, nothing written, no 500.
    bad = {**current, "labels": {"en": "x" * 121}, "min": 1.5, "options": "iso | a | b | c | d"}
    r = client.put("/api/v1/admin/categories/pp/attributes/pp_certs", json=bad, headers=h)
    assert r.status_code == 422
    fields = r.get_json()["error"]["fields"]
    assert {"labels.en", "labels.mn", "min", "options"} <= set(fields)
    assert (
        client.put(
            "/api/v1/admin/categories/pp/attributes/x", data="[]", headers=h, content_type="application/json"
        ).status_code
        == 422
    )
    r = client.put("/api/v1/admin/categories/nope/attributes/pp_certs", json=current, headers=h)
    assert r.status_code == 404
    decimal = {"kind": "decimal", "labels": body["labels"], "min": "10", "max": "5"}
    r = client.put("/api/v1/admin/categories/pp/attributes/pp_num", json=decimal, headers=h)
    assert r.status_code == 422 and "max" in r.get_json()["error"]["fields"]
    doc = {"kind": "document", "labels": body["labels"], "document_kind": "passport"}
    r = client.put("/api/v1/admin/categories/pp/attributes/pp_doc", json=doc, headers=h)
    assert r.status_code == 422 and "document_kind" in r.get_json()["error"]["fields"]
    r = client.put(
        "/api/v1/admin/categories/pp/attributes/pp_doc",
        json={**doc, "document_kind": "coa", "required_when": {"attribute": "pp_certs", "not_empty": True}},
        headers=h,
    )
    assert r.status_code == 201 and r.get_json()["required_when"] == {
        "attribute": "pp_certs",
        "not_empty": True,
    }

    # Names.
    names = {"zh": "聚丙烯", "en": "PP resin", "ru": "Полипропилен", "mn": "Полипропилен"}
    r = client.put("/api/v1/admin/categories/pp", json={"names": names}, headers=h)
    assert r.status_code == 200 and r.get_json()["names"] == names

    # Delete: refused while another attribute's condition refers to it; then allowed.
    r = client.delete("/api/v1/admin/categories/pp/attributes/pp_certs", headers=h)
    assert r.status_code == 409 and "pp_doc" in r.get_json()["error"]["message"]
    assert client.delete("/api/v1/admin/categories/pp/attributes/pp_doc", headers=h).status_code == 204
    assert client.delete("/api/v1/admin/categories/pp/attributes/pp_certs", headers=h).status_code == 204
    assert client.delete("/api/v1/admin/categories/pp/attributes/pp_certs", headers=h).status_code == 404
    assert _attr(app, "pp", "pp_certs") is None
    actions = _actions(app)
    assert actions.count("catalog.attribute_saved") == 3 and actions.count("catalog.attribute_deleted") == 2


def test_every_seeded_attribute_round_trips_unchanged(app, client, world):
    """The seeded schemas satisfy the admin rules: each attribute sent back as served is accepted as-is."""
    h = _token(client, "root@example.com")
    for category in client.get("/api/v1/categories").get_json()["items"]:
        own = {a["code"] for a in category["attributes"]}
        if category["parent"]:
            parent = client.get(f"/api/v1/categories/{category['parent']}").get_json()
            own -= {a["code"] for a in parent["attributes"]}
        for attr in category["attributes"]:
            if attr["code"] not in own:
                continue
            url = f"/api/v1/admin/categories/{category['slug']}/attributes/{attr['code']}"
            r = client.put(url, json=attr, headers=h)
            assert r.status_code == 200, (category["slug"], attr["code"], r.get_json())
            assert r.get_json() == attr
        r = client.put(
            f"/api/v1/admin/categories/{category['slug']}", json={"names": category["names"]}, headers=h
        )
        assert r.status_code == 200, (category["slug"], r.get_json())
    assert not {"catalog.attribute_saved", "catalog.category_renamed"} & set(_actions(app))
