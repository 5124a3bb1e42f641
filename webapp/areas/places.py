"""Finding the subdistrict a villager means, from a typed place or a map address."""

import functools
import re
from dataclasses import dataclass

import geothai
from sqlalchemy import select

from webapp.areas.models import Subdistrict
from webapp.extensions import db

MAX_CHOICES = 10
_LABELLED = {
    "subdistrict": re.compile(r"(?:ตำบล|แขวง|ต\.)\s*([^\s,]+)"),
    "district": re.compile(r"(?:อำเภอ|เขต|อ\.)\s*([^\s,]+)"),
    "province": re.compile(r"(?:จังหวัด|จ\.)\s*([^\s,]+)"),
}
_POSTAL = re.compile(r"(?<!\d)\d{5}(?!\d)")
_ENGLISH_LABELS = re.compile(r"\b(?:sub-?district|district|tambon|amphoe|province|chang wat)\b", re.IGNORECASE)
_NOISE = {"ประเทศไทย", "thailand", "ไทย"}


def find_subdistricts(text: str) -> list[Subdistrict]:
    """Subdistricts that fit a place name or address ('ต.แม่กา อ.เมือง พะเยา', 'แม่กา', a LINE map address)."""
    codes = _candidate_codes(text.strip())
    if not codes:
        return []
    found = {s.code: s for s in db.session.scalars(select(Subdistrict).where(Subdistrict.code.in_(codes)))}
    return [found[code] for code in codes if code in found][:MAX_CHOICES]


def _candidate_codes(text: str) -> list[str]:
    parts, words = _parse(text)
    codes = _matched(parts, words)
    if not codes and parts["postal_code"]:
        codes = [s.code for s in geothai.by_postal_code(parts["postal_code"]) if _fits(s, parts)]
    if not codes and len(words) == 1 and not any(parts.values()):
        codes = _by_prefix(words[0])
    return list(dict.fromkeys(codes))


def _by_prefix(word: str) -> list[str]:
    """Subdistricts whose name starts with the word, or those of a district of that name ('เชียงคำ')."""
    names = _names()
    key = word.lower()
    codes = [code for name, code in names.subdistricts if name.startswith(key)]
    for district_code in names.districts.get(key, ()):
        codes += [s.code for s in geothai.subdistricts(district_code)]
    return codes


@dataclass(frozen=True)
class _Names:
    provinces: dict[str, str]
    districts: dict[str, tuple[str, ...]]
    subdistricts: tuple[tuple[str, str], ...]


@functools.cache
def _names() -> _Names:
    """Every official name (Thai, and English in lower case) once, for lookups far cheaper than a search."""
    provinces: dict[str, str] = {}
    districts: dict[str, list[str]] = {}
    subdistricts: list[tuple[str, str]] = []
    for province in geothai.provinces():
        provinces[province.name_th] = provinces[province.name_en.lower()] = province.code
        for district in geothai.districts(province.code):
            for name in (district.name_th, district.name_en.lower()):
                districts.setdefault(name, []).append(district.code)
            for sub in geothai.subdistricts(district.code):
                subdistricts += [(sub.name_th, sub.code), (sub.name_en.lower(), sub.code)]
    return _Names(provinces, {k: tuple(v) for k, v in districts.items()}, tuple(subdistricts))


def _parse(text: str) -> tuple[dict[str, str | None], list[str]]:
    """Labelled parts (ต./อ./จ., postal code) and the words left over."""
    parts: dict[str, str | None] = {}
    rest = text
    for level, pattern in _LABELLED.items():
        found = pattern.search(rest)
        parts[level] = found.group(1) if found else None
        rest = pattern.sub(" ", rest)
    postal = _POSTAL.search(rest)
    parts["postal_code"] = postal.group(0) if postal else None
    rest = _ENGLISH_LABELS.sub(" ", _POSTAL.sub(" ", rest))
    splitter = r"\s*,\s*" if "," in rest else r"\s+"
    words = [w.strip() for w in re.split(splitter, rest) if w.strip()]
    words = [w for w in words if not w.isdigit() and w.lower() not in _NOISE]
    if parts["province"] is None:
        for word in words:
            if word.lower() in _names().provinces:
                parts["province"] = word
                words.remove(word)
                break
    return parts, words


def _matched(parts: dict[str, str | None], words: list[str]) -> list[str]:
    names = [parts["subdistrict"]] if parts["subdistrict"] else words
    filters = {k: parts[k] for k in ("district", "province", "postal_code")}
    codes: list[str] = []
    for name in names:
        codes += [a.subdistrict.code for a in _match(name, filters)]
    return codes


def _match(name: str, filters: dict[str, str | None]) -> list:
    """Strict match first; a wrong postal code or district in a hand-typed place should not lose the subdistrict."""
    for drop in ((), ("postal_code",), ("postal_code", "district")):
        found = geothai.match(name, **{k: v for k, v in filters.items() if k not in drop})
        if found:
            return found
    return []


def _fits(subdistrict: object, parts: dict[str, str | None]) -> bool:
    province = parts["province"]
    if not province:
        return True
    return _names().provinces.get(province.lower()) == subdistrict.province_code  # type: ignore[attr-defined]
