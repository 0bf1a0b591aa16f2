"""A topic as the JSON text the database keeps, and back; the key that names a topic in a server.

The JSON has the knowledge file's structure (``{"topic": {...}, "entries": [{...}]}``), so a stored
topic can be exported as YAML that ``bot check`` accepts. Reading it back skips YAML and validation
(it was validated at upload), which keeps a server's cold first look-up fast.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.knowledge import Entry, Topic

_NOT_SLUG = re.compile(r"[^0-9a-z]+")


def topic_key(title: str) -> str:
    """A topic's key in a server: the title folded to ``a-z0-9-`` (``Cells 1.2``: ``cells-1-2``)."""
    key = _NOT_SLUG.sub("-", title.casefold()).strip("-")
    return key[:200] or "notes"


def topic_path(key: str) -> Path:
    """The path a server's topic is known by (in messages and as the topic's identity)."""
    return Path(f"{key}.yaml")


def topic_document(topic: Topic, entries: Iterable[Entry]) -> dict[str, Any]:
    """The knowledge file's structure for ``topic`` (empty keys left out)."""
    head: dict[str, Any] = {"title": topic.title}
    if topic.objective:
        head["objective"] = topic.objective
    if topic.source:
        head["source"] = topic.source
    if topic.tags:
        head["tags"] = list(topic.tags)
    items = []
    for entry in entries:
        item: dict[str, Any] = {"term": entry.term}
        if entry.aliases:
            item["aliases"] = list(entry.aliases)
        item["definition"] = entry.definition
        for key in ("details", "examples", "see_also"):
            values = getattr(entry, key)
            if values:
                item[key] = list(values)
        items.append(item)
    return {"topic": head, "entries": items}


def topic_body(topic: Topic, entries: Iterable[Entry]) -> str:
    """The JSON text stored for a topic."""
    return json.dumps(topic_document(topic, entries), ensure_ascii=False, separators=(",", ":"))


def read_body(body: str, path: Path) -> tuple[Topic, list[Entry]]:
    """The topic and entries of a stored JSON body (``ValueError`` if it is not one)."""
    data = json.loads(body)
    head = data["topic"]
    topic = Topic(
        title=str(head["title"]),
        path=path,
        objective=head.get("objective"),
        source=head.get("source"),
        tags=tuple(head.get("tags", ())),
    )
    entries = [
        Entry(
            term=item["term"],
            definition=item["definition"],
            topic=topic,
            aliases=tuple(item.get("aliases", ())),
            details=tuple(item.get("details", ())),
            examples=tuple(item.get("examples", ())),
            see_also=tuple(item.get("see_also", ())),
        )
        for item in data["entries"]
    ]
    return topic, entries
