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


CRYPTO = Topic(title="Crypto", path=Path("/notes/crypto.yaml"))
PROTOCOLS = Topic(title="Protocols", path=Path("/notes/protocols.yaml"))


def test_term_options_are_as_like_the_right_one_as_the_notes_allow() -> None:
    kb = KnowledgeBase(topics=[CRYPTO, PROTOCOLS], files=[CRYPTO.path, PROTOCOLS.path])
    crypto = [
        ("Diffie-Hellman Key Exchange", "A standard for agreeing on keys over public networks."),
        ("RSA", "Uses large prime numbers for signatures."),
        ("PGP", "Used for signing and encrypting emails."),
        ("ECC", "Uses elliptic curves for small keys."),
        ("DSA", "A signature algorithm of the government."),
    ]
    protocols = [
        ("Perfect Forward Secrecy", "Keeps old sessions safe when a private key is stolen."),
        ("Certificate pinning", "The application trusts only a hard-coded certificate."),
        ("Key stretching", "Makes a weak password costly to guess."),
        ("SMTP", "Sends mail between servers."),
    ]
    kb.entries.extend(Entry(term=t, definition=d, topic=CRYPTO) for t, d in crypto)
    kb.entries.extend(Entry(term=t, definition=d, topic=PROTOCOLS) for t, d in protocols)
    for seed in range(10):
        _, question = _question(kb, "Diffie-Hellman Key Exchange", QuestionKind.PICK_TERM, seed)
        assert len(question.choices) >= 3
        assert all(" " in choice for choice in question.choices), question.choices


def _kinds(kb: KnowledgeBase, term: str) -> list[QuestionKind]:
    generator = QuestionGenerator(kb, random.Random(0))
    return generator.kinds_for(next(e for e in kb.entries if e.term == term), QuizMode.BUTTONS)


def test_a_word_or_two_is_not_offered_as_a_meaning_among_sentences() -> None:
    history = _kb(
        ("Cultural Revolution", (), "China."),
        ("Cold War", (), "A rivalry between two superpowers that never came to open fighting."),
        ("Marshall Plan", (), "American aid that rebuilt the economies of western Europe."),
        ("Iron Curtain", (), "The border that divided Europe into two blocs after the war."),
        ("Detente", (), "A period when the tension between the two blocs eased for a while."),
    )
    assert QuestionKind.MEANING not in _kinds(history, "Cultural Revolution")
    assert QuestionKind.MEANING in _kinds(history, "Cold War")


def test_a_fragment_with_a_blank_is_not_offered_as_a_meaning_among_sentences_with_blanks() -> None:
    unity = _kb(
        (".ogg", ("Ogg",), "Ogg Vorbis"),
        ("Transform", (), "Stores position and scale; every GameObject has a Transform component."),
        ("Rigidbody", (), "Puts an object under physics; a Rigidbody is moved by forces."),
        ("Collider", (), "Defines the shape of an object for collisions; a Collider is invisible."),
        ("Audio Source", (), "Plays a clip in the scene; an Audio Source can play in 3D."),
    )
    assert QuestionKind.MEANING not in _kinds(unity, ".ogg")
    assert QuestionKind.MEANING in _kinds(unity, "Transform")


def test_an_example_question_needs_two_wrong_examples() -> None:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(
        [
            Entry(
                term="Worm", definition="Malware that spreads by itself.", topic=TOPIC, examples=("Morris",)
            ),
            Entry(
                term="Trojan",
                definition="Malware posing as a useful program.",
                topic=TOPIC,
                examples=("Zeus",),
            ),
            Entry(term="Rootkit", definition="Malware that hides itself deep in a system.", topic=TOPIC),
        ]
    )
    assert QuestionKind.EXAMPLE not in _kinds(kb, "Worm")
    kb.entries.append(
        Entry(
            term="Virus", definition="Malware attached to a host file.", topic=TOPIC, examples=("ILOVEYOU",)
        )
    )
    assert QuestionKind.EXAMPLE in _kinds(kb, "Worm")
    for seed in range(5):
        question = QuestionGenerator(kb, random.Random(seed)).make(kb.entries[0], QuestionKind.EXAMPLE)
        assert len(question.choices) == 3


