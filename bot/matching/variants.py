"""Loose name forms: the same name written another way, and names inside a longer question.

Notes and students write one name many ways. ``LooseIndex`` keys every term and alias under forms
that forgive them, and a question is tried under the same forms:

* **joined, spaced and hyphenated**: the words run together (``typo squatting`` = ``typosquatting``,
  ``S/MIME`` = ``smime``, ``PKCS #12`` = ``pkcs12``), with number words as digits inside words too
  (``3 way handshake`` = ``three-way handshake``, ``triple DES`` = ``3DES``, ``0 day`` = ``zero-day``);
* **a generic head noun added or dropped** (``smurf`` = ``Smurf attack``, ``DDoS attack`` = ``DDoS``);
* **word forms and order**: the set of word stems (``escalating privileges`` = ``Privilege
  escalation``, ``SYN flood`` = ``SYN flooding``).

A form answers only when exactly one entry has it: two entries sharing a loose form make it ambiguous,
and ambiguity is a refusal. ``ExampleIndex`` does the same for the examples the notes list under an
entry (``Docker`` under Application containerization).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Container, Iterable

from bot.knowledge import Entry
from bot.matching.hashed import HashedMap
from bot.matching.names import key_of
from bot.matching.text import STOPWORDS, content_stems, singular, stem, word_set

#: Number words that stand for digits inside names ("three-way", "triple DES", "zero-day").
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "single": "1", "double": "2", "triple": "3",
    "tripl": "3", "quad": "4",
}  # fmt: skip

_NUMBER_SIGN = re.compile(r"#(?=[0-9])")  # "PKCS #12": a number sign, unlike the # of C#
_NOT_NAME_CHAR = re.compile(r"[^a-z0-9#+.]")  # symbols stay: F# is not F, .NET not "net"

#: Heads outside computing that say what kind of thing an adjective-like name is ("igneous rock", "Greek
#: civilization"): a question may always drop them.
SUBJECT_HEADS = word_set("rock volcano force rate farming civilization")
#: Last words that name only the kind of thing (a "Smurf attack" is a "smurf").
GENERIC_HEADS = (
    word_set(
        "attack protocol algorithm cipher mode process method technique standard solution scheme model "
        "service tool program software format framework mechanism system profile mode certificate operator"
    )
    | SUBJECT_HEADS
)


#: Words the field uses for the same thing inside names, each to one of them ("ECC memory" is ECC RAM,
#: "hard drive" a hard disk). Only whole words of names; two entries meeting this way are ambiguous.
SYNONYMS = {"memory": "ram", "drive": "disk", "drives": "disk", "disks": "disk"}


#: A name's word as the loose forms compare it: a number word as digits, a synonym as its group.
_AS_COMPARED = {**SYNONYMS, **NUMBER_WORDS}
_word = _AS_COMPARED.get


def _compact(tokens: list[str]) -> str:
    """The words run together, number words as digits ("three way" -> "3way"); symbols kept."""
    return _joined([_word(t, t) for t in tokens])


def _joined(compared: list[str]) -> str:
    """Words already as compared (``_word``) run together, without the characters a name form drops."""
    return _NOT_NAME_CHAR.sub("", _NUMBER_SIGN.sub("", "".join(compared)))


#: Words the stem form leaves out (only the emptiest: "between" and "without" change a name).
_FILLER = word_set("the of to for and in on")  # not "a": a key keeps it only as a label (Class A)


def _stems(tokens: list[str]) -> str:
    found = sorted({stem(_word(t, t)) for t in tokens if t not in _FILLER})
    return " ".join(found)


def _inflected(tokens: list[str]) -> str:
    """The words in any order and number ("virtual applications" = "application virtual"), without the
    stemming that makes "virtualization" "virtual": how a name without its generic head is compared."""
    return " ".join(sorted({singular(_word(t, t)) for t in tokens if t not in _FILLER}))


#: Heads a question may not drop: a "hypervisor attack" is not a hypervisor, a "sample rate" no sample
#: (the name index decides). A name may: "Unemployment Rate" is what "unemployment" asks for.
_KEPT_IN_QUESTIONS = frozenset({"attack", "rate", "force"})
KEPT_IN_QUESTIONS = _KEPT_IN_QUESTIONS


_NUMBER_DOT = re.compile(r"(?<=[0-9a-z])\.(?=[0-9])")  # the dots of X.509 and 802.1x, not of .NET
_STANDARD_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)+[a-z]*")  # 802.1x, 802.11ac: no plain 10 or 27001
_SHARED_HEAD = 3  # entries whose names end in a head before a name may drop it like a generic one
_CUT_KEPT = 3  # letters a word cut short keeps ("env")...
_CUT_DROPPED = 2  # ...and letters it drops at least
#: The most words a question may have for one of them to be left out in turn: each try costs a look-up
#: of the rest, so a longer text (a pasted paragraph) would cost its length squared. Names are shorter.
DROP_A_WORD_MAX_WORDS = 12


def without_head(key: str) -> str | None:
    """A question's key without a generic head a question may drop ("sedimentary rock" -> "sedimentary"),
    or None: for a typo search on the rest when the whole has no name ("what is sedimentary rock" where
    the notes misspell Sedimentray)."""
    said = key.split()
    if len(said) < 2 or said[-1] not in GENERIC_HEADS or said[-1] in _KEPT_IN_QUESTIONS:
        return None
    return " ".join(said[:-1])


def is_of_kind(entry: Entry, head: str) -> bool:
    """Whether the entry's names, definition or topic title use ``head``, a generic last word a question
    may leave out ("SSH protocol" asks for an SSH its definition calls a protocol)."""
    said = " ".join((*entry.names, entry.definition, entry.topic.title))
    return stem(head) in content_stems(said)


def _names_a_thing(token: str) -> bool:
    """Whether a word of a name may be left out of it: a word of 3+ letters, no number or function word."""
    return len(token) >= 3 and token.isalpha() and token not in STOPWORDS


def _latin_singular(word: str) -> str:
    """The singular of a Latin plural ("cilia" -> "cilium", "villi" -> "villus"), else "".

    Only as a loose form: a name and a question meet through it when both are written either way.
    """
    if len(word) < 4 or not word.isalpha():
        return ""
    if word.endswith("a"):
        return word[:-1] + "um"
    if word.endswith("i"):
        return word[:-1] + "us"
    if word.endswith(("um", "us")):
        return word  # the singular meets the plural's form
    return ""


#: Ordinal words inside a name of 2+ words, as the digits and suffix a key splits "1st" into.
_ORDINALS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}  # fmt: skip
#: Words that open a name only to say what kind of statement follows ("Principle of conservation of
#: energy" is the "conservation of energy" a student asks about; "law of conservation of momentum" the
#: notes' Conservation of Momentum).
_STATEMENT_LEADS = frozenset({"principle", "law", "theory"})
#: The world wars, written as initials, words, Roman numerals or ordinals ("WWI", "ww1", "World War I",
#: "first world war"): history notes name them one way and students ask another.
_WORLD_WAR = re.compile(r"(?:ww|worldwar)(i{1,2}|[12])|(1st|2nd)worldwar")
_OF_TAIL_LEAD = 2  # words a name keeps before a trailing "of X" it may drop ("Kinetic Theory of Gases")


def loose_forms(
    key: str, *, question: bool = False, shared: frozenset[str] = frozenset(), keep_head: bool = False
) -> list[str]:
    """The loose forms of a name key, strictest first (joined, joined without its head, stems ...).

    ``question``: the key is a question's, which keeps an "attack" head (only a name may drop it).
    ``shared``: heads the notes' names share, which a name of 3+ words may drop too ("Client-Server
    Networks" is "client server" in notes where many names end in "network").
    ``keep_head``: the name never drops its head (see ``_head_in_acronym``).
    """
    tokens = key.split()
    if not tokens:
        return []
    if len(tokens) > 1 and not _ORDINALS.keys().isdisjoint(tokens):  # "newton first law" = "newton 1 st law"
        tokens = [_ORDINALS.get(t, t) for t in tokens]
    droppable = len(tokens) > 1 and tokens[-1] in GENERIC_HEADS and not keep_head
    if question and tokens[-1] in _KEPT_IN_QUESTIONS:
        droppable = False
    if len(tokens) > 2 and tokens[-1] in shared:
        droppable = True
    headless = tokens[:-1] if droppable else []
    forms = ["c:" + _compact(tokens)]
    war = _WORLD_WAR.fullmatch(forms[0], 2)
    if war is not None:
        number = war.group(1) or war.group(2)[0]
        forms.append("c:ww" + (str(len(number)) if number.startswith("i") else number))
    if headless:
        forms.append("c:" + _compact(headless))
    for form in list(forms):
        undotted = _NUMBER_DOT.sub("", form)
        if undotted != form:  # a dotted number written without its dots: "x509" is X.509 (.NET keeps it)
            forms.append(undotted)
    if not question and len(tokens) == 2 and tokens[0].isalpha() and _STANDARD_NUMBER.fullmatch(tokens[1]):
        forms.append("c:" + tokens[1])  # a standard's number without its body: "802.1x" is IEEE 802.1x
    latin = _latin_singular(tokens[-1])
    if latin:  # "cilium" is the Cilia of the notes, "villi" their Villus
        forms.append("c:" + _compact([*tokens[:-1], latin]))
    stems = _stems(tokens)
    if stems and len(tokens) > 1:
        forms.append("s:" + stems)
        if question:  # to meet a name's form without its head (below); a name's whole is in "s:" already
            forms.append("h:" + _inflected(tokens))
    if headless and len(headless) > 1:
        # inflections only, not stems: "application virtual (machine)" is no "application virtualization"
        forms.append("h:" + _inflected(headless))
    if len(tokens) > 3 and tokens[0] in _STATEMENT_LEADS and tokens[1] == "of" and "of" in tokens[3:]:
        forms.append("c:" + _compact(tokens[2:]))  # what the principle is of, itself a name with "of"
    if not question and len(tokens) > _OF_TAIL_LEAD + 1 and tokens[-2] == "of" and "of" not in tokens[:-2]:
        forms.append("c:" + _compact(tokens[:-2]))  # the name said without what it is of
    return forms


#: "aka X", "also known as X", "also called X" in a definition: another name the notes give the entry.
_STATED_NAME = re.compile(
    r"\b(?:aka|a\.k\.a\.?|also known as|also called|also referred to as|otherwise known as|sometimes called)"
    r"\s+[\"'\u201c\u2018]?([^,;:.()\[\]\"'\u201d\u2019\n\u2013\u2014]+)",
    re.IGNORECASE,
)
#: "(also X)" as a whole parenthesis, or "also" before a quoted name: "also" alone is another name only
#: there ("... (also URL hijacking)", 'also "bit squatting"'); "it also runs on hosts" names nothing.
_ALSO_NAME = re.compile(
    r"\(\s*also\s+([^()\[\]\"'\u201c\u201d,;:.\n]+?)\s*\)|\balso\s+[\"\u201c]([^\"\u201d\n]+)[\"\u201d]",
    re.IGNORECASE,
)
_NOT_A_NAME_START = STOPWORDS | {"see", "cf", "used", "useful"}  # "(also see VM)" points elsewhere
_STATED_HINTS = ("aka", "a.k.a", "also ", "known as", "called")  # one is in every such phrase
_STATED_WORDS = 4  # the longest name a definition states that way, in words


def stated_names(definition: str) -> list[str]:
    """The other names a definition gives its entry ("Aka typo squatting (also ...)" -> typo squatting;
    "... (also URL hijacking)" -> URL hijacking).

    Up to 4 words up to the next punctuation mark; a longer phrase is a sentence, not a name.
    """
    folded = definition.casefold()
    if not any(hint in folded for hint in _STATED_HINTS):
        return []  # the usual case, checked in C
    found = []
    for match in _STATED_NAME.finditer(definition):
        phrase = match.group(1).split(" - ")[0].strip()
        if phrase and len(phrase.split()) <= _STATED_WORDS:
            found.append(phrase)
    for match in _ALSO_NAME.finditer(definition):
        phrase = (match.group(1) or match.group(2)).strip()
        said = phrase.split()
        if said and len(said) <= _STATED_WORDS and said[0].casefold() not in _NOT_A_NAME_START:
            found.append(phrase)
    return found


#: A definition that opens with an article and a noun phrase names the kind of thing its entry is
#: ("A segmentation variable: ...", "An attack that ...", "A kind of deontology: ...").
_GENUS = re.compile(r"\s*(?:an?|the)\s+([\w'-]+(?:\s+[\w'-]+){0,5})", re.IGNORECASE)
#: Without an article, a plural noun phrase of up to two words, then a word or mark that goes on to
#: say what sets the entry apart ("Minerals that consist of ...", "Living components in ...").
_BARE_GENUS = re.compile(
    r"\s*([A-Za-z][\w'-]*s(?:\s+[\w'-]+s)?)(?=\s*[:;,(]|\s+(?:that|which|who|whose|where|with|of|in)\b)"
)
#: Words that say "a kind of" before the kind itself ("A type of malware", "A main group of tissues").
_KIND_OF = word_set("kind type form sort variety group class category family subtype")
_GENUS_WORDS = 3  # the longest kind read, in words
_KIND_OF_AT = 2  # how far into the definition "type of" may stand ("A main group of", "A special kind of")


def genus_words(definition: str) -> list[str]:
    """The words of the kind a definition says its entry is, or none.

    "A segmentation variable: lifestyle ..." -> [segmentation, variable]; "An attack that finds ..." ->
    [attack]; "A kind of deontology: ..." and "A main group of tissues: ..." -> [deontology], [tissues];
    "Minerals that consist of ..." -> [Minerals]; a definition that opens with neither an article nor a
    plural noun phrase ("Tries one common password ...") states no kind.
    """
    found = _GENUS.match(definition)
    if found is None:
        bare = _BARE_GENUS.match(definition)
        return bare.group(1).split() if bare is not None else []
    said = found.group(1).split()
    for at in range(min(_KIND_OF_AT, len(said) - 2)):
        word = said[at].casefold()
        if word in _KIND_OF and said[at + 1].casefold() == "of":
            said = said[at + 2 :]
            if said and said[0].casefold() in {"a", "an", "the"}:
                said = said[1:]
            break
        if word in STOPWORDS:
            break
    kind: list[str] = []
    for word in said[:_GENUS_WORDS]:
        if word.casefold() in STOPWORDS:
            break
        kind.append(word)
    return kind


_SLASH = re.compile(r"\s+/\s+")  # "Coherence / orphan rules": two names, spaced apart
_EXTENSION = re.compile(r"\.[a-z0-9]{2,5}")  # ".mp3", ".s3m": a file extension, written small (not .NET)
_DEFINED_NAME_WORDS = 5  # the longest definition read as the entry's name spelled out
_NAME_ONLY = re.compile(r"[\w\- ]+")  # words and hyphens: no sentence, no list


def written_names(entry: Entry) -> list[str]:
    """Other names the notes write for an entry without calling them aliases.

    * each side of a name written two ways around a spaced slash (".aiff / .aif", "Colour / Color": the
      same first letters; "Mean / Median" are two things one entry compares; "TCP/IP" is no TCP);
    * a file extension, written in small letters, without its dot (".mp3" is "mp3" and "mp3 file";
      ".NET" is no "net", and ".it" no "it");
    * a definition that is only a name, up to 5 words, most of them capitalised ("Ogg Vorbis",
      "Impulse Tracker module" for .it): the entry spelled out; "Filled with cell sap" is a sentence.
    """
    found: list[str] = []
    for name in entry.names:
        parts = [part.strip() for part in _SLASH.split(name) if part.strip()]
        if len(parts) > 1 and len({part.casefold()[:4] for part in parts}) == 1:
            found += parts
    for name in (*entry.names, *found):
        if _EXTENSION.fullmatch(name) and name[1:] not in STOPWORDS:
            found += (name[1:], name[1:] + " file")  # "a wav file"; never "hosts file" for Host
    definition = entry.definition.strip()
    said = definition.split()
    capitals = sum(1 for w in said if w[0].isupper() or w[0].isdigit())
    short = 0 < len(said) <= _DEFINED_NAME_WORDS and _NAME_ONLY.fullmatch(definition) is not None
    if short and said[0][0].isupper() and 2 * capitals > len(said):
        found.append(definition)
    return found


def _head_in_acronym(tokens: list[str], acronyms: set[str]) -> bool:
    """Whether a two-word name's head is a letter of the entry's own acronym: "Internet Protocol (IP)"
    without "protocol" is "internet", another thing, where a "Smurf attack" without "attack" is a smurf."""
    return len(tokens) == 2 and "".join(t[0] for t in tokens) in acronyms


#: the value of an owner map (``LooseIndex``) for a form that several entries hold
_SEVERAL = -1


def _own(owners: dict[str, int], form: str, index: int) -> None:
    """Record that entry ``index`` holds ``form``: its index while it is the only one, else ``_SEVERAL``.

    A look-up only asks whether one entry holds a form, so a number per form does what a set of owners
    did at a fraction of the memory (an int is shared, an empty set is 216 bytes).
    """
    held = owners.get(form)
    if held is None:
        owners[form] = index
    elif held != index:
        owners[form] = _SEVERAL


def _one(held: int | None) -> int | None:
    """The one owner an owner map gives, None when no entry or several hold the form."""
    return held if held is not None and held != _SEVERAL else None


class LooseIndex:
    """Loose forms of every term and alias (and of the names its definition states) -> the entries.

    ``forms``, ``shortened`` and ``word_forms`` map a form to the one entry that holds it, or to
    ``_SEVERAL`` (-1) when several do; ``leading`` maps all words but the last to (last word, entry)
    pairs.
    """

    def __init__(
        self,
        entries: list[Entry],
        in_notes: Callable[[str], bool] = lambda word: True,
        slip: Callable[[str], bool] = lambda word: False,
    ) -> None:
        """``in_notes(word)``: whether the notes use a word anywhere (names, definitions, details);
        ``slip(word)``: whether a word the notes do not use is a slip of one of their names' words."""
        self.entries = entries
        self.in_notes = in_notes
        self.slip = slip
        forms: dict[str, int] = {}
        keys = [
            (index, key)
            for index, entry in enumerate(entries)
            for key in dict.fromkeys(
                key_of(n) for n in (*entry.names, *stated_names(entry.definition), *written_names(entry))
            )
            if key
        ]
        owners: dict[str, set[int]] = {}
        for index, key in keys:
            tokens = key.split()
            if len(tokens) > 1 and not tokens[-1].isdigit():
                owners.setdefault(tokens[-1], set()).add(index)
        #: heads that the names of 3+ entries share ("network" in notes on networks)
        self.shared = frozenset(head for head, held in owners.items() if len(held) >= _SHARED_HEAD)
        #: a name with one inner word left out ("double brackets" -> Double square brackets)
        shortened: dict[str, int] = {}
        #: all words but the last -> (the last word, entry) ("global env" -> Global environment)
        leading: dict[str, set[tuple[str, int]]] = {}
        acronyms: dict[int, set[str]] = {}
        #: the stem of a one-word name -> its entries ("spraying" and "spray" are one word)
        self.word_forms: dict[str, int] = {}
        for index, key in keys:
            if " " not in key:
                acronyms.setdefault(index, set()).add(key)
                if _names_a_thing(key):
                    _own(self.word_forms, stem(key), index)
        for index, key in keys:
            keep_head = _head_in_acronym(key.split(), acronyms.get(index, set()))
            for form in loose_forms(key, shared=self.shared, keep_head=keep_head):
                _own(forms, form, index)
            tokens = key.split()
            if len(tokens) > 1:
                # interned: the heads the notes' names share are one string, not one per name
                leading.setdefault(" ".join(tokens[:-1]), set()).add((sys.intern(tokens[-1]), index))
            if len(tokens) > 2:
                compared = [_word(t, t) for t in tokens]
                for drop in range(1, len(tokens) - 1):
                    if _names_a_thing(tokens[drop]):
                        form = _joined(compared[:drop] + compared[drop + 1 :])
                        _own(shortened, form, index)
        # two flat arrays each, not half a million strings to rebuild when read from the index cache
        self.forms = HashedMap(forms)
        self.shortened = HashedMap(shortened)
        # a tuple holds the few pairs in a quarter of a set's memory
        self.leading: dict[str, tuple[tuple[str, int], ...]] = {
            joined: tuple(pairs) for joined, pairs in leading.items()
        }

    def hit_word_form(self, word: str) -> int | None:
        """The one entry with a one-word name of ``word``'s stem ("spray" -> Spraying), for a name
        asked with a qualifier beside it only: alone, a word form names too much ("organic" is no
        Organ)."""
        return _one(self.word_forms.get(stem(word))) if _names_a_thing(word) else None

    def hit_missing_a_word(self, key: str) -> int | None:
        """The one entry whose 3+ word name ``key`` writes with one inner word left out.

        "double brackets" is Double square brackets; never a number, a one-letter label or a function
        word ("type hypervisor" is no Type 2 hypervisor, "man middle" no Man-in-the-Middle).
        """
        tokens = key.split()
        if len(tokens) < 2:
            return None
        return _one(self.shortened.get(_compact(tokens)))

    def hit_cut_short(self, key: str) -> int | None:
        """The one entry whose name ``key`` writes with its last word cut short ("global env").

        The cut word keeps 3+ letters and drops 2+ ("elliptic curve crypto" is Elliptic Curve
        Cryptography; "vlan tag" no VLAN tagging).
        """
        tokens = key.split()
        if len(tokens) < 2 or len(tokens[-1]) < _CUT_KEPT or not tokens[-1].isalpha():
            return None
        last = tokens[-1]
        candidates = self.leading.get(" ".join(tokens[:-1]), ())
        found = {
            i for word, i in candidates if word.startswith(last) and len(word) >= len(last) + _CUT_DROPPED
        }
        return next(iter(found)) if len(found) == 1 else None

    def hit(self, key: str) -> int | None:
        """The one entry ``key`` names under a loose form; None when none does or several do.

        A question's generic last word is left out only where it fits the entry (``may_drop``):
        "community service" is no Community, but "SSH protocol" the SSH its definition calls a protocol.
        """
        whole: set[str] | None = None
        for form in loose_forms(key, question=True):
            found = self.forms.get(form)
            if found is None:
                continue
            if whole is None:
                whole = set(loose_forms(key, question=True, keep_head=True))
            one = _one(found)
            if one is None or form in whole or self.may_drop(self.entries[one], key.split()[-1]):
                return one
        return None

    def may_drop(self, entry: Entry, head: str) -> bool:
        """Whether a question may leave out its generic last word ``head`` to name ``entry``: a subject's
        head ("igneous rock"), an entry of that kind, notes that use the word elsewhere, or a definition
        that states no other kind ("spooler service": Spooler, "Queues print jobs"). "community service"
        is no Community, "An assemblage of ...", in notes that never say "service"."""
        if head in SUBJECT_HEADS or is_of_kind(entry, head) or self.in_notes(head):
            return True
        return not genus_words(entry.definition)

    def hit_dropping_a_word(self, key: str) -> int | None:
        """The one entry named once one inner word of a 3+ word key is left out ("DNS cache poisoning").

        Never a number or a function word ("mean time *between* failures" is not "mean time to failure").
        Only for keys of 3 to :data:`DROP_A_WORD_MAX_WORDS` words (at most that many look-ups); longer
        text gets None.
        """
        tokens = key.split()
        if not 3 <= len(tokens) <= DROP_A_WORD_MAX_WORDS:
            return None
        found: set[int] = set()
        # inner words only: the last says what kind of thing it is, and a word in front makes another
        # thing ("app virtual machine" is no virtual machine)
        for drop in range(1, len(tokens) - 1):
            if tokens[drop].isdigit() or tokens[drop] in STOPWORDS:
                continue  # "between" or "without" changes what is named; "cache" in "DNS cache poisoning" not
            if self.slip(tokens[drop]) and not self.in_notes(tokens[drop]):
                return None  # "EAP tuneled TLS" misspells EAP-TTLS' word: without it, it names EAP-TLS
            hit = self.hit(" ".join(tokens[:drop] + tokens[drop + 1 :]))
            if hit is not None:
                found.add(hit)
        return next(iter(found)) if len(found) == 1 else None


