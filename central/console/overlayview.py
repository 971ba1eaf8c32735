"""A configuration overlay as the terminal page shows it: the states a terminal reports, and a refusal split into
its keys, each with why an overlay may not set it (docs/config-overlays.md)."""

from __future__ import annotations

import re

STATES = {
    "none": ("无", "none"),
    "applied": ("已生效", "applied"),
    "pending": ("待生效（等待空闲时重启）", "pending (waits for a quiet moment)"),
    "applying": ("正在重启生效", "applying"),
    "refused": ("终端拒绝", "refused by the terminal"),
    "rolled_back": ("已回滚", "rolled back"),
}
BAD_STATES = frozenset({"refused", "rolled_back"})
# section -> why an overlay may not set (some of) its keys
WHY = {
    "terminal": ("终端的身份和向市民承诺的热线不能远程更改", "the terminal's identity and the hotline its receipts promise"),
    "central": ("中心的地址、证书和凭据一旦可远程更改，终端就归改动者所有",
                "a central that could move the terminal or change whom it trusts would own it"),
    "devices": ("设备端口由安装人员决定，改错会让设备不可用", "ports are the installer's: a wrong one takes a device away"),
    "storage": ("磁盘和路径由安装人员决定", "disks and paths are the installer's"),
    "face": ("人脸核验阈值按摄像头标定，远程放宽会削弱身份核验", "face-check thresholds are calibrated per camera"),
    "queue": ("个人数据在终端保存多久、如何加密在安装时决定", "how long personal data stays and how it is sealed"),
    "catalog": ("目录的信任公钥、下载上限和向市民展示的链接不能远程更改",
                "the catalog's trust anchor, its size cap and a link shown to citizens"),
    "maintenance": ("工作人员 PIN 和诊断包去向不能远程更改", "staff PINs and where the diagnostic bundle goes"),
    "display": ("锁定方式和屏幕安装方式不能远程更改", "the lockdown and the way the screen is mounted"),
}
_SECTION = re.compile(r"^\[?([A-Za-z0-9_-]+)[\].:]")


def problems(message: str) -> list[dict]:
    """OverlayRefused's message as [{text, why: (zh, en) | None}], one per key it names."""
    out = []
    for part in (p.strip() for p in message.split("; ") if p.strip()):
        found = _SECTION.match(part)
        section = found.group(1) if found else None
        why = None
        if part.endswith("may not be set remotely"):
            why = WHY.get(section or "", ("这不是终端可远程设置的配置项", "not a setting an overlay may change"))
        out.append({"text": part, "why": why})
    return out
