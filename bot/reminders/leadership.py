"""Which replica runs the reminder tick: the one holding a PostgreSQL advisory lock.

The lock lives on a dedicated connection held for as long as the replica leads. If the
replica dies, PostgreSQL drops the connection and the lock with it, and another replica's next
tick takes over. SQLite serves one process, which always leads.
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from bot.storage.database import advisory_lock_key

log = logging.getLogger(__name__)

LOCK_NAME = "trailcoach.reminders"
# The server probes the leader's connection after 10 s of silence, every 5 s, 3 times: a
# replica cut off without closing its socket loses the lock within about 25 s.
KEEPALIVE = (
    ("tcp_keepalives_idle", 10),
    ("tcp_keepalives_interval", 5),
    ("tcp_keepalives_count", 3),
)


class Leadership(Protocol):
    def is_leader(self) -> bool:
        """True while this process should run the tick; may try to become leader."""
        ...

    def release(self) -> None: ...


class SoleLeader:
    """One process, one ticker (SQLite)."""

    def is_leader(self) -> bool:
        return True

    def release(self) -> None:
        return None


class AdvisoryLockLeadership:
    """Leader while `pg_try_advisory_lock` succeeded on a connection that is still alive."""

    def __init__(self, engine: Engine, name: str = LOCK_NAME) -> None:
        self._engine = engine
        self._name = name
        self._connection: Connection | None = None

    def is_leader(self) -> bool:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except DBAPIError:
                log.warning("lost the reminder leader connection; trying to lead again")
                self._discard()
        return self._try_acquire()

    def release(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": self._key(self._connection)}
            )
            self._connection.close()
        except DBAPIError:
            self._discard()
        self._connection = None

    def _try_acquire(self) -> bool:
        try:
            connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError:
            return False
        try:
            won = connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key(connection)}
            )
        except DBAPIError:
            connection.invalidate()
            connection.close()
            return False
        if not won:
            connection.close()
            return False
        try:
            # Without this a leader whose host vanished (no FIN, no RST) would keep the lock
            # until the server's TCP keepalive gives up, two hours by default on Linux.
            for name, seconds in KEEPALIVE:
                connection.execute(text(f"SET {name} = {seconds}"))
        except DBAPIError as error:
            log.warning("could not shorten the leader connection's keepalive: %s", error)
        log.info("this replica now sends the reminders")
        self._connection = connection
        return True

    def _key(self, connection: Connection) -> int:
        schema = connection.scalar(text("SELECT current_schema()"))
        return advisory_lock_key(self._name, str(schema))

    def _discard(self) -> None:
        # Never hand a connection that may still hold the lock back to the pool.
        if self._connection is not None:
            try:
                self._connection.invalidate()
                self._connection.close()
            except DBAPIError:
                pass
        self._connection = None
