"""The plain-words rules for citizen text: short sentences, no internal codes, a way forward after every problem."""

from __future__ import annotations

import re

ZH_SENTENCE = 30  # characters: one breath when read aloud by the voice prompt
EN_SENTENCE = 24  # words
# an internal code in citizen text: dotted or snake_case identifiers, CONSTANT_NAMES, HTTP-like status numbers
# (ID, QR, PIN and PDF are words citizens know)
CODE = re.compile(r"\b[a-z]+(?:[._][a-z0-9]+)+\b|\b[A-Z]+_[A-Z0-9_]+\b|\b[1-5]\d\d\b")
# a message that reports something wrong
ZH_WRONG = re.compile(r"无法|不能|失败|错误|有误|不一致|过期|找不到|没有找到|已用完|故障|断开|不可用|暂停")
ZH_NEXT = re.compile(r"请|可以|可|再|重新|稍后|联系|换|窗口|点|按|返回|放|取|选|拍|试|等|离开")
# words holding one of those characters that tell nobody what to do: 申请 (an application) is no 请, 可能 no 可,
# 读取 no 取, 地点 no 点 — an error saying only "申请提交失败" gives no way forward
ZH_NOT_NEXT = re.compile(r"申请|请求|邀请|可能|不可|读取|获取|地点|发放|等级")
EN_NEXT = re.compile(r"\b(please|try|ask|call|tap|press|place|put|take|come|again|later|use|go|choose|may|can|"
                     r"leave|wait|check|hold|look)\b", re.IGNORECASE)


def sentences_zh(text: str) -> list[str]:
    return [s for s in re.split(r"[。！？；]", text) if s.strip()]


def sentences_en(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip()]


def longest_zh(text: str) -> int:
    """Characters in the longest Chinese sentence."""
    return max(map(len, sentences_zh(text)), default=0)


def longest_en(text: str) -> int:
    """Words in the longest English sentence."""
    return max((len(s.split()) for s in sentences_en(text)), default=0)


def reports_wrong(zh: str) -> bool:
    return bool(ZH_WRONG.search(zh))


def says_next_zh(zh: str) -> bool:
    return bool(ZH_NEXT.search(ZH_NOT_NEXT.sub("", zh)))


def says_next_en(en: str) -> bool:
    return bool(EN_NEXT.search(en))
