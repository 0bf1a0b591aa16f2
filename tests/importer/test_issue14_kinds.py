"""Entries that named no term (garbage) on tune7 and tune9, issue 14: a statement of where a thing is, a
heading naming two things over points about them. Small inputs written for each kind, none taken from
the corpus; each checks the lines are reported (unplaced or kept as details), never dropped."""

from __future__ import annotations

import pytest

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

PLACES = """\
# Cities

## Towns

- **Port Ardent** - a harbour town that grew on the salt trade
- Millbrook is in the north of the valley
- Old Crossing is on the river bend near the mill
"""


def test_a_statement_of_where_a_thing_is_is_no_definition() -> None:
    kb, unplaced = kb_and_unplaced(PLACES)
    assert terms(kb) == {"Port Ardent"}
    assert "harbour town" in entry(kb, "Port Ardent").definition
    kept = " ".join([*entry(kb, "Port Ardent").details, *(text for _, text in unplaced)])
    assert "Millbrook is in the north of the valley" in kept
    assert "Old Crossing is on the river bend" in kept


def test_a_statement_that_says_what_a_thing_is_still_defines_it() -> None:
    kb, _ = kb_and_unplaced(
        "# Cells\n\n- A ribosome is a small body that makes proteins\n"
        "- A vacuole is a sac that stores water\n"
    )
    assert {"Ribosome", "Vacuole"} <= terms(kb)


@pytest.mark.parametrize("join", ["&", "/", "and"])
def test_a_heading_naming_two_things_over_a_point_is_no_term(join: str) -> None:
    notes = f"""\
# Shop notes

## Returns {join} Refunds
- within thirty days

## Invoice
- a document asking a customer to pay for goods
"""
    kb, unplaced = kb_and_unplaced(notes)
    assert terms(kb) == {"Invoice"}
    assert any("within thirty days" in text for _, text in unplaced)


def test_a_name_written_with_a_slash_and_no_spaces_is_one_term() -> None:
    kb, _ = kb_and_unplaced("# Net\n\n## Input/Output\n- moving data between a computer and its devices\n")
    assert "Input/Output" in terms(kb)


STEM = """\
# Plants

## Stem

- the part of a plant that holds up its leaves
- soft stems (grasses and herbs)
- woody stem (a stem hardened by layers of wood)
"""


def test_a_name_whose_brackets_list_its_members_is_no_term_and_its_line_is_kept() -> None:
    kb, _ = kb_and_unplaced(STEM)
    assert terms(kb) == {"Stem", "Woody stem"}
    assert "soft stems (grasses and herbs)" in entry(kb, "Stem").details
    assert entry(kb, "Woody stem").definition == "A stem hardened by layers of wood"


HISTORY_FACTS = """\
# History

## Words

- **Mint** - a place where coins are made

## Dates to remember

- Founding ruler: Aldric
- First use of coins in the region: Bronze Age
- Largest battle of the war: Redfield
"""

VOCABULARY = """\
# German

## Animals

- Hund: Dog
- Katze: Cat
- Vogel: Bird
"""


def test_a_label_and_a_bare_name_among_facts_is_a_fact_not_a_term() -> None:
    kb, unplaced = kb_and_unplaced(HISTORY_FACTS)
    assert terms(kb) == {"Mint"}
    assert any("Founding ruler" in text and "Aldric" in text for _, text in unplaced)


def test_a_label_and_a_bare_name_among_its_kind_stays_a_term() -> None:
    kb, _ = kb_and_unplaced(VOCABULARY)
    assert terms(kb) == {"Hund", "Katze", "Vogel"}


SECTION_OF_TERMS = """\
# Weather

#### Wind
- moves heat around the planet
- carries seeds and dust

- **Trade winds** - steady winds that blow toward the equator
- **Westerlies** - winds that blow from the west in the middle latitudes

#### Hail
- balls of ice that fall from storm clouds
- **Graupel** - soft hail made of snow pellets coated in rime
"""


def test_a_heading_over_points_and_the_terms_its_section_defines_is_a_group() -> None:
    kb, unplaced = kb_and_unplaced(SECTION_OF_TERMS)
    assert "Wind" not in terms(kb)
    assert {"Trade winds", "Westerlies"} <= terms(kb)
    assert any("moves heat around the planet" in text.casefold() for _, text in unplaced)


def test_a_heading_over_points_and_one_bold_kind_stays_a_term() -> None:
    kb, _ = kb_and_unplaced(SECTION_OF_TERMS)
    assert entry(kb, "Hail").definition == "Balls of ice that fall from storm clouds"
    assert "Graupel" in terms(kb)


