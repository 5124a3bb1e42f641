"""Administrative areas: province → district → subdistrict → village (หมู่ที่)."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db

#: Bangkok names its districts เขต and subdistricts แขวง instead of อำเภอ and ตำบล.
BANGKOK_CODE = "10"


class Province(db.Model):
    __tablename__ = "provinces"

    #: Two-digit code of the Department of Provincial Administration (e.g. "56" Phayao).
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))

    districts: Mapped[list["District"]] = relationship(back_populates="province", order_by="District.code")


class District(db.Model):
    __tablename__ = "districts"

    #: Four-digit DOPA code; its first two digits are the province.
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))

    province: Mapped[Province] = relationship(back_populates="districts")
    subdistricts: Mapped[list["Subdistrict"]] = relationship(back_populates="district", order_by="Subdistrict.code")


class Subdistrict(db.Model):
    __tablename__ = "subdistricts"

    #: Six-digit DOPA code; its first four digits are the district.
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    district_code: Mapped[str] = mapped_column(ForeignKey("districts.code"), index=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    #: Space-separated postal codes (a subdistrict may have more than one).
    postal_codes: Mapped[str] = mapped_column(String(60), default="")

    district: Mapped[District] = relationship(back_populates="subdistricts")
    villages: Mapped[list["Village"]] = relationship(back_populates="subdistrict", order_by="Village.moo")


class Village(db.Model):
    __tablename__ = "villages"
    __table_args__ = (UniqueConstraint("subdistrict_code", "moo"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subdistrict_code: Mapped[str] = mapped_column(ForeignKey("subdistricts.code"), index=True)
    #: หมู่ที่: the village's number within its subdistrict.
    moo: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))

    subdistrict: Mapped[Subdistrict] = relationship(back_populates="villages")

    @property
    def label_th(self) -> str:
        """'หมู่ที่ 3 บ้านแม่กา' — how a villager names their village."""
        return f"หมู่ที่ {self.moo} {self.name}"

    @property
    def full_name_th(self) -> str:
        """Village with its subdistrict, district and province, in Thai address order."""
        sub = self.subdistrict
        dist, prov = sub.district, sub.district.province
        if prov.code == BANGKOK_CODE:
            return f"{self.label_th} แขวง{sub.name_th} เขต{dist.name_th} {prov.name_th}"
        return f"{self.label_th} ต.{sub.name_th} อ.{dist.name_th} จ.{prov.name_th}"

    @property
    def full_name_en(self) -> str:
        """The same address in English, for the English interface."""
        sub = self.subdistrict
        return f"Moo {self.moo} {self.name}, {sub.name_en}, {sub.district.name_en}, {sub.district.province.name_en}"
