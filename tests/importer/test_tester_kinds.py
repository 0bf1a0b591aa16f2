"""Importer faults a new user met on tiny notes files, each as a small input of its kind."""

from __future__ import annotations

from pathlib import Path

from bot.importer import import_notes
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_text
from tests.importer.kb_helpers import entry as named_entry
from tests.importer.kb_helpers import kb_and_unplaced


def test_a_wrapped_paragraph_under_a_heading_is_one_definition() -> None:
    kb, _ = kb_and_unplaced(
        "# Networking\n\n### Subnetting\nSubnetting divides one IP network into smaller networks\n"
        "so that traffic stays local and addresses are used\nefficiently across the organisation.\n\n"
        "### Routing\nRouting chooses the path a packet takes.\n"
    )
    entry = named_entry(kb, "Subnetting")
    assert entry.definition.endswith("efficiently across the organisation.")
    assert "so that traffic stays local" in entry.definition
    assert not entry.details


def test_short_lines_and_finished_sentences_stay_apart() -> None:
    """One fact per line, without bullets, is not wrapped prose."""
    kb, _ = kb_and_unplaced("# Web\n\n### HTTPS\nHTTP over TLS.\nuses port 443\nencrypts the whole request\n")
    entry = named_entry(kb, "HTTPS")
    assert entry.definition == "HTTP over TLS."
    assert "uses port 443" in entry.details


def test_code_is_never_part_of_an_entry() -> None:
    kb, unplaced = kb_and_unplaced(
        "# Crypto\n\n### Hashing\nA hash function maps data of any size to a fixed-size digest.\n\n"
        "```python\ndef hash(x): return sha256(x)\n```\n\n### Salting\nRandom data added before hashing.\n"
    )
    for entry in kb.entries:
        said = " ".join((entry.term, entry.definition, *entry.details, *entry.examples))
        assert "sha256" not in said
    assert any("sha256" in text for _, text in unplaced)


def test_a_link_citation_in_parentheses_is_not_part_of_a_definition() -> None:
    kb, _ = kb_and_unplaced(
        "# Social engineering\n\n"
        "- **Shoulder surfing** - Watching someone type a password ([source](https://example.com/ss))\n"
        "- **Tailgating** - Following someone through a door ([NIST](https://example.com/tg)) at work\n"
    )
    assert named_entry(kb, "Shoulder surfing").definition == "Watching someone type a password"
    assert named_entry(kb, "Tailgating").definition == "Following someone through a door at work"


def test_a_link_in_running_text_keeps_its_words() -> None:
    kb, _ = kb_and_unplaced(
        "# Web\n\n- **TLS** - Encrypts traffic, see [the RFC](https://example.com) for more\n"
    )
    assert "see the RFC for more" in named_entry(kb, "TLS").definition


def test_section_numbers_and_a_trailing_colon_are_not_part_of_a_heading_term() -> None:
    kb, _ = kb_and_unplaced(
        "# Attacks\n\n### 1.2 Phishing:\nFraudulent emails that trick people.\n\n"
        "### 2. Vishing\nPhishing over voice calls.\n\n### 802.11 Wireless\nThe Wi-Fi standard.\n"
    )
    assert named_entry(kb, "Phishing").term == "Phishing"
    assert named_entry(kb, "Vishing").term == "Vishing"
    assert named_entry(kb, "802.11 Wireless").definition == "The Wi-Fi standard."
    assert not any(e.term[:1].isdigit() and e.term != "802.11 Wireless" for e in kb.entries)


def test_a_term_line_over_its_lower_case_definition_stays_a_term() -> None:
    kb, _ = kb_and_unplaced(
        "# Psychology\n\napplied research\nscientific study that aims to solve practical problems.\n\n"
        "industrial organization (I/O) psychology\n"
        "the application of psychological methods to behaviour in workplaces.\n"
    )
    assert named_entry(kb, "I/O psychology").definition.startswith("The application of psychological")


def test_an_acronym_column_gives_aliases_not_details() -> None:
    for column in ("Acronym", "Abbreviation", "Short form", "Also known as", "Synonym(s)"):
        kb, _ = kb_and_unplaced(
            f"# Web attacks\n\n| Term | {column} | Definition |\n|---|---|---|\n"
            "| Cross-site scripting | XSS | Injecting scripts into pages other users view |\n"
            "| SQL injection | SQLi | Inserting SQL into a query through user input |\n"
        )
        entry = named_entry(kb, "XSS")
        assert entry.term == "Cross-site scripting", column
        assert not entry.details, column
        assert named_entry(kb, "SQLi").definition.startswith("Inserting SQL"), column


