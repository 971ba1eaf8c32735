"""A receipt held up to the simulated camera shows its QR code large, whatever the code's pattern: the classic
detector missed about one code in fifteen on a whole slip, which then showed whole, its code too small to read."""

from drivers.camera.sim_faces import held_up
from tests.helpers.receipt_codes import SLIP, links, slip

CODES = 60


def test_every_code_on_a_whole_slip_is_brought_close():
    far = []
    for n, link in enumerate(links(CODES)):
        if _paper_width(held_up(slip(link), 640, 480)) < 400:
            far.append(n)
    assert far == [], f"shown whole, the code too small: codes {far}"


def _paper_width(picture) -> int:
    """How wide the paper shows: brought close, the square around the code fills the frame's height (480 px wide);
    shown whole, the tall slip is a narrow strip (608 / 1116 of 480 px)."""
    columns = (picture[:, :, 0] >= 250).any(axis=0).nonzero()[0]
    return int(columns[-1] - columns[0] + 1) if columns.size else 0


def test_a_picture_without_a_code_shows_whole():
    page = slip(next(links(1)))
    page[420:, :] = 255  # the code cut off: a slip without one
    assert abs(_paper_width(held_up(page, 640, 480)) - round(480 * SLIP[1] / SLIP[0])) <= 2