_SUCH_AS = re.compile(r"(\w+),?\s+(?:such as|including|e\.g\.,?|for example,?|for instance,?)\s+([^.;:()]+)")
_LIST_BREAK = re.compile(r"(,|\band\b|\bor\b)")


def stated_examples(entry: Entry) -> list[str]:
    """The examples an entry's definition gives of the entry itself.

    "Higher-order functions such as map are ..." gives map: the word before "such as" is the entry's
    head. "... share resources such as data and applications" gives none: those are examples of
    resources, not of the entry. Each item of the list is read up to its first function word.
    """
    heads = {key_of(n).split()[-1] for n in entry.names if key_of(n)}
    found = []
    for match in _SUCH_AS.finditer(entry.definition):
        if key_of(match.group(1)) not in heads:
            continue
        pieces = _LIST_BREAK.split(match.group(2))  # item, separator, item, ...
        for at in range(0, len(pieces), 2):
            kept = []
            for word in pieces[at].split():
                if word.casefold() in STOPWORDS:
                    break
                kept.append(word)
            if 0 < len(kept) <= _STATED_WORDS:
                found.append(" ".join(kept))
            if at >= 1 and pieces[at - 1] in {"and", "or"}:
                break  # the item after "and"/"or" ends the list: "..., or KVM, run VMs"
    return found


