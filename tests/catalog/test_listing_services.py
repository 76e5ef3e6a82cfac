"""Listing services: schema-driven validation per vertical, moderation workflow, the
approved-version-stays-visible rule, controlled-goods flags, FX conversion."""

import itertools
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from factories import make_listing, make_user, pp_data, seed_catalog, verified_seller

from marketplace.catalog import services
from marketplace.catalog.models import Category, Listing, ListingVersion
from marketplace.catalog.states import ListingState as S
from marketplace.catalog.states import moderation
from marketplace.core.errors import Conflict, PermissionDenied, ValidationFailed
from marketplace.core.money import Money
from marketplace.core.states import IllegalTransition
from marketplace.extensions import db


@pytest.fixture
def world(ctx):
    seed_catalog()
    owner, company = verified_seller("seller@example.com")
    admin = make_user("admin@example.com", admin=True)
    return owner, company, admin


def _category(slug):
    return db.session.scalar(sa.select(Category).where(Category.slug == slug))


def _errors(exc_info) -> dict:
    return exc_info.value.errors


# -- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hs_code": "39021"}, "hs_code"),
        ({"hs_code": "999999"}, "hs_code"),
        ({"moq": "0"}, "moq"),
        ({"moq": "26", "order_multiple": "25"}, "order_multiple"),
        ({"incoterm": "FOB"}, "incoterm"),  # sea-only term with road transport
        ({"incoterm": "XYZ"}, "incoterm"),
        ({"incoterm_place": " "}, "incoterm_place"),
        ({"lead_time_days": "400"}, "lead_time_days"),
        ({"content": {}}, "content"),
        ({"prices": []}, "prices"),
        ({"prices": [{"currency": "USD", "min_quantity": "50", "unit_price": "1000"}]}, "prices"),
        ({"prices": [{"currency": "XXX", "min_quantity": "25", "unit_price": "1000"}]}, "prices.0.currency"),
        (
            {"prices": [{"currency": "USD", "min_quantity": "25", "unit_price": "10.001"}]},
            "prices.0.unit_price",
        ),
        (
            {"prices": [{"currency": "USD", "min_quantity": "25", "unit_price": 1000.5}]},
            "prices.0.unit_price",
        ),
        ({"attributes": {"cas_numbers": "9003-07-1"}}, "attributes.cas_numbers"),
        ({"attributes": {"mfr": "abc"}}, "attributes.mfr"),
        ({"attributes": {"pp_type": "bogus"}}, "attributes.pp_type"),
        ({"attributes": {"no_such": "1"}}, "attributes.no_such"),
    ],
)
def test_invalid_listing_is_refused_and_nothing_is_written(world, changes, field):
    owner, company, _admin = world
    with pytest.raises(ValidationFailed) as err:
        make_listing(owner, company, **changes)
    assert field in _errors(err), _errors(err)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Listing)) == 0


def test_sea_incoterm_with_sea_transport_is_accepted(world):
    owner, company, _ = world
    listing = make_listing(owner, company, incoterm="FOB", incoterm_place="Tianjin", transport_mode="sea")
    assert listing.working_version.incoterm.value == "FOB"


def test_values_are_stored_canonical(world):
    owner, company, _ = world
    listing = make_listing(
        owner,
        company,
        hs_code="3902.10.00.90",
        attributes={"cas_numbers": "9003070", "mfr": "3,50", "pp_type": "homopolymer"},
    )
    v = listing.working_version
    assert v.hs_code == "3902100090"
    assert v.attributes["cas_numbers"] == "9003-07-0"
    assert v.attributes["mfr"] == "3.5"
    assert [(p.currency, p.min_quantity, p.unit_price) for p in v.prices] == [
        ("USD", Decimal("25"), Decimal("1050.00")),
        ("USD", Decimal("100"), Decimal("1010.00")),
    ]
    assert {t.language for t in v.translations} == {"zh", "en"}


def test_origin_defaults_to_the_seller(world):
    owner, company, _ = world
    assert company.is_ordos
    assert make_listing(owner, company).working_version.origin_ordos is True
    assert make_listing(owner, company, origin_ordos=False).working_version.origin_ordos is False


def test_only_a_leaf_category_takes_listings(world):
    owner, company, _ = world
    with pytest.raises(ValidationFailed) as err:
        services.create_listing(owner, company, _category("polyolefins"), pp_data())
    assert "category" in _errors(err)


def test_cashmere_composition_must_sum_to_100(world):
    owner, company, _ = world
    base = dict(
        hs_code="510211",
        unit="kg",
        moq="100",
        order_multiple="50",
        lead_time_days="20",
        prices=[{"currency": "USD", "min_quantity": "100", "unit_price": "98.50"}],
    )
    with pytest.raises(ValidationFailed) as err:
        make_listing(
            owner,
            company,
            "raw-fibre",
            attributes={"composition": "90% cashmere, 5% silk", "mean_diameter_um": "15.5"},
            **base,
        )
    assert "attributes.composition" in _errors(err)
    listing = make_listing(
        owner,
        company,
        "raw-fibre",
        attributes={"composition": "95% cashmere; silk 5", "mean_diameter_um": "15.5"},
        **base,
    )
    assert listing.working_version.attributes["composition"] == "95% cashmere, 5% silk"


