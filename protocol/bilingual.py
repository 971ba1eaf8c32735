"""Bilingual text made outside Qt (Chinese first, English second), for the kiosk core and the catalog schema."""

from __future__ import annotations

import functools
from dataclasses import dataclass

# the screen languages: simplified Chinese (the source of every text), English, and traditional Chinese, which is
# converted from the simplified with OpenCC rather than written a second time
LANGUAGES = ("zh_CN", "en", "zh_TW")
TRADITIONAL = "zh_TW"


@functools.cache
def _converter():
    import opencc  # only a kiosk in traditional Chinese needs it; central never converts

    # Taiwan-standard characters, wording left as written: the official names of services stay the same
    return opencc.OpenCC("s2tw")


# the machine's own words, as a reader of traditional Chinese says them (OpenCC changes characters, not words);
# only words about the terminal: its full phrase tables would also turn 文件 (official papers) into 檔案 (computer
# files) and 程序 (procedure) into 程式 (program), which a government service must not say
SCREEN_WORDS = (("打印", "列印"), ("搜索", "搜尋"), ("網絡", "網路"), ("屏幕", "螢幕"), ("默認", "預設"),
                ("軟件", "軟體"), ("視頻", "影片"), ("短信", "簡訊"), ("鏈接", "連結"), ("賬號", "帳號"),
                ("二維碼", "QR Code"))


@functools.lru_cache(maxsize=16384)
def traditional(text: str) -> str:
    """Simplified Chinese as traditional; each text is converted once, then answered from the cache."""
    if not text:
        return text
    out = _converter().convert(text)
    for mainland, taiwan in SCREEN_WORDS:
        out = out.replace(mainland, taiwan)
    return out


def local(text: str, language: str) -> str:
    """A Chinese text (one with no English of its own) in the screen's Chinese script."""
    return traditional(text) if language == TRADITIONAL else text


@dataclass(frozen=True)
class Text:
    """A citizen-facing message made outside Qt. QML text uses qsTr; core messages carry both languages."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else local(self.zh, language)

    def __str__(self) -> str:  # logs and technicians see the Chinese original
        return self.zh
