"""Forms of notes found while raising the tune6/tune9 imports (issue 14): each test is a small made-up
input of one form."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_and_unplaced, kb_of, terms


def test_a_why_use_heading_names_the_thing_its_points_describe() -> None:
    kb = kb_of(
        "# Web notes\n\n## Why Use a Reverse Proxy\n- Hides the servers behind it from clients\n"
        "- Can cache responses\n"
    )
    assert terms(kb) == {"Reverse Proxy"}
    proxy = entry(kb, "reverse proxy")
    assert proxy.definition == "Hides the servers behind it from clients"
    assert "Can cache responses" in proxy.details


def test_a_sentence_whose_subject_is_the_bold_term_says_what_it_does() -> None:
    kb = kb_of("# Plants\n\n> 🌱 The **casparian strip** blocks water from passing between the root cells.\n")
    strip = entry(kb, "casparian strip")
    assert strip.definition.startswith("Casparian strip blocks water from passing")


def test_a_bold_name_given_after_what_the_sentence_said_is_defined_by_it() -> None:
    kb = kb_of(
        "# Plants\n\n> Note: Leaves that turn yellow for want of iron — this is called **chlorosis**.\n"
    )
    assert entry(kb, "chlorosis").definition == "Leaves that turn yellow for want of iron"


def test_an_appositive_after_the_bold_term_is_its_definition() -> None:
    kb = kb_of(
        "# Plants\n\nWater enters through the **root hairs**, the thin outgrowths of the root's skin.\n"
    )
    assert entry(kb, "root hairs").definition == "The thin outgrowths of the root's skin"


def test_a_counted_part_whose_points_name_no_term_is_a_term_they_explain() -> None:
    notes = (
        "# Chemistry\n\n### 2 main topics in kinetics\n"
        "- Reaction rates\n    + types of reaction:\n"
        "        * fast reaction: over in under a second, like an explosion\n"
        "        * slow reaction: takes days or years, like rusting\n"
        "- Catalysis\n    + speeds up reactions without being used up\n    + lowers the activation energy\n"
    )
    kb, unplaced = kb_and_unplaced(notes)
    assert "Reaction rates" not in terms(kb)  # its points define kinds of reaction: it groups them
    assert entry(kb, "fast reaction").definition == "Over in under a second, like an explosion"
    catalysis = entry(kb, "catalysis")
    assert catalysis.definition == "Speeds up reactions without being used up"
    assert "lowers the activation energy" in catalysis.details
    assert not any("activation" in text for _, text in unplaced)


def test_a_basics_heading_names_its_subject() -> None:
    kb = kb_of(
        "# Notes\n\n## Thermodynamics basics\n"
        "- study of heat, work and energy and how they turn into each other\n"
        "- four laws\n"
    )
    thermo = entry(kb, "thermodynamics")
    assert thermo.term == "Thermodynamics"
    assert "Thermodynamics basics" in thermo.aliases


def test_an_item_over_its_qualities_is_a_term_they_describe() -> None:
    kb = kb_of(
        "# Materials\n\n- Ceramics\n    - Porous and nonconductive\n    - Fired in a kiln from clay\n"
        "- Polymers\n    - Long chains of repeating units\n"
    )
    ceramics = entry(kb, "ceramics")
    assert ceramics.definition == "Porous and nonconductive"
    assert "Fired in a kiln from clay" in ceramics.details


def test_points_that_describe_then_name_in_brackets_define_the_bracketed_terms() -> None:
    notes = (
        "# Weather\n\n## Clouds\nSeen in the sky.\n\n"
        "- Flat grey layer covering the whole sky (stratus cloud)\n"
        "- Tall towering mass that brings thunder (cumulonimbus cloud)\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "stratus cloud").definition == "Flat grey layer covering the whole sky"
    assert entry(kb, "cumulonimbus cloud").definition == "Tall towering mass that brings thunder"


def test_one_point_naming_its_gloss_among_others_stays_a_point() -> None:
    notes = (
        "# Design\n\n## Weight\nWhat makes an element look heavy.\n\n"
        "- Size and shape of an element\n"
        "- Isolation of an element in the composition (focal point)\n"
    )
    kb = kb_of(notes)
    assert "Focal point" not in terms(kb)


def test_a_memory_line_of_equal_pairs_defines_each_name() -> None:
    notes = (
        "# Rocks\n\n## Kinds\n\n| Kind | Meaning |\n|---|---|\n| Basalt | Dark volcanic rock |\n\n"
        "> 💡 **Remember:** Stalactites = hang from the ceiling; Stalagmites = grow from the floor.\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "stalactites").definition == "Hang from the ceiling"
    assert entry(kb, "stalagmites").definition == "Grow from the floor"


def test_algebra_set_equal_is_no_pair_of_terms() -> None:
    kb = kb_of("# Physics\n\n## Force\nA push or pull.\n\nForce = ma; acc = F/m\n")
    assert terms(kb) == {"Force"}


def test_a_long_name_set_equal_under_an_entry_is_a_term_of_its_own() -> None:
    notes = (
        "# Cloud\n\n## DNS\n- Resolves names to addresses\n- Time To Live Setting = record cache lifetime\n\n"
        "## VPC\n- Virtual Private Cloud = your own network\n- Spans one region\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "time to live setting").definition == "Record cache lifetime"
    assert entry(kb, "vpc") is entry(kb, "virtual private cloud")  # the heading's expansion: one entry


def test_a_qualifier_kind_of_counted_things_is_named_with_their_noun() -> None:
    notes = (
        "# Research\n\n## Methods\n\n* Studies are designed around the 3 variables:\n"
        "\t* Dependent: what is measured in the study\n\t* Independent: what the researcher changes\n"
        "\t* Extraneous: what else might change the result\n"
    )
    kb = kb_of(notes)
    assert "Dependent variable" in entry(kb, "dependent").aliases
    assert entry(kb, "independent variable").term == "Independent"


def test_a_quoted_aka_in_a_definition_gives_an_alias() -> None:
    kb = kb_of(
        "# Biology\n\n- osmosis: water moving across a membrane ('aka' water diffusion). slow.\n"
        "- mitosis: cell division\n"
    )
    assert "water diffusion" in entry(kb, "osmosis").aliases


def test_a_bold_stub_ending_a_glossary_list_is_defined_by_the_paragraph_after_it() -> None:
    notes = (
        "# Civics\n\n1. **Veto:** The power to reject a bill.\n\n2. **Quorum:** The least number of members "
        "needed.\n\n3. **Filibuster:**\n\n The tactic of talking at length to delay a vote.\n\n"
        "4. **Cloture:** A vote that ends a debate.\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "filibuster").definition == "The tactic of talking at length to delay a vote."
    assert entry(kb, "quorum").details == ()


def test_a_means_named_and_glossed_in_a_point_is_a_term() -> None:
    notes = (
        "# Biology\n\n# Cell transport\n- transport across the membrane can be achieved @:\n"
        "    + moving molecules uphill\n"
        "        * %via protein pumps (membrane proteins that push ions using ATP)\n"
        "    + bulk movement\n- cells spend energy on it.\n"
    )
    kb = kb_of(notes)
    pumps = entry(kb, "protein pumps")
    assert pumps.term == "Protein pumps"  # the shorthand mark and "via" are no part of the name
    assert pumps.definition == "Membrane proteins that push ions using ATP"
