"""Every model, imported in one place so that Alembic and create_all see the whole schema."""

from webapp.areas.models import District, Province, Subdistrict, Village
from webapp.chats.models import ChatEvent, ChatState
from webapp.citizens.models import ChannelIdentity, Citizen
from webapp.strategies.models import Strategy
from webapp.submissions.models import ReferenceCounter, StrategyLink, Submission, SubmissionPhoto, Support

__all__ = [
    "ChannelIdentity",
    "ChatEvent",
    "ChatState",
    "Citizen",
    "District",
    "Province",
    "ReferenceCounter",
    "Strategy",
    "StrategyLink",
    "Subdistrict",
    "Submission",
    "SubmissionPhoto",
    "Support",
    "Village",
]
