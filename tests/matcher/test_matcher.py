"""The matcher's API: look-up, refusal with suggestions, autocomplete and question detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    """A small knowledge base from (term, aliases, definition) triples."""
    topic = Topic(title="Test", path=Path("test.yaml"))
    kb = KnowledgeBase(topics=[topic], files=[topic.path])
    kb.entries = [Entry(term=t, aliases=a, definition=d, topic=topic) for t, a, d in entries]
    return kb


def _term(result: Answer | NotFound) -> str | None:
    return result.entry.term if isinstance(result, Answer) else None


# ---------------------------------------------------------------- look-up


def test_exact_name_and_alias(matcher: Matcher) -> None:
    name = matcher.lookup("Live migration")
    alias = matcher.lookup("vMotion")
    assert isinstance(name, Answer)
    assert (name.via, name.score) == ("name", 100)
    assert isinstance(alias, Answer)
    assert (alias.via, alias.entry.term) == ("alias", "Live migration")


def test_empty_and_frame_only_questions_are_not_found(matcher: Matcher) -> None:
    for text in ("", "   ", "???", "what is", "define"):
        result = matcher.lookup(text)
        assert isinstance(result, NotFound), text
        assert result.query == text


def test_type_3_hypervisor_does_not_exist_but_types_1_and_2_are_suggested(matcher: Matcher) -> None:
    result = matcher.lookup("what is a type 3 hypervisor")
    assert isinstance(result, NotFound)
    suggested = [s.entry.term for s in result.suggestions]
    assert {"Type I hypervisor", "Type II hypervisor"} <= set(suggested)


def test_suggestions_on_not_found_are_similar_best_first_and_at_most_three(matcher: Matcher) -> None:
    result = matcher.lookup("what is virtual memory")
    assert isinstance(result, NotFound)
    assert 1 <= len(result.suggestions) <= 3
    assert result.suggestions[0].entry.term == "Virtual machine"
    scores = [s.score for s in result.suggestions]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)


def test_no_suggestions_without_real_similarity(matcher: Matcher) -> None:
    for text in ("what is a firewall", "what is DNS", "define ransomware"):
        result = matcher.lookup(text)
        assert isinstance(result, NotFound)
        assert result.suggestions == (), text


def test_mentioned_only_in_details_is_refused_with_a_suggestion(matcher: Matcher) -> None:
    result = matcher.lookup("define encryption")
    assert isinstance(result, NotFound)
    assert [s.entry.term for s in result.suggestions][:1] == ["Securing VMs"]


def test_suggest_puts_an_exact_hit_first(matcher: Matcher) -> None:
    found = matcher.suggest("hypervisor")
    assert found[0].entry.term == "Hypervisor"
    assert found[0].score == 100
    assert len(found) <= 3
    assert matcher.suggest("") == []


def test_ambiguous_fuzzy_match_is_refused() -> None:
    kb = _kb(("Access token", (), "A token."), ("Access tokens list", (), "A."), ("Accent token", (), "B."))
    matcher = Matcher(kb)
    assert _term(matcher.lookup("access token")) == "Access token"
    result = matcher.lookup("acces tokem")
    assert isinstance(result, NotFound)
    assert {s.entry.term for s in result.suggestions} >= {"Access token", "Accent token"}


def test_alias_shared_by_two_entries_is_not_answered() -> None:
    kb = _kb(("Cipher", ("code",), "A."), ("Source code", ("code",), "B."))
    matcher = Matcher(kb)
    assert isinstance(matcher.lookup("code"), NotFound)
    assert _term(matcher.lookup("cipher")) == "Cipher"


def test_empty_knowledge_base() -> None:
    matcher = Matcher(KnowledgeBase())
    assert isinstance(matcher.lookup("what is a hypervisor"), NotFound)
    assert matcher.complete("") == []
    assert matcher.complete("hyp") == []


def test_description_needs_a_clear_winner(matcher: Matcher) -> None:
    # Several definitions mention an operating system; none is about operating systems.
    assert isinstance(matcher.lookup("the operating system of a virtual machine"), NotFound)
    assert _term(matcher.lookup("deleted files left on a cloud server")) == "Data remnants"


# ---------------------------------------------------------------- autocomplete


def test_complete_empty_prefix_lists_terms_alphabetically(matcher: Matcher, kb: KnowledgeBase) -> None:
    terms = [e.term for e in matcher.complete("")]
    assert terms == sorted((e.term for e in kb.entries), key=str.casefold)[:25]


def test_complete_prefix_matches_before_fuzzy_and_best_first(matcher: Matcher) -> None:
    terms = [e.term for e in matcher.complete("hyp")]
    assert terms[0] == "Hypervisor"
    assert set(terms) >= {"Hypervisor", "Type I hypervisor", "Type II hypervisor"}
    assert matcher.complete("type 2")[0].term == "Type II hypervisor"
    assert matcher.complete("Type II")[0].term == "Type II hypervisor"


def test_complete_aliases_and_inner_words(matcher: Matcher) -> None:
    assert matcher.complete("vmot")[0].term == "Live migration"  # alias vMotion
    assert "Virtual machine" in [e.term for e in matcher.complete("mach")]  # word inside the term
    assert matcher.complete("bare-m")[0].term == "Type I hypervisor"


def test_complete_fuzzy_when_no_prefix_matches(matcher: Matcher) -> None:
    assert matcher.complete("hypervsior")[0].term == "Hypervisor"
    assert matcher.complete("virtaul machine")[0].term == "Virtual machine"
    assert matcher.complete("zzzz") == []


def test_complete_returns_each_entry_once_and_respects_limit(matcher: Matcher) -> None:
    for prefix in ("", "v", "vm", "s", "type"):
        found = matcher.complete(prefix)
        assert len(found) == len(set(found)) <= 25
    assert len(matcher.complete("v", limit=3)) == 3
    assert matcher.complete("v", limit=0) == []


def test_complete_caps_at_25_on_a_large_base() -> None:
    kb = _kb(*((f"Security control {i:03d}", (f"SC{i}",), "A control.") for i in range(60)))
    matcher = Matcher(kb)
    found = matcher.complete("security")
    assert len(found) == 25
    assert [e.term for e in found] == sorted(e.term for e in found)
    assert matcher.complete("security control 007")[0].term == "Security control 007"


# ---------------------------------------------------------------- is_question


@pytest.mark.parametrize(
    "text",
    [
        "what's a type 2 hypervisor?",
        "define vm escape",
        "Define: elasticity",
        "explain live migration pls",
        "what does a hypervisor do",
        "what does VM stand for",
        "tell me about data remnants",
        "what is a firewall",  # a definition question, even if the notes cannot answer it
        "whats an hypervisor",
        "hypervisor?",
        "meaning of privilege elevation",
        "hey bot, what is a vm escape?",
        "what do you call it when a vm is moved between servers",
        "anyone know what a hypervisor is?",
        "does anyone know what vm sprawl means",
        "remind me what elasticity is",
    ],
)
def test_is_question_true(matcher: Matcher, text: str) -> None:
    assert matcher.is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "lol ok",
        "I'm going to study hypervisors tonight",
        "anyone up for a quiz?",
        "what's up",
        "what is going on",
        "what time is the quiz?",
        "hypervisors are cool",
        "who is coming tonight?",
        "ok?",
        "",
        "vm escape",
        "what is everyone doing",
        "what's the answer to question 3?",
        "what a day",
    ],
)
def test_is_question_false(matcher: Matcher, text: str) -> None:
    assert not matcher.is_question(text)


def test_exact_spelling_breaks_a_tie_between_names_sharing_a_key() -> None:
    kb = _kb(("Data encryption standard", ("DES",), "A cipher."), ("Dual exploit", ("DE",), "Two exploits."))
    matcher = Matcher(kb)
    assert _term(matcher.lookup("DES")) == "Data encryption standard"
    assert _term(matcher.lookup("DE")) == "Dual exploit"


def test_a_name_plus_another_word_is_not_a_typo_of_the_name() -> None:
    kb = _kb(
        ("Container", (), "A box for one program."), ("Virtual machine", ("VM",), "An emulated computer.")
    )
    matcher = Matcher(kb)
    assert _term(matcher.lookup("containr")) == "Container"
    for text in ("container ship", "app virtual machines", "virtual machine image", "vm template"):
        assert isinstance(matcher.lookup(text), NotFound), text


def test_acronyms_of_the_notes_match_their_expansion_in_descriptions() -> None:
    kb = _kb(
        ("Virtual machine", ("VM",), "An emulated computer that runs an operating system."),
        ("Snapshot", (), "A saved copy of the disk and memory of a virtual machine at one moment."),
    )
    matcher = Matcher(kb)
    assert _term(matcher.lookup("a saved copy of a vm's disk at one moment")) == "Snapshot"


def test_a_huge_question_is_read_up_to_a_bound_above_the_longest_name() -> None:
    """A 400 KB pasted line once cost minutes of CPU (time grew with its length): only the first
    MAX_QUERY_CHARS characters are read, so the answer is the same as for that prefix; every name the
    loader accepts still fits."""
    from bot.loader import MAX_NAME_CHARS, load_knowledge
    from bot.matching import Matcher
    from bot.matching.matcher import MAX_QUERY_CHARS

    assert MAX_QUERY_CHARS > MAX_NAME_CHARS + 100

    matcher = Matcher(load_knowledge())
    huge = "what is vm escape " + "and more words " * 30_000
    result = matcher.lookup(huge)
    assert len(result.query) == MAX_QUERY_CHARS
    assert result == matcher.lookup(huge[:MAX_QUERY_CHARS])
