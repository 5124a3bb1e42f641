"""Putting the NLP stage's understanding of a need on its submission (model labels never beat a person's)."""

import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

import nlp
from webapp.extensions import db
from webapp.strategies import queries as strategies
from webapp.submissions.models import StrategyLink, Submission

TOP_STRATEGIES = 3
log = logging.getLogger(__name__)


def analyse_safely(submission: Submission) -> None:
    """Analyse at intake; a fault in the NLP must never cost a villager their need (re-analysis fills it in).

    Each step computes everything before it changes the submission, so a fault leaves nothing half-set.
    """
    for step in (mask_text, label):
        _safely(step, submission)


def mask_safely(submission: Submission) -> None:
    """Refresh only the public, masked texts (the labels read the need's own text, which did not change)."""
    _safely(mask_text, submission)


def _safely(step: Callable[[Submission], None], submission: Submission) -> None:
    try:
        step(submission)
    except SQLAlchemyError:
        raise  # the database failing is not an NLP fault: the whole use case must fail
    except Exception:
        log.exception("%s failed for %s; stored without it", step.__name__, submission.reference)


def apply_analysis(submission: Submission) -> None:
    """Refresh the public, masked text and the labels (unless a person set them)."""
    mask_text(submission)
    label(submission)


def mask_text(submission: Submission) -> None:
    """The text as shown publicly and exported, personal data replaced by Thai placeholders."""
    masked = nlp.mask_personal_data(submission.text).text
    statement = submission.problem_statement
    masked_statement = nlp.mask_personal_data(statement).text if statement else None
    submission.masked_text, submission.masked_problem_statement = masked, masked_statement


def label(submission: Submission) -> None:
    """Kind, sector, confidences, model version and strategy links, unless a person set them."""
    if submission.labelled_by_human:
        return
    result = nlp.analyze(submission.text)
    candidates = strategies.for_province(submission.village.subdistrict_code[:2])
    matches = nlp.link_strategies(submission.text, candidates, top=TOP_STRATEGIES, analysis=result)
    submission.kind, submission.kind_confidence = result.kind, result.kind_confidence
    submission.has_problem, submission.has_wish = result.has_problem, result.has_wish
    submission.sector, submission.sector_confidence = result.sector, result.sector_confidence
    submission.model_version = result.model_version
    _replace_links(submission, candidates, matches, result.model_version)


def _replace_links(submission: Submission, candidates: list, matches: list[nlp.StrategyMatch], version: str) -> None:
    by_code = {s.code: s for s in candidates}
    if submission.strategy_links:
        submission.strategy_links.clear()
        db.session.flush()  # old links go before new ones arrive: (submission, strategy) is unique
    submission.strategy_links = [
        StrategyLink(strategy=by_code[m.code], rank=rank, score=m.score, matched_terms=",".join(m.matched_terms),
                     model_version=version)
        for rank, m in enumerate(matches, start=1)
    ]
