"""Faults found grading seed-2 questions on notes nobody tuned on, each kind on a small knowledge base:
wiki links shown raw, an option that is another entry the question's entry contains, an acronym whose
expansion spells it, typed answers nobody would type, prompts left unreadable by blanks."""

from __future__ import annotations

import random

from bot.knowledge import Entry, KnowledgeBase
from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from tests.quiz.conftest import entry_of, make_kb

FILLERS = [
    ("Borrowing", "References to values without taking ownership."),
    ("Crate", "A compilation unit, a library or a binary, with its own root module."),
    ("Enum", "A sum type with a finite set of named variants that may carry data."),
    ("Trait", "A collection of function signatures over Self that types implement."),
]


def _rounds(kb: KnowledgeBase, seeds: range, count: int = 30, mode: QuizMode = QuizMode.MIXED):
    """Every question of rounds of ``count`` with each seed."""
    for seed in seeds:
        generator = QuestionGenerator(kb, random.Random(seed))
        yield from generator.generate(RoundSettings(questions=count, mode=mode))


def test_wiki_links_show_their_text_in_prompts_and_options() -> None:
    kb = make_kb(
        {
            "Morphology": [
                ("Bound Morphemes", "[[Prefixes]] or [[Suffixes|suffix]] that must be attached to a word."),
                ("Free Morphemes", "Words that can stand alone, see [[Morphology#Free]] ![[tree.png]]."),
                *FILLERS,
            ]
        }
    )
    shown = [text for q in _rounds(kb, range(6)) for text in (q.prompt, *q.choices)]
    assert any("Prefixes or suffix that must" in text for text in shown)
    assert any("stand alone, see Morphology." in text for text in shown)
    assert not any("[[" in text or "]]" in text or "tree.png" in text for text in shown)


ACCOUNTING = [
    ("Fundamental accounting equation", "A = L + E / DEAR-CLIP"),
    ("DEAR-CLIP", "Drawings + Expenses + Assets + Receivables = Capital + Liabilities + Income + Payables"),
    ("DEA-LER", "Dividends, Expenses, Assets & Liabilities, Equity, Revenue; 1-3=Debits, 4-6=Credits"),
    ("Contra Account", "An account with an average balance opposite that of a related account."),
    ("Contra Asset Account", "A contra account that reduces the balance of an asset account."),
    ("Transposition", "Accidentally switching the order of digits in a number."),
    ("Posting", "Transferring recorded transactions from the general journal to the ledger."),
    ("Internal Control", "Policies implemented to safeguard assets and ensure accurate records."),
    ("Salvage Value", "An asset's estimated resale or scrap value at the end of its useful life."),
]


def test_an_entry_named_in_a_definition_is_never_its_wrong_meaning() -> None:
    # DEAR-CLIP's formula is what "A = L + E / DEAR-CLIP" says too: offered as wrong, two options are right
    # (the formula reordered, so that its initials do not spell DEAR-CLIP, which leaves it out)
    formula = "Assets + Drawings + Expenses + Receivables = Capital + Income + Liabilities + Payables"
    notes = [(t, formula if t == "DEAR-CLIP" else d) for t, d in ACCOUNTING]
    kb = make_kb({"Accounting": notes})
    definitions = dict(notes)
    asked = {"Fundamental accounting equation": 0, "DEAR-CLIP": 0, "Contra Asset Account": 0}
    pairs = {
        "Fundamental accounting equation": "DEAR-CLIP",
        "DEAR-CLIP": "Fundamental accounting equation",
        "Contra Asset Account": "Contra Account",
    }
    for question in _rounds(kb, range(12), mode=QuizMode.BUTTONS):
        term = question.entry.term
        if term not in pairs:
            continue
        asked[term] += 1
        other = definitions[pairs[term]]
        wrong = [c for i, c in enumerate(question.choices) if i != question.answer_index]
        if question.kind is QuestionKind.MEANING:
            assert other not in wrong
        if question.kind is QuestionKind.TRUE_FALSE and question.answer_index == 1:
            assert other not in question.prompt
    assert all(asked.values())


