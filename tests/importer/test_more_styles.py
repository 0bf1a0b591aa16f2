"""More note styles: HTML paragraphs from a notes app, emphasised terms in prose, a property table under a
term's heading, a bold term line with a hard break, and Obsidian spaced-repetition flashcards."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.importer import ImportResult, NotesError, import_notes
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_text
from tests.importer.kb_helpers import entry


def imported(text: str, name: str = "notes.md") -> tuple[ImportResult, KnowledgeBase]:
    result = import_notes(text, notes_name=name)
    return result, load_knowledge_text(result.text)


def terms(kb: KnowledgeBase) -> list[str]:
    return [e.term for e in kb.entries]


def unplaced(result: ImportResult) -> list[str]:
    return [text for _line, text in result.draft.unplaced]


# -- HTML paragraphs and emphasised terms ------------------------------------------------------------


HTML_NOTES = """---
Title: Glossary of Dance
---
<p>Dancing is fun. These are words I had to look up.</p>
<p>A <em>plié</em> is a bending of the knees with the back held straight.</p>
<p><em>Relevé</em>, often referred to as <em>rise</em>, is a rise onto the balls of the feet.</p>
<p>A turn is <em>en dehors</em> if it turns away from the supporting leg. A turn is <em>en dedans</em> \
if it turns towards it.</p>
<p><em>Jeté</em> is a leap from one foot<br />
to the other foot with a brush of the working leg.</p>
<p><em>Turnout</em>, or <em>rotation</em>, consists of turning the legs out from the hips. Full turnout \
is reached when the feet form a straight line. Partial turnout is used by beginners.</p>
<p>The <em>barre</em> &amp; the centre are where class happens: the <em>barre</em> is a handrail \
used for support.</p>
"""


def test_html_paragraphs_define_the_terms_emphasised_in_their_sentences() -> None:
    result, kb = imported(HTML_NOTES, "dance.md")
    assert kb.topics[0].title == "Glossary of Dance"  # "Title:" in the front matter, as notes apps write it
    assert entry(kb, "Plié").definition == "A bending of the knees with the back held straight."
    releve = entry(kb, "Relevé")
    assert releve.definition == "A rise onto the balls of the feet."
    assert "rise" in releve.aliases
    # two terms in one paragraph, each defined by its own sentence ("A turn is *en dehors* if ...")
    assert (
        entry(kb, "En dehors").definition == "A turn is en dehors if it turns away from the supporting leg."
    )
    assert entry(kb, "En dedans").definition == "A turn is en dedans if it turns towards it."
    # a sentence that opens with its term defines it surely; "A turn is *en dehors* if ..." is a reading
    assert entry(kb, "Plié").checks == ()
    assert entry(kb, "En dehors").checks != ()
    # <br /> does not cut the definition
    assert (
        entry(kb, "Jeté").definition
        == "A leap from one foot to the other foot with a brush of the working leg."
    )
    turnout = entry(kb, "Turnout")
    assert "rotation" in turnout.aliases
    assert turnout.definition.startswith("Consists of turning the legs out from the hips.")
    # "Full turnout is reached ..." inside the paragraph on turnout names a kind of it
    assert entry(kb, "Full turnout").definition.startswith("Full turnout is reached when")
    assert "Partial turnout" in terms(kb)
    assert not any("<" in e.definition or "&amp;" in e.definition for e in kb.entries)
    assert "Dancing is fun." in unplaced(result)[0]  # the introduction is reported, not dropped


def test_html_headings_and_flat_lists_are_read_as_markdown() -> None:
    _result, kb = imported(
        "<h1>Networking</h1>\n<h2>Devices</h2>\n"
        "<p>A <em>router</em> is a device that forwards packets between networks.</p>\n"
        "<ul>\n<li><strong>Switch</strong>: connects devices within one network</li>\n"
        "<li><strong>Hub</strong> - repeats every frame to every port</li>\n</ul>\n"
        "<dl><dt>Bridge</dt><dd>joins two network segments</dd></dl>\n"
    )
    assert kb.topics[0].title == "Networking"
    assert terms(kb) == ["Router", "Switch", "Hub", "Bridge"]
    assert entry(kb, "Switch").definition == "Connects devices within one network"
    assert entry(kb, "Bridge").definition == "Joins two network segments"
    # a nested list is not flattened: the block stays raw HTML, reported, never guessed from
    result, kb = imported(
        "# Kit\n\nDrill - makes holes\n\n<ul><li>Saw<ul><li>cuts wood</li></ul></li></ul>\n"
    )
    assert terms(kb) == ["Drill"]
    assert any("Saw" in text for text in unplaced(result))


def test_html_that_is_not_prose_paragraphs_stays_a_raw_block() -> None:
    result, kb = imported(
        "# Tools\n\nHammer - drives nails into wood\n\n"
        "<table><tr><td><em>Saw</em> is a blade</td></tr></table>\n"
    )
    assert terms(kb) == ["Hammer"]
    assert not any(e.term == "Saw" for e in kb.entries)
    assert any("Saw is a blade" in text for text in unplaced(result))


def test_markdown_italic_terms_in_sentences_are_read_the_same_way() -> None:
    _result, kb = imported(
        "# Music\n\nA melody is *conjunct* if it moves by small steps. "
        "A melody is *disjunct* if it leaps.\n\n"
        "The *tempo* is the speed at which a piece is played.\n"
    )
    assert entry(kb, "Conjunct").definition == "A melody is conjunct if it moves by small steps."
    assert entry(kb, "Disjunct").definition == "A melody is disjunct if it leaps."
    assert entry(kb, "Tempo").definition == "The speed at which a piece is played."


def test_an_emphasised_word_that_no_sentence_defines_leaves_the_paragraph_as_it_was() -> None:
    _result, kb = imported(
        "# Notes\n\nFirewall - filters traffic between networks\n\nIt is *really* useful.\n"
    )
    assert terms(kb) == ["Firewall"]


# -- a heading per term over a property table ----------------------------------------------------------


PROPERTY_NOTES = """# Plant Care

