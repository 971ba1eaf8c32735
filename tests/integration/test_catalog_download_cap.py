"""A 300 MB catalog answer (a man in the middle, its own process) is cut off at the configured cap while it
streams: the kiosk-side process stays small and most of the answer is never read."""

import json
import subprocess
import sys

from tests.conftest import REPO
from tests.helpers.central import TERMINAL, central  # noqa: F401 (fixture)
from tests.helpers.mitm import HUGE, running_mitm, stats

CAP = 20_000_000  # the shipped [catalog] max_update_bytes

# the kiosk side in its own process, so its peak memory is the download's alone
_CHILD = """
import json, sys
from offline_queue.client import CentralClient
from offline_queue.errors import CentralError

def rss(field):
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(field)) / 1024

url, terminal, secret, cap = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
client = CentralClient(url, terminal, secret, timeout=30, allow_plain_http_loopback=True)
before = rss("VmRSS:")
try:
    client.catalog(None, max_bytes=cap)
    error = None
except CentralError as exc:
    error = {"message": str(exc), "transient": exc.transient}
print(json.dumps({"error": error, "grew_mb": rss("VmHWM:") - before}))
"""


def test_a_300_mb_catalog_is_cut_off_at_the_cap(central):  # noqa: F811
    with running_mitm(central.port, "huge_catalog") as url:
        done = subprocess.run([sys.executable, "-c", _CHILD, url, TERMINAL, central.secret, str(CAP)], cwd=REPO,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        result = json.loads(done.stdout.strip().splitlines()[-1])
        sent = stats(url)["catalog_bytes_sent"]
    assert result["error"] is not None and f"over the {CAP}-byte limit" in result["error"]["message"]
    assert not result["error"]["transient"]  # a catalog that big will not shrink by asking again
    assert result["grew_mb"] < 3 * CAP / 1e6  # the capped bytes and a copy, never the 300 MB
    assert sent < HUGE / 3  # the rest was never read: the kiosk hung up
