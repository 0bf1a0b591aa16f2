"""Question rules: keep what a definition needs, hide what gives the answer."""

from __future__ import annotations

import random

import pytest

from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from bot.quiz.answers import answerable, mask_names
from tests.quiz.conftest import make_kb


@pytest.mark.parametrize(
    ("text", "names", "masked"),
    [
        # one word of a name of several says too little to give it away: it stays, so the rest can be answered
        ("Manages printers on the network", ["Print Server"], "Manages printers on the network"),
        (
            "A Storage Area Network (SAN) is used by storage systems.",
            ["Storage Area Network"],
            "A ____ (____) is used by storage systems.",
        ),
        # every distinctive word of the name is there: together they spell it, so they go
        (
            "Resolves names of domains into addresses",
            ["Domain Names"],
            "Resolves ____ of ____ into addresses",
        ),
        # with its long words there, a short word of the name spells it too
        (
            "A star (hub-and-spoke) topology joins hosts",
            ["Star Topology"],
            "A ____ (hub-and-spoke) ____ joins hosts",
        ),
        ("The star shape", ["Star Topology"], "The star shape"),
        # an acronym written next to the hidden name is hidden too, even when it is no alias
        (
            "The term Multiprotocol Label Switching (MPLS) names a WAN protocol.",
            ["Multiprotocol Label Switching"],
            "The term ____ (____) names a WAN protocol.",
        ),
        ("The Multipoint GRE (mGRE) protocol", ["Multipoint GRE"], "The ____ (____) protocol"),
    ],
)
def test_mask_keeps_enough_and_hides_what_gives_the_name(text: str, names: list[str], masked: str) -> None:
    assert mask_names(text, names) == masked


def test_the_options_of_a_meaning_question_never_show_the_terms_acronym() -> None:
    kb = make_kb(
        {
            "WAN": [
                (
                    "Multiprotocol Label Switching",
                    "The term Multiprotocol Label Switching (MPLS) names a WAN protocol.",
                ),
                ("Frame Relay", "An older packet-switched WAN service between sites."),
                ("Leased line", "A private circuit rented from a carrier between two sites."),
                ("Metro Ethernet", "Ethernet offered by a carrier across a city."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    question = generator.make(kb.entries[0], QuestionKind.MEANING)
    assert question.answer_index is not None
    assert "MPLS" not in question.choices[question.answer_index]


def test_entries_that_share_a_definition_are_never_asked_by_it() -> None:
    """The notes define Forward and Reverse proxy alike: naming one from it would mark the other wrong."""
    same = "A server that sits in front of web servers and passes client requests on to them"
    kb = make_kb(
        {
            "Proxies": [
                ("Forward Proxy", same),
                ("Reverse Proxy", same),
                ("Load Balancer", "Spreads traffic across several servers so none is overloaded"),
                ("Default Gateway", "The router a host sends packets to for other networks"),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    forward = kb.entries[0]
    kinds = generator.kinds_for(forward, QuizMode.MIXED)
    assert QuestionKind.WHICH_TERM not in kinds
    assert QuestionKind.PICK_TERM not in kinds
    assert QuestionKind.MEANING in kinds
    assert QuestionKind.PICK_TERM in generator.kinds_for(kb.entries[2], QuizMode.MIXED)
    assert answerable(generator.masked(forward))  # the text itself is fine; only its owner is unclear


def test_corpus_questions_never_show_their_answer_or_a_flagged_entry() -> None:
    """20 seeded questions per tune file of the real-notes corpus (``python -m benchmarks.questions``)."""
    import re

    from benchmarks.questions import corpus_notes, imported, questions

    files = corpus_notes(questions.__globals__["CORPUS"], "tune")
    assert len(files) >= 10
    for name, notes in files:
        kb = imported(notes)
        for question in questions(kb, 20, seed=1):
            assert not question.entry.checks, name
            if question.kind in (QuestionKind.WHICH_TERM, QuestionKind.PICK_TERM):
                for shown in question.entry.names:
                    pattern = r"(?<!\w)" + re.escape(shown) + r"(?!\w)"
                    assert not re.search(pattern, question.prompt, re.IGNORECASE), (
                        name,
                        shown,
                        question.prompt,
                    )
            if question.choices:
                assert len(set(question.choices)) == len(question.choices) >= 2, (name, question.choices)
                assert question.answer_index is not None


def test_a_definition_that_is_only_its_name_is_never_asked_or_offered() -> None:
    kb = make_kb(
        {
            "Shells": [
                ("pwsh", "PowerShell"),  # becomes an alias-like line in some notes: nothing to ask from
                ("bash", "Bourne Again SHell"),
                ("zsh", "Z SHell with many plugins"),
                ("fish", "Friendly Interactive SHell"),
                ("ksh", "Korn SHell"),
            ]
        }
    )
    kb.entries[0] = type(kb.entries[0])(
        term="PowerShell", definition="PowerShell", topic=kb.topics[0], aliases=("pwsh",)
    )
    generator = QuestionGenerator(kb, random.Random(3))
    asked = generator.generate(RoundSettings(questions=12, mode=QuizMode.MIXED))
    assert "PowerShell" not in {q.entry.term for q in asked}
    for question in asked:
        assert all(choice.strip() != "____" for choice in question.choices)
        assert not question.prompt.rstrip().endswith(": ____")


def test_an_acronym_spelt_out_in_capitals_is_hidden_but_not_ordinary_words() -> None:
    assert mask_names("Uniform Function Call Syntax; fully qualified calls", ["UFCS"]) == (
        "____; fully qualified calls"
    )
    assert mask_names("A very powerful network", ["VPN"]) == "A very powerful network"


@pytest.mark.parametrize(
    ("definition", "names"),
    [
        ("Remote Authentication Dial-In User Service, central AAA for dial-up users", ["RADIUS"]),
        ("Man-in-the-middle, an attacker relays traffic", ["MITM"]),
        ("Man In The Middle, an attacker relays traffic", ["MITM"]),
        ("Denial Of Service, flooding a host", ["DoS"]),
        ("Secure Shell, encrypted remote login", ["SSH"]),
        ("Hypertext Transfer Protocol, the web's protocol", ["HTTP"]),
        ("Cross-site scripting, injecting scripts into pages", ["XSS"]),
    ],
)
def test_an_acronyms_long_name_opening_its_definition_is_hidden(definition: str, names: list[str]) -> None:
    assert mask_names(definition, names).startswith("____, ")


@pytest.mark.parametrize(
    ("definition", "names", "shown"),
    [
        (
            "N.A.T. rewrites private addresses",
            ["Network address translation"],
            "____ rewrites private addresses",
        ),
        ("S-S-L is deprecated", ["Secure Sockets Layer"], "____ is deprecated"),
        (
            "NAT rewrites private addresses",
            ["Network address translation"],
            "____ rewrites private addresses",
        ),
    ],
)
def test_initials_in_capitals_or_letter_by_letter_are_hidden(
    definition: str, names: list[str], shown: str
) -> None:
    assert mask_names(definition, names) == shown


def test_words_that_only_share_an_acronyms_letters_stay() -> None:
    assert mask_names("Port 22, secure shell", ["SSH"]) == "Port 22, secure shell"
    assert (
        mask_names("Runs on a very powerful network, always", ["VPN"])
        == "Runs on a very powerful network, always"
    )
