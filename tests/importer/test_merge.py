"""``--merge``: add to an existing knowledge file without duplicating terms or touching what is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer import import_notes
from bot.importer.merge import merge_into
from bot.loader import load_knowledge, load_knowledge_text, normalize_name
from tests.importer.conftest import HAND_WRITTEN, NOTES_DIR, SEED_NOTES

EXISTING = """\
# Hand-polished; keep this comment.
topic:
  title: Malware
  objective: "2.4"

entries:
  - term: Worm   # polished
    aliases: [worms]
    definition: Self-replicating malware that spreads without a host file.

  - term: Trojan
    definition: >-
      Malware disguised as
      legitimate software.
    details:
      - Often found in pirated software.
"""

NOTES = """\
# Malware

Worm - self-replicating malware (old wording, must not win)
Trojan (Trojan horse) - malware that looks legitimate
Ransomware - malware that encrypts files and demands a ransom

## Threats
Attackers are everywhere
"""


def names(text: str) -> list[str]:
    """The distinct names of each entry (an entry may list variants such as "Worm" and "worms")."""
    return [n for e in load_knowledge_text(text).entries for n in {normalize_name(x) for x in e.names}]


def test_merge_appends_new_terms_and_aliases_and_keeps_existing_text() -> None:
    result = merge_into(EXISTING, Path("malware.yaml"), import_notes(NOTES, notes_name="malware.md"))
    merged = result.text
    assert result.new_entries == ["Ransomware"]
    assert result.new_aliases == [("Trojan", "Trojan horse")]
    assert result.new_unplaced == 1
    kb = load_knowledge_text(merged)
    worm = kb.by_term("Worm")
    assert worm is not None
    assert worm.definition == "Self-replicating malware that spreads without a host file."
    trojan = kb.by_term("Trojan")
    assert trojan is not None
    assert trojan.aliases == ("Trojan horse",)
    assert trojan.definition == "Malware disguised as legitimate software."
    assert kb.by_term("Ransomware") is not None
    # Every original line is still there, in order: the merge only inserts.
    original = EXISTING.splitlines()
    kept = iter(merged.splitlines())
    assert all(any(line == other for other in kept) for line in original)
    assert "# Hand-polished; keep this comment." in merged
    assert "# polished" in merged
    assert len(names(merged)) == len(set(names(merged)))
    assert merged.rstrip().endswith("- Attackers are everywhere  # line 8")


def test_merging_twice_changes_nothing_the_second_time() -> None:
    imported = import_notes(NOTES, notes_name="malware.md")
    once = merge_into(EXISTING, Path("malware.yaml"), imported).text
    again = merge_into(once, Path("malware.yaml"), import_notes(NOTES, notes_name="malware.md"))
    assert not again.changed
    assert again.text == once


def test_merge_of_the_seed_into_the_hand_written_file_adds_no_duplicate(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "virtualization.yaml"
    target.write_bytes(HAND_WRITTEN.read_bytes())
    before = load_knowledge([target])
    run = run_cli("import", SEED_NOTES, "-o", target, "--merge")
    assert run.code == 0, run.err
    assert "0 new entries" in run.err
    after = load_knowledge([target])
    assert [e.term for e in after.entries] == [e.term for e in before.entries]
    for old, new in zip(before.entries, after.entries, strict=True):
        assert new.definition == old.definition
        assert set(old.aliases) <= set(new.aliases)
    text = target.read_text(encoding="utf-8")
    assert text.startswith(HAND_WRITTEN.read_text(encoding="utf-8").split("\n", 1)[0])
    assert "- VMs are separated from other VMs by default  # line 30" in text
    first = target.read_bytes()
    assert run_cli("import", SEED_NOTES, "-o", target, "--merge").code == 0
    assert target.read_bytes() == first


def test_merge_into_a_missing_file_writes_a_new_one(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    assert run_cli("import", NOTES_DIR / "cloud-notes.md", "-o", target, "--merge").code == 0
    assert load_knowledge([target]).by_term("Infrastructure as a Service") is not None


def test_merge_of_other_notes_grows_the_file_and_stays_valid(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "cloud.yaml"
    assert run_cli("import", NOTES_DIR / "cloud-notes.md", "-o", target).code == 0
    before = len(load_knowledge([target]).entries)
    assert run_cli("import", NOTES_DIR / "security-terms.md", "-o", target, "--merge").code == 0
    after = load_knowledge([target])
    assert len(after.entries) == before + 8
    assert after.topics[0].title == "Cloud Computing"  # the existing topic wins


def test_merge_adds_aliases_to_entries_without_aliases_and_block_lists() -> None:
    existing = (
        "topic:\n  title: T\nentries:\n"
        "- term: Hashing\n  definition: One-way function.\n"
        "- term: Salt\n  aliases:\n  - salts\n  definition: Random data.\n"
    )
    notes = "# T\n\nHashing (digest) - one-way function\n\nSalt (nonce) - random data\n"
    result = merge_into(existing, Path("t.yaml"), import_notes(notes))
    kb = load_knowledge_text(result.text)
    assert kb.by_term("Hashing").aliases == ("digest",)  # type: ignore[union-attr]
    assert kb.by_term("Salt").aliases == ("salts", "nonce")  # type: ignore[union-attr]


def test_merge_keeps_the_byte_order_mark_and_crlf_line_ends(run_cli, tmp_path: Path) -> None:
    """The file is kept as it was: a Windows editor's BOM and CRLF stay, and the added lines use CRLF."""
    target = tmp_path / "malware.yaml"
    written = b"\xef\xbb\xbf" + EXISTING.replace("\n", "\r\n").encode("utf-8")
    target.write_bytes(written)
    notes = tmp_path / "malware.md"
    notes.write_text(NOTES, encoding="utf-8")
    run = run_cli("import", notes, "-o", target, "--merge")
    assert run.code == 0, run.err
    merged = target.read_bytes()
    assert merged.startswith(b"\xef\xbb\xbf")
    assert _kept(written, merged)
    assert merged.count(b"\n") == merged.count(b"\r\n")
    assert load_knowledge([target]).by_term("Ransomware") is not None


