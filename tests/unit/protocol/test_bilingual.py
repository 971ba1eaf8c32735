"""Traditional Chinese for the screen: characters by OpenCC, the terminal's own words as their readers say them."""

import pytest

from protocol.bilingual import Text, local, traditional


@pytest.mark.parametrize("simplified, expected", [
    ("打印回执", "列印回執"), ("搜索服务", "搜尋服務"), ("网络不通，请稍后再试", "網路不通，請稍後再試"),
    ("请将身份证放在读卡区", "請將身份證放在讀卡區"),
    # words of government business keep their meaning: official papers are no computer files
    ("身份证明文件", "身份證明文件"), ("办事程序", "辦事程序"),
])
def test_traditional_converts_characters_and_the_terminals_own_words(simplified, expected):
    assert traditional(simplified) == expected


def test_local_and_text_answer_in_the_screens_script():
    assert local("打印", "zh_CN") == "打印" and local("打印", "zh_TW") == "列印"
    assert Text("打印回执", "Print receipt").get("zh_TW") == "列印回執"
    assert traditional("") == ""