def test_an_acronym_its_definition_spells_by_initials_is_never_asked_nor_offered() -> None:
    notes = [
        *ACCOUNTING,
        ("ALORE", "= Assets, Liabilities, Owner's Equity, Revenue, Expenses"),
        ("SOLE", "Statement Of Liabilities and Equity, drawn up at the end of each period"),
    ]
    kb = make_kb({"Accounting": notes})
    spelt = {"ALORE", "DEAR-CLIP", "DEA-LER"}
    definitions = {t: d.removeprefix("= ") for t, d in notes}
    for question in _rounds(kb, range(10)):
        assert question.entry.term not in spelt
        assert not spelt & set(question.choices)
        assert not any(definitions[t] in question.prompt or definitions[t] in question.choices for t in spelt)
    # where the masking hides the long name in capitals ("____, drawn up at ..."), it is named as before
    generator = QuestionGenerator(kb, random.Random(0))
    assert QuestionKind.WHICH_TERM in generator.kinds_for(entry_of(kb, "SOLE"), QuizMode.MIXED)
    assert not generator.typed_prompt(entry_of(kb, "SOLE")).startswith("Statement Of")


def test_no_typed_question_whose_answer_nobody_would_type() -> None:
    kb = make_kb(
        {
            "Music theory": [
                ("invert a triad", "Take the lowest note of the chord and place it up an octave."),
                ("Octave", "The interval between one pitch and another with double its frequency."),
                ("Tritone", "An interval of six half steps, splitting the octave in two."),
                ("Unison", "Two voices sounding the very same pitch at the same time."),
            ],
            "Gases": [
                (
                    "Properties of an ideal gas",
                    "Identical molecules in random motion, with elastic collisions.",
                ),
                ("Ideal Gas", "A gas with no intermolecular forces that obeys pV = nRT at all temperatures."),
                ("Properties of a plasma", "Charged particles that respond strongly to electric fields."),
                (
                    "Boyle's Law",
                    "At constant temperature the volume of a gas is inversely proportional to pressure.",
                ),
            ],
        }
    )
    generator = QuestionGenerator(kb, random.Random(0))
    for term in ("invert a triad", "Properties of an ideal gas"):
        kinds = generator.kinds_for(entry_of(kb, term), QuizMode.MIXED)
        assert kinds, term
        assert QuestionKind.WHICH_TERM not in kinds, term
    # a heading about nothing else the notes name is typed, its subject taken ("plasma")
    plasma = entry_of(kb, "Properties of a plasma")
    assert QuestionKind.WHICH_TERM in generator.kinds_for(plasma, QuizMode.MIXED)
    assert generator.make(plasma, QuestionKind.WHICH_TERM).is_correct("plasma")
    assert QuestionKind.WHICH_TERM in generator.kinds_for(entry_of(kb, "Octave"), QuizMode.MIXED)


def test_a_sibling_term_the_definition_names_is_not_blanked_into_a_second_answer() -> None:
    # "A ____ that reduces the balance of an ____" fits Contra Account as well as Contra Asset Account
    kb = make_kb({"Accounting": ACCOUNTING})
    generator = QuestionGenerator(kb, random.Random(0))
    entry = entry_of(kb, "Contra Asset Account")
    assert generator.typed_prompt(entry).startswith("A contra account that reduces the balance of an ____")
    assert generator.pick_prompt(entry).startswith("A contra account that reduces the balance of an ____")


def test_a_sentence_blanks_leave_unreadable_is_left_out_of_the_prompt() -> None:
    form = (
        "A two-column spreadsheet (debit and credit) that presents each account's balances and net changes"
        " during a specific period. A ledger account form that shows the account balance after each entry"
        " is posted."
    )
    kb = make_kb({"Accounting": [*ACCOUNTING, ("Balance Ledger Form", form)]})
    generator = QuestionGenerator(kb, random.Random(0))
    entry = entry_of(kb, "Balance Ledger Form")
    for prompt in (generator.typed_prompt(entry), generator.pick_prompt(entry)):
        assert prompt.startswith("A two-column spreadsheet (debit and credit)"), prompt
        assert "after each entry" not in prompt
        assert prompt.count("____") <= 1


