"""`flask nlp …`: run the current Thai NLP model over stored needs."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.submissions import services
from webapp.submissions.models import Submission

nlp_cli = AppGroup("nlp", help="The Thai NLP stage over stored needs.")


@nlp_cli.command("reanalyze")
@click.option("--batch-size", default=200, show_default=True)
def reanalyze(batch_size: int) -> None:
    """Re-label every need with the current model; labels a person has set are left alone."""
    total = db.session.scalar(select(func.count()).select_from(Submission)) or 0
    with click.progressbar(length=total, label="วิเคราะห์ใหม่ / re-analysing", file=sys.stderr) as bar:
        done = services.reanalyze(batch_size, progress=bar.update)
    click.echo(f"re-analysed {done} needs")
