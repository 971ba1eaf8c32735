"""Finding a CJK font: the Simplified Chinese face, an override, and a clear error when there is none."""

import pytest

from drivers.printer import fonts


@pytest.fixture(autouse=True)
def fresh_cache():
    fonts.cjk_font.cache_clear()
    yield
    fonts.cjk_font.cache_clear()


def test_simplified_chinese_faces_are_chosen():
    font = fonts.cjk_font(24)
    if "Noto" not in font.getname()[0]:
        pytest.skip("not the Noto CJK collection here")
    assert font.getname()[0] == "Noto Sans CJK SC"
    assert fonts.cjk_font(24, mono=True).getname()[0] == "Noto Sans Mono CJK SC"
    assert fonts.cjk_font(24, bold=True).getname()[1] == "Bold"


def test_override_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "missing.ttf"))
    with pytest.raises(fonts.FontNotFound, match="KIOSK_CJK_FONT"):
        fonts.cjk_font(24)


def test_no_font_at_all_says_what_to_install(monkeypatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "_CANDIDATES", {False: [], True: []})
    monkeypatch.setattr(fonts, "_GLOBS", [])
    with pytest.raises(fonts.FontNotFound, match="fonts-noto-cjk"):
        fonts.cjk_font(24)
    assert not fonts.has_bold_face()
