"""Column titles of language-vocabulary tables (issue 14: a learner's word lists).

A learner's word table names its columns by language and form, not "Term | Definition":
``| German | Article | Plural | English |``, ``| Singular | Plural | Word/meaning |``,
``| Word | Masculine Singular | Feminine Singular | ... | Basic meanings of word |``. The foreign word is
the term, the English meaning its definition, and every other form of the word written in the row (a
plural, a feminine form) one of its names: a learner types any of them.
"""

from __future__ import annotations

#: Languages a word list is written in: a column titled so holds the words (the terms).
_WORD_LANGUAGES = (
    "german",
    "deutsch",
    "french",
    "français",
    "francais",
    "spanish",
    "español",
    "espanol",
    "italian",
    "italiano",
    "portuguese",
    "latin",
    "dutch",
)
#: Column titles of the foreign word (lower case, spacing collapsed, no trailing colon).
TERM_HEADERS = frozenset(
    (
        *_WORD_LANGUAGES,
        *(f"{language} word" for language in _WORD_LANGUAGES),
        "singular",
        "foreign word",
        "vocab",
        "wort",
        "palabra",
        "mot",
    )
)
#: Column titles of the word's meaning in the reader's language.
DEFINITION_HEADERS = frozenset(
    (
        "english",
        "english meaning",
        "in english",
        "englisch",
        "inglés",
        "ingles",
        "anglais",
        "translation",
        "meanings",
        "meaning(s)",
        "word/meaning",
        "basic meaning",
        "basic meanings",
        "basic meanings of word",
    )
)
#: Column titles of other forms of the word: each cell is another name of the row's entry.
_FORM_TITLES = (
    "plural",
    "plurals",
    "plural form",
    "plural forms",
    "masculine",
    "feminine",
    "masculine singular",
    "feminine singular",
    "masculine plural",
    "feminine plural",
    "forms",
)
FORM_COLUMNS = dict.fromkeys(_FORM_TITLES, "aliases")
