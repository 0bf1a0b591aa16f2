"""Styles met in notes the importer had not been tuned on: a revision list typed inside a plain code
fence, a definition callout whose title names the term, a remark label that is itself the term."""

from __future__ import annotations

from bot.loader import normalize_name
from tests.importer.kb_helpers import entry, kb_of, terms

FENCED_LIST = """# Business

## Key terms

```
term definition

Crowdfunding - Raising capital online from small investors
Dividends - Payments to shareholders from profits
Venture capital - Investor takes a chance on a business
Flat structure - No/Few hierarchy
```
"""


def test_a_term_list_typed_inside_a_plain_fence_is_read_as_notes() -> None:
    kb = kb_of(FENCED_LIST)
    assert terms(kb) == {"Crowdfunding", "Dividends", "Venture capital", "Flat structure"}
    assert entry(kb, "venture capital").definition == "Investor takes a chance on a business"
    # the caption over the list names no term
    assert not any("term definition" in e.definition.lower() for e in kb.entries)


def test_code_in_a_fence_stays_code() -> None:
    for fence in (
        # a language: code, whatever it reads like
        "```python\nCrowdfunding - Raising capital online\nDividends - Payments to shareholders\n"
        "Venture capital - Investor takes a chance\n```\n",
        # lines ending as code does
        "```\nstart - begin the run (fast)\nstop - end the run ();\nreset - set all back {}\n```\n",
        # too few term lines among the others
        "```\nx = compute(a, b)\nprint x\nnext - the step after\nreturn x\n```\n",
    ):
        notes = "# Notes\n\n**Ledger** - A book of accounts.\n\n" + fence
        assert terms(kb_of(notes)) == {"Ledger"}, fence


CALLOUTS = """# Linear algebra

Thus, we can define dimension as below.

> [!definition]  Definition: Dimension, $\\dim V$
> - The *dimension* of a vector space is the length of any basis of it.
> - It is written $\\dim V$.

> [!definition] Definition 5.1 — Span
> The set of all linear combinations of a list of vectors.

> [!theorem] Basis length does not depend on basis
> Any two bases of a vector space have the same length.
"""


def test_a_definition_callout_titled_with_a_name_defines_that_name() -> None:
    kb = kb_of(CALLOUTS)
    dimension = entry(kb, "dimension")
    assert dimension.term == "Dimension"
    assert dimension.definition == "The dimension of a vector space is the length of any basis of it."
    assert entry(kb, "span").definition == "The set of all linear combinations of a list of vectors."
    # a theorem's title states a fact: no term
    assert not any("basis length" in name.lower() for e in kb.entries for name in e.names)


def test_a_remark_label_that_its_line_defines_is_a_term() -> None:
    notes = """# Music

## Terms to know
- Pitch: A specific frequency, corresponding to a note.
- Note: A note is a named pitch. It is something you write.
- Octave: The interval between two notes whose frequencies differ by twice
- Interval: The difference in pitch between two notes
  - Tip: sing both notes to hear it
"""
    kb = kb_of(notes)
    assert entry(kb, "note").definition.startswith("A named pitch")
    # a remark stays a remark on the entry above it
    assert terms(kb) == {"Pitch", "Note", "Octave", "Interval"}
    assert "Tip: sing both notes to hear it" in entry(kb, "interval").details


def test_q_and_a_pairs_on_one_line_or_two_are_cards() -> None:
    notes = """# Testing

## Flashcards

- **Q:** What is verification? — **A:** Checking we built the product right.
- **Q:** What is validation? — **A:** Checking we built the right product.

## More

- **Q:** What is a "configuration"?
    - **A:** The complete set of characteristics of a deliverable.

Q: What is regression testing?
A: Re-running old tests after a change.
"""
    kb = kb_of(notes)
    assert entry(kb, "verification").definition == "Checking we built the product right."
    assert entry(kb, "validation").definition == "Checking we built the right product."
    assert entry(kb, "configuration").definition == "The complete set of characteristics of a deliverable."
    assert entry(kb, "regression testing").definition == "Re-running old tests after a change."
    assert not any(name.startswith(("Q", "A:")) for e in kb.entries for name in e.names)


