"""Styles of real notes found after the corpus was written: small inputs written for each."""

from __future__ import annotations

from bot.loader import normalize_name as normalize
from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

BOLD_QUESTION_CARDS = """\
# Chemistry

## Bonds

- **In chemistry, what is a covalent bond?** A bond where atoms share electron pairs
- **In chemistry, what is an ion?** An atom that has gained or lost electrons
- **What does a catalyst do?** Speeds up a reaction without being used up
- **In chemistry, what is the formula for table salt?** NaCl
- **In chemistry, what is the mnemonic for the reactivity series?** Please stop calling me a careless zebra
- **What does a balanced equation with state symbols mean?** Each side has the same atoms, states given
"""


def test_a_bold_question_with_its_answer_on_the_line_defines_the_asked_term() -> None:
    kb, unplaced = kb_and_unplaced(BOLD_QUESTION_CARDS)
    # "In chemistry," says where the question is asked; "what is an ion?" asks for "ion", not "n ion"
    assert entry(kb, "covalent bond").definition == "A bond where atoms share electron pairs"
    assert entry(kb, "ion").definition == "An atom that has gained or lost electrons"
    # "What does X do?" asks what X is for: its answer defines X
    assert entry(kb, "catalyst").definition == "Speeds up a reaction without being used up"
    # a formula, a mnemonic or a qualified case is asked about, no term: reported, never an entry
    assert terms(kb) == {"covalent bond", "ion", "catalyst"}
    lost = [text for _, text in unplaced]
    assert "what is the formula for table salt? NaCl" in lost
    assert any(text.startswith("what is the mnemonic for the reactivity series?") for text in lost)
    assert any(text.startswith("What does a balanced equation with state symbols mean?") for text in lost)


def test_one_bold_question_in_ordinary_notes_is_no_card() -> None:
    notes = "# Bonds\n\n**Why do atoms bond?** To reach a full outer shell.\n\n- Ion: a charged atom\n"
    kb, unplaced = kb_and_unplaced(notes)
    assert terms(kb) == {"Ion"}
    assert entry(kb, "Ion").definition == "A charged atom"
    assert (3, "Why do atoms bond?: To reach a full outer shell.") in unplaced


WORD_PARTS_TABLE = """\
| Term | Meaning | Example |
| ---- | ------- | ------- |
| -algia | pain |
| -ectomy | surgical removal | appendectomy = removal of the appendix |
| hepat-, hepato- | liver | hepatitis |
| renal, nephric | of the kidney | |
| brady- | slow | bradycardia |

examples
========
gastralgia = stomach pain
"""


def test_a_table_row_of_word_parts_names_suffixes_and_lists_its_names() -> None:
    kb, unplaced = kb_and_unplaced(WORD_PARTS_TABLE)
    # a suffix written with its hyphen first is a name like any other
    assert entry(kb, "-algia").definition == "Pain"
    assert entry(kb, "-ectomy").definition == "Surgical removal"
    # "hepat-, hepato-": one row, two names for one thing; the first is the term, the others aliases
    hepat = entry(kb, "hepato-")
    assert (hepat.term, hepat.aliases) == ("hepat-", ("hepato-",))
    assert entry(kb, "nephric").term == "renal"
    assert entry(kb, "brady-").definition == "Slow"
    # "examples" names a part of the notes, never a term; its lines are reported, not dropped
    assert not any(normalize(t).startswith("example") for t in terms(kb))
    assert (11, "gastralgia = stomach pain") in unplaced


def test_a_comma_between_a_phrase_and_more_is_no_list_of_names() -> None:
    notes = "| Term | Meaning |\n| --- | --- |\n| Latency, in routing | the delay of a hop |\n"
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "Latency").definition == "The delay of a hop"


FIELDS_IN_PROSE = """\
# Terms

In **population genetics**, allele frequencies change across generations through drift and selection.

In **Python**, lists are mutable and can be changed in place after they are made.

In **ecology**, short.
"""


