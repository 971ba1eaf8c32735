"""The numpy mask choice gives qrcode's own matrices: same penalty numbers, same chosen mask, same modules."""

from __future__ import annotations

import random

import numpy as np
import pytest
import qrcode
from qrcode import util

from drivers.printer.qr_mask import mask_grids, penalty, qr_modules


def test_mask_grids_are_qrcodes_mask_functions():
    n = 29
    grids = mask_grids(n)
    for pattern in range(8):
        flips = util.mask_func(pattern)
        assert grids[pattern].tolist() == [[bool(flips(i, j)) for j in range(n)] for i in range(n)]


def test_penalty_is_qrcodes_lost_point():
    rng = random.Random(20)
    for _ in range(200):
        n = rng.choice([10, 11, 12, 21, 25, 37])
        dark = rng.choice([0.2, 0.5, 0.8])
        m = np.array([[rng.random() < dark for _ in range(n)] for _ in range(n)])
        assert penalty(m) == util.lost_point(m.tolist())


@pytest.mark.parametrize("ecc", [qrcode.constants.ERROR_CORRECT_L, qrcode.constants.ERROR_CORRECT_M,
                                 qrcode.constants.ERROR_CORRECT_Q, qrcode.constants.ERROR_CORRECT_H])
def test_modules_are_qrcodes(ecc):
    rng = random.Random(ecc)
    texts = ["https://zwfw.example.gov.cn/p/SIM-0001-20261123-000042-N", "A", "0123456789" * 3]
    texts += ["".join(rng.choice("ABCDEFGHIJ0123456789abcdefgh中文/:?-") for _ in range(rng.randint(1, 500)))
              for _ in range(60)]
    for text in texts:
        code = qrcode.QRCode(error_correction=ecc, border=0)
        code.add_data(text.encode("utf-8"))
        code.make(fit=True)
        assert qr_modules(text.encode("utf-8"), ecc) == code.modules, text
