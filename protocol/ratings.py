"""The 好差评 vocabulary both sides use: the national five-step scale and the reason tags a low score may carry."""

from __future__ import annotations

import re

# best first; the score is what the terminal sends and central stores
SCALE = {
    5: ("非常满意", "Very satisfied"),
    4: ("满意", "Satisfied"),
    3: ("基本满意", "Basically satisfied"),
    2: ("不满意", "Dissatisfied"),
    1: ("非常不满意", "Very dissatisfied"),
}
# a 差评 (bad rating): the two lowest steps; each is verified, rectified and followed up at central
BAD_AT_MOST = 2
# what went wrong, offered as buttons for a bad rating; the codes go over the wire, the words are shown
TAGS = {
    "long_wait": ("等候时间长", "Long wait"),
    "attitude": ("服务态度不好", "Unfriendly service"),
    "unclear_guide": ("办事指南看不懂", "Unclear guidance"),
    "too_many_materials": ("要的材料太多", "Too many documents asked for"),
    "more_trips": ("需要多跑几趟", "Had to come back again"),
    "slow_handling": ("办理时间太长", "Took too long to handle"),
    "terminal_trouble": ("机器不好用", "The terminal was hard to use"),
}
MAX_TAGS = 8
# a newer kiosk may offer a tag an older central does not know: any code of this form is kept, and shown as its code
TAG_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def is_bad(score: int) -> bool:
    return score <= BAD_AT_MOST


def check_tags(tags: object) -> list[str] | None:
    """The tags in order without repeats, or None when they are not a short list of tag codes."""
    if tags is None:
        return []
    if not isinstance(tags, list) or len(tags) > MAX_TAGS:
        return None
    if not all(isinstance(t, str) and TAG_CODE.match(t) for t in tags):
        return None
    return list(dict.fromkeys(tags))
