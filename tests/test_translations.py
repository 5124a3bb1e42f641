"""English is a full second language: every Thai string has an English translation, compiled."""

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "webapp" / "translations" / "en" / "LC_MESSAGES"
METHODS = [("webapp/**.py", "python"), ("webapp/templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}


def source_messages() -> set[str]:
    found = extract_from_dir(str(ROOT), METHODS, keywords=KEYWORDS)
    return {message for _file, _line, message, _comments, _context in found if isinstance(message, str)}


def test_every_thai_string_in_the_code_has_an_english_translation() -> None:
    with (CATALOG / "messages.po").open("rb") as po:
        catalog = read_po(po)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    missing = source_messages() - translated
    assert not missing, f"add these to messages.po (pybabel update, then compile): {sorted(missing)}"


def test_the_compiled_catalog_matches_the_po_file() -> None:
    with (CATALOG / "messages.po").open("rb") as po:
        expected = {m.id: m.string for m in read_po(po) if m.id}
    compiled = read_mo(io.BytesIO((CATALOG / "messages.mo").read_bytes()))
    assert {m.id: m.string for m in compiled if m.id} == expected, "run: pybabel compile -d webapp/translations"