def test_merge_keeps_lf_line_ends_without_a_mark(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "malware.yaml"
    target.write_bytes(EXISTING.encode("utf-8"))
    notes = tmp_path / "malware.md"
    notes.write_text(NOTES, encoding="utf-8")
    assert run_cli("import", notes, "-o", target, "--merge").code == 0
    merged = target.read_bytes()
    assert _kept(EXISTING.encode("utf-8"), merged)
    assert b"\r" not in merged


def _kept(before: bytes, after: bytes) -> bool:
    """Whether every line of ``before`` is in ``after``, in order, and more were added."""
    added = iter(after.splitlines(keepends=True))
    return len(after) > len(before) and all(line in added for line in before.splitlines(keepends=True))


def test_merge_into_a_file_that_is_not_utf8_says_so_and_changes_nothing(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "latin1.yaml"
    written = "topic:\n  title: Café\nentries:\n  - term: A\n    definition: B b.\n".encode("latin-1")
    target.write_bytes(written)
    notes = tmp_path / "malware.md"
    notes.write_text(NOTES, encoding="utf-8")
    run = run_cli("import", notes, "-o", target, "--merge")
    assert run.code != 0
    assert (
        run.err.strip()
        == f"error: {target}:2: the file is not UTF-8 text; save it as UTF-8 (nothing was changed)"
    )
    assert "codec" not in run.err
    assert target.read_bytes() == written


@pytest.mark.parametrize("before", ["", "\n\n", "\ufeff", "# cloud terms, to fill in\n"])
def test_merge_into_an_empty_file_fills_it(run_cli, tmp_path: Path, before: str) -> None:
    target = tmp_path / "cloud.yaml"
    target.write_text(before, encoding="utf-8")
    run = run_cli("import", NOTES_DIR / "cloud-notes.md", "-o", target, "--merge")
    assert run.code == 0, run.err
    assert load_knowledge([target]).by_term("Infrastructure as a Service") is not None
    assert target.read_text(encoding="utf-8").startswith(before.strip("\ufeff\n"))
