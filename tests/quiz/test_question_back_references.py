"""Definitions that say too little alone: one that only points at the row above it ("Same (from lower body)")
is never asked and the row above is never named from its definition, which is both rows'; a judgement ("Very
unintuitive") is never asked nor offered; a negation ("Not consequentialism") is never another term's wrong
option (session 12's seed-5 grading, issue 14)."""

from __future__ import annotations

import random

from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from tests.quiz.conftest import entry_of, make_kb

VESSELS = make_kb(
    {
        "Vessels": [
            ("Aorta", "Main artery carrying blood to the body."),
            ("Upper vein", "Returns used blood to the right atrium."),
            ("Lower vein", "Same (from the legs and belly)"),
            ("Lung arteries", "Carry used blood to the lungs."),
            ("Lung veins", "Bring fresh blood back to the left atrium."),
            ("Capillaries", "Tiny vessels where blood trades gases with tissue."),
        ]
    }
)


def test_a_definition_that_points_at_the_row_above_is_never_asked_and_the_row_above_never_named() -> None:
    """ "Same (from the legs and belly)" says nothing alone; "Returns used blood to the right atrium" is
    then both rows' meaning, so nobody can name the one meant from it (typed or picked)."""
    generator = QuestionGenerator(VESSELS, random.Random(0))
    kinds = generator.kinds_for(entry_of(VESSELS, "Upper vein"), QuizMode.MIXED)
    assert QuestionKind.WHICH_TERM not in kinds
    assert QuestionKind.PICK_TERM not in kinds
    asked = generator.generate(RoundSettings(questions=40, mode=QuizMode.MIXED))
    assert all(q.entry.term != "Lower vein" for q in asked)
    assert not any("Same (" in " ".join((q.prompt, *q.choices)) for q in asked)
    # "Same as a hub, but ..." says what it is like: it is asked
    kb = make_kb(
        {
            "Network": [
                *[(t, d) for t, d in _ROWS],
                ("Switch", "Same as a hub, but it sends frames to one port."),
            ]
        }
    )
    assert any(
        q.entry.term == "Switch"
        for q in QuestionGenerator(kb, random.Random(0)).generate(RoundSettings(questions=20))
    )


_ROWS = [
    ("Hub", "Repeats every frame out of all its ports."),
    ("Router", "Forwards packets between networks by their addresses."),
    ("Firewall", "Filters traffic by rules on ports and addresses."),
    ("Modem", "Turns a digital signal into one a phone line carries."),
]


THEORIES = make_kb(
    {
        "Ethics": [
            ("Relativism", "Very unintuitive"),
            ("Egoism", "Serving oneself"),
            ("Deontology", "Not consequentialism"),
            ("Hedonism", "Pleasure alone"),
            ("Utilitarianism", "Greatest happiness"),
            ("Virtue ethics", "Good character"),
            ("Contractualism", "Agreed rules"),
        ]
    }
)


def test_a_definition_that_only_judges_is_never_asked_nor_offered() -> None:
    """ "Very unintuitive" is an opinion that fits any theory: nobody could name or pick the one meant."""
    asked = QuestionGenerator(THEORIES, random.Random(0)).generate(
        RoundSettings(questions=40, mode=QuizMode.MIXED)
    )
    assert asked
    assert all(q.entry.term != "Relativism" for q in asked)
    assert not any("unintuitive" in " ".join((q.prompt, *q.choices)) for q in asked)
    # an intensifier opening a longer definition is no judgement: "Very large scale integration" is asked
    chips = make_kb({"Chips": [*_ROWS, ("VLSI", "Very large scale integration of many chips on one die.")]})
    asked = QuestionGenerator(chips, random.Random(0)).generate(
        RoundSettings(questions=20, mode=QuizMode.MIXED)
    )
    assert any(q.entry.term == "VLSI" for q in asked)


def test_a_definition_that_only_negates_is_never_another_terms_wrong_option() -> None:
    """ "Not consequentialism" is true of Hedonism's rivals too: never a wrong meaning nor a false statement
    about another term; Deontology is still asked by it."""
    generator = QuestionGenerator(THEORIES, random.Random(0))
    for seed in range(12):
        generator.rng.seed(seed)
        for entry in THEORIES.entries:
            if entry.term in ("Deontology", "Relativism"):
                continue
            for kind in (QuestionKind.MEANING, QuestionKind.TRUE_FALSE):
                question = generator.make(entry, kind)
                assert "Not consequentialism" not in " ".join((question.prompt, *question.choices))
    deontology = next(e for e in THEORIES.entries if e.term == "Deontology")
    assert generator.make(deontology, QuestionKind.MEANING).answer == "Not consequentialism"


def test_a_false_statement_never_shows_a_word_of_the_term() -> None:
    """ "**Frictional unemployment**: Skills no longer match the jobs open (similar to frictional)" is false
    by its own words: another definition is shown where the notes have one."""
    kb = make_kb(
        {
            "Unemployment": [
                ("Frictional unemployment", "Time spent between jobs while searching for the next one."),
                ("Structural unemployment", "Skills no longer match the jobs open (similar to frictional)."),
                ("Classical unemployment", "Wages held above the level that clears the labour market."),
                ("Cyclical unemployment", "Jobs lost when demand falls in a recession."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(0))
    entry = next(e for e in kb.entries if e.term == "Frictional unemployment")
    for seed in range(12):
        generator.rng.seed(seed)
        question = generator.make(entry, QuestionKind.TRUE_FALSE)
        assert "similar to frictional" not in question.prompt, question.prompt
