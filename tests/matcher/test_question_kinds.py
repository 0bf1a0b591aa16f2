"""Kinds of questions about notes the matcher answers, each with the look-alikes it must refuse.

Small notes of our own, written from the kinds (a property asked of a named thing, an expansion typed
for an acronym, ...), not from the corpus' strings. A wrong answer is worse than "I don't know".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.text import us_spelling

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in entries)
    return kb


NOTES = _kb(
    ("Ribosome", (), "Joins amino acids into proteins."),
    ("Prokaryote", (), "A single-celled organism without a membrane-bound organelle."),
    ("Nucleus", (), "Holds the genetic material of a eukaryotic cell."),
    ("Hub", (), "Repeats every frame out of every port."),
    ("Switch", (), "Forwards frames by MAC address."),
    ("IPv4 address", (), "Identifies an interface on an IPv4 network."),
    ("TCP", ("Transmission Control Protocol",), "Connection-oriented transport with acknowledgements."),
    ("Raise", ("Raise exception",), "To signal that something has gone wrong."),
    ("Exception", (), "An object that describes an error."),
    ("Certificate", (), "Binds a public key to an identity."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(NOTES)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        # a property asked with an irregular participle or "have"
        ("what is a ribosome made of", "Ribosome"),
        ("what is a ribosome built from", "Ribosome"),
        # the thing asked about is named first; another entry is named in what is asked
        ("does a prokaryote have a nucleus", "Prokaryote"),
        ("why is a hub slower than a switch", "Hub"),
        # the name last: a question word, what is asked for, is/are
        ("how many bits is an ipv4 address", "IPv4 address"),
        ("what layer is tcp", "TCP"),
        # "raising" is no British spelling of "raizing": its word forms meet Raise's
        ("what does raising an exception mean", "Raise"),
    ],
)
def test_a_property_of_a_named_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is certificate switch",  # two names side by side: no subject and a question about it
        "how many hubs is a switch worth",  # the name last, but not after "is/are"
        "what is a ribosome factory",  # a longer compound, not a property
    ],
)
def test_property_look_alikes_are_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert not isinstance(result, Answer) or result.via == "comparison", (question, result)


def test_which_of_two_is_never_answered_with_one(matcher: Matcher) -> None:
    result = matcher.lookup("which is faster, a hub or a switch")
    shown = [e.term for e in result.entries] if isinstance(result, Answer) else []
    assert shown in ([], ["Hub", "Switch"])


@pytest.mark.parametrize(
    ("british", "us"),
    [("organising", "organizing"), ("realised", "realized"), ("raising", "raising"), ("praised", "praised")],
)
def test_only_a_real_ise_ending_is_a_british_spelling(british: str, us: str) -> None:
    assert us_spelling(british) == us


ACRONYMS = _kb(
    ("MTTR", (), "The average time it takes to repair a failed part."),
    ("DoS", (), "Makes a service unavailable to its users."),
    ("LAN", ("Local Area Network",), "A network inside one building."),
    ("Software-Defined Local Area Network", (), "A LAN whose switches a controller programs."),
    ("Man-in-the-Browser", (), "Malware inside the browser changes what the user sends."),
    ("Man-in-the-Middle", (), "Someone between two hosts reads and changes their traffic."),
    ("Virtual Private Network", (), "An encrypted tunnel over a public network."),
    ("RTT", ("Round Trip Time",), "The time a packet takes to go and come back."),
    ("RTO", (), "Retransmission time-out."),
)


@pytest.fixture(scope="module")
def acronyms() -> Matcher:
    return Matcher(ACRONYMS)


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        # an acronym's expansion typed where the notes write only the acronym
        ("what is mean time to repair", ["MTTR"]),
        ("denial of service", ["DoS"]),
        # a name's initials typed in parts
        ("sd-lan", ["Software-Defined Local Area Network"]),
        ("vpn", ["Virtual Private Network"]),
        # an acronym of another entry inside a name
        ("software defined lan", ["Software-Defined Local Area Network"]),
        # initials on both sides of a comparison
        ("mitm vs mitb", ["Man-in-the-Middle", "Man-in-the-Browser"]),
    ],
)
def test_names_through_acronyms(acronyms: Matcher, question: str, terms: list[str]) -> None:
    result = acronyms.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert [e.term for e in result.entries] == terms


@pytest.mark.parametrize(
    "question",
    [
        "mean time to failure",  # MTTF: not in the notes, though MTTR is
        "round trip",  # two words: too few to be read as an acronym's expansion
        "what is the retransmission",
        "sd-wan",  # initials of nothing in the notes
        "software defined wan",
        "random trial outcome",  # RTO's initials by chance: none of its words in RTO's definition
    ],
)
def test_acronym_look_alikes_are_refused(acronyms: Matcher, question: str) -> None:
    assert isinstance(acronyms.lookup(question), NotFound), question


def test_a_name_the_definition_states_answers_its_entry() -> None:
    kb = _kb(
        ("URL hijacking", (), 'Aka "typo squatting" (also bit squatting): look-alike domain names.'),
        ("Pipe operator", (), "The %>%, also called the pipe, passes a value on."),
        (
            "Worm",
            (),
            "Malware that spreads by itself, also known as a network worm or something else entirely.",
        ),
        ("Botnet", (), "Machines under one control, also known as a zombie army."),
        ("Zombie", (), "One machine of a botnet, also known as a zombie army member."),
        ("Cybersquatting", (), "Registering a domain to sell it to its owner (also domain squatting)."),
        ("Pharming", (), "Sends visitors to a fake site (also see DNS poisoning); it also redirects users."),
    )
    matcher = Matcher(kb)
    for question, term in (
        ("typosquatting", "URL hijacking"),
        ("what is typo squatting", "URL hijacking"),
        ("bit squatting", "URL hijacking"),  # "(also X)" says X is another name, as "aka" does
        ("what is domain squatting", "Cybersquatting"),
        ("the pipe", "Pipe operator"),
        ("zombie army", "Botnet"),
    ):
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert result.entry.term == term
    # a sentence after "also known as" names nothing, nor "also" pointing elsewhere or in a sentence
    for question in ("something else entirely", "dns poisoning", "redirects users"):
        assert isinstance(matcher.lookup(question), NotFound), question


def test_an_attack_head_is_dropped_for_entries_of_notes_about_attacks() -> None:
    attacks = Topic(title="Network attacks", path=Path("/notes/attacks.yaml"))
    machines = Topic(title="Machines", path=Path("/notes/machines.yaml"))
    kb = KnowledgeBase(topics=[attacks, machines], files=[attacks.path, machines.path])
    kb.entries.extend(
        [
            Entry(term="Teardrop", definition="Sends overlapping IP fragments.", topic=attacks),
            Entry(term="Hypervisor", definition="Runs virtual machines.", topic=machines),
        ]
    )
    matcher = Matcher(kb)
    result = matcher.lookup("what is a teardrop attack")
    assert isinstance(result, Answer)
    assert result.entry.term == "Teardrop"
    assert isinstance(matcher.lookup("what is a hypervisor attack"), NotFound)


SHORTENED = _kb(
    ("Pinning", (), "The app hard-codes the server's certificate."),
    ("Certificate", (), "Binds a public key to an identity."),
    ("Client-Server Networks", (), "One server manages the network."),
    ("Peer-to-Peer Networks", (), "Every computer is an equal."),
    ("Metropolitan Area Network", ("MAN",), "Spans a city."),
    ("Network", (), "Connected computers."),
    ("Type 2 hypervisor", (), "Runs on a host operating system."),
    ("Double square brackets", (), "Index that returns a single value."),
    ("Access control list", (), "Rules that allow or deny traffic."),
    ("Global environment", (), "Holds top-level definitions."),
    ("Global variable", (), "A name every function sees."),
    ("Elliptic Curve Cryptography", (), "Public-key cryptography on elliptic curves."),
    ("Elliptic Curve Crash", (), "A made-up entry that makes crash/cryptography stand apart."),
    ("Pipe operator", (), "Passes a value on to the next function."),
    ("Stem cells", (), "Cells that can become other cells."),
    ("Guard cells", (), "Open and close a stoma."),
    ("Root hair cells", (), "Take up water."),
)


@pytest.fixture(scope="module")
def shortened() -> Matcher:
    return Matcher(SHORTENED)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        # a qualifier in front that the definition says
        ("what is certificate pinning", "Pinning"),
        # a head most of the notes' names share, dropped from a name of 3+ words
        ("client server", "Client-Server Networks"),
        ("what is peer to peer", "Peer-to-Peer Networks"),
        ("root hair", "Root hair cells"),
        # a generic head dropped
        ("the pipe", "Pipe operator"),
        # one inner word left out
        ("double brackets", "Double square brackets"),
        ("what is an access list", "Access control list"),
        # the last word cut short
        ("global env", "Global environment"),
        ("global var", "Global variable"),
        ("elliptic curve crypto", "Elliptic Curve Cryptography"),
    ],
)
def test_names_written_shorter(shortened: Matcher, question: str, term: str) -> None:
    result = shortened.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is a stem",  # a shared head is dropped only after 2+ words: a stem is no stem cell
        "guard",
        "type hypervisor",  # a number is never the word left out
        "elliptic curve cr",  # too short a cut to tell
        "what is a certificate stapling",  # no Stapling in the notes: not a property of Certificate
        "pinning paint",  # a word after the name that its definition does not say
    ],
)
def test_shorter_look_alikes_are_refused(shortened: Matcher, question: str) -> None:
    result = shortened.lookup(question)
    assert isinstance(result, NotFound), (question, result)


FIELD = _kb(
    ("ECC RAM", (), "Detects and corrects single-bit errors."),
    ("Hard disk", (), "Stores data on spinning platters."),
    ("X.509", (), "The format of public key certificates."),
    ("IEEE 802.1x", (), "Port-based network access control."),
    ("Windows 10", (), "An operating system."),
    ("Single linked list", (), "Each node points to the next."),
    ("Double linked list", (), "Each node points to the next and the previous."),
)


@pytest.fixture(scope="module")
def field_words() -> Matcher:
    return Matcher(FIELD)


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("what is ecc memory", ["ECC RAM"]),  # the field's synonyms inside a name
        ("hard drive", ["Hard disk"]),
        ("x509 certificate", ["X.509"]),  # a dotted number without its dots, a generic head dropped
        ("what is x509", ["X.509"]),
        ("802.1x", ["IEEE 802.1x"]),  # a standard's number without its body's name
        (
            "single vs double linked list",
            ["Single linked list", "Double linked list"],
        ),  # a shared head of 2 words
    ],
)
def test_names_in_the_fields_words(field_words: Matcher, question: str, terms: list[str]) -> None:
    result = field_words.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert [e.term for e in result.entries] == terms


@pytest.mark.parametrize("question", ["what is 10", "ecc disk", "802.1", "triple vs double linked list"])
def test_field_look_alikes_are_refused(field_words: Matcher, question: str) -> None:
    result = field_words.lookup(question)
    assert isinstance(result, NotFound), (question, result)


MORE = _kb(
    ("Mirroring Mode", (), "Duplicates all memory contents."),
    ("Rank", (), "A set of DRAM chips accessed together."),
    ("RDP", (), "Port 3389."),
    ("SSH", (), "Port 22."),
    ("Telnet", (), "Port 23, in clear text."),
    ("Pipe operator", (), "The %>% passes the left side on as the first argument."),
    ("Assignment", (), "The <- operator binds a name; so does = (with ->, to the right)."),
    ("Molecule", (), "Two or more atoms held together by chemical bonds."),
    ("Atom", (), "Protons, neutrons and electrons."),
)
MORE.topics[0] = Topic(title="RAM & Memory", path=TOPIC.path)


@pytest.fixture(scope="module")
def more() -> Matcher:
    kb = KnowledgeBase(topics=[MORE.topics[0]], files=MORE.files)
    kb.entries.extend(Entry(term=e.term, definition=e.definition, topic=MORE.topics[0]) for e in MORE.entries)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is a memory rank", "Rank"),  # a word of the notes' title in front of a name
        ("memory mirroring", "Mirroring Mode"),
        ("port 3389", "RDP"),  # a number only one definition says, with its word
        ("what does %>% do", "Pipe operator"),  # an operator only one entry writes
        ("%>%", "Pipe operator"),
        ("what does <- do", "Assignment"),
        ("is NaCl a molecule", "Molecule"),  # whether something is of a named kind
    ],
)
def test_more_kinds(more: Matcher, question: str, term: str) -> None:
    result = more.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is a bank rank",  # "bank" is no word of the title, nor in Rank's definition
        "port 2",  # one digit
        "port 99",  # no definition says it
        "what does ?! mean",  # the sentence's punctuation
        "what does && do",  # no entry writes it
        "is a molecule an atom or not",
    ],
)
def test_more_look_alikes_are_refused(more: Matcher, question: str) -> None:
    result = more.lookup(question)
    assert isinstance(result, NotFound), (question, result)


def test_examples_the_definition_gives_of_the_entry_itself() -> None:
    kb = _kb(
        (
            "Higher-order function",
            (),
            "Takes functions as input. Higher-order functions such as map are common.",
        ),
        ("Hypervisor", (), "Runs VMs. Hypervisors, such as VirtualBox, VMware Workstation or KVM, run VMs."),
        ("Network", (), "Computers that share resources such as data and printers."),
    )
    matcher = Matcher(kb)
    for question, term, example in (
        ("what is map", "Higher-order function", "map"),
        ("vmware workstation", "Hypervisor", "VMware Workstation"),
        ("what is kvm", "Hypervisor", "KVM"),
    ):
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert (result.entry.term, result.via, result.example) == (term, "example", example)
    # examples of something else the definition names ("resources"), and the words after the list
    for question in ("what is a printer", "data", "run vms"):
        assert isinstance(matcher.lookup(question), NotFound), question


def test_an_operator_is_never_read_as_the_words_around_it() -> None:
    kb = _kb(
        ("Denial of Service", ("DoS",), "Makes a service unavailable."),
        ("Fully qualified name", (), "A name of the form package::thing."),
        ("Exception", (), "An object that describes an error."),
    )
    matcher = Matcher(kb)
    # "what does => do" once "=>" is gone is "do", a plural of DoS's key: refused, not Denial of Service
    assert isinstance(matcher.lookup("what does => do"), NotFound)
    result = matcher.lookup("what does :: do")
    assert isinstance(result, Answer)
    assert result.entry.term == "Fully qualified name"
    # a last "-er" word makes another thing of the name ("exception handler"), as "-ing" does
    assert isinstance(matcher.lookup("what is an exception handler"), NotFound)


HEADS = _kb(
    ("Internet Protocol", ("IP",), "Routes packets between networks."),
    ("Smurf attack", (), "Floods a victim with ICMP echo replies from a broadcast address."),
    ("File Transfer Protocol", ("FTP",), "Moves files between a client and a server."),
)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("smurf", "Smurf attack"),  # a generic head dropped
        ("file transfer", "File Transfer Protocol"),  # two words are left: still the name
        ("internet protocol", "Internet Protocol"),
        ("ip", "Internet Protocol"),
    ],
)
def test_a_generic_head_may_be_dropped(question: str, term: str) -> None:
    found = Matcher(HEADS).lookup(question)
    assert isinstance(found, Answer), found
    assert found.entry.term == term


@pytest.mark.parametrize("question", ["internet", "what is the internet"])
def test_a_head_in_the_acronym_is_kept(question: str) -> None:
    """The Internet is no Internet Protocol (IP): the head is one of the acronym's letters."""
    assert isinstance(Matcher(HEADS).lookup(question), NotFound)
