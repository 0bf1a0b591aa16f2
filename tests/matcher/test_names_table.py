"""One table of (term, typed text, right?) judged the same by the console quiz and by ``bot ask``.

The notes are written as YAML files (one topic per entry, so a console round can ask about one
term) and loaded by the real loader. Every row is played as a one-question typed round of the
console's ``/quiz`` and asked through ``bot ask - --json``: "right" means the round scores it and
the look-up answers with that entry; "wrong" means neither does.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.cli.console import run_console
from bot.cli.console.quiz import ConsoleQuiz
from bot.clock import FakeClock
from bot.loader import load_knowledge
from tests.dbutil import sqlite_url

#: term -> (aliases, definition). Definitions avoid the names so the masked prompt stays readable.
NOTES: dict[str, tuple[list[str], str]] = {
    "Layer 3 switch": ([], "A switching device that also forwards packets between subnets."),
    "Type II hypervisor": (["hosted hypervisor"], "Runs on top of a host operating system."),
    "Type I hypervisor": (["bare-metal hypervisor"], "Runs directly on the host hardware."),
    "C": ([], "A general-purpose programming language from Bell Labs."),
    "C#": ([], "Microsoft's object-oriented language for its managed runtime."),
    "C++": ([], "An object-oriented extension of the Bell Labs language."),
    "F#": ([], "A functional-first language for the Microsoft runtime."),
    ".NET": ([], "Microsoft's managed runtime and class library."),
    "802.11a": ([], "A wireless networking standard in the 5 GHz band from 1999."),
    "TCP/IP": ([], "The protocol suite the internet runs on."),
    "A+": ([], "An entry-level certification for hardware technicians."),
    "Virtual machine": (["VM"], "An emulated computer running its own operating system."),
    "Access control list": (["ACL"], "Rules that grant or deny traffic or access."),
    "Denial of service": (["DoS"], "Making a service unavailable by flooding it."),
    "Two-factor authentication": (["2FA"], "Logging in with two different kinds of proof."),
    "Class A network": ([], "An IPv4 block whose first octet is from 1 to 126."),
    "Class B network": ([], "An IPv4 block whose first octet is from 128 to 191."),
}

#: (term asked about, typed text, right?)
TABLE: list[tuple[str, str, bool]] = [
    # numbers: digits, number words and Roman numerals are one form; a different number is wrong
    ("Layer 3 switch", "layer 3 switch", True),
    ("Layer 3 switch", "Layer three switch", True),
    ("Layer 3 switch", "layer III switch", True),
    ("Layer 3 switch", "layer-3 switches", True),
    ("Layer 3 switch", "layer 2 switch", False),
    ("Layer 3 switch", "layer two switch", False),
    ("Layer 3 switch", "layer 4 switch", False),
    ("Layer 3 switch", "layr 3 switch", True),  # a typo in the letters is forgiven...
    ("Layer 3 switch", "layer 3 swich", True),
    ("Type II hypervisor", "type 2 hypervisor", True),
    ("Type II hypervisor", "Type two hypervisor", True),
    ("Type II hypervisor", "TYPE II HYPERVISORS", True),
    ("Type II hypervisor", "type 1 hypervisor", False),  # ...never in the number
    ("Type II hypervisor", "Type I hypervisor", False),
    ("Type II hypervisor", "type 3 hypervisor", False),
    ("Type II hypervisor", "type iii hypervisor", False),
    ("Type I hypervisor", "type one hypervisor", True),
    ("Type I hypervisor", "type 1 hypervisors", True),
    ("Type I hypervisor", "bare metal hypervisor", True),
    ("Type I hypervisor", "type 2 hypervisor", False),
    ("Two-factor authentication", "2 factor authentication", True),
    ("Two-factor authentication", "two factor authentication", True),
    ("Two-factor authentication", "three factor authentication", False),
    ("Two-factor authentication", "3 factor authentication", False),
    # symbols that tell names apart
    ("C", "C", True),
    ("C", "c", True),
    ("C", "C#", False),
    ("C", "C++", False),
    ("C#", "C#", True),
    ("C#", "c sharp", True),
    ("C#", "C", False),
    ("C#", "C++", False),
    ("C#", "F#", False),
    ("C++", "c++", True),
    ("C++", "C plus plus", True),
    ("C++", "C", False),
    ("C++", "C#", False),
    ("F#", "f#", True),
    ("F#", "F", False),
    (".NET", ".NET", True),
    (".NET", ".net", True),
    (".NET", "net", False),
    ("802.11a", "802.11a", True),
    ("802.11a", "802.11A", True),
    ("802.11a", "802.11b", False),
    ("802.11a", "802.11", False),
    ("TCP/IP", "TCP/IP", True),
    ("TCP/IP", "tcp ip", True),
    ("TCP/IP", "TCP", False),
    ("A+", "A+", True),
    ("A+", "a plus", True),
    ("A+", "A", False),
    # plurals and the entry's acronyms
    ("Virtual machine", "virtual machines", True),
    ("Virtual machine", "VM", True),
    ("Virtual machine", "VMs", True),
    ("Virtual machine", "vm's", True),
    ("Virtual machine", "virtual memory", False),
    ("Access control list", "access control lists", True),
    ("Access control list", "ACLs", True),
    ("Denial of service", "DoS", True),
    ("Denial of service", "denial of services", True),
    ("Denial of service", "DDoS", False),
    # articles (and an "a" that is a letter)
    ("Virtual machine", "a virtual machine", True),
    ("Virtual machine", "the VMs", True),
    ("Access control list", "an ACL", True),
    ("Class A network", "class a network", True),
    ("Class A network", "a class A network", True),
    ("Class A network", "class network", False),
    ("Class A network", "class b network", False),
    ("Class B network", "Class B networks", True),
]

TOPIC = {term: f"Topic {n:02d}" for n, term in enumerate(NOTES)}


@pytest.fixture(scope="module")
def notes_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("names-table")
    for term, (aliases, definition) in NOTES.items():
        document = {
            "topic": {"title": TOPIC[term]},
            "entries": [{"term": term, "aliases": aliases, "definition": definition}],
        }
        (directory / f"{TOPIC[term].replace(' ', '-')}.yaml").write_text(yaml.safe_dump(document))
    return directory


def test_the_table_covers_each_kind_and_both_verdicts() -> None:
    assert len(TABLE) >= 60
    assert {right for _, _, right in TABLE} == {True, False}
    assert all(term in NOTES for term, _, _ in TABLE)


def test_the_console_quiz_judges_the_table(notes_dir: Path, tmp_path: Path) -> None:
    kb = load_knowledge([notes_dir])
    lines: list[str] = []
    for term, text, _ in TABLE:
        # one guess, then `q`: a wrong guess leaves tries (like on Discord), `q` ends the round before
        # the question is scored; after a right guess the round is over and `q` is a look-up that prints
        # no "Quiz over" line
        lines += [f'/quiz questions=1 seconds=30 mode=typed topic="{TOPIC[term]}"', text, "q"]
    out = io.StringIO()
    with ConsoleQuiz(sqlite_url(tmp_path / "table.db"), clock=FakeClock(), rng=random.Random(7)) as quiz:
        run_console(
            kb, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out, extra_commands=quiz.commands()
        )
    rounds = re.findall(
        r"Quiz (?:over|stopped): \d+ points?, (?:(\d)/1 right|question 1 stopped before it was scored)",
        out.getvalue(),
    )
    assert len(rounds) == len(TABLE), out.getvalue()[-2000:]
    judged = [(term, text, right == "1") for (term, text, _), right in zip(TABLE, rounds, strict=True)]
    assert [row for row, expected in zip(judged, TABLE, strict=True) if row != expected] == []


def test_the_look_up_judges_the_table(
    notes_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{text}\n" for _, text, _ in TABLE)))
    assert main(["ask", "-", "--json", "--kb", str(notes_dir)]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(found) == len(TABLE)
    judged = [
        (term, text, bool(result["answer"]) and result["answer"]["term"] == term)
        for (term, text, _), result in zip(TABLE, found, strict=True)
    ]
    assert [row for row, expected in zip(judged, TABLE, strict=True) if row != expected] == []
