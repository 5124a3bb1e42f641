"""Public reference numbers: CH-2570-0000123, one sequence per fiscal year, safe under concurrency."""

from sqlalchemy.dialects import postgresql, sqlite

from webapp.extensions import db
from webapp.submissions import rules
from webapp.submissions.models import ReferenceCounter


def format_reference(fiscal_year: int, sequence: int) -> str:
    """'CH-2570-0000123': digits only after the prefix, so it reads aloud without ambiguity."""
    return f"{rules.REFERENCE_PREFIX}-{fiscal_year}-{sequence:0{rules.REFERENCE_DIGITS}d}"


def next_sequence(fiscal_year: int) -> int:
    """Take the next number of the year in one atomic upsert (row-locked until the transaction ends)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = ReferenceCounter.__table__
    statement = (
        insert(table)
        .values(fiscal_year=fiscal_year, last_value=1)
        .on_conflict_do_update(index_elements=[table.c.fiscal_year], set_={"last_value": table.c.last_value + 1})
        .returning(table.c.last_value)
    )
    return db.session.execute(statement).scalar_one()
