"""Options are of the right one's kind where the notes say which entries are: a name on the same head noun,
or an entry listed next to it under the same heading (session 12's seed-5 grading, issue 14)."""

from __future__ import annotations

import random

from bot.knowledge import KnowledgeBase
from bot.quiz import QuestionGenerator, QuestionKind
from tests.quiz.conftest import entry_of, make_kb

#: One heading holding grants among other things of two words each.
GOVERNMENT = make_kb(
    {
        "Vocabulary": [
            ("Limited Government", "Government power restricted by laws and a constitution for rights."),
            ("Judicial Review", "The power of the courts to rule on whether laws are constitutional."),
            ("Implied Powers", "Powers not stated in the constitution but inferred from its words."),
            ("Categorical Grants", "Federal grants usable only for specific purposes, with conditions."),
            ("Popular Sovereignty", "The people are the source of the government's authority."),
            ("Block Grants", "Federal grants states may spend with much freedom, tied to no program."),
            ("Dual Sovereignty", "States and the nation each hold final authority in their own sphere."),
            ("Project Grants", "Federal grants awarded through competitive applications for projects."),
            ("Checks Balances", "Each branch can limit the actions of the other branches of government."),
            ("Formula Grants", "Federal grants shared out by a fixed formula of population and need."),
            ("Virginia Plan", "A proposal for two houses with seats by population, for large states."),
            ("New Jersey Plan", "A proposal for one house with equal seats per state, for small states."),
            ("Writ Habeas", "An order to bring a prisoner before a judge to test the detention."),
        ]
    }
)

#: A heading whose entries are two lists: kinds of positioning, then the steps of a buying process.
MARKETING = make_kb(
    {
        "Marketing": [
            ("Positioning", "Creating a clear and desirable place in the customer's mind."),
            ("Repositioning", "Changing how consumers see a product after it is launched."),
            ("Head-to-head", "Comparing directly to rivals on the same attributes."),
            ("Differentiation", "Stressing the attributes that make the product different."),
            ("Problem recognition", "A buyer finds the current suppliers fall short of a need."),
            ("Information search", "Engineers write specs and more stakeholders join in."),
            ("Evaluation of alternatives", "Bids are requested and compared on price and quality."),
            ("Purchase decision", "Lengthy negotiation and approval of the order."),
            ("Post-purchase behaviour", "Formal evaluation and monitoring of the supplier afterwards."),
        ]
    }
)


def _choices(kb: KnowledgeBase, term: str, kind: QuestionKind, seeds: int = 12) -> list[tuple[str, ...]]:
    generator = QuestionGenerator(kb, random.Random(0))
    found = []
    for seed in range(seeds):
        generator.rng.seed(seed)
        question = generator.make(entry_of(kb, term), kind)
        assert question.kind is kind
        found.append(question.choices)
    return found


def test_options_of_a_name_share_its_head_noun_where_the_notes_have_such_names() -> None:
    """ "Federal grants awarded through competitive applications" above Project Grants among Limited
    Government and Judicial Review leaves two real choices: every option is a grant."""
    grants = {e.term for e in GOVERNMENT.entries if e.term.endswith("Grants")}
    for choices in _choices(GOVERNMENT, "Project Grants", QuestionKind.PICK_TERM):
        assert set(choices) <= grants, choices


def test_a_name_on_the_same_head_noun_is_offered_whatever_its_length() -> None:
    """Virginia Plan is the option New Jersey Plan's prompt is to be told from, though one word shorter."""
    for choices in _choices(GOVERNMENT, "New Jersey Plan", QuestionKind.PICK_TERM):
        assert "Virginia Plan" in choices, choices


def test_options_are_the_entries_listed_next_to_the_right_one() -> None:
    """The steps of a buying process are offered beside a step, not the kinds of positioning listed before
    them under the same heading; the meaning's options too."""
    steps = [e.term for e in MARKETING.entries][4:]
    said = {e.definition: e.term for e in MARKETING.entries}
    for choices in _choices(MARKETING, "Purchase decision", QuestionKind.PICK_TERM):
        assert set(choices) <= set(steps), choices
    for choices in _choices(MARKETING, "Purchase decision", QuestionKind.MEANING):
        assert {said[c] for c in choices} <= set(steps), choices


#: Court cases among other things of three words, the cases apart in the list.
COURTS = make_kb(
    {
        "Vocabulary": [
            ("Marbury v. Madison", "The case that gave the courts the power to strike down laws."),
            ("Right to Petition", "The freedom to ask the government to fix a wrong."),
            ("Rule of Law", "Nobody stands above the law, rulers included."),
            ("Checks and Balances", "Each branch can limit the actions of the other branches."),
            ("Judicial Review", "The power of the courts to rule on whether laws are constitutional."),
            ("McCulloch v. Maryland", "The case that upheld implied powers and the national bank."),
            ("Full Faith Credit", "States honour the public acts and records of other states."),
            ("Separation of Powers", "Government split into three branches with their own duties."),
            ("Gibbons v. Ogden", "The case that widened Congress's power over trade between states."),
        ]
    }
)


