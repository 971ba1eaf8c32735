"""The kiosk session the way kiosk.service runs it, under Debian's real cage (its headless backend): `kiosk session`
becomes cage, the kiosk inside draws fullscreen and turned, says READY after its first frame, pings the watchdog and
stops while it hangs, and the unit's ExecStop (`kiosk session --stop $MAINPID`) ends it with cage closing cleanly."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers.kiosk import REPO, write_config
from tests.helpers.notify_socket import Manager

WATCHDOG_USEC = 2_000_000  # a ping every second while the kiosk is alive
HUNG = 5.0  # seconds the kiosk is stopped

pytestmark = pytest.mark.skipif(
    not (shutil.which("cage") and shutil.which("Xwayland") and shutil.which("grim")),
    reason="needs Debian's cage, xwayland and grim (./install.sh installs them)")


def _as_unprivileged() -> list[str]:
    """cage refuses to run as root (it must not be able to regain it), and the unit runs it as the kiosk user. As
    root, a user namespace without a root mapping gives the same: cage cannot get root back, yet files stay ours."""
    if os.geteuid() != 0:
        return []
    probe = subprocess.run(["unshare", "--user", "--", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make an unprivileged user namespace: {probe.stderr.decode().strip()}")
    return ["unshare", "--user", "--"]


def _kiosk_inside(cage_pid: int) -> int:
    from kiosk.compositor import _children

    for pid in _children(cage_pid):
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if b"kiosk.cli" in f.read().split(b"\0"):
                return pid
    raise AssertionError("no kiosk process under cage")


def _screenshot(runtime, out):
    sockets = [p.name for p in runtime.iterdir() if p.name.startswith("wayland-") and not p.name.endswith(".lock")]
    assert sockets, list(runtime.iterdir())
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_RUNTIME_DIR": str(runtime),
           "WAYLAND_DISPLAY": sockets[0]}
    subprocess.run(["grim", str(out)], env=env, check=True, capture_output=True, timeout=60)


def test_kiosk_session_under_cage_is_ready_pings_and_stops_cleanly(tmp_path):
    prefix = _as_unprivileged()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    # "last" as older configurations have it: cage 0.1.4 crashes at start with `-m last`, so the session must not
    # pass it; rotation 90 turns the 1280x720 headless output into a portrait screen
    cfg = write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                       display={"rotation": 90, "outputs": "last"},
                       **{"devices.printer": {"sim_output_dir": "receipts"}})
    manager = Manager(str(tmp_path / "notify"))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WATCHDOG_PID")}
    env.update({
        # what the unit sets
        "XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "wayland", "PYTHONDONTWRITEBYTECODE": "1",
        "NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": str(WATCHDOG_USEC),
        # what logind and the screen give a terminal: here cage's headless backend with its software renderer
        "XDG_RUNTIME_DIR": str(runtime), "WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman", "KIOSK_TTS_ENGINE": "mock"})
    proc = subprocess.Popen([*prefix, sys.executable, "-m", "kiosk.cli", "session", "--config", str(cfg)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO, env=env)
    output = ""
    try:
        try:
            ready = manager.wait_for("READY=1", timeout=240)
        except AssertionError:
            proc.kill()
            raise AssertionError(f"no READY=1; cage ended with {proc.wait()}: {proc.stdout.read()[-3000:]}")
        first = manager.wait_for("WATCHDOG=1", after=ready)
        manager.wait_for("WATCHDOG=1", after=first)
        assert proc.poll() is None
        state = tmp_path / "var"
        assert (state / "kiosk.running").exists()  # the kiosk inside counts itself as running

        shot = tmp_path / "session.png"
        _screenshot(runtime, shot)
        from PIL import Image
        with Image.open(shot) as img:
            assert img.width < img.height, img.size  # turned: a portrait screen
            colours = img.convert("RGB").resize((54, 96)).getcolors(maxcolors=54 * 96)
        assert colours is None or len(colours) > 8  # the attract screen, not an empty compositor
        if os.environ.get("KIOSK_KEEP_SCREENSHOTS"):
            shutil.copy(shot, os.environ["KIOSK_KEEP_SCREENSHOTS"])

        # a hung kiosk under cage (stopped outright): no pings while it hangs, so systemd would restart it
        kiosk = _kiosk_inside(proc.pid)
        hung_at = time.monotonic()
        os.kill(kiosk, signal.SIGSTOP)
        try:
            time.sleep(HUNG)
            manager.sock.settimeout(0.1)
            try:
                while True:  # drain what arrived during the hang, with arrival times
                    manager.messages.append((time.monotonic(), manager.sock.recv(4096).decode()))
            except OSError:
                pass
            # one ping already on its way may land just after the stop
            assert not [at for at, m in manager.messages if m == "WATCHDOG=1" and hung_at + 1.0 < at]
        finally:
            os.kill(kiosk, signal.SIGCONT)
        manager.wait_for("WATCHDOG=1", after=time.monotonic())  # and it pings again once it runs

        # the unit's ExecStop, as systemd runs it: the kiosk ends, then cage closes by itself
        stop = subprocess.run([sys.executable, "-m", "kiosk.cli", "session", "--stop", str(proc.pid)],
                              capture_output=True, text=True, cwd=REPO, timeout=120)
        assert stop.returncode == 0, stop.stderr
        code = proc.wait(timeout=30)
        output = proc.stdout.read()
        assert code == 0, output[-3000:]  # not 134: cage aborts when it is sent SIGTERM itself
        assert not (state / "kiosk.running").exists()  # the kiosk shut down cleanly: no crash counted next time
        assert "Debian 12's cage crashes with `-m last`" in output
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        manager.sock.close()