@pytest.mark.parametrize("mark", ["```", "`", "**", "*"])
def test_a_heading_whose_first_point_defines_a_marked_name_is_not_given_its_meaning(mark: str) -> None:
    notes = f"""\
# Optics

### Lenses
- A {mark}convex lens{mark} is thicker in the middle and brings light rays together.
- It is used in magnifying glasses.

### Prism
- A prism is a clear solid that splits white light into colours.
"""
    kb, unplaced = kb_and_unplaced(notes)
    assert "Lenses" not in terms(kb)
    assert any("thicker in the middle" in text for _, text in unplaced) or any(
        "thicker in the middle" in e.definition for e in kb.entries
    )
    assert "splits white light" in entry(kb, "Prism").definition


LOWER_CASE_OUTLINE = """\
# botany

## plant body

- a tree may live for thousands of years, longer than any animal
  - some pines are older than the pyramids

- organs
  - root: the part that takes up water from the soil
    - parts
      - root cap (протектор)
  - shoot: the part above the ground, stem and leaves

## plant tissues

- main groups
  - dermal
    - covers the outside of the plant
  - vascular
    - carries water and food through the plant
  - ground
    - parenchyma
    - collenchyma
    - sclerenchyma
"""


def test_an_outline_beside_a_remark_is_read_as_an_outline_and_the_remark_is_reported() -> None:
    kb, unplaced = kb_and_unplaced(LOWER_CASE_OUTLINE)
    assert "plant body" not in terms(kb)
    assert entry(kb, "root").definition == "The part that takes up water from the soil"
    assert entry(kb, "shoot").definition.startswith("The part above the ground")
    assert any("thousands of years" in text and "older than the pyramids" in text for _, text in unplaced)


def test_a_point_ending_in_a_kind_called_a_name_gives_that_term() -> None:
    notes = """\
# biology

## cell parts

- nucleus
  - the control centre of the cell
  - holds the genes in long threads called chromosomes
- membrane
  - the thin layer around the cell
  - has a fatty double layer called lipid bilayer
- ribosome
  - makes proteins from amino acids
- vacuole
  - stores water and salts
  - is wrapped in a single membrane called the tonoplast
"""
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "lipid bilayer").definition == "A fatty double layer"
    assert "lipid bilayer" in entry(kb, "membrane").details[-1]
    found = {t.casefold() for t in terms(kb)}
    assert "chromosomes" not in found  # no kind after an article before "called": a name in passing
    assert not any("tonoplast" in t for t in found)  # "called the ...": a name in passing
    assert {"nucleus", "membrane", "ribosome", "vacuole"} <= found


@pytest.mark.parametrize(
    "heading",
    [
        "## TACACS+ (Terminal Access Controller Access-Control System Plus)",
        "## Terminal Access Controller Access-Control System Plus (TACACS+)",
    ],
)
def test_a_name_ending_in_plus_keeps_its_name_and_its_expansion_is_an_alias(heading: str) -> None:
    notes = f"""\
# Security

{heading}

A Cisco protocol for AAA that encrypts the whole packet.

## RADIUS

An open AAA protocol that encrypts only the password.
"""
    kb, _ = kb_and_unplaced(notes)
    tacacs = entry(kb, "TACACS+")
    assert set(tacacs.names) == {"TACACS+", "Terminal Access Controller Access-Control System Plus"}
    assert tacacs.definition == "A Cisco protocol for AAA that encrypts the whole packet."
    assert not tacacs.details


def test_a_plus_is_never_read_as_a_letter_of_the_long_name() -> None:
    from bot.importer.text import acronym_of

    assert acronym_of("TACACS+", "Terminal Access Controller Access-Control System Plus")
    assert acronym_of("EIGRP+", "Enhanced Interior Gateway Routing Protocol plus")
    assert not acronym_of("TACACS+", "Terminal Access Controller Access-Control System Protocol")
    assert not acronym_of("TACACSP", "Terminal Access Controller Access-Control System Plus Extra")


@pytest.mark.parametrize(
    ("heading", "name", "long_name"),
    [
        (
            "## RADIUS - Remote Authentication Dial-In User Service",
            "RADIUS",
            "Remote Authentication Dial-In User Service",
        ),
        (
            "## TACACS+ - Terminal Access Controller Access-Control System Plus",
            "TACACS+",
            "Terminal Access Controller Access-Control System Plus",
        ),
    ],
)
def test_a_heading_of_an_acronym_and_its_long_name_of_many_words_splits_them(
    heading: str, name: str, long_name: str
) -> None:
    notes = f"""\
# Security

{heading}

- A protocol that checks who may log in to a network.
- Uses a shared secret.

## Kerberos

- A ticket based authentication protocol.
"""
    kb, _ = kb_and_unplaced(notes)
    assert set(entry(kb, name).names) == {name, long_name}
    assert entry(kb, name).definition == "A protocol that checks who may log in to a network."


