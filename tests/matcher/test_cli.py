"""The ``ask`` and ``console`` commands, in-process and as real subprocesses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.console import ConsoleCommand, ConsoleSession, run_console
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge
from tests.matcher.conftest import SEED

REPO = Path(__file__).resolve().parents[2]


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


# ---------------------------------------------------------------- ask


def test_ask_prints_term_definition_details_and_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what's a hypervisor?", "--kb", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Hypervisor: Software that manages the distribution")
    assert "  - Keep the hypervisor updated" in out
    assert "Topic: Virtualization (2.2)" in out


def test_ask_not_found_prints_suggestions_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what is virtual memory", "--kb", str(SEED)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Not in the notes. Did you mean: Virtual machine")
    assert out.endswith("?")
    assert main(["ask", "what is a firewall", "--kb", str(SEED)]) == 0
    assert capsys.readouterr().out.strip() == "Not in the notes."


@pytest.mark.parametrize(
    "question",
    ["@everyone what is vm escape", "<@123> what is **vm escape**?", "> lunch?\nwhat is ||vm escape||"],
)
def test_ask_reads_discord_markup_like_a_person(question: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", question, "--kb", str(SEED)]) == 0
    assert capsys.readouterr().out.startswith("VM escape: ")
    console_out = io.StringIO()
    run_console(load_knowledge([SEED]), stdin=io.StringIO(f"{question}\n"), stdout=console_out)
    assert "VM escape: " in console_out.getvalue()


def test_ask_json_has_exactly_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "VMM", "--json", "--kb", str(SEED)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found == {
        "query": "VMM",
        "answer": {
            "term": "Hypervisor",
            "definition": found["answer"]["definition"],
            "topic": "Virtualization",
            "score": 100.0,
            "via": "alias",
        },
        "suggestions": [],
    }
    assert found["answer"]["definition"].startswith("Software that manages")
    assert main(["ask", "type 3 hypervisor", "--json", "--kb", str(SEED)]) == 0
    refused = json.loads(capsys.readouterr().out)
    assert refused["answer"] is None
    assert set(refused) == {"query", "answer", "suggestions"}
    assert {s["term"] for s in refused["suggestions"]} >= {"Type I hypervisor", "Type II hypervisor"}
    assert all(set(s) == {"term", "score"} for s in refused["suggestions"])


def test_ask_stdin_one_line_per_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "what is a vm\n\nvirtual memory\ndefine elasticity\n")
    assert main(["ask", "-", "--kb", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Virtual machine: A container")
    assert lines[1].startswith("Not in the notes. Did you mean:")
    assert lines[2].startswith("Elasticity: ")


def test_ask_stdin_json_lines(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, "hypervisr\nwhat is dns\n")
    assert main(["ask", "-", "--json", "--kb", str(SEED)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["query"] for r in rows] == ["hypervisr", "what is dns"]
    assert rows[0]["answer"]["term"] == "Hypervisor"
    assert rows[1]["answer"] is None


def test_ask_missing_knowledge_path_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["ask", "vm", "--kb", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nope.yaml" in captured.err
    assert "Traceback" not in captured.err


def test_ask_broken_knowledge_file_exits_2_with_file_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("topic: {title: Broken}\nentries:\n  - term: [unclosed\n", encoding="utf-8")
    assert main(["ask", "vm", "--kb", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml" in err
    assert "error: cannot load the knowledge base" in err


def test_ask_subprocess_json() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "whats a type two hypervisor", "--json"],  # default notes
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answer"]["term"] == "Type II hypervisor"


# ---------------------------------------------------------------- console


def test_console_piped_answers_commands_and_quits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "/help\n/topics\nhypervisr\n/define bare metal\n/define\n/nope\n/quit\nvm\n")
    assert main(["console", "--kb", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "studybot>" not in out  # no prompt noise when piped
    assert "/define TERM" in out
    assert "Virtualization (2.2): 16 terms" in out
    assert "Hypervisor: Software that manages" in out
    assert "Type I hypervisor: A hypervisor that runs directly" in out
    assert "Usage: /define TERM" in out
    assert "Unknown command /nope" in out
    assert "Virtual machine:" not in out  # after /quit nothing runs


def test_console_ends_at_end_of_input_and_refuses_politely(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "what is a firewall\n")
    assert main(["console", "--kb", str(SEED)]) == 0
    assert capsys.readouterr().out.strip() == "Not in the notes."


def test_console_missing_knowledge_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["console", "--kb", str(tmp_path / "missing")]) == 2
    assert "missing" in capsys.readouterr().err


def test_run_console_accepts_extra_commands_that_read_more_input(kb: KnowledgeBase) -> None:
    def echo_twice(session: ConsoleSession, arg: str) -> None:
        answer = session.read_line("answer> ")
        session.write(f"{arg}:{answer}:{answer}")

    stdin = io.StringIO("/echo hi\nthere\n/e x\ny\n/help\n")
    stdout = io.StringIO()
    extra = [ConsoleCommand("echo", "repeat the next line", echo_twice, usage="WORD", aliases=("e",))]
    assert run_console(kb, stdin=stdin, stdout=stdout, extra_commands=extra) == 0
    out = stdout.getvalue()
    assert "hi:there:there" in out
    assert "x:y:y" in out
    assert "/echo WORD" in out
    assert "answer>" not in out


def test_run_console_makes_extra_commands_given_as_a_function_at_the_first_command(kb: KnowledgeBase) -> None:
    made: list[str] = []

    def extra() -> list[ConsoleCommand]:
        made.append("made")
        return [ConsoleCommand("echo", "repeat the word", lambda session, arg: session.write(f"echo {arg}"))]

    stdout = io.StringIO()
    assert run_console(kb, stdin=io.StringIO("hypervisor\nvm\n"), stdout=stdout, extra_commands=extra) == 0
    assert made == [], "questions alone never make the extra commands"
    assert "Hypervisor" in stdout.getvalue()

    stdout = io.StringIO()
    stdin = io.StringIO("hypervisor\n/help\n/echo hi\n/e\n/echo again\n")
    assert run_console(kb, stdin=stdin, stdout=stdout, extra_commands=extra) == 0
    out = stdout.getvalue()
    assert made == ["made"], "made once, at the first command"
    assert "/echo" in out  # /help, the first command, lists them
    assert "echo hi" in out
    assert "echo again" in out
    assert "Unknown command /e;" in out


def test_console_subprocess_piped() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--kb", str(SEED)],
        cwd=REPO,
        input="what is vm sprawl\n/quit\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Virtualization sprawl: Occurs when virtual machines are created")
    assert done.stderr == ""


def test_console_on_a_terminal_greets_and_prompts(kb: KnowledgeBase) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stdout = io.StringIO()
    assert run_console(kb, stdin=Terminal("what is a vm\n"), stdout=stdout) == 0
    out = stdout.getvalue()
    assert out.startswith("studybot offline: 1 file, 1 topic, 16 terms")
    assert out.count("studybot> ") == 2  # before the question and before end of input
    assert "Virtual machine: A container for an emulated computer" in out
