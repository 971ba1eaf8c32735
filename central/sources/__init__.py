"""Where certificate kinds other than central's own case records get their data: the interface a province implements.

A kind in central/certificate_kinds.toml names a source module (e.g. `source = "central.sources.housing_fund"`).
The module has FIELDS (the names its records carry, which the kind's templates may use) and a function
`open_source(hash_id)` returning a RecordSource. `hash_id` turns an ID number into central's keyed ID hash, the only
identity a presence proof carries: a source keyed by ID number hashes its keys with it once. The modules in this
package are REFERENCE STUBS holding invented people: a province replaces them with modules that ask its own systems
(housing fund centre, social insurance, public security), and points the kinds file at them.
"""

from __future__ import annotations

from typing import Callable, Protocol

HashId = Callable[[str], str]
# every record has these two: central composes the holder line from them (the ID number masked)
PERSON_FIELDS = ("name", "id_number")


class RecordSource(Protocol):
    def record(self, id_hash: str) -> dict[str, str] | None:
        """The person's record as text fields (PERSON_FIELDS and the module's FIELDS), or None when there is none.
        Raise OSError when the system behind it cannot be reached: central answers 503 and issues nothing."""


class InventedRecords:
    """A fixed table keyed by ID number, for the reference stubs: nobody in it exists."""

    def __init__(self, hash_id: HashId, by_id_number: dict[str, dict[str, str]]) -> None:
        self._by_hash = {hash_id(number): {"id_number": number, **fields} for number, fields in by_id_number.items()}

    def record(self, id_hash: str) -> dict[str, str] | None:
        found = self._by_hash.get(id_hash)
        return dict(found) if found is not None else None
