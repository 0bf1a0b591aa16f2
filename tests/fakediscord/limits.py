"""What Discord rejects: message, embed, component, autocomplete and command limits.

Each check returns Discord-style form errors: ``{"path.to.field": (code, message)}``; ``form_error``
turns them into the nested JSON body Discord answers 400 with.
"""

from __future__ import annotations

import re
from typing import Any

Problems = dict[str, tuple[str, str]]

COMMAND_NAME = re.compile(r"^[-_'\w]{1,32}$")


def _too_long(problems: Problems, path: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        problems[path] = ("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _required(problems: Problems, path: str, data: dict[str, Any], key: str) -> bool:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        problems[f"{path}{key}"] = ("BASE_TYPE_REQUIRED", "This field is required")
        return False
    return True


def embed_problems(embeds: Any, problems: Problems) -> None:
    """Embed limits: 10 embeds, title 256, description 4096, 25 fields (256/1024), footer 2048, 6000 total."""
    if not isinstance(embeds, list):
        problems["embeds"] = ("BASE_TYPE_BAD_TYPE", "Must be an array.")
        return
    if len(embeds) > 10:
        problems["embeds"] = ("BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    for i, embed in enumerate(embeds):
        path = f"embeds.{i}"
        _too_long(problems, f"{path}.title", embed.get("title"), 256)
        _too_long(problems, f"{path}.description", embed.get("description"), 4096)
        footer = embed.get("footer") or {}
        author = embed.get("author") or {}
        _too_long(problems, f"{path}.footer.text", footer.get("text"), 2048)
        _too_long(problems, f"{path}.author.name", author.get("name"), 256)
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems[f"{path}.fields"] = ("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for j, fld in enumerate(fields):
            fpath = f"{path}.fields.{j}"
            if _required(problems, f"{fpath}.", fld, "name"):
                _too_long(problems, f"{fpath}.name", fld["name"], 256)
            if _required(problems, f"{fpath}.", fld, "value"):
                _too_long(problems, f"{fpath}.value", fld["value"], 1024)
        total += sum(
            len(x or "")
            for x in [
                embed.get("title"),
                embed.get("description"),
                footer.get("text"),
                author.get("name"),
                *[f.get("name") for f in fields],
                *[f.get("value") for f in fields],
            ]
        )
    if total > 6000:
        problems["embeds"] = ("BASE_TYPE_MAX_LENGTH", "Embed size exceeds maximum size of 6000")


def component_problems(components: Any, problems: Problems) -> None:
    """Action rows (max 5) of up to 5 buttons or one select; labels 80, custom ids 100 and unique."""
    if not isinstance(components, list):
        problems["components"] = ("BASE_TYPE_BAD_TYPE", "Must be an array.")
        return
    if len(components) > 5:
        problems["components"] = ("BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
    seen: set[str] = set()
    for i, row in enumerate(components):
        path = f"components.{i}"
        if row.get("type") != 1:
            problems[f"{path}.type"] = (
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "Top-level components must be action rows",
            )
            continue
        items = row.get("components") or []
        if not items or len(items) > 5:
            problems[f"{path}.components"] = ("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
        for j, item in enumerate(items):
            ipath = f"{path}.components.{j}"
            _too_long(problems, f"{ipath}.label", item.get("label"), 80)
            custom_id = item.get("custom_id")
            if item.get("type") == 2 and item.get("style") == 5:
                _required(problems, f"{ipath}.", item, "url")
                continue
            if not custom_id:
                problems[f"{ipath}.custom_id"] = ("BASE_TYPE_REQUIRED", "This field is required")
                continue
            _too_long(problems, f"{ipath}.custom_id", custom_id, 100)
            if custom_id in seen:
                problems[f"{ipath}.custom_id"] = (
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated",
                )
            seen.add(custom_id)
            if item.get("type") == 2 and not (item.get("label") or item.get("emoji")):
                problems[f"{ipath}.label"] = ("BASE_TYPE_REQUIRED", "A button needs a label or an emoji")


def message_problems(data: Any, *, edit: bool = False) -> Problems:
    """Why Discord would refuse this message (create, or edit when ``edit``)."""
    problems: Problems = {}
    if not isinstance(data, dict):
        return {"": ("BASE_TYPE_BAD_TYPE", "Must be an object.")}
    content = data.get("content")
    if content is not None and not isinstance(content, str):
        problems["content"] = ("BASE_TYPE_BAD_TYPE", "Must be a string.")
    _too_long(problems, "content", content, 2000)
    if "embeds" in data and data["embeds"] is not None:
        embed_problems(data["embeds"], problems)
    if "components" in data and data["components"] is not None:
        component_problems(data["components"], problems)
    allowed = data.get("allowed_mentions")
    if allowed is not None:
        parse = allowed.get("parse", [])
        for kind in ("users", "roles"):
            if kind in parse and allowed.get(kind):
                problems[f"allowed_mentions.{kind}"] = (
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
                )
    if not edit and not (content or data.get("embeds") or data.get("components") or data.get("sticker_ids")):
        problems["content"] = ("MESSAGE_EMPTY", "Cannot send an empty message")
    return problems


def choice_problems(data: Any) -> Problems:
    """Autocomplete results: at most 25 choices, names 1-100 and string values up to 100 characters."""
    problems: Problems = {}
    choices = (data or {}).get("choices")
    if not isinstance(choices, list):
        return {"data.choices": ("BASE_TYPE_REQUIRED", "This field is required")}
    if len(choices) > 25:
        problems["data.choices"] = ("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for i, choice in enumerate(choices):
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            problems[f"data.choices.{i}.name"] = (
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            )
        value = choice.get("value")
        if isinstance(value, str) and len(value) > 100:
            problems[f"data.choices.{i}.value"] = ("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
    return problems


def command_problems(commands: Any) -> Problems:
    """Slash command definitions: names, descriptions, option counts."""
    problems: Problems = {}
    if not isinstance(commands, list):
        return {"": ("BASE_TYPE_BAD_TYPE", "Must be an array.")}
    if len(commands) > 100:
        problems[""] = ("BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")

    def check(node: dict[str, Any], path: str, *, top: bool) -> None:
        name = node.get("name", "")
        if not COMMAND_NAME.match(name) or (node.get("type", 1) == 1 and name != name.lower()):
            problems[f"{path}name"] = ("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
        if not top or node.get("type", 1) == 1:
            description = node.get("description", "")
            if not 1 <= len(description) <= 100:
                problems[f"{path}description"] = (
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
        options = node.get("options") or []
        if len(options) > 25:
            problems[f"{path}options"] = ("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for i, option in enumerate(options):
            check(option, f"{path}options.{i}.", top=False)

    for i, command in enumerate(commands):
        check(command, f"{i}.", top=True)
    return problems


SCHEDULED_ENTITY_STAGE, SCHEDULED_ENTITY_VOICE, SCHEDULED_ENTITY_EXTERNAL = 1, 2, 3


def scheduled_event_problems(data: Any, *, create: bool) -> Problems:
    """Guild scheduled event fields Discord requires."""
    problems: Problems = {}
    if not isinstance(data, dict):
        return {"": ("BASE_TYPE_BAD_TYPE", "Must be an object.")}
    if create:
        for key in ("name", "privacy_level", "scheduled_start_time", "entity_type"):
            _required(problems, "", data, key)
    _too_long(problems, "name", data.get("name"), 100)
    _too_long(problems, "description", data.get("description"), 1000)
    entity_type = data.get("entity_type")
    if entity_type == SCHEDULED_ENTITY_EXTERNAL:
        location = (data.get("entity_metadata") or {}).get("location")
        if create and not location:
            problems["entity_metadata.location"] = ("BASE_TYPE_REQUIRED", "This field is required")
        if create and not data.get("scheduled_end_time"):
            problems["scheduled_end_time"] = ("BASE_TYPE_REQUIRED", "This field is required")
    elif (
        entity_type in (SCHEDULED_ENTITY_STAGE, SCHEDULED_ENTITY_VOICE)
        and create
        and not data.get("channel_id")
    ):
        problems["channel_id"] = ("BASE_TYPE_REQUIRED", "This field is required")
    return problems


def form_error(problems: Problems) -> dict[str, Any]:
    """The 400 body: ``{"code": 50035, "message": "Invalid Form Body", "errors": {...nested...}}``."""
    errors: dict[str, Any] = {}
    for path, (code, message) in problems.items():
        node = errors
        for part in [p for p in path.split(".") if p]:
            node = node.setdefault(part, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
    return {"code": 50035, "message": "Invalid Form Body", "errors": errors}
