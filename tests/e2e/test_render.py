"""Rendering helpers: clean cuts at word boundaries, embeds within every Discord limit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import Entry, Topic
from bot.quiz.questions import Question, QuestionKind
from bot.quiz.round import QuestionAsked
from cogs._render import (
    EMBED_TOTAL_LIMIT,
    blanks_shown,
    code_block,
    entry_embed,
    fit_lines,
    paginate,
    truncate,
)
from cogs.quiz._embeds import question_embed

TOPIC = Topic(title="Virtualization", path=Path("v.yaml"), objective="2.2")


def test_truncate_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("the quick brown fox jumps", 12) == "the quick…"
    assert truncate("x" * 50, 10) == "x" * 9 + "…"
    assert truncate("anything", 1) == "…"
    assert truncate("a, b, c, d", 6) == "a, b…"


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_truncate_never_exceeds_the_limit(text: str, limit: int) -> None:
    cut = truncate(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
    else:
        assert cut.endswith("…")


def test_fit_lines_says_how_many_were_left_out() -> None:
    lines = [f"line {i}" for i in range(100)]
    text = fit_lines(lines, 60)
    assert len(text) <= 60
    assert text.splitlines()[-1].startswith("… and ")
    kept = len(text.splitlines()) - 1
    assert text.endswith(f"… and {100 - kept} more")


def test_paginate_keeps_every_line_in_order() -> None:
    lines = [f"topic {i}: {'x' * 30}" for i in range(300)]
    pages = paginate(lines, 1000)
    assert all(len(p) <= 1000 for p in pages)
    assert "\n".join(pages).splitlines() == lines


def test_code_block_is_closed_and_within_limit() -> None:
    block = code_block(["a```b", *[f"problem {i}" for i in range(500)]], 500)
    assert len(block) <= 500
    assert block.startswith("```\n")
    assert block.endswith("\n```")
    assert block.count("```") == 2


def test_entry_embed_has_every_part() -> None:
    entry = Entry(
        term="Hypervisor",
        definition="Software that runs VMs.",
        topic=TOPIC,
        aliases=("VMM",),
        details=("Two types.",),
        examples=("ESXi",),
        see_also=("Virtual machine",),
    )
    embed = entry_embed(entry).to_dict()
    assert embed["title"] == "Hypervisor"
    assert embed["description"] == "Software that runs VMs."
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields == {
        "Details": "• Two types.",
        "Examples": "• ESXi",
        "Topic": "Virtualization (2.2)",
        "See also": "Virtual machine",
    }
    assert embed["footer"]["text"] == "Also called: VMM"


words = st.text(alphabet=st.characters(codec="utf-8"), max_size=3000)


@settings(max_examples=60, deadline=None)
@given(
    term=st.text(min_size=1, max_size=400),
    definition=words,
    details=st.lists(words, max_size=40),
    examples=st.lists(words, max_size=40),
    aliases=st.lists(st.text(max_size=200), max_size=50),
    see_also=st.lists(st.text(max_size=300), max_size=30),
)
def test_any_entry_fits_discord_embed_limits(
    term: str,
    definition: str,
    details: list[str],
    examples: list[str],
    aliases: list[str],
    see_also: list[str],
) -> None:
    entry = Entry(
        term=term,
        definition=definition or "x",
        topic=TOPIC,
        aliases=tuple(aliases),
        details=tuple(details),
        examples=tuple(examples),
        see_also=tuple(see_also),
    )
    embed = entry_embed(entry)
    assert len(embed) <= EMBED_TOTAL_LIMIT
    data = embed.to_dict()
    assert len(data["title"].strip()) >= 1
    assert len(data["title"]) <= 256
    assert len(data["description"].strip()) >= 1
    assert len(data["description"]) <= 4096
    assert len(data.get("fields", [])) <= 25
    for field in data.get("fields", []):
        assert len(field["value"].strip()) >= 1
        assert len(field["value"]) <= 1024
        assert len(field["name"]) <= 256
    assert len(data.get("footer", {}).get("text", "")) <= 2048


def test_fill_in_blanks_are_escaped_so_discord_shows_them() -> None:
    # Discord reads runs of underscores as underline/italic markup: "The ____ is" lost its blank
    assert blanks_shown("The ____ is the physical machine") == r"The \_\_\_\_ is the physical machine"
    assert (
        blanks_shown("snake_case, __init__ and an escaped \\___ stay")
        == "snake_case, __init__ and an escaped \\___ stay"
    )
    entry = Entry(term="Host", definition="The physical machine.", topic=TOPIC)
    question = Question(
        kind=QuestionKind.MEANING,
        entry=entry,
        prompt="The ____ is the physical machine.",
        choices=("a ____ machine", "a guest", "a VM", "a host"),
        answer_index=3,
    )
    now = datetime(2026, 1, 1, tzinfo=UTC)
    embed = question_embed(QuestionAsked(1, 1, question, now, now, None))
    assert embed.description == r"The \_\_\_\_ is the physical machine."
    assert r"a \_\_\_\_ machine" in str(embed.fields[0].value)
