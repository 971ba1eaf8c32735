"""Printer URLs: the schemes the transports open, parsed and checked without importing any transport."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

SIM = "sim:"
# scheme -> query options it takes
SCHEMES = {"usb": ("in_ep", "out_ep"), "serial": ("baudrate",), "spy": ("baudrate",), "tcp": (), "file": ()}
HINT = "use sim:, usb://VID:PID, serial:///dev/..., spy:///dev/..., tcp://host[:port] or file:///path"


@dataclass
class UrlParts:
    scheme: str
    target: str
    params: dict[str, str]


def parse_url(url: str) -> UrlParts:
    u = urlsplit(url)
    params = {k: v[-1] for k, v in parse_qs(u.query, keep_blank_values=True).items()}
    target = (u.netloc + u.path) if u.scheme in ("usb", "tcp") else u.path
    return UrlParts(u.scheme, target, params)


def check_url(url: str) -> UrlParts:
    """The parsed URL of a transport; ValueError saying what is wrong otherwise ("sim:" is not a transport)."""
    parts = parse_url(url)
    if parts.scheme not in SCHEMES or "://" not in url:
        raise ValueError(f"printer url {url!r}: unknown scheme ({HINT})")
    unknown = sorted(set(parts.params) - set(SCHEMES[parts.scheme]))
    if unknown:
        raise ValueError(f"printer url {url!r}: unknown option {unknown[0]!r}")
    if parts.scheme == "usb":
        vid, _, pid = parts.target.partition(":")
        try:
            ids = [int(vid, 16), int(pid, 16)] + [int(parts.params[k], 0) for k in SCHEMES["usb"] if k in parts.params]
        except ValueError:
            raise ValueError(f"printer url {url!r}: expected usb://VVVV:PPPP[?in_ep=0x81&out_ep=0x02] in hex") from None
        if not all(0 <= n <= 0xFFFF for n in ids):
            raise ValueError(f"printer url {url!r}: USB ids are 4 hex digits")
    elif parts.scheme in ("serial", "spy", "file"):
        if not parts.target.startswith("/"):
            raise ValueError(f"printer url {url!r}: no absolute {'file' if parts.scheme == 'file' else 'serial port'}"
                             " path")
        baud = parts.params.get("baudrate", "115200")
        if not baud.isdigit() or not 300 <= int(baud) <= 4_000_000:
            raise ValueError(f"printer url {url!r}: baudrate must be a number of bits per second")
    elif parts.scheme == "tcp":
        host, _, port = parts.target.partition(":")
        if not host or "/" in host:
            raise ValueError(f"printer url {url!r}: no host")
        if port and (not port.isdigit() or not 1 <= int(port) <= 65535):
            raise ValueError(f"printer url {url!r}: port must be 1-65535")
    return parts


def check_config_url(url: str) -> str:
    """The config's view: exactly "sim:" for the virtual printer, else a transport URL."""
    if url != SIM:
        check_url(url)
    return url
