"""A prompt never shows the term written another way: another form of its word, the notes' misspelling of
it, a short word written out, or its number (session 12's seed-5 grading, issue 14)."""

from __future__ import annotations

import random

from bot.knowledge import KnowledgeBase
from bot.quiz import QuestionGenerator, QuestionKind, QuizMode
from bot.quiz.answers import BLANK
from tests.quiz.conftest import entry_of, make_kb

DESIGN = make_kb(
    {
        "Design": [
            # the notes' heading misspells the word its definition ends on
            ("Tecture", "The tactile quality of a surface, or a picture of such a quality, is a texture."),
            ("Radial balance", "Symmetry around a centre point: the elements radiate out from the middle."),
            ("Symmetry", "An equal distribution of visual weight mirrored on either side of an axis."),
            ("Contrast", "Placing unlike elements side by side so that each stands out more."),
            ("Proximity", "Grouping related items close together so they read as one unit."),
        ]
    }
)

ECOLOGY = make_kb(
    {
        "Ecology": [
            ("The rule of 10%", "Only 10% of the energy of one trophic level reaches the next level up."),
            ("Keystone species", "A species that keeps the structure and stability of an ecosystem."),
            ("Limiting factors", "Conditions such as food or space that keep a population in check."),
            ("Nitrogen fixation", "Bacteria turning nitrogen gas from the air into ammonia."),
            ("Biomass pyramid", "A diagram of how much living matter each feeding level holds."),
        ]
    }
)

GOVERNMENT = make_kb(
    {
        "Government": [
            ("Fed 51", "Federalist Paper No. 51, by James Madison, on checks and balances between branches."),
            ("Judicial Review", "The power of the courts to strike down laws that break the constitution."),
            ("Extradition", "Returning a fugitive to the state where the crime was committed."),
            ("Devolution", "Handing powers from the national government down to the states."),
            ("Implied Powers", "Powers the constitution does not list but that follow from its words."),
        ]
    }
)


def _prompts(kb: KnowledgeBase, term: str) -> list[str]:
    generator = QuestionGenerator(kb, random.Random(0))
    entry = entry_of(kb, term)
    prompts = [generator.typed_prompt(entry), generator.pick_prompt(entry)]
    for seed in range(6):
        generator.rng.seed(seed)
        prompts.append(generator.make(entry, QuestionKind.PICK_TERM).prompt)
    return prompts


def test_a_typed_prompt_hides_another_form_of_a_word_of_the_term() -> None:
    """ "the elements radiate out" says Radial balance: hidden above a typed answer as above options."""
    for prompt in _prompts(DESIGN, "Radial balance"):
        assert "radiate" not in prompt, prompt
        assert BLANK in prompt, prompt


def test_the_word_a_misspelt_term_stands_for_is_hidden() -> None:
    """The notes' heading "Tecture" over "... is a texture": the prompt's last word was the answer, and the
    meaning question would be answered by it; the statement that names the term may still be asked."""
    for prompt in _prompts(DESIGN, "Tecture"):
        assert "texture" not in prompt.casefold(), prompt
    generator = QuestionGenerator(DESIGN, random.Random(0))
    kinds = generator.kinds_for(entry_of(DESIGN, "Tecture"), QuizMode.BUTTONS)
    assert QuestionKind.MEANING not in kinds
    # words of one letter apart that are shorter stay ("Symmetry" is no misspelling of anything here)
    assert "visual weight" in generator.typed_prompt(entry_of(DESIGN, "Symmetry"))


def test_the_number_of_a_term_is_hidden() -> None:
    """ "Only 10% of the energy" above the option The rule of 10% points at it; its meaning shows it too."""
    for prompt in _prompts(ECOLOGY, "The rule of 10%"):
        assert "10%" not in prompt, prompt
    generator = QuestionGenerator(ECOLOGY, random.Random(0))
    assert QuestionKind.MEANING not in generator.kinds_for(
        entry_of(ECOLOGY, "The rule of 10%"), QuizMode.BUTTONS
    )
    # another number stays: "Only 10% ... " says nothing of a term without one
    assert "Only" in generator.typed_prompt(entry_of(ECOLOGY, "The rule of 10%"))


