"""The one conversation every chat channel speaks: first contact, village, needs, commands."""

from collections.abc import Callable

from bots.common import needs, places, texts
from bots.common.inbound import Choice, InboundMessage, Kind, Reply
from webapp.chats import services as chats
from webapp.chats.models import ChatState, Step
from webapp.submissions import services as submitting

Handler = Callable[[ChatState, InboundMessage], list[Reply]]


def respond(msg: InboundMessage) -> list[Reply]:
    """What the bot answers to one inbound event (flushes only; the caller commits)."""
    if msg.kind is Kind.IGNORED:
        return []
    if msg.kind is Kind.UNSUPPORTED:
        return [Reply(texts.UNSUPPORTED)]
    state = chats.chat_for(msg.channel, msg.subject, msg.reply_address)
    command = command_of(msg)
    if command:
        return COMMANDS[command](state, msg)
    if msg.kind is Kind.CHOICE:
        return on_choice(state, msg)
    return STEPS[state.step](state, msg)


def command_of(msg: InboundMessage) -> str | None:
    """'ติดตาม', '/status', '/status@SiangBot' or a command button: the command's name."""
    if msg.kind is Kind.START:
        return "start"
    if msg.kind is Kind.CHOICE and msg.text.startswith("cmd:"):
        return msg.text[4:] if msg.text[4:] in COMMANDS else None
    if msg.kind is not Kind.TEXT:
        return None
    word = msg.text.strip().split("@")[0].lower()
    return next((name for name, words in texts.COMMANDS.items() if word in words), None)


def start(state: ChatState, _msg: InboundMessage) -> list[Reply]:
    chats.go_to(state, Step.CONSENT)
    choices = (Choice(texts.CONSENT_NAME, "consent:yes"), Choice(texts.CONSENT_ANONYMOUS, "consent:no"))
    return [Reply(texts.GREETING), Reply(texts.PRIVACY, choices)]


def ask_village(state: ChatState, _msg: InboundMessage | None = None) -> list[Reply]:
    chats.go_to(state, Step.PLACE)
    return [places.ask_place()]


def show_help(_state: ChatState, _msg: InboundMessage) -> list[Reply]:
    return [Reply(texts.HELP, tuple(Choice(label, data) for label, data in texts.COMMAND_BUTTONS))]


def ask_forget(state: ChatState, _msg: InboundMessage) -> list[Reply]:
    if state.step is not Step.FORGET:  # asked twice: the step to go back to is still the one before the first
        chats.go_to(state, Step.FORGET, before=state.step.value)
    return [Reply(texts.FORGET_CONFIRM, (Choice(texts.FORGET_YES, "forget:yes"), Choice(texts.FORGET_NO, "forget:no")))]


def on_consent(state: ChatState, answer: str, msg: InboundMessage) -> list[Reply]:
    chats.consent(state, msg.profile_name() if answer == "yes" else None)
    if state.village_id:
        chats.go_to(state, Step.READY)
        return [places.saved(state.village.label_th, state.village.subdistrict.name_th)]
    return ask_village(state)


def on_choice(state: ChatState, msg: InboundMessage) -> list[Reply]:
    """A button pressed: its data says what it answers, so an old button still means what it said."""
    name, _, arg = msg.text.partition(":")
    if name == "consent":
        return on_consent(state, arg, msg)
    handler = CHOICES.get(name)
    try:
        return handler(state, arg) if handler else [Reply(texts.EXPIRED_CHOICE)]
    except ValueError:  # data that no button of ours sends
        return [Reply(texts.EXPIRED_CHOICE)]


def on_village(state: ChatState, arg: str) -> list[Reply]:
    village = chats.remember_village(state, int(arg))
    replies = [places.saved(village.label_th, village.subdistrict.name_th)]
    held = (state.pending or {}).get("need")
    if held:
        chats.go_to(state, Step.READY, need=None)
        replies += needs.take(state, held)
    return replies


def on_forget(state: ChatState, arg: str) -> list[Reply]:
    if state.step is not Step.FORGET:  # an old button: nothing is deleted and the conversation stays where it is
        return [Reply(texts.EXPIRED_CHOICE)]
    if arg == "yes":
        chats.forget(state)
        return [Reply(texts.FORGOTTEN)]
    _leave_forget(state)
    return [Reply(texts.FORGET_CANCELLED)]


def _leave_forget(state: ChatState) -> None:
    before = Step(state.pending.get("before") or Step.READY.value)
    chats.go_to(state, before if before is not Step.FORGET else Step.READY, before=None)