class ExampleIndex:
    """The examples listed under entries (or given in their definitions, ``stated_examples``), by name
    key -> (entries, the example as written)."""

    def __init__(self, entries: list[Entry], names: Iterable[str]) -> None:
        taken = set(names)  # a name of an entry is never answered as an example
        self.examples: dict[str, tuple[set[int], str]] = {}
        for index, entry in enumerate(entries):
            for example in (*entry.examples, *stated_examples(entry)):
                key = key_of(example)
                if not key or key in taken:
                    continue
                owners, _ = self.examples.setdefault(key, (set(), example))
                owners.add(index)
        # the product's own name without its maker's ("ESXi" of "VMware ESXi", "Hyper-V" of "Microsoft
        # Hyper-V"): only a coined word (an inner capital, a digit or a hyphen), never a plain one
        # ("Workstation" of "VMware Workstation" is a word of its own)
        self.parts: dict[str, tuple[set[int], str]] = {}
        for owners, example in self.examples.values():
            maker, _, product = example.partition(" ")
            if not maker or " " in product or not _coined(product):
                continue
            part = key_of(product)
            if part and part not in taken and part not in self.examples:
                found, _ = self.parts.setdefault(part, (set(), example))
                found.update(owners)
                if self.parts[part][1] != example:
                    found.add(-1)  # two examples share the part: it names neither

    def hit(self, key: str) -> tuple[int, str] | None:
        """``(entry index, example as written)`` when ``key`` is an example of exactly one entry, or the
        coined product name of exactly one example ("esxi" -> "VMware ESXi")."""
        found = self.examples.get(key) or self.parts.get(key)
        if found is None or len(found[0]) != 1 or -1 in found[0]:
            return None
        return next(iter(found[0])), found[1]


