"""Quiz fixtures: the bundled notes and small hand-made knowledge bases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge

SEED = DEFAULT_KNOWLEDGE_PATH / "security-plus" / "virtualization.yaml"


@pytest.fixture(scope="session")
def seed_kb() -> KnowledgeBase:
    """The seed notes (Virtualization, objective 2.2)."""
    return load_knowledge([SEED])


def make_kb(topics: dict[str, list[tuple[str, str]]]) -> KnowledgeBase:
    """A knowledge base from ``{title: [(term, definition), ...]}``."""
    kb = KnowledgeBase()
    for n, (title, items) in enumerate(topics.items()):
        topic = Topic(title=title, path=Path(f"/notes/{n}.yaml"), objective=f"{n + 1}.1")
        kb.topics.append(topic)
        kb.files.append(topic.path)
        kb.entries.extend(Entry(term=t, definition=d, topic=topic) for t, d in items)
    return kb


def entry_of(kb: KnowledgeBase, term: str) -> Entry:
    """The entry of ``kb`` whose term is exactly ``term`` (``StopIteration`` if there is none)."""
    return next(e for e in kb.entries if e.term == term)