def test_a_long_name_is_hidden_whole_or_not_at_all_in_what_an_acronym_means() -> None:
    # "Additional Paid" spells ADIP only by cutting "Paid-In": the option read '"____-In Capital," ...'
    adip = ("ADIP", '"Additional Paid-In Capital," This is an owner\'s equity account title.')
    kb = make_kb({"Accounting": [*ACCOUNTING, adip]})
    generator = QuestionGenerator(kb, random.Random(0))
    assert generator.meaning(entry_of(kb, "ADIP")) == adip[1]
    radius = ("RADIUS", "Remote Authentication Dial-In User Service, a protocol for central logins.")
    kb = make_kb({"Security": [*FILLERS, radius]})
    generator = QuestionGenerator(kb, random.Random(0))
    assert generator.meaning(entry_of(kb, "RADIUS")) == "____, a protocol for central logins."


def test_a_flagged_entry_s_name_is_blanked_as_before() -> None:
    kb = make_kb(
        {"Gases": [*FILLERS, ("Properties of an ideal gas", "An ideal gas has identical molecules.")]}
    )
    flagged = Entry(term="Ideal Gas", definition="A gas obeying pV = nRT.", topic=kb.topics[0], checks=("?",))
    kb.entries.append(flagged)
    generator = QuestionGenerator(kb, random.Random(0))
    assert "ideal gas" not in generator.pick_prompt(entry_of(kb, "Properties of an ideal gas")).casefold()


def test_a_true_statement_never_shows_the_term_in_another_form() -> None:
    # "**Crystalline Rocks**: ... different mineral crystals fuse together" is true by its word
    rocks = [
        (
            "Crystalline Rocks",
            "Heated together until different mineral crystals fuse, then cool into one mass.",
        ),
        ("Igneous Rocks", "Form by the solidification of molten rock deep underground or at the surface."),
        (
            "Sedimentary rocks",
            "Cementing together rock fragments out of water solutions over thousands of years.",
        ),
        ("Erosion", "Rock formations break off pieces over time, from wind, rain, or other reasons."),
    ]
    kb = make_kb({"Rocks": rocks})
    for question in _rounds(kb, range(12), mode=QuizMode.BUTTONS):
        if question.entry.term == "Crystalline Rocks" and question.kind is QuestionKind.TRUE_FALSE:
            assert question.answer_index == 1
        if question.entry.term == "Crystalline Rocks":
            assert question.kind is not QuestionKind.MEANING


def test_a_labelled_definition_takes_options_of_its_label() -> None:
    # "Interval: 6 half steps." above Tritone, Chromatic, Octave, Downbeat leaves Tritone vs Octave
    notes = [
        ("Chromatic scale", "Half steps in succession, all twelve of them."),
        ("Downbeat", "First beat of a bar."),
        ("Dynamics", "Musical expression from soft to loud."),
        ("Tritone", "Interval: 6 half steps."),
        ("Octave", "Interval: 12 half steps."),
        ("Major Third", "Interval: 4 half steps."),
        ("Minor Third", "Interval: 3 half steps."),
    ]
    kb = make_kb({"Music theory": notes})
    intervals = {t for t, d in notes if d.startswith("Interval:")}
    seen = 0
    for question in _rounds(kb, range(10), mode=QuizMode.BUTTONS):
        if question.entry.term in intervals and question.kind is QuestionKind.PICK_TERM:
            seen += 1
            assert set(question.choices) <= intervals, question.choices
    assert seen


def test_a_kind_numbered_apart_is_blanked_whole_above_its_sibling() -> None:
    """A new user's find: Type I hypervisor's prompt read "... more efficient than a ____ II ____": the
    sibling's numeral left showing points at the answer. Only a number or letter apart; a word apart
    ("food chains" in Food web's) stays, since it says what the definition means."""
    kb = make_kb(
        {
            "Virtualization": [
                ("Type I hypervisor", "Runs on the hardware; it is faster than a Type II hypervisor."),
                ("Type II hypervisor", "Runs on top of a host operating system."),
                ("Food web", "A combination of many food chains."),
                ("Food chain", "Who eats whom, in one line."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    assert generator.pick_prompt(entry_of(kb, "Type I hypervisor")).endswith("faster than a ____.")
    assert generator.pick_prompt(entry_of(kb, "Food web")) == "A combination of many ____ chains."
