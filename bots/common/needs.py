"""A need from the chat: stored, explained back in plain Thai, checked for duplicates, grounded."""

from bots.common import texts
from bots.common.inbound import Choice, Reply
from webapp.chats import services as chats
from webapp.chats.models import ChatState, Step
from webapp.submissions import queries as submissions
from webapp.submissions import rules
from webapp.submissions import services as submitting
from webapp.submissions.models import Submission

PREVIEW_CHARS = 80


def take(state: ChatState, text: str) -> list[Reply]:
    """Submit the text as a need of the remembered village and say what was understood."""
    submission = chats.submit_need(state, text)
    chats.go_to(state, Step.READY)
    replies = [Reply(summary(submission))]
    similar = submissions.similar_open(submission)
    if similar:
        replies.append(_offer_support(submission, similar))
    elif submission.kind == "wish":
        replies.append(_ask_problem(state, submission))
    return replies


def summary(submission: Submission) -> str:
    """Reference, kind, sector, closest strategy and the public (masked) text."""
    lines = [texts.RECEIVED.format(reference=submission.reference)]
    if submission.kind in (None, "other"):
        lines.append(texts.UNDERSTOOD_OTHER)
    else:
        lines.append(texts.UNDERSTOOD.format(kind=rules.KIND_LABELS[submission.kind],
                                             sector=rules.SECTOR_LABELS[submission.sector]))
    if submission.strategy_links:
        lines.append(texts.CLOSEST_STRATEGY.format(strategy=submission.strategy_links[0].strategy.title))
    if submission.photos:
        lines.append(texts.PHOTOS_ATTACHED.format(n=len(submission.photos)))
    public = submission.masked_text
    lines.append(texts.PUBLIC_TEXT.format(text=public) if public else texts.PUBLIC_TEXT_PENDING)
    lines.append(texts.FOLLOW_HINT)
    return "\n".join(lines)


def _offer_support(submission: Submission, similar: list[Submission]) -> Reply:
    items = [texts.SIMILAR_FOUND.format(n=len(similar))]
    choices = []
    for n, other in enumerate(similar, start=1):
        items.append(texts.SIMILAR_ITEM.format(n=n, reference=other.reference, text=_preview(other),
                                               supporters=1 + len(other.supports)))
        choices.append(Choice(texts.SUPPORT_BUTTON.format(n=n), f"support:{submission.id}:{other.id}"))
    choices.append(Choice(texts.KEEP_NEW, f"new:{submission.id}"))
    return Reply("\n".join(items), tuple(choices))


def _ask_problem(state: ChatState, submission: Submission) -> Reply:
    chats.go_to(state, Step.GROUNDING, grounding=submission.id)
    return Reply(texts.ASK_PROBLEM, (Choice(texts.SKIP, f"skip:{submission.id}"),))


def _preview(submission: Submission) -> str:
    text = (submission.masked_text or "").replace("\n", " ")
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def support(state: ChatState, new_id: int, existing_id: int) -> list[Reply]:
    existing = submitting.support_instead(new_id, existing_id, state.identity.citizen_id)
    withdrawn = submissions.own(new_id, state.identity.citizen_id)
    chats.go_to(state, Step.READY)
    return [Reply(texts.SUPPORTED.format(reference=existing.reference, withdrawn=withdrawn.reference))]


def keep_new(state: ChatState, submission_id: int) -> list[Reply]:
    """Not a duplicate after all: the need stays; a wish still gets its one grounding question."""
    submission = submissions.own(submission_id, state.identity.citizen_id)
    replies = [Reply(texts.KEPT_NEW.format(reference=submission.reference))]
    if submission.kind == "wish" and not submission.problem_statement:
        replies.append(_ask_problem(state, submission))
    return replies


def ground(state: ChatState, text: str) -> list[Reply]:
    """The answer to "what problem makes it needed?", stored on the need it is about."""
    submission_id = (state.pending or {}).get("grounding")
    submission = submitting.add_problem_statement(submission_id, state.identity.citizen_id, text)
    chats.go_to(state, Step.READY, grounding=None)
    return [Reply(texts.PROBLEM_SAVED.format(reference=submission.reference))]


def status(state: ChatState) -> list[Reply]:
    rows = submissions.of_citizen(state.identity.citizen_id)
    if not rows:
        return [Reply(texts.STATUS_NONE)]
    items = [texts.STATUS_ITEM.format(reference=s.reference, status=rules.STATUS_LABELS[s.status], text=_preview(s))
             for s in rows]
    return [Reply("\n".join([texts.STATUS_HEADER, *items]))]
