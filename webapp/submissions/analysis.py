"""Putting the NLP stage's understanding of a need on its submission (model labels never beat a person's)."""

import logging

import nlp
from webapp.extensions import db
from webapp.strategies import queries as strategies
from webapp.submissions.models import StrategyLink, Submission

TOP_STRATEGIES = 3
log = logging.getLogger(__name__)


def analyse_safely(submission: Submission) -> None:
    """Analyse at intake; a fault in the NLP must never cost a villager their need (re-analysis fills it in)."""
    for step in (mask_text, label):
        try:
            with db.session.begin_nested():
                step(submission)
        except Exception:
            log.exception("%s failed for %s; stored without it", step.__name__, submission.reference)


def apply_analysis(submission: Submission) -> None:
    """Refresh the public, masked text and the labels (unless a person set them)."""
    mask_text(submission)
    label(submission)


def mask_text(submission: Submission) -> None:
    """The text as shown publicly and exported, personal data replaced by Thai placeholders."""
    submission.masked_text = nlp.mask_personal_data(submission.text).text


def label(submission: Submission) -> None:
    """Kind, sector, confidences, model version and strategy links, unless a person set them."""
    if submission.labelled_by_human:
        return
    result = nlp.analyze(submission.text)
    submission.kind, submission.kind_confidence = result.kind, result.kind_confidence
    submission.has_problem, submission.has_wish = result.has_problem, result.has_wish
    submission.sector, submission.sector_confidence = result.sector, result.sector_confidence
    submission.model_version = result.model_version
    _link_strategies(submission, result)


def _link_strategies(submission: Submission, result: nlp.Analysis) -> None:
    candidates = strategies.for_province(submission.village.subdistrict.district.province_code)
    by_code = {s.code: s for s in candidates}
    matches = nlp.link_strategies(submission.text, candidates, top=TOP_STRATEGIES, analysis=result)
    submission.strategy_links.clear()
    db.session.flush()  # old links go before new ones arrive: (submission, strategy) is unique
    submission.strategy_links = [
        StrategyLink(strategy=by_code[m.code], rank=rank, score=m.score, matched_terms=",".join(m.matched_terms),
                     model_version=result.model_version)
        for rank, m in enumerate(matches, start=1)
    ]
