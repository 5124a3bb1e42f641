"""Finding the villager's village: a map pin's address or a typed place, then หมู่ที่ as buttons."""

import re

from bots.common import texts
from bots.common.inbound import Choice, Reply
from webapp.areas import places
from webapp.areas import queries as areas
from webapp.areas.models import Subdistrict
from webapp.chats import services as chats
from webapp.chats.models import ChatState, Step
from webapp.submissions.rules import THAI_DIGITS

VILLAGES_PER_PAGE = 12
_MOO = re.compile(r"(?:หมู่(?:ที่)?|ม\.)?\s*(\d{1,3})")


def ask_place() -> Reply:
    return Reply(texts.ASK_PLACE)


def from_text(state: ChatState, query: str) -> list[Reply] | None:
    """Subdistricts matching a typed place; None when nothing matched (the caller decides what it was)."""
    found = places.find_subdistricts(query)
    if not found:
        return None
    return _offer(state, found)


def from_map(state: ChatState, address: str | None) -> list[Reply]:
    """A location pin while the village is unknown: its address, if the platform sent one."""
    found = places.find_subdistricts(address) if address else []
    if not found:
        chats.go_to(state, Step.PLACE)
        return [Reply(texts.PLACE_FROM_MAP_UNKNOWN)]
    return _offer(state, found)


def _offer(state: ChatState, found: list[Subdistrict]) -> list[Reply]:
    if len(found) == 1:
        return villages(state, found[0].code)
    chats.go_to(state, Step.PLACE)
    choices = tuple(Choice(texts.SUBDISTRICT_BUTTON.format(subdistrict=s.name_th, district=s.district.name_th,
                                                           province=s.district.province.name_th), f"place:{s.code}")
                    for s in found)
    return [Reply(texts.PICK_SUBDISTRICT, choices)]


def villages(state: ChatState, subdistrict_code: str, page: int = 0) -> list[Reply]:
    """The village buttons of one subdistrict, a page at a time (LINE shows at most 13 quick replies)."""
    subdistrict = areas.subdistrict(subdistrict_code)
    if subdistrict is None:
        return [Reply(texts.EXPIRED_CHOICE)]
    rows = areas.villages_of(subdistrict.code)
    if not rows:
        chats.go_to(state, Step.PLACE)
        return [Reply(texts.NO_VILLAGES.format(subdistrict=subdistrict.name_th))]
    chats.go_to(state, Step.VILLAGE, subdistrict=subdistrict.code)
    start = page * VILLAGES_PER_PAGE if page * VILLAGES_PER_PAGE < len(rows) else 0
    shown = rows[start : start + VILLAGES_PER_PAGE]
    choices = [Choice(texts.VILLAGE_BUTTON.format(moo=v.moo, name=v.name), f"village:{v.id}") for v in shown]
    if start + VILLAGES_PER_PAGE < len(rows):
        choices.append(Choice(texts.MORE_VILLAGES, f"villages:{subdistrict.code}:{page + 1}"))
    district = subdistrict.district
    text = texts.PICK_VILLAGE.format(subdistrict=subdistrict.name_th, district=district.name_th,
                                     province=district.province.name_th)
    return [Reply(text, tuple(choices))]


def village_by_number(state: ChatState, typed: str) -> int | None:
    """The village whose หมู่ที่ the villager typed ('5', 'หมู่ 5', 'ม.๕'), in the subdistrict being chosen.

    Only a bare number counts: "ถนนสาย 2 พัง" is a need, not หมู่ 2.
    """
    match = _MOO.fullmatch(typed.strip().translate(THAI_DIGITS))
    code = (state.pending or {}).get("subdistrict")
    if match is None or not code:
        return None
    return next((v.id for v in areas.villages_of(code) if v.moo == int(match.group(1))), None)


def saved(village_label: str, subdistrict_name: str) -> Reply:
    return Reply(texts.VILLAGE_SAVED.format(village=village_label, subdistrict=subdistrict_name))