def test_a_card_comparing_names_defines_each_by_its_clause() -> None:
    notes = """# Testing

- **Q:** Severity vs priority? — **A:** Severity is user impact; priority is how soon it must be fixed.
- **Q:** Error vs defect vs failure? — **A:** Error is a slip, defect is bad code, failure is a fault seen.
- **Q:** Unit vs system tests? — **A:** It depends on the team.
"""
    kb = kb_of(notes)
    assert entry(kb, "severity").definition == "User impact"
    assert entry(kb, "priority").definition == "How soon it must be fixed"
    assert "Priority" in entry(kb, "severity").see_also
    assert entry(kb, "defect").definition == "Bad code"
    assert entry(kb, "failure").definition == "A fault seen"
    # an answer that defines neither name defines nothing
    assert not terms(kb) & {"Unit", "System tests", "Unit vs system tests"}


def test_an_ellipsis_between_a_name_and_its_meaning_separates_them() -> None:
    notes = """# Economics

- Economics ... management of scarce resources
- Oligopoly … a few companies competing

## Glossary
- market clearing price ... demand = supply
- labor market - labor suppliers
- if price is too high ... very low demand
"""
    kb = kb_of(notes)
    assert entry(kb, "economics").definition.lower() == "management of scarce resources"
    assert entry(kb, "oligopoly").definition.lower() == "a few companies competing"
    # a lower-case name in a list item, before a dash or an ellipsis
    assert entry(kb, "market clearing price").definition.lower() == "demand = supply"
    assert entry(kb, "labor market").definition.lower() == "labor suppliers"
    assert not any(name.lower().startswith("if price") for e in kb.entries for name in e.names)


def test_a_card_asking_about_a_property_of_something_names_no_term() -> None:
    notes = """# Testing

- **Q:** What is verification? — **A:** Checking we built the product right.
- **Q:** What is the purpose of status accounting? — **A:** To track every item's status.
- **Q:** What is the best bug report of all? — **A:** A small failing test.
- **Q:** What is a unit of work? — **A:** A piece of work done as one.
"""
    kb = kb_of(notes)
    assert terms(kb) == {"verification", "unit of work"}


def test_a_headings_attributes_are_not_part_of_its_text() -> None:
    notes = (
        "## Groups {#groups}\nA **group** is a set with an associative operation and inverses.\n\n"
        "## Rings {#rings .math}\nA **ring** is an abelian group with a multiplication that distributes.\n"
    )
    kb = kb_of(notes)
    assert {normalize_name(t) for t in terms(kb)} == {"group", "ring"}
    assert not any("{" in e.term or "{" in e.definition for e in kb.entries)
    # braces that are not an attribute list stay in the heading
    kb = kb_of("## Sets {a, b}\nA **set** is a collection of distinct objects.\n")
    assert entry(kb, "set").definition.startswith("A collection")


def test_tag_lines_file_a_note_and_name_no_term() -> None:
    notes = (
        "#science #space\n\n> [!info] Definition\n> A light year is the distance light travels in a year.\n\n"
        "#Science\n\n> [!info] Explanation\n> A comet is an icy body that releases gas near the Sun.\n\n"
        "#astro/bodies\nPulsar\nA spinning neutron star.\n"
    )
    kb = kb_of(notes)
    assert terms(kb) == {"Light year", "Comet", "Pulsar"}
    assert entry(kb, "comet").definition == "An icy body that releases gas near the Sun."
    assert not any("#" in e.term or "#" in e.definition for e in kb.entries)
    # a tag line over a sentence that defines nothing by its first words is no term of its own
    kb = kb_of(
        "#biology #cells\n\nWater crosses a membrane by osmosis.\n\nDiffusion\nThe spreading of particles.\n"
    )
    assert terms(kb) == {"Diffusion"}


def test_a_capitalised_hash_word_alone_may_be_a_heading() -> None:
    # no tag lines elsewhere and no callout under it: '#Photosynthesis' is kept as the notes wrote it
    kb = kb_of("#Photosynthesis\nThe process by which plants make sugar from light.\n")
    assert [e.definition for e in kb.entries] == ["The process by which plants make sugar from light."]


def test_an_untitled_callouts_marker_is_markup() -> None:
    notes = (
        "Metric space\nA set with a distance function.\n\n"
        "> [!proof]-\n> Let x and y be two points. Then their distance is positive.\n\n"
        "> [!theorem]\n> Every metric space is Hausdorff.\n"
    )
    kb = kb_of(notes)
    assert not any("[!" in e.term or "[!" in e.definition for e in kb.entries)
    assert entry(kb, "metric space").definition == "A set with a distance function."


