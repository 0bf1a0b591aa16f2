"""The importer's last look: a line that is no term goes to "not placed", a doubtful meaning is flagged.

Each case is a small piece of notes in a shape met in real notes the importer had not seen: question
numbers, equations, Markdown samples, field labels under every term, a label over the kinds it
contrasts, an author quoted on another term, a label whose meaning is only its first sub-point.
"""

from __future__ import annotations

from bot.importer import ImportResult, import_notes
from bot.importer.draft import Draft, DraftEntry
from bot.importer.gate import judge
from bot.loader import load_knowledge_text
from bot.matching import Answer, Matcher, NotFound


def _terms(result: ImportResult) -> list[str]:
    return [entry.term for entry in result.draft.entries]


def _unplaced(result: ImportResult) -> str:
    return "\n".join(text for _, text in result.draft.unplaced)


def _flagged(result: ImportResult) -> dict[str, list[str]]:
    return {e.term: e.checks.get("definition", []) for e in result.draft.entries}


def test_question_numbers_are_no_terms() -> None:
    result = import_notes(
        "1a - A set of processes is deadlocked if each waits for an event only another can cause.\n\n"
        "1b - Mutual exclusion is when a resource can be used by one process at a time.\n\n"
        "Semaphore - a counter that processes wait on and signal.\n"
    )
    assert _terms(result) == ["Semaphore"]
    assert "1a: A set of processes" in _unplaced(result)
    assert "1b: Mutual exclusion" in _unplaced(result)


def test_an_equation_is_no_term() -> None:
    result = import_notes(
        "H + OH = $H_2O$ = neutral pH\n\n"
        "pH of lakes ≈ 6-8\npH of lemon ≈ 3\n\n"
        "titration - process used to find the concentration of an unknown solution\n"
    )
    assert _terms(result) == ["titration"]
    assert "H + OH" in _unplaced(result)


def test_a_sample_of_markdown_is_no_term() -> None:
    result = import_notes(
        "### Markdown\n"
        "**Markdown** is a lightweight markup language for formatting plain text.\n\n"
        "Common syntax:\n"
        "- `# Heading` - Creates headings\n"
        "- `![image](path)` - Images\n"
    )
    assert "# Heading" not in _terms(result)
    assert "!image" not in _terms(result)
    assert "Markdown" in _terms(result)
    assert "Creates headings" in _unplaced(result)


def test_a_field_label_under_every_term_is_no_term() -> None:
    result = import_notes(
        "## Taxonomy\n"
        "- **Definition**: The science of naming and classifying organisms.\n"
        "- **Context**: It helps scientists communicate about species.\n\n"
        "## Metabolism\n"
        "- **Definition**: The chemical reactions that keep organisms alive.\n"
        "- **Context**: Catabolism breaks nutrients down, anabolism builds.\n"
    )
    assert _terms(result) == ["Taxonomy", "Metabolism"]
    # the other field is the term's detail, label and all
    taxonomy = next(e for e in result.draft.entries if e.term == "Taxonomy")
    assert [d.text for d in taxonomy.details] == ["Context: It helps scientists communicate about species."]


def test_a_field_label_under_every_line_defined_term_is_no_term() -> None:
    result = import_notes(
        "# Biology\nTaxonomy - the science of naming organisms\nContext: it helps scientists communicate\n\n"
        "Metabolism - the chemical reactions that keep organisms alive\n"
        "Context: catabolism breaks nutrients down\n"
    )
    assert _terms(result) == ["Taxonomy", "Metabolism"]
    assert "a label repeated under several terms" in _unplaced(result)


