"""The stock ledger: every change of stock is an appended movement plus an update of the locked
balance row of its (listing, warehouse, lot). The balance never goes negative and never has more
reserved than on hand: each operation locks its rows first (SELECT … FOR UPDATE in primary-key order
on PostgreSQL), checks, then writes. On SQLite writers are serialised by the database, and the
balance's version counter turns a lost update into a conflict instead of an oversell.

Services only flush; the caller's request, command or job commits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from marketplace.core.errors import Conflict, ValidationFailed
from marketplace.extensions import db
from marketplace.warehouses.models import StockBalance, StockMovement
from marketplace.warehouses.states import MovementKind

ZERO = Decimal(0)
QUANTUM = Decimal("0.001")


class InsufficientStock(Conflict):
    code = "insufficient_stock"
    default_message = _l("Not enough stock is available for this.")


def quantity(value, *, field: str = "quantity", allow_negative: bool = False) -> Decimal:
    """A quantity as a Decimal with at most three decimals (refuses floats' surprises and junk)."""
    try:
        q = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationFailed({field: [str(_l("Not a valid decimal value."))]})
    if not q.is_finite() or q != q.quantize(QUANTUM) or abs(q) >= Decimal("1e15"):
        raise ValidationFailed({field: [str(_l("Enter a quantity with at most three decimals."))]})
    if q == 0 or (q < 0 and not allow_negative):
        raise ValidationFailed({field: [str(_l("The quantity must be greater than zero."))]})
    return q


@dataclass(frozen=True)
class Key:
    listing_id: int
    warehouse_id: int
    lot: str = ""


def _key(listing, warehouse, lot: str = "") -> Key:
    return Key(getattr(listing, "id", listing), getattr(warehouse, "id", warehouse), (lot or "").strip())


def _find_ids(keys: Iterable[Key]) -> dict[Key, int]:
    keys = set(keys)
    if not keys:
        return {}
    rows = db.session.execute(
        sa.select(
            StockBalance.id, StockBalance.listing_id, StockBalance.warehouse_id, StockBalance.lot
        ).where(
            sa.tuple_(StockBalance.listing_id, StockBalance.warehouse_id, StockBalance.lot).in_(
                [(k.listing_id, k.warehouse_id, k.lot) for k in keys]
            )
        )
    )
    return {Key(r.listing_id, r.warehouse_id, r.lot): r.id for r in rows}


def _create_missing(keys: Iterable[Key]) -> None:
    """Insert balance rows that do not exist yet (a concurrent insert of the same row is fine)."""
    for key in sorted(set(keys) - set(_find_ids(keys)), key=lambda k: (k.listing_id, k.warehouse_id, k.lot)):
        try:
            with db.session.begin_nested():
                db.session.add(
                    StockBalance(listing_id=key.listing_id, warehouse_id=key.warehouse_id, lot=key.lot)
                )
        except IntegrityError:
            pass  # created meanwhile by another transaction


def lock(keys: Iterable[Key], *, create: bool) -> dict[Key, StockBalance]:
    """The balances of `keys`, locked in primary-key order in one statement (SELECT … ORDER BY id
    FOR UPDATE; SQLite ignores FOR UPDATE and serialises writers itself)."""
    keys = set(keys)
    if create:
        _create_missing(keys)
    rows = db.session.scalars(
        sa.select(StockBalance)
        .where(
            sa.tuple_(StockBalance.listing_id, StockBalance.warehouse_id, StockBalance.lot).in_(
                [(k.listing_id, k.warehouse_id, k.lot) for k in keys]
            )
        )
        .order_by(StockBalance.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return {Key(b.listing_id, b.warehouse_id, b.lot): b for b in rows}


@dataclass(frozen=True)
class Op:
    """One ledger operation on one balance."""

    kind: MovementKind
    key: Key
    quantity: Decimal
    on_hand: Decimal = ZERO
    reserved: Decimal = ZERO
    in_transit: Decimal = ZERO


def apply(ops: list[Op], *, reference: str = "", reason: str = "", actor=None) -> list[StockMovement]:
    """Lock every balance touched (in primary-key order), check every operation, then write them all.
    All or nothing: one refusal changes nothing."""
    creates = any(op.on_hand > 0 or op.in_transit > 0 for op in ops)
    balances = lock([op.key for op in ops], create=creates)
    sellable_before = {b.id: b.on_hand - b.reserved > 0 for b in balances.values()}
    pending: dict[int, list[Decimal]] = {}
    for op in ops:
        balance = balances.get(op.key)
        if balance is None:
            raise InsufficientStock()
        on_hand, reserved, in_transit = pending.setdefault(
            balance.id, [balance.on_hand, balance.reserved, balance.in_transit]
        )
        on_hand, reserved, in_transit = (
            on_hand + op.on_hand,
            reserved + op.reserved,
            in_transit + op.in_transit,
        )
        if reserved < 0 or in_transit < 0 or on_hand < reserved:
            raise InsufficientStock()
        pending[balance.id] = [on_hand, reserved, in_transit]
    movements = []
    for op in ops:
        balance = balances[op.key]
        balance.on_hand += op.on_hand
        balance.reserved += op.reserved
        balance.in_transit += op.in_transit
        movement = StockMovement(
            balance_id=balance.id,
            kind=op.kind,
            quantity=op.quantity,
            on_hand_delta=op.on_hand,
            reserved_delta=op.reserved,
            in_transit_delta=op.in_transit,
            reference=(reference or "")[:80],
            reason=reason or "",
            actor_id=getattr(actor, "id", None),
        )
        db.session.add(movement)
        movements.append(movement)
    db.session.flush()
    _reindex_when_sellable_changes(balances.values(), sellable_before)
    return movements


def _reindex_when_sellable_changes(balances, sellable_before: dict[int, bool]) -> None:
    """A listing whose stock somewhere became sellable, or stopped being, is searched differently
    ("in stock in …"): queue its search document (in this transaction)."""
    from marketplace.search import services as search

    changed = {b.listing_id for b in balances if (b.on_hand - b.reserved > 0) != sellable_before[b.id]}
    for listing_id in sorted(changed):
        search.queue_reindex(listing_id)


# -- the operations other modules call ---------------------------------------------------------------


def receive(listing, warehouse, qty, reference: str = "", *, lot: str = "", actor=None, from_transit=ZERO):
    """Goods counted into the warehouse (from_transit: the part of it that was in transit)."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.RECEIVED, _key(listing, warehouse, lot), q, on_hand=q, in_transit=-from_transit)],
        reference=reference,
        actor=actor,
    )[0]


def dispatch(listing, warehouse, qty, reference: str = "", *, lot: str = "", actor=None):
    """Goods on their way to the warehouse (a replenishment departed): counted as in transit."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.IN_TRANSIT, _key(listing, warehouse, lot), q, in_transit=q)],
        reference=reference,
        actor=actor,
    )[0]


def write_off_transit(listing, warehouse, qty, reference: str, reason: str, *, lot: str = "", actor=None):
    """In-transit goods that will not arrive (a receipt closed with a shortfall)."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.IN_TRANSIT, _key(listing, warehouse, lot), q, in_transit=-q)],
        reference=reference,
        reason=reason,
        actor=actor,
    )[0]


def reserve(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Reserve available stock (an order placed); refused with InsufficientStock when short."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.RESERVED, _key(listing, warehouse, lot), q, reserved=q)],
        reference=reference,
        actor=actor,
    )[0]


def release(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Give a reservation back (order cancelled or not paid in time)."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.RELEASED, _key(listing, warehouse, lot), q, reserved=-q)],
        reference=reference,
        actor=actor,
    )[0]


def ship(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Reserved goods leave the warehouse (local delivery of an order)."""
    q = quantity(qty)
    return apply(
        [Op(MovementKind.SHIPPED, _key(listing, warehouse, lot), q, on_hand=-q, reserved=-q)],
        reference=reference,
        actor=actor,
    )[0]


# -- orders: stock held in lots -----------------------------------------------------------------------
# A seller's stock in a warehouse may be held in several lots (a dye lot of yarn, a production batch).
# An order takes its quantity from one lot when one lot can cover it (a buyer gets one dye lot), the
# oldest such lot first; otherwise from the oldest lots in turn. What it took is recorded per lot under
# the order's reference, so releasing or shipping it later touches exactly those lots.


def lots(listing, warehouse) -> list[StockBalance]:
    """Every lot of a listing in a warehouse, locked in primary-key order (oldest first)."""
    return list(
        db.session.scalars(
            sa.select(StockBalance)
            .where(
                StockBalance.listing_id == getattr(listing, "id", listing),
                StockBalance.warehouse_id == getattr(warehouse, "id", warehouse),
            )
            .order_by(StockBalance.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )


def available_in_lots(listing, warehouse) -> Decimal:
    """What can still be reserved of a listing in a warehouse, over all its lots (locks them)."""
    return sum((b.on_hand - b.reserved for b in lots(listing, warehouse)), ZERO)


def allocate(balances: list[StockBalance], qty: Decimal) -> list[tuple[StockBalance, Decimal]]:
    """Which lots cover `qty`: one lot if one can (the oldest that can), else the oldest lots in turn.
    Refused with InsufficientStock when all lots together are short."""
    free = [(b, b.on_hand - b.reserved) for b in balances if b.on_hand - b.reserved > 0]
    whole = next((b for b, left in free if left >= qty), None)
    if whole is not None:
        return [(whole, qty)]
    taken, need = [], qty
    for balance, left in free:
        part = min(left, need)
        taken.append((balance, part))
        need -= part
        if need == 0:
            return taken
    raise InsufficientStock()


def reserve_for_order(listing, warehouse, qty, reference: str, *, actor=None) -> list[StockMovement]:
    """Reserve `qty` for an order from whichever lots cover it (see `allocate`)."""
    q = quantity(qty)
    parts = allocate(lots(listing, warehouse), q)
    ops = [
        Op(MovementKind.RESERVED, Key(b.listing_id, b.warehouse_id, b.lot), n, reserved=n) for b, n in parts
    ]
    return apply(ops, reference=reference, actor=actor)


def reserved_by_lot(reference: str, listing, warehouse) -> dict[str, Decimal]:
    """What is still reserved under `reference` in each lot of a listing in a warehouse."""
    rows = db.session.execute(
        sa.select(StockBalance.lot, sa.func.sum(StockMovement.reserved_delta))
        .join(StockBalance, StockBalance.id == StockMovement.balance_id)
        .where(
            StockMovement.reference == reference,
            StockBalance.listing_id == getattr(listing, "id", listing),
            StockBalance.warehouse_id == getattr(warehouse, "id", warehouse),
        )
        .group_by(StockBalance.lot)
        .order_by(StockBalance.lot)
    ).all()
    return {lot: Decimal(total) for lot, total in rows if total and Decimal(total) > 0}


def settle_order(listing, warehouse, reference: str, *, shipped: bool, actor=None) -> list[StockMovement]:
    """Release (cancelled, unpaid) or ship (delivered locally) everything still reserved under
    `reference`, lot by lot. A second call finds nothing left and writes nothing."""
    ops = []
    for lot, n in reserved_by_lot(reference, listing, warehouse).items():
        key = _key(listing, warehouse, lot)
        if shipped:
            ops.append(Op(MovementKind.SHIPPED, key, n, on_hand=-n, reserved=-n))
        else:
            ops.append(Op(MovementKind.RELEASED, key, n, reserved=-n))
    return apply(ops, reference=reference, actor=actor) if ops else []


def adjust(listing, warehouse, delta, reason: str, *, lot: str = "", actor=None, reference: str = ""):
    """A stock count correction (positive or negative) with its reason."""
    d = quantity(delta, field="delta", allow_negative=True)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": [str(_l("Say why the stock is adjusted."))]})
    return apply(
        [Op(MovementKind.ADJUSTED, _key(listing, warehouse, lot), abs(d), on_hand=d)],
        reference=reference,
        reason=reason,
        actor=actor,
    )[0]


def ledger_sums(balance_id: int) -> tuple[Decimal, Decimal, Decimal]:
    """(on hand, reserved, in transit) summed over the movements: always equal to the balance."""
    rows = db.session.execute(
        sa.select(
            StockMovement.on_hand_delta, StockMovement.reserved_delta, StockMovement.in_transit_delta
        ).where(StockMovement.balance_id == balance_id)
    ).all()
    return (sum((r[0] for r in rows), ZERO), sum((r[1] for r in rows), ZERO), sum((r[2] for r in rows), ZERO))
