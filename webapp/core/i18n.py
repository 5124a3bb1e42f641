"""Choosing between the Thai and English words of a record, by the visitor's language."""

from flask import has_request_context, request

LOCALES = ("th", "en")
LANG_COOKIE = "lang"


def select_locale() -> str:
    """Thai unless the visitor chose English (cookie set by /lang/<code>); Thai outside a request."""
    if not has_request_context():
        return "th"
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in LOCALES else "th"


def localized_name(area: object) -> str:
    """An area's name in the visitor's language."""
    return area.name_en if select_locale() == "en" else area.name_th  # type: ignore[attr-defined]
