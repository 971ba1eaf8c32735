"""Every QML file passes pyside6-qmllint with every name checked: the KioskApp view-models are described to it
from their meta-objects, so a misspelt property or method fails here, not when a citizen opens the screen."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.qmltypes import write_module

QML = Path(__file__).resolve().parents[3] / "ui" / "qml"
LINT = Path(sys.executable).parent / "pyside6-qmllint"
# qmllint reports the Theme singleton as undeclared when it lints the module's own files
IGNORED = ("Type Theme not declared as singleton",)


@pytest.fixture(scope="module")
def kiosk_app_types(tmp_path_factory):
    from ui.app import KioskUi  # noqa: F401 (imports every view-model module)
    from ui.bridge import registered_classes

    return write_module(tmp_path_factory.mktemp("qmltypes"), registered_classes())


@pytest.mark.parametrize("path", sorted(QML.rglob("*.qml")), ids=lambda p: str(p.relative_to(QML)))
def test_qmllint(path, kiosk_app_types):
    r = subprocess.run([str(LINT), "-I", str(QML), "-I", str(kiosk_app_types), str(path)],
                       capture_output=True, text=True, timeout=120)
    problems = [line for line in (r.stdout + r.stderr).splitlines()
                if line.startswith(("Warning:", "Error:")) and not any(i in line for i in IGNORED)]
    assert not problems, "\n".join(problems)


def test_a_misspelt_view_model_name_fails_the_lint(tmp_path, kiosk_app_types):
    """The check above is only worth something if it catches what it is for."""
    bad = tmp_path / "Bad.qml"
    bad.write_text("import QtQuick\nimport KioskApp\nItem {\n    property string a: ApplyBridge.servceName\n"
                   "    property string b: applyy.serviceName\n    Component.onCompleted: ApplyBridge.submitt(true)\n}\n")
    r = subprocess.run([str(LINT), "-I", str(QML), "-I", str(kiosk_app_types), str(bad)],
                       capture_output=True, text=True, timeout=120)
    out = r.stdout + r.stderr
    assert "servceName" in out and "applyy" in out and "submitt" in out, out
