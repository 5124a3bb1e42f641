"""Reading strategies."""

from sqlalchemy import or_, select

from webapp.extensions import db
from webapp.strategies.models import Strategy


def for_province(province_code: str) -> list[Strategy]:
    """The province's own strategies, or the national pillars where it has loaded none."""
    query = (select(Strategy).where(or_(Strategy.province_code == province_code, Strategy.province_code.is_(None)))
             .order_by(Strategy.position, Strategy.code))
    rows = list(db.session.scalars(query))
    return [s for s in rows if s.province_code is not None] or [s for s in rows if s.province_code is None]