def test_a_sentence_opening_with_an_emphasised_field_defines_it() -> None:
    kb, _ = kb_and_unplaced(FIELDS_IN_PROSE)
    genetics = entry(kb, "population genetics")
    assert genetics.definition.startswith("In population genetics, allele frequencies change")
    assert "taken from the emphasised" in " ".join(genetics.checks)  # a reading to check, flagged
    # a capitalised single name is the setting of a statement ("In **Python**, ..."), and a field
    # followed by a few words says too little: neither is a term
    assert "Python" not in terms(kb)
    assert not any(normalize(t) == "ecology" for t in terms(kb))


def test_a_definition_line_with_a_relative_clause_defines_its_heading() -> None:
    notes = """\
# Logic

#### Valid argument
 An argument where the premises are intended to guarantee the conclusion.

#### Witness
 A person who is asked to say what they saw in court.
"""
    kb, unplaced = kb_and_unplaced(notes)
    # "An argument where the premises are ..." says what the heading's term is; its "are" belongs to
    # the clause after "where", so "argument where the premises" is no subject being defined
    assert entry(kb, "Valid argument").definition == (
        "An argument where the premises are intended to guarantee the conclusion."
    )
    assert entry(kb, "Witness").definition == "A person who is asked to say what they saw in court."
    assert unplaced == []


def test_what_a_later_sentence_says_something_else_is_known_as_is_no_alias() -> None:
    notes = """\
# Logic

#### Antecedent
 The "if" part of a conditional. The "then" part is known as the consequent.

#### Consequent
 The "then" part of a conditional.

#### Syllogism
 An argument of two premises and a conclusion. It is also known as a categorical argument.
"""
    kb, _ = kb_and_unplaced(notes)
    # 'The "then" part is known as the consequent' names the consequent, not the antecedent: the two
    # stay apart, each with its own definition
    assert entry(kb, "Antecedent").aliases == ()
    assert entry(kb, "Consequent").definition == 'The "then" part of a conditional.'
    # a sentence that points back at the term ("It is also known as ...") names it
    assert "a categorical argument" in entry(kb, "Syllogism").aliases


def test_a_heading_whose_sentence_leads_on_to_a_glossary_list_groups_its_terms() -> None:
    notes = """\
# Revolutions

## Two Ideas

By 1800 Europe argued about two ways to run a country, and the notes list them:
- **Monarchy:** A state ruled by a king or a queen who inherits the throne.
- **Republic (res publica):** A state ruled by elected leaders, the other of the Two Ideas.

## Estates-General

The assembly of the three estates of France, called in 1789:
- clergy
- nobility
"""
    kb, unplaced = kb_and_unplaced(notes)
    # the sentence only leads on to the list; the list's points are the terms, the heading groups them
    assert "Two Ideas" not in terms(kb)
    assert any("Two Ideas: By 1800 Europe argued" in text for _, text in unplaced)
    assert entry(kb, "res publica").term == "Republic"
    assert entry(kb, "Monarchy").definition == "A state ruled by a king or a queen who inherits the throne."
    # a lead-in over points that are no terms of their own stays the heading's (flagged) definition
    estates = entry(kb, "Estates-General")
    assert estates.definition == "The assembly of the three estates of France, called in 1789:"
    assert "only introduces a list" in " ".join(estates.checks)


def test_a_heading_on_a_part_of_a_defined_terms_story_is_no_term() -> None:
    notes = """\
# Economics

## Inflation

A general rise in prices across an economy over time.

## Causes of Inflation

Too much money chasing too few goods, or costs pushed up by wages and energy.

## Causes of Unrest

Hunger and high prices made people angry in many cities of the time.
"""
    kb, unplaced = kb_and_unplaced(notes)
    # "Causes of Inflation" after Inflation was defined tells of Inflation: reported, never a term
    assert "Causes of Inflation" not in terms(kb)
    assert any(text.startswith("Too much money chasing") for _, text in unplaced)
    assert entry(kb, "Inflation").definition == "A general rise in prices across an economy over time."
    # the same shape over something the notes never defined is read as before
    assert "Causes of Unrest" in terms(kb)
