"""Last point: no 2 MB knowledge file makes loading or the first look-up slow.

Each of a file's budgets (``bot.loader.MAX_*``) is a ``file:line`` problem naming the key, found
before the matcher indexes anything; what stays within them is indexed with bounded work (counted
here, not timed: ``benchmarks/hostile_notes.py`` reports the wall times of the worst shapes).
"""

from __future__ import annotations

import pytest

from benchmarks.hostile_notes import SHAPES, TWO_MB
from bot.knowledge import KnowledgeError
from bot.loader import (
    MAX_ALIASES_PER_ENTRY,
    MAX_DISTINCT_WORDS_PER_FILE,
    MAX_ENTRIES_PER_FILE,
    MAX_NAME_WORDS_PER_FILE,
    MAX_NAMES_PER_FILE,
    MAX_TEXT_CHARS,
    MAX_TEXT_WORDS_PER_FILE,
    load_knowledge_text,
)
from bot.matching import Matcher
from bot.matching.typos import _MAX_TYPO_WORD


def problems(text: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_text(text, "big.yaml")
    return [(p.line, p.key, p.message) for p in caught.value.problems]


def test_too_many_aliases_on_one_entry_is_a_problem_naming_the_key() -> None:
    aliases = ", ".join(f"a{i}" for i in range(MAX_ALIASES_PER_ENTRY + 1))
    text = f"topic: {{title: T}}\nentries:\n  - term: Base\n    definition: x\n    aliases: [{aliases}]\n"
    [(line, key, message)] = problems(text)
    assert (line, key) == (5, "aliases")
    assert f"entry 'Base' has {MAX_ALIASES_PER_ENTRY + 1} aliases; an entry may have at most" in message


def test_too_many_entries_in_one_file_is_a_problem_on_the_first_one_over() -> None:
    rows = "".join(f"  - {{term: t{i}, definition: d}}\n" for i in range(MAX_ENTRIES_PER_FILE + 3))
    [(line, key, message)] = problems("topic: {title: T}\nentries:\n" + rows)
    assert (line, key) == (3 + MAX_ENTRIES_PER_FILE, "entries")
    assert f"the file has more than {MAX_ENTRIES_PER_FILE:,} entries" in message
    assert "split it into several files" in message


def test_the_entries_budget_counts_every_topic_of_a_file() -> None:
    half = MAX_ENTRIES_PER_FILE // 2 + 1
    rows = "".join(f"      - {{term: t{i}, definition: d}}\n" for i in range(half))
    rows2 = "".join(f"      - {{term: u{i}, definition: d}}\n" for i in range(half))
    text = f"topics:\n  - title: A\n    entries:\n{rows}  - title: B\n    entries:\n{rows2}"
    [(_line, key, message)] = problems(text)
    assert key == "entries"
    assert f"more than {MAX_ENTRIES_PER_FILE:,} entries" in message


def test_too_many_names_in_one_file_is_a_problem_where_the_budget_runs_out() -> None:
    per_entry = 9
    rows = "".join(
        f"  - term: t{i}\n    definition: d\n    aliases: [{', '.join(f'a{i}x{j}' for j in range(9))}]\n"
        for i in range(MAX_NAMES_PER_FILE // (per_entry + 1) + 1)
    )
    [(line, key, message)] = problems("topic: {title: T}\nentries:\n" + rows)
    assert key == "aliases"
    assert f"more than {MAX_NAMES_PER_FILE:,} terms and aliases" in message
    assert line == 3 + 3 * (MAX_NAMES_PER_FILE // (per_entry + 1))


def test_too_many_name_words_in_one_file_is_a_problem() -> None:
    name = " ".join(f"w{i}" for i in range(1000))
    rows = "".join(
        f"  - term: {name} n{i}\n    definition: d\n" for i in range(MAX_NAME_WORDS_PER_FILE // 1000 + 1)
    )
    [(_line, _key, message)] = problems("topic: {title: T}\nentries:\n" + rows)
    assert f"more than {MAX_NAME_WORDS_PER_FILE:,} words in terms and aliases" in message


def test_a_long_text_and_too_many_text_words_are_problems() -> None:
    [(line, key, message)] = problems(
        "topic: {title: T}\nentries:\n  - term: A\n    definition: x\n"
        f"    details: [{'y' * (MAX_TEXT_CHARS + 1)}]\n"
    )
    assert (line, key) == (5, "details")
    assert f"at most {MAX_TEXT_CHARS:,}" in message
    words = " ".join(["word"] * 3000)
    rows = "".join(
        f"  - {{term: t{i}, definition: {words}}}\n" for i in range(MAX_TEXT_WORDS_PER_FILE // 3000 + 1)
    )
    [(_line, key, message)] = problems("topic: {title: T}\nentries:\n" + rows)
    assert key == "definition"
    assert f"more than {MAX_TEXT_WORDS_PER_FILE:,} words in definitions, details and examples" in message


def test_too_many_different_words_in_one_file_is_a_problem() -> None:
    """Each different word is stemmed once for the description index: repeats are cheap, new words not."""
    per_entry = 1000
    rows = "".join(
        f"  - term: t{i}\n    definition: {' '.join(f'w{i}x{j}' for j in range(per_entry))}\n"
        for i in range(MAX_DISTINCT_WORDS_PER_FILE // per_entry + 1)
    )
    [(line, key, message)] = problems("topic: {title: T}\nentries:\n" + rows)
    assert key == "definition"
    assert line == 3 + 2 * (MAX_DISTINCT_WORDS_PER_FILE // per_entry)
    assert f"more than {MAX_DISTINCT_WORDS_PER_FILE:,} different words in its texts" in message


def test_a_name_of_one_huge_word_adds_no_typo_neighbourhood() -> None:
    """Work bound: a 12,000-letter word once added 12,000 deletions of 12,000 letters each (144 MB)."""
    word = "ab" * 5_990
    kb = load_knowledge_text(f"topic: {{title: T}}\nentries:\n  - term: {word}\n    definition: d\n")
    matcher = Matcher(kb)
    assert len(matcher._typos._word_deletes) == 0
    assert matcher.lookup(word).entry is kb.entries[0]  # type: ignore[union-attr]
    short = "hypervisor"
    assert len(short) <= _MAX_TYPO_WORD
    kb = load_knowledge_text(f"topic: {{title: T}}\nentries:\n  - term: {short}\n    definition: d\n")
    assert Matcher(kb).lookup("hypervisr").entry is kb.entries[0]  # type: ignore[union-attr]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_hostile_2_mb_shape_is_refused_or_loads_within_the_budgets(shape: str) -> None:
    """Each generator makes about 2 MB; loaded, it stays within every budget (else it was refused)."""
    text = SHAPES[shape]()
    assert len(text.encode()) >= TWO_MB * 0.6, shape  # full_budget: as large as the budgets allow

    try:
        kb = load_knowledge_text(text, f"{shape}.yaml")
    except KnowledgeError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        assert all(p.line is not None for p in refused.problems), refused
        return
    names = sum(len(e.names) for e in kb.entries)
    assert len(kb.entries) <= MAX_ENTRIES_PER_FILE
    assert names <= MAX_NAMES_PER_FILE
    assert all(len(e.aliases) <= MAX_ALIASES_PER_ENTRY for e in kb.entries)
    assert sum(len(n.split()) for e in kb.entries for n in e.names) <= MAX_NAME_WORDS_PER_FILE
    texts = [t for e in kb.entries for t in (e.definition, *e.details, *e.examples)]
    assert all(len(t) <= MAX_TEXT_CHARS for t in texts)
    assert sum(len(t.split()) for t in texts) <= MAX_TEXT_WORDS_PER_FILE
    assert len({w for t in texts for w in t.split()}) <= MAX_DISTINCT_WORDS_PER_FILE
