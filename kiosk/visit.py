"""One citizen's visit: the card read, the face check bound to that read, and what the citizen came for."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from kiosk.identity import IdentityPresented
from kiosk.presence import Citizen, passed as face_passed
from kiosk.proxy import Principal

log = logging.getLogger(__name__)
T = TypeVar("T")


class IdentityChanged(Exception):
    """The verified identity is not the one an action was prepared for (the card was swapped meanwhile)."""


def card_key(presented: IdentityPresented) -> tuple[str, str]:
    """Which document a read came from: the same card read twice (lifted and placed again) has the same key."""
    ident = presented.identity
    return ident.kind, ident.id_number.strip().upper()


class Visit:
    """What the terminal knows about the visitor in front of it, wiped with the session.

    The face-check record is kept together with the key of the card read it was made for. Any read of another
    card drops it, so a citizen who passed with their own card cannot carry the pass over to someone else's
    card. Lifting the card is harmless (the citizen is told to take it back): the pass stays with the read.
    Listeners and readers may be on different threads; one lock guards it all.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._identity: IdentityPresented | None = None
        self._face: dict | None = None
        self._face_for: tuple[str, str] | None = None
        self._citizen: Citizen | None = None  # the verified person as central needs them, with the presence proof
        self._evidence: bytes | None = None  # the face check's matched frame, kept only for the submission
        # the person a helper applies for (亲友代办), with the key of the helper's card read it was typed under
        self._principal: Principal | None = None
        self._principal_for: tuple[str, str] | None = None
        self.tickets: dict[str, object] = {}  # queue numbers taken in this visit, by item code ("" = general)
        self.rated = False  # the visit's rating was given (or skipped)
        self.form = None  # kiosk.application.ApplicationForm: the form being filled, for one card read and item
        # (item code, material name) -> JPEG pages, in memory until the submission commits them encrypted; keyed by
        # item so photos taken for one application never travel with another chosen later in the same visit
        self.photos: dict[tuple[str, str], list[bytes]] = {}
        self.tracking = ""  # the number the visit's application was committed under
        self.service = ""  # the catalog item chosen before or after identifying
        self.proxy_offered = False  # the chosen item lets a helper apply for someone else (catalog `proxy`)
        self.purpose = "apply"  # what identifying is for: "apply", "certificates" or "progress"

    # ---- card reads (reader threads)

    def card_read(self, presented: IdentityPresented) -> bool:
        """A card was read. True when it replaces a card this visit had already verified (the caller sends the
        citizen back to identification)."""
        with self._lock:
            same = self._identity is not None and card_key(presented) == card_key(self._identity)
            replaced = not same and self.verified() is not None
            self._identity = presented
            if not same:
                self._face, self._face_for, self._citizen, self._evidence = None, None, None, None
                self._principal, self._principal_for = None, None
        if replaced:
            log.warning("another card was placed after a passed face check: the check no longer counts")
        return replaced

    # ---- the face check (GUI thread)

    def face_checked(self, presented: IdentityPresented, record: dict, evidence: bytes | None = None) -> bool:
        """Keep a face-check record made against `presented` (and the matched frame, when [face] evidence is on);
        False (nothing kept) if that read is no longer the visit's card."""
        with self._lock:
            if self._identity is None or card_key(presented) != card_key(self._identity):
                return False
            self._face, self._face_for, self._evidence = dict(record), card_key(presented), evidence
            return True

    def forget_face(self) -> None:
        """A new check starts: a result belongs only to the check that made it."""
        with self._lock:
            self._face, self._face_for, self._citizen, self._evidence = None, None, None, None

    def staff_verified(self, presented: IdentityPresented | None) -> bool:
        """Staff confirmed that the person in front of the terminal holds `presented`, the card read they looked at
        when they opened the PIN pad; False when that read is not the visit's accepted card any more (another card
        placed while the PIN was typed gets its own check)."""
        with self._lock:
            if (self._identity is None or not self._identity.accepted or presented is None
                    or card_key(presented) != card_key(self._identity)):
                return False
            key = card_key(self._identity)
            record = dict(self._face) if self._face is not None and self._face_for == key else {}
            record["staff_verified"] = True
            self._face, self._face_for = record, key
            return True

    # ---- applying for someone else (GUI thread)

    def apply_for(self, presented: IdentityPresented, principal: Principal | None) -> bool:
        """The helper holding `presented` applies for `principal` (None: for themselves); False (nothing kept) if
        that read is not the verified identity any more."""
        with self._lock:
            if not self.is_verified(presented):
                return False
            self._principal, self._principal_for = principal, card_key(presented) if principal else None
            return True

    def drop_principal(self) -> None:
        """Another item chosen: whom the last one was for is asked again."""
        with self._lock:
            self._principal, self._principal_for = None, None

    @property
    def principal(self) -> Principal | None:
        """Whom the verified helper applies for, or None (for themselves): only for the card read it was typed
        under, so a swapped card never carries someone's details over."""
        with self._lock:
            if self._principal is None or self._identity is None or self._principal_for != card_key(self._identity):
                return None
            return self._principal

    # ---- what use cases read

    @property
    def identity(self) -> IdentityPresented | None:
        """The last card read in this visit (accepted or not), also after the card was lifted."""
        return self._identity

    @property
    def face_record(self) -> dict | None:
        """The face-check record of the current card read, or None."""
        with self._lock:
            if self._identity is None or self._face_for != card_key(self._identity):
                return None
            return dict(self._face) if self._face is not None else None

    def verified(self) -> IdentityPresented | None:
        """The accepted card read whose holder passed the face check (or staff verification), else None."""
        with self._lock:
            ident = self._identity
            if ident is None or not ident.accepted or self._face_for != card_key(ident):
                return None
            return ident if face_passed(self._face) else None

    def is_verified(self, presented: IdentityPresented | None) -> bool:
        """`presented` is still the verified identity of this visit."""
        current = self.verified()
        return current is not None and presented is not None and card_key(current) == card_key(presented)

    def attachments(self, code: str) -> list[bytes]:
        """What the application for `code` carries: every page photographed for it, material by material."""
        with self._lock:
            return [page for (item, _), pages in self.photos.items() if item == code for page in pages]

    def citizen(self) -> Citizen | None:
        """The verified person for calls to central about them (their cases, certificates); one per verified card
        read, so central's presence proof is reused while fresh and never outlives the read it was issued for."""
        with self._lock:
            ident = self.verified()
            if ident is None:
                return None
            if self._citizen is None or self._citizen.face != self._face:
                self._citizen = Citizen(ident.identity.id_number, ident.source, dict(self._face))
            return self._citizen

    def asking_for(self, presented: IdentityPresented, ask: Callable[[], T]) -> T:
        """For a question to central about the verified person (slow: no card read waits for it): asked only while
        `presented` is the verified identity, and its answer dropped (IdentityChanged) if the card changed while
        central answered, so nothing about one person reaches a screen that now belongs to another."""
        if not self.is_verified(presented):
            raise IdentityChanged("the card changed before asking central")
        answer = ask()
        if not self.is_verified(presented):
            log.warning("an answer from central was dropped: the card changed while it was asked")
            raise IdentityChanged("the card changed while central answered")
        return answer

    @contextlib.contextmanager
    def holding(self, presented: IdentityPresented) -> Iterator[tuple[dict, bytes | None]]:
        """For the moment of a commit: raises IdentityChanged unless `presented` is the verified identity, and
        keeps any card read waiting until the block ends. Yields the face-check record and the evidence frame."""
        with self._lock:
            if not self.is_verified(presented):
                raise IdentityChanged("the verified identity changed before the commit")
            yield dict(self._face), self._evidence

    def clear(self) -> None:
        """Session wipe."""
        with self._lock:
            self._identity, self._face, self._face_for, self._citizen, self._evidence = None, None, None, None, None
            self._principal, self._principal_for = None, None
            self.service, self.purpose, self.proxy_offered = "", "apply", False
            self.tickets, self.rated, self.form, self.photos, self.tracking = {}, False, None, {}, ""
