"""A name followed by the kind its definition says it is ("A playing style where ...": "legato style",
"legato playing"), also as one side of a comparison, and before a qualifier-in-front reading."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from bot.matching.variants import genus_words
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Legato", "A playing style where the notes are joined smoothly."),
    ("Staccato", "A playing style where each note is cut short."),
    ("Style", "The way a piece is played: legato, staccato, or marcato."),
    ("Rubato", "Stretching the tempo for expression."),
    ("Behavioural", "A grouping variable: how people buy or use the product."),
    ("Grouping", "Dividing listeners into groups by their behaviours and tastes."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Performance": ENTRIES}))


@pytest.mark.parametrize(
    ("definition", "kind"),
    [
        ("A playing style where the notes are joined.", ["playing", "style"]),
        ("An attack that finds two inputs with one hash.", ["attack"]),
        ("A kind of deontology: follow divine rules.", ["deontology"]),
        ("The process of choosing a group.", ["process"]),
        ("Stretching the tempo for expression.", []),  # no article: no kind stated
        ("A", []),
        ("A main group of tissues: epithelial, muscle.", ["tissues"]),  # a word before "group of"
        ("A category of minerals: shiny, ductile.", ["minerals"]),
        ("A type of the lower leg bones.", ["lower", "leg", "bones"]),
        ("Minerals that consist of silicon and oxygen.", ["Minerals"]),  # a plural noun, then "that"
        ("Tries one common password.", []),  # no article and no "that"/"of"/colon after the noun
        ("Cells, mostly.", ["Cells"]),
    ],
)
def test_genus_words(definition: str, kind: list[str]) -> None:
    assert genus_words(definition) == kind


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("legato style", "Legato"),
        ("what is legato playing", "Legato"),
        ("staccato styles", "Staccato"),
        # Grouping's definition says "behaviours", but Behavioural is the grouping variable asked for
        ("behavioral grouping", "Behavioural"),
        ("behavioural variables", "Behavioural"),
    ],
)
def test_a_name_and_its_kind_answer_the_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


def test_a_comparison_side_may_add_the_kind(matcher: Matcher) -> None:
    result = matcher.lookup("legato vs staccato style")
    assert isinstance(result, Answer)
    assert [e.term for e in result.entries] == ["Legato", "Staccato"]


@pytest.mark.parametrize("question", ["legato pedal", "rubato style", "what is a staccato drum"])
def test_a_word_that_is_not_its_kind_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


THEORIES = [
    ("Strain Theory", "Blocked goals lead to deviance."),
    ("Labeling Theory", "Deviance follows from being labelled."),
    ("Control Theory", "Weak social bonds lead to deviance."),
    ("Differential Association", "Deviance is learned from peers."),
    ("Role Strain", "Strain within one status."),
]


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("differential association theory", "Differential Association"),  # most names end in "theory"
        ("what is the role strain theory", "Role Strain"),
        ("strain theory", "Strain Theory"),
    ],
)
def test_a_head_the_notes_names_share_may_be_added(question: str, term: str) -> None:
    result = Matcher(make_kb({"Deviance": THEORIES})).lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["peer group theory", "status theory", "association theory"])
def test_a_shared_head_after_no_name_is_refused(question: str) -> None:
    assert isinstance(Matcher(make_kb({"Deviance": THEORIES})).lookup(question), NotFound), question


def test_a_qualifier_that_is_an_entry_about_the_head_never_answers_the_head() -> None:
    # no definition states its kind here: Grouping's definition says "behaviours", but Behavioural is an
    # entry in notes on grouping, so "behavioral grouping" may mean it: never Grouping
    kb = make_kb(
        {
            "Grouping listeners": [
                ("Grouping", "Dividing listeners by their behaviours and tastes."),
                ("Behavioural", "How people buy or use the product."),
            ],
            "Security": [
                ("Pinning", "Trusting only one certificate for a host."),
                ("Certificate", "A signed statement binding a key to a name."),
            ],
        }
    )
    matcher = Matcher(kb)
    result = matcher.lookup("behavioral grouping")
    assert not (isinstance(result, Answer) and result.entry.term == "Grouping")
    pinning = matcher.lookup("certificate pinning")  # Certificate says nothing of pinning
    assert isinstance(pinning, Answer)
    assert pinning.entry.term == "Pinning"


TISSUES = [
    ("Connective", "A main group of tissues found between other tissues."),
    ("Nervous", "A main group of tissues: neurons and glia."),
    ("Silicates", "Minerals that consist of silicon and oxygen."),
    ("Metallic", "A category of minerals: shiny, ductile, conduct heat."),
    ("Non-metallic", "A category of minerals: dull, brittle."),
    ("Quartz", "A hard mineral of silicon and oxygen."),
]


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("connective tissue", "Connective"),
        ("what is nervous tissue", "Nervous"),
        ("silicate mineral", "Silicates"),
        ("non-metallic minerals", "Non-metallic"),
    ],
)
def test_a_kind_said_after_a_group_word_or_without_an_article(question: str, term: str) -> None:
    result = Matcher(make_kb({"Earth and body": TISSUES})).lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


def test_both_sides_of_a_comparison_may_add_the_kind_a_category_says() -> None:
    result = Matcher(make_kb({"Earth and body": TISSUES})).lookup("metallic vs non-metallic minerals")
    assert isinstance(result, Answer)
    assert [e.term for e in result.entries] == ["Metallic", "Non-metallic"]


@pytest.mark.parametrize("question", ["connective cell", "quartz tissue", "nervous mineral"])
def test_a_word_that_is_not_the_category_is_refused(question: str) -> None:
    assert isinstance(Matcher(make_kb({"Earth and body": TISSUES})).lookup(question), NotFound), question


BONES_AND_FACTORS = [
    ("Hyoid bone", "A bone of the neck that holds the tongue."),
    ("Double-blind procedure", "A procedure in which neither the subjects nor the staff know who gets what."),
    ("Cell wall", "The rigid outer layer of a plant cell."),
    ("Primary consumer", "A consumer that eats producers."),
    ("Primary succession", "Succession on bare rock where no soil was."),
    ("Secondary succession", "Succession after a disturbance leaves the soil."),
    ("Biotic factors", "Living components of an ecosystem."),
    ("Abiotic factors", "Nonliving components of an ecosystem."),
]


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("hyoid", "Hyoid bone"),
        ("what is the hyoid", "Hyoid bone"),
        ("double blind", "Double-blind procedure"),
    ],
)
def test_a_name_without_the_kind_its_definition_states_is_answered(question: str, term: str) -> None:
    result = Matcher(make_kb({"Biology": BONES_AND_FACTORS})).lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["cell", "primary"])
def test_a_name_without_another_last_word_is_refused(question: str) -> None:
    # a wall is not the kind of Cell wall's definition; "primary" starts two names
    assert isinstance(Matcher(make_kb({"Biology": BONES_AND_FACTORS})).lookup(question), NotFound), question


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("biotic vs abiotic", ["Biotic factors", "Abiotic factors"]),  # the shared head left out of both
        ("primary vs secondary succession", ["Primary succession", "Secondary succession"]),
    ],
)
def test_a_comparison_may_leave_the_shared_head_out(question: str, terms: list[str]) -> None:
    result = Matcher(make_kb({"Biology": BONES_AND_FACTORS})).lookup(question)
    assert isinstance(result, Answer), question
    assert [e.term for e in result.entries] == terms
