"""Process memory set-up: big blocks go back to the system when freed, instead of staying in malloc's heaps."""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter (malloc.h)
BIG_BLOCK = 128 * 1024  # glibc's own starting threshold, now fixed


def hand_big_blocks_back() -> bool:
    """Fixes glibc's mmap threshold, so every block of 128 KB or more has a mapping of its own, unmapped on free.

    Left alone, glibc raises the threshold the first time such a block is freed and serves the next ones from its
    heaps, where freed memory stays with the process. The kiosk allocates and frees camera frames and their copies
    (about 1 MB each) many times a second on several threads: bench/visit.py saw RSS grow by tens of MB over the first
    visits that way. False where malloc is not glibc's (nothing changes there)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, BIG_BLOCK) == 1
