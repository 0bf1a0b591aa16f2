"""How the hand-corrected knowledge bases here were made (``python tests/corpus_corrected/correct.py``).

Each ``NAME.yaml`` is ``python -m bot import`` of ``tests/corpus/NAME``'s notes, corrected by hand the way
a student polishing the import would: entries that are no terms (sentences, grouping headings made
entries) deleted, terms the import missed added with their definition copied from the notes, and the
``# check:`` notes and the ``unplaced`` list resolved. Only the notes were read for this, never the
expectations' aliases or questions; the edits are listed below, file by file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from bot.importer import import_file  # noqa: E402

#: file -> (terms to delete, entries to add: (term, aliases, definition), aliases to add: term -> names)
EDITS: dict[str, tuple[list[str], list[tuple[str, list[str], str]], dict[str, list[str]]]] = {
    "gcse_biology_cells": (
        [
            "Genes",
            "Cells",
            "In animals",
            "For gaseous exchange in animals",
            "Small intestine",
            "Lungs",
            "Plant roots",
            "Plant leaves",
        ],
        [
            (
                "Specialised cells",
                ["Specialisation"],
                "Cells specialised for a particular function; this affects their structure.",
            ),
            ("Isotonic solution", [], "A solution with the same concentration as inside the cell."),
            ("Hypotonic solution", [], "A solution with a lower concentration than inside the cell."),
            ("Hypertonic solution", [], "A solution with a higher concentration than inside the cell."),
            ("Cytolysis", [], "The opposite of plasmolysis."),
            (
                "Villi",
                ["villus"],
                "Line the small intestine and form a large thin-walled surface area with a rich "
                "blood supply that maintains a steep concentration gradient for efficient diffusion.",
            ),
            (
                "Alveoli",
                ["alveolus"],
                "Where the lungs absorb oxygen: a large surface area with a rich blood supply "
                "to carry the oxygen away and maintain a concentration gradient.",
            ),
        ],
        {},
    ),
    "netplus_intro_networks": (
        [
            "Common Network Components",
            "When people",
            "WAN networks",
            "Routers",
            "Internet",
            "Prioritizing data",
            "Protocol",
            "Just as a topographical map",
            "But it also has some drawbacks",
            "Another refined version",
        ],
        [
            (
                "Network",
                [],
                "Two or more connected computers that can share resources such as data and "
                "applications, office machines, an Internet connection, or some combination of these.",
            ),
            (
                "Binary code",
                [],
                "The computer language hosts use to talk to each other: lots of 1s and 0s in a "
                "specific order that describes exactly what they want to say.",
            ),
            (
                "Workgroup",
                [],
                "A smaller logical zone a big LAN is split into to make administration easier.",
            ),
            ("Client machine", ["client"], "Any device on the network that can ask for access to resources."),
            (
                "Hosts",
                ["host", "mainframes"],
                "The mainframes of early networking, the only intelligent devices on the network.",
            ),
            (
                "Dumb terminals",
                [],
                "Everything in the network other than the mainframes (hosts), which alone "
                "were given IP addresses.",
            ),
            ("Gateways", ["gateway"], "An old term for any layer 3 machines like routers."),
            (
                "Wide Area Network",
                ["WAN"],
                "Spans large geographic areas and goes the distance; usually employs "
                "both routers and public links.",
            ),
            ("Internetwork", [], "A type of LAN and/or WAN that connects a bunch of networks, or intranets."),
            (
                "Distributed WAN",
                [],
                "An internetwork made up of a lot of interconnected computers located in a lot "
                "of different places, like the Internet.",
            ),
            (
                "Centralized WAN",
                [],
                "A WAN composed of a main, centrally located computer or location that remote "
                "computers and devices can connect to.",
            ),
            (
                "Personal Area Network",
                ["PAN"],
                "A network for close proximity connections, such as smartphones "
                "and laptops in a conference room; usually short-distance wireless "
                "(Bluetooth, infrared, ZigBee), "
                "extending only a few meters.",
            ),
            ("Physical topology", [], "The lay of the land of a network: a map of its physical layout."),
            (
                "Logical topology",
                [],
                "How a digital signal or data navigates through the network's physical layout.",
            ),
            (
                "Point-to-point link",
                [],
                "A link where the device in the center acts as a hub and the device on the "
                "other end extends the network.",
            ),
        ],
        {"Local Area Network": ["LAN"]},
    ),
    "aplus_ram_facts": (["60 CompTIA A+ hardware facts"], [], {}),
    "secplus_crypto_cheatsheet": (
        [],
        [("ECDHE", ["Elliptic Curve DH"], "Used for perfect forward secrecy.")],
        {"SSL protocol": ["SSL"]},
    ),
    "secplus_server_attacks": (["Exploiting Browser Vulnerabilities"], [], {}),
    "r_glossary_deflist": (
        [],
        [("Alias", [], "To have two (or more) references to the same physical data.")],
        {},
    ),
    "networking_shortnote": ([], [], {}),
    "chemistry_definitions": ([], [], {}),
    "networking_terms": ([], [], {}),
    "quizlet_server_attacks": ([], [], {}),
}

#: Aliases the import took from a qualifier in parentheses ("Catch (exception)") that name other things.
WRONG_ALIASES: dict[str, dict[str, list[str]]] = {
    "r_glossary_deflist": {"Catch": ["exception"], "Handle": ["a condition"]},
}


def corrected(name: str) -> str:
    """The hand-corrected knowledge file of corpus file ``name`` as YAML text."""
    spec = yaml.safe_load((ROOT / "tests" / "corpus" / f"{name}.yaml").read_text(encoding="utf-8"))
    data = yaml.safe_load(import_file(ROOT / "tests" / "corpus" / spec["notes"]).text)
    delete, add, aliases = EDITS[name]
    # an import of grouped notes has a list of entries per topic ("topics:"); the edits apply to all
    lists = ([data["entries"]] if "entries" in data else []) + [t["entries"] for t in data.get("topics", [])]
    for each in lists:
        each[:] = [e for e in each if e["term"] not in delete]
    entries = [e for each in lists for e in each]
    # (a term listed here that the import no longer makes is simply not there to delete)
    taken = {n.casefold() for e in entries for n in [e["term"], *e.get("aliases", [])]}
    for entry in entries:
        for alias in aliases.get(entry["term"], []):
            if alias.casefold() not in taken:
                entry.setdefault("aliases", []).append(alias)
                taken.add(alias.casefold())
        wrong = WRONG_ALIASES.get(name, {}).get(entry["term"], [])
        if wrong:
            entry["aliases"] = [a for a in entry.get("aliases", []) if a not in wrong]
            if not entry["aliases"]:
                del entry["aliases"]
    for term, names, definition in add:
        have = [e for e in entries for n in [term, *names] if n.casefold() in {e["term"].casefold()}]
        if have:  # the import now makes this entry itself (under this name or one of its aliases)
            if term.casefold() not in taken:
                have[0].setdefault("aliases", []).append(term)
                taken.add(term.casefold())
            continue
        entry = {"term": term, "definition": definition}
        free = [n for n in names if n.casefold() not in taken]
        if free:
            entry["aliases"] = free
        taken.update(n.casefold() for n in [term, *free])
        lists[0].append(entry)  # added to the file's own topic (its first list of entries)
    data.pop("unplaced", None)
    header = f"# Hand-corrected import of tests/corpus/{spec['notes']} (see correct.py for every edit).\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


if __name__ == "__main__":
    for path in sorted((ROOT / "tests" / "corpus").glob("*.yaml")):
        if yaml.safe_load(path.read_text(encoding="utf-8")).get("split") == "tune":
            (HERE / f"{path.stem}.yaml").write_text(corrected(path.stem), encoding="utf-8")
            print("wrote", HERE / f"{path.stem}.yaml")
