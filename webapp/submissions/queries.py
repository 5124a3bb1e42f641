"""Reading submissions for public pages, villagers and bots."""

from collections import OrderedDict

from flask import current_app
from sqlalchemy import select

import nlp
from webapp.core.errors import NotFound
from webapp.extensions import db
from webapp.submissions import rules
from webapp.submissions.models import Submission, SubmissionPhoto, SubmissionStatus

#: Needs still waiting for, or being worked on by, the committee: the ones worth supporting.
OPEN_STATUSES = (SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW, SubmissionStatus.ACCEPTED)
#: How many of a village's latest open needs a new one is compared with.
SIMILAR_WINDOW = 300
#: Villages whose need index a process keeps in memory (least recently used ones are dropped).
CACHED_VILLAGES = 5000


def by_reference(reference: str) -> Submission | None:
    return db.session.scalar(select(Submission).filter_by(reference=reference.strip().upper()))


def own(submission_id: int, citizen_id: int | None) -> Submission:
    """The villager's own need, or NotFound: nobody acts on someone else's need (a stale or forged button)."""
    submission = db.session.get(Submission, submission_id)
    if submission is None or citizen_id is None or submission.citizen_id != citizen_id:
        raise NotFound(rules.SUBMISSION_NOT_FOUND)
    return submission


def photo_by_filename(filename: str) -> SubmissionPhoto | None:
    return db.session.scalar(select(SubmissionPhoto).filter_by(filename=filename))


def of_citizen(citizen_id: int, limit: int = 10) -> list[Submission]:
    """A villager's latest needs, newest first."""
    query = select(Submission).filter_by(citizen_id=citizen_id).order_by(Submission.id.desc()).limit(limit)
    return list(db.session.scalars(query))


def similar_open(submission: Submission, top: int = 3) -> list[Submission]:
    """Open needs of the same village, sent by others, that say much the same thing, closest first."""
    open_ids = list(db.session.scalars(
        select(Submission.id)
        .where(Submission.village_id == submission.village_id, Submission.id != submission.id,
               Submission.status.in_(OPEN_STATUSES))
        .order_by(Submission.id.desc())
        .limit(SIMILAR_WINDOW)
    ))
    index = _village_index(submission.village_id, open_ids)
    hits = [hit.key for hit in index.query(submission.text, top=top + 5)]
    if not hits:
        return []
    rows = {row.id: row for row in db.session.scalars(select(Submission).where(Submission.id.in_(hits)))}
    others = [rows[key] for key in hits if key in rows and not _same_sender(rows[key], submission)]
    return others[:top]


def _same_sender(a: Submission, b: Submission) -> bool:
    return a.citizen_id is not None and a.citizen_id == b.citizen_id


def _village_index(village_id: int, open_ids: list[int]) -> nlp.DuplicateIndex:
    """The village's open needs, indexed once per process and brought up to date (new, closed) on each use."""
    cache: OrderedDict[int, nlp.DuplicateIndex] = current_app.extensions.setdefault("similar_needs", OrderedDict())
    index = cache.pop(village_id, None) or nlp.DuplicateIndex()
    cache[village_id] = index
    if len(cache) > CACHED_VILLAGES:
        cache.popitem(last=False)
    wanted = set(open_ids)
    for key in [key for key in index if key not in wanted]:
        index.remove(key)
    missing = [i for i in open_ids if i not in index]
    if missing:
        for key, text in db.session.execute(select(Submission.id, Submission.text).where(Submission.id.in_(missing))):
            index.add(key, text)
    return index
