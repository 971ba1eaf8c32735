"""Which screen comes next: the screens as one enumeration and the pure rules that move a visit between them.

Screens ask for what the citizen wants (an intent: "guide", "take_number", "identified"); this table says where
that leads. Nothing here touches Qt, so every rule is a unit test away.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class Screen(StrEnum):
    ATTRACT = "Attract"
    HOME = "Home"
    CATALOG = "Catalog"
    CATALOG_ITEMS = "CatalogItems"
    SEARCH = "Search"
    GUIDE = "Guide"
    TICKET = "Ticket"
    IDENTIFY = "Identify"
    FACE_CHECK = "FaceCheck"
    IDENTIFIED = "Identified"
    APPLY_CHOOSE = "ApplyChoose"
    APPLY_FOR = "ApplyFor"
    APPLY_FORM = "ApplyForm"
    REVIEW = "Review"
    CAPTURE = "Capture"
    SUBMITTED = "Submitted"
    RATING = "Rating"
    PROGRESS = "Progress"
    CERTIFICATES = "Certificates"
    PIN_PAD = "PinPad"
    MAINTENANCE = "Maintenance"
    MAINTENANCE_CARE = "MaintenanceCare"
    PLACEHOLDER = "Placeholder"
    TAKE_CARD = "TakeCard"
    GLOSSARY = "Glossary"


class VisitFacts(Protocol):
    """What the rules read of a visit (kiosk.visit.Visit)."""

    purpose: str
    service: str
    proxy_offered: bool
    rated: bool

    def verified(self) -> object | None: ...


# intents that always lead to the same screen
_PLAIN = {
    "browse": Screen.CATALOG, "items": Screen.CATALOG_ITEMS, "search": Screen.SEARCH, "guide": Screen.GUIDE,
    "take_number": Screen.TICKET, "progress": Screen.PROGRESS, "rate": Screen.RATING, "staff": Screen.PIN_PAD,
    "maintenance": Screen.MAINTENANCE, "maintenance_care": Screen.MAINTENANCE_CARE, "not_offered": Screen.PLACEHOLDER, "review": Screen.REVIEW,
    "photograph": Screen.CAPTURE, "check_face": Screen.FACE_CHECK, "face_passed": Screen.IDENTIFIED,
    "choose_service": Screen.APPLY_CHOOSE, "fill_form": Screen.APPLY_FORM, "submitted": Screen.SUBMITTED,
    "identify": Screen.IDENTIFY, "apply_for": Screen.APPLY_FOR, "glossary": Screen.GLOSSARY,
}
# intents that start identification for a purpose (what the identified screen leads on to)
PURPOSES = {"apply": "apply", "certificates": "certificates", "progress_by_card": "progress"}

# screens that show or act on the verified person: a card read that leaves the visit without a verified person
# (another card was placed) sends the citizen back to identification from any of them
NEEDS_VERIFIED = frozenset({Screen.IDENTIFIED, Screen.APPLY_CHOOSE, Screen.APPLY_FOR, Screen.APPLY_FORM,
                            Screen.REVIEW, Screen.CAPTURE, Screen.CERTIFICATES})
# screens that list a person's records by the card on the reader, and the intent that first takes its holder
# through their own face check (a card alone is anyone's card: nothing of its holder shows before that)
BY_CARD = {Screen.PROGRESS: "progress_by_card"}
# staff's own screens, behind the PIN: no "call staff" on them (the PIN pad keeps it: a citizen sent there to have
# staff verify them may need to call someone first)
STAFF_ONLY = frozenset({Screen.MAINTENANCE, Screen.MAINTENANCE_CARE})
# screens that show a finished transaction: reaching one replaces the history, so 返回 never leads back into
# the form that made it (a dead submit button) or the choice that issued a number (a second number)
CONCLUDING = frozenset({Screen.SUBMITTED, Screen.TICKET, Screen.RATING})


def route(intent: str, visit: VisitFacts) -> tuple[Screen, str | None]:
    """(the screen an intent leads to, the visit's new purpose or None). KeyError for an unknown intent."""
    if intent in PURPOSES:
        return Screen.IDENTIFY, PURPOSES[intent]
    if intent == "identified":  # after the face check: on to what identifying was for
        if visit.purpose == "certificates":
            return Screen.CERTIFICATES, None
        if visit.purpose == "progress":
            return Screen.PROGRESS, None
        return (_applying(visit) if visit.service else Screen.APPLY_CHOOSE), None
    if intent == "chosen":  # a service chosen after identifying
        return _applying(visit), None
    return _PLAIN[intent], None


def _applying(visit: VisitFacts) -> Screen:
    """The first screen of an application: who it is for, when the item lets a helper apply for someone else."""
    return Screen.APPLY_FOR if visit.proxy_offered else Screen.APPLY_FORM


def leaving(screen: str, rated: bool) -> Screen | None:
    """Where 返回 or 首页 on `screen` goes instead of where the history says, if anywhere: a finished
    application is rated first (the rating opens by itself when a matter ends)."""
    if screen == Screen.SUBMITTED and not rated:
        return Screen.RATING
    return None


def after_card_read(screen: str, verified: bool) -> Screen | None:
    """The screen to go back to after a card read on `screen`, or None to stay."""
    if screen in NEEDS_VERIFIED and not verified:
        return Screen.IDENTIFY
    return None


def identify_for(screen: str, verified: bool) -> str | None:
    """The intent a card read on `screen` leads to when it lists its holder's records, or None to stay."""
    return None if verified else BY_CARD.get(screen)
