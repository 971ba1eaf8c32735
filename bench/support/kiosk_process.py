"""`kiosk run` as a real process for benchmarks: started offscreen, its stdout drained, waited for to its first frame."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def start_kiosk(config: Path, first_frame_timeout: float = 120.0) -> subprocess.Popen:
    """The kiosk with `config`, once it has shown its first frame; SystemExit when it shows none in time."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO)
    first = threading.Event()

    def watch() -> None:  # keeps draining stdout so the kiosk never blocks on a full pipe
        for line in proc.stdout:  # type: ignore[union-attr]
            if "startup: first frame" in line:
                first.set()

    threading.Thread(target=watch, daemon=True).start()
    if not first.wait(first_frame_timeout):
        stop(proc)
        raise SystemExit(f"the kiosk showed no first frame within {first_frame_timeout:.0f} s (exit {proc.poll()})")
    return proc


def stop(proc: subprocess.Popen | None) -> None:
    """SIGTERM (the kiosk's clean end), SIGKILL after 20 s."""
    if proc is None:
        return
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
