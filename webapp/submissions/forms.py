"""The web intake form; its validators only echo the rules the service enforces."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FloatField, MultipleFileField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from webapp.submissions import rules


def optional_int(value: object) -> int | None:
    """Coerce a select's value to an int, or None when nothing (or nonsense) was chosen."""
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


class CoordinateField(FloatField):
    """A decimal degree; Thai digits and a decimal comma are accepted, nonsense gets a Thai message."""

    def process_formdata(self, valuelist: list[str]) -> None:
        raw = (valuelist[0] if valuelist else "").strip()
        self.data = None
        if raw:
            try:
                self.data = float(raw.translate(rules.THAI_DIGITS).replace(",", "."))
            except ValueError as exc:
                raise ValueError(rules.LOCATION_NOT_NUMBER) from exc


class SubmitForm(FlaskForm):
    province = SelectField(_l("จังหวัด"), validate_choice=False)
    district = SelectField(_l("อำเภอ / เขต"), validate_choice=False)
    subdistrict = SelectField(_l("ตำบล / แขวง"), validate_choice=False)
    village_id = SelectField(_l("หมู่บ้าน"), validate_choice=False, coerce=optional_int,
                             validators=[InputRequired(message=rules.VILLAGE_MISSING)])
    text = TextAreaField(
        _l("เรื่องที่ต้องการแจ้ง"),
        validators=[InputRequired(message=rules.TEXT_EMPTY),
                    Length(max=rules.MAX_TEXT_CHARS, message=rules.TEXT_TOO_LONG)],
        render_kw={"rows": 6, "maxlength": rules.MAX_TEXT_CHARS},
    )
    photos = MultipleFileField(_l("รูปภาพ (ถ้ามี ไม่เกิน %(n)s รูป)", n=rules.MAX_PHOTOS),
                               render_kw={"accept": ",".join(t for t, _ in rules.PHOTO_FORMATS.values())})
    latitude = CoordinateField(_l("ละติจูด"), validators=[Optional()], render_kw={"inputmode": "decimal"})
    longitude = CoordinateField(_l("ลองจิจูด"), validators=[Optional()], render_kw={"inputmode": "decimal"})
    phone = StringField(_l("เบอร์โทรศัพท์ (ถ้ามี)"), validators=[Optional(), Length(max=20)],
                        render_kw={"inputmode": "tel", "autocomplete": "tel"})
