"""Each rule with positive and negative cases, the hold it puts on RFQs, orders, shipments and
bookings until an admin clears it, decisions and their audit entries, and the CSV loader."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import factories
import pytest
import risk_world
import sqlalchemy as sa
from risk_world import load_sample, market, pay_next, place

from marketplace.core.audit import AuditEntry
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.notifications.models import Notification
from marketplace.orders import services as orders
from marketplace.orders.states import OrderState
from marketplace.rfq import services as rfq_services
from marketplace.rfq.models import Quote
from marketplace.risk import rules, services
from marketplace.risk.models import DeniedParty
from marketplace.risk.states import FlagState, Rule


def _actions(prefix="risk."):
    return [
        a
        for a in db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id))
        if a.startswith(prefix)
    ]


def _flags(obj, rule=None):
    return [f for f in services.flags_of(obj) if rule is None or f.rule == rule]


# -- the denied-party list ------------------------------------------------------------------------


def test_sample_csv_loads_with_aliases_and_keys(ctx):
    assert load_sample() == 6
    entry = db.session.scalar(
        sa.select(DeniedParty).where(DeniedParty.source_id == "sample-ru-ivanov-trading")
    )
    assert entry.name == "ООО «Иванов Трейдинг»"
    assert entry.aliases == ["Ivanov Treiding OOO", "Иванов Трейдинг"]
    assert entry.keys[0] == "ivanov treding"
    assert _actions() == ["risk.denied_parties_loaded"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfeid,name\n", "UTF-8"),
        (b"id,schema\nx,Person\n", "Missing columns: name"),
        (b"id,name\nx,\n", "Line 2: the id and the name are required."),
        (b"id,name\nx,Ivanov\nx,Petrov\n", "Line 3: the id x appears twice."),
        (b"id,name\n", "no entries"),
    ],
)
def test_a_bad_file_changes_nothing(ctx, data, message):
    load_sample()
    with pytest.raises(ValidationFailed) as exc:
        services.load_denied_parties(data)
    assert any(message in m for m in exc.value.errors["file"])
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeniedParty)) == 6


def test_cli_loads_and_refuses_a_bad_file_without_changes(app, runner, tmp_path):
    result = runner.invoke(args=["risk", "load-denied-parties", str(risk_world.SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "6 denied-party entries loaded" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\nfresh-1,Someone New\nfresh-2,\n", encoding="utf-8")
    result = runner.invoke(args=["risk", "load-denied-parties", str(bad)])
    assert result.exit_code != 0
    assert "Line 3" in result.output
    with app.app_context():
        ids = set(db.session.scalars(sa.select(DeniedParty.source_id)))
    assert "fresh-1" not in ids and len(ids) == 6


# -- rule 3: denied parties, and the RFQ hold -------------------------------------------------------


def test_rfq_from_a_listed_buyer_is_held_until_cleared_then_sent(ctx):
    load_sample()
    buyer, company, sellers = factories.rfq_parties(2)
    company.legal_name_latin = "Ivanov Trading LLC"
    admin = factories.make_user(admin=True)
    rfq = rfq_services.create_rfq(buyer, company, factories.rfq_data([c.id for _, c, _ in sellers]))
    [flag] = _flags(rfq)
    assert flag.rule == Rule.DENIED_PARTY and flag.state == FlagState.OPEN
    assert flag.evidence["entry_name"] == "ООО «Иванов Трейдинг»"
    assert flag.evidence["score"] >= 88
    assert services.is_held(rfq)
    # Not sent: no quote thread, no seller told; the admins are told.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Quote).where(Quote.rfq_id == rfq.id)) == 0
    kinds = set(db.session.scalars(sa.select(Notification.kind)))
    assert "rfq_received" not in kinds and "risk_flag_raised" in kinds

    services.decide(admin, flag, "clear", "Different company: other INN, Mongolian importer since 2019.")
    assert not services.is_held(rfq)
    quotes = db.session.scalars(sa.select(Quote).where(Quote.rfq_id == rfq.id)).all()
    assert {q.seller_id for q in quotes} == {c.id for _, c, _ in sellers}
    assert _actions() == ["risk.denied_parties_loaded", "risk.flagged", "risk.cleared"]


def test_rfq_from_a_merely_similar_name_is_sent_at_once(ctx):
    load_sample()
    buyer, company, sellers = factories.rfq_parties(1)
    company.legal_name_latin = "Petrov Trading LLC"
    company.legal_name = "ООО Петров Трейдинг"
    rfq = rfq_services.create_rfq(buyer, company, factories.rfq_data([sellers[0][1].id]))
    assert _flags(rfq) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Quote).where(Quote.rfq_id == rfq.id)) == 1


def test_cyrillic_listed_person_matches_latin_buyer_name(ctx):
    load_sample()
    findings = rules.denied_parties([("buyer", "Ivanov Sergei Petrovich")])
    assert [f.evidence["source_id"] for f in findings] == ["sample-ru-ivanov-sergei"]
    assert rules.denied_parties([("buyer", "Ivanov Pavel Sergeevich")]) == []  # same surname, other man


def test_threshold_is_configurable(app, ctx):
    load_sample()
    assert rules.denied_parties([("buyer", "Ivanova Trading")]) != []  # 91 ≥ 88
    app.config["RISK_NAME_MATCH_THRESHOLD"] = 95
    try:
        assert rules.denied_parties([("buyer", "Ivanova Trading")]) == []
    finally:
        app.config["RISK_NAME_MATCH_THRESHOLD"] = 88


# -- the order hold -----------------------------------------------------------------------------------


def test_flagged_order_keeps_its_money_but_does_not_move_until_cleared(ctx):
    load_sample()
    m = market("Ivanov Trading LLC")
    order = place(m)
    [flag] = _flags(order, Rule.DENIED_PARTY)
    assert flag.company_id == order.seller_id
    pay_next(m["seller"], order)  # the deposit arrives: recorded, but the order stays put
    assert order.state == OrderState.AWAITING_DEPOSIT
    assert OrderState.IN_PRODUCTION not in orders.moves_for(m["admin"], order)
    with pytest.raises(Conflict) as exc:
        orders.move(m["admin"], order, OrderState.READY_TO_SHIP)
    assert exc.value.code in {"compliance_hold", "illegal_transition"}

    services.decide(m["admin"], flag, "uphold", "Same registration address as the listed entity.")
    assert services.is_held(order) and order.state == OrderState.AWAITING_DEPOSIT
    services.decide(m["admin"], flag, "clear", "Licence of the end user verified by MOFCOM.")
    assert order.state == OrderState.IN_PRODUCTION  # the payment moves it on now
    assert _actions()[-3:] == ["risk.flagged", "risk.upheld", "risk.overridden"]


def test_a_held_order_refuses_manual_moves_but_may_be_cancelled(ctx):
    load_sample()
    m = market("Ivanov Trading LLC")
    order = place(m)
    order.deposit_percent = Decimal(0)
    order.state = OrderState.IN_PRODUCTION
    with pytest.raises(Conflict) as exc:
        orders.move(m["seller"], order, OrderState.READY_TO_SHIP)
    assert exc.value.code == "compliance_hold"
    orders.move(m["seller"], order, OrderState.CANCELLED, reason="Not needed")
    assert order.state == OrderState.CANCELLED


def test_order_from_an_unlisted_buyer_is_not_flagged(ctx):
    load_sample()
    m = market("Gobi Textiles LLC")
    order = place(m)
    assert _flags(order) == []
    pay_next(m["seller"], order)
    assert order.state == OrderState.IN_PRODUCTION


# -- rule 2: destinations ----------------------------------------------------------------------------


def test_embargoed_destination_starts_upheld_and_an_admin_may_override(ctx):
    m = market()
    order = place(m, country="KP")  # RISK_COUNTRIES: blocked by configuration
    [flag] = _flags(order, Rule.DESTINATION)
    assert flag.state == FlagState.UPHELD and flag.evidence["level"] == "blocked"
    with pytest.raises(ValidationFailed):
        services.decide(m["admin"], flag, "clear", "")  # a reason is required
    services.decide(m["admin"], flag, "clear", "Humanitarian exemption 2026/17 on file.")
    assert "risk.overridden" in _actions()


def test_admin_list_adds_an_extra_check_and_removing_it_stops_flagging(ctx):
    m = market()
    assert _flags(place(m, country="MN")) == []
    services.set_country(m["admin"], "mn", "extra_check", "Border-region end-use check")
    order = place(m, country="MN")
    [flag] = _flags(order, Rule.DESTINATION)
    assert flag.state == FlagState.OPEN and flag.evidence["note"] == "Border-region end-use check"
    services.remove_country(m["admin"], "MN")
    assert _flags(place(m, country="MN")) == []
    assert {"risk.country_set", "risk.country_removed"} <= set(_actions())


def test_only_admins_maintain_the_destination_list(ctx):
    m = market()
    with pytest.raises(PermissionDenied):
        services.set_country(m["seller"], "MN", "blocked")
    with pytest.raises(ValidationFailed):
        services.set_country(m["admin"], "XX", "blocked")
    with pytest.raises(ValidationFailed):
        services.set_country(m["admin"], "MN", "forbidden")


# -- rule 1: controlled goods --------------------------------------------------------------------------


def test_controlled_goods_need_a_recorded_licence(ctx):
    m = market(
        listing_overrides={
            "attributes": {"cas_numbers": "9003-07-0, 108-88-3", "pp_type": "homopolymer", "mfr": "3.0"}
        }
    )
    order = place(m)
    [flag] = _flags(order, Rule.CONTROLLED_GOODS)
    assert flag.evidence["lines"][0]["controls"] == ["precursor_cat_3"]
    assert services.needs_licence(order)
    services.record_details(m["seller"], order, services.DetailsData(licence_number="MOFCOM-2026-0042"))
    assert len(_flags(order, Rule.CONTROLLED_GOODS)) == 1  # recorded, not self-cleared: an admin checks it
    services.decide(m["admin"], flag, "clear", "Licence MOFCOM-2026-0042 checked.")
    assert not services.is_held(order)
    # With a licence on record, the rule finds nothing.
    assert rules.controlled_goods(services._order_lines(order), "MOFCOM-2026-0042") == []


def test_plain_goods_are_not_controlled(ctx):
    m = market()
    assert _flags(place(m), Rule.CONTROLLED_GOODS) == []


def test_only_the_seller_or_an_admin_records_the_licence(ctx):
    m = market()
    order = place(m)
    with pytest.raises(NotFound):
        services.record_details(m["buyer"], order, services.DetailsData(licence_number="X"))
    with pytest.raises(ValidationFailed):
        services.record_details(m["seller"], order, services.DetailsData(consignee_country="ZZ"))


# -- rule 4: prices far from the category median ---------------------------------------------------------


def _line(m, price, currency="USD"):
    return rules.Line(m["listing"].id, m["listing"].category_id, "PP", "t", Decimal(price), currency)


def test_price_far_from_the_median_is_flagged_only_with_enough_samples(ctx):
    from marketplace.catalog import services as catalog

    m = market()
    # Prices are compared in CNY at the recorded rate: 1 USD = 7.1 CNY.
    catalog.set_fx_rate(m["admin"], "USD", "CNY", "7.1", catalog.utcnow().date())
    for _ in range(4):
        place(m)  # 4 orders at 1050 USD/t
    assert rules.price_outliers([_line(m, "200")]) == []  # 4 < 5 samples
    place(m)
    [finding] = rules.price_outliers([_line(m, "200")])
    assert finding.rule == Rule.PRICE_OUTLIER and finding.params["ratio"] == "0.19"
    assert rules.price_outliers([_line(m, "1000")]) == []
    assert rules.price_outliers([_line(m, "3100")]) == []  # 2.95×
    assert rules.price_outliers([_line(m, "3200")]) != []  # 3.05×
    assert finding.params["median"] == "7455.00"
    assert rules.price_outliers([_line(m, "7455", "CNY")]) == []
    assert rules.price_outliers([_line(m, "1000", "CNY")]) != []


def test_old_prices_fall_out_of_the_window(app, ctx):
    from marketplace.catalog import services as catalog

    m = market()
    catalog.set_fx_rate(m["admin"], "USD", "CNY", "7.1", catalog.utcnow().date())
    for _ in range(5):
        order = place(m)
        order.placed_at = order.placed_at - timedelta(days=120)
    db.session.flush()
    assert rules.price_outliers([_line(m, "200")]) == []


# -- rule 5: consignee or destination changes ----------------------------------------------------------


def test_changing_the_consignee_after_ordering_is_flagged_and_screened(ctx):
    load_sample()
    m = market()
    order = place(m)
    services.record_details(
        m["seller"],
        order,
        services.DetailsData(consignee_name="Алтан Хүдэр Экспорт ХХК", consignee_country="RU"),
    )
    rules_raised = {f.rule for f in _flags(order)}
    assert rules_raised == {Rule.ROUTE_CHANGE, Rule.DENIED_PARTY}
    [change] = _flags(order, Rule.ROUTE_CHANGE)
    assert change.evidence["changes"]["country"] == {"before": "MN", "after": "RU"}
    assert "risk.details_recorded" in _actions()


def test_recording_the_same_consignee_is_not_a_change(ctx):
    m = market("Gobi Textiles LLC")
    order = place(m)
    services.record_details(
        m["seller"],
        order,
        services.DetailsData(consignee_name="GOBI TEXTILES, L.L.C.", consignee_country="MN"),
    )
    assert _flags(order) == []


def test_an_order_from_a_quote_far_below_the_median_is_flagged(ctx):
    """End to end: five orders at 1,050 USD/t are the category's recent prices; a quote accepted at
    200 USD/t places an order that the price rule holds (the accepted quote itself is not a sample)."""
    from marketplace.catalog import services as catalog
    from marketplace.rfq.states import Side

    buyer, company, [(seller, seller_company, listing)] = factories.rfq_parties(1)
    admin = factories.make_user(admin=True)
    catalog.set_fx_rate(admin, "USD", "CNY", "7.1", catalog.utcnow().date())
    m = {"buyer": buyer, "company": company, "listing": listing}
    for _ in range(5):
        place(m)
    rfq = rfq_services.create_rfq(buyer, company, factories.rfq_data([seller_company.id]))
    [quote] = db.session.scalars(sa.select(Quote).where(Quote.rfq_id == rfq.id)).all()
    revision = rfq_services.submit_revision(seller, quote, Side.SELLER, factories.revision_data("200.00"))
    order = rfq_services.accept(buyer, quote, Side.BUYER, revision.id)
    [flag] = _flags(order)
    assert flag.rule == Rule.PRICE_OUTLIER
    assert flag.evidence["params"]["ratio"] == "0.19" and flag.evidence["samples"] == 5
    assert services.is_held(order)


def test_admins_are_told_in_their_language(ctx):
    from marketplace.notifications import services as notifications

    title, body = notifications.render(
        "risk_flag_raised", {"reference": "ORD-2026-000007"}, "zh", "Asia/Shanghai"
    )
    assert title == "ORD-2026-000007 出现合规标记"
    assert "管理员" in body
    title, _body = notifications.render(
        "risk_flag_raised", {"reference": "ORD-2026-000007"}, "mn", "Asia/Shanghai"
    )
    assert "ORD-2026-000007" in title and "тэмдэглэгээ" in title


def test_dual_use_goods_by_hs_code_need_a_licence(ctx):
    m = market(
        listing_overrides={
            "hs_code": "2811110000",
            "attributes": {"cas_numbers": "7664-39-3", "pp_type": "homopolymer", "mfr": "3.0"},
        }
    )
    [flag] = _flags(place(m), Rule.CONTROLLED_GOODS)
    assert flag.evidence["lines"][0]["controls"] == ["dual_use_281111"]


def test_demo_loads_the_sample_list_once(app, runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(DeniedParty)) == 6
        assert _actions("risk.denied_parties_loaded") == ["risk.denied_parties_loaded"]
