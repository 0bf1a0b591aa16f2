"""Importer faults a new user met on tiny notes files, each as a small input of its kind."""

from __future__ import annotations

from pathlib import Path

from bot.importer import import_notes
from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge_text, normalize_name


def _import(text: str) -> tuple[KnowledgeBase, list[tuple[int, str]]]:
    result = import_notes(text, notes_name="case.md")
    return load_knowledge_text(result.text, Path("case.yaml")), result.draft.unplaced


def _entry(kb: KnowledgeBase, name: str) -> Entry:
    found = [e for e in kb.entries if normalize_name(name) in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, [e.term for e in kb.entries]
    return found[0]


def test_a_wrapped_paragraph_under_a_heading_is_one_definition() -> None:
    kb, _ = _import(
        "# Networking\n\n### Subnetting\nSubnetting divides one IP network into smaller networks\n"
        "so that traffic stays local and addresses are used\nefficiently across the organisation.\n\n"
        "### Routing\nRouting chooses the path a packet takes.\n"
    )
    entry = _entry(kb, "Subnetting")
    assert entry.definition.endswith("efficiently across the organisation.")
    assert "so that traffic stays local" in entry.definition
    assert not entry.details


def test_short_lines_and_finished_sentences_stay_apart() -> None:
    """One fact per line, without bullets, is not wrapped prose."""
    kb, _ = _import("# Web\n\n### HTTPS\nHTTP over TLS.\nuses port 443\nencrypts the whole request\n")
    entry = _entry(kb, "HTTPS")
    assert entry.definition == "HTTP over TLS."
    assert "uses port 443" in entry.details


def test_code_is_never_part_of_an_entry() -> None:
    kb, unplaced = _import(
        "# Crypto\n\n### Hashing\nA hash function maps data of any size to a fixed-size digest.\n\n"
        "```python\ndef hash(x): return sha256(x)\n```\n\n### Salting\nRandom data added before hashing.\n"
    )
    for entry in kb.entries:
        said = " ".join((entry.term, entry.definition, *entry.details, *entry.examples))
        assert "sha256" not in said
    assert any("sha256" in text for _, text in unplaced)


def test_a_link_citation_in_parentheses_is_not_part_of_a_definition() -> None:
    kb, _ = _import(
        "# Social engineering\n\n"
        "- **Shoulder surfing** - Watching someone type a password ([source](https://example.com/ss))\n"
        "- **Tailgating** - Following someone through a door ([NIST](https://example.com/tg)) at work\n"
    )
    assert _entry(kb, "Shoulder surfing").definition == "Watching someone type a password"
    assert _entry(kb, "Tailgating").definition == "Following someone through a door at work"


def test_a_link_in_running_text_keeps_its_words() -> None:
    kb, _ = _import("# Web\n\n- **TLS** - Encrypts traffic, see [the RFC](https://example.com) for more\n")
    assert "see the RFC for more" in _entry(kb, "TLS").definition


def test_section_numbers_and_a_trailing_colon_are_not_part_of_a_heading_term() -> None:
    kb, _ = _import(
        "# Attacks\n\n### 1.2 Phishing:\nFraudulent emails that trick people.\n\n"
        "### 2. Vishing\nPhishing over voice calls.\n\n### 802.11 Wireless\nThe Wi-Fi standard.\n"
    )
    assert _entry(kb, "Phishing").term == "Phishing"
    assert _entry(kb, "Vishing").term == "Vishing"
    assert _entry(kb, "802.11 Wireless").definition == "The Wi-Fi standard."
    assert not any(e.term[:1].isdigit() and e.term != "802.11 Wireless" for e in kb.entries)


def test_a_term_line_over_its_lower_case_definition_stays_a_term() -> None:
    kb, _ = _import(
        "# Psychology\n\napplied research\nscientific study that aims to solve practical problems.\n\n"
        "industrial organization (I/O) psychology\n"
        "the application of psychological methods to behaviour in workplaces.\n"
    )
    assert _entry(kb, "I/O psychology").definition.startswith("The application of psychological")


def test_an_acronym_column_gives_aliases_not_details() -> None:
    for column in ("Acronym", "Abbreviation", "Short form", "Also known as", "Synonym(s)"):
        kb, _ = _import(
            f"# Web attacks\n\n| Term | {column} | Definition |\n|---|---|---|\n"
            "| Cross-site scripting | XSS | Injecting scripts into pages other users view |\n"
            "| SQL injection | SQLi | Inserting SQL into a query through user input |\n"
        )
        entry = _entry(kb, "XSS")
        assert entry.term == "Cross-site scripting", column
        assert not entry.details, column
        assert _entry(kb, "SQLi").definition.startswith("Inserting SQL"), column


def test_independent_bullets_under_a_term_heading_are_not_related_to_it() -> None:
    kb, _ = _import(
        "# Attacks\n\n### Pharming 🎣\nRedirecting users to a fake site by poisoning DNS.\n\n"
        "- Smishing: phishing over SMS text messages\n- Vishing: phishing over voice calls\n"
    )
    assert _entry(kb, "Pharming").definition.startswith("Redirecting users")
    assert not _entry(kb, "Smishing").see_also
    assert not _entry(kb, "Vishing").see_also


def test_kinds_that_name_the_heading_term_still_see_it() -> None:
    kb, _ = _import(
        "# Security\n\n### Malware\nSoftware written to harm a computer.\n\n"
        "- Virus: malware that attaches itself to files\n- Worm: malware that spreads on its own\n"
    )
    assert _entry(kb, "Virus").see_also == ("Malware",)
    assert _entry(kb, "Worm").see_also == ("Malware",)


def _cards(text: str, name: str) -> KnowledgeBase:
    result = import_notes(text, notes_name=name)
    return load_knowledge_text(result.text, Path("cards.yaml"))


def test_html_entities_in_an_anki_export_are_decoded() -> None:
    kb = _cards(
        "#separator:tab\n#html:true\nCIA&nbsp;triad\tConfidentiality,&nbsp;integrity &amp; availability\n"
        "Phishing\tFraudulent&nbsp;<b>emails</b>\n",
        "deck.txt",
    )
    assert _entry(kb, "CIA triad").definition == "Confidentiality, integrity & availability"
    assert _entry(kb, "Phishing").definition == "Fraudulent emails"


def test_html_entities_in_a_csv_export_are_decoded() -> None:
    kb = _cards("term,definition\nCIA&nbsp;triad,Confidentiality &amp; integrity\n", "deck.csv")
    assert _entry(kb, "CIA triad").definition == "Confidentiality & integrity"


def test_html_entities_in_raw_html_of_markdown_notes_are_decoded() -> None:
    kb, unplaced = _import("# Web\n\n### XSS\nInjected scripts.\n\n<div>Escape&nbsp;&lt;script&gt;</div>\n")
    said = [*_entry(kb, "XSS").details, *(text for _, text in unplaced)]
    assert "Escape <script>" in said


def test_term_lines_written_one_under_another_are_not_wrapped_prose() -> None:
    kb, _ = _import(
        "# Geography\n\nagriculture - The growing of crops and animals on farms\n"
        "igneous - hot molten lava solidifies\nmetamorphic - forms when rock is heated\n"
    )
    assert _entry(kb, "igneous").definition.startswith("Hot molten lava")
    assert _entry(kb, "agriculture").definition.endswith("on farms")
