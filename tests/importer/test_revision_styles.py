"""Revision-sheet styles: mind-map exports (``## ## 1. Part``), emphasised labels over terms set side by
side (``**Label**: A (gloss) vs. B (gloss)``), nested outlines of kinds, and a lone heading over its line."""

from __future__ import annotations

from bot.importer import import_notes
from tests.importer.kb_helpers import entry, kb_of, terms

MIND_MAP = """# # Chemistry

## ## 1. Matter (10%)
### ### Mixtures
- **Solution**: A mixture of one phase
- **Phases**: Heterogeneous (visibly uneven) vs. Homogeneous (uniform throughout)
- **Separation**: Filtration (by particle size) vs. Distillation (by boiling point)
- **Scale**: Microscopic (needs a lens) or Macroscopic (seen by eye)

### ### Bonds
- **Lattice Energy**: Energy released forming a crystal
"""


def test_a_mind_map_heading_keeps_no_markers_of_its_own() -> None:
    kb = kb_of(MIND_MAP)
    assert {topic.title for topic in kb.topics} == {"Mixtures", "Bonds"}
    assert not any("#" in title for e in kb.entries for title in [e.topic.title, e.term])


def test_an_emphasised_label_over_glossed_terms_side_by_side_is_no_term() -> None:
    kb = kb_of(MIND_MAP)
    assert not terms(kb) & {"Phases", "Separation", "Scale"}
    # a one-word qualifier is completed with the label it qualifies; the word alone stays a name of it
    heterogeneous = entry(kb, "heterogeneous phase")
    assert heterogeneous.term == "Heterogeneous phase"
    assert heterogeneous.definition == "Visibly uneven"
    assert "Homogeneous phase" in heterogeneous.see_also
    assert entry(kb, "heterogeneous") is heterogeneous
    # a part that is a name of its own keeps its name
    assert entry(kb, "Filtration").definition == "By particle size"
    assert entry(kb, "Distillation").term == "Distillation"
    assert entry(kb, "macroscopic scale").definition == "Seen by eye"
    assert entry(kb, "Solution").definition == "A mixture of one phase"


def test_one_named_theory_with_a_lower_case_gloss_under_a_label_is_that_theory() -> None:
    kb = kb_of(
        "## Ideas\n- **Speech**: Broca Area Model (speech is produced in one place)\n"
        "- **Memory**: Storage of information over time\n"
    )
    assert entry(kb, "Broca Area Model").definition == "Speech is produced in one place"
    assert "Speech" not in terms(kb)
    assert entry(kb, "Memory").definition == "Storage of information over time"


def test_terms_compared_under_a_plain_dash_stay_one_term() -> None:
    kb = kb_of("# Rust\nBinding - mutable (can change) vs immutable (fixed)\n\nTrait - shared behaviour\n")
    binding = entry(kb, "Binding")
    assert "mutable" in binding.definition
    assert "Mutable binding" not in terms(kb)


def test_a_lone_heading_over_a_terse_line_is_the_term_it_defines() -> None:
    kb = kb_of("#### Smishing\nSMS phishing\n")
    smishing = entry(kb, "Smishing")
    assert smishing.definition == "SMS phishing"
    assert kb.topics[0].title == "Smishing"


def test_a_lone_heading_over_terms_of_their_own_is_the_title() -> None:
    kb = kb_of("#### Phishing kinds\n- Smishing: SMS phishing\n- Vishing: voice phishing\n")
    assert terms(kb) == {"Smishing", "Vishing"}
    assert kb.topics[0].title == "Phishing kinds"


def test_a_structural_lone_heading_defines_nothing() -> None:
    result = import_notes("# Introduction\nSMS phishing\n\n## Vishing\nVoice phishing\n")
    assert [e.term for e in result.draft.entries] == ["Vishing"]


LECTURE = """# Week 3

## Supply, Demand and Elasticity

* *Supply* is the amount of a good that producers offer at each price
* *Demand* is the amount of a good that buyers want at each price
* *Elasticity* is how strongly one quantity responds to a change in another

### Supply and Demand

* Curves for the market:
\t1. Drawing both curves
\t\t* Usually this is done over 3 shifts:
\t\t\t* Income shift: buyers earn more or less
\t\t\t* Taste shift: buyers want it more or less
\t\t\t* Input shift: making it costs more or less
\t\t* Shifts are often combined together in one diagram
* Prices are set by the market
* The aim of pricing is to clear the market

### Elasticity

* Firms follow a 3 step pricing process, but markets differ
\t1. Cost estimate: adding up what one unit costs
\t2. Margin choice: what the firm keeps per unit
\t3. Price review: checking the price against rivals
"""


