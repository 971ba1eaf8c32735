"""A process killed (SIGKILL) while installing catalog updates never leaves a half catalog in use."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.catalog.updates import CatalogStore, make_bundle
from tests.helpers.catalog import SHIPPED, copy_shipped, set_version

REPO = Path(__file__).resolve().parents[2]

INSTALLER = """
import sys
from pathlib import Path
from kiosk.catalog.updates import CatalogStore
store = CatalogStore(Path(sys.argv[1]), Path(sys.argv[2]))
bundles = [Path(p).read_bytes() for p in sys.argv[3:]]
n = 0
while True:
    store.install(bundles[n % len(bundles)], etag=str(n))
    print(n, flush=True)
    n += 1
"""


def test_sigkill_during_installs(tmp_path):
    paths = []
    for v in ("2099.4.1", "2099.4.2"):
        d = copy_shipped(tmp_path / v)
        set_version(d, v)
        p = tmp_path / f"{v}.json"
        p.write_bytes(make_bundle(d))
        paths.append(str(p))
    updates = tmp_path / "updates"
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", INSTALLER, str(SHIPPED), str(updates), *paths],
                                cwd=REPO, stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        done = 0
        while done < 2 + round_ and time.monotonic() < deadline:  # kill at a different point each round
            if proc.stdout.readline() == "":
                break
            done += 1
        time.sleep(0.01 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        assert done >= 2, "installer made no progress"
        store = CatalogStore(SHIPPED, updates)
        catalog = store.open()  # never the shipped fallback: an installed catalog is always whole
        assert catalog.version in ("2099.4.1", "2099.4.2") and store.installed_directory() is not None
        assert len(catalog) == len(CatalogStore(SHIPPED, tmp_path / "none").open())