@pytest.mark.parametrize("mark", ["```", "`"])
def test_terms_marked_in_code_as_the_subject_of_their_sentence_are_read(mark: str) -> None:
    notes = f"""\
# Art

### Colour
- A {mark}warm colour{mark}, such as red or orange, seems to come toward the viewer.
- A {mark}cool colour{mark} refers to a blue, green or violet hue that seems to recede.
- A {mark}neutral colour{mark} is hard to place on the wheel; it is also called an achromatic colour.
- Hue/Value - The hue is the name of a colour, its value how light or dark it is.

### Form
- Form is the three-dimensional shape of an object in a work.
"""
    kb, unplaced = kb_and_unplaced(notes)
    assert "Colour" not in terms(kb)
    assert entry(kb, "cool colour").definition.startswith("A blue, green or violet hue")
    assert "neutral colour" in {t.casefold() for t in terms(kb)}
    assert entry(kb, "Hue/Value").definition.startswith("The hue is the name of a colour")
    assert not any("Hue" in d for d in entry(kb, "neutral colour").details)
    assert any("warm colour" in text for _, text in unplaced)
    assert "Ex" not in terms(kb)


def test_code_in_a_sentence_that_is_no_name_stays_text() -> None:
    notes = """\
# Shell

### Listing
- A `ls -la` call lists every file with its details.
- The `cd` command changes the working folder.

### Shell
- A shell is a program that reads the commands you type.
"""
    kb, _ = kb_and_unplaced(notes)
    assert not {"ls -la", "Ls -la"} & terms(kb)


def test_a_term_marked_in_code_after_words_that_name_it_is_read() -> None:
    notes = """\
# Music

### Tempo
- Tempo is the speed at which a piece of music is played.
- When the speed slowly rises through a passage, the change is termed `accelerando`.
- The `metronome` clicks steadily.
"""
    kb, _ = kb_and_unplaced(notes)
    assert "the change is termed accelerando" in entry(kb, "accelerando").definition
    assert "metronome" not in {t.casefold() for t in terms(kb)}


REVERSED = """\
# Biology

### Life
- The smallest unit of a living thing that can live on its own is a cell.
- The reason for all of this is a change in the weather.
- **Tissue** - a group of similar cells that work together
- **Organ** - a group of tissues that do one job
"""


def test_a_description_is_a_name_defines_that_name() -> None:
    kb, unplaced = kb_and_unplaced(REVERSED)
    assert entry(kb, "cell").definition.startswith("The smallest unit of a living thing")
    assert "Life" not in terms(kb)
    assert "change in the weather" not in {
        t.casefold() for t in terms(kb)
    }  # "this": it leans on the text above
    kept = [text for _, text in unplaced] + [d for e in kb.entries for d in e.details]
    assert any("reason for all of this" in text for text in kept)


ITALIC_SENTENCE_OVER_BOLD_TERMS = """\
# Ecology

### Predators

*Predators are animals that hunt other animals for food.*

**Apex predators**: predators that no other animal hunts. *Ex. orcas and eagles.*

**Mesopredators**: predators in the middle of a food chain that are hunted in turn.
"""


def test_a_bold_term_after_a_sentence_in_italics_is_a_term_of_its_own() -> None:
    kb, _ = kb_and_unplaced(ITALIC_SENTENCE_OVER_BOLD_TERMS)
    assert entry(kb, "Predators").definition == "Animals that hunt other animals for food."
    assert entry(kb, "Apex predators").definition.startswith("Predators that no other animal hunts")
    assert not entry(kb, "Predators").details
    assert entry(kb, "Mesopredators").definition.startswith("Predators in the middle of a food chain")


def test_a_sentence_defining_two_names_one_clause_each_gives_two_terms() -> None:
    notes = """\
# Rocks

### Intrusive vs. extrusive rock

Intrusive rock is rock that cools slowly underground, and extrusive rock is rock that cools fast on top.

### Magma

Magma is a melt of rock below the ground, and it is very hot.
"""
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "Intrusive rock").definition == "Rock that cools slowly underground."
    assert entry(kb, "extrusive rock").definition.startswith("Rock that cools fast on top")
    assert entry(kb, "Magma").definition == "A melt of rock below the ground, and it is very hot."


def test_a_definition_in_the_past_tense_defines_its_subject() -> None:
    notes = """\
# History of science

> The phlogiston theory was a theory that burning releases a substance called phlogiston.

### Alchemy

- Alchemy was an early practice that tried to turn lead into gold.
- The first experiments were carried out in Egypt.
"""
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "Phlogiston theory").definition.startswith("A theory that burning releases")
    assert "an early practice that tried" in entry(kb, "Alchemy").definition.casefold()
    assert "first experiments" not in {
        t.casefold() for t in terms(kb)
    }  # "were carried out in": what happened
