"""Kinds of faults found on public notes nobody had tuned on (wild10): small inputs written for each kind."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

RULES_UNDER_A_SUBJECT = """\
# Chemistry

These notes cover naming. They are no substitute for the textbook.

## Alcohols

An **alcohol** is an organic molecule ending with an OH group.

### Rules for alcohols

1. Number the carbons so that the OH group gets the lowest number.
2. The suffix is **-ol**.

### Tips on ethers

- Name the longer group as the parent chain.
"""


def test_a_heading_over_rules_or_tips_about_a_subject_is_no_term() -> None:
    kb, unplaced = kb_and_unplaced(RULES_UNDER_A_SUBJECT)
    assert terms(kb) == {"Alcohol"}
    assert entry(kb, "Alcohol").definition.startswith("An organic molecule")
    lost = [text for _, text in unplaced]
    # the notes speaking of themselves, and the rules, are reported: nothing is dropped
    assert any(text.startswith("These notes cover naming.") for text in lost)
    assert any(text.startswith("Number the carbons") for text in lost)


NAMES_OVER_UNINDENTED_POINTS = """\
# Statistics

### Measures of centre

1. **Mean**
- Arithmetic average of the data points.

2. **Median**
- The value in the middle of an ordered data set.
- Half the values lie below it.

3. **Mode**
- The most frequent value.
"""


def test_bullets_written_under_a_numbered_bold_name_are_its_points() -> None:
    kb, _ = kb_and_unplaced(NAMES_OVER_UNINDENTED_POINTS)
    # Markdown reads the bullets as lists of their own; the author wrote them under each name
    assert terms(kb) == {"Mean", "Median", "Mode"}
    assert entry(kb, "Mean").definition == "Arithmetic average of the data points."
    assert entry(kb, "Median").definition == "The value in the middle of an ordered data set."
    assert list(entry(kb, "Median").details) == ["Half the values lie below it."]
    assert entry(kb, "Mode").definition == "The most frequent value."


STRESSED_WORD_IN_A_SENTENCE = """\
# Spread

- **Standard deviation**: how close the values are to the mean
    - **Small** standard deviation means low variability
    - **Large** spread means the values are far from the mean
    - **Low** or **no** effect on the median
"""


def test_a_bold_word_that_only_stresses_part_of_a_sentence_is_no_term() -> None:
    kb, _ = kb_and_unplaced(STRESSED_WORD_IN_A_SENTENCE)
    assert terms(kb) == {"Standard deviation"}
    details = entry(kb, "Standard deviation").details
    assert "Small standard deviation means low variability" in details
    assert "Low or no effect on the median" in details


LABELS_UNDER_A_SYSTEM = """\
# Anatomy

## Muscular system

- Types: Skeletal (voluntary), Smooth (involuntary), Cardiac
- Neuron parts: Dendrites, cell body, axon
- Key glands: Pituitary (master), Thyroid, Adrenal
- Synapse: Chemical or electrical signal transmission
- Blood flow: Veins → Right heart → Lungs → Left heart
- Kidneys filter blood → Ureters → Bladder → Urethra

## Oceans

- Oceans: Atlantic, Pacific, Indian, Arctic
- 4Ps: product, price, place, promotion
"""


def test_an_aspect_label_a_cut_chain_or_a_path_is_reported_not_made_a_term() -> None:
    kb, unplaced = kb_and_unplaced(LABELS_UNDER_A_SYSTEM)
    # a plural kind defined by its members is a term; an aspect label over members is none
    assert {"Synapse", "Oceans", "4Ps"} <= terms(kb)
    labels = {"Types", "Neuron parts", "Key glands", "Blood flow: Veins", "Kidneys filter blood"}
    assert not terms(kb) & labels
    kept = " ".join(text for _, text in unplaced) + " ".join(
        f"{e.definition} {' '.join(e.details)}" for e in kb.entries
    )
    for label in ("Types", "Neuron parts", "Key glands", "Blood flow", "Kidneys filter blood"):
        assert label in kept  # reported or kept as a point of the heading's term: nothing dropped


NAMES_GLOSSED_IN_ANOTHER_LANGUAGE = """\
# Acceleration
Acceleration is the rate at which an object changes its velocity.

