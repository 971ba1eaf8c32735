"""Process memory set-up: big blocks go back to the system when freed, instead of staying in malloc's heaps."""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameters (malloc.h)
M_ARENA_MAX = -8
BIG_BLOCK = 128 * 1024  # glibc's own starting threshold, now fixed
ARENAS = 2  # glibc's default is 8 per core, each one an own heap that keeps what its threads freed


def _libc():
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt, libc.malloc_trim  # noqa: B018 (absent where malloc is not glibc's)
    except (OSError, AttributeError):
        return None
    libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    return libc


def hand_big_blocks_back() -> bool:
    """Fixes glibc's mmap threshold, so every block of 128 KB or more has a mapping of its own, unmapped on free,
    and caps malloc's arenas at two.

    Left alone, glibc raises the threshold the first time such a block is freed and serves the next ones from its
    heaps, where freed memory stays with the process. The kiosk allocates and frees camera frames and their copies
    (about 1 MB each) many times a second on several threads: bench/visit.py saw RSS grow by tens of MB over the first
    visits that way. The arena cap: each thread that meets a busy arena gets another one (up to 8 per core), so the
    camera, face, printer, sync and Qt render threads fill new arenas over the first visits, and what they free there
    stays. False where malloc is not glibc's (nothing changes there)."""
    libc = _libc()
    if libc is None:
        return False
    capped = libc.mallopt(M_ARENA_MAX, ARENAS) == 1
    return libc.mallopt(M_MMAP_THRESHOLD, BIG_BLOCK) == 1 and capped


def hand_free_memory_back() -> bool:
    """malloc_trim(0): the free pages inside malloc's heaps (of every arena) go back to the system.

    Run after the session wipe: the visit's screens, images and buffers were just freed, and an appliance that runs
    for months should not keep the high-water mark of its busiest visit. False where malloc is not glibc's."""
    libc = _libc()
    return libc is not None and libc.malloc_trim(0) == 1
