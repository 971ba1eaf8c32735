"""How loud and how fast the spoken prompts are for this visitor: steps, bounds, and back to the hall's setting."""

from __future__ import annotations

from dataclasses import dataclass, replace

# never down to silence: someone who turned the voice off could not hear how to turn it on again
QUIETEST, LOUDEST = 0.3, 1.0
# -1 is barely words on most engines; +0.4 is already hurried for an elderly listener
SLOWEST, FASTEST = -0.8, 0.4
VOLUME_STEP, RATE_STEP = 0.1, 0.2


def _clamp(value: float, low: float, high: float) -> float:
    return round(min(high, max(low, value)), 2)


@dataclass(frozen=True)
class VoiceTuning:
    """One visitor's choice; the terminal's configured values ([locale] voice_volume, voice_rate) are the start
    and come back when the visit ends."""

    volume: float
    rate: float

    @classmethod
    def configured(cls, volume: float, rate: float) -> VoiceTuning:
        return cls(_clamp(volume, QUIETEST, LOUDEST), _clamp(rate, SLOWEST, FASTEST))

    def louder(self) -> VoiceTuning:
        return replace(self, volume=_clamp(self.volume + VOLUME_STEP, QUIETEST, LOUDEST))

    def quieter(self) -> VoiceTuning:
        return replace(self, volume=_clamp(self.volume - VOLUME_STEP, QUIETEST, LOUDEST))

    def faster(self) -> VoiceTuning:
        return replace(self, rate=_clamp(self.rate + RATE_STEP, SLOWEST, FASTEST))

    def slower(self) -> VoiceTuning:
        return replace(self, rate=_clamp(self.rate - RATE_STEP, SLOWEST, FASTEST))

    @property
    def volume_level(self) -> int:
        """1..8 for the screen's level bars (quietest .. loudest)."""
        return 1 + round((self.volume - QUIETEST) / VOLUME_STEP)

    @property
    def rate_level(self) -> int:
        """1..7 (slowest .. fastest)."""
        return 1 + round((self.rate - SLOWEST) / RATE_STEP)

    @property
    def can(self) -> dict[str, bool]:
        """Which of the four buttons still change something (the others are shown disabled)."""
        return {"louder": self.volume < LOUDEST, "quieter": self.volume > QUIETEST,
                "faster": self.rate < FASTEST, "slower": self.rate > SLOWEST}
