"""Hardening, hostile input without Discord: the matcher, the answer checker and the loader never crash.

Existing property tests already cover the loader on arbitrary text, bytes and near-valid structures
(tests/knowledge/test_properties.py) and accepted spellings of answers (tests/quiz/test_answers.py);
these add what was missing: the matcher, the answer checker on arbitrary input, hostile notes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge, load_knowledge_text
from bot.matching import Answer, Matcher, NotFound
from bot.quiz import AnswerChecker, hint_mask, mask_names, normalize
from tests.hardening.support import HOSTILE_TEXTS, PROPERTIES, RIGHT_TO_LEFT, SQL, ZERO_WIDTH

#: Arbitrary text, text built from the hostile pieces, and the hostile texts themselves.
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([*HOSTILE_TEXTS[:-1], " ", "what is ", "?", "a", "VM"]), max_size=8).map(
        "".join
    ),
    st.sampled_from(HOSTILE_TEXTS),
    st.text(alphabet=st.characters(categories=["Cf", "Mn", "Zs", "Zl", "Zp", "Cc", "So"]), max_size=50),
)


def hostile_notes() -> dict[str, object]:
    """A topic whose names and texts are all hostile (every one distinct after normalising)."""
    entries = [
        {"term": "@everyone storm", "aliases": ["@here"], "definition": "Pings @everyone and @here."},
        {"term": "Role ping <@&123456789012345678>", "definition": "Mentions <@&123456789012345678>."},
        {"term": "User ping <@123456789012345678>", "definition": "Mentions <@!123456789012345678>."},
        {"term": f"Zero{ZERO_WIDTH}width term", "definition": f"Has{ZERO_WIDTH}invisible characters."},
        {"term": f"Right{RIGHT_TO_LEFT}to left", "definition": f"Flips text {RIGHT_TO_LEFT}backwards."},
        {
            "term": "Fence ``` breaker",
            "definition": "```\nclosing the code block``` early",
            "examples": ["```"],
        },
        {"term": SQL, "aliases": ["Robert'); DROP TABLE answers;--"], "definition": f"Says {SQL}."},
        {"term": "Long " + "word " * 2000, "definition": "x" * 10_000, "details": ["y" * 10_000]},
        {
            "term": "Markdown **bold** __x__ ||spoiler||",
            "definition": "# Heading\n> quote\n[link](http://e.x)",
        },
    ]
    return {"topic": {"title": "@everyone <@&1> ```topic``` " + SQL, "objective": "9.9"}, "entries": entries}


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The hostile topic, loaded from a file."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_notes(), allow_unicode=True), encoding="utf-8")
    return load_knowledge([path])


@pytest.fixture(scope="module")
def matchers(hostile_kb: KnowledgeBase) -> list[Matcher]:
    """Matchers over the bundled notes and over the hostile notes."""
    return [Matcher(load_knowledge([DEFAULT_KNOWLEDGE_PATH])), Matcher(hostile_kb)]


def test_hostile_notes_load_with_their_text_intact(hostile_kb: KnowledgeBase) -> None:
    notes = hostile_notes()
    entries = notes["entries"]
    assert isinstance(entries, list)
    assert [e.term for e in hostile_kb.entries] == [" ".join(str(e["term"]).split()) for e in entries]
    assert hostile_kb.topics[0].title.startswith("@everyone")
    by_term = {e.term: e for e in hostile_kb.entries}
    assert by_term[SQL].definition == f"Says {SQL}."
    assert len(next(e for e in hostile_kb.entries if e.term.startswith("Long ")).definition) == 10_000


@PROPERTIES
@given(text=TEXT)
def test_matcher_never_raises_and_answers_from_the_notes(matchers: list[Matcher], text: str) -> None:
    for matcher in matchers:
        entries = set(map(id, matcher.kb.entries))
        result = matcher.lookup(text)
        assert isinstance(result, Answer | NotFound)
        if isinstance(result, Answer):
            assert id(result.entry) in entries
        else:
            assert len(result.suggestions) <= 3
            assert all(id(s.entry) in entries for s in result.suggestions)
        assert isinstance(matcher.is_question(text), bool)


@PROPERTIES
@given(prefix=TEXT, limit=st.integers(min_value=1, max_value=30))
def test_complete_never_raises_and_respects_the_limit(
    matchers: list[Matcher], prefix: str, limit: int
) -> None:
    for matcher in matchers:
        found = matcher.complete(prefix, limit=limit)
        assert len(found) <= limit
        assert len({id(e) for e in found}) == len(found), "each entry at most once"


def test_the_hostile_names_are_found_by_their_own_text(matchers: list[Matcher]) -> None:
    hostile = matchers[1]
    for entry in hostile.kb.entries:
        result = hostile.lookup(entry.term)
        assert isinstance(result, Answer), entry.term[:60]
        assert result.entry is entry
        assert entry in hostile.complete(entry.term[:20], limit=25)


@PROPERTIES
@given(names=st.lists(TEXT, min_size=1, max_size=4), guess=TEXT)
def test_answer_checker_never_raises(names: list[str], guess: str) -> None:
    checker = AnswerChecker(names)
    assert isinstance(checker.check(guess), bool)
    assert isinstance(normalize(guess), str)


@PROPERTIES
@given(name=TEXT)
def test_a_name_always_matches_itself_when_it_has_letters(name: str) -> None:
    if normalize(name):
        assert AnswerChecker([name]).check(name)


@PROPERTIES
@given(term=TEXT, text=TEXT, seed=st.integers(0, 2**32))
def test_hints_and_masks_never_raise(term: str, text: str, seed: int) -> None:
    import random

    hint = hint_mask(term, random.Random(seed))
    assert len(hint.replace(" ", "")) <= len(term.replace(" ", "")) * 2 + 2
    assert isinstance(mask_names(text, [term, text[:10]]), str)


def test_a_long_hostile_answer_is_checked_quickly() -> None:
    checker = AnswerChecker(["Hypervisor", "Virtual machine monitor", SQL])
    started = time.perf_counter()
    for text in HOSTILE_TEXTS:
        assert checker.check(text) is (text == SQL)
    assert checker.check("hypervisr")
    # not a timing assertion on speed: a guard against quadratic blow-ups on 10,000 characters
    assert time.perf_counter() - started < 5


UNSAFE_YAML = {
    "python object": "!!python/object/apply:os.system ['touch {marker}']\n",
    "python name": "topic: !!python/name:os.system\nentries: []\n",
    "nested tag": "topic:\n  title: !!python/object/new:os.system ['touch {marker}']\nentries: []\n",
    "billion laughs": (
        "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "topic: {title: *g}\nentries: [{term: *g, definition: *g}]\n"
    ),
    "null bytes": "topic:\n  title: a\x00b\nentries: []\n",
    "deep nesting": "topic: " + "[" * 5000 + "]" * 5000 + "\n",
}


@pytest.mark.parametrize("text", UNSAFE_YAML.values(), ids=UNSAFE_YAML.keys())
def test_unsafe_yaml_is_refused_with_a_knowledge_error_and_never_run(tmp_path: Path, text: str) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_text(text.replace("{marker}", str(marker)), tmp_path / "evil.yaml")
    assert caught.value.problems
    assert not marker.exists(), "YAML ran code"