def test_name_colon_items_under_a_leading_line_are_kinds_at_any_depth() -> None:
    kb = kb_of(LECTURE)
    assert entry(kb, "Income shift").definition == "Buyers earn more or less"
    assert entry(kb, "Input shift").definition == "Making it costs more or less"
    cost = entry(kb, "Cost estimate")
    assert cost.definition == "Adding up what one unit costs"
    assert "Elasticity" in cost.see_also
    assert "Cost estimate: adding up what one unit costs" in entry(kb, "Elasticity").details
    assert entry(kb, "Price review").definition == "Checking the price against rivals"


def test_a_heading_joining_defined_terms_and_passive_statements_make_no_entries() -> None:
    kb = kb_of(LECTURE)
    # "Supply and Demand" joins two terms defined above; "Shifts are often combined ...", "Prices are
    # set by ...", "The aim of pricing is to ..." and "Usually this is done ..." say things, define nothing
    assert terms(kb) == {
        "Supply",
        "Demand",
        "Elasticity",
        "Income shift",
        "Taste shift",
        "Input shift",
        "Cost estimate",
        "Margin choice",
        "Price review",
    }


def test_a_statement_of_a_new_term_with_its_article_still_defines_it() -> None:
    kb = kb_of(
        "## Cells\n1. A vacuole is filled with cell sap\n2. The nucleus controls the cell\n"
        "3. Ribosomes are where proteins are made\n"
    )
    assert entry(kb, "vacuole").definition == "Filled with cell sap"


OUTLINE = """1. Realism
    - very old
2. Empiricism
    - radical
        + Only experience counts as knowledge
    - logical
        * Meaning is what can be verified
    - objections
        1. Where do the rules of logic come from?
        2. Some knowledge seems inborn
3. Rationalism
    - reason is the chief source of knowledge
    - How knowledge is justified (Foundational rationalism)
        + Strong Foundational Rationalism (SFR) - every belief rests on self-evident truths
        + Weak Foundational Rationalism (WFR) - some beliefs rest on self-evident truths
    - Difference between Rationalism and Empiricism
        + where knowledge starts
    - Innate ideas vs acquired ideas
        + acquired: ideas that come from the senses
        + innate: ideas the mind is born with
    - Critiques
        + it cannot explain learning new facts
    - 2 kinds
        + Platonic rationalism
            * ideas exist apart from minds
            * recollection paradox
                - how can we look for what we do not know
        + cartesianism
"""


def test_bare_labels_in_an_outline_are_kinds_of_their_term_and_plural_labels_head_details() -> None:
    kb = kb_of(OUTLINE)
    radical = entry(kb, "radical empiricism")
    assert radical.term == "Radical empiricism"
    assert radical.definition == "Only experience counts as knowledge"
    assert "Empiricism" in radical.see_also
    assert entry(kb, "logical empiricism").definition == "Meaning is what can be verified"
    assert not terms(kb) & {"objections", "Objections", "Critiques", "2 kinds"}
    assert "Some knowledge seems inborn" in entry(kb, "Empiricism").details


def test_an_outline_names_its_kinds_by_sides_brackets_and_counts() -> None:
    kb = kb_of(OUTLINE)
    assert entry(kb, "Innate ideas").definition == "Ideas the mind is born with"
    assert entry(kb, "Acquired ideas").definition == "Ideas that come from the senses"
    foundational = entry(kb, "Foundational rationalism")
    assert foundational.definition == "How knowledge is justified"
    assert "Foundational rationalism" in entry(kb, "SFR").see_also
    assert entry(kb, "Platonic rationalism").definition == "Ideas exist apart from minds"
    assert entry(kb, "recollection paradox").definition.casefold().startswith("how can we look")
    cartesianism = entry(kb, "Cartesianism")
    assert "Rationalism" in cartesianism.see_also
    assert "Difference between Rationalism and Empiricism" not in terms(kb)


def test_terms_side_by_side_in_a_detail_each_get_their_gloss() -> None:
    kb = kb_of(
        "## Pricing\n* *Pricing* is choosing what to charge\n\t* Moves\n\t\t"
        "* Skimming (start high) or penetration (start low)\n"
    )
    assert entry(kb, "Skimming").definition == "Start high"
    assert entry(kb, "Penetration").definition == "Start low"


SHORTHAND = """###### Trade basics
- study of how countries exchange goods
- also look @tariffs

### 3 central topics to trade
- Exports and imports
    + Net exports (exports minus imports, measured per year
    + exports grow @cheap currency
- Tariffs
    + types of tariff:
        * ad valorem tariff: @percent of the value == price rises
        * specific tariff: fixed amount per unit
- Quotas
    + limits on amounts

# Trade policy
- set by governments.
- either protectionist or liberal
    + protectionist: shields home firms. raises tariffs
    + liberal
        * opens markets by removing tariffs

# Currency unions
-


- importer
    + someone who buys goods from abroad (firm, state)
"""


