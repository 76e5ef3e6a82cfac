"""The credit formula on constructed figures, with the expected scores computed by hand (see
docs/credit.md): components, minimum samples, the weight threshold, rounding and grade boundaries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.credit import formula
from marketplace.credit.formula import Figures, evaluate
from marketplace.credit.states import Grade

D = Decimal


def test_no_history_is_not_graded():
    profile = evaluate(Figures())
    assert profile.grade == Grade.NEW and profile.score is None
    assert all(not c.available and c.score is None for c in profile.components)
    assert [c.key for c in profile.components] == [
        "on_time",
        "disputes",
        "declarations",
        "response",
        "ratings",
    ]
    assert sum(c.weight for c in profile.components) == 100


def test_full_history_hand_computed():
    f = Figures(
        orders_measured=10,
        orders_on_time=8,  # 80 %                                   -> 80.0
        orders_started=10,
        disputes_lost=1,
        disputes_settled=2,  # (1 + 2 × 0.25) / 10 = 0.15 -> 100 × (1 − 0.75) = 25.0
        declarations_submitted=20,
        declarations_rejected=2,  # 10 % -> 100 × (1 − 0.2)            = 80.0
        invitations_measured=6,
        response_hours=D(216),  # 36 h average -> 100 × 132 / 144       = 91.7
        ratings_count=4,
        ratings_sum=18,  # (5 × 3.5 + 18) / 9 = 3.944 -> 2.944 / 4 × 100 = 73.6
    )
    p = evaluate(f)
    assert [(c.key, c.score) for c in p.components] == [
        ("on_time", D("80.0")),
        ("disputes", D("25.0")),
        ("declarations", D("80.0")),
        ("response", D("91.7")),
        ("ratings", D("73.6")),
    ]
    assert p.component("on_time").value == D("0.800")
    assert p.component("response").value == D("36.0")
    assert p.component("ratings").value == D("3.94")
    # (30 × 80 + 20 × 25 + 15 × 80 + 10 × 91.7 + 25 × 73.6) / 100 = 68.57
    assert p.score == D("68.6") and p.grade == Grade.C


def test_components_below_their_minimum_are_left_out_and_weights_renormalised():
    f = Figures(
        orders_measured=5,
        orders_on_time=5,  # 100.0 (exactly the minimum of 5)
        ratings_count=3,
        ratings_sum=15,  # (17.5 + 15) / 8 = 4.0625 -> 76.5625 -> 76.6
        declarations_submitted=4,  # below 5: not counted
        declarations_rejected=4,
        invitations_measured=4,  # below 5: not counted
        response_hours=D(600),
    )
    p = evaluate(f)
    assert not p.component("declarations").available and not p.component("response").available
    assert not p.component("disputes").available  # no orders started
    # (30 × 100 + 25 × 76.6) / 55 = 89.36
    assert p.score == D("89.4") and p.grade == Grade.A


def test_less_than_half_the_weight_gives_no_grade():
    f = Figures(orders_measured=4, orders_on_time=4, ratings_count=10, ratings_sum=50)
    p = evaluate(f)
    assert p.component("ratings").available and not p.component("on_time").available
    assert p.grade == Grade.NEW and p.score is None
    # on-time (30) and disputes (20) reach the threshold of 50 exactly
    assert evaluate(Figures(orders_measured=5, orders_on_time=5, orders_started=5)).grade == Grade.A


@pytest.mark.parametrize(
    ("on_time", "lost", "opened", "expected", "grade"),
    [
        (15, 0, 0, "85.0", Grade.A),  # (30 × 75 + 20 × 100) / 50: exactly the A threshold
        (20, 3, 0, "70.0", Grade.B),  # (30 × 100 + 20 × 25) / 50
        (20, 3, 1, "65.0", Grade.C),  # disputes 3.5 / 20 -> 12.5
        (10, 4, 0, "30.0", Grade.D),  # 50 % on time, disputes 0.2 -> 0
        (20, 10, 0, "60.0", Grade.C),  # dispute score clamped at 0, not negative
    ],
)
def test_grade_thresholds(on_time, lost, opened, expected, grade):
    p = evaluate(
        Figures(
            orders_measured=20,
            orders_on_time=on_time,
            orders_started=20,
            disputes_lost=lost,
            disputes_open=opened,
        )
    )
    assert p.score == D(expected) and p.grade == grade


def test_response_time_bounds():
    fast = formula.response(Figures(invitations_measured=5, response_hours=D(100)))  # 20 h
    slow = formula.response(Figures(invitations_measured=5, response_hours=D(840)))  # 168 h
    mid = formula.response(Figures(invitations_measured=5, response_hours=D(480)))  # 96 h
    assert (fast.score, slow.score, mid.score) == (D(100), D(0), D(50))


def test_one_rating_does_not_dominate():
    # three 1-star ratings weigh against five imaginary 3.5-star ones: (17.5 + 3) / 8 = 2.5625 stars,
    # (2.5625 − 1) / 4 × 100 = 39.06 -> 39.1; only many ratings pull the average to their own
    one_bad = formula.ratings(Figures(ratings_count=3, ratings_sum=3))
    assert one_bad.value == D("2.56") and one_bad.score == D("39.1")
    many_bad = formula.ratings(Figures(ratings_count=100, ratings_sum=100))
    assert many_bad.value == D("1.12")


def test_declaration_rejections_score():
    half = formula.declarations(Figures(declarations_submitted=10, declarations_rejected=5))
    none = formula.declarations(Figures(declarations_submitted=10))
    assert (half.score, none.score) == (D(0), D(100))


def test_figures_round_trip_through_json():
    f = Figures(orders_measured=3, response_hours=D("12.50"), ratings_sum=7)
    assert Figures.from_json(f.to_json()) == f
    assert evaluate(Figures.from_json(f.to_json())) == evaluate(f)