def test_options_of_a_name_are_names_built_alike() -> None:
    """A court case ("X v. Y") is offered beside the other cases, wherever the list has them, not beside
    the entries listed next to it."""
    cases = {"Marbury v. Madison", "McCulloch v. Maryland", "Gibbons v. Ogden"}
    for choices in _choices(COURTS, "McCulloch v. Maryland", QuestionKind.PICK_TERM):
        assert cases <= set(choices), choices


#: A heading's name over its kinds, listed right before them and written otherwise.
CHORDS = make_kb(
    {
        "Chords": [
            ("Triad", "Three notes stacked in thirds."),
            ("Seventh chord", "A triad with a seventh added on top."),
            ("Power chord", "A root and fifth without any third."),
            ("Suspended chord", "A triad without its third, a second or fourth instead."),
            ("sus2", "The second takes the place of the third."),
            ("sus4", "The fourth takes the place of the third."),
            ("Inversion", "A chord whose lowest note is not its root."),
            ("Voicing", "How the notes of a chord are spread across octaves."),
            ("Cadence", "Two chords that close a phrase."),
        ]
    }
)


def test_a_heading_name_over_its_kinds_is_not_taken_for_one_of_them() -> None:
    """ "A triad without its third, a second or fourth instead" (Suspended chord, listed just before) is
    sus4's meaning too: listed next to it but written otherwise, it is no nearer an option than the rest,
    while sus2, written alike, is."""
    said = {e.definition: e.term for e in CHORDS.entries}
    found = [{said[c] for c in choices} for choices in _choices(CHORDS, "sus4", QuestionKind.MEANING)]
    assert all("sus2" in terms for terms in found), found
    assert sum("Suspended chord" in terms for terms in found) < len(found) / 2, found


#: Vocabulary: nouns with their plurals, and words and phrases written once.
VOCABULARY = make_kb(
    {
        "Words": [
            ("das Blatt/die Blätter", "Leaf"),
            ("das Handtuch/die Handtücher", "Hand towel"),
            ("der Berg/die Berge", "Mountain"),
            ("das Schiff/die Schiffe", "Ship"),
            ("den ganzen Tag", "The entire day"),
            ("den Boden", "The floor"),
            ("das Kindlein", "Child"),
            ("der Bleistift", "Pencil"),
            ("das Eigentum", "Property"),
        ]
    }
)


def test_a_name_written_once_is_offered_among_names_written_once() -> None:
    """ "The entire day" above three nouns written with their plurals leaves the one phrase standing out:
    its options are written once too, and a noun with its plural is offered among such nouns."""
    pairs = {e.term for e in VOCABULARY.entries if "/" in e.term}
    for choices in _choices(VOCABULARY, "den ganzen Tag", QuestionKind.PICK_TERM):
        assert not set(choices) & pairs, choices
    for choices in _choices(VOCABULARY, "der Berg/die Berge", QuestionKind.PICK_TERM):
        assert set(choices) <= pairs, choices


def test_the_right_name_is_never_the_odd_one_out_among_one_family_of_names() -> None:
    """Three grants beside Political Culture leave it the odd one out: options of one head noun are one
    at most where the right name is not of it and others are there to offer (graded blind, session 12: 10
    of 51 poor questions); the grants themselves still take each other as options."""
    kb = make_kb(
        {
            "Federalism": [
                ("Categorical Grants", "Federal grants usable only for specific purposes, with conditions."),
                ("Block Grants", "Federal grants states may spend with much freedom, tied to no program."),
                ("Political Culture", "The widely shared beliefs and values of a people about government."),
                ("Project Grants", "Federal grants awarded through competitive applications for projects."),
                ("Formula Grants", "Federal grants shared out by a fixed formula of population and need."),
                ("Judicial Review", "The power of the courts to rule on whether laws are constitutional."),
                ("Popular Sovereignty", "The people are the source of the government's authority."),
            ]
        }
    )
    grants = {"Categorical Grants", "Block Grants", "Project Grants", "Formula Grants"}
    for choices in _choices(kb, "Political Culture", QuestionKind.PICK_TERM, seeds=20):
        assert "Political Culture" in choices
        assert len(grants & set(choices)) <= 1, choices
    for choices in _choices(kb, "Block Grants", QuestionKind.PICK_TERM):
        assert len(grants & set(choices)) >= 3, choices
