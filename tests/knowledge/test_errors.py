"""Each kind of mistake in a knowledge file is reported with its file, line, key and a readable message."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import yaml

from bot import loader
from bot.knowledge import KnowledgeError, Problem
from bot.loader import load_knowledge, load_knowledge_text

from .conftest import WriteFile, only_problem, problems_of

VALID = """
    topic:
      title: Networking
    entries:
      - term: Firewall
        definition: Filters traffic.
"""


def test_valid_file_loads(write: WriteFile) -> None:
    kb = load_knowledge([write("net.yaml", VALID)])
    assert [e.term for e in kb] == ["Firewall"]
    assert kb.topics[0].objective is None
    assert kb.topics[0].tags == ()


def test_yaml_syntax_error_names_the_line(write: WriteFile) -> None:
    path = write(
        "bad.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: a firewall: filters traffic
        """,
    )
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 5, None)
    assert problem.message.startswith("YAML syntax error: ")
    assert "mapping values are not allowed" in problem.message


def test_tab_indentation_is_a_syntax_error(write: WriteFile) -> None:
    path = write("tabs.yaml", "topic:\n\ttitle: Networking\nentries: []\n")
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 2, None)
    assert "YAML syntax error" in problem.message


def test_two_documents_in_one_file_are_rejected(write: WriteFile) -> None:
    path = write("two.yaml", VALID + "    ---\n    topic: {title: Other}\n")
    problem = only_problem([path])
    assert problem.line == 6
    assert "expected a single document" in problem.message


def test_unknown_entry_key_suggests_the_close_one(write: WriteFile) -> None:
    path = write(
        "typo.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
            alises: [packet filter]
        """,
    )
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 6, "alises")
    assert problem.message == "unknown key 'alises' in an entry (did you mean 'aliases'?)"


def test_misspelt_definition_is_unknown_and_the_definition_missing(write: WriteFile) -> None:
    path = write(
        "typo.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            defintion: Filters traffic.
        """,
    )
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (4, "definition", "entry 'Firewall' has no 'definition'"),
        (5, "defintion", "unknown key 'defintion' in an entry (did you mean 'definition'?)"),
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_ones(write: WriteFile) -> None:
    path = write("extra.yaml", VALID + "    colour: blue\n")
    problem = only_problem([path])
    assert (problem.line, problem.key) == (6, "colour")
    assert (
        problem.message
        == "unknown key 'colour' at the top of the file (allowed: topic, entries, topics, unplaced)"
    )


def test_unknown_topic_key(write: WriteFile) -> None:
    path = write(
        "topic.yaml",
        """
        topic:
          title: Networking
          objectve: "1.1"
        entries:
          - term: Firewall
            definition: Filters traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (3, "objectve")
    assert problem.message == "unknown key 'objectve' in 'topic' (did you mean 'objective'?)"


def test_key_given_twice(write: WriteFile) -> None:
    path = write(
        "twice.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
            definition: Blocks traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (6, "definition")
    assert problem.message == "'definition' is given twice (first on line 5)"


def test_missing_term(write: WriteFile) -> None:
    path = write(
        "noterm.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
          - aliases: [IDS]
            definition: Detects intrusions.
        """,
    )
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 6, "term")
    assert problem.message == "this entry has no 'term'"


def test_missing_definition(write: WriteFile) -> None:
    path = write(
        "nodef.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: [packet filter]
        """,
    )
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 4, "definition")
    assert problem.message == "entry 'Firewall' has no 'definition'"


def test_missing_title(write: WriteFile) -> None:
    path = write(
        "notitle.yaml",
        """
        topic:
          objective: "1.1"
        entries:
          - term: Firewall
            definition: Filters traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key, problem.message) == (2, "title", "the topic has no 'title'")


def test_missing_topic_and_entries(write: WriteFile) -> None:
    path = write("bare.yaml", "title: Networking\n")
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (
            1,
            "title",
            "unknown key 'title' at the top of the file (allowed: topic, entries, topics, unplaced)",
        ),
        (1, "topic", "'topic' is missing (a mapping with at least a 'title')"),
        (1, "entries", "'entries' is missing (a list of terms)"),
    ]


