"""Buddhist-Era dates and the Thai fiscal year, the way Thai users read them."""

from datetime import UTC, date, datetime, timedelta, timezone

BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")  # Thailand has no daylight saving time
BE_OFFSET = 543
THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC (how every timestamp is stored)."""
    return datetime.now(UTC)


def to_bangkok(moment: datetime) -> datetime:
    """A stored timestamp in Thai local time; naive values are taken as UTC (SQLite drops the zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BANGKOK)


def fiscal_year_be(moment: datetime | date) -> int:
    """Thai fiscal year (1 Oct – 30 Sep) named by the Buddhist-Era year in which it ends."""
    day = to_bangkok(moment).date() if isinstance(moment, datetime) else moment
    year_ce = day.year + 1 if day.month >= 10 else day.year
    return year_ce + BE_OFFSET


def format_date_be(moment: datetime | date, *, short: bool = False, with_time: bool = False) -> str:
    """'24 พฤศจิกายน 2569' (or '24 พ.ย. 2569'), optionally with the Bangkok time '13:05 น.'."""
    local = to_bangkok(moment) if isinstance(moment, datetime) else moment
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{local.day} {months[local.month - 1]} {local.year + BE_OFFSET}"
    if with_time and isinstance(local, datetime):
        text += f" {local:%H:%M} น."
    return text


def format_date_en(moment: datetime | date, *, with_time: bool = False) -> str:
    """'24 November 2569 BE': the English interface keeps the Buddhist Era, as every Thai document does."""
    local = to_bangkok(moment) if isinstance(moment, datetime) else moment
    text = f"{local.day} {local:%B} {local.year + BE_OFFSET} BE"
    if with_time and isinstance(local, datetime):
        text += f", {local:%H:%M}"
    return text
