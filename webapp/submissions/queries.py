"""Reading submissions for public and staff pages."""

from sqlalchemy import select

from webapp.extensions import db
from webapp.submissions.models import Submission, SubmissionPhoto


def by_reference(reference: str) -> Submission | None:
    return db.session.scalar(select(Submission).filter_by(reference=reference.strip().upper()))


def photo_by_filename(filename: str) -> SubmissionPhoto | None:
    return db.session.scalar(select(SubmissionPhoto).filter_by(filename=filename))
