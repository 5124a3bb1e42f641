"""Column types shared by the models."""

import enum

from sqlalchemy import Enum


def enum_column(enum_class: type[enum.Enum], length: int = 20) -> Enum:
    """A portable enum column: a VARCHAR with a CHECK constraint, the same on SQLite and PostgreSQL."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        name=enum_class.__name__.lower(),
    )
