"""Each server's own notes: uploads with a preview, versions, per-server matchers, export.

Discord-free and database-free: ``upload`` turns a file into a preview, ``topics`` turns a topic into
the JSON body the database keeps and back, ``library`` serves every server the knowledge base and
matcher it should see (with a memory budget), ``export`` writes knowledge YAML, CSV and Anki decks.
"""

from bot.notes.library import GuildNotes, NotesLibrary
from bot.notes.topics import topic_key
from bot.notes.upload import NotesLimits, UploadPreview, UploadRefused, preview_upload

__all__ = [
    "GuildNotes",
    "NotesLibrary",
    "NotesLimits",
    "UploadPreview",
    "UploadRefused",
    "preview_upload",
    "topic_key",
]
