"""The identified citizen as central needs them: card number, reader and face check, and the presence proof for them."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from offline_queue.errors import AuthRejected

if TYPE_CHECKING:  # the HTTP stack loads after the first frame; the UI imports this module before that
    from offline_queue.client import CentralClient

_MARGIN = 60.0  # a proof this close to its end is not started on: the call after it might find it expired


def passed(face: object) -> bool:
    """The face check let this visitor on: a match, or staff verified the person by hand (their PIN recorded it)."""
    # "staff_verification" in a face record only asks for staff; "staff_verified" is set once staff entered their PIN
    return isinstance(face, dict) and (face.get("decision") == "match" or face.get("staff_verified") is True)


def check_of(face: dict) -> dict:
    """What central records of the check: the decision and figures, never the picture or who it showed."""
    liveness = face.get("liveness")
    figures = {"distance": face.get("score"), "threshold": face.get("threshold"), "attempts": face.get("attempts"),
               "liveness_passed": liveness.get("passed") if isinstance(liveness, dict) else None}
    decision = "match" if face.get("decision") == "match" else "staff_verified"
    return {"decision": decision, **{k: v for k, v in figures.items() if v is not None}}


@dataclass(eq=False)
class Citizen:
    """The person whose card was read (`source`: "idcard" or "smartcard") with the face record of their check. Hold
    one per visit: it keeps central's presence proof while the proof is fresh, and goes with the visit."""

    id_number: str = field(repr=False)
    source: str
    face: dict | None = field(default=None, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _proof: tuple[str, float] | None = field(default=None, init=False, repr=False)

    @property
    def passed(self) -> bool:
        return passed(self.face)

    def proof(self, client: CentralClient) -> str:
        """A presence proof from central for this person at this terminal: the one held while it has a minute
        left, else a new one. Raises PermissionError when the face check did not pass (nothing is sent then),
        CentralError when central cannot be asked or refuses."""
        if not self.passed:
            raise PermissionError("no passed face check or staff verification for this card")
        now = self.clock()
        if self._proof is not None and now < self._proof[1]:
            return self._proof[0]
        grant = client.presence(self.id_number, self.source, check_of(self.face))
        # central's expiry is on central's clock: count its seconds from here instead
        self._proof = (grant.token, now + grant.expires_in - _MARGIN)
        return grant.token

    def refused(self, exc: Exception) -> None:
        """Central refused a call made with the held proof: the next call asks for a new one."""
        if isinstance(exc, AuthRejected):
            self._proof = None
