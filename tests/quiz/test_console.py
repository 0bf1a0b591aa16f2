"""The console's single-player /quiz: same engine, same database (as server 0, member 0)."""

from __future__ import annotations

import asyncio
import io
import random
import re
from pathlib import Path

import pytest

from bot.cli.console import run_console
from bot.cli.console.quiz import ConsoleQuiz, parse_quiz_args
from bot.clock import FakeClock
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.quiz.settings import QuizSettingsError
from bot.storage import Store
from tests.dbutil import sqlite_url
from tests.quiz.conftest import make_kb

#: Three entries: a round never asks the same question twice, so a 3-question round needs three (seed 1
#: asks Emulator, Hypervisor, Container).
KB = make_kb(
    {
        "Solo": [
            ("Hypervisor", "Software that shares a host's hardware among virtual machines."),
            ("Container", "An isolated user space that shares the host's kernel."),
            ("Emulator", "Software that imitates another machine's processor in full."),
        ]
    }
)


def _play(url: str, lines: list[str]) -> str:
    out = io.StringIO()
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1)) as quiz:
        run_console(
            KB, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out, extra_commands=quiz.commands()
        )
    return out.getvalue()


def test_a_console_round_scores_and_stores_points(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    text = _play(
        url,
        [
            "/quiz questions=3 seconds=20 mode=typed",
            "?",
            "emulatr",
            "wrong",
            "wrong",
            "wrong",
            "the Container",
        ],
    )
    assert "Question 1/3: Software that imitates" in text
    assert "Question 2/3: Software that shares" in text
    assert "hint: E _" in text
    assert "Right! +20 points." in text
    assert "The answer was: Hypervisor." in text
    assert "Quiz over: 40 points, 2/3 right." in text

    async def check() -> None:
        store = await Store.open(url)
        try:
            rank = await store.leaderboards.rank(0, 0)
            assert rank is not None
            assert (rank.points, rank.answered, rank.correct) == (40, 3, 2)
        finally:
            await store.close()

    asyncio.run(check())


def test_console_quiz_can_be_stopped_and_refuses_bad_settings(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    text = _play(url, ["/quiz questions=99", "/quiz questions=2 mode=typed", "q"])
    assert "questions must be between 1 and 50" in text
    assert "Quiz stopped: 0 points, question 1 stopped before it was scored." in text


def test_a_stopped_quiz_counts_only_the_questions_closed(tmp_path: Path) -> None:
    """The question the player stops on is never closed (nothing of it is stored or scored): the end line
    counts the questions scored, as the stored totals do, and names the one stopped at."""
    kb = make_kb(
        {
            "Virtualization": [
                ("Hypervisor", "Software that shares a host's hardware among virtual machines."),
                ("Snapshot", "A saved state of a virtual machine."),
                ("VM escape", "Breaking out of a guest into the host."),
            ]
        }
    )
    url = sqlite_url(tmp_path / "c.db")
    text = _play_kb(kb, url, ["/quiz questions=3 seconds=20 mode=buttons", "A", "q"])
    assert "Question 2/3" in text
    stopped = r"Quiz stopped: \d+ points?, [01]/1 right \(question 2 stopped before it was scored\)\."
    assert re.search(stopped, text), text

    async def answered() -> int:
        store = await Store.open(url)
        try:
            rank = await store.leaderboards.rank(0, 0)
            return rank.answered if rank is not None else 0
        finally:
            await store.close()

    assert asyncio.run(answered()) == 1


def test_parse_quiz_args() -> None:
    s = parse_quiz_args('questions=5 seconds=15 mode=buttons topic="Virtualization"')
    assert (s.questions, s.seconds, s.mode.value, s.topic) == (5, 15, "buttons", "Virtualization")
    with pytest.raises(QuizSettingsError, match="usage"):
        parse_quiz_args("five questions")
    with pytest.raises(QuizSettingsError, match="whole number"):
        parse_quiz_args("questions=five")
    # a new user's find: an unquoted title of two words got only the usage line
    with pytest.raises(QuizSettingsError, match='goes in quotes: topic="Social engineering"'):
        parse_quiz_args("topic=Social engineering")


def _kb_vm() -> KnowledgeBase:
    topic = Topic(title="Virtualization", path=Path("/notes/v.yaml"), objective="1.1")
    kb = KnowledgeBase()
    kb.topics.append(topic)
    kb.files.append(topic.path)
    kb.entries.append(
        Entry(
            term="Virtual machine",
            definition="A computer emulated in software.",
            topic=topic,
            aliases=("VM",),
        )
    )
    return kb


def _play_kb(kb: KnowledgeBase, url: str, lines: list[str]) -> str:
    out = io.StringIO()
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1)) as quiz:
        run_console(
            kb, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out, extra_commands=quiz.commands()
        )
    return out.getvalue()


