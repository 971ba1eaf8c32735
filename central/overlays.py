"""Configuration overlay targets ("terminal:<id>" or "site:<code>") and what central checks before publishing one."""

from __future__ import annotations

from dataclasses import dataclass

from protocol.overlays import OverlayRefused, parse

SCOPES = ("terminal", "site")
MAX_ACTOR = 128


@dataclass(frozen=True)
class Target:
    scope: str  # "terminal" | "site"
    name: str  # the terminal id or the site code

    def __str__(self) -> str:
        return f"{self.scope}:{self.name}"


def parse_target(text: str) -> Target:
    """OverlayRefused unless `text` is "terminal:<id>" or "site:<code>" (at most 64 printable characters)."""
    scope, sep, name = str(text).partition(":")
    name = name.strip()
    if not sep or scope not in SCOPES or not name or len(name) > 64 or not name.isprintable():
        raise OverlayRefused(f"target {text!r}: expected terminal:<id> or site:<code> (at most 64 characters)")
    return Target(scope, name)


def checked(toml_text: str) -> str:
    """The text to store: TOML whose every key an overlay may set (protocol.overlays), else OverlayRefused."""
    parse(toml_text)
    return toml_text


def checked_actor(actor: str) -> str:
    actor = str(actor).strip()
    if not actor or len(actor) > MAX_ACTOR or not actor.isprintable():
        raise OverlayRefused(f"actor: 1-{MAX_ACTOR} printable characters naming who publishes")
    return actor
