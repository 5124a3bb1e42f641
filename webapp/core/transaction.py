"""One use case is one transaction: the outermost service commits once, helpers only flush."""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from webapp.extensions import db

P = ParamSpec("P")
R = TypeVar("R")
_DEPTH = "use_case_depth"
_STAGED = "staged_files"
_DOOMED = "files_to_delete"


def use_case(func: Callable[P, R]) -> Callable[P, R]:
    """Commit when the outermost use case returns, roll back everything if it raises.

    A use case called from inside another (a bot turn submitting a need) joins the outer transaction.
    Files staged during the transaction are kept on commit and deleted on rollback.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        info = db.session.info
        outermost = not info.get(_DEPTH)
        info[_DEPTH] = info.get(_DEPTH, 0) + 1
        try:
            result = func(*args, **kwargs)
            if outermost:
                db.session.commit()
                info.pop(_STAGED, None)
                for path in info.pop(_DOOMED, []):
                    path.unlink(missing_ok=True)
        except BaseException:
            if outermost:
                db.session.rollback()
                _remove_staged(0)
                info.pop(_DOOMED, None)
            raise
        finally:
            info[_DEPTH] -= 1
        return result

    return wrapper


@contextmanager
def savepoint() -> Iterator[None]:
    """A step that may fail on its own: if it raises, only its own writes (and files) are undone."""
    mark = len(db.session.info.get(_STAGED, []))
    try:
        with db.session.begin_nested():
            yield
    except BaseException:
        _remove_staged(mark)
        raise


def stage_file(path: Path) -> None:
    """Remember a file written for the current transaction, so that a rollback deletes it again."""
    db.session.info.setdefault(_STAGED, []).append(path)


def delete_on_commit(path: Path) -> None:
    """Delete a file once the transaction that stops referring to it has committed (kept if it rolls back)."""
    db.session.info.setdefault(_DOOMED, []).append(path)


def _remove_staged(mark: int) -> None:
    """Delete the files staged since `mark` (0: all of this transaction's)."""
    staged = db.session.info.get(_STAGED, [])
    for path in staged[mark:]:
        path.unlink(missing_ok=True)
    del staged[mark:]
