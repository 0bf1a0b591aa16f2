"""Fresh questions of round 4 (``fresh_questions/round4``) that were wrong or refused, as rules.

A field of study the notes are not about is another setting even when a word of the same stem is in
the notes ("physics" against "physical data"); the notes' own field, said by a file name or inside a
title word ("economics" in "Macroeconomics"), is no setting at all. A name followed by "of" and a bare
word heads a longer name ("port of call"). A short word with another vowel is another word ("la cosa"
is not "La Casa"), and a misspelt inner word is not dropped ("EAP tuneled TLS" is not EAP-TLS).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.loader import load_knowledge
from bot.matching import Answer, Matcher


def _matcher(folder: Path, file_name: str, notes: str) -> Matcher:
    path = folder / file_name
    path.write_text(notes, encoding="utf-8")
    return Matcher(load_knowledge([path]))


R_NOTES = """\
topic:
  title: Glossary
entries:
  - term: Vector
    definition: A sequence of values, usually of homogeneous type.
  - term: Alias
    definition: To have two (or more) references to the same physical data.
  - term: Pipe operator
    definition: The %>% used to make the output of one function the input of the next in R.
  - term: Rhythm
    definition: A regular pattern of sounds in poetry.
  - term: Port Number
    aliases: [port]
    definition: A 16-bit number that identifies a specific process or a type of network service.
"""

ROCK_NOTES = """\
topic:
  title: Rocks
entries:
  - term: Cement
    definition: A medium that holds many smaller mineral crystals together.
  - term: Bedrock
    definition: Rock that is still attached to the earth's crust.
  - term: Clastic Rocks
    definition: Rocks made of crystalline grains held together by a cement.
"""

ECONOMY_NOTES = """\
topic:
  title: Macroeconomics basics
entries:
  - term: Inflation
    definition: A general rise in the price level over time.
"""

WORDS_AND_ACRONYMS = """\
topic:
  title: Vocabulary
entries:
  - term: La Casa
    definition: Home (noun, feminine).
  - term: La Escuela
    definition: School (noun, feminine).
  - term: EAP-TLS
    aliases: [EAP Transport Layer Security]
    definition: One of the most secure EAP standards; it uses PKI.
  - term: EAP-TTLS
    aliases: [EAP Tunneled TLS]
    definition: Allows older authentication methods such as PAP within a TLS tunnel.
  - term: Phonetics and Phonology
    definition: How we physically create sounds and how those sounds function within a language.
  - term: Phonetic language
    definition: A language whose words are spelt the way they sound.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notes")


def _term(result: object) -> str | None:
    return result.entry.term if isinstance(result, Answer) else None


@pytest.mark.parametrize(
    "question",
    ["what is a vector in physics", "what is an alias in biology", "what is a port of call"],
)
def test_another_setting_is_refused(folder: Path, question: str) -> None:
    assert _term(_matcher(folder, "r_glossary.yaml", R_NOTES).lookup(question)) is None


@pytest.mark.parametrize(
    ("file_name", "notes", "question", "term"),
    [
        ("r_glossary.yaml", R_NOTES, "what is rhythm in poetry", "Rhythm"),  # the notes say "poetry"
        ("r_glossary.yaml", R_NOTES, "pipe operator in r", "Pipe operator"),  # the file's name says R
        ("r_glossary.yaml", R_NOTES, "what port is it", "Port Number"),
        ("geology_rocks.yaml", ROCK_NOTES, "what is cement in geology", "Cement"),
        ("macro.yaml", ECONOMY_NOTES, "what is inflation in economics", "Inflation"),
        ("macro.yaml", ECONOMY_NOTES, "inflation in economics", "Inflation"),
    ],
)
def test_the_notes_own_subject_is_no_setting(
    folder: Path, file_name: str, notes: str, question: str, term: str
) -> None:
    assert _term(_matcher(folder, file_name, notes).lookup(question)) == term


def test_a_field_the_file_name_does_not_say_is_a_setting(folder: Path) -> None:
    # the same notes under a name without "geology": the word is no longer the notes' subject
    assert _term(_matcher(folder, "rocks.yaml", ROCK_NOTES).lookup("what is cement in geology")) is None


@pytest.mark.parametrize(
    ("question", "allowed"),
    [
        ("la cosa", {None}),  # another Spanish word, not a slip of "casa"
        ("la escuala", {"La Escuela"}),  # a longer word's vowel is a slip
        ("EAP tuneled TLS", {"EAP-TTLS", None}),  # a misspelt inner word is never left out: not EAP-TLS
        ("EAP tqnneled TLS", {"EAP-TTLS", None}),
        ("phonetics", {"Phonetics and Phonology", None}),  # a field's name: no kind of language left out
    ],
)
def test_slips_and_other_words(folder: Path, question: str, allowed: set[str | None]) -> None:
    matcher = _matcher(folder, "vocabulary.yaml", WORDS_AND_ACRONYMS)
    assert _term(matcher.lookup(question)) in allowed


def test_one_of_the_things_the_notes_are_about_is_no_setting(folder: Path) -> None:
    # notes titled "Rocks": "in a rock" says their subject, and Cement is answered, not Clastic Rocks
    assert _term(_matcher(folder, "rocks.yaml", ROCK_NOTES).lookup("what is cement in a rock")) == "Cement"


KIND_NOTES = """\
topic:
  title: Terminology
entries:
  - term: Silhouette coefficient
    definition: A score from -1 to 1 describing the clusters found during modeling.
  - term: Chloroplasts
    definition: Absorb light energy to produce glucose.
  - term: Hypervisor
    definition: Software that creates and runs virtual machines.
  - term: VM escape
    aliases: [hypervisor escape]
    definition: An attack that breaks out of a VM by interacting directly with the hypervisor.
"""


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("silhouette score", "Silhouette coefficient"),  # the kind its definition says, for its last word
        ("chloroplast function", "Chloroplasts"),  # a property word after the name
        ("what are the chloroplast functions", "Chloroplasts"),
        ("hypervisor attack", None),  # "hypervisor" names an entry of its own: no VM escape
        ("chloroplast types", None),  # "types" after a name may make a name of its own
    ],
)
def test_kind_renamed_and_property_after_the_name(folder: Path, question: str, term: str | None) -> None:
    assert _term(_matcher(folder, "terms.yaml", KIND_NOTES).lookup(question)) == term


PROTOCOL_NOTES = """\
topic:
  title: Networking terms
entries:
  - term: Protocol
    definition: A set of rules that governs the exchange of information between two or more entities.
  - term: Transmission Control Protocol
    aliases: [TCP]
    definition: A connection-oriented protocol that provides reliable, ordered delivery of a stream of octets.
  - term: User Datagram Protocol
    aliases: [UDP]
    definition: A connectionless protocol used for low-latency and loss-tolerating connections.
  - term: speed of light
    definition: Approximately 300,000,000 metres per second.
"""


@pytest.mark.parametrize(
    ("question", "term"),
    [
        # the kind a definition says its entry is may be an entry of its own (Protocol)
        ("connection oriented protocol", "Transmission Control Protocol"),
        ("how fast is the speed of light", "speed of light"),  # "how" and one word ask for a property
        ("how is the speed of light", "speed of light"),  # the name look-up's, as before
    ],
)
def test_descriptions_and_how_questions(folder: Path, question: str, term: str) -> None:
    assert _term(_matcher(folder, "protocols.yaml", PROTOCOL_NOTES).lookup(question)) == term
