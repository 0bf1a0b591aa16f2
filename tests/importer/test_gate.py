"""The importer's last look: a line that is no term goes to "not placed", a doubtful meaning is flagged.

Each case is a small piece of notes in a shape met in real notes the importer had not seen: question
numbers, equations, Markdown samples, field labels under every term, a label over the kinds it
contrasts, an author quoted on another term, a label whose meaning is only its first sub-point.
"""

from __future__ import annotations

from bot.importer import ImportResult, import_notes
from bot.loader import load_knowledge_text
from bot.matching import Answer, Matcher, NotFound


def _terms(result: ImportResult) -> list[str]:
    return [entry.term for entry in result.draft.entries]


def _unplaced(result: ImportResult) -> str:
    return "\n".join(text for _, text in result.draft.unplaced)


def _flagged(result: ImportResult) -> dict[str, list[str]]:
    return {e.term: e.checks.get("definition", []) for e in result.draft.entries}


def test_question_numbers_are_no_terms() -> None:
    result = import_notes(
        "1a - A set of processes is deadlocked if each waits for an event only another can cause.\n\n"
        "1b - Mutual exclusion is when a resource can be used by one process at a time.\n\n"
        "Semaphore - a counter that processes wait on and signal.\n"
    )
    assert _terms(result) == ["Semaphore"]
    assert "1a: A set of processes" in _unplaced(result)
    assert "1b: Mutual exclusion" in _unplaced(result)


def test_an_equation_is_no_term() -> None:
    result = import_notes(
        "H + OH = $H_2O$ = neutral pH\n\n"
        "pH of lakes ≈ 6-8\npH of lemon ≈ 3\n\n"
        "titration - process used to find the concentration of an unknown solution\n"
    )
    assert _terms(result) == ["titration"]
    assert "H + OH" in _unplaced(result)


def test_a_sample_of_markdown_is_no_term() -> None:
    result = import_notes(
        "### Markdown\n"
        "**Markdown** is a lightweight markup language for formatting plain text.\n\n"
        "Common syntax:\n"
        "- `# Heading` - Creates headings\n"
        "- `![image](path)` - Images\n"
    )
    assert "# Heading" not in _terms(result)
    assert "!image" not in _terms(result)
    assert "Markdown" in _terms(result)
    assert "Creates headings" in _unplaced(result)


def test_a_field_label_under_every_term_is_no_term() -> None:
    result = import_notes(
        "## Taxonomy\n"
        "- **Definition**: The science of naming and classifying organisms.\n"
        "- **Context**: It helps scientists communicate about species.\n\n"
        "## Metabolism\n"
        "- **Definition**: The chemical reactions that keep organisms alive.\n"
        "- **Context**: Catabolism breaks nutrients down, anabolism builds.\n"
    )
    assert _terms(result) == ["Taxonomy", "Metabolism"]
    assert "Context: It helps scientists" in _unplaced(result)


def test_a_label_over_contrasted_kinds_is_no_term() -> None:
    result = import_notes(
        "# Sociology\n\n"
        "- **Status**: Ascribed (birth) vs. Achieved (earned)\n"
        "- **Groups**: Primary (personal) vs. Secondary (impersonal)\n"
        "- **Karl Marx**: Class Conflict (Bourgeoisie vs. Proletariat)\n"
        "- **Norms**: Folkways (customs) -> Mores (morals) -> Laws (codified)\n"
    )
    terms = _terms(result)
    assert "Status" not in terms
    assert "Groups" not in terms
    assert {"Ascribed status", "Achieved status", "Primary group", "Secondary group"} <= set(terms)
    assert terms[-2:] == ["Karl Marx", "Norms"]


def test_a_term_explained_by_a_contrast_in_prose_stays() -> None:
    result = import_notes(
        "Dispatch - static (monomorphization, zero-cost) vs dynamic (`dyn Trait`, vtable-based).\n\n"
        "Trait - a set of methods a type can implement.\n"
    )
    assert _terms(result) == ["Dispatch", "Trait"]


