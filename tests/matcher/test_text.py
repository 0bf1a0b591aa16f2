"""Text normalisation: Unicode folding, tokens, spellings, numerals, plurals, stems."""

from __future__ import annotations

import pytest

from bot.matching.names import canonical, key_of
from bot.matching.text import content_stems, fold, singular, stem, us_spelling, words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("HyperVisor", "hypervisor"),
        ("hуреrvisor", "hypervisor"),  # Cyrillic у, р, е
        ("ｈｙｐｅｒｖｉｓｏｒ", "hypervisor"),  # fullwidth
        ("hyper\u200bvi\u00adsor", "hypervisor"),  # zero-width space, soft hyphen
        ("virtualizatión", "virtualization"),
        ("STRASSE", "strasse"),
        ("what\u2019s", "what's"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("bare\u2013metal", "bare-metal"),
        ("ΑΒΕ", "abe"),  # Greek capitals
    ],
)
def test_fold_removes_case_marks_and_look_alikes(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_words_join_apostrophes_and_split_punctuation_and_digits() -> None:
    assert words("What's a Type-2   hypervisor?!") == ["whats", "a", "type", "2", "hypervisor"]
    assert words("type2") == ["type", "2"]
    assert words("host & guest") == ["host", "and", "guest"]
    assert words("define: VM-escape...") == ["define", "vm", "escape"]
    assert words("   ") == []


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("virtualisation", "virtualization"),
        ("containerisation", "containerization"),
        ("virtualising", "virtualizing"),
        ("virtualised", "virtualized"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("behaviour", "behavior"),
        ("licence", "license"),
        ("virtualization", "virtualization"),
        ("hypervisor", "hypervisor"),
    ],
)
def test_us_spelling(british: str, us: str) -> None:
    assert us_spelling(british) == us


def test_numbers_after_type_become_digits_but_i_elsewhere_stays() -> None:
    assert canonical(["type", "ii", "hypervisor"]) == ["type", "2", "hypervisor"]
    assert canonical(["type", "two"]) == ["type", "2"]
    assert canonical(["type", "i"]) == ["type", "1"]
    assert canonical(["i", "am", "one", "of", "them"]) == ["i", "am", "one", "of", "them"]


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("hypervisors", "hypervisor"),
        ("vms", "vm"),
        ("remnants", "remnant"),
        ("oses", "os"),
        ("processes", "process"),
        ("boxes", "box"),
        ("policies", "policy"),
        ("virus", "virus"),
        ("analysis", "analysis"),
        ("access", "access"),
        ("os", "os"),
    ],
)
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


def test_key_of_makes_spelling_variants_equal() -> None:
    same = {
        key_of("Type II hypervisors"),
        key_of("type 2 hypervisor"),
        key_of("Type two Hypervisor"),
        key_of("type-2 hypervisor"),
        key_of("TYPE II HYPERVISOR"),
    }
    assert same == {"type 2 hypervisor"}
    assert key_of("Securing a VM") == key_of("securing VMs") == "securing vm"
    assert key_of("virtualisation") == key_of("Virtualization")


def test_stems_and_content_words() -> None:
    assert stem("migrating") == stem("migration") == stem("migrate")
    assert stem("creation") == stem("creating")
    assert content_stems("What is it called when a VM is moved?") == ["vm", "move"]
    assert content_stems("the and of") == []
