"""The styles students most often write: plain ``Term: definition`` lines, closed headings per word,
``- **Term (year):**`` bullets with ``-- Key: fact`` lines, ``|Term|Definition|`` tables."""

from __future__ import annotations

from bot.importer import import_notes
from bot.loader import load_knowledge_text
from tests.importer.kb_helpers import entry, kb_of, terms

VOCABULARY = """# Vocabulario #

## La Paciencia (f) (noun, sustantivo): ##
* Patience

## Linda (adjective, adjetiva): ##
* Cute, pretty

## El Idioma (m) (noun, sustantivo): ##
* Language, Tongue

## Escuchar (verb, verbo): ##
* To hear, to listen
"""


def test_a_closed_heading_per_word_keeps_gender_and_word_class_out_of_the_name() -> None:
    kb = kb_of(VOCABULARY)
    assert terms(kb) == {"La Paciencia", "Linda", "El Idioma", "Escuchar"}
    paciencia = entry(kb, "paciencia")  # the word without its article is a name too
    assert paciencia.term == "La Paciencia"
    assert paciencia.definition == "Patience"
    assert "Word class: f; noun, sustantivo" in paciencia.details
    assert entry(kb, "idioma").term == "El Idioma"
    linda = entry(kb, "Linda")
    assert linda.aliases == ()  # "adjective" and "adjetiva" are what it is, not its names
    assert linda.definition == "Cute, pretty"
    result = import_notes(VOCABULARY + "\n## La Sonrisa (f) (noun): ##\n* Smile\n* Her smile is warm.\n")
    sonrisa = next(e for e in result.draft.entries if e.term == "La Sonrisa")
    assert sonrisa.definition == "Smile"  # the meaning under a word heading: sure enough to be asked
    assert not sonrisa.checks
    assert "Her smile is warm." in [d.text for d in sonrisa.details]


def test_a_symbol_in_brackets_is_not_a_gender() -> None:
    kb = kb_of("Mass (m): the amount of matter in an object.\n\nForce (F): a push or a pull.\n")
    assert "Word class: m" not in entry(kb, "Mass").details
    assert "F" in entry(kb, "Force").aliases


def test_a_year_after_a_name_is_a_detail_never_an_alias() -> None:
    kb = kb_of(
        "- **Balfour Declaration (1917):** British support for a Jewish homeland.\n"
        "- **Camp David Accords (1978):** Egypt-Israel peace treaty.\n"
    )
    balfour = entry(kb, "Balfour Declaration")
    assert balfour.aliases == ()
    assert balfour.definition == "British support for a Jewish homeland."
    assert "Year: 1917" in balfour.details
    wars = kb_of("- **WWI (1914-1918):** The First World War.\n- **Greek (776 BC):** First Olympics.\n")
    assert "Years: 1914-1918" in entry(wars, "WWI").details
    assert "Year: 776 BC" in entry(wars, "Greek").details


HISTORY = """**Revolutions:**
- **French Revolution (1789):**
-- Date: 14 July 1789 (Fall of Bastille).
-- Slogan: Liberty, Equality, Fraternity.
- **Russian Revolution (1917):**
-- Also called: Bolshevik Revolution / October Revolution.
-- Leader: Vladimir Lenin.

**World Wars:**
- **WWI (1914-1918):**
-- US President: Woodrow Wilson (14 Points).
-- Ended with: Treaty of Versailles (1919).
- **WWII (1939-1945):**
-- Started: 1 Sept 1939 (Germany invaded Poland).
"""


def test_double_dash_fact_lines_are_details_of_the_term_above_never_terms() -> None:
    kb = kb_of(HISTORY)
    assert terms(kb) == {"French Revolution", "Russian Revolution", "WWI", "WWII"}
    french = entry(kb, "French Revolution")
    assert "Slogan: Liberty, Equality, Fraternity." in (french.definition, *french.details)
    assert "Year: 1789" in french.details
    russian = entry(kb, "Bolshevik Revolution")  # "Also called" names are aliases
    assert russian.term == "Russian Revolution"
    assert set(russian.aliases) == {"Bolshevik Revolution", "October Revolution"}
    assert "Leader: Vladimir Lenin." in (russian.definition, *russian.details)
    assert entry(kb, "WWI").aliases == ()


