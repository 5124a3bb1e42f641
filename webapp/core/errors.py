"""The few domain exceptions every channel maps to its own kind of answer."""


class DomainError(Exception):
    """Base of the domain errors; `message` is Thai and safe to show to a villager."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    """The input breaks a rule; nothing was stored."""


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the actor)."""


class NotAllowed(DomainError):
    """The actor may not do this."""
