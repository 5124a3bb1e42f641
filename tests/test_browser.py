"""The landing page and the form in headless Chromium at phone width: no sideways scrolling, no stray English."""

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.conftest import image_bytes, make_config
from webapp import create_app
from webapp.areas.models import Village
from webapp.areas.services import official_areas
from webapp.extensions import db

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: Latin words that belong on a Thai page: the language switch, file formats, units and the reference prefix.
ALLOWED_LATIN = {"English", "JPEG", "PNG", "WebP", "MB", "CH"}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str:
    """Debian's Chromium; without it the browser tests skip, unless CI demands them."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    reason = "Chromium is not installed (apt-get install chromium); browser tests need it"
    if os.environ.get("SIANG_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[Flask]:
    config = make_config(tmp_path)
    if config.SQLALCHEMY_DATABASE_URI == "sqlite://":
        config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'browser.db'}"
    app = create_app(config)
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.create_all()
        for model, rows in official_areas():
            db.session.add_all(model(**values) for values in rows if values["code"].startswith("56"))
        db.session.add(Village(subdistrict_code="560110", moo=3, name="บ้านแม่กา"))
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()


@pytest.fixture
def base_url(live_app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def page(base_url: str):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport=PHONE, locale="th-TH", base_url=base_url)
        yield context.new_page()
        browser.close()


def assert_fits_phone_and_speaks_thai(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {PHONE['width']}px"
    words = set(re.findall(r"[A-Za-z]{2,}", page.inner_text("body")))
    assert words <= ALLOWED_LATIN, f"{page.url} shows untranslated English: {sorted(words - ALLOWED_LATIN)}"


@pytest.mark.parametrize("path", ["/", "/submit"])
def test_pages_fit_a_phone_and_show_only_thai(page, path: str) -> None:
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "th"
    assert_fits_phone_and_speaks_thai(page)


def test_a_villager_reports_a_need_with_a_photo_on_a_phone(page, tmp_path: Path) -> None:
    page.goto("/submit")
    page.select_option("select[name=province]", "56")
    page.wait_for_selector("select[name=district] option[value='5601']", state="attached")
    page.select_option("select[name=district]", "5601")
    page.wait_for_selector("select[name=subdistrict] option[value='560110']", state="attached")
    page.select_option("select[name=subdistrict]", "560110")
    page.wait_for_selector("select[name=village_id] option:nth-child(2)", state="attached")
    page.select_option("select[name=village_id]", label="หมู่ที่ 3 บ้านแม่กา")
    page.fill("textarea[name=text]", "ท่อระบายน้ำหน้าวัดอุดตัน ฝนตกทีไรน้ำท่วมถนน อยากให้ขุดลอกท่อ")
    page.set_input_files("input[name=photos]", files=[
        {"name": "drain.jpg", "mimeType": "image/jpeg", "buffer": image_bytes()}])
    page.click("button[value=send]")

    page.wait_for_url(re.compile(r"/s/CH-25\d\d-\d{7}$"))
    assert "ท่อระบายน้ำหน้าวัดอุดตัน" in page.inner_text("main")
    assert page.locator(".photos img").count() == 1
    assert_fits_phone_and_speaks_thai(page)
    page.screenshot(path=str(tmp_path / "detail.png"), full_page=True)


def test_errors_are_shown_next_to_their_fields_in_thai(page) -> None:
    page.goto("/submit")
    page.click("button[value=send]")
    assert page.locator("#village_id-error").inner_text() == "กรุณาเลือกหมู่บ้าน"
    assert page.locator("#text-error").inner_text() == "กรุณาเขียนเรื่องที่ต้องการแจ้ง"
    assert page.locator("#village_id").get_attribute("aria-invalid") == "true"
    assert_fits_phone_and_speaks_thai(page)
