"""Line breaking for mixed Chinese/Latin text under a width measure (columns or pixels)."""

from __future__ import annotations

import re
from typing import Callable

# characters that must not start a line (Chinese typesetting rule: closing punctuation stays with its text)
NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·%,.;:?!)]}")
# characters that must not end a line: opening brackets and quotes go down with what they open
NO_LINE_END = set("（《「『【〔“‘([{￥$")
# Latin words and numbers (URLs, tracking numbers) break only when longer than a whole line
_TOKEN = re.compile(r"[A-Za-z0-9@#&_+*\-./:=?%]+|\s|.", re.S)


def wrap(text: str, width: float, measure: Callable[[str], float], indent: float = 0) -> list[str]:
    """Break text into lines no wider than width; continuation lines are `indent` narrower (hanging indent)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure, indent))
    return lines


def _wrap_paragraph(text: str, width: float, measure, indent: float) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0
    limit = width

    def push():
        nonlocal line, used, limit
        lines.append(line.rstrip())
        line, used, limit = "", 0.0, width - indent

    for token in _TOKEN.findall(text):
        w = measure(token)
        if token.isspace() and not line:
            continue
        if used + w <= limit:
            line, used = line + token, used + w
            continue
        if len(token) == 1 and token in NO_LINE_START and line:
            # pull the last character down with the punctuation rather than start a line with it
            last = line[-1]
            line = line[:-1]
            push()
            line, used = last + token, measure(last) + w
            continue
        if line:
            carry = ""
            while line and line[-1] in NO_LINE_END and len(line) > 1:
                carry, line = line[-1] + carry, line[:-1]
            push()
            if token.isspace() and not carry:
                continue
            if carry:
                token = carry + token.strip()
        while measure(token) > limit and len(token) > 1:  # a word longer than a line: cut it
            cut = len(token)
            while cut > 1 and measure(token[:cut]) > limit:
                cut -= 1
            line, used = token[:cut], measure(token[:cut])
            push()
            token = token[cut:]
        line, used = token, measure(token)
    if line or not lines:
        lines.append(line.rstrip())
    return lines