def test_an_example_callouts_title_keeps_its_body_out_of_the_terms() -> None:
    notes = (
        "> [!info] Definition\n> A nebula is a cloud of gas and dust in space.\n\n"
        "> [!example] Application\n> Halley is a famous comet.\n"
    )
    assert terms(kb_of(notes)) == {"Nebula"}


def test_a_term_in_bold_italics_before_a_comma_and_its_condition() -> None:
    notes = (
        "> [!definition]\n"
        "> A [[topological space]] $(X,T)$ is ***Hausdorff***, if two points have disjoint neighbourhoods.\n"
    )
    kb = kb_of(notes)
    assert terms(kb) == {"Hausdorff"}
    assert "disjoint neighbourhoods" in entry(kb, "hausdorff").definition


def test_a_heading_over_labels_that_group_named_things_is_no_term() -> None:
    notes = (
        "## Lyndon B. Johnson\n\n"
        '* "Great Society" programs of LBJ\n'
        "  * Health and welfare programs\n"
        "    * Medicare - health insurance for the elderly\n"
        "    * Medicaid - health insurance for the poor\n"
        "  * Education\n"
        "    * Head Start - free preschool for poor children\n"
        "  * Immigration Reform Act - removes immigration quotas\n"
    )
    kb = kb_of(notes)
    assert terms(kb) == {"Medicare", "Medicaid", "Head Start", "Immigration Reform Act"}
    assert entry(kb, "medicaid").definition == "Health insurance for the poor"
    # a label over two sides of a term stays that term's details
    kb = kb_of(
        "## Elasticity\n\n- elasticity of power\n\t- short term -> hard to change\n\t- long term -> easier\n"
    )
    assert not any(normalize_name(t) in {"short term", "long term"} for t in terms(kb))


def test_a_definition_label_names_the_term_its_broader_heading_ends_with() -> None:
    notes = (
        "## General Principles of Configuration Management\n\n"
        "- **Definition**: Configuration management encompasses the activities that control change.\n\n"
        "- **Configuration**: A configuration is the complete set of characteristics of a deliverable.\n"
    )
    kb = kb_of(notes)
    assert {normalize_name(t) for t in terms(kb)} == {"configuration management", "configuration"}
    assert "control change" in entry(kb, "configuration management").definition
    # under a heading that is the term, the label defines that heading as before
    kb = kb_of("## Version Control\n\nDefinition: the practice of tracking changes to files.\n")
    assert entry(kb, "version control").definition == "The practice of tracking changes to files."


