"""Which screen comes next: screen names and the pure rules that move a visit between them."""

from __future__ import annotations

IDENTIFY = "Identify"
FACE_CHECK = "FaceCheck"
IDENTIFIED = "Identified"

# screens that show or act on the verified person: a card read that leaves the visit without a verified person
# (another card was placed) sends the citizen back to identification from any of them
NEEDS_VERIFIED = frozenset({IDENTIFIED, "ApplyChoose", "ApplyForm", "Review", "Capture", "Certificates"})


def after_card_read(screen: str, verified: bool) -> str | None:
    """The screen to go back to after a card read on `screen`, or None to stay."""
    if screen in NEEDS_VERIFIED and not verified:
        return IDENTIFY
    return None
