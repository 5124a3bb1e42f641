"""Helpers templates use: Buddhist-Era dates, status labels, the current language."""

from datetime import date, datetime

from flask import Flask

from webapp.core.dates import format_date_be, format_date_en
from webapp.core.i18n import select_locale


def date_for_reader(moment: datetime | date | None, with_time: bool = False) -> str:
    """A date in Buddhist Era, worded for the visitor's language."""
    if moment is None:
        return ""
    if select_locale() == "en":
        return format_date_en(moment, with_time=with_time)
    return format_date_be(moment, with_time=with_time)


def register_template_helpers(app: Flask) -> None:
    from webapp.submissions.rules import KIND_LABELS, SECTOR_LABELS, STATUS_LABELS

    app.add_template_filter(date_for_reader, "be_date")
    app.add_template_global(select_locale, "current_locale")
    app.add_template_global(STATUS_LABELS, "STATUS_LABELS")
    app.add_template_global(KIND_LABELS, "KIND_LABELS")
    app.add_template_global(SECTOR_LABELS, "SECTOR_LABELS")