def test_a_plain_name_with_its_explanation_among_a_terms_details_is_a_term() -> None:
    notes = (
        "## Keys\n\n#### Key Signatures\n"
        "- Tell which notes should be sharp and which flat\n"
        "- Accidental: use a note that is not supposed to be in the key\n"
        "  - Put # or b before the note; it lasts the whole bar\n"
        "- Speed: 3200 MHz at most\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "accidental").definition == "Use a note that is not supposed to be in the key"
    # a property with a figure stays a detail of the heading's term
    assert not any(normalize_name(t) == "speed" for t in terms(kb))
    assert entry(kb, "key signatures").definition.startswith("Tell which notes")


def test_a_tab_inside_a_bold_name_ends_the_name() -> None:
    kb = kb_of(
        "**Caravel\tSmall:** regular vessel with a high deck and three sails.\n\n**Saga:** a heroic story.\n"
    )
    assert terms(kb) == {"Caravel", "Saga"}
    assert entry(kb, "caravel").definition == "Small regular vessel with a high deck and three sails."


def test_a_kind_heading_over_a_bare_list_of_its_members() -> None:
    notes = (
        "## Unison interval\n\nTwo notes at the same pitch.\n\n"
        "## Perfect intervals\n\n- Prime\n- Fourth\n- Fifth\n- Octave\n\n"
        "## Key figures\n\n- Lincoln\n- Grant\n- Lee\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "perfect intervals").definition == "Prime; Fourth; Fifth; Octave."
    # a heading over names that is no kind of anything the notes define stays out
    assert not any(normalize_name(t) == "key figures" for t in terms(kb))


def test_a_separator_inside_maths_separates_nothing() -> None:
    notes = (
        "- elastic: $|E| > 1$ ... demand does scale\n"
        "- 1-elastic: $|E| = 1$ ... rare\n"
        "- inelastic: $|E| < 1$ ... demand does not scale\n"
    )
    kb = kb_of(notes)
    assert {normalize_name(t) for t in terms(kb)} == {
        normalize_name(n) for n in ("elastic", "1-elastic", "inelastic")
    }
    assert entry(kb, "1-elastic").definition.startswith("$|E| = 1$")


def test_bold_names_over_labelled_points_are_terms_defined_by_their_definition_point() -> None:
    # hard-break spaces after each name, a label's example kept as a detail
    kb = kb_of(
        "### Heredity\n\n"
        "- **Heritability**  \n"
        "  - **Definition**: The share of variation in a trait due to genes.  \n"
        "  - **Example**: About half of the variation in intelligence.\n\n"
        "- **Temperament**  \n"
        "  - **Definition**: Inborn emotional reactivity.\n"
        "  - **Example**: A calm child.\n"
    )
    assert terms(kb) == {"Heritability", "Temperament"}
    heritability = entry(kb, "Heritability")
    assert heritability.definition == "The share of variation in a trait due to genes."
    assert any("About half of the variation" in detail for detail in heritability.details)
    assert entry(kb, "Temperament").definition == "Inborn emotional reactivity."


def test_bold_names_over_points_that_are_not_labels_stay_as_they_were() -> None:
    kb = kb_of(
        "- **Kinds**\n"
        "  - **Mitosis**: division into two identical cells.\n"
        "  - **Meiosis**: division into four sex cells.\n"
    )
    assert {"Mitosis", "Meiosis"} <= terms(kb)
    assert "Kinds" not in terms(kb)


def test_a_bold_name_starting_with_a_number_before_a_dash_is_a_term() -> None:
    kb = kb_of(
        "# Home front\n\n"
        "**4 minutes men** - they spoke for four minutes in support of the war.\n\n"
        "- **3 day week** - work rationed to save coal in 1974.\n"
        "- **Propaganda** - information used to promote a cause.\n"
    )
    assert entry(kb, "4 minutes men").definition == "They spoke for four minutes in support of the war."
    assert entry(kb, "3 day week").definition == "Work rationed to save coal in 1974."


def test_a_plain_count_of_things_is_still_no_term() -> None:
    kb = kb_of(
        "# Hardware\n\n"
        "60 CompTIA hardware facts - the list to learn before the exam.\n\n"
        "Propaganda - information used to promote a cause.\n"
    )
    assert "60 CompTIA hardware facts" not in terms(kb)


ADMONITIONS = """# Mechanics

### Inertia
```ad-Definition
Title: **Law of Inertia**
 A body stays at rest or in uniform motion unless a force acts on it.
```

### Momentum
```ad-definition

TItle: Momentum:

The product of a body's mass and its velocity.
```

```ad-example
Title: A ball
A 2 kg ball at 3 m/s has momentum 6 kg m/s.
```

```python
Title: **Not a term**
print("code")
```
"""


def test_an_admonition_fence_is_a_callout_whose_title_names_the_term() -> None:
    kb = kb_of(ADMONITIONS)
    assert entry(kb, "Law of Inertia").definition.startswith("A body stays at rest or in uniform motion")
    assert entry(kb, "Momentum").definition == "The product of a body's mass and its velocity."
    assert not {"A ball", "Title", "Not a term"} & terms(kb)


def test_an_overview_point_under_a_heading_says_what_the_heading_names() -> None:
    kb = kb_of(
        "# Machine learning\n\n"
        "## Decision Trees\n\n"
        "- Splits data with yes/no questions.\n\n"
        "## Neural Networks (NN)\n\n"
        "1. **Overview**:\n\n"
        "   - Learns features for classification or regression tasks.\n"
        "   - Uses layers of nodes:\n"
        "     - **Input layer**: Raw features.\n"
        "     - **Output layer**: Predictions.\n"
    )
    networks = entry(kb, "NN")
    assert networks.term == "Neural Networks"
    assert networks.definition == "Learns features for classification or regression tasks."
    assert entry(kb, "Output layer").definition == "Predictions."
    assert "Overview" not in terms(kb)