def test_a_line_starting_with_a_dash_is_never_a_term() -> None:
    result = import_notes("Revolution: a sudden change.\n\n-- Leader: Lenin\n", notes_name="notes.md")
    assert all(not e.term.startswith("-") for e in result.draft.entries)


def test_a_note_on_the_word_above_is_not_a_definition_of_another_word() -> None:
    kb = kb_of(
        "# Words #\n\n## Encontrar (verb, verbo): ##\n* Intuition - this word comes to mind\n* To find\n"
    )
    assert "Intuition" not in terms(kb)
    assert "Encontrar" in terms(kb)


def test_a_title_line_about_the_page_is_not_the_title_s_definition() -> None:
    notes = (
        "# Spanish Vocabulary #\nThis is a page to share words I like.\n\n"
        "## Claro: ##\n* Sure\n\n## Linda: ##\n* Cute\n"
    )
    result = import_notes(notes, notes_name="notes.md")
    assert {e.term for e in result.draft.entries} == {"Claro", "Linda"}
    assert any("This is a page" in text for _, text in result.draft.unplaced)


def test_a_title_over_plain_term_lines_is_a_group_and_every_lower_case_line_is_a_term() -> None:
    notes = (
        "Georgraphy\n\n"
        "agriculture - The growing of crops and animals\n"
        "sedimentray - sandstone, limestone and shale compressed togther\n"
        "igneous - hot molten lava soldifies\n"
        "Plain: A low flat area.\n"
        "Frontier (Border): The boundary around a country.\n"
    )
    kb = kb_of(notes)
    assert terms(kb) == {"agriculture", "sedimentray", "igneous", "Plain", "Frontier"}
    assert entry(kb, "sedimentray").definition == "Sandstone, limestone and shale compressed togther"
    assert entry(kb, "Border").term == "Frontier"


PHYSICS = """## Topic 1: Measurements
### Definitions

|Term|Definition|
|:---|:---|
|Random Errors|Unpredictable deviations of a measured value from the actual value|
|Temperature|A measure of the average kinetic energy of the molecules|

### Base SI Units

|Quantity|Symbol|
|:---|:---|
|Length|`m` (meter)|
|Mass|`kg` (kilogram)|
|Temperature|`K` (Kelvin)|

### Definitions
Assumptions of the kinetic model
- Gas molecules are constantly moving
- They have negligible volume

**Important conceptual points**
- Ideal gas has no potential energy
- Potential energy is negative.
"""


def test_tables_without_spaces_a_units_table_and_definitions_labels() -> None:
    result = import_notes(PHYSICS, notes_name="notes.md")
    kb = load_knowledge_text(result.text, "notes.yaml")
    assert terms(kb) - {"Assumptions of the kinetic model"} == {
        "Random Errors",
        "Temperature",
        "Length",
        "Mass",
    }
    for made in result.draft.entries:
        if made.term == "Assumptions of the kinetic model":  # a label over fragments: a guess, flagged
            assert made.checks
    length = next(e for e in result.draft.entries if e.term == "Length")
    assert length.definition == "Symbol: m (meter)"
    assert length.checks  # a value is not a definition: flagged, so never asked in a quiz
    temperature = entry(kb, "Temperature")  # the notes' own definition beats its units row
    assert temperature.definition == "A measure of the average kinetic energy of the molecules"
    assert "Symbol: K (Kelvin)" in temperature.details
    unplaced = {text for _, text in result.draft.unplaced}
    assert {"Important conceptual points", "Ideal gas has no potential energy"} <= unplaced


