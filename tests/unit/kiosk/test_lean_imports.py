"""What the running kiosk keeps out of its memory: libraries' unused extras, OpenCV before the first frame,
pkg_resources with the face models, pypinyin's dictionaries (each checked in a fresh interpreter)."""

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, capture_output=True, text=True,
                         timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_httpx_works_without_its_command_line_and_trio():
    out = _run("""
        import sys
        from kiosk.lean_imports import keep_out
        keep_out()
        import httpx
        httpx.Client().close()
        print(sorted(m for m in ("rich", "pygments", "click", "trio", "httpx._main") if m in sys.modules))
        try:
            httpx.main()  # httpx's own message: the command line is not installed
        except SystemExit:
            pass
    """)
    lines = out.splitlines()
    assert lines[0] == "[]"
    assert "command line client could not run" in out


def test_the_modules_before_the_first_frame_bring_no_opencv_numpy_cryptography_or_catalog_models():
    """ui.app and what it imports are all the kiosk loads before its first frame: the camera's libraries come
    with the devices, cryptography and TLS with the queue and central, the catalog's models with the catalog."""
    out = _run("""
        import sys
        from kiosk.lean_imports import keep_out
        keep_out()
        import kiosk.cli, kiosk.config, kiosk.app, ui.app
        print(sorted(m for m in ("cv2", "numpy", "pypinyin", "pkg_resources", "dlib", "cryptography", "ssl",
                                 "http.client", "protocol.catalog_schema") if m in sys.modules))
    """)
    assert out.strip() == "[]"


def test_the_face_models_load_without_pkg_resources():
    out = _run("""
        import sys
        from kiosk.face.dlib_engine import DlibEngine
        e = DlibEngine()
        print("pkg_resources" in sys.modules, "face_recognition_models" in sys.modules, round(e.load_seconds, 1) >= 0)
    """)
    assert out.split() == ["False", "False", "True"]
