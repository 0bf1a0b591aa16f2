"""Grouping headings become topics: a file of notes with two or more groups imports as ``topics:``."""

from __future__ import annotations

from pathlib import Path

from bot.importer import import_notes
from bot.importer.merge import merge_into
from bot.loader import load_knowledge_text

GROUPED = """\
# Memory

- **RAM**: memory the processor reads and writes directly.

## RAM types

### SO-DIMM
A small memory module for laptops.

### ECC RAM
Memory that detects and corrects single-bit errors.

## Speeds and latency

- **CAS latency (CL)**: clock cycles between a read command and the data.
- **XMP**: a profile of tested memory settings in the module.
"""


def _topics(text: str) -> list[tuple[str, list[str]]]:
    kb = load_knowledge_text(text, Path("memory.yaml"))
    return [(t.title, [e.term for e in kb.entries_of(t)]) for t in kb.topics]


def test_grouping_headings_become_topics_and_loose_entries_stay_in_the_notes_topic() -> None:
    result = import_notes(GROUPED, notes_name="memory.md")
    assert _topics(result.text) == [
        ("Memory", ["RAM"]),
        ("RAM types", ["SO-DIMM", "ECC RAM"]),
        ("Speeds and latency", ["CAS latency", "XMP"]),
    ]
    kb = load_knowledge_text(result.text, Path("memory.yaml"))
    assert kb.topics[1].tags == ("Memory",)  # the notes' title stays a subject of every topic
    assert kb.topics[1].source == "memory.md"
    assert "topics:\n  - title: RAM types\n" in result.text


def test_without_loose_entries_there_are_only_the_group_topics() -> None:
    text = GROUPED.replace("- **RAM**: memory the processor reads and writes directly.\n", "")
    assert [title for title, _ in _topics(import_notes(text, notes_name="memory.md").text)] == [
        "RAM types",
        "Speeds and latency",
    ]


def test_one_group_keeps_one_topic_with_the_group_as_a_tag() -> None:
    text = GROUPED.split("## Speeds and latency")[0]
    kb = load_knowledge_text(import_notes(text, notes_name="memory.md").text, Path("memory.yaml"))
    assert [t.title for t in kb.topics] == ["Memory"]
    assert kb.topics[0].tags == ("RAM types",)


def test_bold_group_rows_of_a_table_and_unit_lines_group_too() -> None:
    table = """\
# Crypto

| **Symmetric** | **Asymmetric** |
| --- | --- |
| AES (Advanced Encryption Standard) - A block cipher. | RSA (Rivest Shamir Adleman) - Uses large primes. |
| DES (Data Encryption Standard) - An old block cipher. | ECC (Elliptic Curve Cryptography) - Uses curves. |
| RC4 (Rivest Cipher 4) - A stream cipher. | DSA (Digital Signature Algorithm) - Signs. |
"""
    assert _topics(import_notes(table, notes_name="crypto.md").text) == [
        ("Symmetric", ["AES", "DES", "RC4"]),
        ("Asymmetric", ["RSA", "ECC", "DSA"]),
    ]


def test_a_flagged_entry_keeps_its_check_note_inside_a_topic() -> None:
    text = GROUPED + "\n## Hypervisors\n\nType I (Bare metal) - runs on the hardware.\n"
    kb = load_knowledge_text(import_notes(text, notes_name="memory.md").text, Path("memory.yaml"))
    flagged = [e for e in kb.entries if e.checks]
    assert [(e.term, e.topic.title) for e in flagged] == [("Type I hypervisors", "Hypervisors")]


def test_merge_into_a_file_of_topics_adds_to_its_own_entries_else_its_last_topic(tmp_path: Path) -> None:
    more = import_notes("# Memory\n\n- **DDR5**: the fifth generation of DDR memory.\n", notes_name="more.md")
    first = import_notes(GROUPED, notes_name="memory.md")
    merged = merge_into(first.text, tmp_path / "memory.yaml", more)
    assert merged.new_entries == ["DDR5"]
    assert _topics(merged.text)[0] == ("Memory", ["RAM", "DDR5"])
    assert not merge_into(merged.text, tmp_path / "memory.yaml", first).changed
    only_groups = import_notes(
        GROUPED.replace("- **RAM**: memory the processor reads and writes directly.\n", ""), notes_name="m.md"
    )
    merged = merge_into(only_groups.text, tmp_path / "memory.yaml", more)
    assert _topics(merged.text)[-1] == ("Speeds and latency", ["CAS latency", "XMP", "DDR5"])


def test_an_upload_of_grouped_notes_is_one_server_topic_named_after_the_notes() -> None:
    from bot.notes.topics import read_body
    from bot.notes.upload import NotesLimits, preview_upload

    text = GROUPED.replace("- **RAM**: memory the processor reads and writes directly.\n", "")
    preview = preview_upload("memory.md", text.encode(), limits=NotesLimits())
    assert preview.ok
    assert preview.title == "Memory"
    assert [e.term for e in preview.entries] == ["SO-DIMM", "ECC RAM", "CAS latency", "XMP"]
    topic, entries = read_body(preview.body, Path("memory.yaml"))
    assert (topic.title, topic.tags, len(entries)) == ("Memory", ("RAM types", "Speeds and latency"), 4)
    assert any("its 2 topics are stored as one topic, 'Memory'" in w for w in preview.warnings)


def test_a_first_heading_with_parts_right_under_it_titles_the_notes() -> None:
    """ "# Economics revision" straight over "Supply and demand" / "=====" (another level-1 heading)
    is the notes' title; the parts are its topics, not a title taken from the file name."""
    text = (
        "# Economics revision\n\nSupply and demand\n=================\n\n- Demand - how much people buy\n"
        "- Supply - how much firms offer\n\nMarket failure\n==============\n\n"
        "- Externality - a cost to others\n"
    )
    kb = load_knowledge_text(import_notes(text, notes_name="econ_notes.md").text, Path("econ.yaml"))
    titles = {topic.title: topic for topic in kb.topics}
    assert set(titles) == {"Supply and demand", "Market failure"}
    assert all(topic.tags == ("Economics revision",) for topic in kb.topics)


def test_a_label_heading_repeated_under_each_part_groups_by_the_part() -> None:
    """ "### Definitions" under "## Topic 1" and under "## Topic 2": the repeated label is no group of
    its own; each table's terms sit in the topic of the part they are written in."""
    text = (
        "# Physics\n\n## Topic 1: Measurements\n### Definitions\n\n| Term | Definition |\n| --- | --- |\n"
        "| Random error | A deviation with equal chance above or below |\n\n## Topic 2: Mechanics\n"
        "### Definitions\n\n| Term | Definition |\n| --- | --- |\n"
        "| Impulse | Change in momentum from a force |\n"
    )
    topics = _topics(import_notes(text, notes_name="physics.md").text)
    assert topics == [("Topic 1: Measurements", ["Random error"]), ("Topic 2: Mechanics", ["Impulse"])]
