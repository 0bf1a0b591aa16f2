"""Options of one question never fit twice, and prompts above them keep what their options do not show."""

from __future__ import annotations

import random
from pathlib import Path

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.quiz import QuestionGenerator, QuestionKind, QuizMode, RoundSettings
from bot.quiz.answers import mask_names
from tests.quiz.conftest import entry_of, make_kb

TOPIC = Topic(title="Network", path=Path("/notes/net.yaml"))


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in entries)
    return kb


#: "address" is a word of two entries here: not one most of them use.
ACRONYMS = _kb(
    ("RARP", ("Reverse Address Resolution Protocol",), "Resolves a MAC address to an IP address."),
    ("ARP", ("Address Resolution Protocol",), "Resolves an IP address to a MAC address on a LAN."),
    ("ICMP", ("Internet Control Message Protocol",), "Carries error messages and pings between hosts."),
    ("DHCP", ("Dynamic Host Configuration Protocol",), "Leases IP settings to hosts for a while."),
    ("DNS", ("Domain Name System",), "Turns host names into IP numbers."),
    ("SNMP", ("Simple Network Management Protocol",), "Polls devices for their counters and state."),
)


def _questions(kb: KnowledgeBase, term: str, kind: QuestionKind, seeds: int = 12):
    generator = QuestionGenerator(kb, random.Random(0))
    for seed in range(seeds):
        generator.rng.seed(seed)
        yield generator.make(entry_of(kb, term), kind)


def test_a_pick_prompt_keeps_the_words_of_a_long_name_its_option_does_not_show() -> None:
    """The option shows "RARP": "address" of its long name points at no option, and without it the
    definition says too little ("Resolves a MAC ____ to an IP ____")."""
    assert "address" not in QuestionGenerator(ACRONYMS, random.Random(0)).common
    for question in _questions(ACRONYMS, "RARP", QuestionKind.PICK_TERM):
        assert question.prompt == "Which term is this? Resolves a MAC address to an IP address."


def test_a_common_word_of_the_shown_term_stays_only_where_another_option_shows_it() -> None:
    spelt = _kb(
        ("Reverse Address Resolution Protocol", ("RARP",), "Resolves a MAC address to an IP address."),
        ("Address Resolution Protocol", ("ARP",), "Resolves an IP address to a MAC address on a LAN."),
        ("Network Address Translation", ("NAT",), "Maps private addresses to one public address."),
        ("Dynamic Host Configuration Protocol", ("DHCP",), "Leases IP addresses to hosts for a while."),
        ("Domain Name System", ("DNS",), "Turns host names into IP addresses."),
        ("Simple Network Management Protocol", ("SNMP",), "Polls devices for their counters and state."),
    )
    generator = QuestionGenerator(spelt, random.Random(0))
    assert "address" in generator.common
    rarp = entry_of(spelt, "Reverse Address Resolution Protocol")
    shared = generator.pick_prompt(rarp, ["Address Resolution Protocol", "Domain Name System"])
    assert shared == "Resolves a MAC address to an IP address."
    # in another form too: "Addresses" on an option shows the word as much as "Address"
    assert generator.pick_prompt(rarp, ["Private Addresses", "Domain Name System"]) == shared
    alone = generator.pick_prompt(rarp, ["Domain Name System", "Simple Network Management Protocol"])
    assert alone == "Resolves a MAC ____ to an IP ____."
    # without the options (whether the prompt can be asked at all) every word of the term goes
    assert generator.pick_prompt(rarp) == alone


