"""Sets `section.key=value` lines in a kiosk.toml, keeping its comments; the terminal installer's first-install step."""

import re
import sys
from pathlib import Path


def set_keys(text: str, assignments: list[str]) -> str:
    wanted = {}
    for item in assignments:
        where, value = item.split("=", 1)
        section, key = where.rsplit(".", 1)
        wanted[(section, key)] = value
    lines, section, done = [], "", set()
    for line in text.splitlines():
        header = re.match(r"\[([^\]]+)\]\s*$", line)
        if header:
            section = header.group(1)
        pair = re.match(r"([A-Za-z_]+)\s*=", line)
        if pair and (section, pair.group(1)) in wanted:
            done.add((section, pair.group(1)))
            line = f"{pair.group(1)} = {wanted[(section, pair.group(1))]}"
        lines.append(line)
    missing = sorted(f"{s}.{k}" for s, k in set(wanted) - done)
    if missing:
        raise SystemExit(f"set_keys: not in the file: {', '.join(missing)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(set_keys(path.read_text(encoding="utf-8"), sys.argv[2:]), encoding="utf-8")