@pytest.mark.parametrize("typed", ["<@123456789012345678> vm", "@everyone vm", "**VM**", "||vm||"])
def test_typed_answers_are_read_without_discord_markup(tmp_path: Path, typed: str) -> None:
    text = _play_kb(
        _kb_vm(), sqlite_url(tmp_path / "c.db"), ["/quiz questions=1 seconds=20 mode=typed", typed]
    )
    assert "Right! +" in text
    assert "Quiz over:" in text
    assert "1/1 right." in text


def test_typed_questions_give_three_tries_like_discord(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "c.db")
    text = _play_kb(_kb_vm(), url, ["/quiz questions=1 seconds=20 mode=typed", "nope", "?", "no", "vm"])
    assert "Not quite, 2 tries left." in text
    assert "Not quite, 1 try left." in text
    assert "hint:" in text
    assert "Right! +" in text
    assert "1/1 right." in text
    # three wrong guesses: then the answer is revealed
    text = _play_kb(_kb_vm(), url, ["/quiz questions=1 seconds=20 mode=typed", "a", "b", "c", "vm"])
    assert text.count("Not quite") == 2
    assert "The answer was: Virtual machine." in text
    assert "0/1 right." in text
    # q still stops mid-question
    text = _play_kb(_kb_vm(), url, ["/quiz questions=1 seconds=20 mode=typed", "a", "q"])
    assert "Quiz stopped:" in text


def test_button_questions_ask_again_for_a_bad_pick_and_print_plain_text(tmp_path: Path) -> None:
    kb = make_kb(
        {
            "Virtualization": [
                ("Virtualization sprawl", "Too many virtual machines for the system admins."),
                ("Hypervisor", "Software that shares a host's hardware among virtual machines."),
                ("Snapshot", "A saved state of a virtual machine."),
                ("VM escape", "Breaking out of a guest into the host."),
            ]
        }
    )
    url = sqlite_url(tmp_path / "c.db")
    text = _play_kb(
        kb, url, ["/quiz questions=4 seconds=20 mode=buttons", "9", "maybe", "?", "A", "B)", "c.", "(d)"]
    )
    assert "**" not in text
    assert text.count("Pick A-D.") == 2  # "9" and "maybe"; "B)", "c." and "(d)" are picks
    assert "No hint on a multiple-choice question: pick A-D." in text
    assert ".." not in text.replace("...", "")
    assert "Quiz over:" in text
    assert "/4 right." in text


def test_a_round_on_one_entry_says_it_has_one_question(tmp_path: Path) -> None:
    solo = make_kb({"Solo": [("Hypervisor", "Software that shares a host's hardware among machines.")]})
    out = io.StringIO()
    with ConsoleQuiz(sqlite_url(tmp_path / "console.db"), clock=FakeClock(), rng=random.Random(1)) as quiz:
        lines = "/quiz questions=5 seconds=20 mode=typed\nHypervisor\n"
        run_console(solo, stdin=io.StringIO(lines), stdout=out, extra_commands=quiz.commands())
    text = out.getvalue()
    assert "Quiz: 1 question (all the notes hold: 5 were asked for), 20 s each." in text
    assert text.count("Question 1/1:") == 1
    assert "Quiz over: 20 points, 1/1 right." in text


def test_a_command_typed_mid_question_is_no_answer_and_spends_no_try(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "c.db")
    lines = ["/quiz questions=1 seconds=20 mode=typed", "/help", "/define vm", "a", "b", "vm"]
    text = _play_kb(_kb_vm(), url, lines)
    assert "/help is a command: finish the quiz first (q stops it). Not counted." in text
    assert "/define is a command" in text
    assert "Not quite, 2 tries left." in text  # "a" was the first try, not the third
    assert "Right! +" in text
    assert "1/1 right." in text
    # /exit (an alias of /quit) stops the round like q; a slash answer that is no command is an answer
    assert "Quiz stopped:" in _play_kb(_kb_vm(), url, ["/quiz questions=1 seconds=20 mode=typed", "/exit"])
    text = _play_kb(_kb_vm(), url, ["/quiz questions=1 seconds=20 mode=typed", "/etc/passwd"])
    assert "Not quite, 2 tries left." in text


def test_a_typed_question_prints_its_blanks(tmp_path: Path) -> None:
    # the hidden term leaves a blank the player can see, not a sentence with words cut out
    kb = make_kb({"Crypto": [("Salting", "Adds a random salt to each password before it is hashed.")]})
    text = _play_kb(kb, sqlite_url(tmp_path / "c.db"), ["/quiz questions=1 seconds=20 mode=typed", "salting"])
    assert "Question 1/1: Adds a random ____ to each password before it is hashed." in text


def test_a_blank_line_is_no_answer_and_spends_no_try(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "c.db")
    lines = ["/quiz questions=1 seconds=20 mode=typed", "", "   ", "...", "<@123456789012345678>", "a", "vm"]
    text = _play_kb(_kb_vm(), url, lines)
    assert text.count("Not quite") == 1
    assert "Not quite, 2 tries left." in text  # "a" was the first try
    assert "Right! +" in text
    assert "1/1 right." in text
