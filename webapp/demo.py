"""`flask demo`: villages for every subdistrict of Phayao (56) and a few needs, so a new user can try it all."""

import zlib

import click
from sqlalchemy import select

from webapp.areas import services as areas
from webapp.areas.models import Province, Subdistrict, Village
from webapp.citizens.models import Channel
from webapp.extensions import db
from webapp.strategies.services import load_national_pillars
from webapp.submissions import services as submissions

DEMO_PROVINCE = "56"
#: Common village names of the upper North, used to name the demo หมู่บ้าน.
VILLAGE_NAMES = (
    "บ้านใหม่", "บ้านดอน", "บ้านสันป่าม่วง", "บ้านแม่ต๋ำ", "บ้านร่องห้า", "บ้านทุ่งหลวง", "บ้านป่าแดง",
    "บ้านหนองเต่า", "บ้านห้วยบง", "บ้านสันทราย", "บ้านปางงุ้น", "บ้านดงเจน", "บ้านท่าวังทอง", "บ้านศรีถ้อย",
)
DEMO_NEEDS = (
    "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ หน้าฝนรถจักรยานยนต์ล้มบ่อย อยากให้ทำถนนคอนกรีต",
    "ไฟส่องสว่างทางเข้าหมู่บ้านดับมาสองเดือนแล้ว กลางคืนมืดมาก เด็กนักเรียนกลับบ้านไม่ปลอดภัย",
    "หน้าแล้งน้ำประปาหมู่บ้านไหลอ่อน บางวันไม่ไหลเลย ขอให้ขุดเจาะบ่อบาดาลเพิ่ม",
    "อยากให้มีการอบรมอาชีพทำขนมและแปรรูปผลผลิตสำหรับแม่บ้านในหมู่บ้าน",
    "มีการเผาตอซังข้าวโพดทุกปี ควันเยอะมาก ผู้สูงอายุไอกันทั้งหมู่บ้าน",
)


def demo_villages(subdistrict: Subdistrict) -> list[tuple[str, int, str]]:
    """Between 6 and 12 villages, always the same for the same subdistrict."""
    seed = zlib.crc32(subdistrict.code.encode())
    count = 6 + seed % 7
    others = [VILLAGE_NAMES[(seed + i * 5) % len(VILLAGE_NAMES)] for i in range(1, count)]
    names = [f"บ้าน{subdistrict.name_th}", *others]
    return [(subdistrict.code, moo, name) for moo, name in enumerate(names, start=1)]


@click.command("demo")
def demo() -> None:
    """Load areas if missing, the national pillars, demo villages of Phayao and a few demo needs (once)."""
    if db.session.get(Province, DEMO_PROVINCE) is None:
        areas.load_official_areas()
    load_national_pillars()
    subdistricts = db.session.scalars(select(Subdistrict).where(Subdistrict.code.startswith(DEMO_PROVINCE)))
    report = areas.add_villages(v for s in subdistricts for v in demo_villages(s))
    db.session.commit()
    click.echo(f"demo villages: added {report.added}")
    if report.added:
        _demo_needs()


def _demo_needs() -> None:
    village_ids = db.session.scalars(select(Village.id).order_by(Village.id).limit(len(DEMO_NEEDS)))
    for village_id, text in zip(village_ids, DEMO_NEEDS, strict=False):
        need = submissions.submit(submissions.NewSubmission(village_id, text, Channel.IMPORT, subject="demo"))
        click.echo(f"demo need {need.reference}: {need.village.full_name_th}")