def test_a_true_or_false_statement_names_the_term_in_bold_instead_of_a_blank() -> None:
    named = [
        ("Collider", (), "Collider components define the shape of objects for collisions."),
        ("Rigidbody", (), "Puts an object under physics; a Rigidbody is moved by forces."),
    ]
    unity = _kb(
        *named,
        ("Transform", (), "Stores position and scale of every object in the scene."),
        ("Audio Source", (), "Plays a clip in the scene from a point in space."),
    )
    prompts = set()
    for seed in range(12):
        _, question = _question(unity, "Collider", QuestionKind.TRUE_FALSE, seed)
        assert "____" not in question.prompt
        prompts.add(question.prompt)
        # its own definition names the term: a true statement would be true by that name, so it is never
        # made ("**Deposition**: The Deposition of sand ..." gave True away)
        assert question.answer_index == 1, question.prompt
    # a false statement is another entry's definition that names no term where the notes have one: its
    # blank would be filled with this term
    assert len(prompts) > 1
    assert not any("a Collider is moved" in p for p in prompts)
    physics = _kb(*named)  # where every other definition names its term, the blank is filled
    prompts = {_question(physics, "Collider", QuestionKind.TRUE_FALSE, seed)[1].prompt for seed in range(12)}
    assert (
        "True or false? **Collider**: Puts an object under physics; a Collider is moved by forces." in prompts
    )


def test_a_name_written_inside_a_longer_name_the_notes_use_is_asked_only_by_true_or_false() -> None:
    steps = _kb(
        ("Need description", (), "Step 1 of the hiring decision process: the team says whom it needs."),
        ("Hiring decision", (), "Step 3 of the hiring decision process: the panel agrees on an offer."),
        ("Onboarding", (), "Step 4 of the hiring decision process: the new hire learns the ropes."),
        ("Interview", (), "A structured conversation that tests a candidate's skills."),
    )
    assert _kinds(steps, "Hiring decision") == [QuestionKind.TRUE_FALSE]
    assert QuestionKind.PICK_TERM in _kinds(steps, "Onboarding")
    # the name on its own in its definition is hidden as usual
    alone = _kb(
        ("Hiring decision", (), "Step 3 of the process: the panel makes a hiring decision on an offer."),
        ("Onboarding", (), "Step 4 of the hiring process: the new hire learns the ropes."),
        ("Interview", (), "A structured conversation that tests a candidate's skills."),
        ("Need description", (), "Step 1 of the hiring process: the team says whom it needs."),
    )
    assert QuestionKind.PICK_TERM in _kinds(alone, "Hiring decision")


def test_what_does_x_mean_is_not_asked_when_its_right_option_shows_a_word_of_the_term() -> None:
    sql = _kb(
        ("SQL injection", (), "Unsanitized input used in a SQL query overrides the query's command."),
        ("Replay attack", (), "Copies credentials or a session token and sends them again later."),
        ("Smurf attack", (), "Spoofed echo requests with the target as their source."),
        ("Ad fraud", (), "Forges clicks on advertisements to steal their revenue."),
        ("Clickjacking", (), "A zero-pixel element in a page tricks the user into clicking."),
        ("Fax attack", (), "Sends forged faxes to a company's machines."),
    )
    assert QuestionKind.MEANING not in _kinds(sql, "SQL injection")
    assert QuestionKind.MEANING not in _kinds(sql, "Fax attack")
    # "attack" is a word most entries use: not what picks the option
    assert QuestionKind.MEANING in _kinds(sql, "Replay attack")
    assert QuestionKind.MEANING in _kinds(sql, "Ad fraud")


