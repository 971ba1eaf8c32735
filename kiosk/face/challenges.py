"""The liveness challenges and their prompts (no numpy: the UI shows them before any face stack loads)."""

from __future__ import annotations

import enum

from kiosk.i18n import Text


class Challenge(enum.Enum):
    BLINK = "blink"
    TURN_LEFT = "turn_left"  # the person's own left, whatever the preview mirroring
    TURN_RIGHT = "turn_right"


PROMPTS = {
    Challenge.BLINK: Text(zh="请眨一眨眼", en="Please blink your eyes"),
    Challenge.TURN_LEFT: Text(zh="请慢慢向左转头", en="Please turn your head slowly to your left"),
    Challenge.TURN_RIGHT: Text(zh="请慢慢向右转头", en="Please turn your head slowly to your right"),
}
