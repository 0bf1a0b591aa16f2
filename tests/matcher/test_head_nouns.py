"""A head noun left out of a name or added to it (issue 14): "what is golgi" asks for the Golgi
apparatus and "hyoid bone" for the notes' Hyoid, when the word left is a term of art that names one
entry; a common word ("cell"), a word before two heads, an acronym ("ARP" of ARP poisoning) or two
words the notes write together elsewhere ("ribosome subunit") is offered, never answered."""

from __future__ import annotations

import dataclasses

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Golgi apparatus", "An organelle that packages and modifies proteins."),
    ("Hyoid", "Anchors the tongue."),
    ("Femur", "The thigh bone."),
    ("Cell wall", "A rigid layer around plant cells."),
    ("Cell membrane", "A barrier around the cell."),
    ("Ribosome", "Makes proteins."),
    ("Rough endoplasmic reticulum", "Studded with ribosomes; folds proteins."),
    ("Smooth endoplasmic reticulum", "Makes lipids."),
    ("ARP Poisoning", "Sending forged ARP replies so traffic goes to the attacker."),
    ("Stapling", "The server attaches a signed OCSP response to its certificate."),
    ("OCSP", "A protocol to ask whether a certificate is revoked."),
    ("Translation", "Each ribosome subunit reads mRNA codons."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Notes": ENTRIES}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is golgi", "Golgi apparatus"),
        ("golgi", "Golgi apparatus"),
        ("what is the golgi", "Golgi apparatus"),
        ("hyoid bone", "Hyoid"),
        ("what is the hyoid bone", "Hyoid"),
        ("ocsp stapling", "Stapling"),
    ],
)
def test_a_head_left_out_or_added_names_the_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    ["what is a cell", "endoplasmic", "what is arp", "ribosome subunit"],
)
def test_a_shared_common_or_acronym_word_is_offered(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), result


def test_an_acronym_or_a_rare_word_after_a_name_is_no_head_noun() -> None:
    """Issue 17's out-of-scope mix at 100k terms: an acronym written as a plural ("JMXs") with another
    word after it, or a rare name followed by another rare word, is two things, not a head noun added."""
    kb = make_kb(
        {
            "Notes": [
                ("Jytskai makrykjisgate", "Isolates the qencarware."),
                ("Qourstit", "Checks kilveaium poutzaix."),
                ("Welsouxix", "Collects the grudesor."),
            ]
        }
    )
    kb.entries[0] = dataclasses.replace(kb.entries[0], aliases=("JMXs",))
    matcher = Matcher(kb)
    assert matcher.lookup("jmxs").entry.term == "Jytskai makrykjisgate"  # type: ignore[union-attr]
    for question in ("what is qourstit grudesor", "jmxs grudesor", "tell me about jmxs kilveaium"):
        assert isinstance(matcher.lookup(question), NotFound), question
