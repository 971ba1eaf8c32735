"""Short tones on the terminal's speaker (ALSA's aplay), e.g. the beep after a card was read."""

from __future__ import annotations

import io
import logging
import math
import shutil
import struct
import subprocess
import threading
import wave

log = logging.getLogger(__name__)
RATE = 16_000


def tone_wav(frequency: float = 1800.0, millis: int = 120, volume: float = 0.5) -> bytes:
    """A mono 16-bit WAV of one sine tone, faded in and out so it clicks neither at the start nor the end."""
    n = RATE * millis // 1000
    fade = max(1, RATE // 200)  # 5 ms
    samples = bytearray()
    for i in range(n):
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        samples += struct.pack("<h", int(32767 * volume * envelope * math.sin(2 * math.pi * frequency * i / RATE)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(samples))
    return out.getvalue()


class Beeper:
    """Plays the tone in a thread; a terminal without aplay or a sound card stays silent (logged once)."""

    def __init__(self, player: str | None = None) -> None:
        self._player = player if player is not None else shutil.which("aplay")
        self._wav = tone_wav()
        self._warned = False

    def beep(self) -> None:
        if not self._player:
            if not self._warned:
                log.info("no aplay on this terminal: beeps are silent")
                self._warned = True
            return
        threading.Thread(target=self._play, name="beep", daemon=True).start()

    def _play(self) -> None:
        try:
            subprocess.run([self._player, "-q", "-"], input=self._wav, timeout=5, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except (OSError, subprocess.SubprocessError) as exc:
            if not self._warned:
                log.warning("beep failed: %s", exc)
                self._warned = True
