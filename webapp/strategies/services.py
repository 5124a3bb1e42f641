"""Keeping the strategies that needs are linked to."""

from sqlalchemy import select

from nlp import NATIONAL_PILLARS
from webapp.core.transaction import use_case
from webapp.extensions import db
from webapp.strategies.models import Strategy


@use_case
def load_national_pillars() -> int:
    """Create or refresh the six national pillars; returns how many were added."""
    existing = {s.code: s for s in db.session.scalars(select(Strategy).where(Strategy.province_code.is_(None)))}
    added = 0
    for position, pillar in enumerate(NATIONAL_PILLARS, start=1):
        strategy = existing.get(pillar.code)
        if strategy is None:
            strategy = Strategy(province_code=None, code=pillar.code)
            db.session.add(strategy)
            added += 1
        strategy.title, strategy.description, strategy.position = pillar.title, pillar.description, position
    return added
