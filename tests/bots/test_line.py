"""The whole LINE conversation, through the webhook, the real SDK and the fake LINE API."""

from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.bots.conftest import line_event, post_line
from tests.bots.fake_platforms import FakePlatforms
from tests.conftest import image_bytes
from webapp.areas.models import Village
from webapp.chats.models import ChatState
from webapp.citizens.models import ChannelIdentity, Citizen
from webapp.extensions import db
from webapp.submissions.models import Submission, SubmissionStatus, Support

ALICE = "U" + "1" * 32
BOB = "U" + "2" * 32
MAP_ADDRESS = "ตำบลแม่กา อำเภอเมืองพะเยา พะเยา 56000"


def last_reply(platforms: FakePlatforms) -> list[dict]:
    return platforms.line_replies()[-1]["messages"]


def texts(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def buttons(messages: list[dict]) -> dict[str, str]:
    items = messages[-1].get("quickReply", {}).get("items", [])
    return {item["action"]["label"]: item["action"]["data"] for item in items}


def press(client: FlaskClient, data: str, user: str = ALICE) -> None:
    assert post_line(client, line_event("postback", user, data=data)).status_code == 200


def say(client: FlaskClient, text: str, user: str = ALICE) -> None:
    assert post_line(client, line_event("message", user, type="text", text=text)).status_code == 200


def join_by_map(client: FlaskClient, platforms: FakePlatforms, user: str = ALICE, moo: int = 3) -> None:
    """Follow, keep the name, share a location, pick หมู่ที่ `moo`."""
    assert post_line(client, line_event("follow", user)).status_code == 200
    press(client, "consent:yes", user)
    location = line_event("message", user, type="location", title="บ้าน", address=MAP_ADDRESS,
                          latitude=19.2, longitude=99.9)
    assert post_line(client, location).status_code == 200
    village = db.session.scalar(select(Village).filter_by(subdistrict_code="560110", moo=moo))
    press(client, f"village:{village.id}", user)


def test_first_contact_greets_shows_the_privacy_notice_and_asks_for_the_name(client, mae_ka, platforms) -> None:
    assert post_line(client, line_event("follow", ALICE)).status_code == 200
    messages = last_reply(platforms)
    assert "เสียงชุมชน" in messages[0]["text"]
    assert "ความเป็นส่วนตัว" in messages[1]["text"] and "ลบข้อมูลของฉัน" in messages[1]["text"]
    assert set(buttons(messages)) == {"เก็บชื่อได้", "ไม่ระบุชื่อ"}


def test_a_map_pin_finds_the_subdistrict_and_the_village_is_remembered(client, mae_ka, platforms) -> None:
    platforms.line_profiles[ALICE] = "ป้าแดง"
    post_line(client, line_event("follow", ALICE))
    press(client, "consent:yes")
    assert "ส่งตำแหน่ง" in texts(last_reply(platforms))
    post_line(client, line_event("message", ALICE, type="location", address=MAP_ADDRESS, latitude=19.2,
                                 longitude=99.9))
    choices = buttons(last_reply(platforms))
    assert "แม่กา" in texts(last_reply(platforms))
    assert len(choices) == 13 and choices["หมู่ถัดไป ›"] == "villages:560110:1"
    press(client, "villages:560110:1")
    assert set(buttons(last_reply(platforms))) == {"หมู่ 13 บ้านแม่กา13", "หมู่ 14 บ้านแม่กา14"}
    press(client, choices["หมู่ 3 บ้านแม่กา3"])
    assert "บันทึกหมู่บ้านแล้ว: หมู่ที่ 3 บ้านแม่กา3" in texts(last_reply(platforms))
    state = db.session.scalar(select(ChatState))
    assert state.village.moo == 3 and state.identity.display_name == "ป้าแดง"


def test_without_consent_no_name_is_kept_and_a_typed_place_offers_buttons(client, mae_ka, platforms) -> None:
    post_line(client, line_event("follow", BOB))
    press(client, "consent:no", BOB)
    say(client, "ต.แม่กา อ.เมือง พะเยา", BOB)
    assert "หมู่ 1 บ้านแม่กา1" in buttons(last_reply(platforms))
    say(client, "หมู่ ๕", BOB)
    assert "หมู่ที่ 5" in texts(last_reply(platforms))
    identity = db.session.scalar(select(ChannelIdentity))
    assert identity.display_name is None
    assert platforms.sent("line", "GET /v2/bot/profile/{userId}") == []  # the name was never even fetched


def test_an_ambiguous_place_offers_each_subdistrict(client, mae_ka, platforms) -> None:
    post_line(client, line_event("follow", BOB))
    press(client, "consent:no", BOB)
    say(client, "บ้านแม่กาใต้สุดเขตนี้", BOB)  # no subdistrict of that name: kept as a need for later
    assert "เก็บเรื่องนี้ไว้ก่อน" in texts(last_reply(platforms))
    say(client, "เวียง", BOB)  # two subdistricts of Phayao have this name
    assert set(buttons(last_reply(platforms)).values()) == {"place:560101", "place:560307"}
    say(client, "ต.แม่กา", BOB)
    press(client, buttons(last_reply(platforms))["หมู่ 2 บ้านแม่กา2"], BOB)
    held = db.session.scalar(select(Submission))
    assert held.text == "บ้านแม่กาใต้สุดเขตนี้" and held.village.moo == 2
    assert held.reference in texts(last_reply(platforms))


def test_a_need_gets_its_reference_what_was_understood_and_the_masked_text(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ รถล้มบ่อย โทร 081-234-5678")
    submission = db.session.scalar(select(Submission))
    reply = texts(last_reply(platforms))
    assert submission.reference in reply and submission.village.moo == 3
    assert "ถนน" in reply and "ปัญหา" in reply
    assert "081-234-5678" not in reply and "โทร [เบอร์โทร]" in reply
    assert submission.citizen.identities[0].reply_address == ALICE


def test_a_wish_is_asked_once_for_its_problem_which_is_stored_on_the_same_need(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "อยากได้ไฟส่องสว่างริมถนนสายหลักของหมู่บ้าน")
    assert "เพราะเกิดปัญหาอะไร" in texts(last_reply(platforms))
    say(client, "กลางคืนมืดมาก เด็กนักเรียนกลับบ้านอันตราย ติดต่อ 0812345678")
    assert db.session.scalar(select(func.count(Submission.id))) == 1
    submission = db.session.scalar(select(Submission))
    assert submission.problem_statement == "กลางคืนมืดมาก เด็กนักเรียนกลับบ้านอันตราย ติดต่อ 0812345678"
    assert submission.masked_problem_statement == "กลางคืนมืดมาก เด็กนักเรียนกลับบ้านอันตราย ติดต่อ [เบอร์โทร]"
    assert submission.kind == "wish", "the labels are those of the need's own text"
    assert submission.reference in texts(last_reply(platforms))
    say(client, "อยากได้ศาลาพักรอรถโดยสารหน้าวัด")
    assert db.session.scalar(select(func.count(Submission.id))) == 2


def test_a_similar_open_need_can_be_supported_instead(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms, ALICE)
    say(client, "ถนนคอนกรีตหน้าวัดแตกเป็นหลุมใหญ่ รถจักรยานยนต์ล้มบ่อยมาก", ALICE)
    first = db.session.scalar(select(Submission))
    join_by_map(client, platforms, BOB)
    say(client, "ถนนหน้าวัดแตกเป็นหลุมใหญ่ รถจักรยานยนต์ล้มบ่อย", BOB)
    messages = last_reply(platforms)
    assert first.reference in texts(messages)
    press(client, buttons(messages)["ร่วมสนับสนุน 1"], BOB)
    second = db.session.scalar(select(Submission).where(Submission.id != first.id))
    assert second.status == SubmissionStatus.WITHDRAWN
    assert [s.citizen_id for s in db.session.scalars(select(Support))] == [second.citizen_id]
    assert "ร่วมสนับสนุน" in texts(last_reply(platforms))


def test_a_photo_after_the_need_attaches_and_a_photo_first_waits_for_the_text(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    platforms.line_content["9001"] = image_bytes("JPEG")
    photo = line_event("message", ALICE, type="image", contentProvider={"type": "line"})
    photo["message"]["id"] = "9001"
    post_line(client, photo)
    assert "ได้รับรูปแล้ว" in texts(last_reply(platforms))
    say(client, "ท่อระบายน้ำอุดตัน น้ำท่วมขังหน้าบ้านทุกครั้งที่ฝนตก")
    submission = db.session.scalar(select(Submission))
    assert len(submission.photos) == 1
    photo["webhookEventId"], photo["replyToken"] = "01JPHOTO2", "rt-photo-2"
    post_line(client, photo)
    db.session.expire_all()
    assert len(submission.photos) == 2 and submission.reference in texts(last_reply(platforms))
    location = line_event("message", ALICE, type="location", address=MAP_ADDRESS, latitude=19.21, longitude=99.91)
    post_line(client, location)
    db.session.expire_all()
    assert (submission.latitude, submission.longitude) == (19.21, 99.91)


def test_a_photo_is_downloaded_before_the_turn_takes_its_locks(client, mae_ka, platforms, monkeypatch) -> None:
    """A slow LINE content API must not hold the chat's row (on SQLite: every writer) while it answers."""
    from bots.line.client import LineClient

    fetch = LineClient.photo
    in_transaction: list[bool] = []

    def watched(self: LineClient, message_id: str):
        download = fetch(self, message_id)
        return lambda: in_transaction.append(db.session().in_transaction()) or download()

    monkeypatch.setattr(LineClient, "photo", watched)
    join_by_map(client, platforms)
    say(client, "ท่อระบายน้ำอุดตัน น้ำท่วมขังหน้าบ้านทุกครั้งที่ฝนตก")
    platforms.line_content["9002"] = image_bytes("JPEG")
    photo = line_event("message", ALICE, type="image", contentProvider={"type": "line"})
    photo["message"]["id"] = "9002"
    post_line(client, photo)
    assert in_transaction == [False]
    assert len(db.session.scalar(select(Submission)).photos) == 1


def test_a_photo_line_cannot_deliver_is_answered_in_thai_and_stores_nothing(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ท่อระบายน้ำอุดตัน น้ำท่วมขังหน้าบ้านทุกครั้งที่ฝนตก")
    photo = line_event("message", ALICE, type="image", contentProvider={"type": "line"})
    photo["message"]["id"] = "404404"
    post_line(client, photo)
    assert texts(last_reply(platforms)) == "ขออภัย ระบบขัดข้องชั่วคราว กรุณาลองอีกครั้ง"
    assert len(platforms.sent("line", "GET /v2/bot/message/{messageId}/content")) == 1, "fetched once, not again"
    assert db.session.scalar(select(Submission)).photos == []


def test_status_lists_my_needs_and_help_shows_the_commands(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ติดตาม")
    assert "ยังไม่มีเรื่อง" in texts(last_reply(platforms))
    say(client, "ไฟฟ้าดับบ่อยมากในหมู่บ้าน ตู้เย็นเสียไปหลายบ้านแล้ว")
    say(client, "ติดตาม")
    reference = db.session.scalar(select(Submission.reference))
    assert reference in texts(last_reply(platforms)) and "รับเรื่องแล้ว" in texts(last_reply(platforms))
    say(client, "ช่วยเหลือ")
    assert "ลบข้อมูลของฉัน" in buttons(last_reply(platforms))
    say(client, "เปลี่ยนหมู่บ้าน")
    assert "ส่งตำแหน่ง" in texts(last_reply(platforms))


def test_forget_after_confirmation_erases_the_villager_but_keeps_the_need(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ขยะล้นถังหน้าตลาด ส่งกลิ่นเหม็นมาหลายวัน")
    say(client, "ลบข้อมูลของฉัน")
    assert "ยืนยัน" in texts(last_reply(platforms))
    press(client, "forget:yes")
    assert "ลบข้อมูลของคุณแล้ว" in texts(last_reply(platforms))
    submission = db.session.scalar(select(Submission))
    assert submission.citizen_id is None
    assert db.session.scalar(select(func.count(Citizen.id))) == 0
    assert db.session.scalar(select(func.count(ChannelIdentity.id))) == 0
    assert db.session.scalar(select(func.count(ChatState.id))) == 0


def test_forget_can_be_cancelled(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ลบข้อมูลของฉัน")
    press(client, "forget:no")
    assert "ยกเลิกแล้ว" in texts(last_reply(platforms))
    assert db.session.scalar(select(func.count(ChannelIdentity.id))) == 1


def test_stickers_voice_video_and_files_get_a_friendly_answer_and_store_nothing(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    contents = [
        {"type": "sticker", "packageId": "1", "stickerId": "2", "stickerResourceType": "STATIC"},
        {"type": "audio", "duration": 1000, "contentProvider": {"type": "line"}},
        {"type": "video", "duration": 1000, "contentProvider": {"type": "line"}},
        {"type": "file", "fileName": "a.pdf", "fileSize": 10},
    ]
    for content in contents:
        post_line(client, line_event("message", ALICE, **content))
        assert "รับได้เฉพาะข้อความ รูปภาพ และตำแหน่ง" in texts(last_reply(platforms))
    assert db.session.scalar(select(func.count(Submission.id))) == 0


def test_a_message_too_long_is_refused_in_thai_and_nothing_is_stored(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ถนนพัง" * 700)
    assert "ยาวเกิน" in texts(last_reply(platforms))
    assert db.session.scalar(select(func.count(Submission.id))) == 0


def test_a_forged_button_gets_a_thai_answer(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    press(client, "support:999:998")
    assert "ไม่พบเรื่อง" in texts(last_reply(platforms))
    press(client, "village:abc")
    assert "หมดอายุ" in texts(last_reply(platforms))


def test_a_location_sent_first_waits_for_the_need(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    post_line(client, line_event("message", ALICE, type="location", address=MAP_ADDRESS, latitude=19.25,
                                 longitude=99.95))
    assert "ได้รับตำแหน่งแล้ว" in texts(last_reply(platforms))
    say(client, "เสาไฟฟ้าเอียงจะล้มใส่บ้านคน")
    submission = db.session.scalar(select(Submission))
    assert (submission.latitude, submission.longitude) == (19.25, 99.95)


def test_asking_to_forget_twice_then_cancelling_carries_on_where_it_was(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    say(client, "ลบข้อมูลของฉัน")
    say(client, "ลบข้อมูลของฉัน")
    press(client, "forget:no")
    assert "ยกเลิกแล้ว" in texts(last_reply(platforms))
    say(client, "ไฟฟ้าดับบ่อยมากทั้งซอย")
    assert db.session.scalar(select(func.count(Submission.id))) == 1
    press(client, "forget:yes")  # an old button: nothing is deleted
    assert "หมดอายุ" in texts(last_reply(platforms))
    assert db.session.scalar(select(func.count(ChannelIdentity.id))) == 1


def test_a_need_with_a_number_typed_while_choosing_the_village_is_not_taken_for_a_moo(client, mae_ka,
                                                                                     platforms) -> None:
    post_line(client, line_event("follow", BOB))
    press(client, "consent:no", BOB)
    say(client, "ต.แม่กา", BOB)
    say(client, "ถนนสาย 2 พังมาก รถผ่านไม่ได้เลย", BOB)
    assert "เก็บเรื่องนี้ไว้ก่อน" in texts(last_reply(platforms))
    assert db.session.scalar(select(ChatState.village_id)) is None


def test_buttons_cannot_act_on_someone_elses_or_an_accepted_need(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms, ALICE)
    say(client, "ถนนหน้าโรงเรียนเป็นหลุมลึก รถล้มบ่อย", ALICE)
    alices = db.session.scalar(select(Submission))
    join_by_map(client, platforms, BOB)
    say(client, "ถนนหน้าโรงเรียนเป็นหลุมลึกมาก รถล้มบ่อย", BOB)
    bobs = db.session.scalar(select(Submission).where(Submission.id != alices.id))
    for forged in (f"support:{alices.id}:{bobs.id}", f"support:{bobs.id}:{bobs.id}", f"new:{alices.id}"):
        press(client, forged, BOB)
        assert "ไม่พบเรื่อง" in texts(last_reply(platforms))
    bobs.status = SubmissionStatus.ACCEPTED  # the committee took it in the meantime
    db.session.commit()
    press(client, f"support:{bobs.id}:{alices.id}", BOB)
    assert "ไม่พบเรื่อง" in texts(last_reply(platforms))
    db.session.expire_all()
    assert (alices.status, bobs.status) == (SubmissionStatus.RECEIVED, SubmissionStatus.ACCEPTED)
    assert db.session.scalar(select(func.count(Support.id))) == 0


def test_a_pin_outside_thailand_is_refused_and_does_not_block_the_next_need(client, mae_ka, platforms) -> None:
    join_by_map(client, platforms)
    post_line(client, line_event("message", ALICE, type="location", address="Tokyo", latitude=35.68,
                                 longitude=139.76))
    assert "นอกประเทศไทย" in texts(last_reply(platforms))
    say(client, "สะพานไม้ข้ามคลองผุพัง")
    assert db.session.scalar(select(Submission.latitude)) is None


def test_starting_again_keeps_the_name_the_villager_agreed_to(client, mae_ka, platforms) -> None:
    platforms.line_profiles[ALICE] = "ป้าแดง"
    join_by_map(client, platforms)
    post_line(client, line_event("follow", ALICE))  # unblocked the account again
    say(client, "น้ำประปาขุ่นมาก")
    assert db.session.scalar(select(ChannelIdentity.display_name)) == "ป้าแดง"
