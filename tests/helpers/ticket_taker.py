"""A kiosk process that takes queue numbers (tests/integration/test_hall_queue_processes.py): its own core, disk and
connection, as a second terminal of a hall is. Prints "ready" once its queue and client are open (and, when told to,
its queue index has come from central), waits for the go file, takes the numbers, prints them as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(config: str, times: int, go: str, wait_index: bool) -> int:
    from kiosk.app import KioskCore
    from kiosk.config import load

    core = KioskCore(load(Path(config)), open_hardware=False)
    try:
        core._open_submissions()  # the queue and its client only: devices are not what this is about
        if core.submissions is None:
            print(json.dumps({"error": core.queue_fault}), flush=True)
            return 1
        deadline = time.monotonic() + 120
        while wait_index and core.queue_index.current is None:  # the first heartbeat brings it
            if time.monotonic() > deadline:
                print(json.dumps({"error": "no queue index from central"}), flush=True)
                return 1
            time.sleep(0.05)
        core.catalog.ticket_place("HJ-001")  # the catalog is built before the race, not inside it
        print("ready", flush=True)
        while not Path(go).exists():
            time.sleep(0.01)
        print(json.dumps([core.catalog.take_number("HJ-001").number for _ in range(times)]), flush=True)
        return 0
    finally:
        core.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "index"))
