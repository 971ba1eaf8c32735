"""Writes ui/i18n/kiosk_zh_TW.ts: every QML source string (simplified) in traditional Chinese, by OpenCC.

Run after the QML strings change (kiosk_en.ts lists them): .venv/bin/python -m ui.traditional_ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from protocol.bilingual import traditional

I18N = Path(__file__).resolve().parent / "i18n"
SOURCE_LIST = I18N / "kiosk_en.ts"  # kept complete by tests/unit/ui/test_translations.py
TARGET = I18N / "kiosk_zh_TW.ts"
_DROPPED = ("obsolete", "vanished")


def make(source_list: Path = SOURCE_LIST) -> bytes:
    """The traditional-Chinese .ts for every live message of `source_list`, contexts and locations kept."""
    root = ET.Element("TS", version="2.1", language="zh_TW", sourcelanguage="zh_CN")
    for context in ET.parse(source_list).getroot().iter("context"):
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = context.findtext("name")
        for message in context.iter("message"):
            done = message.find("translation")
            if done is not None and done.get("type") in _DROPPED:
                continue
            copy = ET.SubElement(out, "message")
            for location in message.iter("location"):
                ET.SubElement(copy, "location", location.attrib)
            source = message.findtext("source") or ""
            ET.SubElement(copy, "source").text = source
            ET.SubElement(copy, "translation").text = traditional(source)
    ET.indent(root, space="    ")
    return b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE TS>\n" + ET.tostring(root, encoding="utf-8",
                                                                                    xml_declaration=False) + b"\n"


def main() -> int:
    data = make()
    if TARGET.exists() and TARGET.read_bytes() == data:
        print(f"{TARGET.name}: up to date")
        return 0
    TARGET.write_bytes(data)
    print(f"{TARGET.name}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