def test_independent_bullets_under_a_term_heading_are_not_related_to_it() -> None:
    kb, _ = kb_and_unplaced(
        "# Attacks\n\n### Pharming 🎣\nRedirecting users to a fake site by poisoning DNS.\n\n"
        "- Smishing: phishing over SMS text messages\n- Vishing: phishing over voice calls\n"
    )
    assert named_entry(kb, "Pharming").definition.startswith("Redirecting users")
    assert not named_entry(kb, "Smishing").see_also
    assert not named_entry(kb, "Vishing").see_also


def test_kinds_that_name_the_heading_term_still_see_it() -> None:
    kb, _ = kb_and_unplaced(
        "# Security\n\n### Malware\nSoftware written to harm a computer.\n\n"
        "- Virus: malware that attaches itself to files\n- Worm: malware that spreads on its own\n"
    )
    assert named_entry(kb, "Virus").see_also == ("Malware",)
    assert named_entry(kb, "Worm").see_also == ("Malware",)


def _cards(text: str, name: str) -> KnowledgeBase:
    result = import_notes(text, notes_name=name)
    return load_knowledge_text(result.text, Path("cards.yaml"))


def test_html_entities_in_an_anki_export_are_decoded() -> None:
    kb = _cards(
        "#separator:tab\n#html:true\nCIA&nbsp;triad\tConfidentiality,&nbsp;integrity &amp; availability\n"
        "Phishing\tFraudulent&nbsp;<b>emails</b>\n",
        "deck.txt",
    )
    assert named_entry(kb, "CIA triad").definition == "Confidentiality, integrity & availability"
    assert named_entry(kb, "Phishing").definition == "Fraudulent emails"


def test_html_entities_in_a_csv_export_are_decoded() -> None:
    kb = _cards("term,definition\nCIA&nbsp;triad,Confidentiality &amp; integrity\n", "deck.csv")
    assert named_entry(kb, "CIA triad").definition == "Confidentiality & integrity"


def test_html_entities_in_raw_html_of_markdown_notes_are_decoded() -> None:
    kb, unplaced = kb_and_unplaced(
        "# Web\n\n### XSS\nInjected scripts.\n\n<div>Escape&nbsp;&lt;script&gt;</div>\n"
    )
    said = [*named_entry(kb, "XSS").details, *(text for _, text in unplaced)]
    assert "Escape <script>" in said


def test_term_lines_written_one_under_another_are_not_wrapped_prose() -> None:
    kb, _ = kb_and_unplaced(
        "# Geography\n\nagriculture - The growing of crops and animals on farms\n"
        "igneous - hot molten lava solidifies\nmetamorphic - forms when rock is heated\n"
    )
    assert named_entry(kb, "igneous").definition.startswith("Hot molten lava")
    assert named_entry(kb, "agriculture").definition.endswith("on farms")


def test_a_label_after_a_sentence_under_a_heading_names_no_term() -> None:
    """'## Salt' over 'Random data added before hashing. Tip: use a unique salt per user.' gave the term
    'Random data added before hashing. Tip' (a sentence and a callout label) and lost Salt, unflagged."""
    kb, _ = kb_and_unplaced(
        "# Crypto\n\n## Salt\nRandom data added before hashing. Tip: use a unique salt per user.\n\n"
        "## Nonce\nA number used once. Note: never reuse one with the same key.\n\n"
        "## Key stretching\nMakes a weak key slower to guess.\n"
    )
    assert sorted(e.term for e in kb.entries) == ["Key stretching", "Nonce", "Salt"]
    assert named_entry(kb, "Salt").definition.startswith("Random data added before hashing.")
    assert "unique salt per user" in named_entry(kb, "Salt").definition
    assert named_entry(kb, "Nonce").definition.startswith("A number used once.")


def test_abbreviations_keep_a_name_whole() -> None:
    kb, _ = kb_and_unplaced("# Places\n\n- St. Louis: a city on the Mississippi\n- Dr. Pepper: a drink\n")
    assert {e.term for e in kb.entries} == {"St. Louis", "Dr. Pepper"}


def test_a_heading_that_abbreviates_its_one_entry_is_its_alias() -> None:
    """A new user's find: '## RADIUS' over 'Remote Authentication Dial-In User Service: ...' kept RADIUS
    only as a topic's name, so 'what is radius' was refused."""
    kb, _ = kb_and_unplaced(
        "# AAA\n\n## RADIUS\nRemote Authentication Dial-In User Service: central authentication of users.\n\n"
        "## Kerberos\nA ticket-based authentication protocol.\n\n## Accounting\nKeeping records of use.\n"
    )
    entry = named_entry(kb, "Remote Authentication Dial-In User Service")
    assert "RADIUS" in entry.aliases
