"""Reading strategies."""

from sqlalchemy import select

from webapp.extensions import db
from webapp.strategies.models import Strategy


def national() -> list[Strategy]:
    query = select(Strategy).where(Strategy.province_code.is_(None)).order_by(Strategy.position)
    return list(db.session.scalars(query))


def for_province(province_code: str) -> list[Strategy]:
    """The province's own strategies, or the national pillars where it has loaded none."""
    query = select(Strategy).filter_by(province_code=province_code).order_by(Strategy.position, Strategy.code)
    return list(db.session.scalars(query)) or national()
