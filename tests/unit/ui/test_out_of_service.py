"""The out-of-service notice draws both languages on a plain background, in portrait and in landscape."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

from ui.out_of_service import BACKGROUND, TEXT, draw


@pytest.mark.parametrize("width,height", [(1080, 1920), (1920, 1080)])
def test_notice_is_drawn_in_both_orientations(qapp, tmp_path, width, height):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    draw(painter, QRect(0, 0, width, height))
    painter.end()
    image.save(str(tmp_path / "notice.png"))
    colours = {image.pixelColor(x, y).rgb() for x in range(0, width, 4) for y in range(0, height, 4)}
    assert BACKGROUND.rgb() in colours and TEXT.rgb() in colours
    # the text is in the middle band: the top and bottom quarters stay plain background
    for y in (10, height - 10):
        assert {image.pixelColor(x, y).rgb() for x in range(0, width, 8)} == {BACKGROUND.rgb()}
    # the upper (Chinese) line sits just above the centre, the English one just below
    above = {image.pixelColor(x, height // 2 - 20).rgb() for x in range(0, width, 2)}
    below = {image.pixelColor(x, height // 2 + 15).rgb() for x in range(0, width, 2)}
    assert len(above) > 1 and len(below) > 1
