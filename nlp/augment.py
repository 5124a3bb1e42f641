"""Training-time copies of the examples wrapped in the neutral context real messages carry.

Real reports put the need between an address, a greeting, a report template, emoji, thanks and a
timestamp; hand-written examples mostly do not. Without these copies the models learn that such
wrapping means "not a need". Every wrapper here keeps the label: it adds no problem, wish or sector.
"""

import random
from pathlib import Path

PLACE_NAMES = Path(__file__).resolve().parent / "data" / "context" / "place_names.txt"
#: Share of the examples that also get a wrapped copy, and the fixed seed that keeps training reproducible.
SHARE = 1.0
SEED = 11
LATIN = ("Central", "The Mall", "Lotus", "Big C", "Makro", "CP", "Royal Park", "Grand Villa", "Lumpini",
         "SCG", "PTT", "Villa", "Home", "Plus", "City", "Park", "Condo", "Tower", "Place", "Residence")
LANDMARKS = ("ตลาด", "วัด", "ร้าน", "ปั๊ม", "คอนโด", "หมู่บ้าน", "ศาลา", "ป้ายรถเมล์")
OPENINGS = ("เรียน เจ้าหน้าที่", "สวัสดีครับ", "สวัสดีค่ะ", "เรื่องที่ต้องการแจ้ง", "1. เรื่องที่ต้องการแจ้ง",
            "รายละเอียด :", "เรื่อง :", "ขออนุญาตแจ้ง", "เรียนผู้เกี่ยวข้อง", "📢", "📣🔊", "‼️", "แจ้งเรื่อง",
            "เรียน ผญบ.", "เรียน อบต.", "รบกวนสอบถามและแจ้งเรื่องครับ")
CLOSINGS = ("ครับ", "ค่ะ", "ขอบคุณครับ", "ขอบคุณค่ะ", "ขอบคุณมากครับ", "🙏", "🙏🙏", "นะคะ", "จ้า",
            "ขอบคุณล่วงหน้าครับ", "#1555", "ตามรูปครับ", "ตามภาพที่แนบ", "ดูรูปประกอบ", "นะครับ", "เด้อ")
MONTHS = ("ม.ค.", "มิถุนายน", "ต.ค.", "กุมภาพันธ์", "ส.ค.")


def wrapped(rows: list[dict[str, str]], share: float = SHARE, seed: int = SEED) -> list[dict[str, str]]:
    """The rows followed by wrapped copies of a `share` of them (same labels), always the same ones."""
    rng = random.Random(seed)
    names = PLACE_NAMES.read_text(encoding="utf-8").split()
    copies = [{**row, "text": wrap(row["text"], rng, names)} for row in rows if rng.random() < share]
    return rows + copies


def wrap(text: str, rng: random.Random, names: list[str]) -> str:
    """The text with some of: an address before or after, an opening, a closing, a timestamp."""
    parts = [text]
    if rng.random() < 0.5:
        parts.insert(0, place(rng, names))
    if rng.random() < 0.35:
        parts.append(place(rng, names))
    if rng.random() < 0.2:
        parts.insert(0, rng.choice(OPENINGS))
    if rng.random() < 0.35:
        parts.append(rng.choice(CLOSINGS))
    if rng.random() < 0.1:
        parts.append(timestamp(rng))
    return rng.choice((" ", " ", "  ", "")).join(parts)


def place(rng: random.Random, names: list[str]) -> str:
    """An address fragment as people type it, in city or village form."""
    name, other, n = rng.choice(names), rng.choice(names), rng.randint(1, 120)
    forms = (f"ซอย{name} {n}", f"ซ.{name} {n} แยก {rng.randint(1, 30)}", f"ถนน{name}", f"ถ.{name}",
             f"หมู่บ้าน{name}", f"หมู่ {rng.randint(1, 20)} บ้าน{name}", f"ม.{rng.randint(1, 20)} ต.{name} อ.{other}",
             f"ตำบล{name} อำเภอ{other}", f"เขต{name} แขวง{other}", f"หน้า {rng.choice(LATIN)} {rng.choice(LATIN)}",
             f"ปากซอย{name}", f"ใกล้{rng.choice(LANDMARKS)}{name}", f"ตรงข้าม{rng.choice(LATIN)}", f"แยก{name}",
             f"ชุมชน{name}")
    return rng.choice(forms)


def timestamp(rng: random.Random) -> str:
    """A report date, time or coordinates."""
    day, hour, minute = rng.randint(1, 28), rng.randint(0, 23), rng.randint(10, 59)
    return rng.choice((f"วันที่รายงาน : {day} {rng.choice(MONTHS)} {rng.randint(2563, 2569)} เวลา {hour}:{minute}",
                       f"เมื่อวันที่ {day}/{rng.randint(1, 12)}/{rng.randint(63, 69)}",
                       f"พิกัด {13 + rng.random():.5f}, {100 + rng.random():.5f}", f"เวลา {hour}.{minute} น."))
