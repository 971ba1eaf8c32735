"""The plain-words rules themselves (tests/helpers/plain_words.py): a word that merely holds 请, 可 or 取 is no way
forward, so an error that gives none cannot pass."""

import pytest

from tests.helpers.plain_words import reports_wrong, says_next_zh


@pytest.mark.parametrize("zh", ["申请提交失败。", "网络请求失败。", "读取身份证失败。", "这个地点不可用。",
                                "可能出现了错误。", "获取结果失败。"])
def test_an_error_whose_only_next_step_is_inside_another_word_has_no_way_forward(zh):
    assert reports_wrong(zh) and not says_next_zh(zh)


@pytest.mark.parametrize("zh", ["申请提交失败，请到窗口办理。", "读取失败。请把身份证放回读卡器。", "打印失败，可以稍后再试。",
                                "没有找到。请换个词再找。", "申请没有提交。请重新申请。"])
def test_an_error_with_a_next_step_has_a_way_forward(zh):
    assert says_next_zh(zh)
