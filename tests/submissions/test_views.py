"""The intake form and the public page, through real HTTP requests."""

import io
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.conftest import csrf_token, image_bytes
from webapp.areas.models import Village
from webapp.extensions import db
from webapp.submissions.models import Submission, SubmissionPhoto

NEED = "ไฟส่องสว่างทางเข้าหมู่บ้านดับมาสองเดือน กลางคืนมืดมาก อยากให้ซ่อมไฟ"


def form(client: FlaskClient, village: Village, **changes: object) -> dict:
    data = {"csrf_token": csrf_token(client), "province": "56", "district": "5601", "subdistrict": "560110",
            "village_id": str(village.id), "text": NEED, "phone": "", "latitude": "", "longitude": "",
            "action": "send"}
    data.update(changes)
    return data


def post(client: FlaskClient, data: dict):
    return client.post("/submit", data=data, content_type="multipart/form-data")


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(Submission))


def uploads(app: Flask) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return list(folder.iterdir()) if folder.exists() else []


def test_landing_page_explains_the_service_in_thai(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert 'lang="th"' in page
    assert "แจ้งปัญหา / ความต้องการ" in page
    assert 'href="/submit"' in page


def test_a_need_with_a_photo_appears_on_its_public_page(app: Flask, client: FlaskClient, village: Village) -> None:
    data = form(client, village, phone="0812345678", latitude="19.1664", longitude="99.9019",
                photos=(io.BytesIO(image_bytes()), "ถนน.jpg"))
    response = post(client, data)

    assert response.status_code == 303
    submission = db.session.scalars(select(Submission)).one()
    assert response.headers["Location"].endswith(f"/s/{submission.reference}")
    assert "sc_visitor=" in response.headers["Set-Cookie"]

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert submission.reference in page
    assert NEED in page
    assert "หมู่ที่ 3 บ้านแม่กา ต.แม่กา อ.เมืองพะเยา จ.พะเยา" in page
    assert "รับเรื่องแล้ว" in page
    assert f"{submission.created_at.year + 543}" in page, "the date is in Buddhist Era"
    assert not re.search(r"081\D?234\D?5678", page), "the contact phone is never shown, in any layout"
    photo_url = f"/photos/{submission.photos[0].filename}"
    assert photo_url in page
    photo = client.get(photo_url)
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"


def test_the_form_offers_every_province_after_areas_load(app: Flask, client: FlaskClient) -> None:
    runner = app.test_cli_runner()
    assert runner.invoke(args=["areas", "load"]).exit_code == 0

    page = client.get("/submit").get_data(as_text=True)
    province_select = page[page.index('name="province"'):page.index('name="district"')]
    assert province_select.count("<option value=\"") == 77 + 1  # the provinces plus "— เลือก —"
    assert ">พะเยา</option>" in province_select and ">กรุงเทพมหานคร</option>" in province_select


def test_area_choices_work_without_javascript(client: FlaskClient, village: Village) -> None:
    data = form(client, village, action="refresh", district="", subdistrict="", village_id="")
    response = post(client, data)

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ">เมืองพะเยา</option>" in page
    assert NEED in page, "the text typed so far is kept"
    assert stored() == 0


def test_area_json_endpoints_feed_the_dependent_selects(client: FlaskClient, village: Village) -> None:
    districts = client.get("/areas/provinces/56/districts.json").get_json()
    assert {"value": "5601", "label": "เมืองพะเยา"} in districts
    villages = client.get("/areas/subdistricts/560110/villages.json").get_json()
    assert villages == [{"value": village.id, "label": "หมู่ที่ 3 บ้านแม่กา"}]


@pytest.mark.parametrize(
    ("changes", "status", "message"),
    [
        ({"text": ""}, 422, "กรุณาเขียนเรื่องที่ต้องการแจ้ง"),
        ({"text": "ถ" * 10_000}, 422, "ข้อความยาวเกิน 3,000 ตัวอักษร"),
        ({"photos": (io.BytesIO(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "photo.jpg")}, 422,
         "ไฟล์นี้ไม่ใช่รูปภาพที่รองรับ"),
        ({"village_id": "999999"}, 422, "ไม่พบหมู่บ้านที่เลือก"),
        ({"village_id": ""}, 422, "กรุณาเลือกหมู่บ้าน"),
        ({"latitude": "สิบเก้า", "longitude": "99.9"}, 422, "ตำแหน่งต้องเป็นตัวเลข"),
        ({"phone": "abc"}, 422, "เบอร์โทรศัพท์ไม่ถูกต้อง"),
        ({"csrf_token": ""}, 400, "แบบฟอร์มหมดอายุหรือไม่สมบูรณ์"),
    ],
)
def test_bad_input_gets_a_clear_thai_message_and_stores_nothing(
    app: Flask, client: FlaskClient, village: Village, changes: dict, status: int, message: str
) -> None:
    response = post(client, form(client, village, **changes))

    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert stored() == 0
    assert uploads(app) == []


def test_a_20_mb_image_is_refused_with_a_thai_message(app: Flask, client: FlaskClient, village: Village) -> None:
    big = image_bytes() + b"\0" * (20 * 1024 * 1024)
    response = post(client, form(client, village, photos=(io.BytesIO(big), "big.jpg")))

    assert response.status_code == 413
    assert "ใหญ่เกินไป" in response.get_data(as_text=True)
    assert stored() == 0 and uploads(app) == []


def test_a_6_mb_image_within_the_request_limit_gets_the_form_back(client: FlaskClient, village: Village) -> None:
    big = image_bytes() + b"\0" * (6 * 1024 * 1024)
    response = post(client, form(client, village, photos=(io.BytesIO(big), "big.jpg")))

    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "รูปภาพใหญ่เกินไป (ไม่เกิน 5 MB ต่อรูป)" in page
    assert NEED in page and stored() == 0


def test_a_flood_of_posts_from_one_client_is_stopped(client: FlaskClient, village: Village) -> None:
    statuses = [post(client, form(client, village, text=f"{NEED} ครั้งที่ {i}")).status_code for i in range(8)]

    assert statuses == [303] * 5 + [429] * 3
    assert stored() == 5
    response = post(client, form(client, village))
    assert "ส่งเรื่องถี่เกินไป" in response.get_data(as_text=True)


def test_the_public_page_of_an_unknown_reference_is_a_thai_404(client: FlaskClient) -> None:
    response = client.get("/s/CH-2570-9999999")
    assert response.status_code == 404
    assert "ไม่พบหน้าหรือเรื่องที่ต้องการ" in response.get_data(as_text=True)


def test_following_a_reference_leads_to_its_page(client: FlaskClient, village: Village) -> None:
    location = post(client, form(client, village)).headers["Location"]
    reference = location.rsplit("/", 1)[1]

    response = client.get(f"/follow?reference= {reference.lower()} ")
    assert response.status_code == 302 and response.headers["Location"].endswith(reference)


def test_photos_not_attached_to_a_need_are_not_served(client: FlaskClient) -> None:
    assert client.get("/photos/../../config.py").status_code == 404
    assert client.get("/photos/deadbeef.jpg").status_code == 404


def test_english_can_be_chosen_and_thai_stays_the_default(client: FlaskClient) -> None:
    response = client.get("/lang/en?next=/submit")
    assert response.status_code == 302 and response.headers["Location"] == "/submit"
    page = client.get("/submit").get_data(as_text=True)
    assert 'lang="en"' in page and "Report a problem or need" in page
    assert client.get("/lang/en?next=https://evil.example/").headers["Location"] == "/"


def test_pages_carry_security_headers(client: FlaskClient) -> None:
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_photo_rows_match_the_files(app: Flask, client: FlaskClient, village: Village) -> None:
    post(client, form(client, village, photos=[(io.BytesIO(image_bytes("PNG")), "a.png"),
                                             (io.BytesIO(image_bytes("WEBP")), "b.webp")]))
    names = set(db.session.scalars(select(SubmissionPhoto.filename)))
    assert names == {p.name for p in uploads(app)} and len(names) == 2


@pytest.fixture
def behind_one_proxy(app_config):
    app_config.TRUSTED_PROXIES = 1
    app_config.SUBMIT_RATE_LIMIT = "1 per minute"
    return app_config


def test_behind_a_proxy_each_villager_has_their_own_limit(behind_one_proxy, client: FlaskClient,
                                                          village: Village) -> None:
    def post_from(address: str) -> int:
        data = form(client, village)
        return client.post("/submit", data=data, headers={"X-Forwarded-For": address}).status_code

    assert [post_from("203.0.113.7"), post_from("203.0.113.7"), post_from("198.51.100.9")] == [303, 429, 303]
