"""Golden pictures of every layout, both Chinese modes, both paper widths; every QR decodes.

Regenerate deliberately (after looking at the new pictures) with KIOSK_REGEN_GOLDEN=1.
"""

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from drivers.printer.layout import Profile, build
from tests.helpers.printer import EXPECTED_QR, SAMPLE_DATA, decode_qr, render_bytes

GOLDEN = Path(__file__).resolve().parents[3] / "golden" / "printer"
REGEN = os.environ.get("KIOSK_REGEN_GOLDEN") == "1"
TOLERANCE = 0.005  # share of pixels allowed to differ (font hinting, Pillow versions)


@pytest.mark.parametrize("mode", ["text", "raster"])
@pytest.mark.parametrize("mm", [58, 80])
@pytest.mark.parametrize("name", sorted(SAMPLE_DATA))
def test_layout_matches_golden(name, mm, mode, artifacts_dir):
    profile = Profile(mm, mode)
    images = render_bytes(build(name, SAMPLE_DATA[name], profile), profile.width_dots)
    assert len(images) == 1, "one layout = one cut receipt"
    img = images[0]
    if name in EXPECTED_QR:
        assert decode_qr(img) == EXPECTED_QR[name]
    path = GOLDEN / f"{name}-{mm}-{mode}.png"
    if REGEN:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        img.save(path, optimize=True)
        return
    if not path.exists():
        pytest.fail(f"no golden picture {path.name}: run with KIOSK_REGEN_GOLDEN=1 and look at it")
    want = np.asarray(Image.open(path).convert("L"))
    got = np.asarray(img.convert("L"))
    if got.shape != want.shape:
        img.save(artifacts_dir / path.name)
        pytest.fail(f"{path.name}: size {got.shape} != golden {want.shape}; actual saved in {artifacts_dir}")
    differing = float(np.mean(np.abs(got.astype(int) - want.astype(int)) > 64))
    if differing > TOLERANCE:
        img.save(artifacts_dir / path.name)
        pytest.fail(f"{path.name}: {differing:.2%} of pixels differ; actual saved in {artifacts_dir}")
