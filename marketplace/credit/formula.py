"""The credit formula: a pure function from a seller's figures (counted by `queries.figures`) to five
component scores, an overall score and a grade. Documented in docs/credit.md; no database here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from marketplace.credit.states import Grade

WINDOW_DAYS = 365
# A component with fewer observations than its minimum shows "not enough history" and is left out.
# With less than MIN_WEIGHT of the total weight available, there is no score: grade NEW.
MIN_WEIGHT = 50
# Response times are capped: an invitation never answered counts as this many hours.
RESPONSE_CAP_HOURS = 168
RESPONSE_FULL_HOURS = 24
# Bayesian average of the overall stars: PRIOR_COUNT imaginary ratings of PRIOR_STARS.
PRIOR_STARS = Decimal("3.5")
PRIOR_COUNT = 5
# Dispute penalty per dispute by outcome.
LOST, OPEN, SETTLED = Decimal(1), Decimal("0.5"), Decimal("0.25")
GRADES = ((Decimal(85), Grade.A), (Decimal(70), Grade.B), (Decimal(50), Grade.C), (Decimal(0), Grade.D))

ONE = Decimal("0.1")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Figures:
    """What the SQL aggregates count over the window (see `queries.figures`)."""

    orders_measured: int = 0  # production started, and shipped or past its ship-by time
    orders_on_time: int = 0  # of those, shipped within the lead time
    orders_started: int = 0  # production started in the window (the base of the dispute rate)
    disputes_lost: int = 0  # disputes an admin settled by cancelling the order
    disputes_settled: int = 0  # disputes an admin settled by letting the order go on
    disputes_open: int = 0  # orders in dispute now
    declarations_submitted: int = 0  # declarations sent (first submissions and resubmissions)
    declarations_rejected: int = 0  # rejections by customs
    invitations_measured: int = 0  # quote invitations answered, or older than the cap
    response_hours: Decimal = Decimal(0)  # the sum of their (capped) response times
    ratings_count: int = 0  # visible buyer ratings
    ratings_sum: int = 0  # the sum of their overall stars

    def to_json(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        out: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in data:
                out[f.name] = Decimal(str(data[f.name])) if f.name == "response_hours" else int(data[f.name])
        return cls(**out)


@dataclass(frozen=True)
class Component:
    key: str
    weight: int
    minimum: int
    count: int  # observations (the sample size)
    value: Decimal | None  # the measured figure: a rate, hours or stars
    score: Decimal | None  # 0–100, None when there is not enough history

    @property
    def available(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class Profile:
    figures: Figures
    components: tuple[Component, ...]
    score: Decimal | None
    grade: Grade

    def component(self, key: str) -> Component:
        return next(c for c in self.components if c.key == key)

    def components_json(self) -> dict[str, Any]:
        return {
            c.key: {
                "weight": c.weight,
                "minimum": c.minimum,
                "count": c.count,
                "value": None if c.value is None else str(c.value),
                "score": None if c.score is None else str(c.score),
            }
            for c in self.components
        }


def _round(value: Decimal, step: Decimal = ONE) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def _clamp(value: Decimal) -> Decimal:
    return max(Decimal(0), min(HUNDRED, value))


def _component(key, weight, minimum, count, value, score) -> Component:
    if count < minimum:
        return Component(key, weight, minimum, count, None, None)
    return Component(key, weight, minimum, count, value, _round(_clamp(score)))


def on_time(f: Figures) -> Component:
    n = f.orders_measured
    rate = Decimal(f.orders_on_time) / n if n else Decimal(0)
    return _component("on_time", 30, 5, n, _round(rate, Decimal("0.001")), rate * HUNDRED)


def disputes(f: Figures) -> Component:
    n = f.orders_started
    weighted = LOST * f.disputes_lost + OPEN * f.disputes_open + SETTLED * f.disputes_settled
    rate = weighted / n if n else Decimal(0)
    return _component("disputes", 20, 5, n, _round(rate, Decimal("0.001")), HUNDRED * (1 - 5 * rate))


def declarations(f: Figures) -> Component:
    n = f.declarations_submitted
    rate = Decimal(f.declarations_rejected) / n if n else Decimal(0)
    return _component("declarations", 15, 5, n, _round(rate, Decimal("0.001")), HUNDRED * (1 - 2 * rate))


def response(f: Figures) -> Component:
    n = f.invitations_measured
    hours = f.response_hours / n if n else Decimal(0)
    span = RESPONSE_CAP_HOURS - RESPONSE_FULL_HOURS
    score = HUNDRED * (RESPONSE_CAP_HOURS - max(hours, Decimal(RESPONSE_FULL_HOURS))) / span
    return _component("response", 10, 5, n, _round(hours), score)


def ratings(f: Figures) -> Component:
    n = f.ratings_count
    stars = (PRIOR_STARS * PRIOR_COUNT + f.ratings_sum) / (PRIOR_COUNT + n)
    return _component("ratings", 25, 3, n, _round(stars, Decimal("0.01")), (stars - 1) / 4 * HUNDRED)


def evaluate(f: Figures) -> Profile:
    """The components, the weighted score over the available ones, and the grade."""
    components = (on_time(f), disputes(f), declarations(f), response(f), ratings(f))
    available = [c for c in components if c.available]
    weight = sum(c.weight for c in available)
    if weight < MIN_WEIGHT:
        return Profile(f, components, None, Grade.NEW)
    score = _round(sum((c.weight * c.score for c in available), Decimal(0)) / weight)
    grade = next(g for threshold, g in GRADES if score >= threshold)
    return Profile(f, components, score, grade)
