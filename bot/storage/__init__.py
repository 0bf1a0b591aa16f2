"""Persistent data (SQLAlchemy async): :class:`Store` owns the engine and one repository per aggregate.

``database`` (opening, migrating, Store), ``rounds`` (rounds, answers and their totals), ``leaderboards``,
``stats``, ``schedules``, ``notes``; ``schema`` is the one MetaData.
"""

from bot.storage.database import (
    DEFAULT_DATABASE_PATH,
    DatabaseConnection,
    DeletedMemberData,
    Engine,
    Store,
    database_url,
)
from bot.storage.errors import (
    DATABASE_DOWN,
    DatabaseUnavailable,
    StorageError,
    database_unavailable,
    reported_as_database_down,
)
from bot.storage.leaderboards import (
    LeaderboardPage,
    LeaderboardRepository,
    LeaderboardRow,
    MemberRank,
    Period,
)
from bot.storage.lock import DatabaseInUse
from bot.storage.rounds import AnswerRecord, RoundRepository, RoundStatus, StoredRound

__all__ = [
    "DATABASE_DOWN",
    "DEFAULT_DATABASE_PATH",
    "AnswerRecord",
    "DatabaseConnection",
    "DatabaseInUse",
    "DatabaseUnavailable",
    "DeletedMemberData",
    "Engine",
    "LeaderboardPage",
    "LeaderboardRepository",
    "LeaderboardRow",
    "MemberRank",
    "Period",
    "RoundRepository",
    "RoundStatus",
    "StorageError",
    "Store",
    "StoredRound",
    "database_unavailable",
    "database_url",
    "reported_as_database_down",
]
