"""Demo denied-party list: the repository's sample (fictional entries), loaded once."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from marketplace.extensions import db

SAMPLE = Path(__file__).resolve().parent.parent / "risk" / "data" / "denied_parties_sample.csv"


def load_risk_demo() -> int:
    """Load the sample list unless a list is already loaded; return the number of entries loaded."""
    from marketplace.risk import services
    from marketplace.risk.models import DeniedParty

    if db.session.scalar(sa.select(sa.func.count()).select_from(DeniedParty)):
        return 0
    return services.load_denied_parties(SAMPLE.read_bytes())
