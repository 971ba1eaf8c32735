"""What a submission receipt's QR holds: central's public progress page for the tracking number, or (receipts
printed before public links, or without a configured public URL) the bare number; pure, no I/O."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlsplit

from protocol import tracking

PAGE = "/p/"  # short on purpose: every character of the URL grows the printed QR
SEPARATOR = "."  # between number and token: never in a tracking number, kept as-is in a URL path
TOKEN_HEX = 20  # 80 bits: walking numbers now means guessing a MAC per number
_LABEL = b"receipt-link-v1"
MAX_TEXT = 512  # a receipt QR holds far less; anything longer is not ours and is not parsed


class NotOurs(ValueError):
    """Text from a QR that is not one of our receipts (another site's URL, a payment code, a damaged number)."""


def token(secret: str, number: str) -> str:
    """The link's secret part: an HMAC of the canonical number under a key derived from the issuing terminal's
    signing secret, so a terminal mints it offline and central (which holds every terminal's secret) checks it."""
    key = hmac.new(secret.encode(), _LABEL, hashlib.sha256).digest()
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()[:TOKEN_HEX]


def token_ok(secret: str, number: str, got: str) -> bool:
    """Constant-time check of a link's token."""
    return hmac.compare_digest(token(secret, number).encode(), got.encode())


def split(segment: str) -> tuple[str, str]:
    """'/p/' segment → (number text, token text); the token is '' for links printed before tokens."""
    number, _, tok = segment.partition(SEPARATOR)
    return number, tok


def progress_url(public_url: str, number: str, secret: str) -> str:
    """The QR content for `number`: `{public_url}/p/{number}.{token}`, or the bare number when no public URL is set."""
    if not public_url:
        return number
    return f"{public_url.rstrip('/')}{PAGE}{number}{SEPARATOR}{token(secret, number)}"


def tracking_of(text: str) -> str:
    """The canonical tracking number a receipt QR holds, whichever form it was printed in. The host is not
    checked: a central that moved to another address must not orphan the receipts printed before, and the
    check character already tells a receipt from a stranger's URL. Raises NotOurs."""
    text = text.strip()
    if not text or len(text) > MAX_TEXT:
        raise NotOurs("empty or oversized QR text")
    candidate = text
    if "://" in text:
        parts = urlsplit(text)
        head, sep, tail = parts.path.rpartition(PAGE)
        if parts.scheme.lower() not in ("http", "https") or not sep or not tail or parts.query or parts.fragment:
            raise NotOurs("a URL that is not a receipt's progress page")
        # receipts printed before tokens keep working at the kiosk: it answers a typed number the same way,
        # the token only guards the public web page
        candidate = split(tail)[0]
    try:
        return str(tracking.parse(candidate))
    except tracking.TrackingNumberError as exc:
        raise NotOurs(str(exc)) from None
