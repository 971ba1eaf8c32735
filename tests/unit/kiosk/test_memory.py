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


# a visit's worth of small buffers freed below one still held: glibc keeps such memory in its heap until trimmed
WIPE_SCRIPT = """
import ctypes, os
from kiosk.session import Session
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]

def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

blocks = [libc.malloc(64 << 10) for _ in range(641)]  # 40 MB in blocks under the mmap threshold
for block in blocks:
    ctypes.memset(block, 1, 64 << 10)
for block in blocks[:-1]:  # the last one stays, above the others: the heap's top cannot shrink by itself
    libc.free(block)
before = rss()
Session().wipe("end of session")
print(before - rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_the_session_wipe_hands_the_visits_freed_memory_back():
    done = subprocess.run([sys.executable, "-c", WIPE_SCRIPT], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    returned = int(done.stdout.split()[-1])
    assert returned > 30 * 2**20, f"only {returned / 2**20:.1f} MB of 40 MB freed by the visit went back"


ARENA_SCRIPT = """
import ctypes, threading
from ui.app import prepare_environment
prepare_environment()
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]
arenas = set()
start = threading.Barrier(8)

def worker():  # camera, face, printer, sync, render...: threads that allocate at the same time
    start.wait()
    for _ in range(2000):
        block = libc.malloc(256)
        arenas.add(block >> 26)  # non-main arenas are 64 MB-aligned heaps; the main one is the brk heap
        libc.free(block)

threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(arenas))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_threads_share_a_few_malloc_arenas():
    done = subprocess.run([sys.executable, "-c", ARENA_SCRIPT], cwd=REPO, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    # two arenas, the main heap possibly spanning two 64 MB windows
    assert int(done.stdout.split()[-1]) <= 3, "each thread got an arena of its own"
