"""Generated questions keep enough of a definition, leak no names, and give every option one shape."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.importer import import_notes
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.loader import load_knowledge_text
from bot.quiz.answers import answerable, mask_names
from bot.quiz.questions import QuestionGenerator, QuestionKind, select_entries
from bot.quiz.settings import QuizMode, QuizSettingsError, RoundSettings

TOPIC = Topic(title="Network", path=Path("/notes/net.yaml"))


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in entries)
    return kb


NETWORK = _kb(
    (
        "Reverse Address Resolution Protocol",
        ("RARP",),
        "Resolves MAC addresses to IP addresses; RARP is old.",
    ),
    ("Address Resolution Protocol", ("ARP",), "Resolves IP addresses to MAC addresses on a LAN."),
    ("Secure Shell", ("SSH",), "Encrypted remote login protocol (SSH1 and SSH2); SSH2 is current."),
    ("Dynamic Host Configuration Protocol", ("DHCP",), "Leases IP addresses to hosts."),
    ("Network Address Translation", ("NAT",), "Maps private addresses to one public address."),
    ("Domain Name System", ("DNS",), "Protocol that turns names into IP addresses."),
    ("Simple Network Management Protocol", ("SNMP",), "Polls devices; SNMPv3 adds encryption."),
)


def _question(kb: KnowledgeBase, term: str, kind: QuestionKind, seed: int = 0):
    generator = QuestionGenerator(kb, random.Random(seed))
    entry = next(e for e in kb.entries if e.term == term)
    return generator, generator.make(entry, kind)


def test_words_most_entries_use_stay_so_the_definition_can_be_answered() -> None:
    _, question = _question(NETWORK, "Reverse Address Resolution Protocol", QuestionKind.WHICH_TERM)
    assert question.prompt == "Resolves MAC addresses to IP addresses; ____ is old."
    assert answerable(question.prompt)


def test_an_acronym_with_a_number_does_not_leak_the_answer() -> None:
    _, question = _question(NETWORK, "Secure Shell", QuestionKind.WHICH_TERM)
    assert "SSH" not in question.prompt
    # brackets that held only the names say nothing once they are hidden: they go
    assert question.prompt == "Encrypted remote login protocol; ____ is current."


@pytest.mark.parametrize(
    ("text", "names", "masked"),
    [
        ("RARP is old", ["Reverse Address Resolution Protocol"], "____ is old"),  # initials, no alias
        ("Uses SSH-2 or SSHv2", ["SSH"], "Uses ____ or ____"),
        ("Two VMs", ["VM"], "Two ____"),
        ("Ions that are elements", ["Elemental ions"], "Ions that are ____"),  # word family
        ("at the start", ["Address Translation"], "at the start"),  # lower-case initials are words
        ("Awake is called once", ["Awake()"], "____ is called once"),  # a name with call brackets
        ("A wav file", [".wav"], "A ____ file"),
        # a short stem of the term is one of its forms
        ("Adds a random salt to each password", ["Salting"], "Adds a random ____ to each password"),
        ("A hash function maps data", ["Hashing"], "A ____ function maps data"),
        ("Hides data; stego tools embed it", ["Steganography"], "Hides data; ____ tools embed it"),
        ("Edits the text of a test", ["Tester"], "Edits the text of a ____"),  # 'text' shares only 'te'
        ("Sends a port number", ["Protocol"], "Sends a port number"),
        ("Spans one location", ["Local"], "Spans one location"),  # a longer word, not the term's form
        # brackets left holding only blanks go; a blank's own acronym stays
        ("Encrypted login (SSH1 and SSH2).", ["Secure Shell", "SSH"], "Encrypted login."),
        ("Login protocol (SSH), then more", ["SSH"], "Login protocol, then more"),
        ("A Storage Area Network (SAN) here", ["Storage Area Network", "SAN"], "A ____ (____) here"),
    ],
)
def test_mask_forms(text: str, names: list[str], masked: str) -> None:
    assert mask_names(text, names, common=["ions"]) == masked


def test_options_under_a_named_term_drop_brackets_emptied_of_names() -> None:
    """Options under a named term show the term anyway: "(____ and ____)" says only names were there."""
    assert (
        mask_names("Encrypted login (SSH1 and SSH2).", ["Secure Shell", "SSH"], single_words=False)
        == "Encrypted login."
    )
    generator = QuestionGenerator(NETWORK, random.Random(0))
    ssh = next(e for e in NETWORK.entries if e.term == "Secure Shell")
    assert generator.masked(ssh, single_words=False) == "Encrypted remote login protocol; ____ is current."


def test_meaning_options_all_have_blanks_or_none_has() -> None:
    """RARP, SSH and SNMP mention themselves (blanks when masked), the others do not."""
    generator = QuestionGenerator(NETWORK, random.Random(1))
    for entry in NETWORK.entries:
        for seed in range(10):
            generator.rng.seed(seed)
            question = generator.make(entry, QuestionKind.MEANING)
            shapes = {"____" in choice for choice in question.choices}
            assert len(shapes) == 1, question.choices


def test_pick_term_options_look_alike() -> None:
    kb = _kb(
        ("TCP", (), "Connection-oriented transport with acknowledgements."),
        ("UDP", (), "Connectionless transport without acknowledgements."),
        ("ICMP", (), "Carries error messages and pings."),
        ("IGMP", (), "Joins hosts to multicast groups."),
        ("Three-way handshake", (), "SYN, SYN/ACK and ACK that open a connection."),
        ("Sliding window", (), "How much data may be sent before an acknowledgement."),
    )
    generator = QuestionGenerator(kb, random.Random(3))
    for seed in range(10):
        generator.rng.seed(seed)
        question = generator.make(kb.entries[0], QuestionKind.PICK_TERM)
        assert all(choice.isupper() for choice in question.choices), question.choices


CHECKED = """\
# Import\\n
- Firewall - filters traffic between networks by rules
- Router - forwards packets between networks
- Switch - forwards frames inside one network
- Voice phishing (some automated)
- Proxy - makes requests on behalf of clients
"""


def test_entries_the_importer_flagged_are_never_asked_or_offered() -> None:
    result = import_notes(CHECKED, notes_name="net.md")
    assert "# check:" in result.text
    kb = load_knowledge_text(result.text, Path("net.yaml"))
    flagged = {e.term for e in kb.entries if e.checks}
    assert flagged  # the parenthesis guess
    assert {e.term for e in select_entries(kb)} == {e.term for e in kb.entries} - flagged
    generator = QuestionGenerator(kb, random.Random(5))
    questions = generator.generate(RoundSettings(questions=40, mode=QuizMode.MIXED))
    for question in questions:
        assert question.entry.term not in flagged
        for choice in question.choices:
            assert all(term not in choice for term in flagged)


def test_a_topic_of_only_flagged_entries_says_what_to_do() -> None:
    result = import_notes("# T\n\n- Voice phishing (some automated)\n", notes_name="t.md")
    kb = load_knowledge_text(result.text, Path("t.yaml"))
    with pytest.raises(QuizSettingsError, match="'# check:' notes"):
        select_entries(kb)


TOPOLOGIES = _kb(
    (
        "Star Topology",
        (),
        "A star (hub-and-spoke) topology’s computers are connected to a central point by their own cables.",
    ),
    ("Mesh Topology", (), "Every computer links to every other; the topology survives many broken links."),
    ("Bus Topology", (), "One shared backbone cable; a break in this topology stops the whole segment."),
    ("Ring Topology", (), "Each computer passes frames to the next around a loop of the topology."),
    ("Hub", (), "A device repeating every frame to all of its ports."),
)


def test_a_typed_prompt_that_holds_every_word_of_the_term_hides_a_word_most_entries_use_too() -> None:
    generator, question = _question(TOPOLOGIES, "Star Topology", QuestionKind.WHICH_TERM)
    assert "topology" in generator.common
    assert question.prompt == (
        "A ____ (hub-and-spoke) ____’s computers are connected to a central point by their own cables."
    )
