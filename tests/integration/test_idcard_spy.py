"""spy:// on the ID card reader, in a real process on a real pty: frames dumped, the card holder's data never."""

import subprocess
import sys

from drivers.idcard.profiles import CARDS_DIR, load_profile
from tests.helpers.kiosk import REPO

READ_ONE_CARD = """
import sys, threading
from drivers.cards.events import CardPresented
from drivers.idcard.driver import IdCardReader
from drivers.idcard.simulator import IdCardSimulator

sim = IdCardSimulator()
sim.start()
sim.set_card(sys.argv[1])
read = threading.Event()
reader = IdCardReader("spy://" + str(sim.path) + sys.argv[2], poll_interval=0.05)
reader.subscribe(lambda e: isinstance(e, CardPresented) and read.set())
reader.start()
ok = read.wait(60)
reader.close()
sim.stop()
print("read" if ok else "no card read")
"""


def _read_through_spy(card: str, options: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", READ_ONE_CARD, card, options], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


def _assert_redacted(dump: str, card: str) -> None:
    data = load_profile(CARDS_DIR, card).card_data()
    for secret in (data.text[:32], data.text[60:100], data.photo[:16]):
        assert secret.hex(" ") not in dump
        assert secret.hex() not in dump
    assert "[text 256 bytes] [photo 1024 bytes]" in dump
    assert "aa aa aa 96 69 00 03 30 01 32" in dump  # the read command itself is dumped whole
    assert "read text+photo" in dump


def test_spy_to_stderr_shows_frames_but_not_the_card():
    r = _read_through_spy("zhang_normal")
    assert r.stdout.strip() == "read", r.stderr[-2000:]
    _assert_redacted(r.stderr, "zhang_normal")
    assert "find card" in r.stderr and "card_found answer" in r.stderr


def test_spy_to_a_file_is_redacted_the_same_way(tmp_path):
    dump = tmp_path / "spy.txt"
    r = _read_through_spy("miller_foreigner", f"?file={dump}")
    assert r.stdout.strip() == "read", r.stderr[-2000:]
    _assert_redacted(dump.read_text(encoding="utf-8"), "miller_foreigner")
    assert "aa aa aa 96 69" not in r.stderr
