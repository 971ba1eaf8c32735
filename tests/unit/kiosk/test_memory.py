"""A big block freed by the kiosk goes back to the system, also after glibc has seen one like it before."""

import subprocess
import sys

import pytest

from tests.helpers.kiosk import REPO

# in a fresh process: what malloc did before in this test process would decide the outcome
SCRIPT = """
import ctypes, os, sys
if sys.argv[1] == "kiosk":
    from ui.app import prepare_environment  # what `kiosk run` and the benches do before Qt starts
    prepare_environment()
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]

def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

def frame():  # a camera frame's worth, written to, then freed
    block = libc.malloc(2 << 20)
    ctypes.memset(block, 1, 2 << 20)
    libc.free(block)

frame()  # the first one: glibc used to raise its mmap threshold here
before = rss()
frame()
print(rss() - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_freed_frame_sized_block_leaves_the_process():
    done = subprocess.run([sys.executable, "-c", SCRIPT, "kiosk"], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    kept = int(done.stdout.split()[-1])
    assert kept < 512 * 1024, f"{kept / 2**20:.1f} MB of a freed 2 MB block stayed with the process"
