"""plain_text: every kind of Discord markup around a question comes out as the words a reader sees."""

from __future__ import annotations

import pytest

from bot.markup import answer_text, plain_text, without_wiki_links

Q = "what is vm escape"

#: (raw message content, what a reader reads)
SHAPES: list[tuple[str, str]] = [
    # mentions
    (f"@here {Q}", Q),
    (f"@everyone {Q}", Q),
    (f"<@123456789012345678> {Q}", Q),
    (f"<@!123456789012345678> {Q}", Q),
    (f"<@&223456789012345678> {Q}", Q),
    (f"<@1> @everyone {Q}", Q),
    (f"<@1>, <@&2>: @here {Q}?", f"{Q}?"),
    (f"{Q}, @everyone?", f"{Q}?"),
    (f"{Q} <@1>", Q),
    (f"{Q} <@1> @here!", f"{Q}!"),
    ("what is an @everyone storm?", "what is an everyone storm?"),
    ("hey <@1> what is vm escape", "hey what is vm escape"),
    (f"<#42> {Q}", Q),
    ("what is the topic of <#42>", "what is the topic of study-hall"),
    ("what is the topic of <#43>", "what is the topic of"),
    ("use </define:1234> for vm escape", "use /define for vm escape"),
    (f"<id:customize> {Q}", Q),
    # emoji and timestamps
    (f"{Q} <:thinking:1234567890>", Q),
    (f"<a:wave:1234567890> {Q}", Q),
    (f"{Q} :thinking:", Q),
    (f"{Q} <t:1700000000:R>", Q),
    (f"<t:1700000000> {Q}", Q),
    # inline markdown
    ("what is **vm escape**", Q),
    ("what is *vm escape*", Q),
    ("what is _vm escape_", Q),
    ("what is __vm escape__", Q),
    ("what is ***vm escape***", Q),
    ("what is __*vm escape*__", Q),
    ("what is ||vm escape||", Q),
    ("what is ||**vm escape**||", Q),
    ("what is `vm escape`", Q),
    ("what is ``vm escape``", Q),
    ("what is ~~a sandwich~~ vm escape", Q),
    ("what is vm\\_escape", "what is vm_escape"),
    ("what is snake_case_name", "what is snake_case_name"),
    ("what is 2*3*4", "what is 2*3*4"),
    # blocks
    (f"# {Q}", Q),
    (f"## {Q}", Q),
    (f"### {Q}", Q),
    (f"-# {Q}", Q),
    (f"- {Q}", Q),
    (f"* {Q}", Q),
    ("1. what is a type 2 hypervisor", "what is a type 2 hypervisor"),
    (f"> {Q}", Q),
    (f">>> {Q}", Q),
    (f"> someone asked about lunch\n{Q}", Q),
    (f"{Q}\n> quoted chatter", Q),
    (f"@here\n> {Q}", Q),
    (f"```\n{Q}\n```", Q),
    (f"```txt\n{Q}\n```", Q),
    ("what is\nvm escape", Q),
    ("```\n**not bold** <@1>\n```", "**not bold** <@1>"),
    # links
    ("what is [vm escape](https://example.com/vm)", Q),
    ("what is [vm escape](<https://example.com/vm>)", Q),
    (f"{Q} <https://example.com/x>", Q),
    (f"{Q} https://example.com/x?y=1", Q),
    # nothing left
    ("<@1>", ""),
    ("@everyone <:pog:1>", ""),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "plain"), SHAPES)
def test_plain_text_reads_like_a_person(raw: str, plain: str) -> None:
    assert plain_text(raw, channels={42: "study-hall"}) == plain


@pytest.mark.parametrize(
    "raw",
    ["<", "<@", "<t:", "```", "`", "||", "**", "\\", "[x](", ">>> ", "\ue000", "\ue0001\ue000", "~~~~", "-#"],
)
def test_broken_markup_never_raises(raw: str) -> None:
    assert isinstance(plain_text(raw), str)
    assert isinstance(plain_text(raw * 50 + Q), str)


@pytest.mark.parametrize(
    ("raw", "answer"),
    [
        ("@Sam VM escape", "VM escape"),
        ("@sam.lee, @ann: **VM escape**", "VM escape"),
        ("VM escape @Sam", "VM escape"),
        ("VM escape, @Sam!", "VM escape!"),
        ("<@123> VM escape", "VM escape"),
        ("mail me@example.com", "mail me@example.com"),  # not an addressee
        ("VM @escape hatch", "VM @escape hatch"),  # inside the answer: kept
        ("@Sam", ""),  # nothing else: the caller keeps the raw text
    ],
)
def test_a_typed_answer_drops_plain_at_names_around_it(raw: str, answer: str) -> None:
    assert answer_text(raw) == answer


def test_a_plain_at_name_never_costs_quadratic_time() -> None:
    assert answer_text("VM escape" + " @a" * 2000) == "VM escape"
    assert answer_text("@a " * 2000 + "VM escape") == "VM escape"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("The [[organelle]] that makes ATP", "The organelle that makes ATP"),
        ("Made in the [[Endoplasmic reticulum|ER]]", "Made in the ER"),
        ("See [[Syntax#Order]].", "See Syntax."),
        ("A cell ![[cell.png]] with a wall", "A cell with a wall"),
        ("no links here [x](y)", "no links here [x](y)"),
        ("[[unclosed", "[[unclosed"),
    ],
)
def test_wiki_links_show_as_their_text(raw: str, shown: str) -> None:
    assert without_wiki_links(raw) == shown


def test_an_answer_shows_wiki_links_as_text() -> None:
    """A fresh tester's Obsidian notes: ``bot ask`` printed "The [[organelle]] that ..." as stored."""
    from pathlib import Path

    from bot.cli.ask import result_text
    from bot.knowledge import Entry, Topic
    from bot.matching import Answer

    topic = Topic(title="Cells", path=Path("/notes/cells.yaml"))
    entry = Entry(
        term="Mitochondria",
        definition="The [[organelle]] that produces ATP through [[cellular respiration]].",
        topic=topic,
        details=("Made near the [[Endoplasmic reticulum|ER]]",),
    )
    text = result_text(Answer("what is mitochondria", entry, 100.0, "name"))
    assert "Mitochondria: The organelle that produces ATP through cellular respiration." in text
    assert "  - Made near the ER" in text
    assert "[[" not in text
