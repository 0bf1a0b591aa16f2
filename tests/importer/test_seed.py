"""The group's seed notes import into an entry for every term they define."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer import ImportResult, import_file
from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge, normalize_name
from tests.importer.conftest import SEED_NOTES

#: Every term the seed notes define, as a name (term or alias) of its entry.
SEED_TERMS = (
    "virtualization",
    "virtual machine",
    "system virtual machine",
    "processor virtual machine",
    "hypervisor",
    "Type I",
    "bare metal",
    "Type II",
    "application containerization",
    "VM escape",
    "elasticity",
    "data remnants",
    "privilege elevation",
    "live migration",
    "virtualization sprawl",
    "securing VMs",
)


@pytest.fixture(scope="module")
def seed() -> ImportResult:
    return import_file(SEED_NOTES)


@pytest.fixture(scope="module")
def seed_kb(seed: ImportResult, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("seed") / "virtualization.yaml"
    path.write_text(seed.text, encoding="utf-8")
    return load_knowledge([path])


def entry_named(kb: KnowledgeBase, name: str) -> Entry:
    wanted = normalize_name(name)
    found = [e for e in kb.entries if wanted in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, f"{name!r} should name exactly one entry, found {[e.term for e in found]}"
    return found[0]


@pytest.mark.parametrize("name", SEED_TERMS)
def test_every_seed_term_has_an_entry(seed_kb: KnowledgeBase, name: str) -> None:
    assert entry_named(seed_kb, name).definition


def test_topic_comes_from_the_heading_and_objective_tags(seed_kb: KnowledgeBase) -> None:
    (topic,) = seed_kb.topics
    assert topic.title == "Virtualization"
    assert topic.objective == "2.2"
    assert not any("OBJ" in e.term for e in seed_kb.entries)


def test_definitions_keep_the_authors_wording(seed_kb: KnowledgeBase) -> None:
    assert entry_named(seed_kb, "virtualization").definition == "Creation of a virtual resource"
    assert entry_named(seed_kb, "hypervisor").definition.startswith(
        "Manages the distribution of the physical resources of a host machine (server)"
    )
    escape = entry_named(seed_kb, "VM escape")
    assert escape.definition.startswith("An attack that allows an attacker to break out")
    # "Live migration occurs when ..." under the term "Live Migration": the repeated subject is trimmed.
    assert entry_named(seed_kb, "live migration").definition == (
        "Occurs when a VM is moved from one physical server to another over the network."
    )
    elasticity = entry_named(seed_kb, "elasticity")
    assert elasticity.definition == "Allows for scaling up or down to meet user demands"
    # "A virtual machine is a ..." defines the virtual machine.
    machine = entry_named(seed_kb, "virtual machine")
    assert machine.definition.startswith("A continuer for an emulated computer")


def test_type_labels_become_hypervisor_types_with_aliases(seed_kb: KnowledgeBase) -> None:
    type_one = entry_named(seed_kb, "Type I")
    assert type_one.term == "Type I hypervisor"
    assert "Bare metal" in type_one.aliases
    assert type_one.definition == "Faster and more efficient"
    assert entry_named(seed_kb, "Type II").definition == "Runs from OS"


def test_containerization_gets_its_details_and_examples(seed_kb: KnowledgeBase) -> None:
    entry = entry_named(seed_kb, "application containerization")
    assert [e.casefold() for e in entry.examples] == ["docker", "parallels virtuozzo", "openvz"]
    assert entry.details == (
        "Containerization allows for rapid and efficient deployment of distributed applications",
    )


def test_securing_vms_keeps_the_checklist_as_details(seed_kb: KnowledgeBase) -> None:
    entry = entry_named(seed_kb, "securing VMs")
    assert entry.definition == "Uses many of the same security as a physical server"
    assert entry.details[0] == "Update Hypervisor"
    assert entry.details[-1] == "Enable encryption on virtual machine files"
    assert len(entry.details) == 6
    assert any(d.startswith("Virtualization Sprawl - occurs when") for d in entry.details)
    sprawl = entry_named(seed_kb, "virtualization sprawl")
    assert sprawl.definition.startswith("Occurs when virtual machines are created, used, and deployed")
    assert "Securing VMs" in sprawl.see_also


def test_free_sentences_go_to_the_entry_they_mention(seed_kb: KnowledgeBase) -> None:
    assert entry_named(seed_kb, "virtualization").details == (
        "Virtualization continues to rise in order to reduce the physical requirements for data centers",
    )
    assert entry_named(seed_kb, "live migration").details == ("Susceptible to Man in the middle attack",)


def test_nothing_is_dropped_silently(seed: ImportResult) -> None:
    assert seed.draft.unplaced == [(30, "VMs are separated from other VMs by default")]
    assert "unplaced:\n  - VMs are separated from other VMs by default  # line 30\n" in seed.text
    assert (seed.entries, seed.unplaced) == (15, 1)


def test_guesses_are_marked_for_checking(seed: ImportResult) -> None:
    text = seed.text
    assert '# check: "Type I" completed with the heading "Hypervisors"' in text
    assert "# check: taken from the parenthesis" in text
    assert seed.checks == text.count("# check:")


def test_html_entities_and_tab_indentation_do_not_leak(seed: ImportResult) -> None:
    assert "&nbsp;" not in seed.text
    assert "\t" not in seed.text
    assert "\xa0" not in seed.text


def test_reimporting_gives_the_same_bytes(seed: ImportResult) -> None:
    assert import_file(SEED_NOTES).text == seed.text


def test_cli_output_is_the_same_file_twice(run_cli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run_cli("import", SEED_NOTES, "-o", first).code == 0
    assert run_cli("import", SEED_NOTES, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()
    printed = run_cli("import", SEED_NOTES)
    assert printed.out.encode() == first.read_bytes()
