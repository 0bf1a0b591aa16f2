"""Notes written in other styles: a heading per term, a glossary table, bold terms, Long Name (ACRONYM)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer import ImportResult, import_file, import_notes
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge, load_knowledge_text
from tests.importer.conftest import NOTES_DIR
from tests.importer.kb_helpers import entry


def imported(name: str, tmp_path: Path, **kwargs: str) -> tuple[ImportResult, KnowledgeBase]:
    result = import_file(NOTES_DIR / name, **kwargs)
    path = tmp_path / (Path(name).stem + ".yaml")
    path.write_text(result.text, encoding="utf-8")
    return result, load_knowledge([path])


def test_a_heading_per_term_with_acronyms_lists_and_code(tmp_path: Path) -> None:
    result, kb = imported("networking-notes.md", tmp_path)
    assert kb.topics[0].title == "Network Protocols"
    assert kb.topics[0].objective == "3.1"
    tcp = entry(kb, "TCP")
    assert tcp.term == "Transmission Control Protocol"
    assert tcp.definition.startswith("Connection-oriented transport protocol")
    assert tcp.details == (
        "Uses a three-way handshake: SYN, SYN/ACK, ACK",
        "Slower than UDP because of the acknowledgements",
    )
    assert entry(kb, "UDP").details == ("Used by DNS queries, VoIP and video streaming.",)
    dns = entry(kb, "Domain Name System")
    assert dns.definition == "Translates domain names into IP addresses."
    assert dns.details == (
        "The client asks its resolver",
        "The resolver asks the root, TLD and authoritative servers",
    )
    # code is an example to read in the notes, never an entry's text (nor quiz text): reported
    assert any(text == "dig example.com A" for _, text in result.draft.unplaced)
    ports = entry(kb, "Ports to know")  # a list with no definition: the first item stands in, marked
    assert ports.definition == "22 - SSH"
    assert "# check: no definition found" in result.text
    assert not any(e.term.isdigit() for e in kb.entries)


def test_a_glossary_table_and_bold_term_lines(tmp_path: Path) -> None:
    result, kb = imported("cryptography-glossary.md", tmp_path)
    assert kb.topics[0].title == "Cryptography glossary"
    assert kb.topics[0].objective == "1.4"
    assert entry(kb, "Symmetric encryption").examples == ("AES", "3DES", "ChaCha20")
    asymmetric = entry(kb, "public key cryptography")
    assert asymmetric.term == "Asymmetric encryption"
    assert asymmetric.definition == "Uses a key pair: a public key to encrypt and a private key to decrypt"
    assert entry(kb, "Hashing").examples == ("SHA-256", "MD5")
    assert entry(kb, "Salt").definition.startswith("Random data added to a password")
    stretching = entry(kb, "Key stretching")
    assert stretching.definition == "Makes a weak key stronger by hashing it many times."
    assert stretching.examples == ("PBKDF2", "bcrypt")
    signature = entry(kb, "Digital signature")
    assert signature.definition.startswith("A hash encrypted with the sender's private key")
    assert result.draft.unplaced == [(8, "orphan cell without a term")]


def test_long_names_with_acronyms_dash_bullets_and_tabbed_lists(tmp_path: Path) -> None:
    _, kb = imported("cloud-notes.md", tmp_path)
    assert kb.topics[0].title == "Cloud Computing"
    iaas = entry(kb, "IaaS")
    assert iaas.term == "Infrastructure as a Service"
    assert iaas.definition.startswith("The provider rents out servers")
    assert entry(kb, "SaaS").examples == ("Microsoft 365", "Google Workspace", "Salesforce")
    assert entry(kb, "Public cloud").definition == "Resources owned by a provider and shared by many tenants"
    # after an empty bullet
    assert entry(kb, "Community cloud").definition == "Shared by organizations with common needs"
    security = entry(kb, "Security")
    assert security.definition == "Use multi-factor authentication"
    assert security.details == ("Encrypt data at rest",)


def test_bold_terms_colon_lines_dash_bullets_without_a_title_heading(tmp_path: Path) -> None:
    result, kb = imported("security-terms.md", tmp_path, title="Security terms")
    assert kb.topics[0].title == "Security terms"
    assert kb.topics[0].objective is None
    assert entry(kb, "Phishing").definition.startswith("A social engineering attack")
    assert entry(kb, "Whaling").definition == "Phishing aimed at executives"
    assert entry(kb, "Trojan").details == ("often delivered through pirated downloads",)
    assert entry(kb, "Worm").definition == "Self-replicating malware that spreads over the network"
    assert entry(kb, "MFA").term == "Multi-Factor Authentication"
    assert entry(kb, "SSO").definition == "Lets a user authenticate once and reach several applications."
    assert result.unplaced == 0


def test_without_a_title_heading_the_file_name_is_the_title() -> None:
    notes = "## Worm\nSelf-replicating malware.\n\n## Virus\nMalware that infects files.\n"
    kb = load_knowledge_text(import_notes(notes, notes_name="malware_notes.md").text)
    assert kb.topics[0].title == "Malware notes"
    assert [(e.term, e.definition) for e in kb.entries] == [
        ("Worm", "Self-replicating malware."),
        ("Virus", "Malware that infects files."),
    ]


def test_a_single_heading_is_the_title_and_its_subject() -> None:
    kb = load_knowledge_text(import_notes("# Worm\nSelf-replicating malware.\n").text)
    assert kb.topics[0].title == "Worm"
    assert [(e.term, e.definition) for e in kb.entries] == [("Worm", "Self-replicating malware.")]


@pytest.mark.parametrize(
    ("line", "term", "aliases", "definition"),
    [
        ("**Firewall**: filters traffic", "Firewall", (), "Filters traffic"),
        ("Firewall: filters traffic", "Firewall", (), "Filters traffic"),
        ("- Firewall – filters traffic", "Firewall", (), "Filters traffic"),
        (
            "Intrusion Detection System (IDS) - alerts on suspicious traffic",
            "Intrusion Detection System",
            ("IDS",),
            "Alerts on suspicious traffic",
        ),
        ("Hypervisor (VMM, virtual machine monitor) - runs VMs", "Hypervisor", ("VMM",), "Runs VMs"),
        ("A honeypot is a decoy system", "Honeypot", (), "A decoy system"),
        ("Jitter occurs when packets arrive late", "Jitter", (), "Occurs when packets arrive late"),
    ],
)
def test_one_line_styles(line: str, term: str, aliases: tuple[str, ...], definition: str) -> None:
    kb = load_knowledge_text(import_notes(f"# Notes\n\n{line}\n").text)
    (found,) = kb.entries
    assert found.term == term
    assert set(aliases) <= set(found.aliases)
    assert found.definition == definition


def test_yaml_special_text_is_quoted_and_loads_back() -> None:
    notes = (
        "# Tricky: values\n\n"
        "Yes - no\n\n"
        "Null: ~\n\n"
        "On - 1.0\n\n"
        "Quotes - 'single' and \"double\" and #hash and: colon\n\n"
        "Brackets - [brackets] {braces} & stars | pipes > folds\n\n"
        "Dash - - starts with a dash\n"
    )
    kb = load_knowledge_text(import_notes(notes).text)
    assert kb.topics[0].title == "Tricky: values"
    assert {e.term: e.definition for e in kb.entries} == {
        "Yes": "No",
        "Null": "~",
        "On": "1.0",
        "Quotes": "'single' and \"double\" and #hash and: colon",
        "Brackets": "[brackets] {braces} & stars | pipes > folds",
        "Dash": "- starts with a dash",
    }


def test_labelled_lines_give_aliases_see_also_and_examples() -> None:
    notes = (
        "# Net\n\n"
        "Firewall - filters traffic\n"
        "Aliases: packet filter, FW\n"
        "See also: Router, Proxy server\n"
        "e.g. pfSense, iptables\n\n"
        "Router - forwards packets between networks\n"
    )
    result = import_notes(notes)
    firewall = load_knowledge_text(result.text).by_term("Firewall")
    assert firewall is not None
    assert firewall.aliases == ("packet filter", "FW")
    assert firewall.see_also == ("Router",)
    assert firewall.examples == ("pfSense", "iptables")
    # A see-also naming no entry is kept as a detail to check, not dropped.
    assert firewall.details == ("See also: Proxy server",)
    assert "# check: no entry by this name" in result.text
