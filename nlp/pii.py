"""Finding and masking personal data (phones, ID numbers, e-mail, house numbers, bank accounts, names) in Thai text.

Pure standard library, so that bots and the web app can mask a message before anything stores or shows it.
All matching runs on a "digit view" of the text: Thai and full-width digits translated one-for-one to 0-9,
so every offset found in the view is an offset into the original text. Names follow a title (นาย, น.ส., ด.ช.…)
or ชื่อ (see `nlp.pii_names`); the title stays visible ("นาย [ชื่อ]").
"""

import re
from dataclasses import dataclass

from nlp.pii_names import find_names


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal data: offsets into the original text, its kind and the original substring."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class MaskedText:
    """A text with every piece of personal data replaced by a Thai placeholder, and what was replaced."""

    text: str
    spans: tuple[PiiSpan, ...]


PLACEHOLDERS: dict[str, str] = {
    "phone": "[เบอร์โทร]",
    "national_id": "[เลขบัตรประชาชน]",
    "email": "[อีเมล]",
    "house_number": "[บ้านเลขที่]",
    "bank_account": "[เลขบัญชี]",
    "name": "[ชื่อ]",
}

#: Same-length translation: Thai ๐-๙ and full-width ０-９ become 0-9, so offsets never shift.
_THAI_DIGITS = tuple(zip("๐๑๒๓๔๕๖๗๘๙", "0123456789", strict=True))
_DIGIT_VIEW = str.maketrans("０１２３４５６７８９", "0123456789")
_ANY_DIGIT = re.compile(r"[0-9๐-๙０-９]")
_OTHER_DIGIT = re.compile(r"[๐-๙０-９]")
_D = "[0-9]"
#: One optional separator between digit groups: space, no-break space, zero-width space, dot or a dash.
_SEP = r"[ \u00a0\u200b.\-\u2010-\u2015]?"
_PHONE_SEP = r"(?:[ \u00a0\u200b.\-\u2010-\u2015]|\)[ \u00a0]?)?"
#: A number starts where no letter or digit touches it (CH-2570-… and 12.34 are not starts). The look-behinds
#: follow the first character so that the regex engine can skip ahead to candidate characters quickly.
_TOUCHING = (r"[0-9A-Za-z]", r"[0-9A-Za-z][\-\u2010-\u2015]", r"[0-9][.:]")


def _starting(first: str) -> str:
    """A pattern for one first character of a number that no letter or digit touches from the left."""
    return first + "".join(f"(?<!{before}{first})" for before in _TOUCHING)


_FIRST = _starting("[0-9]")
_END = r"(?![.:\-\u2010-\u2015]?[0-9])"