def test_vehicle_vin_is_validated(world):
    owner, company, _ = world
    base = dict(
        hs_code="8703801090",
        unit="vehicle",
        moq="1",
        order_multiple="1",
        prices=[{"currency": "USD", "min_quantity": "1", "unit_price": "18500"}],
    )
    attrs = {"make": "BYD", "model": "Seagull", "condition": "new", "drive_side": "lhd"}
    with pytest.raises(ValidationFailed) as err:
        make_listing(owner, company, "bev", attributes={**attrs, "vin": "LGXCE4CB1P0000001"}, **base)
    assert "attributes.vin" in _errors(err)
    listing = make_listing(owner, company, "bev", attributes={**attrs, "vin": "LGXCE4CB0P0000001"}, **base)
    assert listing.working_version.attributes["vin"] == "LGXCE4CB0P0000001"
    assert listing.working_version.flags == ["bev_passenger_licence"]


# -- submission and flags ------------------------------------------------------------------------


def test_submission_needs_required_attributes(world):
    owner, company, _ = world
    listing = make_listing(owner, company, attributes={"mfr": "3"})  # no CAS number (required)
    with pytest.raises(ValidationFailed) as err:
        services.submit_listing(owner, listing)
    assert "attributes.cas_numbers" in _errors(err)
    assert listing.state == S.DRAFT


def test_hazardous_chemical_needs_an_sds_and_precursor_needs_acknowledgement(world, app, tmp_path):
    owner, company, admin = world
    listing = make_listing(
        owner,
        company,
        "fine-chemicals",
        hs_code="290230",
        attributes={"cas_numbers": "108-88-3", "un_number": "UN1294", "ghs_pictograms": ["GHS02", "GHS07"]},
        unit="t",
        moq="20",
        order_multiple="20",
        prices=[{"currency": "USD", "min_quantity": "20", "unit_price": "820"}],
    )
    version = listing.working_version
    assert version.flags == ["precursor_cat_3"]
    with pytest.raises(ValidationFailed) as err:
        services.submit_listing(owner, listing)
    assert "attributes.sds" in _errors(err) and "acknowledge_flags" in _errors(err)

    import io

    from werkzeug.datastructures import FileStorage

    services.attach_file(
        owner, listing, "sds", FileStorage(io.BytesIO(b"%PDF-1.7\n..."), "toluene-sds-zh.pdf"), "zh"
    )
    services.submit_listing(owner, listing, acknowledge_flags=True)
    assert listing.state == S.PENDING
    with pytest.raises(ValidationFailed) as err:
        services.approve_listing(admin, listing)
    assert "acknowledge_controlled" in _errors(err)
    services.approve_listing(admin, listing, acknowledge_controlled=True)
    assert listing.state == S.PUBLISHED and listing.controlled_ack_by_id == admin.id


def test_bulk_approve_refuses_flagged_listings(world):
    owner, company, admin = world
    plain = make_listing(owner, company)
    services.submit_listing(owner, plain)
    flagged = make_listing(
        owner,
        company,
        "fine-chemicals",
        hs_code="290230",
        attributes={"cas_numbers": "67-64-1"},
        unit="t",
        moq="20",
        order_multiple="20",
        prices=[{"currency": "USD", "min_quantity": "20", "unit_price": "700"}],
    )
    services.submit_listing(owner, flagged, acknowledge_flags=True)
    with pytest.raises(ValidationFailed):
        services.approve_many(admin, [plain.id, flagged.id])
    assert services.approve_many(admin, [plain.id]) == [plain.id]
    assert plain.state == S.PUBLISHED


def test_unverified_seller_cannot_submit(ctx):
    seed_catalog()
    owner = make_user()
    from factories import make_company

    company = make_company(owner, "seller")  # pending verification
    listing = make_listing(owner, company)
    with pytest.raises(PermissionDenied):
        services.submit_listing(owner, listing)


# -- moderation workflow -------------------------------------------------------------------------

ALLOWED = {
    (S.DRAFT, S.PENDING),
    (S.PENDING, S.PUBLISHED),
    (S.PENDING, S.REJECTED),
    (S.PENDING, S.EDITED),
    (S.PENDING, S.UNPUBLISHED),
    (S.REJECTED, S.EDITED),
    (S.REJECTED, S.PENDING),
    (S.PUBLISHED, S.EDITED),
    (S.PUBLISHED, S.UNPUBLISHED),
    (S.EDITED, S.PENDING),
    (S.EDITED, S.UNPUBLISHED),
    (S.UNPUBLISHED, S.EDITED),
    (S.UNPUBLISHED, S.PENDING),
}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S, S)))
def test_moderation_transition_table(world, source, target):
    owner, company, admin = world
    listing = make_listing(owner, company)
    listing.state = source
    db.session.flush()
    if (source, target) in ALLOWED:
        moderation.transition(listing, target, actor=admin)
        assert listing.state == target
    else:
        with pytest.raises(IllegalTransition):
            moderation.transition(listing, target, actor=admin)
        assert listing.state == source


