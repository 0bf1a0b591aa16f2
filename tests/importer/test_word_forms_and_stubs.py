"""Importer faults on small notes: word endings in brackets, lone headings, short stubs, placeholders."""

from __future__ import annotations

import pytest

from bot.importer import NotesError, import_notes
from bot.matching.names import is_fragment
from tests.importer.kb_helpers import entry, kb_and_unplaced


def test_endings_in_brackets_give_both_word_forms_and_no_fragments() -> None:
    kb, _ = kb_and_unplaced(
        "- Nucle(us/i) - the control centre of the cell\n"
        "- Fung(us/i) - decomposers that feed on dead matter\n"
        "- Bacteri(um/a) - single-celled organisms without a nucleus\n"
    )
    assert [(e.term, e.aliases) for e in kb.entries] == [
        ("Nucleus", ("Nuclei",)),
        ("Fungus", ("Fungi",)),
        ("Bacterium", ("Bacteria",)),
    ]
    assert entry(kb, "Fungi").definition == "Decomposers that feed on dead matter"


def test_endings_in_brackets_in_a_table() -> None:
    kb, _ = kb_and_unplaced(
        "| Term | Definition |\n|---|---|\n| Alga(e) | Simple plants that live in water |\n"
        "| Analys(is/es) | A detailed examination of something |\n"
        "| Mitochondri(on/a) | Powerhouse of the cell |\n"
    )
    assert [(e.term, e.aliases) for e in kb.entries] == [
        ("Alga", ("Algae",)),
        ("Analysis", ("Analyses",)),
        ("Mitochondrion", ("Mitochondria",)),
    ]


def test_the_importer_never_makes_an_alias_of_a_letter_or_function_word() -> None:
    kb, _ = kb_and_unplaced(
        "- Speed (s) - how fast something moves\n- Mass (on) - how much matter there is\n"
    )
    assert not [alias for e in kb.entries for alias in e.aliases if is_fragment(alias)]


def test_a_placeholder_cell_is_empty() -> None:
    rows = "".join(f"| {term} | {cell} |\n" for term, cell in [("HTTP", "-"), ("FTP", "n/a"), ("SMTP", "—")])
    kb, unplaced = kb_and_unplaced(
        "| Term | Definition |\n|---|---|\n" + rows + "| TELNET | ? |\n| POP3 | TBD |\n| IMAP | ... |\n"
        "| DNS | Resolves names to addresses |\n"
    )
    assert [e.term for e in kb.entries] == ["DNS"]
    assert [text.split(":")[0] for _, text in unplaced] == ["HTTP", "FTP", "SMTP", "TELNET", "POP3", "IMAP"]


def test_a_lone_heading_over_a_line_with_brackets_is_the_term_that_line_defines() -> None:
    kb, unplaced = kb_and_unplaced("#### Vishing\nVoice phishing (some automated)\n")
    assert [(e.term, e.definition) for e in kb.entries] == [("Vishing", "Voice phishing (some automated)")]
    assert not unplaced


def test_a_term_over_a_short_definition_after_another_entry_is_an_entry() -> None:
    for notes in (
        "**Vishing**\nVoice phishing by phone\n\n**Smishing**\nSMS phishing\n",
        "Vishing\nVoice phishing by phone\n\nSmishing\nSMS phishing\n",
    ):
        kb, _ = kb_and_unplaced(notes)
        assert [(e.term, e.definition, e.details) for e in kb.entries] == [
            ("Vishing", "Voice phishing by phone", ()),
            ("Smishing", "SMS phishing", ()),
        ]


def test_a_bullet_term_with_optional_words_first_is_an_entry_as_in_a_table() -> None:
    kb, _ = kb_and_unplaced(
        "- Cell - the basic unit of life\n"
        "- [Characteristics of] Life - growth, reproduction and response to stimuli\n"
    )
    life = entry(kb, "Life")
    assert (life.term, life.definition) == (
        "Characteristics of Life",
        "Growth, reproduction and response to stimuli",
    )
    assert not entry(kb, "Cell").details


def test_a_ticked_task_box_is_not_an_optional_word() -> None:
    kb, _ = kb_and_unplaced("- [x] Firewall - blocks traffic\n- [ ] Proxy - forwards requests\n")
    assert [e.term for e in kb.entries] == ["Firewall", "Proxy"]


def test_one_outlined_term_under_the_title_is_that_term_not_the_title() -> None:
    kb, _ = kb_and_unplaced("## Principles\n- Authority\n  - Someone in charge\n")
    assert [(e.term, e.definition, e.topic.title) for e in kb.entries] == [
        ("Authority", "Someone in charge", "Principles")
    ]
    kb, _ = kb_and_unplaced("# Networking\n- DHCP process\n  - Discover, offer, request, acknowledge\n")
    assert [e.term for e in kb.entries] == ["DHCP process"]


def test_a_table_of_columns_under_the_title_never_defines_the_title() -> None:
    notes = (
        "## Web\n\n| Protocol | Port |\n|---|---|\n| HTTP | 80 |\n\n"
        "- TLS - encrypts traffic between two hosts\n"
    )
    kb, unplaced = kb_and_unplaced(notes)
    assert "Web" not in [e.term for e in kb.entries]
    assert [text for _, text in unplaced] == ["Protocol: HTTP; Port: 80"]


def test_a_table_of_columns_alone_under_the_title_is_no_term() -> None:
    with pytest.raises(NotesError, match="found no terms"):
        import_notes("## Web\n| Protocol | Port |\n|---|---|\n| HTTP | 80 |\n", notes_name="case.md")


def test_a_label_over_a_short_line_after_a_term_paragraph_is_no_term() -> None:
    for label in ("Examples", "Note"):
        kb, _ = kb_and_unplaced(f"Firewall\nFilters traffic between two networks\n\n{label}\npfSense\n")
        assert [e.term for e in kb.entries] == ["Firewall"]
