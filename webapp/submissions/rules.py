"""The rules a submission must follow, and their Thai messages: the one source for both."""

from flask_babel import lazy_gettext as _l

from webapp.submissions.models import SubmissionStatus

MIN_TEXT_CHARS = 3
MAX_TEXT_CHARS = 3000
MAX_PHOTOS = 3
#: Anything larger is refused whatever its byte size (a decompression bomb).
MAX_PHOTO_PIXELS = 40_000_000
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
#: Thailand with a margin: a pin outside this box is a mistake, not a village.
LAT_RANGE = (5.0, 21.0)
LON_RANGE = (97.0, 106.5)
REFERENCE_PREFIX = "CH"
REFERENCE_DIGITS = 7
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

TEXT_EMPTY = _l("กรุณาเขียนเรื่องที่ต้องการแจ้ง")
TEXT_TOO_SHORT = _l("ข้อความสั้นเกินไป กรุณาเล่ารายละเอียดเพิ่มอีกนิด")
TEXT_TOO_LONG = _l("ข้อความยาวเกิน %(max)s ตัวอักษร กรุณาสรุปให้สั้นลง", max=f"{MAX_TEXT_CHARS:,}")
TEXT_NOT_TEXT = _l("ข้อความมีอักขระที่อ่านไม่ได้ กรุณาพิมพ์ใหม่")
VILLAGE_MISSING = _l("กรุณาเลือกหมู่บ้าน")
VILLAGE_UNKNOWN = _l("ไม่พบหมู่บ้านที่เลือก กรุณาเลือกใหม่")
LOCATION_INCOMPLETE = _l("กรุณาระบุทั้งละติจูดและลองจิจูด หรือเว้นว่างทั้งสองช่อง")
LOCATION_NOT_NUMBER = _l("ตำแหน่งต้องเป็นตัวเลข เช่น 19.1664")
LOCATION_OUTSIDE = _l("ตำแหน่งที่ระบุอยู่นอกประเทศไทย กรุณาตรวจสอบอีกครั้ง")
PHONE_INVALID = _l("เบอร์โทรศัพท์ไม่ถูกต้อง กรุณาใส่เบอร์ 9–10 หลัก เช่น 0812345678")
PHOTO_NOT_IMAGE = _l("ไฟล์นี้ไม่ใช่รูปภาพที่รองรับ กรุณาส่งรูป JPEG, PNG หรือ WebP")
PHOTO_TOO_MANY = _l("ส่งรูปได้ไม่เกิน %(n)s รูปต่อเรื่อง", n=MAX_PHOTOS)
PHOTO_EMPTY = _l("ไฟล์รูปภาพว่างเปล่า กรุณาเลือกรูปใหม่")
SUBMISSION_NOT_FOUND = _l("ไม่พบเรื่องที่แจ้งไว้")



def photo_too_large(max_bytes: int) -> str:
    """The Thai message for a photo over the configured size."""
    return _l("รูปภาพใหญ่เกินไป (ไม่เกิน %(mb)s MB ต่อรูป)", mb=f"{max_bytes / 1024 / 1024:g}")


STATUS_LABELS = {
    SubmissionStatus.RECEIVED: _l("รับเรื่องแล้ว"),
    SubmissionStatus.IN_REVIEW: _l("กำลังพิจารณา"),
    SubmissionStatus.ACCEPTED: _l("รับเข้าแผนแล้ว"),
    SubmissionStatus.REJECTED: _l("ไม่รับเรื่อง"),
    SubmissionStatus.MERGED: _l("รวมกับเรื่องที่คล้ายกันแล้ว"),
    SubmissionStatus.WITHDRAWN: _l("ถอนเรื่องแล้ว"),
}

#: The NLP labels as shown to people (the Thai words are nlp.KIND_NAMES_TH / SECTOR_NAMES_TH; a test keeps them equal).
KIND_LABELS = {
    "problem": _l("ปัญหา"),
    "wish": _l("ความต้องการ"),
    "both": _l("ปัญหาและความต้องการ"),
    "other": _l("อื่น ๆ"),
}
SECTOR_LABELS = {
    "road": _l("ถนนและการคมนาคม"),
    "water": _l("แหล่งน้ำ"),
    "utilities": _l("ไฟฟ้าและสาธารณูปโภค"),
    "environment": _l("สิ่งแวดล้อม"),
    "safety": _l("ความปลอดภัย"),
    "agriculture": _l("การเกษตร"),
    "economy": _l("เศรษฐกิจและอาชีพ"),
    "welfare": _l("สุขภาพและสวัสดิการ"),
    "education": _l("การศึกษาและวัฒนธรรม"),
    "governance": _l("การบริหารจัดการ"),
    "other": _l("อื่น ๆ"),
}