## Houseplants

### Succulents (-aceae)
| Element | Details |
|---------|---------|
| **Examples** | Aloe (Aloe vera), Jade plant (SL, pot), Echeveria |
| **Description** | Plants that store water in thick leaves |
| **Uses** | Dry, sunny windowsills |
| **Watering** | Every two weeks; never let them stand in water |

### Ferns - Boston
| Element | Details |
|---------|---------|
| **Description** | A fern with long arching fronds |
| **Light** | Bright, indirect |

### Cactus - Saguaro (Giant)
| Element | Details |
|---------|---------|
| **Watering** | Rarely |
| **Light** | Full sun |
"""


def test_a_property_table_under_a_term_heading_defines_the_heading() -> None:
    result, kb = imported(PROPERTY_NOTES)
    assert sorted(terms(kb)) == ["Boston Ferns", "Saguaro", "Succulents"]  # row labels are never terms
    succulents = entry(kb, "Succulents")
    # what it is, then what it is used for: the rows that say so make the definition
    assert (
        succulents.definition == "Plants that store water in thick leaves; used for dry, sunny windowsills."
    )
    assert "Watering: Every two weeks; never let them stand in water" in succulents.details
    assert "Names end in -aceae" in succulents.details  # a suffix in brackets is no alias
    assert "-aceae" not in succulents.aliases
    # brand names in brackets are examples too; a bracket of notes is not
    assert succulents.examples == ("Aloe", "Aloe vera", "Jade plant", "Echeveria")
    # "Class - Kind": a kind of a plural class reads "Kind Class"; a member of a singular class is itself
    boston = entry(kb, "Ferns - Boston")
    assert boston.term == "Boston Ferns"
    assert boston.details == ("Light: Bright, indirect",)
    saguaro = entry(kb, "Giant")
    assert saguaro.term == "Saguaro"
    # no row says what it is: the class stands in as its definition, flagged for the author to check
    assert saguaro.definition == "Class: Cactus"
    assert "no definition found" in " ".join(saguaro.checks)
    # the rows say what it is, as written: asked in quizzes; a name made from the heading is checked first
    assert succulents.checks == ()
    assert any("made from the heading" in note for note in boston.checks)
    assert "made from the heading" in result.text


def test_a_property_table_under_no_term_heading_stays_details_of_the_entry_above() -> None:
    _result, kb = imported(
        "# Notes\n\nHammer - drives nails\n\n| Element | Details |\n|---|---|\n| **Weight** | 500 g |\n"
        "| **Handle** | Wood |\n"
    )
    assert terms(kb) == ["Hammer"]
    assert entry(kb, "Hammer").details == (
        "Element: Weight; Details: 500 g",
        "Element: Handle; Details: Wood",
    )


# -- Obsidian spaced-repetition flashcards ------------------------------------------------------------


CARD_NOTES = """---
tags: [flashcards]
---
## Mulching

