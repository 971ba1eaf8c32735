"""A process killed (SIGKILL) while installing catalog updates never leaves a half catalog in use."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.catalog.updates import CatalogStore
from tests.helpers.catalog import SHIPPED, signed_bundle, signing_keys

REPO = Path(__file__).resolve().parents[2]

INSTALLER = """
import sys
from pathlib import Path
from kiosk.catalog.updates import CatalogStore
store = CatalogStore(Path(sys.argv[1]), Path(sys.argv[2]), public_keys=[sys.argv[3]])
bundles = [Path(p).read_bytes() for p in sys.argv[4:]]
n = 0
while True:
    store.install(bundles[n], etag=str(n))  # each newer than the last: versions only go up
    print(n, flush=True)
    n += 1
"""


def test_sigkill_during_installs(tmp_path):
    private, public = signing_keys()
    versions = [f"2099.4.{n}" for n in range(1, 40)]
    paths = []
    for v in versions:
        p = tmp_path / f"{v}.zip"
        p.write_bytes(signed_bundle(tmp_path, v, private))
        paths.append(str(p))
    updates = tmp_path / "updates"
    installed = -1
    for round_ in range(3):
        remaining = paths[installed + 1:]
        proc = subprocess.Popen([sys.executable, "-c", INSTALLER, str(SHIPPED), str(updates), public, *remaining],
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
        store = CatalogStore(SHIPPED, updates, public_keys=[public])
        catalog = store.open()  # never the shipped fallback: an installed catalog is always whole
        assert store.installed_directory() is not None
        now = versions.index(catalog.version)
        assert now >= installed + done  # what was reported installed stays installed (or a later one)
        installed = now
        assert len(catalog) == len(CatalogStore(SHIPPED, tmp_path / "none").open())
