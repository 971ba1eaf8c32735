"""Which screen comes next: screen names and the pure rules that move a visit between them."""

from __future__ import annotations

IDENTIFY = "Identify"
FACE_CHECK = "FaceCheck"
IDENTIFIED = "Identified"

# screens that show or act on the verified person: a card read that leaves the visit without a verified person
# (another card was placed) sends the citizen back to identification from any of them
NEEDS_VERIFIED = frozenset({IDENTIFIED, "ApplyChoose", "ApplyForm", "Review", "Capture", "Certificates"})


HOME = "Home"
SUBMITTED = "Submitted"
TICKET = "Ticket"
RATING = "Rating"

# screens that show a finished transaction: reaching one replaces the history, so 返回 never leads back into
# the form that made it (a dead submit button) or the choice that issued a number (a second number)
CONCLUDING = frozenset({SUBMITTED, TICKET, RATING})


def leaving(screen: str, rated: bool) -> str | None:
    """Where 返回 or 首页 on `screen` goes instead of where the history says, if anywhere: a finished
    application is rated first (the rating opens by itself when a matter ends)."""
    if screen == SUBMITTED and not rated:
        return RATING
    return None


def after_card_read(screen: str, verified: bool) -> str | None:
    """The screen to go back to after a card read on `screen`, or None to stay."""
    if screen in NEEDS_VERIFIED and not verified:
        return IDENTIFY
    return None
