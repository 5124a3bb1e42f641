"""The whole Telegram conversation, through the webhook (and long polling), the real SDK and the fake Bot API."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.bots.conftest import post_telegram, telegram_button, telegram_update
from tests.bots.fake_platforms import FakePlatforms
from tests.conftest import image_bytes
from webapp.chats.models import ChatState
from webapp.citizens.models import ChannelIdentity, Citizen
from webapp.extensions import db
from webapp.submissions.models import Submission, SubmissionStatus, Support

SOMSRI, DAENG = 7001, 7002


def last_text(platforms: FakePlatforms) -> str:
    return platforms.telegram_texts()[-1]


def keyboard(platforms: FakePlatforms) -> dict[str, str]:
    markup = platforms.sent("telegram", "sendMessage")[-1].get("reply_markup") or {"inline_keyboard": []}
    return {button["text"]: button["callback_data"] for row in markup["inline_keyboard"] for button in row}


def say(client: FlaskClient, text: str, user: int = SOMSRI) -> None:
    assert post_telegram(client, telegram_update(user, text=text)).status_code == 200


def press(client: FlaskClient, data: str, user: int = SOMSRI) -> None:
    assert post_telegram(client, telegram_button(data, user)).status_code == 200


def join(client: FlaskClient, platforms: FakePlatforms, user: int = SOMSRI, moo: int = 4) -> None:
    say(client, "/start", user)
    press(client, "consent:yes", user)
    say(client, "ต.แม่กา อ.เมือง พะเยา", user)
    press(client, keyboard(platforms)[f"หมู่ {moo} บ้านแม่กา{moo}"], user)


def count(model: type) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_start_greets_with_the_privacy_notice_and_a_typed_place_leads_to_the_village(client, mae_ka,
                                                                                   platforms) -> None:
    say(client, "/start")
    assert "เสียงชุมชน" in platforms.telegram_texts()[0] and "ความเป็นส่วนตัว" in last_text(platforms)
    assert set(keyboard(platforms)) == {"เก็บชื่อได้", "ไม่ระบุชื่อ"}
    press(client, "consent:yes")
    say(client, "ต.แม่กา อ.เมือง พะเยา")
    assert len(keyboard(platforms)) == 13
    press(client, keyboard(platforms)["หมู่ 4 บ้านแม่กา4"])
    assert "บันทึกหมู่บ้านแล้ว: หมู่ที่ 4" in last_text(platforms)
    state = db.session.scalar(select(ChatState))
    assert state.village.moo == 4 and state.identity.display_name == "สมศรี"
    assert platforms.sent("telegram", "answerCallbackQuery")


def test_a_telegram_location_has_no_address_so_the_bot_asks_for_the_place(client, mae_ka, platforms) -> None:
    say(client, "/start")
    press(client, "consent:no")
    post_telegram(client, telegram_update(location={"latitude": 19.2, "longitude": 99.9}))
    assert "พิมพ์ชื่อตำบล" in last_text(platforms)
    assert db.session.scalar(select(ChatState.step)) == "place"


def test_a_need_a_wish_grounded_and_a_photo_attached(client, mae_ka, platforms) -> None:
    join(client, platforms)
    say(client, "อยากได้ถังขยะแยกประเภทประจำหมู่บ้าน")
    submission = db.session.scalar(select(Submission))
    assert submission.reference in platforms.telegram_texts()[-2]
    assert "เพราะเกิดปัญหาอะไร" in last_text(platforms) and "ข้าม" in keyboard(platforms)
    say(client, "ขยะทิ้งเกลื่อนริมทาง หมาคุ้ยกระจาย")
    db.session.expire_all()
    assert submission.problem_statement == "ขยะทิ้งเกลื่อนริมทาง หมาคุ้ยกระจาย"
    platforms.telegram_files["big-photo"] = image_bytes("JPEG", size=(64, 48))
    sizes = [{"file_id": "small-photo", "file_unique_id": "s", "width": 8, "height": 6},
             {"file_id": "big-photo", "file_unique_id": "b", "width": 64, "height": 48}]
    post_telegram(client, telegram_update(photo=sizes))
    db.session.expire_all()
    assert [(p.width, p.height) for p in submission.photos] == [(64, 48)]
    assert platforms.sent("telegram", "getFile")[-1]["file_id"] == "big-photo"
    assert count(Submission) == 1


def test_supporting_a_similar_need_withdraws_the_new_one(client, mae_ka, platforms) -> None:
    join(client, platforms, SOMSRI)
    say(client, "น้ำประปาหมู่บ้านขุ่นเป็นสีน้ำตาล ใช้อาบไม่ได้", SOMSRI)
    join(client, platforms, DAENG)
    say(client, "น้ำประปาขุ่นเป็นสีน้ำตาล อาบไม่ได้เลย", DAENG)
    first = db.session.scalar(select(Submission).order_by(Submission.id))
    assert first.reference in last_text(platforms)
    press(client, keyboard(platforms)["ร่วมสนับสนุน 1"], DAENG)
    newest = db.session.scalar(select(Submission).order_by(Submission.id.desc()))
    assert newest.status == SubmissionStatus.WITHDRAWN
    assert db.session.scalar(select(Support.submission_id)) == first.id


def test_status_and_forget_by_slash_commands(client, mae_ka, platforms) -> None:
    join(client, platforms)
    say(client, "ไฟฟ้าดับทั้งหมู่บ้านทุกเย็น")
    say(client, "/status")
    assert db.session.scalar(select(Submission.reference)) in last_text(platforms)
    say(client, "/help")
    assert "ติดตาม" in last_text(platforms)
    say(client, "/forget")
    press(client, keyboard(platforms)["ยืนยันลบ"])
    assert "ลบข้อมูลของคุณแล้ว" in last_text(platforms)
    assert count(Citizen) == count(ChannelIdentity) == 0
    assert db.session.scalar(select(Submission.citizen_id)) is None


def test_stickers_voice_video_and_documents_get_a_friendly_answer(client, mae_ka, platforms) -> None:
    join(client, platforms)
    others = [
        {"sticker": {"file_id": "st", "file_unique_id": "st", "type": "regular", "width": 1, "height": 1,
                     "is_animated": False, "is_video": False}},
        {"voice": {"file_id": "vo", "file_unique_id": "vo", "duration": 2}},
        {"video": {"file_id": "vi", "file_unique_id": "vi", "width": 1, "height": 1, "duration": 2}},
        {"document": {"file_id": "do", "file_unique_id": "do", "file_name": "a.pdf"}},
    ]
    for content in others:
        post_telegram(client, telegram_update(**content))
        assert "รับได้เฉพาะข้อความ รูปภาพ และตำแหน่ง" in last_text(platforms)
    assert count(Submission) == 0


def test_long_polling_handles_updates_like_the_webhook(app: Flask, mae_ka, platforms) -> None:
    platforms.telegram_updates += [telegram_update(text="/start"), telegram_button("consent:no")]
    result = app.test_cli_runner().invoke(args=["bots", "telegram-poll", "--once", "--timeout", "0"])
    assert result.exit_code == 0, result.output
    assert platforms.sent("telegram", "deleteWebhook")
    assert "คุณอยู่หมู่บ้านไหน" in last_text(platforms)
    assert db.session.scalar(select(ChatState.step)) == "place"


def test_set_webhooks_registers_both_platforms(app: Flask, platforms) -> None:
    result = app.test_cli_runner().invoke(args=["bots", "set-webhooks", "--base-url", "https://siang.example.org"])
    assert result.exit_code == 0, result.output
    assert platforms.sent("line", "PUT /v2/bot/channel/webhook/endpoint") == [
        {"endpoint": "https://siang.example.org/bots/line/webhook"}]
    webhook = platforms.sent("telegram", "setWebhook")[0]
    assert webhook["url"] == "https://siang.example.org/bots/telegram/webhook"
    assert webhook["secret_token"] == app.config["TELEGRAM_WEBHOOK_SECRET"]
    assert [c["command"] for c in platforms.sent("telegram", "setMyCommands")[0]["commands"]] == [
        "status", "village", "help", "forget"]
    refused = app.test_cli_runner().invoke(args=["bots", "set-webhooks", "--base-url", "http://insecure"])
    assert refused.exit_code != 0


def test_a_photo_sent_first_waits_for_the_text_and_a_long_message_is_refused(client, mae_ka, platforms) -> None:
    join(client, platforms)
    platforms.telegram_files["first-photo"] = image_bytes("PNG", size=(30, 20))
    post_telegram(client, telegram_update(photo=[{"file_id": "first-photo", "file_unique_id": "f", "width": 30,
                                                  "height": 20}]))
    assert "ได้รับรูปแล้ว" in last_text(platforms)
    say(client, "ก" * 3001)
    assert "ยาวเกิน" in last_text(platforms) and count(Submission) == 0
    say(client, "ต้นไม้ล้มขวางถนนเข้าหมู่บ้าน")
    submission = db.session.scalar(select(Submission))
    assert [(p.width, p.height) for p in submission.photos] == [(30, 20)]
