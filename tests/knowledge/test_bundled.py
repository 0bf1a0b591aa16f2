"""Every knowledge file shipped in knowledge/ loads, and the seed notes load with their details."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted([*DEFAULT_KNOWLEDGE_PATH.rglob("*.yaml"), *DEFAULT_KNOWLEDGE_PATH.rglob("*.yml")])
SEED = DEFAULT_KNOWLEDGE_PATH / "security-plus" / "virtualization.yaml"


def test_default_path_is_the_repository_knowledge_folder() -> None:
    assert DEFAULT_KNOWLEDGE_PATH == REPO_ROOT / "knowledge"
    assert SEED in BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(DEFAULT_KNOWLEDGE_PATH)))
def test_each_bundled_file_loads(path: Path) -> None:
    kb = load_knowledge([path])
    assert kb.files == [path]
    assert len(kb.topics) == 1
    assert len(kb) > 0


def test_whole_bundled_knowledge_base_loads_with_the_default_argument() -> None:
    kb = load_knowledge()
    assert kb.files == BUNDLED
    assert len(kb.topics) == len(BUNDLED)


def test_seed_topic_metadata() -> None:
    kb = load_knowledge([SEED])
    (topic,) = kb.topics
    assert topic.title == "Virtualization"
    assert topic.objective == "2.2"
    assert topic.source == "Study group notes: Virtualization (OBJ 2.2)"
    assert topic.tags == ("security-plus", "virtualization", "cloud", "cloud computing", "exam")
    assert topic.path == SEED
    assert topic.label == "Virtualization (2.2)"


def test_seed_entries_keep_every_field_and_their_lines() -> None:
    kb = load_knowledge([SEED])
    assert len(kb) == 16
    assert kb.alias_count == 73
    vm = kb.by_term("virtual machine")
    assert vm is not None
    assert vm.line == 18
    assert vm.aliases == ("VM", "virtual computer", "virtual machines", "guest machine")
    assert vm.definition == "A container for an emulated computer that runs an entire operating system."
    assert vm.details == (
        "VMs are separated from other VMs by default.",
        "Two kinds, by what they emulate - a system virtual machine or a processor virtual machine.",
    )
    assert vm.see_also == ("System virtual machine", "Processor virtual machine", "Hypervisor")
    type1 = kb.by_term("Type I hypervisor")
    assert type1 is not None
    assert type1.examples == ("VMware ESXi", "Microsoft Hyper-V", "Xen")
    assert "bare metal" in type1.aliases
    # A folded (>-) definition is joined into one line.
    system_vm = kb.by_term("System virtual machine")
    assert system_vm is not None
    assert system_vm.definition.startswith(
        "A complete platform designed to replace an entire physical computer; it"
    )
    assert "\n" not in system_vm.definition
    assert all(entry.topic is topic for entry in kb for topic in kb.topics)
    assert kb.entries[0].term == "Virtualization"
    assert kb.entries[0].line == 11


@pytest.mark.parametrize("as_text", [True, False])
def test_one_path_not_in_a_list_is_one_path_not_its_characters(as_text: bool) -> None:
    """``load_knowledge("knowledge/x.yaml")`` once walked "k", "n", ..., "/" (the whole file system)."""
    kb = load_knowledge(str(SEED) if as_text else SEED)
    assert kb.files == [SEED]
