"""Issue 14's question faults, in small notes: enough of a definition is kept, no leak through an alias
or an acronym, options of one shape, never an entry the importer flagged."""

from __future__ import annotations

import random
from pathlib import Path

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from bot.quiz.answers import BLANK


def _kb(rows: list[tuple[str, tuple[str, ...], str]], checks: dict[str, str] | None = None) -> KnowledgeBase:
    topic = Topic(title="Networking", path=Path("/notes/net.yaml"), objective="1.1")
    kb = KnowledgeBase()
    kb.topics.append(topic)
    kb.files.append(topic.path)
    for term, aliases, definition in rows:
        flagged = (checks or {}).get(term)
        kb.entries.append(
            Entry(term, definition, topic, aliases=aliases, checks=(flagged,) if flagged else ())
        )
    return kb


NET = _kb(
    [
        ("RARP", ("Reverse Address Resolution Protocol",), "Resolves a MAC address to an IP address."),
        ("ARP", ("Address Resolution Protocol",), "Resolves an IP address to a MAC address on a LAN."),
        ("NAT", ("Network Address Translation",), "Translates private IP addresses to a public one."),
        ("SSH", ("Secure Shell",), "Encrypted remote login and command execution (SSH1 and SSH2)."),
        ("Telnet", (), "Unencrypted remote terminal access over TCP port 23."),
        ("DNS", ("Domain Name System",), "Translates domain names into IP addresses."),
        ("DHCP", ("Dynamic Host Configuration Protocol",), "Assigns IP addresses to hosts automatically."),
    ]
)


def _entry(kb: KnowledgeBase, term: str) -> Entry:
    return next(e for e in kb.entries if e.term == term)


def _all_questions(kb: KnowledgeBase, seeds: int = 12) -> list:  # type: ignore[type-arg]
    out = []
    for seed in range(seeds):
        generator = QuestionGenerator(kb, random.Random(seed))
        for mode in QuizMode:
            out += generator.generate(RoundSettings(questions=30, mode=mode))
    return out


def test_rarp_keeps_the_words_to_answer_from() -> None:
    generator = QuestionGenerator(NET, random.Random(1))
    rarp = _entry(NET, "RARP")
    for prompt in (generator.typed_prompt(rarp), generator.pick_prompt(rarp, ["ARP", "NAT", "DNS"])):
        assert "address" in prompt.casefold(), prompt
        assert prompt.count(BLANK) <= 1, prompt


def test_no_prompt_shows_a_name_of_its_entry_through_an_acronym_or_alias() -> None:
    for question in _all_questions(NET):
        if question.kind not in (QuestionKind.WHICH_TERM, QuestionKind.PICK_TERM):
            continue
        prompt = question.prompt.removeprefix("Which term is this? ")
        for name in question.entry.names:
            assert name.casefold() not in prompt.casefold(), (name, prompt)
    ssh = QuestionGenerator(NET, random.Random(1)).typed_prompt(_entry(NET, "SSH"))
    assert "ssh" not in ssh.casefold(), ssh
    assert "remote login" in ssh, ssh


def test_the_right_option_never_stands_out_by_its_blanks() -> None:
    # options of definitions: every one has blanks or none has
    for question in _all_questions(NET):
        if question.kind is QuestionKind.MEANING:
            blanks = {BLANK in choice for choice in question.choices}
            assert len(blanks) == 1, question.choices


def test_an_entry_the_importer_flagged_is_never_asked_nor_offered() -> None:
    flagged = _kb(
        [(t, a, d) for t, a, d in [(e.term, e.aliases, e.definition) for e in NET.entries]]
        + [("Resolves", (), "A MAC address to an IP address, as in the notes' table.")],
        checks={"Resolves": "a sentence as a term?", "Telnet": "definition cut off?"},
    )
    for question in _all_questions(flagged, seeds=6):
        assert question.entry.term not in ("Resolves", "Telnet")
        shown = " ".join((question.prompt, *question.choices))
        assert "Resolves" not in question.choices
        assert "Telnet" not in question.choices
        assert "as in the notes' table" not in shown
        assert "Unencrypted remote terminal" not in shown


SELF_NAMING = _kb(
    [
        ("Firewall", (), "A firewall filters traffic between networks by rules."),
        ("Proxy server", (), "A proxy server forwards requests on behalf of clients."),
        ("Load balancer", (), "Spreads incoming requests across several servers."),
        ("Router", (), "Forwards packets between networks by their addresses."),
        ("Switch", (), "Forwards frames within one network by hardware address."),
        ("IDS", ("intrusion detection system",), "An IDS watches traffic and alerts on attacks."),
    ]
)


def test_when_only_the_distractors_name_themselves_the_answer_does_not_stand_out() -> None:
    # "A ____ filters traffic ..." beside options without blanks would point at the one without
    for question in _all_questions(SELF_NAMING):
        if question.kind is QuestionKind.MEANING:
            blanks = {BLANK in choice for choice in question.choices}
            assert len(blanks) == 1, question.choices


def test_an_acronym_inside_a_longer_acronym_is_hidden_too() -> None:
    # "ECDHE (Elliptic Curve DH)" for Diffie-Hellman Key Exchange (DH): ECDHE spells DH inside it
    kb = _kb(
        [
            (
                "Diffie-Hellman Key Exchange",
                ("DH",),
                "A standard for exchanging keys over public networks. ECDHE (Elliptic Curve DH) gives "
                "perfect forward secrecy.",
            ),
            *[(e.term, e.aliases, e.definition) for e in NET.entries],
        ]
    )
    generator = QuestionGenerator(kb, random.Random(1))
    entry = _entry(kb, "Diffie-Hellman Key Exchange")
    for text in (generator.typed_prompt(entry), generator.pick_prompt(entry, ["ARP", "NAT", "DNS"])):
        assert "ECDHE" not in text, text
        assert "perfect forward secrecy" in text, text
    assert "ECDHE" not in generator.meaning(entry)
    # a longer acronym that does not hold the name stays: "DHCP" is no DH... but "LAN" stays for ARP
    assert "LAN" in generator.typed_prompt(_entry(kb, "ARP"))