def test_an_author_quoted_on_another_term_is_no_term() -> None:
    result = import_notes(
        "## Module 4: Socialization\n\n"
        "### Meaning of Socialization\n"
        "- **Socialization** is the process through which an individual learns the norms of society.\n\n"
        "#### Definitions by sociologists\n"
        "1. **Ogburn**: \u201cSocialization is a process to learn norms and to conform to them.\u201d\n"
        "2. **A.W. Green**: \u201cSocialization is the process by which the child acquires a culture.\u201d\n"
    )
    assert _terms(result) == ["Socialization"]
    assert "Ogburn" in _unplaced(result)


def test_a_quotation_of_the_term_itself_stays() -> None:
    result = import_notes(
        '- **Utilitarianism**: "The greatest happiness for the greatest number of people"\n'
        "- **Hedonism**: the only good is pleasure\n"
    )
    assert _terms(result) == ["Utilitarianism", "Hedonism"]


def test_emphasis_left_inside_a_name_is_dropped() -> None:
    result = import_notes(
        "| Formula | Name |\n| --- | --- |\n| HCl | hydro__chlor__ic acid |\n| HBr | hydro__brom__ic acid |\n"
    )
    assert "hydrochloric acid" in _terms(result)


def test_a_bare_label_over_kinds_is_flagged() -> None:
    result = import_notes(
        "# Economics\n\n"
        "- Unemployment\n"
        "    + measured by the unemployment rate\n"
        "    + classical unemployment: wages too high\n"
        "- Egoism\n"
        "    + psychological\n"
        "        * humans always do what is in their best interest\n"
        "- Demand\n"
        "    + how much buyers want at each price\n"
        "    + falls as the price rises\n"
        "- Inflation: a general rise in prices over time\n"
    )
    flagged = _flagged(result)
    assert "first point under Unemployment" in flagged["Unemployment"][0]
    # a bare name whose only point is a kind of it: the kind is the entry, the name has no definition
    assert "Egoism" not in flagged
    assert "Egoism: no definition in the notes" in _unplaced(result)
    assert flagged["Demand"] == []  # its points say what it is
    assert flagged["Inflation"] == []


def test_a_definition_that_only_introduces_a_list_is_flagged() -> None:
    result = import_notes(
        "## Operating System\n\n"
        "An operating system is software between applications and hardware.\n\n"
        "### Process Management\n\n"
        "Programs:\n"
        "- A program is a set of instructions written in a programming language.\n"
    )
    assert "only introduces a list" in _flagged(result)["Process Management"][0]


def test_a_doubtful_entry_is_not_given_for_a_kind_its_points_list() -> None:
    result = import_notes(
        "# Ethics\n\n"
        "- Egoism\n"
        "    + psychological\n"
        "        * humans always do what is in their best interest\n"
        "    + ethical\n"
        "        * what is good is whatever is in your best interest\n"
        "- Hedonism: the only good is pleasure\n"
    )
    matcher = Matcher(load_knowledge_text(result.text))
    asked = matcher.lookup("what is ethical egoism")
    assert isinstance(asked, NotFound)
    assert [s.entry.term for s in asked.suggestions] == ["Egoism"]
    named = matcher.lookup("what is egoism")
    assert isinstance(named, Answer)
    assert named.entry.term == "Egoism"


def test_a_kind_written_short_under_the_item_naming_it_gets_its_whole_name() -> None:
    result = import_notes(
        "5. Utilitarianism\n"
        "    - the greatest happiness for the greatest number\n"
        "    - Higher happiness vs lower happiness\n"
        "        + lower: bodily happiness, sex, etc.\n"
        "        + higher: self-actualizing pleasures (reading, music)\n\n"
        "6. Deontology\n"
        "    - not consequentialism\n"
    )
    assert _terms(result) == ["Utilitarianism", "Lower happiness", "Higher happiness", "Deontology"]
