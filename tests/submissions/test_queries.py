"""Similar open needs of a village, found through a per-process index that follows the database."""

from flask import Flask

from webapp.areas.models import Village
from webapp.citizens.models import Channel
from webapp.extensions import db
from webapp.submissions import queries, services
from webapp.submissions.models import Submission, SubmissionStatus


def need(village: Village, text: str, who: str) -> Submission:
    return services.submit(services.NewSubmission(village_id=village.id, text=text, channel=Channel.WEB, subject=who))


def test_similar_needs_follow_new_and_closed_needs_and_skip_the_senders_own(app: Flask, village: Village) -> None:
    first = need(village, "ถนนหน้าวัดเป็นหลุมใหญ่ รถล้มบ่อย", "a")
    need(village, "ไฟฟ้าดับทั้งหมู่บ้านทุกเย็น", "b")
    again = need(village, "ถนนหน้าวัดเป็นหลุมใหญ่มาก รถล้มบ่อย", "c")
    assert queries.similar_open(again) == [first]
    later = need(village, "ถนนหน้าวัดเป็นหลุมใหญ่ รถจักรยานยนต์ล้มบ่อย", "d")  # the index learns of `again`
    assert set(queries.similar_open(later)) == {first, again}
    first.status = SubmissionStatus.WITHDRAWN
    db.session.commit()
    assert queries.similar_open(later) == [again]
    mine = need(village, "ถนนหน้าวัดเป็นหลุมใหญ่ รถล้มบ่อยมาก", "c")
    assert queries.similar_open(mine) == [later]
