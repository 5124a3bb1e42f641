"""Finding personal names in Thai text: the given name and surname after a title (นาย, น.ส., ด.ช.…) or after ชื่อ.

Pure standard library, used by `nlp.pii`, which masks what is found here with the other personal data. Only the name
is found, never the title, so that the title stays visible ("นาย [ชื่อ]").
"""

import re

#: Titles and ชื่อ/นามสกุล, each pattern searched only when its literal occurs: one regex of them all is four times slower.
_CALLED = r"ชื่อ(?:จริง|เล่น|บัญชี|\s?[-/]?\s?(?:นาม)?สกุล)?|นามสกุล"
_TITLE = re.compile(r"นางสาว|นาย|นาง|น\.?\s?ส\.|ด\.?\s?[ชญ]\.|เด็ก(?:ชาย|หญิง)")
_NAME_TRIGGERS = (
    ("นา", re.compile(r"นา(?:ย|ง(?:สาว)?|มสกุล)")),
    ("ชื่อ", re.compile(_CALLED)),
    ("เด็ก", re.compile(r"เด็ก(?:ชาย|หญิง)")),
    (".", re.compile(r"\.(?:(?<=น\.)\s?ส\.|(?<=ด\.)\s?[ชญ]\.|(?<=นส\.)|(?<=ด[ชญ]\.))")),  # from the dot: faster
)
_AFTER_TITLE = re.compile(r"[ \u00a0]{0,2}")
_AFTER_CALLED = re.compile(r"(?:\s{0,2}(?:ว่า|[:\-]))?[ \u00a0]{0,2}")
#: Words ending just before นาย/นาง that make it part of another word: ทำนาย, ทนาย, เจ้านาย, มิถุนายน, หอยนางรม…
_NOT_A_TITLE_AFTER = re.compile(r"(?:ทำ|ทํา|ท|(?<!ข้าพ)เจ้า|คุณ|พระ|ถุ|แม่|ย่า|ขุน|หอย|นิ้ว|กุ้ง|อ่าว)$")
#: Offices and jobs spelled นาย…/นาง… (นายก is an office unless a name such as กมล or กิตติ goes on).
_OFFICE_AFTER_TITLE = re.compile(
    r"(?<=นาย)(?:ก(?![ะ-ฺ็-๎]|มล|ร(?!ัฐ)|ฤ|นก|ช|วิน|ษ|ล้า)|อำเภอ|ช่าง|ทุน|หน้า|จ้าง|ทหาร|ตำรวจ|ตรวจ|ด่าน|ประกัน|"
    r"ทะเบียน|ห้าง|แพทย์|ธนาคาร|สถานี|เวร|แบบ|พราน|หัว|ใหญ่|งาน)|(?<=นาง)(?:พยาบาล|ฟ้า|แบบ|งาม(?!ตา|จิต)|รำ(?!ไพ)|"
    r"ไม้|เอก|กวัก|สนม|พญา|รม(?!ณ)|แอ่น|กำนัล|ละคร|ร้าย|ผดุงครรภ์|บำเรอ|เงือก|สงกรานต์|เลิ้ง|รอง)"
)
#: Who may be "called" (ผมชื่อ…, ผู้แจ้งชื่อ…); after any other Thai word ชื่อ is part of it: เชื่อม, รายชื่อ, ป้ายชื่อ.
_CALLED_BY = re.compile(
    r"(?:^|[^ก-๛]|ผม|ดิฉัน|ฉัน|หนู|ข้าพเจ้า|กระผม|เรา|ผู้(?:แจ้ง|ร้อง(?:เรียน)?|ติดต่อ|ประสานงาน|เสียหาย|ป่วย)|"
    r"เจ้าของ(?:บ้าน)?|ลูก(?:ชาย|สาว)?|หลาน(?:ชาย|สาว)?|พ่อ|แม่|สามี|ภรรยา|เมีย|ยาย|ตา|ย่า|ปู่|ป้า|ลุง|น้า|พี่|น้อง|เขา|เค้า)"
    r"\s?$"
)
#: One Thai word: a consonant or leading vowel first (not a mark, as in ทำนายืน…), no digits, spaces or punctuation;
#: at most 40 letters, so that a title inside a long run of letters costs constant time.
_THAI_WORD = "[ก-ฮเ-ไ](?!์)[ก-ฮะ-ฺเ-ๅ็-๎]{1,40}+"
#: A surname is the next word, unless it is an abbreviation (ด.ญ., อ.เมือง): then the name is the given name alone.
_NAME = re.compile(rf"(?P<given>{_THAI_WORD})(?:[ \u00a0](?P<family>(?:ณ[ \u00a0])?{_THAI_WORD})(?!\.))?")
#: Words that start a phrase, not a name: "เด็กชายอายุ 5 ขวบ", "ชื่อโครงการ", "นายดำ ต้นไม้ล้ม".
_NOT_A_NAME = re.compile(
    r"อายุ|วัย|ป่วย|ตาย|พิการ|บาดเจ็บ|จมน้ำ|หาย|คน(?!ึ)|ทั้ง|หลาย|จำนวน|ที่|ซึ่ง|ผู้|ได้|ถูก|โดน|ไม่|และ|หรือ|"
    r"กับ|จาก|ให้|เป็น|อยู่|บ้าน|เลข|โทร|เบอร์|ขอ(?![บง])|แจ้ง|ค่ะ|คะ(?!น)|ครับ|ว่า|จะ|ก็|ร้อง|ต้อง|ซอย|ถนน|หมู่|"
    r"ตำบล|อำเภอ|จังหวัด|เรื่อง|กรณี|เมื่อ|ตอน|ต้นไม้|เพื่อ|แต่|ด้วย|นี้|นั้น|ดังกล่าว|เดิม|เก่า|ใหม่|ยัง|อะไร|ไหน|"
    r"เจ้า|ระยะ|เวลา|ตั้งแต่|ตรง|หน้า|หลัง|ข้าง|ริม|ใกล้|แถว|ดัง|ย่อ|เสีย|ไฟ|ขยะ|ท่อ|หลังคา|สะพาน|คลอง|(?:นาม)?สกุล|"
    r"เสียง|โครงการ|กองทุน|ร้าน|บริษัท|หน่วยงาน|กลุ่ม|ชุมชน|โรงเรียน|วัด|บัญชี|ตาม|ใน|ของ(?!ขวัญ)"
)
#: Where a name typed without a space runs into the sentence: "นายสมชายแจ้งว่า…", "นางสาวมาลีค่ะ".
_NAME_ENDS_AT = re.compile(
    r"ครับ|ค่ะ|คะ(?![ก-๛])|นะ(?:คะ|ครับ)|(?<!เ)จ้า|แจ้ง|บอก|ว่า|อายุ|โทร|เบอร์|บ้าน|เลขที่|ซึ่ง|ร้อง|ขอ(?:ให้|ความ|แจ้ง)|"
    r"อาศัย|ได้|ที่|อยู่|ถึง|เป็น|ไม่|ให้|ผู้|ตำแหน่ง|และ|กับ|หรือ"
)