def _coined(word: str) -> bool:
    """Whether a word is a coined product name: a capital after its first letter, a digit or a hyphen."""
    return any(c.isupper() or c.isdigit() or c == "-" for c in word[1:])


#: Words an acronym may leave out of the name it shortens ("Denial of Service" is DoS or DS).
_ACRONYM_SMALL = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


#: Words an acronym writes as a digit that sounds like them ("business to business" is B2B).
_ACRONYM_DIGITS = {"to": "2", "two": "2", "for": "4", "four": "4"}


def initials(name: str) -> set[str]:
    """The acronyms a name of 3+ words may be shortened to, in lower case.

    ``Man-in-the-Middle`` -> {"mitm", "mm"}; ``Denial of Service`` -> {"dos", "ds"}; ``business to
    business`` -> {"btb", "bb", "b2b"}; words are split at spaces, hyphens and slashes; names of fewer
    than 3 words give none (too many would collide).
    """
    parts = [w for w in re.split(r"[\s\-/]+", name) if w]
    if len(parts) < 3 or not all(w[:1].isalpha() for w in parts):
        return set()
    every = "".join(w[0] for w in parts).casefold()
    significant = "".join(w[0] for w in parts if w.casefold() not in _ACRONYM_SMALL).casefold()
    digits = "".join(_ACRONYM_DIGITS.get(w.casefold(), w[0]) for w in parts).casefold()
    return {a for a in (every, significant, digits) if len(a) >= 3}


