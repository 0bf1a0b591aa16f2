"""Units the notes name in a definition ("its unit is the candela (cd)"): a unit asked about, or what is
measured in it, answers the quantity's entry."""

from __future__ import annotations

import re

from bot.knowledge import Entry
from bot.matching.names import key_of

_UNIT_IS = re.compile(
    r"\bunit\s+(?:is|=)\s+(?:the\s+)?([A-Za-z]{3,}(?:\s+[A-Za-z]{3,})?)(?=\s*[(.,;]|\s*$)", re.IGNORECASE
)


class UnitIndex:
    """Entries by the key of the unit their definition names; a unit two entries name answers neither."""

    def __init__(self, entries: list[Entry]) -> None:
        self.units: dict[str, set[int]] = {}
        for index, entry in enumerate(entries):
            if "unit" not in entry.definition.casefold():
                continue
            for unit in _UNIT_IS.findall(entry.definition):
                self.units.setdefault(key_of(unit), set()).add(index)

    def hit(self, key: str) -> int | None:
        """The one entry whose unit ``key`` names, bare ("candela") or "measured in" ("measured in mole")."""
        said = key.split()
        if len(said) > 2 and said[0] in {"measured", "measure"} and said[1] == "in":
            said = said[2:]
        found = self.units.get(" ".join(said))
        return next(iter(found)) if found is not None and len(found) == 1 else None
