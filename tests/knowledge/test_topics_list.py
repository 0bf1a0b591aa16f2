"""A knowledge file may hold several topics (``topics:``), each with its own title and entries."""

from __future__ import annotations

import random

from bot.knowledge import Entry
from bot.loader import load_knowledge
from bot.quiz import QuestionGenerator, RoundSettings, select_entries
from cogs._autocomplete import topic_choices

from .conftest import WriteFile, problems_of

SEVERAL = """
    topic:
      title: Memory
      source: memory.md
    entries:
      - term: RAM
        definition: Memory the processor reads and writes directly.
    topics:
      - title: RAM types
        objective: "3.2"
        tags: [Memory]
        entries:
          - term: SO-DIMM
            definition: A small memory module for laptops.
          - term: ECC RAM
            definition: Memory that corrects single-bit errors.
      - title: Speeds and latency
        entries:
          - term: CAS latency
            aliases: [CL]
            definition: Clock cycles between a read command and the data.
    """


def test_a_file_with_topics_loads_each_topic_with_its_entries(write: WriteFile) -> None:
    kb = load_knowledge([write("memory.yaml", SEVERAL)])
    assert [t.title for t in kb.topics] == ["Memory", "RAM types", "Speeds and latency"]
    assert [(e.term, e.topic.title) for e in kb] == [
        ("RAM", "Memory"),
        ("SO-DIMM", "RAM types"),
        ("ECC RAM", "RAM types"),
        ("CAS latency", "Speeds and latency"),
    ]
    types = kb.topics[1]
    assert (types.objective, types.tags, types.label) == ("3.2", ("Memory",), "RAM types (3.2)")
    assert [e.term for e in kb.entries_of(types)] == ["SO-DIMM", "ECC RAM"]
    assert kb.summary() == "1 file, 3 topics, 4 terms, 1 alias"


def test_topics_alone_make_a_file(write: WriteFile) -> None:
    text = SEVERAL.split("    topics:\n")[1]
    kb = load_knowledge([write("memory.yaml", "    topics:\n" + text)])
    assert [t.title for t in kb.topics] == ["RAM types", "Speeds and latency"]
    assert len(kb) == 3


def test_quiz_autocomplete_and_answers_see_each_topic(write: WriteFile) -> None:
    kb = load_knowledge([write("memory.yaml", SEVERAL)])
    assert [e.term for e in select_entries(kb, "speeds and latency")] == ["CAS latency"]
    assert [e.term for e in select_entries(kb, "3.2")] == ["SO-DIMM", "ECC RAM"]
    assert [c.value for c in topic_choices(kb, "")] == ["Memory", "RAM types", "Speeds and latency"]
    assert [c.value for c in topic_choices(kb, "spe")] == ["Speeds and latency"]
    questions = QuestionGenerator(kb, random.Random(1)).generate(
        RoundSettings.validated(questions=4, mode="typed", topic="RAM types")
    )
    # a round's answers are stored under their entry's topic: the leaderboard's per-topic filter
    assert {q.entry.topic.title for q in questions} == {"RAM types"}


def test_a_name_in_two_topics_of_one_file_is_claimed_twice(write: WriteFile) -> None:
    path = write("memory.yaml", SEVERAL.replace("term: CAS latency", "term: so-dimms"))
    problems = problems_of([path])
    assert [(p.line, p.key) for p in problems] == [(18, "term")]
    assert "already claimed by entry 'SO-DIMM'" in problems[0].message


def test_mistakes_in_topics_are_named_with_line_and_key(write: WriteFile) -> None:
    path = write(
        "bad.yaml",
        """
        topics:
          - title: Speeds
            entries:
              - term: CL
                definition: Latency.
          - title: speeds
            entries:
              - term: XMP
                definition: A memory profile.
          - titel: Voltage
            entries:
              - term: DDR4
                definition: 1.2 V memory.
          - title: Empty
          - just text
          - title: Listless
            entries: []
        """,
    )
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (6, "title", "the topic 'speeds' is given twice (first on line 2); put its entries in one topic"),
        (10, "titel", "unknown key 'titel' in a topic of 'topics' (did you mean 'title'?)"),
        (10, "title", "topic 3 of 'topics' has no 'title'"),
        (14, "entries", "the topic 'Empty' has no 'entries' (a list of terms)"),
        (15, "topics", "topic 5 of 'topics' must be a mapping with a 'title' and 'entries', not text"),
        (17, "entries", "'entries' is empty; add at least one term"),
    ]


def test_a_topic_without_entries_next_to_topics_is_a_problem(write: WriteFile) -> None:
    path = write(
        "half.yaml", SEVERAL.replace("    entries:\n      - term: RAM\n", "    x:\n      - term: RAM\n")
    )
    messages = [(p.line, p.key, p.message) for p in problems_of([path])]
    assert (
        1,
        "entries",
        "'entries' is missing: the terms of 'topic' (or leave 'topic' out and give each topic of 'topics' "
        "its entries)",
    ) in messages


def test_the_bundled_format_is_unchanged(write: WriteFile) -> None:
    kb = load_knowledge(
        [write("one.yaml", "topic: {title: Net}\nentries:\n  - {term: Hub, definition: x}\n")]
    )
    assert [t.title for t in kb.topics] == ["Net"]
    assert isinstance(kb.entries[0], Entry)
    assert (
        problems_of([write("none.yaml", "topics: []\n")])[0].message
        == "'topics' is empty; add at least one topic"
    )
