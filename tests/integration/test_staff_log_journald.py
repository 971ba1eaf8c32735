"""The staff screen's log tail with `[logging] target = "journald"`: a real systemd-journald in a private mount
namespace receives the kiosk's real stderr lines (as kiosk.service's stream does), and the real journalctl reads
them back for the screen; as a user outside the systemd-journal group the screen says the journal is unreadable."""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.journal_tail import IDENTIFIER, UNREADABLE
from tests.helpers.kiosk import REPO, write_config

JOURNALD = Path("/lib/systemd/systemd-journald")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not JOURNALD.exists() or not all(shutil.which(t) for t in ("unshare", "journalctl",
                                                                                     "systemd-cat", "setpriv")),
    reason="needs root, unshare, systemd-journald, journalctl, systemd-cat and setpriv (a private journal)")

# what the kiosk writes: through its own journald logging set-up, as `kiosk run` does with that target
WRITER = textwrap.dedent("""
    import logging, sys
    from kiosk import logs
    logs.setup_journald("INFO")
    log = logging.getLogger("kiosk.test")
    log.warning("printer paper low")
    log.info("callback number %s", "13800138000")
    try:
        raise ValueError("bad form field")
    except ValueError:
        log.exception("form could not be saved")
    sys.stderr.flush()
    sys.stderr.buffer.write(b"<6>not utf-8 \\xff here\\n")
""")

READER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from kiosk.config import load
    from kiosk.journal_tail import journal_tail
    from kiosk.maintenance import log_tail
    if sys.argv[1] == "--journalctl":
        print(json.dumps(journal_tail(40, sys.argv[2])))
    else:
        print(json.dumps(log_tail(load(Path(sys.argv[1])))))
""")

# journalctl as a user outside the systemd-journal group (what the kiosk user is without it)
UNPRIVILEGED = "#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups journalctl \"$@\"\n"

SCRIPT = textwrap.dedent("""
    set -e
    mkdir -p /run/systemd /run/log
    mount -t tmpfs tmpfs /run/systemd
    mount -t tmpfs tmpfs /run/log
    if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
    mkdir -p /run/systemd/journal
    {journald} &
    trap 'kill $!' EXIT
    for i in $(seq 600); do [ -S /run/systemd/journal/stdout ] && break; sleep 0.1; done
    systemd-cat -t {ident} --level-prefix=true {py} -c "$WRITER"
    printf 'cage: output line 13800138000\\n' | systemd-cat -t {ident}
    printf 'another program\\n' | systemd-cat -t elsewhere
    journalctl --sync
    {py} -c "$READER" {config} > {out}/tail.json
    {py} -c "$READER" --journalctl {out}/jc > {out}/unprivileged.json
""")


def test_the_staff_log_tail_reads_the_kiosks_own_journal_entries_masked(tmp_path):
    config = write_config(tmp_path, logging={"target": "journald"})
    (tmp_path / "jc").write_text(UNPRIVILEGED)
    (tmp_path / "jc").chmod(0o755)
    script = SCRIPT.format(journald=JOURNALD, ident=IDENTIFIER, py=sys.executable, config=config, out=tmp_path)
    env = os.environ | {"WRITER": WRITER, "READER": READER, "PYTHONPATH": str(REPO)}
    done = subprocess.run(["unshare", "-m", "--propagation", "private", "bash", "-c", script], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = json.loads((tmp_path / "tail.json").read_text())
    text = "\n".join(lines)
    assert any(line.endswith(" WARNING kiosk.test: printer paper low") for line in lines), text
    assert any(" ERROR kiosk.test: form could not be saved" in line for line in lines), text
    assert any(" ERROR Traceback (most recent call last):" in line for line in lines), text
    assert any(line.endswith(" ERROR ValueError: bad form field") for line in lines), text
    assert any(line.endswith(" INFO not utf-8 \ufffd here") for line in lines), text
    # masked when written by the kiosk, and masked again on the way to the screen (cage's lines never were)
    assert any(line.endswith(" INFO kiosk.test: callback number 138****8000") for line in lines), text
    assert any(line.endswith(" INFO cage: output line 138****8000") for line in lines), text
    assert "13800138000" not in text
    assert "another program" not in text  # only the kiosk unit's identifier
    unprivileged = json.loads((tmp_path / "unprivileged.json").read_text())
    assert len(unprivileged) == 1 and unprivileged[0].startswith(UNREADABLE + ": "), unprivileged