def contracted(said: list[str], known: Container[str]) -> list[str]:
    """``said`` (a question's words) with a run of 3+ of its words shortened to their initials, when
    those are an acronym in ``known`` (in lower case), written as acronyms are (in capitals, so an "s"
    stays: "DNS server"), each way that keeps another word beside it: "business to business marketing"
    -> "B2B marketing", ...

    Up to 8 words are read, so a question costs at most a few dozen candidates.
    """
    found: list[str] = []
    if not 3 < len(said) <= _CONTRACTED_WORDS or not all(w[:1].isalpha() for w in said):
        return found
    # the letters ``initials`` takes of each word, as every word, significant word and digit write them
    every = [w[0] for w in said]
    significant = ["" if w in _ACRONYM_SMALL else w[0] for w in said]
    digits = [_ACRONYM_DIGITS.get(w, w[0]) for w in said]
    for start in range(len(said)):
        for end in range(start + 3, len(said) + 1):
            if end - start == len(said):
                continue  # the whole question as initials is the acronym look-ups' (``spelled_out``)
            spans = {"".join(letters[start:end]) for letters in (every, significant, digits)}
            for acronym in sorted(spans):
                if len(acronym) >= 3 and acronym in known:
                    found.append(" ".join((*said[:start], acronym.upper(), *said[end:])))
    return found


