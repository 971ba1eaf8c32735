"""QR codes with qrcode's own mask choice, its penalty rules scored with numpy instead of per-module Python loops."""

from __future__ import annotations

import functools

import numpy as np
import qrcode
from numpy.lib.stride_tricks import sliding_window_view

# the 1:1:3:1:1 finder-like runs with 4 light modules on either side (qrcode.util._lost_point_level3)
_FINDER_LIKE = np.array([[1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1]], dtype=bool)


@functools.lru_cache(maxsize=8)
def mask_grids(n: int) -> np.ndarray:
    """(8, n, n) booleans, read-only: where each of the eight mask patterns flips a module (row i, column j)."""
    i, j = np.indices((n, n))
    grids = np.stack([(i + j) % 2 == 0, i % 2 == 0, j % 3 == 0, (i + j) % 3 == 0, (i // 2 + j // 3) % 2 == 0,
                     (i * j) % 2 + (i * j) % 3 == 0, ((i * j) % 2 + (i * j) % 3) % 2 == 0,
                     ((i * j) % 3 + (i + j) % 2) % 2 == 0])
    grids.setflags(write=False)
    return grids


def _long_runs(m: np.ndarray) -> int:
    """Rule 1 along the rows of m: each run of 5 or more same-coloured modules costs its length - 2."""
    starts = np.ones(m.shape, dtype=bool)
    starts[:, 1:] = m[:, 1:] != m[:, :-1]
    lengths = np.diff(np.append(np.flatnonzero(starts), m.size))  # every row starts a run: none spans two rows
    long = lengths[lengths >= 5]
    return int((long - 2).sum())


def _finder_like(m: np.ndarray) -> int:
    """Rule 3 along the rows of m: 40 for each 11-module window that is one of the two patterns."""
    if m.shape[1] < 11:
        return 0
    windows = sliding_window_view(m, 11, axis=1)
    return 40 * int(sum(int((windows == p).all(axis=2).sum()) for p in _FINDER_LIKE))


def penalty(m: np.ndarray) -> int:
    """qrcode.util.lost_point(m), the same number (its loops skip only windows that cannot score)."""
    n = m.shape[0]
    level1 = _long_runs(m) + _long_runs(m.T)
    a = m[:-1, :-1]
    level2 = 3 * int(((a == m[:-1, 1:]) & (a == m[1:, :-1]) & (a == m[1:, 1:])).sum())
    level3 = _finder_like(m) + _finder_like(m.T)
    percent = float(int(m.sum())) / (n ** 2)
    level4 = int(abs(percent * 100 - 50) / 5) * 10
    return level1 + level2 + level3 + level4


class _Probe(qrcode.QRCode):
    """Keeps, from its last map_data, which modules carry data (the ones a mask flips)."""

    data_cells: np.ndarray | None = None

    def map_data(self, data, mask_pattern):
        self.data_cells = np.array([[m is None for m in row] for row in self.modules], dtype=bool)
        super().map_data(data, mask_pattern)


def qr_modules(data: bytes, error_correction: int) -> list[list[bool]]:
    """The module matrix qrcode's make(fit=True) gives (no border), with the mask chosen by the same rules.

    qrcode lays the data out eight times and scores each in Python; here it is laid out once with mask 0 and the
    other seven are that matrix with the data modules flipped where the masks differ. The test-mode layout (format
    bits and the dark module light) is what qrcode scores too."""
    code = _Probe(error_correction=error_correction, border=0)
    code.add_data(data)
    code.best_fit(start=code.version)
    code.makeImpl(True, 0)
    base = np.array(code.modules, dtype=bool)
    grids = mask_grids(base.shape[0])
    flips = code.data_cells & (grids ^ grids[0])
    scores = [penalty(base ^ flips[i]) for i in range(8)]
    code.mask_pattern = min(range(8), key=scores.__getitem__)  # the first of equal scores, as qrcode picks
    code.make(fit=True)
    return code.modules