def test_a_word_of_the_term_most_entries_use_in_the_right_meaning_is_in_the_wrong_ones_too() -> None:
    attacks = _kb(
        ("Domain hijacking", (), "Attacker changes the DNS record of a domain."),
        ("URL hijacking", (), "Registering look-alike domain names to catch typing slips."),
        ("DNS poisoning", (), "Fake DNS answers map a domain to the attacker's address."),
        ("Replay attack", (), "Copies credentials and sends them again later."),
        ("Smurf attack", (), "Spoofed echo requests with the target as their source."),
        ("Ad fraud", (), "Forges clicks on advertisements to steal their revenue."),
        ("Domain squatting", (), "Buying a domain someone else will want, to sell it on."),
    )
    generator = QuestionGenerator(attacks, random.Random(0))
    assert "domain" in generator.common
    entry = attacks.entries[0]
    for seed in range(8):
        question = QuestionGenerator(attacks, random.Random(seed)).make(entry, QuestionKind.MEANING)
        assert all("domain" in choice for choice in question.choices), question.choices


NETWORKING = Topic(title="Networking", path=Path("/notes/networking.yaml"))
BIOLOGY = Topic(title="Cells", path=Path("/notes/biology/cells.yaml"))
ECONOMICS = Topic(title="Labour", path=Path("/notes/economics/labour.yaml"))


def test_term_options_come_from_the_same_topic_when_it_has_enough() -> None:
    """A two-word term among one-word terms of its topic, where other topics hold two-word terms: the
    options come from its topic ("Load balancer" among Router, Switch and Firewall, not beside Cell
    membrane and Unemployment rate)."""
    kb = KnowledgeBase(topics=[NETWORKING, BIOLOGY, ECONOMICS], files=[NETWORKING.path, BIOLOGY.path])
    networking = [
        ("Load balancer", "Spreads requests across several servers."),
        ("Router", "Forwards packets between networks."),
        ("Switch", "Forwards frames within one network."),
        ("Firewall", "Filters traffic by rules."),
    ]
    others = [
        (BIOLOGY, "Cell membrane", "The layer that encloses the cell."),
        (BIOLOGY, "Cell wall", "A rigid layer outside the membrane of plant cells."),
        (ECONOMICS, "Unemployment rate", "The share of the labour force without work."),
        (ECONOMICS, "Minimum wage", "The lowest pay the law allows."),
    ]
    kb.entries.extend(Entry(term=t, definition=d, topic=NETWORKING) for t, d in networking)
    kb.entries.extend(Entry(term=t, definition=d, topic=topic) for topic, t, d in others)
    for seed in range(10):
        _, question = _question(kb, "Load balancer", QuestionKind.PICK_TERM, seed)
        assert sorted(question.choices) == ["Firewall", "Load balancer", "Router", "Switch"], question.choices


def test_a_short_topic_takes_its_other_options_from_a_topic_of_its_folder_first() -> None:
    routing = Topic(title="Routing", path=Path("/notes/routing.yaml"))
    kb = KnowledgeBase(topics=[routing, NETWORKING, BIOLOGY], files=[routing.path, NETWORKING.path])
    kb.entries.extend(
        [
            Entry(term="Router", definition="Forwards packets between networks.", topic=routing),
            Entry(term="Gateway", definition="Where a host sends traffic for other networks.", topic=routing),
            Entry(term="Switch", definition="Forwards frames within one network.", topic=NETWORKING),
            Entry(term="Firewall", definition="Filters traffic by rules.", topic=NETWORKING),
            Entry(term="Nucleus", definition="Holds the cell's genetic material.", topic=BIOLOGY),
            Entry(term="Ribosome", definition="Makes proteins from amino acids.", topic=BIOLOGY),
        ]
    )
    for seed in range(10):
        _, question = _question(kb, "Router", QuestionKind.PICK_TERM, seed)
        assert sorted(question.choices) == ["Firewall", "Gateway", "Router", "Switch"], question.choices