def test_a_short_word_of_the_term_written_out_is_hidden() -> None:
    """ "Federalist Paper No. 51" is Fed 51 written out: both its words go, the rest stays to answer from."""
    prompt = QuestionGenerator(GOVERNMENT, random.Random(0)).typed_prompt(entry_of(GOVERNMENT, "Fed 51"))
    assert "Federalist" not in prompt, prompt
    assert "51" not in prompt, prompt
    assert "James Madison" in prompt, prompt
    # a capitalised word opening another word of the definition is not written out unless it is short:
    # "Judicial Review" keeps "courts"
    assert "courts" in QuestionGenerator(GOVERNMENT, random.Random(0)).typed_prompt(
        entry_of(GOVERNMENT, "Judicial Review")
    )


COMPROMISES = make_kb(
    {
        "Convention": [
            (
                "⅗ Compromise",
                "Counted each enslaved person as three-fifths of a person for seats in the House.",
            ),
            (
                "Great Compromise",
                "Two houses: seats by population in one, equal seats per state in the other.",
            ),
            ("Virginia Plan", "Two houses with seats by population, favouring the large states."),
            ("New Jersey Plan", "One house with equal seats for every state, favouring the small states."),
            ("Bill of Rights", "The first ten amendments, listing the freedoms of the people."),
        ]
    }
)


def test_the_number_of_a_term_written_out_is_hidden_and_taken() -> None:
    """ "three-fifths of a person" is ⅗ Compromise written out: hidden above a typed answer and above options,
    never the right option of its meaning, and a typed "three-fifths compromise" is right, as "3/5" is."""
    entry = entry_of(COMPROMISES, "⅗ Compromise")
    for prompt in _prompts(COMPROMISES, "⅗ Compromise"):
        assert "fifths" not in prompt, prompt
        assert "enslaved person" in prompt, prompt
    generator = QuestionGenerator(COMPROMISES, random.Random(0))
    assert QuestionKind.MEANING not in generator.kinds_for(entry, QuizMode.BUTTONS)
    question = generator.make(entry, QuestionKind.WHICH_TERM)
    for answer in ("three-fifths compromise", "Three fifths Compromise", "3/5 compromise", "⅗ Compromise"):
        assert question.is_correct(answer), answer
    assert not question.is_correct("great compromise")
    # "ten" of the Bill of Rights' "first ten amendments" is no number of its term: it stays
    assert "ten" in generator.typed_prompt(entry_of(COMPROMISES, "Bill of Rights"))


UNEMPLOYMENT = make_kb(
    {
        "Unemployment": [
            (
                "Frictional unemployment",
                "Time spent between jobs ('aka' search unemployment). Short for most.",
            ),
            ("Structural unemployment", "Skills no longer match the jobs open (similar to frictional)."),
            ("Classical unemployment", "Wages held above the level that clears the labour market."),
            ("Cyclical unemployment", "Jobs lost when demand falls in a recession."),
            ("Seasonal unemployment", "Work that stops at a time of year, like harvest hands in winter."),
        ]
    }
)


def test_another_name_the_definition_gives_is_hidden_and_taken() -> None:
    """ "('aka' search unemployment)" left in the definition by the import: shown above a typed answer it
    gives a name for the term, which a typed answer may give; hidden, the rest still says what it is."""
    entry = entry_of(UNEMPLOYMENT, "Frictional unemployment")
    generator = QuestionGenerator(UNEMPLOYMENT, random.Random(0))
    assert "search" not in generator.typed_prompt(entry)
    assert "between jobs" in generator.typed_prompt(entry)
    question = generator.make(entry, QuestionKind.WHICH_TERM)
    assert question.is_correct("search unemployment")
    assert question.is_correct("frictional unemployment")