def test_a_heading_counting_its_parts_makes_no_terms_of_them() -> None:
    result = import_notes(SHORTHAND)
    made = {e.term for e in result.draft.entries}
    assert not made & {"Exports and imports", "Tariffs", "types of tariff", "Currency unions"}
    # "- Quotas" over "+ limits on amounts": a part whose points name no term of their own is a term
    # they explain (imp12b: a person lists it, as macroeconomics' "Inflation & Deflation")
    assert "Quotas" in made
    unplaced = [text for _line, text in result.draft.unplaced]
    assert "Exports and imports" in unplaced  # reported, never dropped
    assert "Currency unions: nothing written under it" in unplaced


def test_shorthand_kinds_sides_and_bare_terms_are_read() -> None:
    kb = kb_of(SHORTHAND)
    assert entry(kb, "Net exports").definition == "Exports minus imports, measured per year"
    assert entry(kb, "Ad valorem tariff").definition.startswith("@percent")
    assert entry(kb, "Specific tariff").definition == "Fixed amount per unit"
    assert entry(kb, "Protectionist trade policy").definition.startswith("Shields home firms")
    liberal = entry(kb, "Liberal trade policy")
    assert liberal.definition == "Opens markets by removing tariffs"
    assert "Trade policy" in liberal.see_also
    importer = entry(kb, "Importer")
    assert importer.definition == "Someone who buys goods from abroad (firm, state)"


GLOSSED_SHORTHAND = """### Trade
- how countries exchange goods and services
- trade deficit (imports larger than exports over a year)
- determinants of long-run trade performance (eg overall increases in output)
- counted @balance of payments (record of all money flows abroad)

# Trade policy
- either free or managed
    + free: no tariffs at all between members
    + managed: quotas and tariffs set by the state

# Free trade policy
- free policy can be agreed between two states
- free trade policy may remove tariffs over several years
"""


def test_a_lower_case_name_with_its_gloss_is_a_term_and_a_long_phrase_is_not() -> None:
    kb = kb_of(GLOSSED_SHORTHAND)
    deficit = entry(kb, "trade deficit")
    assert deficit.term == "Trade deficit"
    assert deficit.definition == "Imports larger than exports over a year"
    assert "Trade" in deficit.see_also
    assert entry(kb, "balance of payments").definition == "Record of all money flows abroad"
    assert not any(t.startswith("Determinants") for t in terms(kb))


def test_a_statement_about_the_heading_term_shortened_is_its_alias_not_a_term() -> None:
    kb = kb_of(GLOSSED_SHORTHAND)
    policy = entry(kb, "free policy")
    assert policy.term == "Free trade policy"
    assert policy.definition == "No tariffs at all between members"
    assert "Free policy" not in terms(kb)


def test_a_counted_name_whose_bracket_lists_its_words_is_a_term() -> None:
    kb = kb_of(
        "## Writing\n* *Style* is how a text reads\n\t* Check the 3Cs (clear, concise, correct)\n"
        "\t* Keep 2 drafts (first, final)\n\t* Mind the 3Rs (read, write)\n"
    )
    assert entry(kb, "3Cs").definition == "Clear, concise, correct"
    assert "Style" in entry(kb, "3Cs").see_also
    # two drafts counted but not one letter each; three Rs counted but two listed: no terms
    assert terms(kb) == {"Style", "3Cs"}


def test_a_label_that_counts_nothing_announces_no_terms() -> None:
    kb = kb_of(
        "## Cloud\n* *Elasticity* is growing and shrinking with demand\n\t* Pros:\n"
        "\t\t* Cost: you pay for what you use\n\t\t* Speed: capacity comes in minutes\n"
        "\t* key features\n\t\t* scaling out\n"
    )
    assert terms(kb) == {"Elasticity"}
    assert "Cost: you pay for what you use" in entry(kb, "Elasticity").details


def test_a_quality_in_brackets_or_a_plural_label_is_no_term() -> None:
    kb = kb_of(
        "### Protocols\n- how machines talk over a network\n- faster (no handshake before sending)\n"
        "- more secure (every packet is encrypted)\n- packet loss (data that never arrives)\n"
    )
    assert terms(kb) == {"Protocols", "Packet loss"}
    result = import_notes("### Cables\n-\n\n- Advantages\n    + they are cheap to buy and to lay\n")
    assert "Advantages" not in {e.term for e in result.draft.entries}