def test_aliases_given_as_a_string(write: WriteFile) -> None:
    path = write(
        "aliases.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: packet filter
            definition: Filters traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (5, "aliases")
    assert problem.message == "'aliases' must be a list, not text; write aliases: [packet filter]"


def test_a_number_as_a_term(write: WriteFile) -> None:
    path = write(
        "number.yaml",
        """
        topic:
          title: Ports
        entries:
          - term: 443
            definition: The HTTPS port.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (4, "term")
    assert (
        problem.message == "'term' must be text, but YAML reads '443' as a number; put it in quotes: \"443\""
    )


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "true", "False"])
def test_yaml_booleans_where_text_was_meant(write: WriteFile, word: str) -> None:
    path = write(
        "bool.yaml",
        f"""
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: [{word}]
            definition: Filters traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (5, "aliases")
    assert problem.message == (
        f"item 1 of 'aliases' must be text, but YAML reads '{word}' as a yes/no value; "
        f'put it in quotes: "{word}"'
    )


def test_quoted_boolean_words_are_text(write: WriteFile) -> None:
    path = write(
        "quoted.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: "On"
            aliases: ["yes", 'No', "2.2"]
            definition: "true"
        """,
    )
    (entry,) = load_knowledge([path])
    assert (entry.term, entry.aliases, entry.definition) == ("On", ("yes", "No", "2.2"), "true")


@pytest.mark.parametrize("value", ["~", "null", ""])
def test_null_where_text_was_meant_is_empty(write: WriteFile, value: str) -> None:
    path = write(
        "null.yaml",
        f"""
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: {value}
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (5, "definition")
    if value:
        assert problem.message.startswith("'definition' must be text, but YAML reads")
        assert "as an empty value" in problem.message
    else:
        assert problem.message == "'definition' is empty"


@pytest.mark.parametrize(
    ("written", "read"), [("2.2", "2.2"), ("2.10", "2.10"), ("3", "3"), ('"1.0"', "1.0")]
)
def test_unquoted_objective_keeps_its_original_text(write: WriteFile, written: str, read: str) -> None:
    path = write(
        "objective.yaml",
        f"""
        topic:
          title: Networking
          objective: {written}
        entries:
          - term: Firewall
            definition: Filters traffic.
        """,
    )
    assert load_knowledge([path]).topics[0].objective == read


def test_boolean_objective_is_rejected(write: WriteFile) -> None:
    path = write("obj.yaml", VALID.replace("title: Networking", "title: Networking\n      objective: yes"))
    problem = only_problem([path])
    assert (problem.line, problem.key) == (3, "objective")
    assert 'put it in quotes: "yes"' in problem.message


@pytest.mark.parametrize("text", ['""', "'   '"])
def test_empty_strings(write: WriteFile, text: str) -> None:
    path = write(
        "empty.yaml",
        f"""
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
            details: [Stateful, {text}]
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key, problem.message) == (6, "details", "item 2 of 'details' is empty")


def test_empty_title(write: WriteFile) -> None:
    path = write("title.yaml", VALID.replace("title: Networking", 'title: ""'))
    problem = only_problem([path])
    assert (problem.line, problem.key, problem.message) == (2, "title", "'title' is empty")


def test_text_containing_colon_space_gets_a_hint(write: WriteFile) -> None:
    path = write(
        "colon.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
            details:
              - Note: stateful
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (7, "details")
    assert problem.message == (
        "item 1 of 'details' must be text, not a mapping (key: value pairs); "
        "if the text contains ': ' put it in quotes"
    )


def test_wrong_container_types(write: WriteFile) -> None:
    path = write(
        "types.yaml",
        """
        topic: [Networking]
        entries:
          - Firewall
          - term: IDS
            definition: [Detects intrusions]
            examples: {snort: yes}
        """,
    )
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (1, "topic", "'topic' must be a mapping with a 'title', not a list"),
        (3, "entries", "an entry must be a mapping with 'term' and 'definition', not text"),
        (5, "definition", "'definition' must be text, not a list"),
        (6, "examples", "'examples' must be a list, not a mapping (key: value pairs)"),
    ]


def test_empty_file(write: WriteFile) -> None:
    path = write("empty.yaml", "# just a comment\n")
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 1, None)
    assert problem.message == "the file is empty; it needs 'topic:' and 'entries:'"


@pytest.mark.parametrize(("text", "kind"), [("- a\n- b\n", "a list"), ("just words\n", "text")])
def test_file_that_is_not_a_mapping(write: WriteFile, text: str, kind: str) -> None:
    path = write("list.yaml", text)
    problem = only_problem([path])
    assert (problem.line, problem.key) == (1, None)
    assert problem.message == f"a knowledge file must be a mapping with 'topic:' and 'entries:', not {kind}"


@pytest.mark.parametrize("entries", ["[]", ""])
def test_empty_entries(write: WriteFile, entries: str) -> None:
    path = write("noentries.yaml", f"topic:\n  title: Networking\nentries: {entries}\n")
    problem = only_problem([path])
    assert (problem.line, problem.key) == (3, "entries")
    if entries:
        assert problem.message == "'entries' is empty; add at least one term"
    else:
        assert problem.message == "'entries' must be a list of terms, not an empty value"


def test_duplicate_term_in_one_file_names_both_places(write: WriteFile) -> None:
    path = write(
        "dup.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
          - term: "  firewall "
            definition: Blocks traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.path, problem.line, problem.key) == (path, 6, "term")
    assert problem.message.startswith("term 'firewall' is already claimed by entry 'Firewall' (")
    assert problem.message.endswith("dup.yaml:4)")


def test_alias_repeating_its_own_term(write: WriteFile) -> None:
    path = write(
        "self.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: [FIREWALL]
            definition: Filters traffic.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (5, "aliases")
    assert problem.message == "alias 'FIREWALL' repeats a name of entry 'Firewall' (line 4)"


def test_duplicate_alias_across_two_files(write: WriteFile) -> None:
    first = write(
        "a/net.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: [packet   filter]
            definition: Filters traffic.
        """,
    )
    second = write(
        "b/sec.yaml",
        """
        topic:
          title: Security
        entries:
          - term: Stateless firewall
            aliases:
              - ACL
              - Packet Filter
            definition: Filters packets one at a time.
        """,
    )
    problem = only_problem([first.parent.parent])
    assert (problem.path, problem.line, problem.key) == (second, 7, "aliases")
    assert problem.message.startswith("alias 'Packet Filter' is already claimed by entry 'Firewall' (")
    assert problem.message.endswith(f"{Path('a', 'net.yaml')}:5)")


def test_see_also_naming_no_known_term(write: WriteFile) -> None:
    path = write(
        "see.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            aliases: [packet filter]
            definition: Filters traffic.
            see_also: [Packet Filter, Intrusion detection, Fire wal, proxy server]
          - term: Proxy
            definition: Forwards requests.
            see_also: [Firewal, proxxy]
        """,
    )
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (7, "see_also", "see_also 'Intrusion detection' of entry 'Firewall' names no known term or alias"),
        (7, "see_also", "see_also 'Fire wal' of entry 'Firewall' names no known term or alias"),
        (
            7,
            "see_also",
            "see_also 'proxy server' of entry 'Firewall' names no known term or alias",
        ),
        (
            10,
            "see_also",
            "see_also 'Firewal' of entry 'Proxy' names no known term or alias (did you mean 'Firewall'?)",
        ),
        # No suggestion of the entry's own term.
        (10, "see_also", "see_also 'proxxy' of entry 'Proxy' names no known term or alias"),
    ]


def test_see_also_may_name_a_term_of_another_file(write: WriteFile) -> None:
    write("a.yaml", VALID)
    write(
        "b.yml",
        """
        topic:
          title: Security
        entries:
          - term: IDS
            definition: Detects intrusions.
            see_also: [firewall]
        """,
    )
    kb = load_knowledge([write("a.yaml", VALID).parent])
    assert [e.term for e in kb] == ["Firewall", "IDS"]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    problem = only_problem([missing])
    assert problem == Problem(missing, None, None, "no such file or directory")


def test_folder_without_yaml_and_non_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes\n")
    assert problems_of([tmp_path, tmp_path / "notes.md"]) == [
        Problem(tmp_path, None, None, "no .yaml or .yml files in this directory"),
        Problem(tmp_path / "notes.md", None, None, "not a knowledge file (expected .yaml or .yml)"),
    ]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("topic:\n  title: Réseau\n".encode("latin-1"))
    problem = only_problem([path])
    assert (problem.line, problem.key) == (2, None)
    assert problem.message == "the file is not UTF-8 text; save it as UTF-8"


def test_control_character_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.yaml"
    path.write_text("topic:\n  title: Net\x07working\n", encoding="utf-8")
    problem = only_problem([path])
    assert problem.line == 2
    assert problem.message.startswith("YAML cannot read this file")


def test_several_errors_across_two_files_are_reported_together(write: WriteFile) -> None:
    first = write(
        "1-net.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
            see_also: [Honeypot]
          - term: Proxy
        """,
    )
    second = write(
        "2-sec.yaml",
        """
        topic:
          titel: Security
        entries:
          - term: IDS
            aliases: IPS
            definition: Detects intrusions.
        """,
    )
    broken = write("3-broken.yaml", "topic: [unclosed\n")
    found = [(p.path, p.line, p.key) for p in problems_of([first.parent])]
    assert found == [
        (first, 6, "see_also"),
        (first, 7, "definition"),
        (second, 2, "titel"),
        (second, 2, "title"),
        (second, 5, "aliases"),
        (broken, 1, "topic"),
    ]


def test_error_message_lists_every_problem(write: WriteFile) -> None:
    path = write("two.yaml", "topic: {title: 1}\nentries: []\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge([path])
    assert str(caught.value).splitlines() == [
        f"{path}:1: title: 'title' must be text, but YAML reads '1' as a number; put it in quotes: \"1\"",
        f"{path}:2: entries: 'entries' is empty; add at least one term",
    ]


def test_directories_are_searched_recursively_in_sorted_order(write: WriteFile, tmp_path: Path) -> None:
    write("b/z.yaml", VALID.replace("Firewall", "Zeta"))
    write("a/y.yml", VALID.replace("Firewall", "Ypsilon"))
    write("a.yaml", VALID.replace("Firewall", "Alpha"))
    write(".hidden/x.yaml", "not: valid")
    write("b/notes.txt", "ignored")
    kb = load_knowledge([tmp_path])
    # Sorted by path components, so a folder's files come before a sibling file with a longer name.
    assert [e.term for e in kb] == ["Ypsilon", "Alpha", "Zeta"]
    assert kb.files == [tmp_path / "a" / "y.yml", tmp_path / "a.yaml", tmp_path / "b" / "z.yaml"]


def test_a_file_named_twice_is_loaded_once(write: WriteFile, tmp_path: Path) -> None:
    path = write("net.yaml", VALID)
    kb = load_knowledge([tmp_path, path])
    assert kb.files == [path]


def test_load_knowledge_text_validates_without_a_file() -> None:
    kb = load_knowledge_text(
        "topic: {title: Net}\nentries:\n  - {term: VPN, definition: A tunnel.}\n", "gen.yaml"
    )
    assert [e.term for e in kb] == ["VPN"]
    assert kb.topics[0].path == Path("gen.yaml")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_text("topic: {title: Net}\nentries:\n  - {term: VPN}\n", Path("gen.yaml"))
    assert [(p.path, p.line, p.key) for p in caught.value.problems] == [(Path("gen.yaml"), 3, "definition")]


def test_merge_keys_and_explicit_tags_are_reported(write: WriteFile) -> None:
    path = write(
        "tags.yaml",
        """
        topic: {title: Networking}
        base: &base {definition: Filters traffic.}
        entries:
          - term: !!python/name:os.system Firewall
            <<: *base
        """,
    )
    assert [(p.line, p.key, p.message) for p in problems_of([path])] == [
        (2, "base", "unknown key 'base' at the top of the file (allowed: topic, entries, topics, unplaced)"),
        (
            4,
            "term",
            "'term' must be plain text; remove the YAML tag 'tag:yaml.org,2002:python/name:os.system'",
        ),
        (4, "definition", "this entry has no 'definition'"),
        (5, None, "merge keys ('<<') are not supported (in an entry); write the keys out"),
    ]


def test_the_garbage_collector_is_running_again_after_loading(write: WriteFile) -> None:
    assert gc.isenabled()
    load_knowledge([write("net.yaml", VALID)])
    assert gc.isenabled()
    problems_of([write("bad.yaml", "topic: [")])
    assert gc.isenabled()


def test_the_c_loader_is_used_when_pyyaml_has_libyaml() -> None:
    assert yaml.__with_libyaml__
    assert issubclass(loader._NodeLoader, yaml.CSafeLoader)


def test_unplaced_lines_are_checked_as_text_but_not_loaded(write: WriteFile) -> None:
    kb = load_knowledge([write("imported.yaml", VALID + "    unplaced: [a stray line, another]\n")])
    assert [e.term for e in kb] == ["Firewall"]
    path = write("bad.yaml", VALID + "    unplaced: [fine, yes]\n")
    problem = only_problem([path])
    assert (problem.line, problem.key) == (6, "unplaced")
    assert problem.message.startswith("item 2 of 'unplaced' must be text")


def test_problems_are_ordered_by_file_then_line(write: WriteFile, tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_bytes(b"topic:\n  title: \xff\n")
    second = write("b.yaml", "topic: {title: B}\nentries: []\n")
    missing = tmp_path / "missing.yaml"
    found = [(p.path, p.line) for p in problems_of([second, missing, first])]
    assert found == [(missing, None), (second, 2), (first, 2)]


def test_a_lower_case_letter_or_function_word_alias_is_refused_but_capitals_are_names(
    write: WriteFile,
) -> None:
    path = write(
        "cell.yaml",
        """
        topic:
          title: Cells
        entries:
          - term: Mitochondrion
            aliases: [Mitochondria, "on", a, is on]
            definition: Powerhouse of the cell.
          - term: C
            aliases: [C language, IT, AS]
            definition: A programming language.
        """,
    )
    problems = problems_of([path])
    assert [(p.line, p.key) for p in problems] == [(5, "aliases")] * 3
    assert [p.message.split("'")[1] for p in problems] == ["on", "a", "is on"]
    assert "single letter or function word" in problems[0].message


@pytest.mark.parametrize(
    "value",
    [
        pytest.param('"filters traffic', id="unterminated quote"),
        pytest.param("[filters, traffic", id="unclosed flow list"),
    ],
)
def test_an_unclosed_value_names_the_line_where_it_opens(write: WriteFile, value: str) -> None:
    path = write(
        "unclosed.yaml",
        f"""
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: {value}
          - term: Router
            definition: Forwards packets.
        """,
    )
    problem = only_problem([path])
    assert problem.message.startswith("YAML syntax error: ")
    assert (problem.line, problem.key) == (5, "definition"), problem
    assert "no closing" in problem.message
    assert "gave up at line" in problem.message


def test_an_unclosed_alias_list_names_its_key(write: WriteFile) -> None:
    path = write(
        "unclosed.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters traffic.
          - term: Router
            aliases: [gateway, "home router"
            definition: Forwards packets.
        """,
    )
    problem = only_problem([path])
    assert (problem.line, problem.key) == (7, "aliases"), problem


def test_a_misplaced_colon_is_still_reported_where_the_parser_stops(write: WriteFile) -> None:
    path = write(
        "colon.yaml",
        """
        topic:
          title: Networking
        entries:
          - term: Firewall
            definition: Filters: traffic: here
        """,
    )
    problem = only_problem([path])
    assert problem.line == 5, problem
    assert problem.message.startswith("YAML syntax error: ")