Does **Mulching** keep moisture in the soil?
?
Yes

Should **Mulching** touch the stems?
?
No, keep it a hand's width away

## Watering Methods

[Course slides](https://example.com/slides)
___
What are the watering methods?
?
- Drip
- Flood

What is the Drip watering method?
?
- Water is delivered slowly to the roots.
- Used where water is scarce

Which watering method is described by the following?
- Water is delivered slowly to the roots.
- Used where water is scarce
?
Drip

What is the diagram for the Drip watering method?
?
![](https://example.com/drip.png)

What are the characteristics of the **Flood** watering method?
?
- Cheap
- Wasteful, done in short bursts called **pulses**

What is NPK?::Nitrogen, phosphorus and potassium fertiliser
Compost:::Decayed organic matter added to soil
"""


def test_obsidian_flashcards_give_each_asked_term_its_answer() -> None:
    result, kb = imported(CARD_NOTES)
    assert sorted(terms(kb)) == ["Compost", "Drip", "Flood", "Mulching", "NPK", "Pulses"]
    mulching = entry(kb, "Mulching")  # yes/no cards about a bold term are its details, questions kept
    assert "Should Mulching touch the stems? No, keep it a hand's width away" in mulching.details
    assert mulching.definition == "Does Mulching keep moisture in the soil? Yes"
    assert "no definition found" in " ".join(mulching.checks)  # no card says what it is: flagged
    # "What is the Drip watering method?" then a reversed card that answers "Drip": one entry, named Drip
    drip = entry(kb, "Drip watering method")
    assert drip.term == "Drip"
    assert drip.definition == "Water is delivered slowly to the roots; Used where water is scarce."
    assert entry(kb, "NPK").checks == ()  # "What is NPK?" asks what it is: the answer says, no guess
    assert next(e for e in result.draft.entries if e.term == "Drip").group == "Watering Methods"
    # the characteristics of a term with no other definition define it; a bold name called in it is a term
    assert entry(kb, "Flood").definition == "Cheap; Wasteful, done in short bursts called pulses."
    # the nouns after "the **Flood**" name what it is; "Does **Mulching** keep moisture" names nothing
    assert "Flood watering method" in entry(kb, "Flood").aliases
    assert entry(kb, "Mulching").aliases == ()
    assert entry(kb, "Pulses").definition == "Wasteful, done in short bursts"
    assert entry(kb, "NPK").definition == "Nitrogen, phosphorus and potassium fertiliser"  # Q::A
    assert entry(kb, "Compost").definition == "Decayed organic matter added to soil"  # Q:::A
    lost = unplaced(result)
    # a list of names, a picture-only answer and a link line are reported, never terms or definitions
    assert "What are the watering methods? Drip, Flood" in lost
    assert "What is the diagram for the Drip watering method? (answered only by a picture)" in lost
    assert "Course slides (https://example.com/slides)" in lost
    assert not any(e.definition in ("?", "Yes", "No") for e in kb.entries)


def test_a_lone_question_mark_line_in_ordinary_notes_is_no_flashcard() -> None:
    _result, kb = imported(
        "# Notes\n\nFirewall - filters traffic\n\nWhy would anyone do that\n?\nNobody knows.\n"
    )
    assert terms(kb) == ["Firewall"]


def test_double_colons_in_code_and_names_are_no_flashcards() -> None:
    _result, kb = imported(
        "# C++\n\nVector - a growable array, written std::vector\n\nMap - a sorted dictionary, std::map\n"
    )
    assert sorted(terms(kb)) == ["Map", "Vector"]
    assert entry(kb, "Vector").definition == "A growable array, written std::vector"


def test_a_bold_term_line_with_a_hard_break_before_its_definition() -> None:
    _result, kb = imported(
        '+++\ntitle = "Glossary"\n+++\n\n**Audio mixer (or mixer)**  \nAn apparatus used to mix audio.\n\n'
        "**Audio channel (audio track, track, or channel)**\\\nA single stream of audio data.\n"
    )
    assert kb.topics[0].title == "Glossary"  # TOML front matter's title
    mixer = entry(kb, "Audio mixer")
    assert mixer.definition == "An apparatus used to mix audio."
    assert "mixer" in mixer.aliases
    channel = entry(kb, "Audio channel")
    assert channel.definition == "A single stream of audio data."
    assert {"audio track", "track", "channel"} <= set(channel.aliases)


# -- any mix of these styles' marks imports or is refused with one line, never a traceback --------------

_STYLE_PIECES = st.sampled_from(
    [
        "\n?\n",
        "\n??\n",
        "::",
        ":::",
        "What is ",
        "Which one is described by",
        "Yes",
        "<p>",
        "</p>",
        "<em>",
        "</em>",
        "<strong>",
        "<br />",
        "<img src=x>",
        "&amp;",
        " is a ",
        " if it ",
        "A ",
        "| Element | Details |\n|---|---|\n",
        "| **Action** | ",
        "| **Uses** | ",
        " |\n",
        "### Drug (-pril)\n",
        "### Class - Kind (ABC)\n",
        "**Term**  \n",
        "**Term (or alias)**\\\n",
        "[link](http://x)",
        "![](http://x.png)",
        "___\n",
        "- ",
        "**",
        "*",
        "\n",
        "\n\n",
        " ",
    ]
)
_STYLE_NOTES = st.lists(st.one_of(_STYLE_PIECES, st.text(max_size=8)), max_size=50).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_STYLE_NOTES)
def test_mixed_marks_of_these_styles_never_break_the_importer(text: str) -> None:
    try:
        result = import_notes(text, notes_name="fuzz.md")
    except NotesError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert "\n" not in message
        return
    kb = load_knowledge_text(result.text)
    assert len(kb.entries) == result.entries >= 1


def test_a_property_table_after_the_terms_own_definition_adds_labelled_details() -> None:
    _result, kb = imported(
        "# Drugs\n\n## Heart\n\n### Digoxin\nA cardiac glycoside.\n\n| Element | Details |\n|---|---|\n"
        "| **Action** | Positive inotrope |\n| **Uses** | Heart failure |\n| **Antidote** | Digibind |\n\n"
        "### Warfarin\n| Element | Details |\n|---|---|\n| **Action** | Vitamin K antagonist |\n"
    )
    assert terms(kb) == ["Digoxin", "Warfarin"]
    digoxin = entry(kb, "Digoxin")
    assert digoxin.definition == "A cardiac glycoside."  # the author's own line stays the definition
    assert digoxin.details == ("Action: Positive inotrope", "Uses: Heart failure", "Antidote: Digibind")
    assert digoxin.checks == ()
    assert entry(kb, "Warfarin").definition == "Vitamin K antagonist."  # a table of one row
