"""Faults found grading generated questions on real notes: each kind on a small knowledge base."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bot.knowledge import Entry, KnowledgeBase
from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from bot.quiz.questions import _meaning_prompt
from tests.quiz.conftest import entry_of, make_kb

FILLERS = [
    ("Borrowing", "References to values without taking ownership."),
    ("Crate", "A compilation unit, a library or a binary, with its own root module."),
    ("Enum", "A sum type with a finite set of named variants that may carry data."),
    ("Trait", "A collection of function signatures over Self that types implement."),
]


def _typed_answers(kb: KnowledgeBase) -> Callable[[str, str], bool]:
    """``accepts(term, answer)``: whether the typed question on ``term`` (seed 1) takes ``answer``."""
    generator = QuestionGenerator(kb, random.Random(1))

    def accepts(term: str, answer: str) -> bool:
        return generator.make(entry_of(kb, term), QuestionKind.WHICH_TERM).is_correct(answer)

    return accepts


def _everything_shown(kb: KnowledgeBase, seeds: range, count: int = 30) -> list[tuple[str, str]]:
    """``(asked term, text)`` of every prompt and option of mixed rounds with each seed."""
    shown = []
    for seed in seeds:
        generator = QuestionGenerator(kb, random.Random(seed))
        for question in generator.generate(RoundSettings(questions=count, mode=QuizMode.MIXED)):
            shown.append((question.entry.term, question.prompt))
            shown.extend((question.entry.term, choice) for choice in question.choices)
    return shown


@pytest.mark.parametrize(
    ("term", "definition"),
    [
        # a wrapped line starting with code was lost: the sentence stops on "to", "as" or an open bracket
        ("Method", "Function in an impl with a receiver; a.m(x) desugars to"),
        ("Associated function", "Function in an impl without a receiver; called as"),
        ("Lifetimes", "Names for the regions during which references are valid (e.g.,"),
        ("Reference Sheet", "Pair with"),
    ],
)
def test_a_definition_cut_off_is_never_asked_or_offered(term: str, definition: str) -> None:
    kb = make_kb({"Rust": [(term, definition), *FILLERS]})
    for asked, text in _everything_shown(kb, range(5)):
        assert asked != term
        assert definition not in text


def test_a_whole_sentence_ending_on_a_preposition_is_still_asked() -> None:
    kb = make_kb(
        {"R": [("Environment", "A structure that stores names and the values they refer to."), *FILLERS]}
    )
    assert "Environment" in {asked for asked, _ in _everything_shown(kb, range(3))}


def test_what_does_x_mean_is_not_asked_when_the_definition_only_repeats_the_terms_words() -> None:
    kb = make_kb(
        {
            "Chemistry": [
                ("Elemental ions", "Ions that are elements"),
                ("Physical layer", "Physical transmission"),
                ("IMAP4", "Port 143"),
                ("Isotope", "Atoms with the same number of protons but different numbers of neutrons"),
                ("Compound", "A substance of two or more elements chemically combined"),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    assert QuestionKind.MEANING not in generator.kinds_for(entry_of(kb, "Elemental ions"), QuizMode.BUTTONS)
    assert QuestionKind.MEANING not in generator.kinds_for(entry_of(kb, "Physical layer"), QuizMode.BUTTONS)
    # nothing of the term in it: the port is the meaning to pick
    assert QuestionKind.MEANING in generator.kinds_for(entry_of(kb, "IMAP4"), QuizMode.BUTTONS)
    assert QuestionKind.MEANING in generator.kinds_for(entry_of(kb, "Isotope"), QuizMode.BUTTONS)


ATTACKS = make_kb(
    {
        "Attacks": [
            ("Denial of Service", "Overwhelms a server by saturating its resources"),
            ("DDoS", "Denial of service performed by a botnet of many hosts"),
            ("Smurf attack", "Spoofed echo request with the target as the source"),
            ("Replay attack", "Copies credentials or a session token and sends them again later"),
            ("Ad fraud", "Forges clicks on adverts to steal revenue from advertisers"),
            ("Clickjacking", "A zero-pixel element in a page tricks the user into clicking"),
            ("SQL injection", "Unsanitized input used in a SQL query can override the query's command"),
            ("Domain hijacking", "The attacker changes the DNS record of a domain they do not own"),
        ]
    }
)


@pytest.mark.parametrize("seed", range(8))
def test_a_distractor_never_names_the_asked_term(seed: int) -> None:
    """ "Denial of service performed by a botnet" is DDoS's, but under "What does Denial of Service mean?"
    it reads as right too."""
    generator = QuestionGenerator(ATTACKS, random.Random(seed))
    dos = entry_of(ATTACKS, "Denial of Service")
    meaning = generator.make(dos, QuestionKind.MEANING)
    assert not any("denial of service" in choice.casefold() for choice in meaning.choices)
    for _ in range(4):
        statement = generator.make(dos, QuestionKind.TRUE_FALSE).prompt.split("**:", 1)[1]
        assert "denial of service" not in statement.casefold()


@pytest.mark.parametrize(
    ("term", "definition", "hidden"),
    [
        # a short word of the term is the only option with it
        ("SQL injection", "Unsanitized input used in a SQL query can override the query's command", "SQL"),
        ("ARP poisoning", "The attacker answers ARP requests claiming to be another host", "ARP"),
        # a plural of a word of the term
        (
            "Peer-to-Peer Networks",
            "Computers joined without a central authority; they are all peers",
            "peers",
        ),
    ],
)
def test_the_prompt_above_options_of_terms_hides_every_word_of_the_term(
    term: str, definition: str, hidden: str
) -> None:
    kb = make_kb({"Net": [(term, definition), *FILLERS]})
    generator = QuestionGenerator(kb, random.Random(2))
    entry = entry_of(kb, term)
    assert QuestionKind.PICK_TERM in generator.kinds_for(entry, QuizMode.BUTTONS)
    prompt = generator.make(entry, QuestionKind.PICK_TERM).prompt
    assert not re.search(rf"\b{hidden}\b", prompt, re.IGNORECASE), prompt


def test_the_right_meaning_never_spells_the_asked_acronym_out() -> None:
    kb = make_kb(
        {
            "Rust": [
                ("UFCS", "Uniform Function Call Syntax; fully qualified calls that pick one method"),
                ("Monomorphization", "Compile-time copies of generic code for each set of type arguments"),
                ("Newtype", "A tuple struct around one type to give it other trait impls"),
                ("Coherence", "A trait impl is allowed only in the crate of the trait or of the type"),
                *FILLERS,
            ]
        }
    )
    for seed in range(5):
        generator = QuestionGenerator(kb, random.Random(seed))
        question = generator.make(entry_of(kb, "UFCS"), QuestionKind.MEANING)
        assert question.answer_index is not None
        right = question.choices[question.answer_index]
        assert "Uniform Function Call Syntax" not in right
        assert "fully qualified calls" in right  # the rest still says what it is


def test_options_of_terms_share_a_symbols_form() -> None:
    """A file extension among method names is no option anyone would pick."""
    kb = make_kb(
        {
            "Unity": [
                ("Update()", "The MonoBehaviour method that runs once every frame of the game"),
                ("Start()", "Called once on the frame a script is enabled, before any update"),
                ("Awake()", "Called once when the script instance is being loaded by the engine"),
                ("FixedUpdate()", "Runs at a fixed rate independent of the frame rate, for physics"),
                (".it", "Impulse Tracker module played back by the audio engine"),
                (".xm", "FastTracker 2 module played back by the audio engine"),
                (".mod", "Ultimate Soundtracker module played back by the audio engine"),
            ]
        }
    )
    for seed in range(6):
        generator = QuestionGenerator(kb, random.Random(seed))
        question = generator.make(entry_of(kb, "Update()"), QuestionKind.PICK_TERM)
        assert all(choice.endswith("()") for choice in question.choices), question.choices


def test_a_definition_that_only_gives_an_example_is_never_asked_or_offered() -> None:
    kb = make_kb({"Ions": [("Complex ions", "E.g. [CuCl4]2-, [Cu(H2O)6]2+ around a metal"), *FILLERS]})
    for asked, text in _everything_shown(kb, range(5)):
        assert asked != "Complex ions"
        assert "CuCl4" not in text


def test_a_definition_left_with_only_pointers_to_names_is_not_asked_by_it() -> None:
    """'Aka "____" - also "bit ____"': the rest of it only says the term has other names."""
    kb = make_kb({"Attacks": FILLERS})
    kb.entries.append(
        Entry(
            term="URL hijacking",
            aliases=("typo squatting",),
            definition='Aka "typo squatting" - also "bit squatting"',
            topic=kb.topics[0],
        )
    )
    generator = QuestionGenerator(kb, random.Random(1))
    kinds = generator.kinds_for(kb.entries[-1], QuizMode.MIXED)
    assert QuestionKind.PICK_TERM not in kinds
    assert QuestionKind.WHICH_TERM not in kinds


def test_what_does_x_mean_is_not_asked_when_its_topic_has_no_options_of_its_shape() -> None:
    """ ".ogg" means "____ Vorbis" (its name hidden): among file formats without blanks, its options would
    come from another topic and it would stand out as the only format."""
    kb = make_kb(
        {
            "Audio formats": [
                (".ogg", "Ogg Vorbis"),
                (".wav", "Microsoft Wave"),
                (".mp3", "MPEG layer 3"),
                (".aiff", "Audio Interchange File Format"),
                (".it", "Impulse Tracker module"),
            ],
            "Components": [
                ("Transform", "Every GameObject has a Transform holding its position and rotation"),
                ("Collider", "Collider components give objects a shape for physical collisions"),
                ("Audio Source", "The Audio Source plays back an audio clip in the scene"),
            ],
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    assert QuestionKind.MEANING not in generator.kinds_for(entry_of(kb, ".ogg"), QuizMode.BUTTONS)
    assert QuestionKind.MEANING in generator.kinds_for(entry_of(kb, ".wav"), QuizMode.BUTTONS)
    # a topic too small to offer options takes them from elsewhere anyway
    assert QuestionKind.MEANING in generator.kinds_for(entry_of(kb, "Transform"), QuizMode.BUTTONS)


def test_a_typed_prompt_hides_the_terms_words_in_any_form_once_all_are_there() -> None:
    kb = make_kb(
        {
            "Chemistry": [
                (
                    "Relative atomic mass",
                    "The mass of the atom relative to the weight of protons and neutrons",
                ),
                ("Cell wall", "Made of cellulose and strengthens the cell of a plant"),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    prompt = generator.make(entry_of(kb, "Relative atomic mass"), QuestionKind.WHICH_TERM).prompt
    assert prompt == "The ____ of the ____ to the weight of protons and neutrons"
    # "wall" is not there, but "cell" would still point at Cell wall and enough is left without it;
    # "cellulose" is another word
    prompt = generator.make(entry_of(kb, "Cell wall"), QuestionKind.WHICH_TERM).prompt
    assert prompt == "Made of cellulose and strengthens the ____ of a plant"


@pytest.mark.parametrize("seed", range(6))
def test_a_definition_that_only_restates_its_term_is_never_called_true(seed: int) -> None:
    kb = make_kb({"Chemistry": [("Elemental ions", "Ions that are elements"), *FILLERS]})
    generator = QuestionGenerator(kb, random.Random(seed))
    question = generator.make(entry_of(kb, "Elemental ions"), QuestionKind.TRUE_FALSE)
    assert question.answer_index == 1
    assert "Ions that are elements" not in question.prompt


def test_a_typed_prompt_keeps_a_word_of_the_term_while_another_is_missing() -> None:
    kb = make_kb(
        {
            "Costs": [
                ("average variable cost", "Variable costs divided by the quantity of output."),
                ("average fixed cost", "Fixed costs divided by the quantity of output."),
                ("average total cost", "Total cost divided by the quantity of output."),
                ("total revenue", "The amount a firm receives for the sale of its output."),
                ("sunk cost", "A cost that has already been committed and cannot be recovered."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    prompt = generator.make(entry_of(kb, "average variable cost"), QuestionKind.WHICH_TERM).prompt
    assert prompt.startswith("Variable costs divided")


def test_a_typed_prompt_hides_a_word_of_the_term_where_enough_is_left_without_it() -> None:
    kb = make_kb(
        {
            "Markets": [
                ("natural monopoly", "A monopoly that arises because one firm can supply a whole market."),
                ("National output", "Aggregate output, measured in GDP per person"),
                ("Positioning", "Creating a desirable position in the target customer's mind"),
                ("Print Server", "Manages printers on the network"),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))

    def prompt(term: str) -> str:
        return generator.make(entry_of(kb, term), QuestionKind.WHICH_TERM).prompt

    assert prompt("natural monopoly") == "A ____ that arises because one firm can supply a whole market."
    assert prompt("National output") == "Aggregate ____, measured in GDP per person"
    assert prompt("Positioning") == "Creating a desirable ____ in the target customer's mind"
    # too little is left without "printers": it stays
    assert prompt("Print Server") == "Manages printers on the network"


def test_a_blank_that_leaves_another_entrys_definition_is_not_asked() -> None:
    kb = make_kb(
        {
            "Costs": [
                ("average variable cost", "Variable costs divided by the quantity of output."),
                ("average fixed cost", "Fixed costs divided by the quantity of output."),
                ("average total cost", "Total cost divided by the quantity of output."),
                ("total revenue", "The amount a firm receives for the sale of its output."),
                ("sunk cost", "A cost that has already been committed and cannot be recovered."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    for term in ("average variable cost", "average fixed cost", "average total cost"):
        assert QuestionKind.PICK_TERM not in generator.kinds_for(entry_of(kb, term), QuizMode.BUTTONS), term
    # typed, "Fixed costs divided by ..." shows the one word that tells it from average variable cost and
    # hidden, it fits both: true or false is left, as in a quiz of buttons; a typed quiz asks it anyway
    kinds = generator.kinds_for(entry_of(kb, "average fixed cost"), QuizMode.MIXED)
    assert kinds == [QuestionKind.TRUE_FALSE]
    kinds = generator.kinds_for(entry_of(kb, "average fixed cost"), QuizMode.TYPED)
    assert kinds == [QuestionKind.WHICH_TERM]
    kinds = generator.kinds_for(entry_of(kb, "average fixed cost"), QuizMode.BUTTONS)
    assert kinds == [QuestionKind.TRUE_FALSE]
    assert QuestionKind.PICK_TERM in generator.kinds_for(entry_of(kb, "sunk cost"), QuizMode.BUTTONS)


def test_a_typed_prompt_counts_the_terms_words_outside_its_name_only() -> None:
    kb = make_kb(
        {
            "Networks": [
                ("Storage Area Network", "A Storage Area Network (SAN) is used by storage systems only."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    prompt = generator.make(entry_of(kb, "Storage Area Network"), QuestionKind.WHICH_TERM).prompt
    assert prompt == "A ____ (____) is used by storage systems only."


def test_a_definition_of_what_a_term_may_do_or_a_quotation_is_not_asked_to_be_typed() -> None:
    kb = make_kb(
        {
            "RAM": [
                ("Static Discharge Damage", "Can cause latent or immediate failure of the modules."),
                ("Underclocking RAM", "May stabilize unstable systems that crash under load."),
                ("ARP poisoning", '"Yep, I\'m x:x:x:x! I promise!", "you hear that guys, he\'s x:x:x:x!"'),
                ("Memtest86", "A common tool for testing memory stability over many passes."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    for term in ("Static Discharge Damage", "Underclocking RAM", "ARP poisoning"):
        kinds = generator.kinds_for(entry_of(kb, term), QuizMode.MIXED)
        assert QuestionKind.WHICH_TERM not in kinds
        assert QuestionKind.PICK_TERM in kinds  # with options to narrow it, it can be answered
    assert QuestionKind.WHICH_TERM in generator.kinds_for(entry_of(kb, "Memtest86"), QuizMode.MIXED)


def test_markup_in_a_definition_is_shown_as_a_reader_sees_it() -> None:
    kb = make_kb(
        {
            "Economics": [
                (
                    "average revenue",
                    "Total revenue divided by the quantity sold, $(P \\times Q) / Q$ for a price taker.",
                ),
                (
                    "functional style",
                    "Functions transform data; it relies on [higher-order functions](#higher-order).",
                ),
                ("price floor", "A legal minimum on a price, such as $5 an hour for work of any kind."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    shown = {
        term: generator.meaning(entry_of(kb, term))
        for term in ("average revenue", "functional style", "price floor")
    }
    typed = generator.make(entry_of(kb, "average revenue"), QuestionKind.WHICH_TERM).prompt
    assert "(P × Q) / Q" in typed
    assert "(P × Q) / Q for a price taker" in shown["average revenue"]
    assert "relies on higher-order functions." in shown["functional style"]
    assert "such as $5 an hour" in shown["price floor"]  # a price is no maths
    for text in shown.values():
        assert "\\times" not in text
        assert "](" not in text


@pytest.mark.parametrize("mode", [QuizMode.BUTTONS, QuizMode.MIXED])
def test_two_entries_sharing_their_one_definition_still_make_a_round(mode: QuizMode) -> None:
    """No other definition to offer or contrast: a false statement or a distractor cannot be made."""
    kb = make_kb(
        {
            "Proxies": [
                ("Forward proxy", "A proxy in front of clients"),
                ("Reverse proxy", "A proxy in front of clients"),
            ]
        }
    )
    for seed in range(10):
        asked = QuestionGenerator(kb, random.Random(seed)).generate(RoundSettings(questions=10, mode=mode))
        assert asked
        for question in asked:
            assert question.typed or len(question.choices) >= 2


LICENCES = make_kb(
    {
        "Licences": [
            ("Shareware", "Is a shareware copyright licence covered by copyright?"),
            ("Freeware", "Is a freeware copyright licence covered by copyright?"),
            ("Open Source", "Source code anyone may read, change and share under its licence"),
            ("Public Domain", "Work nobody owns the copyright of, free for anyone to use"),
            ("Commercial", "Software sold for profit under a licence restricting copies"),
        ],
        "Methods": FILLERS,
    }
)


def test_a_flashcards_question_is_no_definition() -> None:
    for asked, text in _everything_shown(LICENCES, range(5)):
        assert asked not in ("Shareware", "Freeware")
        assert "covered by copyright?" not in text


def test_definitions_that_read_alike_once_names_are_hidden_are_not_asked_by_them() -> None:
    """'A ____ licence' fits both terms: naming one from it would mark the other wrong."""
    kb = make_kb(
        {
            "Licences": [
                ("Shareware", "A shareware licence lets people try the program before paying for it"),
                ("Freeware", "A freeware licence lets people try the program before paying for it"),
                ("Open Source", "Source code anyone may read, change and share under its licence"),
                ("Public Domain", "Work nobody owns the copyright of, free for anyone to use"),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    kinds = generator.kinds_for(entry_of(kb, "Shareware"), QuizMode.MIXED)
    assert QuestionKind.WHICH_TERM not in kinds
    assert QuestionKind.PICK_TERM not in kinds
    for seed in range(6):
        question = QuestionGenerator(kb, random.Random(seed)).make(
            entry_of(kb, "Open Source"), QuestionKind.MEANING
        )
        assert len(set(question.choices)) == len(question.choices) >= 3
        shareware = QuestionGenerator(kb, random.Random(seed)).make(
            entry_of(kb, "Shareware"), QuestionKind.MEANING
        )
        assert len(shareware.choices) >= 2
        assert sum("lets people try" in choice for choice in shareware.choices) == 1


def test_a_hyphenated_name_written_with_spaces_is_hidden_too() -> None:
    kb = make_kb(
        {
            "Methods": [
                ("End-User", "End user developer, cheap, fast, no documentation kept"),
                ("Agile", "Fast, iterative, small team with the client, planning as needed"),
                ("Structured", "Five stages, detailed planning, a large team and a long timeline"),
                ("Prototyping", "Client involvement and successive prototypes shown to the client"),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    assert generator.meaning(entry_of(kb, "End-User")) == "____ developer, cheap, fast, no documentation kept"


def test_a_true_false_statement_that_shows_the_term_is_asked_another_way_where_there_is_one() -> None:
    kb = make_kb(
        {
            "Markets": [
                ("Positioning", "Creating a desirable position in the target customer's mind"),
                ("Targeting", "Choosing which segments of the market to serve"),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    kinds = generator.kinds_for(entry_of(kb, "Positioning"), QuizMode.BUTTONS)
    assert QuestionKind.TRUE_FALSE not in kinds
    assert QuestionKind.PICK_TERM in kinds
    assert QuestionKind.TRUE_FALSE in generator.kinds_for(entry_of(kb, "Targeting"), QuizMode.BUTTONS)


def test_a_typed_answer_may_give_a_persons_surname_alone() -> None:
    kb = make_kb(
        {
            "Founders": [
                ("Karl Marx", "Class conflict between the bourgeoisie and the proletariat."),
                ("W.E.B. Du Bois", "Double consciousness and the study of race relations."),
                ("C. Wright Mills", "Linking personal troubles to public issues."),
                ("J. S. Bois", "A made-up person sharing a surname."),
            ],
            "Places": [
                ("True North", "The direction which points to the North Pole."),
                ("average total cost", "Total cost divided by the quantity of output."),
            ],
        }
    )
    accepts = _typed_answers(kb)

    assert accepts("C. Wright Mills", "Wright Mills")
    assert accepts("C. Wright Mills", "c wright mills")
    # "Bois" is another entry's word too: Du Bois stays the full name only
    assert not accepts("W.E.B. Du Bois", "Du Bois")
    # a teacher takes the surname alone ("Marx"); a given name is the person's sign: "North" of True North
    # is no surname
    assert accepts("Karl Marx", "Marx")
    assert accepts("Karl Marx", "marx")
    assert not accepts("Karl Marx", "Karl")
    assert not accepts("True North", "North")
    assert not accepts("average total cost", "cost")
    alone = [e for e in kb.entries if e.term != "J. S. Bois"]
    kb.entries[:] = alone
    accepts = _typed_answers(kb)
    assert accepts("W.E.B. Du Bois", "Du Bois")


def test_a_term_whose_every_word_most_entries_use_is_still_hidden_in_its_own_prompt() -> None:
    kb = make_kb(
        {
            "Positioning": [
                ("Positioning", "Creating a desirable position in the target customer's mind"),
                ("Repositioning", "Changing a brand's positioning once the market has moved on"),
                ("Head-to-head positioning", "Competing on the same attributes as the market leader"),
                ("Differentiation positioning", "Stressing the attributes that set the brand apart"),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    assert "positioning" in generator.common
    prompt = generator.make(entry_of(kb, "Positioning"), QuestionKind.WHICH_TERM).prompt
    assert prompt == "Creating a desirable ____ in the target customer's mind"
    # the meaning option would show it: "What does Positioning mean?" is not asked
    kinds = generator.kinds_for(entry_of(kb, "Positioning"), QuizMode.BUTTONS)
    assert QuestionKind.MEANING not in kinds


def test_a_right_meaning_that_shows_the_term_as_an_adverb_is_not_offered() -> None:
    kb = make_kb(
        {
            "Body types": [
                (
                    "Kinematic",
                    "Removes the body from the physics engine; it is moved kinematically by a script.",
                ),
                ("Dynamic", "Affected by gravity and forces, the most expensive body type."),
                ("Static", "Never moves under simulation, an immovable object."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    entry = entry_of(kb, "Kinematic")
    assert QuestionKind.MEANING not in generator.kinds_for(entry, QuizMode.BUTTONS)
    assert "kinematically" not in generator.make(entry, QuestionKind.WHICH_TERM).prompt


def test_a_term_told_apart_only_by_a_word_its_prompt_shows_is_not_asked_typed() -> None:
    events = [
        (f"{kind.title()} event", f"A single occurrence of an action performed by a {kind} instrument.")
        for kind in ("harmonic", "melodic")
    ]
    kb = make_kb({"Events": [*events, ("Harmonic progression", "Chords placed to sound right."), *FILLERS]})
    generator = QuestionGenerator(kb, random.Random(1))
    for term, _ in events:
        entry = entry_of(kb, term)
        assert QuestionKind.WHICH_TERM not in generator.kinds_for(entry, QuizMode.MIXED)
        assert generator.kinds_for(entry, QuizMode.MIXED)  # still asked, another way
        # a typed quiz has no other way: the question stays
        assert generator.kinds_for(entry, QuizMode.TYPED) == [QuestionKind.WHICH_TERM]


def test_a_false_statement_prefers_a_definition_that_names_no_term() -> None:
    kb = make_kb(
        {
            "Audio": [
                ("Composition", "The act of composition is forming a whole from parts."),
                ("Channel", "A single stream of audio; two or more channels play together."),
                ("Pitch", "The frequency of vibrations of a musical note."),
                ("Tempo", "The speed at which a piece of music is played."),
            ]
        }
    )
    for seed in range(20):
        generator = QuestionGenerator(kb, random.Random(seed))
        question = generator.make(entry_of(kb, "Composition"), QuestionKind.TRUE_FALSE)
        assert "more Composition" not in question.prompt


def test_a_typed_answer_may_give_one_half_of_a_name_joining_two() -> None:
    kb = make_kb(
        {
            "Ecology": [
                ("Food chains and food webs", "Diagrams showing the energy transfer between organisms."),
                ("Inflation & Deflation", "Rising and falling of the general price level."),
                ("Biotic and abiotic factors", "The living and nonliving parts of an ecosystem."),
                ("Producers and consumers", "Organisms that make food and organisms that eat it."),
                ("Consumers", "Organisms that eat other living things for energy."),
            ]
        }
    )
    accepts = _typed_answers(kb)

    assert accepts("Food chains and food webs", "food webs")
    assert accepts("Food chains and food webs", "food chain")
    assert accepts("Inflation & Deflation", "inflation")
    assert accepts("Inflation & Deflation", "Inflation and Deflation")
    assert not accepts("Food chains and food webs", "food")
    # halves of different sizes are no names; a half that is another entry's name is that entry's answer
    assert not accepts("Biotic and abiotic factors", "biotic")
    assert not accepts("Producers and consumers", "producers")
    assert not accepts("Producers and consumers", "consumers")


def test_a_person_or_an_entry_whose_definition_lists_facts_is_described_not_asked_what_it_means() -> None:
    kb = make_kb(
        {
            "Sociology": [
                ("Max Weber", "Verstehen; Bureaucracy; Protestant Ethic"),
                ("Karl Marx", "Class Conflict (Bourgeoisie vs. Proletariat)"),
                ("Paris Agreement", "Climate Change."),
                ("Conflict theory", "Arena of inequality; power struggles over resources"),
                ("La Casa", "The house"),
                ("La Escuela", "School"),
                ("Sociology", "The scientific study of society."),
                # a person means nothing, whatever the definition reads like
                ("Emile Durkheim", "Studied suicide rates to show that social facts shape individual acts."),
                ("Green Belt", "Protected land around a city where building is restricted."),
                ("Kelly Criterion", "A formula that sizes a bet from the odds and the edge."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))

    def prompt(term: str) -> str:
        return generator.make(entry_of(kb, term), QuestionKind.MEANING).prompt

    # Weber's list has no other list of labels to stand beside (qfix21: options are of one shape), so
    # his is asked true or false; the wording a meaning question would take is still "describes"
    assert _meaning_prompt(entry_of(kb, "Max Weber")) == "Which of these describes **Max Weber**?"
    assert prompt("Karl Marx") == "Which of these describes **Karl Marx**?"
    assert prompt("Paris Agreement") == "Which of these describes **Paris Agreement**?"
    assert prompt("Conflict theory") == "What does **Conflict theory** mean?"
    assert prompt("La Casa") == "What does **La Casa** mean?"
    assert prompt("La Escuela") == "What does **La Escuela** mean?"
    assert prompt("Sociology") == "What does **Sociology** mean?"
    assert prompt("Emile Durkheim") == "Which of these describes **Emile Durkheim**?"
    assert prompt("Green Belt") == "What does **Green Belt** mean?"
    assert prompt("Kelly Criterion") == "What does **Kelly Criterion** mean?"


def test_options_of_terms_prefer_the_right_ones_capitalisation() -> None:
    kb = make_kb(
        {
            "Ecology": [
                ("Biodiversity", "The variety of life in an area."),
                ("Ecosystem", "All the organisms of a place with their environment."),
                ("Habitat", "The place where an organism lives."),
                ("Niche", "The role of a species in its ecosystem."),
                ("herbivore", "A consumer that only eats plants."),
                ("scavenger", "An organism that feeds on dead matter."),
                ("producer", "An organism that makes its own food."),
                ("decomposer", "An organism that breaks dead matter down chemically."),
            ]
        }
    )
    for seed in range(10):
        generator = QuestionGenerator(kb, random.Random(seed))
        question = generator.make(entry_of(kb, "Biodiversity"), QuestionKind.PICK_TERM)
        assert all(choice[0].isupper() for choice in question.choices), question.choices


def test_a_typed_answer_may_join_the_initials_of_words_before_an_acronym_to_it() -> None:
    kb = make_kb(
        {
            "Memory": [
                ("Dynamic RAM", "Memory that needs constant refreshing."),
                ("Synchronous DRAM", "Runs in step with the system clock."),
                ("Static RAM", "Fast memory that keeps its bits while powered."),
                ("SRAM", "A made-up entry of that name."),
                ("Memory Bandwidth", "Measures the speed of memory transfers."),
                ("host OS", "The operating system the hypervisor runs on."),
            ]
        }
    )
    accepts = _typed_answers(kb)

    assert accepts("Dynamic RAM", "DRAM")
    assert accepts("Dynamic RAM", "dram")
    assert accepts("Synchronous DRAM", "SDRAM")
    # another entry's name is that entry's answer; a name without an acronym has no such form
    assert not accepts("Static RAM", "SRAM")
    assert not accepts("Memory Bandwidth", "MBW")
    assert not accepts("Dynamic RAM", "SDRAM")
    assert not accepts("host OS", "HOS")


def test_a_true_statement_that_shows_a_word_of_its_term_is_never_made() -> None:
    kb = make_kb(
        {
            "Costs": [
                ("average variable cost", "Variable costs divided by the quantity of output."),
                ("average fixed cost", "Fixed costs divided by the quantity of output."),
                ("total revenue", "The amount a firm receives for the sale of its output."),
                ("sunk cost", "A cost that has already been committed and cannot be recovered."),
            ]
        }
    )
    entry = entry_of(kb, "average fixed cost")
    for seed in range(12):
        question = QuestionGenerator(kb, random.Random(seed)).make(entry, QuestionKind.TRUE_FALSE)
        assert question.answer == "False", question.prompt
        assert "Fixed costs divided" not in question.prompt


def test_a_definition_that_opens_another_is_never_asked_which_term_it_is() -> None:
    """ "A = L + E" (Accounting Equation) opens "A = L + E / DEAR-CLIP" (Fundamental accounting
    equation): asked which term either is, both fit."""
    kb = make_kb(
        {
            "Accounting": [
                ("Accounting Equation", "A = L + E"),
                ("Fundamental accounting equation", "A = L + E / DEAR-CLIP"),
                ("Posting", "Transferring recorded transactions from the journal to the ledger."),
                *FILLERS,
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(1))
    for term in ("Accounting Equation", "Fundamental accounting equation"):
        kinds = generator.kinds_for(entry_of(kb, term), QuizMode.MIXED)
        assert QuestionKind.WHICH_TERM not in kinds, term
        assert QuestionKind.PICK_TERM not in kinds, term
    assert QuestionKind.WHICH_TERM in generator.kinds_for(entry_of(kb, "Posting"), QuizMode.MIXED)


def test_a_true_statement_never_names_its_own_term() -> None:
    """ "**Deposition**: The Deposition of sand ..." is true by its words: such a term is only shown with
    other entries' definitions."""
    kb = make_kb(
        {
            "Rock cycle": [
                ("Deposition", "The deposition of sand in bodies of water creates layers of sediment."),
                ("Erosion", "Rock breaks off in pieces over time, from wind, rain or ice."),
                ("Eruption", "Magma comes up to the surface at ridges and volcanoes, then cools."),
                ("Pressure", "Forces at plate boundaries squeeze rocks into metamorphic rocks."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(0))
    truths = {"Deposition": set(), "Erosion": set()}
    for seed in range(16):
        generator.rng.seed(seed)
        for term, seen in truths.items():
            question = generator.make(entry_of(kb, term), QuestionKind.TRUE_FALSE)
            seen.add(question.answer_index)
    assert truths == {"Deposition": {1}, "Erosion": {0, 1}}


def test_a_typed_answer_may_give_what_a_headings_name_is_about() -> None:
    kb = make_kb(
        {
            "Gases": [
                (
                    "Properties of an ideal gas",
                    "Many identical molecules of negligible volume in random motion.",
                ),
                ("Types of rocks", "Igneous, sedimentary and metamorphic, by how they formed."),
                ("Rocks", "Solid masses of minerals in the earth's crust."),
                *FILLERS,
            ]
        }
    )
    accepts = _typed_answers(kb)
    assert accepts("Properties of an ideal gas", "ideal gas")
    assert accepts("Properties of an ideal gas", "properties of an ideal gas")
    # "rocks" is another entry's name: its answer
    assert not accepts("Types of rocks", "rocks")
