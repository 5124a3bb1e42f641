"""Reading areas for pickers and pages, in Thai dictionary order."""

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import select

from webapp.areas.models import District, Province, Subdistrict, Village
from webapp.extensions import db

LEADING_VOWELS = "เแโใไ"
Named = TypeVar("Named", Province, District, Subdistrict)


def thai_sort_key(name: str) -> str:
    """Thai dictionaries file เชียงใหม่ under ช: a leading vowel sorts after its consonant."""
    if len(name) > 1 and name[0] in LEADING_VOWELS:
        return name[1] + name[0] + name[2:]
    return name


def _sorted(rows: Iterable[Named]) -> list[Named]:
    return sorted(rows, key=lambda row: thai_sort_key(row.name_th))


def provinces() -> list[Province]:
    return _sorted(db.session.scalars(select(Province)))


def districts_of(province_code: str) -> list[District]:
    return _sorted(db.session.scalars(select(District).filter_by(province_code=province_code)))


def subdistricts_of(district_code: str) -> list[Subdistrict]:
    return _sorted(db.session.scalars(select(Subdistrict).filter_by(district_code=district_code)))


def villages_of(subdistrict_code: str) -> list[Village]:
    return list(db.session.scalars(select(Village).filter_by(subdistrict_code=subdistrict_code).order_by(Village.moo)))


def village(village_id: int) -> Village | None:
    return db.session.get(Village, village_id)


def subdistrict(code: str) -> Subdistrict | None:
    return db.session.get(Subdistrict, code)