_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-](?<![A-Za-z0-9._%+\-][A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{0,63}"
    r"@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)
_NATIONAL_ID = re.compile(_FIRST + f"(?:{_SEP}{_D}){{12}}" + _END)
_PHONE = re.compile(
    rf"(?:{_starting('[+]')}[ \u00a0]?66[ .\-]?(?:\(0\)|0)?[ .\-]?|{_starting('[(]')}[ ]?0|{_starting('0')}){_SEP}"
    + f"(?:[689](?:{_PHONE_SEP}{_D}){{8}}|[2-57](?:{_PHONE_SEP}{_D}){{7}})"
    + _END
)
#: The layout every big Thai bank prints: 123-4-56789-0 (same separator throughout).
_BANK_LAYOUT = re.compile(_FIRST + r"[0-9]{2}(?P<s>[ \-])[0-9](?P=s)[0-9]{5}(?P=s)[0-9]" + _END)
_BANK_DIGITS = re.compile(_FIRST + f"(?:{_SEP}{_D}){{9,11}}" + _END)
_BANK_WORDS = re.compile(
    r"บัญชี|บช\.|บ/ช|โอน|ธนาคาร|ธ\.(?!ค\.)|กสิกร|กรุงไทย|ไทยพาณิชย์|กรุงศรี|กรุงเทพ|ทีทีบี|ทหารไทย|ธนชาต|ออมสิน|"
    r"ธกส|ธ\.ก\.ส|ธอส|ธ\.อ\.ส|อิสลาม|พร้อมเพ|promptpay|k-?bank|scb|ktb|bbl|ttb|gsb|baac|account|a/c"
)  # searched in lower-cased text: case-insensitive matching would make it ten times slower
_MONEY_AFTER = re.compile(r"\s*(?:บาท|฿|ล้าน|[Bb]aht|BAHT)")

_HOUSE = r"[0-9]{1,5}(?:\s?/\s?[0-9]{1,5})?(?![0-9/])"
#: More house numbers in a list or range (12/3, 12/5 และ 12/9; 30 ถึง 36; 3(28/98)), but not a count such as "และ 3 คน".
_MORE_HOUSES = (
    rf"(?:\s{{0,2}}(?:[,&\-\u2013]|และ|กับ|ถึง|หรือ)\s{{0,2}}{_HOUSE}"
    r"(?!\s?(?:คน|หลัง|ครัวเรือน|วัน|เดือน|ปี|ครั้ง|บาท|เมตร|กม|ชั่วโมง|ชม|นาที|โมง|ต้น|จุด|ราย|ไร่|%))"
    rf"|\s?\(\s?{_HOUSE}\s?\))"
)
_HOUSE_AFTER_WORD = re.compile(
    r"(?P<key>บ(?:้าน\s?(?:เลข(?:\s?ที่)?|ลข\.?)|\.\s?เลข\s?ที่)|เลข\s?ที่|ลข\.)\s{0,3}[.:]?\s{0,3}"
    rf"(?P<num>(?P<first>{_HOUSE})(?:{_MORE_HOUSES}){{0,20}})"
)
_ONE_HOUSE = re.compile(r"[0-9]{1,5}(?:\s?/\s?[0-9]{1,5})?")
_CASE_NUMBER = re.compile(r"25[0-9]{2}[\-\u2013][0-9]{3}")  # 2567-1190: a year and a running number
#: Bare "เลขที่" after these words numbers a document, a land title or an account, not a house.
_NOT_A_HOUSE_BEFORE = re.compile(
    r"(?:คำร้อง|หนังสือ|คำสั่ง|ประกาศ|บัญชี|ใบ[ก-๛]{0,12}|สัญญา|โฉนด|ระเบียบ|เอกสาร|ฎีกา|คำขอ|รายการ|ฉบับ|"
    r"ทะเบียน|อ้างอิง|โครงการ|คดี|ลำดับ|แปลง|พัสดุ|เรื่อง|ที่ดิน|ครุภัณฑ์|นส\.\s?3ก?|น\.ส\.\s?3ก?|"
    r"รับแจ้ง|ร้องเรียน|เคส|ติดตาม|เคยแจ้ง|แจ้งแล้ว|แจ้งไว้)\s{0,2}$"  # …a complaint or case number
)
_HOUSE_SLASH = re.compile(r"[0-9](?<![0-9/][0-9])[0-9]{0,3}/[0-9]{1,4}(?![0-9/])")
_HOUSE_SLASH_BEFORE = re.compile(r"(?:บ้าน|ที่อยู่|อยู่(?:ที่)?)\s{0,2}$|(?:ม\.|หมู่(?:ที่)?)\s?[0-9]{1,2}\s{1,2}$")
_HOUSE_SLASH_AFTER = re.compile(r"\s{0,2}(?:ม\.(?!ค\.)|หมู่(?!บ้าน)|ซ\.|ซอย|ถ\.|ถนน|ต\.(?!ค\.)|ต(?:ำ|ํา)บล|แขวง)")
#: A slash number right after these is a soi, road, route or document number, not a house.
_NOT_A_HOUSE_SLASH = re.compile(r"(?:ซอย|ซ\.|ถนน|ถ\.|สาย|กม\.|หมู่(?:ที่)?|ม\.|วันที่|ฉบับที่|ครั้งที่|เลข[ก-๛]{0,14})\s{0,2}$")

#: Lower wins when two findings overlap.
_PRIORITY = dict(email=0, national_id=1, bank_layout=2, phone=3, bank_account=4, house_number=5, name=6)

_Finding = tuple[int, int, int, str]  # priority, start, end, kind


def find_personal_data(text: str) -> tuple[PiiSpan, ...]:
    """Every piece of personal data in the text, in order and never overlapping, so it can be masked or reported."""
    text = _as_text(text)
    findings: list[_Finding] = [(_PRIORITY["name"], start, end, "name") for start, end in find_names(text)]
    has_at = "@" in text
    if has_at or _ANY_DIGIT.search(text):
        findings += _numbers(text, has_at)
    return _resolve(findings, text)


def _numbers(text: str, has_at: bool) -> list[_Finding]:
    """Phones, ID numbers, e-mail, bank accounts and house numbers: everything that holds a digit or an @."""
    view = _digit_view(text) if _OTHER_DIGIT.search(text) else text
    findings: list[_Finding] = []
    if has_at:
        findings += _found(_EMAIL, view, "email")
    findings += [f for f in _found(_NATIONAL_ID, view, "national_id") if _plausible_id(view[f[1] : f[2]])]
    findings += _found(_BANK_LAYOUT, view, "bank_layout")
    findings += _found(_PHONE, view, "phone")
    findings += _bank_accounts(view)
    return findings + _house_numbers(view)


def mask_personal_data(text: str) -> MaskedText:
    """The text with each piece of personal data replaced by its Thai placeholder, e.g. before storing a message."""
    text = _as_text(text)
    spans = find_personal_data(text)
    if not spans:
        return MaskedText(text, ())
    parts: list[str] = []
    last = 0
    for span in spans:
        parts += (text[last : span.start], PLACEHOLDERS[span.kind])
        last = span.end
    parts.append(text[last:])
    return MaskedText("".join(parts), spans)


def _as_text(text: object) -> str:
    """A string whatever was passed in, so that masking never raises."""
    if isinstance(text, str):
        return text
    return "" if text is None else str(text)


def _digit_view(text: str) -> str:
    """The text with Thai digits as 0-9, character for character (ten replaces beat str.translate fivefold)."""
    for thai, arabic in _THAI_DIGITS:
        text = text.replace(thai, arabic)
    return text.translate(_DIGIT_VIEW) if _OTHER_DIGIT.search(text) else text


def _found(pattern: re.Pattern[str], view: str, kind: str) -> list[_Finding]:
    """All matches of one pattern as findings of one kind."""
    priority = _PRIORITY[kind]
    return [(priority, m.start(), m.end(), kind) for m in pattern.finditer(view)]


def _plausible_id(number: str) -> bool:
    """A 13-digit run typed with spaces is an ID only in the 1 2345 67890 12 3 layout or with a valid check digit."""
    if " " not in number and "\u00a0" not in number:
        return True
    groups = [len(g) for g in re.split(r"[^0-9]+", number) if g]
    if groups == [1, 4, 5, 2, 1]:
        return True
    digits = [int(c) for c in number if c.isdigit()]
    return (11 - sum(d * (13 - i) for i, d in enumerate(digits[:12])) % 11) % 10 == digits[12]


def _bank_accounts(view: str) -> list[_Finding]:
    """10-12 digit numbers with a bank word nearby (บัญชี, ธนาคาร, กสิกร, โอนเข้า…) that are not amounts of money."""
    findings: list[_Finding] = []
    for m in _BANK_DIGITS.finditer(view):
        start, end = m.span()
        near = view[max(0, start - 40) : start] + " " + view[end : end + 30]
        if _BANK_WORDS.search(near.lower()) and not _MONEY_AFTER.match(view, end):
            findings.append((_PRIORITY["bank_account"], start, end, "bank_account"))
    return findings


def _house_numbers(view: str) -> list[_Finding]:
    """House numbers after บ้านเลขที่/เลขที่, and bare 99/12 numbers next to an address word such as หมู่ or ซอย."""
    priority = _PRIORITY["house_number"]
    findings: list[_Finding] = []
    if "ที่" in view or "ลข" in view:
        for m in _HOUSE_AFTER_WORD.finditer(view):
            if not _is_house_after_word(m, view):
                continue
            if m.end("first") == m.end("num"):
                findings.append((priority, *m.span("num"), "house_number"))
            else:  # each number of a list or range (12/3, 12/5 และ 12/9) on its own
                findings += [(priority, *h.span(), "house_number") for h in _ONE_HOUSE.finditer(view, *m.span("num"))]
    if "/" in view:
        findings += [(priority, *m.span(), "house_number") for m in _HOUSE_SLASH.finditer(view) if _is_house(m, view)]
    return findings


def _is_house_after_word(m: re.Match[str], view: str) -> bool:
    """Whether the number after บ้านเลขที่/เลขที่ is a house: not a case number (2567-1190), not a document's."""
    if view.startswith("25", m.start("num")) and _CASE_NUMBER.match(view, m.start("num")):
        return False
    bare = m.group("key").startswith("เลข")
    return not (bare and _NOT_A_HOUSE_BEFORE.search(view, max(0, m.start() - 30), m.start()))


def _is_house(m: re.Match[str], view: str) -> bool:
    """Whether a bare 99/12 number sits in an address rather than being a soi, a date or a document number."""
    start, end = m.span()
    subnumber = m.group().split("/")[1]
    if len(subnumber) == 4 and subnumber.startswith("25"):
        return False  # …/2567 is a Buddhist-Era year: a document number
    if _HOUSE_SLASH_BEFORE.search(view, max(0, start - 12), start):
        return True
    return bool(_HOUSE_SLASH_AFTER.match(view, end)) and not _NOT_A_HOUSE_SLASH.search(view, max(0, start - 24), start)


def _resolve(findings: list[_Finding], text: str) -> tuple[PiiSpan, ...]:
    """Non-overlapping spans in text order, keeping the higher-priority finding where two overlap."""
    if not findings:
        return ()
    taken = bytearray(len(text))
    kept: list[PiiSpan] = []
    for _, start, end, kind in sorted(findings):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(PiiSpan(start, end, "bank_account" if kind == "bank_layout" else kind, text[start:end]))
    return tuple(sorted(kept, key=lambda span: span.start))
