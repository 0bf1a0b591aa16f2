"""A learner's word tables name their columns by language and form, not "Term | Definition"."""

from __future__ import annotations

from bot.matching import Answer, Matcher
from tests.importer.kb_helpers import entry, kb_of

LANGUAGE_COLUMNS = """## Lektion 4

| German | Article | Plural | English |
|--------|---------|--------|---------|
| Stuhl | der | Stühle | chair |
| Lampe | die | Lampen | lamp |
| Möbel | die | — | furniture |
"""

SINGULAR_PLURAL = """| Singular | Plural | Word/meaning | Remarks |
| --- | --- | --- | --- |
| das Blatt | die Blätter | leaf | |
| das Abitur | - | school leaving exam | nur Singular |
"""

GENDER_FORMS = (
    "## Nouns\n"
    "| Word | Masculine Singular | Feminine Singular | Masculine Plural | Feminine Plural "
    "| Basic meanings of word |\n"
    """| --- | --- | --- | --- | --- | --- |
| baroudeur | le baroudeur | la baroudeuse | les baroudeurs | les baroudeuses | backpacker |
| dette |  | la dette |  | les dettes | debt |
"""
)


def test_the_language_column_is_the_term_and_english_its_definition() -> None:
    kb = kb_of(LANGUAGE_COLUMNS)
    stuhl = entry(kb, "Stuhl")
    assert stuhl.definition.rstrip(".").casefold() == "chair"
    assert "Stühle" in stuhl.aliases  # the plural is another name of the word
    assert entry(kb, "Möbel").aliases == ()  # a dash says there is no plural: no name made of it


def test_singular_and_plural_columns_with_articles() -> None:
    kb = kb_of(SINGULAR_PLURAL)
    blatt = entry(kb, "das Blatt")
    assert blatt.definition.rstrip(".").casefold() == "leaf"
    assert "die Blätter" in blatt.aliases
    assert "-" not in entry(kb, "das Abitur").aliases


def test_gender_and_number_columns_are_names_and_the_meaning_column_the_definition() -> None:
    kb = kb_of(GENDER_FORMS)
    baroudeur = entry(kb, "baroudeur")
    assert baroudeur.definition.rstrip(".").casefold() == "backpacker"
    assert {"la baroudeuse", "les baroudeurs"} <= set(baroudeur.aliases)


def test_every_form_in_the_row_finds_the_word_and_the_meaning_asks_for_it() -> None:
    matcher = Matcher(kb_of(GENDER_FORMS))
    for question, term in [
        ("baroudeuse", "baroudeur"),  # a feminine form, its article left out
        ("les dettes", "dette"),
        ("how do you say backpacker in french", "baroudeur"),
    ]:
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert result.entry.term == term, question