def test_a_label_over_contrasted_kinds_is_no_term() -> None:
    result = import_notes(
        "# Sociology\n\n"
        "- **Status**: Ascribed (birth) vs. Achieved (earned)\n"
        "- **Groups**: Primary (personal) vs. Secondary (impersonal)\n"
        "- **Karl Marx**: Class Conflict (Bourgeoisie vs. Proletariat)\n"
        "- **Norms**: Folkways (customs) -> Mores (morals) -> Laws (codified)\n"
    )
    terms = _terms(result)
    assert "Status" not in terms
    assert "Groups" not in terms
    assert {"Ascribed status", "Achieved status", "Primary group", "Secondary group"} <= set(terms)
    assert terms[-2:] == ["Karl Marx", "Norms"]


def test_a_term_explained_by_a_contrast_in_prose_stays() -> None:
    result = import_notes(
        "Dispatch - static (monomorphization, zero-cost) vs dynamic (`dyn Trait`, vtable-based).\n\n"
        "Trait - a set of methods a type can implement.\n"
    )
    assert _terms(result) == ["Dispatch", "Trait"]


def test_an_author_quoted_on_another_term_is_no_term() -> None:
    result = import_notes(
        "## Module 4: Socialization\n\n"
        "### Meaning of Socialization\n"
        "- **Socialization** is the process through which an individual learns the norms of society.\n\n"
        "#### Definitions by sociologists\n"
        "1. **Ogburn**: \u201cSocialization is a process to learn norms and to conform to them.\u201d\n"
        "2. **A.W. Green**: \u201cSocialization is the process by which the child acquires a culture.\u201d\n"
    )
    assert _terms(result) == ["Socialization"]
    assert "Ogburn" in _unplaced(result)


def test_a_quotation_of_the_term_itself_stays() -> None:
    result = import_notes(
        '- **Utilitarianism**: "The greatest happiness for the greatest number of people"\n'
        "- **Hedonism**: the only good is pleasure\n"
    )
    assert _terms(result) == ["Utilitarianism", "Hedonism"]


def test_emphasis_left_inside_a_name_is_dropped() -> None:
    result = import_notes(
        "| Formula | Name |\n| --- | --- |\n| HCl | hydro__chlor__ic acid |\n| HBr | hydro__brom__ic acid |\n"
    )
    assert "hydrochloric acid" in _terms(result)


def test_a_bare_label_over_kinds_is_flagged() -> None:
    result = import_notes(
        "# Economics\n\n"
        "- Unemployment\n"
        "    + measured by the unemployment rate\n"
        "    + classical unemployment: wages too high\n"
        "- Egoism\n"
        "    + psychological\n"
        "        * humans always do what is in their best interest\n"
        "- Demand\n"
        "    + how much buyers want at each price\n"
        "    + falls as the price rises\n"
        "- Inflation: a general rise in prices over time\n"
    )
    flagged = _flagged(result)
    assert "first point under Unemployment" in flagged["Unemployment"][0]
    # a bare name whose only point is a kind of it: the kind is the entry, the name has no definition
    assert "Egoism" not in flagged
    assert "Egoism: no definition in the notes" in _unplaced(result)
    assert flagged["Demand"] == []  # its points say what it is
    assert flagged["Inflation"] == []


def test_a_definition_that_only_introduces_a_list_is_flagged() -> None:
    result = import_notes(
        "## Operating System\n\n"
        "An operating system is software between applications and hardware.\n\n"
        "### Process Management\n\n"
        "Programs:\n"
        "- A program is a set of instructions written in a programming language.\n"
    )
    assert "only introduces a list" in _flagged(result)["Process Management"][0]


def test_a_definition_that_only_names_its_list_is_flagged() -> None:
    result = import_notes(
        "1. *Liability*: a debt the business owes to others.\n\n"
        "2. *Revenue*: synonyms\n"
        "    1. Income\n"
        "    2. Sales: money earned from customers\n\n"
        "3. *Asset*: Types\n"
        "    1. Current\n"
        "    2. Fixed\n\n"
        "4. *Expense*: the cost of the types of work done to earn revenue.\n"
    )
    flagged = _flagged(result)
    assert "only introduces a list" in flagged["Revenue"][0]
    assert "only introduces a list" in flagged["Asset"][0]
    assert flagged["Liability"] == []
    assert flagged["Expense"] == []  # the word "types" inside a sentence is no label


def test_a_doubtful_entry_is_not_given_for_a_kind_its_points_list() -> None:
    result = import_notes(
        "# Ethics\n\n"
        "- Egoism\n"
        "    + psychological\n"
        "        * humans always do what is in their best interest\n"
        "    + ethical\n"
        "        * what is good is whatever is in your best interest\n"
        "- Hedonism: the only good is pleasure\n"
    )
    matcher = Matcher(load_knowledge_text(result.text))
    asked = matcher.lookup("what is ethical egoism")
    assert isinstance(asked, NotFound)
    assert [s.entry.term for s in asked.suggestions] == ["Egoism"]
    named = matcher.lookup("what is egoism")
    assert isinstance(named, Answer)
    assert named.entry.term == "Egoism"


def test_a_kind_written_short_under_the_item_naming_it_gets_its_whole_name() -> None:
    result = import_notes(
        "5. Utilitarianism\n"
        "    - the greatest happiness for the greatest number\n"
        "    - Higher happiness vs lower happiness\n"
        "        + lower: bodily happiness, sex, etc.\n"
        "        + higher: self-actualizing pleasures (reading, music)\n\n"
        "6. Deontology\n"
        "    - not consequentialism\n"
    )
    assert _terms(result) == ["Utilitarianism", "Lower happiness", "Higher happiness", "Deontology"]


def test_a_heading_over_links_to_other_notes_is_no_term() -> None:
    result = import_notes(
        "## Memory\nThe encoding, storage and retrieval of information.\n\n"
        "## Research methods\n"
        "[[2-1 Basics of Scientific Research]]  (v)\n"
        "[[2-2 Consent & Bias]]  (v)\n\n"
        "## Learning\nA relatively permanent change in behaviour.\n"
    )
    assert "Research methods" not in _terms(result)
    assert "links to other notes" in _unplaced(result)


def test_a_link_inside_a_definition_keeps_the_entry() -> None:
    result = import_notes(
        "- **Vault**: a folder of notes, see [[How Obsidian Works]]\n"
        "- **Canvas**: a board for laying out notes and media\n"
    )
    assert _terms(result) == ["Vault", "Canvas"]


def test_a_decimal_quantity_is_no_term() -> None:
    result = import_notes(
        "0.001M - 3pH (negative log of molarity)\n\n"
        "5G - the fifth generation of mobile networks\n\n"
        "titration - process used to find the concentration of an unknown solution\n"
    )
    assert _terms(result) == ["5G", "titration"]
    assert "0.001M: 3pH" in _unplaced(result)


def test_a_name_shown_in_a_code_sample_is_no_term() -> None:
    result = import_notes(
        "### Markdown\n"
        "**Markdown** is a lightweight markup language for formatting plain text.\n\n"
        "Common syntax:\n"
        "- `[link](url)` - External links\n"
        "- `**bold**` - Bold text\n\n"
        "### Grep\n"
        "- `grep` - searches files for lines matching a pattern\n"
    )
    assert "link" not in _terms(result)
    assert "link: External links (a sample of markup" in _unplaced(result)
    assert "grep" in map(str.casefold, _terms(result))


def test_a_label_with_nothing_after_it_under_several_things_is_no_term() -> None:
    result = import_notes(
        "#### Threads\n"
        "* Kernel space:\n"
        "  * Bad:\n"
        "    * Thread operations use system calls (expensive)\n"
        "  * Good:\n"
        "    * Can use additional hardware\n"
        "* User space:\n"
        "  * Bad:\n"
        "    * System calls block all threads\n"
        "  * Good:\n"
        "    * Fast switching between threads\n\n"
        "Deadlock - each process in a set waits for an event only another can cause\n"
    )
    terms = _terms(result)
    assert "Bad" not in terms
    assert "Good" not in terms
    assert "Deadlock" in terms


def test_a_heading_over_an_emphasised_term_does_not_take_its_meaning() -> None:
    result = import_notes(
        "### 1.1 **Interaction of Heredity and Environment**\n\n"
        "- **Heritability**\n"
        "  - **Definition**: The proportion of variation in traits that genetic factors explain.\n"
        "  - **Example**: Intelligence has a heritability estimate of about 50%.\n\n"
        "### Twin Studies\n"
        "Research that compares identical and fraternal twins.\n"
    )
    assert "Interaction of Heredity and Environment" not in _terms(result)
    assert "Twin Studies" in _terms(result)
    assert "first point is Heritability" in _unplaced(result)


def test_a_heading_over_a_field_label_keeps_its_meaning() -> None:
    result = import_notes(
        "### Taxonomy\n"
        "- **Definition**\n"
        "  - The science of naming and classifying organisms.\n\n"
        "### Metabolism\n"
        "- **Definition**\n"
        "  - The chemical reactions that keep organisms alive.\n"
    )
    assert _terms(result) == ["Taxonomy", "Metabolism"]


def test_a_year_glued_to_a_name_is_left_out_of_it() -> None:
    result = import_notes(
        "Spartacist uprising - Jan 1919 - communists tried to overthrow the government in Berlin\n"
        "Kapp Putsch -1920 - ex-Freikorps took over Berlin; the putsch lasted 6 days and failed\n"
    )
    assert _terms(result) == ["Spartacist uprising", "Kapp Putsch"]


def test_a_name_written_in_two_parts_gets_both() -> None:
    result = import_notes(
        "## Durkheim\n"
        "- **mechanical** or **segmental** **solidarity**: social cohesion based on sameness\n"
        "- **organic solidarity**: social cohesion based on interdependence of specialised parts\n"
    )
    entries = {e.term: e.definition for e in result.draft.entries}
    assert entries["mechanical or segmental solidarity"] == "Social cohesion based on sameness"
    assert "mechanical" not in entries


def test_a_kind_next_to_its_opposite_gets_the_whole_name() -> None:
    result = import_notes(
        "Informal social control: carried out through laughing, ridicule or smiles\n"
        "Formal: authorized agents, officers, judges, employers\n\n"
        "Deviance: violation of a norm\n"
        "Stigma: an attribute that devalues a social identity\n"
    )
    assert _terms(result) == ["Informal social control", "Formal social control", "Deviance", "Stigma"]


def test_a_formula_after_an_arrow_is_no_meaning() -> None:
    result = import_notes(
        "##### Strong\n"
        "Break up entirely leaving only ions\n\n"
        "HCL → H$^+$ Cl$^-$\n\n"
        "Photosynthesis → the process by which plants make food from light\n"
    )
    terms = _terms(result)
    assert "HCL" not in terms
    assert "Photosynthesis" in terms
    assert "a reaction or equation" in _unplaced(result)


def test_the_title_written_again_is_no_term() -> None:
    result = import_notes(
        "# Micro Economics\n\n"
        "Microeconomics – Notes\n\n"
        "Law of Demand: as price rises, quantity demanded falls\n"
        "Law of Supply: as price rises, quantity supplied rises\n"
    )
    assert _terms(result) == ["Law of Demand", "Law of Supply"]
    assert "the notes' title written again" in _unplaced(result)


def test_a_term_named_again_in_a_sub_list_is_no_field_label() -> None:
    result = import_notes(
        "10. *Capital*: Financial investment in a business\n\n"
        "11. *Equity*: synonyms\n"
        "    1. Net assets: the difference between assets and liabilities\n"
        "    2. Capital: broad term for the funds invested in a business\n\n"
        "12. *Footing*: a sum written under a column to check it\n"
    )
    assert "Capital" in _terms(result)


def test_a_one_term_file_under_its_own_heading_keeps_the_term() -> None:
    result = import_notes("Smishing - SMS phishing\n", notes_name="smishing.md")
    assert _terms(result) == ["Smishing"]


def test_a_term_under_its_own_heading_with_a_short_meaning_stays() -> None:
    result = import_notes("# Ecology\n\n## Biotic\nBiotic - living\n\n## Abiotic\nAbiotic - non-living\n")
    assert _terms(result) == ["Biotic", "Abiotic"]


def test_a_callout_marker_is_no_meaning() -> None:
    for marker in ("> [!definition]\n", "> [!example]- Worked case\n"):
        result = import_notes(
            "## A\n\n"
            "**A/B Testing** - Comparing two versions of a page to see which performs better.\n\n"
            "## B\n\n"
            f"{marker}"
            "> **Brand Equity** - The value premium a company gets from a recognisable name.\n"
        )
        terms = _terms(result)
        assert "B" not in terms
        assert {"A/B Testing", "Brand Equity"} <= set(terms)
        assert not any("[!" in e.definition for e in result.draft.entries)
    # an untitled marker is left out as the blocks are read; a titled aside's reaches the gate
    assert "the marker of a callout box" in _unplaced(result)


def test_a_step_of_a_chain_cut_at_an_arrow_is_no_meaning() -> None:
    result = import_notes(
        "# Marketing\n\n"
        "Product Oriented (good product sells itself) -> Sales Oriented (aggressive selling) ->\n\n"
        "Segmentation - dividing a market into groups of buyers with different needs\n"
    )
    assert _terms(result) == ["Segmentation"]
    assert "a chain of steps cut at an arrow" in _unplaced(result)


def test_a_lettered_point_read_as_a_heading_meaning_is_flagged() -> None:
    result = import_notes(
        "# General notes\n\n"
        "a) wave motion is the propagation of disturbances\n\n"
        "- wave motion can be observed in rope or water waves\n\n"
        "# Terms\n\n"
        "- period: the time taken to produce one complete wave\n"
    )
    flagged = _flagged(result)
    assert "lettered point under General notes" in flagged["General notes"][0]
    assert flagged["period"] == []


def test_standards_and_code_with_stars_stay_terms() -> None:
    result = import_notes(
        "- 802.11ac - a Wi-Fi standard on the 5 GHz band\n"
        "- `__init__` - the method that sets up a new object\n"
        "- Put: a contract giving the right to sell at a set price\n"
        "- Input devices: devices that send data into a computer\n"
    )
    assert _terms(result) == ["802.11ac", "__init__", "Put", "Input devices"]


def test_a_describing_label_over_bare_points_is_no_term() -> None:
    """A heading or bullet that says what its points are about (an -ing verb and its object, a relative
    clause) gets no meaning from its first point; a name over the same points keeps that guess."""
    result = import_notes(
        "# Rocks\n\n## Sorting grains\n\n- by their size in a sieve\n- by how fast they settle in water\n\n"
        "## Agents that wear rock down\n\n- wind carrying sand\n- ice in cracks freezing and thawing\n\n"
        "## Sediment\n\n- Loose grains of rock carried by water or wind\n"
    )
    assert "Sorting grains" not in _terms(result)
    assert "Agents that wear rock down" not in _terms(result)
    assert "Sediment" in _terms(result)
    assert "a description of the points below it" in _unplaced(result)


def test_a_heading_over_a_statement_of_a_share_or_a_condition_is_no_term() -> None:
    """``Most of the energy ...`` says how much, ``If the soil dries, ...`` under a describing heading says
    when: no meaning of the heading; a law stated with "If" under its name is kept."""
    result = import_notes(
        "# Soil\n\n## Water in the soil\n\nMost of the water in the soil drains down to the rock below.\n\n"
        "## Changing weather on farms\n\nIf the soil dries out, the crops need more water to grow.\n\n"
        "## Boyle's law\n\nIf the temperature stays the same, the pressure of a gas rises as its volume"
        " falls.\n"
    )
    assert "Water in the soil" not in _terms(result)
    assert "Changing weather on farms" not in _terms(result)
    assert "Boyle's law" in _terms(result)
    assert "a statement about it" in _unplaced(result)


def test_a_see_also_to_an_entry_the_gate_reports_goes_with_it() -> None:
    """An entry related to one the gate moves out keeps its place, without a see-also naming nothing."""
    notes = "- First appearance of reptiles: Paleozoic Era\n- Dinosaur: a reptile of the Mesozoic Era\n"
    draft = Draft(title="Earth", source="case.md")
    fact = DraftEntry("First appearance of reptiles", 1, definition="Paleozoic Era")
    dinosaur = DraftEntry("Dinosaur", 2, definition="A reptile of the Mesozoic Era")
    dinosaur.add("see_also", "First appearance of reptiles")
    draft.entries = [fact, dinosaur]
    judge(draft, notes)
    assert [entry.term for entry in draft.entries] == ["Dinosaur"]
    assert dinosaur.see_also == []
    assert any("First appearance of reptiles" in text for _, text in draft.unplaced)


def test_a_summary_table_heading_is_no_term() -> None:
    notes = (
        "# Cells\n\n**Nucleus**: holds the DNA of the cell.\n\n## Summary table\n\n"
        "| Part | Job |\n|---|---|\n| Nucleus | control |\n| Ribosome | protein |\n"
    )
    result = import_notes(notes, notes_name="cells.md")
    assert "Summary table" not in _terms(result)
    assert "Nucleus" in _terms(result)


def test_labels_over_quoted_example_sentences_are_no_terms() -> None:
    notes = (
        "# Grammar\n\n- **Word Order:** English puts the subject before the verb.\n"
        '    - _Right:_ "The dog bit the man."\n'
        '    - _Wrong:_ "Bit the dog the man." (hard to read)\n'
    )
    result = import_notes(notes, notes_name="grammar.md")
    assert "Right" not in _terms(result)
    assert "Wrong" not in _terms(result)
    assert "Word Order" in _terms(result)
    assert "a label over a quoted example sentence" in _unplaced(result)


def test_a_top_level_term_defined_by_quotes_stays() -> None:
    notes = '# Security\n\n- **Phishing:** "Your account is locked, click here now!", a fake message\n'
    assert "Phishing" in _terms(import_notes(notes, notes_name="sec.md"))


def test_a_label_over_a_worked_sum_is_no_term() -> None:
    notes = (
        "# Words\n\n- **Suffix:** a part added after a word (e.g. -ful).\n\n"
        '- **Joined:** "Hope" + "ful" = "Hopeful."\n'
    )
    result = import_notes(notes, notes_name="words.md")
    assert _terms(result) == ["Suffix"]
    assert "a label over a worked sum" in _unplaced(result)


def test_a_light_verb_before_a_sentence_named_term_is_dropped() -> None:
    notes = "# Data\n\nUsing **sparse** data means most values are zero.\n"
    assert _terms(import_notes(notes, notes_name="data.md")) == ["sparse data"]


def test_a_term_that_starts_with_another_ing_word_keeps_it() -> None:
    notes = "# Data\n\nLearning **rate** means how big each step of training is.\n"
    assert _terms(import_notes(notes, notes_name="data.md")) == ["Learning rate"]


def test_a_front_cut_off_at_a_preposition_over_points_is_no_term() -> None:
    notes = (
        "# Maps\n\n## Tropics lie between\n\n- 23 & 24 N\n- 23 & 24 S\n\n"
        "## Equator\n\nThe line at 0 degrees.\n"
    )
    result = import_notes(notes, notes_name="maps.md")
    assert _terms(result) == ["Equator"]
    assert "a line cut off before the points below it" in _unplaced(result)


def test_a_name_ending_in_a_preposition_with_its_own_meaning_stays() -> None:
    notes = "# Power\n\n## Stand by\n\nA mode where a device waits with its screen off.\n"
    assert _terms(import_notes(notes, notes_name="power.md")) == ["Stand by"]
