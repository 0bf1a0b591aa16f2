"""Alembic migrations for studybot's database, run programmatically by ``Store.open``.

To add one, create ``versions/NNNN_what.py`` with ``revision = "NNNN"`` and ``down_revision`` set to
the newest existing revision (``python -m alembic -c bot/storage/migrations/alembic.ini heads`` shows
it), and ``upgrade()`` using ``alembic.op``. New tables go in your own module's ``Table`` objects
(sharing ``bot.storage.schema.metadata`` is optional). Write SQL both SQLite and PostgreSQL accept.
"""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
