"""The unit of work: one transaction and the repositories that work inside it."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from bot.storage.database import Database
from bot.storage.repositories import (
    AdjustmentRepository,
    AthleteRepository,
    CalendarFeedRepository,
    CheckinRepository,
    HandledUpdateRepository,
    InjuryRepository,
    ReminderRepository,
    UnansweredQuestionRepository,
)


class StorageUnavailable(Exception):
    """The database could not be reached or was too busy; nothing was kept. Try again later."""


class UnitOfWork:
    """`with UnitOfWork(database) as uow: ...; uow.commit()`. Nothing is kept unless the block
    commits: leaving it without `commit()`, or with an exception, rolls everything back."""

    athletes: AthleteRepository
    checkins: CheckinRepository
    adjustments: AdjustmentRepository
    injuries: InjuryRepository
    reminders: ReminderRepository
    questions: UnansweredQuestionRepository
    updates: HandledUpdateRepository
    feeds: CalendarFeedRepository

    def __init__(self, database: Database) -> None:
        self._database = database
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The open session, for the few queries that have no repository (reminder rows)."""
        assert self._session is not None, "use the unit of work inside a with block"
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._database.new_session()
        self.athletes = AthleteRepository(self._session)
        self.checkins = CheckinRepository(self._session)
        self.adjustments = AdjustmentRepository(self._session)
        self.injuries = InjuryRepository(self._session)
        self.reminders = ReminderRepository(self._session)
        self.questions = UnansweredQuestionRepository(self._session)
        self.updates = HandledUpdateRepository(self._session)
        self.feeds = CalendarFeedRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            session.rollback()
        except DBAPIError:
            pass  # the connection is gone: nothing to roll back
        finally:
            session.close()
        if _unreachable(exc):
            raise StorageUnavailable(str(exc)) from exc

    def commit(self) -> None:
        self.session.commit()


# SQLite reports a busy or missing file and a bad statement alike as OperationalError.
_SQLITE_UNAVAILABLE = ("locked", "busy", "unable to open", "disk i/o", "readonly")


def _unreachable(error: BaseException | None) -> bool:
    """A connection that failed or a database too busy, rather than a bad statement."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if type(error.orig).__module__.startswith("sqlite3"):
        return any(word in str(error.orig).lower() for word in _SQLITE_UNAVAILABLE)
    return True
