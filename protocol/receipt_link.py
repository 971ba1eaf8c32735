"""What a submission receipt's QR holds: central's public progress page for the tracking number, or (receipts
printed before public links, or without a configured public URL) the bare number; pure, no I/O."""

from __future__ import annotations

from urllib.parse import urlsplit

from protocol import tracking

PAGE = "/p/"  # short on purpose: every character of the URL grows the printed QR
MAX_TEXT = 512  # a receipt QR holds far less; anything longer is not ours and is not parsed


class NotOurs(ValueError):
    """Text from a QR that is not one of our receipts (another site's URL, a payment code, a damaged number)."""


def progress_url(public_url: str, number: str) -> str:
    """The QR content for `number`: `{public_url}/p/{number}`, or the bare number when no public URL is set."""
    return f"{public_url.rstrip('/')}{PAGE}{number}" if public_url else number


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
        candidate = tail
    try:
        return str(tracking.parse(candidate))
    except tracking.TrackingNumberError as exc:
        raise NotOurs(str(exc)) from None
