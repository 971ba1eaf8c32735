"""Suite-wide test settings: Qt offscreen, artifacts folder, the shared test data location."""

import os
from pathlib import Path

import pytest

# what the `central` fixture needs, visible to every test module that imports it
from tests.helpers.central import ENGINES, central_db, central_engine  # noqa: F401
from tests.helpers.postgres import postgres  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's mock speech engine keeps voice prompts testable without an audio device
os.environ.setdefault("KIOSK_TTS_ENGINE", "mock")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ARTIFACTS = Path(os.environ.get("KIOSK_TEST_ARTIFACTS", REPO / "test-artifacts"))


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def shared_faces() -> Path:
    faces = SHARED / "data" / "faces"
    if not faces.is_dir():
        pytest.skip("../shared/data/faces is absent")
    return faces


def _prepare_qt() -> None:
    # the kiosk's Qt environment (input method, style, log rules) must exist before pytest-qt makes the app
    from ui.app import prepare_environment

    prepare_environment()


_prepare_qt()


def pytest_generate_tests(metafunc):
    # central's own suite runs on SQLite and on PostgreSQL; kiosk-side tests that only need a central use SQLite
    if "central_engine" in metafunc.fixturenames and metafunc.module.__name__.rpartition(".")[2].startswith(
            "test_central_"):
        metafunc.parametrize("central_engine", ENGINES, scope="module")


# CI machines are busy: a condition waited for gets at least this long (ms) before the wait fails. A wait returns
# as soon as its condition holds, so the floor costs a passing test nothing; no test relies on a wait timing out.
WAIT_FLOOR_MS = 30_000


@pytest.fixture
def qtbot(qapp, request):
    """pytest-qt's qtbot whose waitUntil never gives up before WAIT_FLOOR_MS (its own default is 5 s)."""
    from pytestqt.qtbot import QtBot

    class PatientQtBot(QtBot):
        def waitUntil(self, callback, *, timeout: int = WAIT_FLOOR_MS):  # noqa: N802 (pytest-qt's name)
            return super().waitUntil(callback, timeout=max(timeout, WAIT_FLOOR_MS))

    return PatientQtBot(request)
