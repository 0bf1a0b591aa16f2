"""Quizlet and Anki text exports and CSV files through ``python -m bot import``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge, normalize_name


def _imported(run_cli, tmp_path: Path, name: str, content: str) -> tuple[KnowledgeBase, str]:
    notes = tmp_path / name
    notes.write_bytes(content.encode("utf-8"))
    out = tmp_path / "kb" / (Path(name).stem + ".yaml")
    run = run_cli("import", notes, "-o", out)
    assert run.code == 0, run.err
    assert run_cli("check", out).code == 0
    return load_knowledge([out]), out.read_text(encoding="utf-8")


def _entry(kb: KnowledgeBase, name: str):
    found = [e for e in kb.entries if normalize_name(name) in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, (name, [e.term for e in kb.entries])
    return found[0]


def test_a_quizlet_export_term_tab_definition(run_cli, tmp_path: Path) -> None:
    kb, text = _imported(
        run_cli,
        tmp_path,
        "quizlet.txt",
        "Domain Name System (DNS)\tTurns names into IP addresses\n"
        "Port 443\tHTTPS\n"
        "Smishing\tSMS phishing\n"
        "Vishing\t\n"
        "\tA card with no term\n"
        "Smishing\tAgain, a second card\n",
    )
    assert [e.term for e in kb.entries] == ["Domain Name System", "Port 443", "Smishing"]
    assert _entry(kb, "DNS").definition == "Turns names into IP addresses"
    assert _entry(kb, "Smishing").definition == "SMS phishing"
    # nothing is dropped silently: every card that did not become an entry is reported with its line
    assert "Vishing: card without a definition' # line 4" in text.replace("  #", " #")
    assert "A card with no term: card without a term" in text
    assert "a second card for ''Smishing''" in text


def test_an_anki_plain_text_export_with_html_and_header_lines(run_cli, tmp_path: Path) -> None:
    kb, _ = _imported(
        run_cli,
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n#tags column:3\n"
        "Mitosis\tCell division giving <b>two</b> identical cells<br>used for growth\tbiology\n"
        "Meiosis\t<div>Division giving four sex cells</div>\tbiology\n",
    )
    assert _entry(kb, "Mitosis").definition == "Cell division giving two identical cells; used for growth"
    assert _entry(kb, "Meiosis").definition == "Division giving four sex cells"


def test_a_tsv_file(run_cli, tmp_path: Path) -> None:
    kb, _ = _imported(run_cli, tmp_path, "cards.tsv", "Kernel\tThe core of the OS\nShell\tReads commands\n")
    assert [e.term for e in kb.entries] == ["Kernel", "Shell"]


def test_a_csv_file_with_aliases_and_examples(run_cli, tmp_path: Path) -> None:
    kb, text = _imported(
        run_cli,
        tmp_path,
        "cards.csv",
        "Term,Definition,Aliases,Examples\n"
        'Hypervisor,"Runs virtual machines, several at once",VMM; virtual machine monitor,ESXi|Hyper-V\n'
        "Container,Shares the host kernel,,Docker\n"
        "Trojan,,,\n",
    )
    hypervisor = _entry(kb, "virtual machine monitor")
    assert hypervisor.term == "Hypervisor"
    assert hypervisor.definition == "Runs virtual machines, several at once"
    assert hypervisor.aliases == ("VMM", "virtual machine monitor")
    assert hypervisor.examples == ("ESXi", "Hyper-V")
    assert _entry(kb, "Container").examples == ("Docker",)
    assert "Trojan: card without a definition" in text


def test_a_csv_file_with_front_and_back_columns_separated_by_semicolons(run_cli, tmp_path: Path) -> None:
    kb, _ = _imported(run_cli, tmp_path, "deck.csv", "front;back\nOsmosis;Water moving through a membrane\n")
    assert _entry(kb, "Osmosis").definition == "Water moving through a membrane"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "alpha,beta\nx,y\n", "the first row must name the columns, with 'term' and 'definition'"),
        ("empty.csv", "term,definition\n,\n", "found no cards in empty.csv"),
        ("none.tsv", "\tno term\n", "found no cards in none.tsv (1 line could not be placed)"),
    ],
)
def test_card_files_that_cannot_be_imported_say_why(
    run_cli, tmp_path: Path, name: str, content: str, message: str
) -> None:
    notes = tmp_path / name
    notes.write_text(content, encoding="utf-8")
    run = run_cli("import", notes)
    assert run.code == 2
    assert run.err.startswith("error: ")
    assert message in run.err
    assert "Traceback" not in run.err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cards.csv", "term,definition\nmRNA,messenger RNA: carries the code to the ribosome\n"),
        ("cards.csv", 'term,definition\nmRNA,"messenger RNA: carries the code to the ribosome"\n'),
        ("quizlet.txt", "mRNA\tmessenger RNA: carries the code to the ribosome\n"),
    ],
)
def test_a_card_definition_keeps_the_authors_text(run_cli, tmp_path: Path, name: str, content: str) -> None:
    kb, _ = _imported(run_cli, tmp_path, name, content)
    assert _entry(kb, "mRNA").definition == "messenger RNA: carries the code to the ribosome"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deck.txt", "#separator:tab\n#html:true\nMitosis\tCell division, two identical cells\tbio\n"),
        ("cards.csv", 'Term,Definition\nMitosis,"Cell division, two identical cells"\n'),
    ],
)
def test_a_utf16_export_with_a_byte_order_mark_is_read(
    run_cli, tmp_path: Path, encoding: str, name: str, content: str
) -> None:
    """Anki and Quizlet on Windows write UTF-16 with a BOM (``utf-16`` adds one; -le/-be get it by hand)."""
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    notes = tmp_path / name
    notes.write_bytes((bom + content.replace("\n", "\r\n")).encode(encoding))
    out = tmp_path / "kb" / "deck.yaml"
    run = run_cli("import", notes, "-o", out)
    assert run.code == 0, run.err
    assert _entry(load_knowledge([out]), "Mitosis").definition == "Cell division, two identical cells"


def test_a_broken_utf16_file_is_one_error_line(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_bytes(b"\xff\xfeM\x00i\x00\x00\xd8")  # a lone surrogate half
    run = run_cli("import", notes)
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        f"error: {notes} starts like UTF-16 text but is not; save the notes as UTF-8"
    ]


def test_a_line_break_that_only_wraps_a_sentence_is_a_space(run_cli, tmp_path: Path) -> None:
    """A new user's find: 'tricks users<br>into giving data' became 'tricks users; into giving data'."""
    kb, _ = _imported(
        run_cli,
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "Phishing\tFraudulent email that tricks users<br>into giving data\n"
        "Vishing\tVoice phishing<br>Often automated\n"
        "Smishing\tSMS phishing.<br>Uses texts\n",
    )
    assert _entry(kb, "Phishing").definition == "Fraudulent email that tricks users into giving data"
    assert _entry(kb, "Vishing").definition == "Voice phishing; Often automated"  # two points
    assert _entry(kb, "Smishing").definition == "SMS phishing. Uses texts"
