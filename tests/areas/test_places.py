"""Finding the subdistrict a villager means, from a typed place or a LINE map address."""

import pytest

from webapp.areas.models import Province
from webapp.areas.places import find_subdistricts


@pytest.mark.parametrize(("typed", "codes"), [
    ("ตำบลแม่กา อำเภอเมืองพะเยา พะเยา 56000", ["560110"]),  # a LINE location message's address
    ("123 หมู่ 5 ตำบล แม่กา อำเภอ เมืองพะเยา จังหวัดพะเยา 56000 ประเทศไทย", ["560110"]),
    ("Mae Ka, Mueang Phayao District, Phayao 56000, Thailand", ["560110"]),
    ("ต.แม่กา อ.เมือง พะเยา", ["560110"]),
    ("ต.แม่กา อ.เมือง จ.พะเยา 56999", ["560110"]),  # a wrong postal code does not lose the subdistrict
    ("แม่กา", ["560110"]),
    ("บ้านต๋อม", ["560107"]),
    ("เวียง", ["560101", "560307"]),  # two of Phayao's subdistricts share the name
    ("ถนนพังมากอยากให้ซ่อม", []),
    ("", []),
])
def test_places_are_found_as_villagers_write_them(phayao: Province, typed: str, codes: list[str]) -> None:
    assert [s.code for s in find_subdistricts(typed)] == codes


def test_a_district_name_offers_its_subdistricts(phayao: Province) -> None:
    found = find_subdistricts("เชียงคำ")
    assert found and all(s.district.name_th == "เชียงคำ" for s in found)


def test_only_subdistricts_held_in_the_database_are_offered(phayao: Province) -> None:
    assert find_subdistricts("วังทอง") == []  # nine subdistricts in Thailand, none in Phayao
