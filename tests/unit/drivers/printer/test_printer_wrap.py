"""Line breaking of mixed Chinese/Latin text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer.layout import _columns
from drivers.printer.wrap import wrap


def test_chinese_breaks_at_width_and_keeps_punctuation_with_text():
    lines = wrap("天地玄黄，宇宙洪荒。日月盈昃，辰宿列张。", 20, _columns)
    assert lines == ["天地玄黄，宇宙洪荒。", "日月盈昃，辰宿列张。"]
    lines = wrap("一二三四五六七八九，十", 18, _columns)
    assert lines == ["一二三四五六七八", "九，十"]  # "，" never starts a line: 九 comes down with it


def test_opening_bracket_goes_down_with_its_content():
    lines = wrap("天地玄黄宇宙洪荒日（月）", 18, _columns)
    assert lines == ["天地玄黄宇宙洪荒日", "（月）"]


def test_latin_words_stay_whole_unless_longer_than_a_line():
    assert wrap("see https://example.gov.cn/a", 12, _columns) == ["see", "https://exam", "ple.gov.cn/a"]
    assert wrap("call 12345 now", 10, _columns) == ["call 12345", "now"]


def test_hanging_indent_narrows_continuation_lines():
    lines = wrap("1. 户口簿首页及本人页复印件", 12, _columns, indent=3)
    assert _columns(lines[0]) <= 12 and all(_columns(ln) <= 9 for ln in lines[1:])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政务服务中心，。（）ab12 -/:")), max_size=80),
       st.integers(min_value=4, max_value=48))
def test_never_wider_than_the_line_and_nothing_lost(text, width):
    lines = wrap(text, width, _columns)
    assert all(_columns(ln) <= width for ln in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