def test_rejection_needs_a_reason_the_seller_sees(world):
    owner, company, admin = world
    listing = make_listing(owner, company)
    services.submit_listing(owner, listing)
    with pytest.raises(ValidationFailed):
        services.reject_listing(admin, listing, "  ")
    services.reject_listing(admin, listing, "Add the COA of this lot")
    assert listing.state == S.REJECTED
    assert listing.working_version.rejection_reason == "Add the COA of this lot"
    services.update_listing(owner, listing, pp_data(lead_time_days="10"))
    assert listing.state == S.EDITED
    services.submit_listing(owner, listing)
    assert listing.state == S.PENDING and listing.working_version.rejection_reason is None


def test_approved_version_stays_visible_until_the_edit_is_approved(world):
    owner, company, admin = world
    listing = make_listing(owner, company, publish=True)
    live = listing.live_version
    assert listing.is_visible and listing.working_version is None

    services.update_listing(
        owner,
        listing,
        pp_data(
            content={"en": {"title": "PP T30S — new title"}},
            prices=[{"currency": "USD", "min_quantity": "25", "unit_price": "990.00"}],
        ),
    )
    assert listing.state == S.EDITED and listing.is_visible
    assert listing.live_version_id == live.id and listing.working_version_id != live.id
    # The approved version is untouched by the edit.
    db.session.expire_all()
    live = db.session.get(ListingVersion, live.id)
    assert {t.language: t.title for t in live.translations}["en"] == "Polypropylene T30S raffia grade"
    assert [p.unit_price for p in live.prices] == [Decimal("1050.0000"), Decimal("1010.0000")]

    services.submit_listing(owner, listing)
    services.reject_listing(admin, listing, "Price looks wrong")
    assert listing.is_visible and listing.live_version_id == live.id  # still the approved version
    services.submit_listing(owner, listing)
    services.approve_listing(admin, listing)
    assert listing.live_version.translations[0].title == "PP T30S — new title"
    assert listing.working_version is None


def test_unpublish_hides_and_resubmission_goes_through_review(world):
    owner, company, admin = world
    listing = make_listing(owner, company, publish=True)
    with pytest.raises(ValidationFailed):
        services.unpublish_listing(admin, listing, "")
    services.unpublish_listing(admin, listing, "Misleading price")
    assert not listing.is_visible and listing.state == S.UNPUBLISHED
    services.update_listing(owner, listing, pp_data())
    services.submit_listing(owner, listing)
    services.approve_listing(admin, listing)
    assert listing.is_visible and listing.state == S.PUBLISHED


def test_only_pending_listings_can_be_approved(world):
    owner, company, admin = world
    listing = make_listing(owner, company)
    with pytest.raises(Conflict):
        services.approve_listing(admin, listing)
    with pytest.raises(PermissionDenied):
        services.approve_listing(owner, listing)


def test_seller_of_another_company_cannot_touch_a_listing(world):
    owner, company, _ = world
    listing = make_listing(owner, company)
    intruder, _other = verified_seller("other@example.com", seller_ids=1)
    with pytest.raises(PermissionDenied):
        services.update_listing(intruder, listing, pp_data())
    from marketplace.core.errors import NotFound

    with pytest.raises(NotFound):
        services.listing_for_seller(intruder, listing.id)


# -- FX ------------------------------------------------------------------------------------------


def test_fx_conversion_direct_inverse_and_cross(world):
    _owner, _company, admin = world
    services.set_fx_rate(admin, "USD", "CNY", "7.1", date(2026, 11, 20))
    services.set_fx_rate(admin, "CNY", "MNT", "480.5", date(2026, 11, 21))
    services.set_fx_rate(admin, "USD", "CNY", "7.2", date(2026, 11, 25))  # newer rate wins
    rates = services.latest_rates()
    direct = services.convert(Money("100", "USD"), "CNY", rates)
    assert direct.amount == Money("720", "CNY") and direct.as_of == date(2026, 11, 25)
    inverse = services.convert(Money("720", "CNY"), "USD", rates)
    assert inverse.amount == Money("100", "USD")
    cross = services.convert(Money("1", "USD"), "MNT", rates)
    assert (
        cross.amount == Money("3459.60", "MNT") and cross.via == "CNY" and cross.as_of == date(2026, 11, 21)
    )
    assert services.convert(Money("1", "USD"), "KZT", rates) is None
    with pytest.raises(ValidationFailed):
        services.set_fx_rate(admin, "USD", "USD", "1", date(2026, 11, 25))
    with pytest.raises(ValidationFailed):
        services.set_fx_rate(admin, "USD", "CNY", "-1", date(2026, 11, 25))
