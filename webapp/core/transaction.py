"""One use case is one transaction: the service commits once, helpers only flush."""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from webapp.extensions import db

P = ParamSpec("P")
R = TypeVar("R")


def use_case(func: Callable[P, R]) -> Callable[P, R]:
    """Commit when the use case returns, roll back everything if it raises."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            result = func(*args, **kwargs)
            db.session.commit()
        except BaseException:
            db.session.rollback()
            raise
        return result

    return wrapper
