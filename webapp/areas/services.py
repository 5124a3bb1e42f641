"""Loading the official areas and the villages an administrator imports."""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

import geothai
from sqlalchemy import select

from webapp.areas.models import District, Province, Subdistrict, Village
from webapp.core.transaction import use_case
from webapp.extensions import db

VILLAGE_COLUMNS = ("subdistrict_code", "moo", "name")
MAX_MOO = 99


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def official_areas() -> list[tuple[type, list[dict]]]:
    """Every province, district and subdistrict that geothai ships, as rows for our tables."""
    provinces = geothai.provinces()
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    return [
        (Province, [{"code": p.code, "name_th": p.name_th, "name_en": p.name_en} for p in provinces]),
        (District, [{"code": d.code, "province_code": d.province_code, "name_th": d.name_th,
                     "name_en": d.name_en} for d in districts]),
        (Subdistrict, [{"code": s.code, "district_code": s.district_code, "name_th": s.name_th,
                        "name_en": s.name_en, "postal_codes": " ".join(s.postal_codes)} for s in subdistricts]),
    ]


@use_case
def load_official_areas(progress: Callable[[int], None] = lambda n: None) -> LoadReport:
    """Insert missing areas and refresh changed names; running it twice changes nothing."""
    report = LoadReport()
    for model, rows in official_areas():
        existing = {row.code: row for row in db.session.scalars(select(model))}
        for values in rows:
            _upsert_area(model, existing.get(values["code"]), values, report)
        progress(len(rows))
        db.session.flush()
    return report


def _upsert_area(model: type, current: object | None, values: dict, report: LoadReport) -> None:
    if current is None:
        db.session.add(model(**values))
        report.added += 1
    elif any(getattr(current, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(current, key, value)
        report.updated += 1


@use_case
def import_villages(stream: TextIO) -> LoadReport:
    """Import villages from CSV (subdistrict_code,moo,name); bad rows are reported, good rows kept."""
    reader = csv.DictReader(stream)
    missing = [c for c in VILLAGE_COLUMNS if c not in (reader.fieldnames or [])]
    report = LoadReport()
    if missing:
        report.rejected.append((1, f"ไม่มีคอลัมน์ {', '.join(missing)}"))
        return report
    known = set(db.session.scalars(select(Subdistrict.code)))
    for line, row in enumerate(reader, start=2):
        problem = _village_row_problem(row, known)
        if problem:
            report.rejected.append((line, problem))
        else:
            _save_village(row["subdistrict_code"].strip(), int(row["moo"]), row["name"].strip(), report)
    return report


def _village_row_problem(row: dict, known_subdistricts: set[str]) -> str | None:
    """Why a CSV row cannot become a village, in Thai, or None when it can."""
    code, moo, name = ((row.get(c) or "").strip() for c in VILLAGE_COLUMNS)
    if code not in known_subdistricts:
        return f"ไม่พบรหัสตำบล {code!r}"
    if not moo.isdigit() or not 1 <= int(moo) <= MAX_MOO:
        return f"หมู่ที่ต้องเป็นตัวเลข 1–{MAX_MOO} ไม่ใช่ {moo!r}"
    if not name:
        return "ไม่มีชื่อหมู่บ้าน"
    if len(name) > Village.name.type.length:
        return "ชื่อหมู่บ้านยาวเกินไป"
    return None


def _save_village(subdistrict_code: str, moo: int, name: str, report: LoadReport) -> None:
    village = db.session.scalar(select(Village).filter_by(subdistrict_code=subdistrict_code, moo=moo))
    if village is None:
        db.session.add(Village(subdistrict_code=subdistrict_code, moo=moo, name=name))
        report.added += 1
    elif village.name != name:
        village.name = name
        report.updated += 1
    db.session.flush()


def add_villages(villages: Iterable[tuple[str, int, str]]) -> LoadReport:
    """Add (subdistrict_code, moo, name) villages that are not there yet (flushes, never commits)."""
    report = LoadReport()
    for code, moo, name in villages:
        exists = db.session.scalar(select(Village.id).filter_by(subdistrict_code=code, moo=moo))
        if exists is None:
            db.session.add(Village(subdistrict_code=code, moo=moo, name=name))
            report.added += 1
    db.session.flush()
    return report
