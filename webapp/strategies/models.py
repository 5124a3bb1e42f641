"""Development strategies: a province's ประเด็นยุทธศาสตร์, or the six national pillars."""

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


class Strategy(db.Model):
    __tablename__ = "strategies"
    __table_args__ = (UniqueConstraint("province_code", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The province whose plan this is; None for the national strategy pillars.
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"), index=True)
    #: Short code as the plan numbers it ("1".."6" for the national pillars, "AC2", …).
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    @property
    def is_national(self) -> bool:
        return self.province_code is None