def find_names(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of given names and surnames after a title (นาย, นาง, น.ส., ด.ช., เด็กหญิง…)
    or after ชื่อ/นามสกุล; they may overlap other personal data, which `nlp.pii` resolves."""
    findings: list[tuple[int, int]] = []
    for literal, trigger in _NAME_TRIGGERS:
        if literal in text:
            findings += _names_after(text, trigger)
    return findings


def _names_after(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """The names after each match of one trigger, if it really is a title (not ทำนาย, หอยนางรม or นายอำเภอ)
    or a ชื่อ said of someone (ผมชื่อ, ผู้แจ้งชื่อ, or on its own; not เชื่อม, รายชื่อ or ป้ายชื่อ)."""
    findings: list[tuple[int, int]] = []
    pos = 0
    while (m := trigger.search(text, pos)) is not None:
        start = m.start()
        if m.group().startswith(("ชื่อ", "นามสกุล")):
            pos = _AFTER_CALLED.match(text, m.end()).end()
            real = not _TITLE.match(text, pos) and _CALLED_BY.search(text, max(0, start - 16), start)
        else:
            in_a_word = _NOT_A_TITLE_AFTER.search(text, max(0, start - 8), start)
            real = not (in_a_word or _OFFICE_AFTER_TITLE.match(text, m.end()))
            pos = _AFTER_TITLE.match(text, m.end()).end()
        name = _name_at(text, pos) if real else None
        if name is not None:
            findings.append(name)
            pos = name[1]
    return findings


def _name_at(text: str, start: int) -> tuple[int, int] | None:
    """The offsets of a given name and the surname after it, if a name starts at `start`."""
    m = None if _NOT_A_NAME.match(text, start) else _NAME.match(text, start)
    if m is None:
        return None
    end = _name_end(text, start, m.end("given"))
    family = m.start("family")
    if end == m.end("given") and family != -1 and not (_NOT_A_NAME.match(text, family) or _TITLE.match(text, family)):
        end = _name_end(text, family, m.end("family"))
    return (start, end) if end - start >= 2 else None


def _name_end(text: str, start: int, end: int) -> int:
    """Where one word of a name ends: at the first word that continues the sentence (แจ้ง, ค่ะ, อายุ…), if any."""
    runs_on = _NAME_ENDS_AT.search(text, start + 2, end)
    return runs_on.start() if runs_on else end