_CONTRACTED_WORDS = 8
_ACRONYM_WORD = re.compile(r"[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*")  # two capitals or digits


class InitialsIndex:
    """Entries by the acronyms of their 3+ word names that the notes do not write themselves."""

    def __init__(self, entries: list[Entry], names: Iterable[str]) -> None:
        taken = set(names)  # a written name always wins over a guessed acronym
        #: acronym -> the one entry it abbreviates, ``_SEVERAL`` when several
        self.acronyms: dict[str, int] = {}
        for index, entry in enumerate(entries):
            for name in entry.names:
                for acronym in initials(name):
                    if acronym not in taken and key_of(acronym) not in taken:
                        _own(self.acronyms, acronym, index)

    def hit(self, word: str) -> int | None:
        """The one entry ``word`` (a single word as typed, any case) abbreviates; None if none or several."""
        return _one(self.acronyms.get(word.casefold()))


_ACRONYM_SHAPE = re.compile(r"[A-Za-z]{2,8}")


def is_acronym(name: str) -> bool:
    """Whether a name as written is an acronym: 2-8 letters, at least 2 and half of them capitals.

    "MTBF", "DDoS", "WAN": yes; "Rank", "TCP/IP" (a slash), "802.1X": no.
    """
    if not _ACRONYM_SHAPE.fullmatch(name):
        return False
    capitals = sum(1 for ch in name if ch.isupper())
    return capitals >= 2 and 2 * capitals >= len(name)