# Momentum

- Linear momentum (động lượng)
- Impulse (xung lượng)
- Torque (mô men lực)
"""


def test_names_glossed_only_in_another_language_are_terms_under_a_grouping_heading() -> None:
    kb, unplaced = kb_and_unplaced(NAMES_GLOSSED_IN_ANOTHER_LANGUAGE)
    assert terms(kb) == {"Acceleration", "Linear momentum", "Impulse", "Torque"}
    assert entry(kb, "Torque").definition == "Mô men lực"
    # the heading's only "meaning" was its first point, another term's line: it groups them
    assert any("first point is Linear momentum" in text for _, text in unplaced)


OUTLINER_PAGE = (
    "- # Basics\n"
    "- What are the basics of modern sociology?\n"
    "\t- 1. Social Structure: Sociologists look at how social structures influence attitudes.\n"
    "\t  \n"
    "\t  2. Culture: Sociologists look at how culture shapes beliefs and values.\n"
    "\t  \n"
    "\t  3. Deviance and Social Control: Sociologists look at how people break norms.\n"
    "-\n"
)


def test_an_outliner_page_heading_bullet_and_a_question_over_named_points() -> None:
    kb, unplaced = kb_and_unplaced(OUTLINER_PAGE)
    # "- # Basics" is a heading written as a block; the question asks what the named points are
    assert terms(kb) == {"Social Structure", "Culture", "Deviance and Social Control"}
    assert entry(kb, "Culture").definition == "Sociologists look at how culture shapes beliefs and values."
    assert (2, "What are the basics of modern sociology?") in unplaced


SYMBOL_LEGEND = """\
## Equations of motion
s - displacement (distance from the origin)
a - acceleration (change in velocity over time)
t - time taken

$v = u + at$
"""


def test_a_symbol_legend_names_the_quantities_not_the_letters() -> None:
    kb, _ = kb_and_unplaced(SYMBOL_LEGEND)
    assert terms(kb) == {"displacement", "acceleration", "time taken"}
    assert entry(kb, "acceleration").definition == "Change in velocity over time"
    assert entry(kb, "time taken").definition == "Time taken (t)"


DEFINITIONS_WITHOUT_ARTICLES = """\
## Units and definitions
Energy is the ability to do work (measured in joules)
Work is force applied to an object, causing displacement ($W = Fs$)
Power is the rate at which work is done ($P = W/t$)
Momentum is faster to compute than energy ($p = mv$)
Weight is not in kg, it is in N ($F = mg$)
Kinetic energy is movement energy ($E_k = mv^2/2$)
Gravitational potential energy is energy from height ($E_p = mgh$)
"""


def test_a_run_of_definition_lines_reads_one_without_its_article_as_a_definition() -> None:
    kb, _ = kb_and_unplaced(DEFINITIONS_WITHOUT_ARTICLES)
    assert entry(kb, "Work").definition == "Force applied to an object, causing displacement ($W = Fs$)"
    assert entry(kb, "Kinetic energy").definition == "Movement energy ($E_k = mv^2/2$)"
    # how a thing is ("is not in kg", "is faster") defines nothing, even in the run
    assert terms(kb) == {"Energy", "Work", "Power", "Kinetic energy", "Gravitational potential energy"}


def test_a_lone_sentence_without_an_article_is_still_no_definition() -> None:
    notes = "## Notes\n- Energy: the ability to do work\n\nTo start.\nWork is force applied to it\n"
    kb, _ = kb_and_unplaced(notes)
    assert terms(kb) == {"Energy"}


ANKI_BLOCKS = """\
## Overview

%%ANKI
Cloze
{Epistemology} is the {philosophical study of knowledge}.
Reference: AUTHOR, An Introduction (2013).
<!--ID: 1720912238062-->
END%%

%%ANKI
Cloze
{{c1::Taxonomy}} is the {{c2::branch of science concerned with categorization}}.
<!--ID: 1720912238066-->
END%%

%%ANKI
Basic
Generally speaking, what does someone *probably* mean by "concrete" things?
Back: Things that exist in space and/or time.
Reference: AUTHOR, An Introduction (2013).
<!--ID: 1720894782957-->
END%%

