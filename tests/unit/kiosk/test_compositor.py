"""The session's stop (kiosk.service's ExecStop): SIGTERM to the kiosk inside the compositor, never to the
compositor or its other children, then a bounded wait for the compositor to end by itself."""

import os
import signal
import subprocess
import sys

from kiosk.compositor import stop_session

# a stand-in compositor: it starts a "kiosk" and a bystander (cage's Xwayland), and ends when the kiosk ends
COMPOSITOR = """
import subprocess, sys
# small stand-ins (coreutils' sleep under other names) so a busy machine starts them quickly
kiosk = subprocess.Popen(["kiosk", "600"], executable="/bin/sleep")
other = subprocess.Popen(["Xwayland", "600"], executable="/bin/sleep")
print(other.pid, flush=True)
code = kiosk.wait()
alive = other.poll() is None
other.kill()
print(f"kiosk ended with {code}; bystander alive: {alive}", flush=True)  # says which half failed
sys.exit(0 if code == -15 and alive else 3)
"""

STUBBORN = """
import subprocess, sys, time
subprocess.Popen(["Xwayland", "-c", "import time; time.sleep(600)"], executable=sys.executable)
print("up", flush=True)
time.sleep(600)
"""


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its children too
    except ProcessLookupError:
        pass
    proc.wait()


def test_stop_ends_the_kiosk_and_waits_for_the_compositor():
    comp = subprocess.Popen([sys.executable, "-c", COMPOSITOR], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        comp.stdout.readline()  # both children are running
        assert stop_session(comp.pid, timeout=120) == 0
        code = comp.wait(timeout=60)
        assert code == 0, comp.stdout.read()  # its kiosk got SIGTERM, and it ended on its own
    finally:
        _kill_group(comp)


def test_stop_of_a_compositor_that_does_not_end_gives_up_and_leaves_it_to_systemd(capsys):
    comp = subprocess.Popen([sys.executable, "-c", STUBBORN], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        comp.stdout.readline()
        assert stop_session(comp.pid, timeout=1.0) == 1
        assert comp.poll() is None  # the compositor itself was not signalled
        assert "did not end" in capsys.readouterr().err
    finally:
        _kill_group(comp)


def test_stop_of_a_session_already_gone_returns_at_once():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert stop_session(gone.pid, timeout=600) == 0