class AcronymIndex:
    """The acronyms the notes write as names, for questions that type them out or mix them in.

    * ``spelled_out(words)``: the one entry whose acronym the question's words abbreviate ("mean time
      between failures" -> MTBF, "distributed denial of service" -> DDoS), acronyms of 3+ letters only;
    * ``expand(words)``: the question with another entry's acronym written out as that entry's own
      expansion ("software defined wan" -> "software defined wide area network" when WAN's entry is
      also called Wide Area Network).
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.by_acronym: dict[str, set[int]] = {}
        #: acronyms written inside names of 2+ words ("B2B" of "B2B marketing"), in lower case
        self.inside: set[str] = set()
        expansions: dict[str, set[str]] = {}
        for index, entry in enumerate(entries):
            for name in entry.names:
                said = name.split()
                if len(said) > 1:
                    self.inside.update(w.casefold() for w in said if _ACRONYM_WORD.fullmatch(w))
            acronyms = [n.casefold() for n in entry.names if is_acronym(n)]
            for acronym in acronyms:
                self.by_acronym.setdefault(acronym, set()).add(index)
            for name in entry.names:
                for acronym in initials(name) & set(acronyms):
                    expansions.setdefault(acronym, set()).add(key_of(name))
        # an acronym two entries share, or with two expansions, is left as typed
        self.expansions = {
            a: next(iter(e)) for a, e in expansions.items() if len(e) == 1 and len(self.by_acronym[a]) == 1
        }

    def spelled_out(self, words: list[str]) -> int | None:
        """The one entry whose 3+ letter acronym ``words`` (a question's words, 3+ of them) abbreviate."""
        if len(words) < 3 or not all(w[:1].isalpha() for w in words):
            return None
        found: set[int] = set()
        for acronym in initials(" ".join(words)):
            found |= self.by_acronym.get(acronym, set())
        return next(iter(found)) if len(found) == 1 else None

    def expand(self, words: list[str]) -> list[str] | None:
        """``words`` with each known acronym written out; None when none is there (or only it is)."""
        if len(words) < 2:
            return None
        out: list[str] = []
        for word in words:
            out.extend(self.expansions.get(word, word).split())
        return out if len(out) > len(words) else None
