"""Storage errors: "the database is unavailable" as the storage's own type, not the driver's classes."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from bot.errors import UserError

#: What a user sees when the database cannot be reached or written (SQLite read-only, PostgreSQL down).
DATABASE_DOWN = "The database is unavailable right now, so I can't do that; please try again in a minute."


#: Any error the database layer raises (a failed query, a lost connection): callers that must go on
#: without the write catch this, never the driver's or SQLAlchemy's own classes.
StorageError = SQLAlchemyError


class DatabaseUnavailable(UserError):
    """The database cannot be reached or written now; ``cause`` is the driver's error, if any."""

    def __init__(self, cause: BaseException | None = None) -> None:
        super().__init__(DATABASE_DOWN)
        self.cause = cause


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` means the database cannot be reached or written now (not a bug in a query).

    For code that only talks to the database (a round's writes): SQLAlchemy's operational and interface
    errors, an invalidated connection, and the driver's raw socket errors and time-outs.
    """
    if isinstance(error, DatabaseUnavailable | OperationalError | InterfaceError | OSError | TimeoutError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def reported_as_database_down(error: BaseException) -> bool:
    """Whether the one error handler tells the user "the database is unavailable" for ``error``.

    Narrower than :func:`database_unavailable`: a command also talks to Discord, whose socket errors
    are not the database's, so only the database library's errors and a refused or reset connection
    (PostgreSQL reconnecting surfaces the socket error itself) count.
    """
    if isinstance(error, DatabaseUnavailable | OperationalError | InterfaceError | ConnectionError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated
