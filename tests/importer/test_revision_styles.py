"""Revision-sheet styles: mind-map exports (``## ## 1. Part``), emphasised labels over terms set side by
side (``**Label**: A (gloss) vs. B (gloss)``), nested outlines of kinds, and a lone heading over its line."""

from __future__ import annotations

from bot.importer import import_notes
from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge_text, normalize_name


def kb_of(notes: str) -> KnowledgeBase:
    result = import_notes(notes, notes_name="notes.md")
    return load_knowledge_text(result.text, "notes.yaml")


def entry(kb: KnowledgeBase, name: str) -> Entry:
    wanted = normalize_name(name)
    found = [e for e in kb.entries if wanted in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, f"{name!r}: {[e.term for e in found]}"
    return found[0]


def terms(kb: KnowledgeBase) -> set[str]:
    return {e.term for e in kb.entries}


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
