"""Names written another way, examples, properties, comparisons and descriptions inside a definition.

Known faults, in our own small notes (the bundled notes' cases are their own questions), and
next to each kind the out-of-scope look-alikes that must still be refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.query import comparison_sides

TOPIC = Topic(title="Attacks", path=Path("/notes/attacks.yaml"))


def _kb(*entries: tuple[str, tuple[str, ...], str, tuple[str, ...]]) -> KnowledgeBase:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(
        Entry(term=t, aliases=a, definition=d, examples=x, topic=TOPIC) for t, a, d, x in entries
    )
    return kb


NOTES = _kb(
    ("Birthday", (), "An attack that finds two inputs with the same hash (a collision).", ()),
    ("Spraying", (), "Tries one common password against many accounts.", ()),
    ("Brute force", (), "An attack that tries every possible key or password.", ()),
    ("Trojans", (), "Malware hidden inside a useful program, like the Greek horse.", ()),
    ("Three-way handshake", (), "SYN, SYN/ACK, ACK: how TCP opens a connection.", ()),
    ("URL hijacking", ("typosquatting",), "Registering a misspelt domain of a real site.", ()),
    ("UDP", ("User Datagram Protocol",), "Connectionless transport protocol without acknowledgements.", ()),
    ("DNS", ("Domain Name System",), "Turns host names into IP addresses.", ()),
    ("DHCP", (), "Hands out IP addresses to hosts.", ()),
    ("CAS Latency", ("CL",), "Clock cycles between a column address and the data.", ()),
    ("DNS poisoning", (), "Puts forged records into a name server's cache.", ()),
    ("XMP Profiles", (), "Settings stored on a memory module that overclock it safely.", ()),
    ("TCP", ("Transmission Control Protocol",), "Connection-oriented transport with acknowledgements.", ()),
    ("FTP", ("File Transfer Protocol",), "Moves files between a client and a server, port 21.", ()),
    ("3DES", ("Triple DES",), "Runs DES three times on each block.", ()),
    ("S/MIME", (), "Signs and encrypts email with certificates.", ()),
    ("PKCS #12", (), "A file format that stores a private key with its certificate chain.", ()),
    ("Privilege escalation", (), "Gaining rights the user was never given.", ()),
    ("Smurf attack", (), "Spoofed ICMP echo requests sent to a broadcast address.", ()),
    ("DDoS", (), "A denial of service attack performed by a botnet.", ()),
    ("Worm", (), "Malware that spreads on its own.", ("WannaCry", "Conficker")),
    ("Container", (), "Shares the host kernel with other containers.", ("Docker",)),
    ("Buffer overflow", (), "Writes past the end of a buffer into memory it does not own.", ()),
    ("Integer overflow", (), "A number grows past its largest value and wraps around.", ()),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(NOTES)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("cas latency", "CAS Latency"),  # an acronym ending in s, typed in lower case, is no plural
        ("what is cas latency", "CAS Latency"),
        ("what is dns cache poisoning", "DNS poisoning"),
        ("what is xmp", "XMP Profiles"),  # a generic head (profile, mode, certificate) dropped
        # a head noun added or dropped, another word form
        ("birthday attack", "Birthday"),
        ("password spraying", "Spraying"),
        ("brute-force attack", "Brute force"),
        ("trojan horse", "Trojans"),
        ("smurf", "Smurf attack"),
        ("what is a ddos attack", "DDoS"),
        ("escalating privileges", "Privilege escalation"),
        # numerals inside words; joined, hyphenated and spaced forms
        ("3 way handshake", "Three-way handshake"),
        ("three way handshake", "Three-way handshake"),
        ("typo squatting", "URL hijacking"),
        ("typo-squatting", "URL hijacking"),
        ("triple des", "3DES"),
        ("smime", "S/MIME"),
        # a description a definition contains
        ("connectionless transport protocol", "UDP"),
        # a property of a named entry
        ("what is a ddos performed by", "DDoS"),
        ("what memory does a buffer overflow write into", "Buffer overflow"),
    ],
)
def test_names_written_another_way(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is ftps",  # FTP's acronym with one more letter is another protocol
        "container ship",
        "what is a container ship",
        "what is a worm gear",
        "what is a stem cell",
        "what is DDR6",
        "what is a smurf village",  # "village" is not in the Smurf attack's definition
        "spraying paint",
        "what is a 4 way handshake",
        "how do I write a buffer",
        "what is a buffer zone",
        "what is a chemical reaction",
    ],
)
def test_look_alikes_are_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), (question, result)


def test_an_example_answers_its_entry_as_an_example(matcher: Matcher) -> None:
    result = matcher.lookup("what is docker")
    assert isinstance(result, Answer)
    assert (result.entry.term, result.via, result.example) == ("Container", "example", "Docker")
    assert result.lead == "Docker is an example of Container."
    wannacry = matcher.lookup("wannacry")
    assert isinstance(wannacry, Answer)
    assert wannacry.lead == "WannaCry is an example of Worm."


def test_an_example_of_two_entries_is_refused() -> None:
    kb = _kb(
        ("Worm", (), "Spreads on its own.", ("Conficker",)),
        ("Botnet", (), "Many infected machines under one control.", ("Conficker",)),
    )
    assert isinstance(Matcher(kb).lookup("conficker"), NotFound)


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("tcp vs udp", ["TCP", "UDP"]),
        ("TCP versus UDP?", ["TCP", "UDP"]),
        ("difference between tcp and udp", ["TCP", "UDP"]),
        ("what is the difference between worm and trojan", ["Worm", "Trojans"]),
        ("buffer vs integer overflow", ["Buffer overflow", "Integer overflow"]),
        # the question's frame is no part of the first side (a new user's find: one entry shown)
        ("what is buffer vs integer overflow", ["Buffer overflow", "Integer overflow"]),
        ("whats buffer vs integer overflow", ["Buffer overflow", "Integer overflow"]),
        ("udp or tcp, which is which", ["UDP", "TCP"]),
        ("compare spraying and brute force", ["Spraying", "Brute force"]),
        ("dns vs dhcp", ["DNS", "DHCP"]),  # an acronym ending in s is no plural on either side
        ("dhcp vs dns", ["DHCP", "DNS"]),
    ],
)
def test_comparisons_show_both_entries(matcher: Matcher, question: str, terms: list[str]) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert [e.term for e in result.entries] == terms
    assert result.via == "comparison"
    assert result.lead == f"{terms[0]} and {terms[1]} compared:"


@pytest.mark.parametrize("question", ["tcp vs sctp", "difference between a worm and a virus", "x vs y"])
def test_a_comparison_of_something_not_in_the_notes_is_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound)
    assert all(s.entry.term in ("TCP", "Worm") for s in result.suggestions)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("X vs Y", ("X", "Y")),
        ("what's the difference between a VM and a container?", ("a VM", "a container")),
        ("how does TCP differ from UDP", ("TCP", "UDP")),
        ("HTTP or HTTPS which is which", ("HTTP", "HTTPS")),
        ("what is a vm", None),
        ("TCP and UDP", None),
    ],
)
def test_comparison_sides(text: str, sides: tuple[str, str] | None) -> None:
    assert comparison_sides(text) == sides


def test_the_bundled_notes_answer_the_issues_questions() -> None:
    from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge

    matcher = Matcher(load_knowledge([DEFAULT_KNOWLEDGE_PATH / "security-plus" / "virtualization.yaml"]))
    for question in ("what is docker", "openvz", "parallels virtuozzo"):
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert result.via == "example", question
        assert result.entry.term == "Application containerization"
    live = matcher.lookup("what is live migration vulnerable to")
    assert isinstance(live, Answer)
    assert live.entry.term == "Live migration"
    both = matcher.lookup("difference between type 1 and type 2 hypervisor")
    assert isinstance(both, Answer)
    assert [e.term for e in both.entries] == ["Type I hypervisor", "Type II hypervisor"]
