"""Answering one inbound message: faults become a Thai reply and leave nothing half-stored."""

import logging

from flask_babel import force_locale
from sqlalchemy.exc import SQLAlchemyError

from bots.common import texts
from bots.common.conversation import respond
from bots.common.inbound import InboundMessage, Reply
from webapp.core.errors import DomainError
from webapp.core.transaction import savepoint

log = logging.getLogger(__name__)


def answer(msg: InboundMessage) -> list[Reply]:
    """The conversation's replies (flushes only; the caller commits).

    A database failure propagates (the event stays waiting and is answered again); a rule the villager
    broke, or any other fault, undoes only this turn's changes and is answered in Thai.
    """
    with force_locale("th"):
        try:
            with savepoint():
                return respond(msg)
        except SQLAlchemyError:
            raise
        except DomainError as error:
            return [Reply(str(error.message))]
        except Exception:
            log.exception("chat event %s/%s failed", msg.channel.value, msg.event_id)
            return [Reply(texts.SORRY)]
