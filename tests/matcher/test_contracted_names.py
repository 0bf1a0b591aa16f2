"""A name that holds an acronym asked with the acronym written out ("business to business marketing" is
B2B marketing, "peer to peer network" a P2P network); digits stand for the words they sound like."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from bot.matching.variants import contracted, initials
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("B2B marketing", "Marketing to organizations."),
    ("P2P network", "Hosts that share files without a server."),
    ("DNS server", "Answers name look-ups."),
    ("2FA app", "Shows one-time codes."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Mixed": ENTRIES}))


def test_initials_write_sounding_digits() -> None:
    assert initials("business to business") == {"btb", "b2b"}
    assert initials("two factor authentication") == {"tfa", "2fa"}
    assert initials("peer to peer") == {"ptp", "p2p"}


def test_contracted_keeps_a_word_beside_the_initials() -> None:
    assert "B2B marketing" in contracted(["business", "to", "business", "marketing"], {"b2b"})
    assert (
        contracted(["business", "to", "business"], {"b2b"}) == []
    )  # the whole question: the acronym look-ups'
    assert (
        contracted(["a", "b", "c", "d", "e", "f", "g", "h", "i"], {"abc"}) == []
    )  # longer questions are not tried


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("business to business marketing", "B2B marketing"),
        ("what is a peer to peer network", "P2P network"),
        ("domain name system server", "DNS server"),
        ("two factor authentication app", "2FA app"),
    ],
)
def test_a_name_with_its_acronym_written_out_answers(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question", ["business to consumer marketing", "peer to peer lending", "dog name server"]
)
def test_other_words_written_out_are_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
