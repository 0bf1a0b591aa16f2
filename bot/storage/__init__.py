"""Persistent quiz data: rounds, answers, scores and leaderboards (SQLAlchemy async)."""

from bot.storage.errors import (
    DATABASE_DOWN,
    DatabaseUnavailable,
    StorageError,
    database_unavailable,
    reported_as_database_down,
)
from bot.storage.lock import DatabaseInUse
from bot.storage.store import (
    DEFAULT_DATABASE_PATH,
    AnswerRecord,
    DatabaseConnection,
    DeletedMemberData,
    Engine,
    LeaderboardPage,
    LeaderboardRow,
    MemberRank,
    Period,
    RoundStatus,
    Store,
    StoredRound,
    database_url,
)

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
    "LeaderboardRow",
    "MemberRank",
    "Period",
    "RoundStatus",
    "StorageError",
    "Store",
    "StoredRound",
    "database_unavailable",
    "database_url",
    "reported_as_database_down",
]