def test_closed_headings_without_spaces_and_bold_labels_group_the_terms_below() -> None:
    notes = (
        "##3. World Politics & History##\n\n"
        "**Revolutions:**\n"
        "- **Cultural Revolution:** China.\n"
        "- **Arab Spring (2010)::** Started in Tunisia.\n\n"
        "**Important Treaties:**\n"
        "- **Kyoto Protocol:** Environment (Greenhouse gas reduction).\n"
        "- **Paris Agreement:** Climate Change.\n"
    )
    result = import_notes(notes, notes_name="notes.md")
    groups = {e.term: e.group for e in result.draft.entries}
    assert groups == {
        "Cultural Revolution": "Revolutions",
        "Arab Spring": "Revolutions",
        "Kyoto Protocol": "Important Treaties",
        "Paris Agreement": "Important Treaties",
    }
    assert not result.draft.unplaced


def test_a_bold_term_with_a_colon_over_its_explanation_is_still_a_term() -> None:
    kb = kb_of("**Photosynthesis:**\n\nThe process by which plants make food from light.\n")
    assert entry(kb, "Photosynthesis").definition == "The process by which plants make food from light."


def test_a_date_line_groups_the_lesson_and_an_undefined_term_is_reported() -> None:
    notes = (
        "Green Belt: A protected area of countryside around a city.\n\n"
        "26/03/24\n"
        "Continents - large masses of land with countries inside\n"
        "Population - number of people in area\n"
        "Life expectancy\n"
        "GNI - Gross National Income\n"
    )
    result = import_notes(notes, notes_name="notes.md")
    by_term = {e.term: e for e in result.draft.entries}
    assert set(by_term) == {"Green Belt", "Continents", "Population", "GNI"}
    assert not by_term["Green Belt"].details  # the date is no fact about the term above it
    assert by_term["Continents"].group == "26/03/24"
    assert not by_term["Population"].details
    assert (6, "Life expectancy: no definition in the notes") in result.draft.unplaced


def test_a_vocabulary_word_s_list_of_meanings_is_its_definition() -> None:
    kb = kb_of(
        "# Words #\n\n## El Proyecto (m) (noun, sustantivo): ##\n* Plan\n* Project\n\n## Claro: ##\n* Sure\n"
    )
    proyecto = entry(kb, "proyecto")
    assert proyecto.definition == "Plan; Project"
    assert proyecto.examples == ()


MEMORY = """## RAM Slots

### DIMM (Dual Inline Memory Module)
- Electrical contacts on both sides.
- 64-bit data width: amount of information read/written.
- Easily installed or removed from motherboard.
- **SO-DIMM (Small Outline DIMM):** Smaller form factor used in laptops.

### Memory Bandwidth
- Measures speed of memory transfers.
- Units: **MT/s (Megatransfers per second)**.
- Higher bandwidth = faster data movement.

## Handshake
- A handshake is a sequence of messages that sets up a connection.
- TCP handshake: SYN, SYN-ACK, ACK
"""


def test_a_heading_s_term_described_point_by_point_keeps_its_labelled_points_as_details() -> None:
    kb = kb_of(MEMORY)
    assert {"DIMM", "SO-DIMM", "Memory Bandwidth", "Handshake", "TCP handshake"} == terms(kb)
    dimm = entry(kb, "DIMM")
    assert "64-bit data width: amount of information read/written." in dimm.details
    assert entry(kb, "Small Outline DIMM").definition == "Smaller form factor used in laptops."
    bandwidth = entry(kb, "Memory Bandwidth")
    assert "Higher bandwidth = faster data movement." in bandwidth.details


def test_a_line_that_leads_on_under_the_title_is_no_definition_of_the_title() -> None:
    notes = (
        "## Unity Physics Reference Sheet\n\nPair with\n"
        "* Chapter 3 in AUTHOR1. Unity 2017 Game Development. Packt, 2018.\n\n"
        "### Terminology\n\nTerm | Definition\n--- | ---\n"
        "Rigidbody | This component allows game objects to move using physics.\n"
        "Collider | Collider components define the shape of objects for collisions.\n"
    )
    result = import_notes(notes, notes_name="notes.md")
    assert {e.term for e in result.draft.entries} == {"Rigidbody", "Collider"}
    reported = " ".join(text for _, text in result.draft.unplaced)
    assert "Pair with" in reported
    assert "Chapter 3 in AUTHOR1" in reported  # reported, not dropped