%%ANKI
Basic
What is a universal?
Back: A property that many things can share.
END%%
"""


def test_obsidian_to_anki_blocks_are_read_as_their_cards() -> None:
    kb, unplaced = kb_and_unplaced(ANKI_BLOCKS)
    # the note type, reference and id lines are no terms and no meanings
    assert terms(kb) == {"Epistemology", "Taxonomy", "concrete", "universal"}
    assert entry(kb, "Epistemology").definition == "The philosophical study of knowledge."
    assert entry(kb, "Taxonomy").definition == "The branch of science concerned with categorization."
    assert entry(kb, "concrete").definition == "Things that exist in space and/or time."
    assert entry(kb, "universal").definition == "A property that many things can share."
    assert not any("AUTHOR" in text or "ID:" in text for _, text in unplaced)


GLOSSED_BREAKDOWNS = """\
## Digestive system

- Enzymes: Amylase (carbs), Pepsin (protein), Lipase (fats)
- Absorption: Small intestine (nutrients), Large intestine (water)
- Stomach: A muscular bag that churns food with acid
- Halogens: fluorine, chlorine, bromine

## Outliers

- Mean: the average of the values
    - **Heavily** affected by an outlier
    - **No** effect on the mode
"""


def test_a_label_over_glossed_members_and_a_stressed_function_word_are_no_terms() -> None:
    kb, unplaced = kb_and_unplaced(GLOSSED_BREAKDOWNS)
    # each member with its own gloss: a breakdown under a label; bare members may name a kind
    assert terms(kb) == {"Stomach", "Halogens", "Mean"}
    lost = " ".join(text for _, text in unplaced)
    assert "Enzymes" in lost
    assert "Absorption" in lost
    assert list(entry(kb, "Mean").details) == ["Heavily affected by an outlier", "No effect on the mode"]


SYSTEM_WITH_ASPECTS = """\
# Anatomy

### Muscular System (640+ muscles)
- Types: Skeletal (voluntary), Smooth (involuntary), Cardiac
- Functions: Movement, posture, heat production
- Tendon: Tissue that joins a muscle to a bone

### Key Notches
- Key notches: cuts in a module's edge that stop it going in the wrong way
"""


def test_a_heading_over_aspects_of_it_is_the_term() -> None:
    kb, _ = kb_and_unplaced(SYSTEM_WITH_ASPECTS)
    # "Types", "Functions": aspects of the heading's thing; "Tendon" a term of its own under it
    assert {"Muscular System", "Tendon"} <= terms(kb)
    assert not terms(kb) & {"Types", "Functions"}
    assert entry(kb, "Muscular System").definition.startswith("Types: Skeletal")
    assert entry(kb, "Tendon").definition == "Tissue that joins a muscle to a bone"


NAMED_IN_A_POINT = """\
## Neural networks

- **Neural network**: a model of layers of units
    - Its units are called **neurons**, and they pass numbers on.
    - Each link has a number, known as a **weight**, set by training.
    - The output is **important** for the loss.
"""


def test_a_bold_name_a_point_gives_after_called_is_a_term() -> None:
    kb, _ = kb_and_unplaced(NAMED_IN_A_POINT)
    assert terms(kb) == {"Neural networks", "neurons", "weight"}
    assert entry(kb, "neurons").definition == "Its units are called neurons, and they pass numbers on."


KINDS_AMONG_POINTS = """\
# Physiology

### Homeostasis
- Body keeps a stable internal environment
- Negative feedback: Response reverses the stimulus (thermostat)
- Positive feedback: Response amplifies the stimulus (childbirth)
- Higher set point = warmer body
- Key organs: Skin, Kidneys, Liver
"""


def test_a_named_kind_explained_among_a_terms_points_is_a_term() -> None:
    kb, _ = kb_and_unplaced(KINDS_AMONG_POINTS)
    assert terms(kb) == {"Homeostasis", "Negative feedback", "Positive feedback"}
    assert entry(kb, "Negative feedback").definition == "Response reverses the stimulus (thermostat)"
    assert "Higher set point = warmer body" in entry(kb, "Homeostasis").details
