"""`./install.sh --terminal --dry-run` lists a production terminal: no test tools, no virtual reader, no compiler
kept, the kiosk user, the paths and the units; and it changes nothing."""

import re
import subprocess

import pytest

from tests.helpers.kiosk import REPO

COMPILERS = re.compile(r"\b(gcc|g\+\+|cc|clang|swig|build-essential|[\w.+-]+-dev)\b")


@pytest.fixture(scope="module")
def plan():
    r = subprocess.run(["bash", "install.sh", "--terminal", "--dry-run"], cwd=REPO, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _line(plan: str, start: str) -> str:
    found = [line for line in plan.splitlines() if line.startswith(start)]
    assert len(found) == 1, (start, plan)
    return found[0]


def test_no_virtual_reader_no_test_tools(plan):
    assert "vpcd" not in plan and "vsmartcard" not in plan
    assert "pytest" not in plan and "[test]" not in plan and "hypothesis" not in plan
    assert "/opt/kiosk/venv/bin/python -m pip install" in plan and "-e /opt/kiosk" in plan


def test_no_compiler_is_kept(plan):
    kept = _line(plan, "[install] packages kept:")
    assert not COMPILERS.search(kept), kept
    assert {"cage", "xwayland", "pcscd"} <= set(kept.split())  # cage will not start without xwayland
    # what is installed besides the kept packages is exactly what is purged again
    build = _line(plan, "[install] packages for building pyscard only, purged afterwards:").split(":", 1)[1].split()
    install = _line(plan, "[dry-run] env DEBIAN_FRONTEND=noninteractive apt-get install").split()
    extra = [p for p in install[install.index("--no-install-recommends") + 1:] if p not in kept.split()]
    assert extra == [p for p in build if p != "(none" and p != "missing)"]
    if extra:
        assert f"apt-get purge -y -qq {' '.join(extra)}" in plan


def test_user_paths_units_and_bytecode(plan):
    assert (re.search(r"^\[dry-run\] useradd --system .*--shell /usr/sbin/nologin kiosk$", plan, re.M)
            or "[install] user kiosk exists: kept" in plan)
    assert "install -d -m 0750 -o kiosk -g kiosk /var/lib/kiosk" in plan
    assert "install -m 0640 -o root -g kiosk kiosk.toml /etc/kiosk/kiosk.toml" in plan
    for key in ('logging.target="journald"', 'queue.database="/var/lib/kiosk/queue.sqlite3"',
                'queue.key_file="/var/lib/kiosk/queue.key"', 'catalog.tickets_database="/var/lib/kiosk/tickets.sqlite3"',
                'catalog.updates_directory="/var/lib/kiosk/catalog"', 'storage.state_directory="/var/lib/kiosk"'):
        assert key in plan, key
    for unit in ("kiosk.service", "kiosk-out-of-service.service"):
        assert f"[install] writing /etc/systemd/system/{unit}" in plan
    assert "systemctl enable pcscd.socket kiosk.service" in plan
    assert "-m compileall" in plan and "/opt/kiosk/venv/lib" in plan
    assert "/opt/kiosk/venv/bin/python -P -m kiosk.catalog.pinyin_build" in plan  # the kiosk user could not write it


def test_every_change_is_only_printed(plan):
    """Each command that touches the machine carries the dry-run mark; the rest is the plan's own summary."""
    for line in plan.splitlines():
        assert line.startswith(("[dry-run] ", "[install] ")), line


def test_configuration_overrides_fit_the_shipped_file(tmp_path, plan):
    """The first-install edits apply to the shipped kiosk.toml and give a configuration the kiosk accepts."""
    import sys

    from kiosk.config import load

    args = _line(plan, "[dry-run] /opt/kiosk/venv/bin/python assets/terminal/set_keys.py").split()[4:]
    # the state and app folders are the terminal's: here they point into a temporary folder instead
    args = [a.replace("/var/lib/kiosk", str(tmp_path / "state")).replace("/opt/kiosk", str(REPO)) for a in args]
    target = tmp_path / "kiosk.toml"
    target.write_text((REPO / "kiosk.toml").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, "assets/terminal/set_keys.py", str(target), *args], cwd=REPO, check=True,
                   timeout=60)
    cfg = load(target)
    assert cfg.logging.target == "journald" and cfg.queue.database == str(tmp_path / "state" / "queue.sqlite3")
    assert "# encryption key file" in target.read_text(encoding="utf-8")  # comments kept


def test_dry_run_alone_is_refused():
    r = subprocess.run(["bash", "install.sh", "--dry-run"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--terminal" in r.stderr