def on_skip(state: ChatState, _arg: str) -> list[Reply]:
    chats.go_to(state, Step.READY, grounding=None)
    return [Reply(texts.SKIPPED)]


def on_place_step(state: ChatState, msg: InboundMessage) -> list[Reply]:
    """Waiting for the village: a typed place, a map pin, or a need typed too early (kept for later)."""
    if msg.kind is Kind.LOCATION:
        return places.from_map(state, msg.address)
    if msg.kind is Kind.PHOTO:
        return [Reply(_hold_photo(state, msg)), places.ask_place()]
    if state.step is Step.VILLAGE and (village_id := places.village_by_number(state, msg.text)):
        return on_village(state, str(village_id))
    offered = places.from_text(state, msg.text)
    if offered is not None:
        return offered
    if len(msg.text.strip()) >= 15:
        chats.go_to(state, Step.PLACE, need=submitting.clean_text(msg.text))
        return [Reply(texts.NEED_HELD), places.ask_place()]
    return [Reply(texts.PLACE_NOT_FOUND.format(query=msg.text.strip()[:40]))]


def on_consent_step(state: ChatState, msg: InboundMessage) -> list[Reply]:
    """Anything but an answer to the privacy question: carry on, keeping whatever was agreed before."""
    chats.go_to(state, Step.READY if state.village_id else Step.PLACE)
    return STEPS[state.step](state, msg)


def on_ready_step(state: ChatState, msg: InboundMessage) -> list[Reply]:
    """A need, or a photo / location for the need just sent (or the next one)."""
    if state.village_id is None:
        return ask_village(state)
    if msg.kind is Kind.PHOTO:
        return [Reply(_attach_or_hold_photo(state, msg))]
    if msg.kind is Kind.LOCATION:
        return [Reply(_attach_or_hold_location(state, msg))]
    return needs.take(state, msg.text)


def on_grounding_step(state: ChatState, msg: InboundMessage) -> list[Reply]:
    if msg.kind is Kind.TEXT and chats.recent_submission(state) is not None:
        return needs.ground(state, msg.text)
    chats.go_to(state, Step.READY, grounding=None)
    return on_ready_step(state, msg)


def on_forget_step(state: ChatState, msg: InboundMessage) -> list[Reply]:
    """Not an answer to the deletion question: nothing is deleted, the message is handled as usual."""
    _leave_forget(state)
    return STEPS[state.step](state, msg)


def _hold_photo(state: ChatState, msg: InboundMessage) -> str:
    chats.hold_photo(state, msg.photo() if msg.photo else b"")
    return texts.PHOTO_HELD


def _attach_or_hold_photo(state: ChatState, msg: InboundMessage) -> str:
    recent = chats.recent_submission(state)
    if recent is None:
        return _hold_photo(state, msg)
    submitting.attach_photo(recent.id, state.identity.citizen_id, msg.photo() if msg.photo else b"")
    return texts.PHOTO_ATTACHED.format(reference=recent.reference)


def _attach_or_hold_location(state: ChatState, msg: InboundMessage) -> str:
    recent = chats.recent_submission(state)
    if recent is None:
        chats.hold_location(state, msg.latitude, msg.longitude)
        return texts.LOCATION_HELD
    submitting.attach_location(recent.id, state.identity.citizen_id, msg.latitude, msg.longitude)
    return texts.LOCATION_ATTACHED.format(reference=recent.reference)


COMMANDS: dict[str, Handler] = {
    "start": start,
    "status": lambda state, _msg: needs.status(state),
    "village": ask_village,
    "help": show_help,
    "forget": ask_forget,
}
STEPS: dict[Step, Handler] = {
    Step.CONSENT: on_consent_step,
    Step.PLACE: on_place_step,
    Step.VILLAGE: on_place_step,
    Step.READY: on_ready_step,
    Step.GROUNDING: on_grounding_step,
    Step.FORGET: on_forget_step,
}
CHOICES: dict[str, Callable[[ChatState, str], list[Reply]]] = {
    "place": lambda state, arg: places.villages(state, arg),
    "villages": lambda state, arg: places.villages(state, *_split_page(arg)),
    "village": on_village,
    "support": lambda state, arg: needs.support(state, *map(int, arg.split(":"))),
    "new": lambda state, arg: needs.keep_new(state, int(arg)),
    "skip": on_skip,
    "forget": on_forget,
}


def _split_page(arg: str) -> tuple[str, int]:
    code, _, page = arg.partition(":")
    return code, int(page or 0)