def test_a_pick_prompt_hides_the_shown_term_in_another_form() -> None:
    kb = make_kb(
        {
            "Marketing": [
                ("Positions", "Based on attributes: for soap, we can position on moisturizing."),
                ("Targeting", "Choosing which group of customers to market to."),
                ("Segmentation", "Dividing the market into groups with similar needs."),
                ("Branding", "Giving a product a name and image customers recognise."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(0))
    prompt = generator.pick_prompt(entry_of(kb, "Positions"), ["Targeting", "Branding"])
    assert prompt == "Based on attributes: for soap, we can ____ on moisturizing."


def test_a_name_written_with_spaces_around_its_slash_is_hidden() -> None:
    names = ["AD-AS model", "aggregate demand/aggregate supply model"]
    assert mask_names("The aggregate demand / aggregate supply model.", names) == "The ____."
    assert mask_names("Uses the client/server model", ["Client - server"]) == "Uses the ____ model"


def test_a_definition_that_is_only_its_name_once_hidden_is_never_asked_or_offered() -> None:
    kb = _kb(
        (
            "AD-AS model",
            ("aggregate demand/aggregate supply model",),
            "The aggregate demand / aggregate supply model.",
        ),
        ("Inflation", (), "A rise in prices, measured with price indices."),
        ("Deflation", (), "A fall in prices across the whole economy."),
        ("Agent", (), "Someone who takes part in the economy: buyer, seller or investor."),
        ("Business cycle", (), "Short-run fluctuations of the national income."),
    )
    generator = QuestionGenerator(kb, random.Random(0))
    for entry in kb.entries[1:]:
        for kind in (QuestionKind.MEANING, QuestionKind.TRUE_FALSE, QuestionKind.PICK_TERM):
            for seed in range(8):
                generator.rng.seed(seed)
                question = generator.make(entry, kind)
                assert "AD-AS model" not in question.choices
                assert "The ____." not in question.choices
                assert "The ____." not in question.prompt


def test_a_hyphenated_word_of_the_term_is_hidden_where_the_term_is_to_be_named() -> None:
    text = "Step 5: formal post-purchase evaluation, ongoing supplier monitoring."
    assert (
        mask_names(text, ["Post-purchase behaviour"])
        == "Step 5: formal ____ evaluation, ongoing supplier monitoring."
    )
    # options under a question that names the term keep it: the question shows it anyway
    assert mask_names(text, ["Post-purchase behaviour"], single_words=False) == text


ETHICS = make_kb(
    {
        "Ethics": [
            ("Consequentialism", "Judges an action only by its consequences."),
            ("Act consequentialism", "Examines the consequences of each single act."),
            ("Rule consequentialism", "Follow the rules whose following has the best results."),
            ("Deontology", "Looks at the act itself, not only at its results."),
            ("Divine command theory", "A kind of deontology: follow the rules the gods gave."),
            ("Hedonism", "The only good is pleasure; the only bad is pain."),
            ("Egoism", "Doing what is in one's own best interest."),
            ("Virtue ethics", "Asks what a person of good character would do."),
            ("Nihilism", "Holds that nothing has moral worth at all."),
        ]
    }
)


def test_a_kind_of_a_term_and_the_term_are_never_options_for_each_other() -> None:
    """A kind's definition fits what it is a kind of (and the other way round, loosely): as a wrong
    option, or a false statement, it would be a second right answer."""
    kin = {
        "Consequentialism": {"Act consequentialism", "Rule consequentialism"},
        "Rule consequentialism": {"Consequentialism"},
        "Deontology": {"Divine command theory"},
        "Divine command theory": {"Deontology"},
    }
    for term, related in kin.items():
        banned = {entry_of(ETHICS, t).definition for t in related}
        for question in _questions(ETHICS, term, QuestionKind.MEANING):
            assert not banned & set(question.choices), question.choices
        for question in _questions(ETHICS, term, QuestionKind.PICK_TERM):
            assert not related & set(question.choices), question.choices
        for question in _questions(ETHICS, term, QuestionKind.TRUE_FALSE):
            assert not any(d in question.prompt for d in banned), question.prompt


def test_names_that_are_one_word_in_other_forms_are_never_options_for_each_other() -> None:
    kb = make_kb(
        {
            "Marketing": [
                ("Positioning", "Creating a clear and distinctive place in the customer's mind."),
                ("Positions", "Based on attributes such as moisturizing for a soap."),
                ("Targeting", "Choosing which group of customers to market to."),
                ("Segmentation", "Dividing the market into groups with similar needs."),
                ("Branding", "Giving a product a name and image customers recognise."),
            ]
        }
    )
    for question in _questions(kb, "Positioning", QuestionKind.PICK_TERM):
        assert "Positions" not in question.choices, question.choices
    for question in _questions(kb, "Positions", QuestionKind.PICK_TERM):
        assert "Positioning" not in question.choices, question.choices
    # a kind of thing shares a name's end, a sibling does not: Act and Rule consequentialism may be options
    rule = list(_questions(ETHICS, "Rule consequentialism", QuestionKind.PICK_TERM, seeds=30))
    assert any("Act consequentialism" in q.choices for q in rule)


def test_a_verb_gloss_is_offered_among_verb_glosses() -> None:
    """ "To learn" among "Tenacity", "Security" and "Help" is the one verb: its shape answers."""
    kb = make_kb(
        {
            "Vocabulary": [
                ("Aprender", "To learn"),
                ("Enseñar", "To teach"),
                ("Escuchar", "To hear, to listen"),
                ("Recordar", "To remember"),
                ("La Tenacidad", "Tenacity"),
                ("La Seguridad", "Security"),
                ("Ayuda", "Help"),
                ("La Casa", "Home"),
            ]
        }
    )
    for question in _questions(kb, "Aprender", QuestionKind.MEANING):
        assert all(c.startswith("To ") for c in question.choices), question.choices
    for question in _questions(kb, "Ayuda", QuestionKind.MEANING):
        assert not any(c.startswith("To ") for c in question.choices), question.choices


def test_a_choice_of_two_definitions_or_terms_is_never_offered() -> None:
    """With one other definition, "pick the meaning" has two options: a true-or-false question again."""
    two = make_kb(
        {
            "Economics": [
                ("Inflation", "A rise in prices, measured with price indices."),
                ("Unemployment", "The share of the labour force without work."),
            ]
        }
    )
    generator = QuestionGenerator(two, random.Random(0))
    for entry in two.entries:
        assert generator.kinds_for(entry, QuizMode.BUTTONS) == [QuestionKind.TRUE_FALSE]
    three = make_kb(
        {
            "Economics": [
                *[(e.term, e.definition) for e in two.entries],
                ("Agent", "Anyone who buys or sells."),
            ]
        }
    )
    generator = QuestionGenerator(three, random.Random(0))
    kinds = generator.kinds_for(three.entries[0], QuizMode.BUTTONS)
    assert QuestionKind.MEANING in kinds
    assert QuestionKind.PICK_TERM in kinds
    assert all(len(q.choices) == 3 for q in _questions(three, "Inflation", QuestionKind.MEANING))


def test_a_hyphenated_word_with_a_word_of_the_term_is_hidden_whole() -> None:
    """ "____-concept" is a mangled word; "____" above the options is a word to find."""
    kb = make_kb(
        {
            "Sociology": [
                ("Looking-Glass Self", "Self-concept based on imagined judgments of others."),
                ("Conflict Theory", "Society as an arena of inequality and power struggles."),
                ("Resocialization", "Radical identity change in total institutions."),
                ("Norms", "Folkways, then mores, then laws: rules of behaviour."),
            ]
        }
    )
    generator = QuestionGenerator(kb, random.Random(0))
    entry = entry_of(kb, "Looking-Glass Self")
    assert generator.pick_prompt(entry, ["Conflict Theory"]) == "____ based on imagined judgments of others."


#: Places, adjectives and people in one topic, each kind with enough of its own for options.
MIXED_KINDS = make_kb(
    {
        "Geography": [
            ("Vineyard", "Where grapes are grown to make wine."),
            ("Gradient", "How steep a slope of land is."),
            ("Plateau", "A large area of high and fairly flat land."),
            ("Conurbation", "Two cities that grow and eventually merge together."),
            ("Residential", "A housing area where people live."),
            ("Industrialised", "Using machines and power to make things."),
            ("Permeable", "Lets water pass through it."),
            ("Karl Marx", "Wrote that history is a struggle between classes over the means of production."),
            ("Max Weber", "Explained bureaucracy and the spirit that drove capitalism in Europe."),
            ("Emile Durkheim", "Showed that social facts such as suicide rates shape what people do."),
            ("Harriet Martineau", "Translated Comte and wrote the first book on sociological method."),
        ]
    }
)
ADJECTIVES = {"Residential", "Industrialised", "Permeable"}
PEOPLE = {"Karl Marx", "Max Weber", "Emile Durkheim", "Harriet Martineau"}


def test_options_of_terms_are_of_the_right_ones_kind() -> None:
    """An adjective among nouns, or a person among concepts, stands out: "Where grapes are grown" above
    Residential and Industrialised leaves two real choices."""
    for question in _questions(MIXED_KINDS, "Vineyard", QuestionKind.PICK_TERM):
        assert not set(question.choices) & (ADJECTIVES | PEOPLE), question.choices
    for question in _questions(MIXED_KINDS, "Karl Marx", QuestionKind.PICK_TERM):
        assert set(question.choices) <= PEOPLE, question.choices
    for question in _questions(MIXED_KINDS, "Permeable", QuestionKind.PICK_TERM):
        assert set(question.choices) <= ADJECTIVES, question.choices


def test_options_of_meanings_are_of_the_right_ones_kind() -> None:
    """What a person did is offered beside what other people did, not beside what a place is."""
    said = {e.definition: e.term for e in MIXED_KINDS.entries}
    for question in _questions(MIXED_KINDS, "Max Weber", QuestionKind.MEANING):
        assert {said[c] for c in question.choices} <= PEOPLE, question.choices
    for question in _questions(MIXED_KINDS, "Gradient", QuestionKind.MEANING):
        assert not {said[c] for c in question.choices} & PEOPLE, question.choices


def test_options_of_an_action_are_actions() -> None:
    """ "invert a triad" (a card's how-to) means an action: "Take the lowest note ...", offered beside
    other actions, not beside what a chord is."""
    kb = make_kb(
        {
            "Music": [
                ("invert a triad", "Take the lowest note and place it up an octave."),
                ("augment an interval", "Add a half step to a perfect or major interval."),
                ("diminish an interval", "Subtract a half step from a perfect or minor interval."),
                ("Function", "The role of a chord in relation to a diatonic key."),
                ("Dominant seventh", "Seventh chord built on the fifth scale degree."),
                ("Tonic", "The first and main note of the scale."),
                ("Downbeat", "First beat of a bar in common time."),
            ]
        }
    )
    actions = {e.definition for e in kb.entries if e.term[0].islower()}
    for question in _questions(kb, "invert a triad", QuestionKind.MEANING):
        assert set(question.choices) == actions, question.choices


def test_options_of_a_formula_are_formulas() -> None:
    """ "A = L + E" among sentences is the one formula, a number among words: it is offered beside other
    formulas, and a sentence never beside one. An opening "= " (the notes' "ALORE: = Assets, ...") is
    no formula: the words after it are the meaning."""
    kb = make_kb(
        {
            "Accounting": [
                ("Accounting Equation", "A = L + E"),
                ("Net income", "R - E = NI"),
                ("Trial balance check", "Dr = Cr"),
                ("Gross margin", "(R - COGS) / R"),
                ("Posting", "Transferring recorded transactions from the journal to the ledger."),
                ("Footing", "Adding up a column of debits or credits to check its total."),
                ("Slide", "An accidental movement of a decimal point in a number."),
                ("Transposition", "Accidentally switching the order of digits in a number."),
                ("ALORE", "= Assets, Liabilities, Owner's Equity, Revenue, Expenses"),
            ]
        }
    )
    formulas = {"A = L + E", "R - E = NI", "Dr = Cr", "(R - COGS) / R"}
    for question in _questions(kb, "Accounting Equation", QuestionKind.MEANING):
        assert set(question.choices) <= formulas, question.choices
    for question in _questions(kb, "Posting", QuestionKind.MEANING):
        assert not set(question.choices) & formulas, question.choices
    meaning = QuestionGenerator(kb, random.Random(0)).meaning(entry_of(kb, "ALORE"))
    assert meaning == "Assets, Liabilities, Owner's Equity, Revenue, Expenses"


#: Headings naming kinds of things: a revolution is no treaty nor civilization.
HISTORY = make_kb(
    {
        "Revolutions": [
            ("Arab Spring", "Started in Tunisia with the Jasmine Revolution in 2010."),
            ("Cultural Revolution", "Mao's campaign to purge capitalist elements from China."),
        ],
        "Important Treaties": [
            ("Balfour Declaration", "British support for a Jewish homeland in Palestine."),
            ("Montreal Protocol", "Phasing out substances that deplete the ozone layer."),
            ("Ramsar Convention", "Conservation of wetlands of international importance."),
            ("Camp David Accords", "Peace between Egypt and Israel, signed by Sadat and Begin."),
        ],
        "Civilizations": [
            ("Inca", "Andean empire in Peru that built Machu Picchu."),
            ("Maya", "Central American civilization known for its calendar."),
            ("Egyptian", "Nile valley civilization of pyramids, mummies and papyrus."),
            ("Mesopotamian", "The oldest civilization, between the Tigris and Euphrates."),
        ],
    }
)


def test_options_under_a_heading_naming_a_kind_are_of_that_kind() -> None:
    """Under "Revolutions", options from "Important Treaties" leave the one revolution standing out: with
    too few revolutions, Arab Spring is asked as true or false or typed, never picked among treaties."""
    generator = QuestionGenerator(HISTORY, random.Random(0))
    kinds = generator.kinds_for(entry_of(HISTORY, "Arab Spring"), QuizMode.BUTTONS)
    assert QuestionKind.PICK_TERM not in kinds
    assert QuestionKind.MEANING not in kinds
    treaties = {e.term for e in HISTORY.entries if e.topic.title == "Important Treaties"}
    for question in _questions(HISTORY, "Montreal Protocol", QuestionKind.PICK_TERM):
        assert set(question.choices) <= treaties, question.choices
    # a false statement about a revolution is still made, from the other revolution
    for question in _questions(HISTORY, "Arab Spring", QuestionKind.TRUE_FALSE):
        assert question.answer_index == 0 or "Mao" in question.prompt, question.prompt


def test_a_round_never_asks_the_same_question_twice() -> None:
    """A choice whose options run short is asked as true or false: it is not listed as a choice, so the
    round does not ask that true-or-false question again."""
    for seed in range(8):
        generator = QuestionGenerator(HISTORY, random.Random(seed))
        asked = generator.generate(RoundSettings(questions=40, mode=QuizMode.MIXED))
        shown = [(q.kind, q.prompt) for q in asked]
        assert len(shown) == len(set(shown)), seed
