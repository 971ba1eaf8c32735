"""The identity read from any card, same shape for ID cards and PC/SC cards, with masked views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from protocol.masking import mask_id, mask_name

# kinds of documents
RESIDENT = "resident"  # 居民身份证
FOREIGN_PERMANENT = "foreign_permanent"  # 外国人永久居留身份证 ('I')
HMT_RESIDENCE = "hmt_residence"  # 港澳台居民居住证 ('J')
SMARTCARD = "smartcard"  # holder record of a PC/SC card application


@dataclass(frozen=True, repr=False)
class Identity:
    """A card holder. repr() and masked() never show the full name or number, so it is safe in logs."""

    kind: str
    name: str
    id_number: str  # resident/permit number; the permit number on a foreigner's card
    gender: str  # 男, 女, 未知, 未说明
    birth: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None  # None = 长期 (no end)
    nation: str = ""  # 民族, resident cards only
    address: str = ""
    authority: str = ""
    name_en: str = ""  # foreigner's card
    nationality: str = ""  # ISO 3166-1 alpha-3, foreigner's card
    pass_number: str = ""  # 通行证号码, HK/Macao/Taiwan permit
    issue_count: int | None = None  # 签发次数, HK/Macao/Taiwan permit
    source: str = "idcard"  # "idcard" or "smartcard"
    photo_wlt: bytes = field(default=b"", compare=False)  # encoded photo as read; decode with a PhotoDecoder

    @property
    def long_term(self) -> bool:
        return self.valid_to is None

    def is_expired(self, today: dt.date) -> bool:
        return self.valid_to is not None and today > self.valid_to

    def masked(self) -> dict[str, str]:
        """What a display header or a log line may show."""
        return {
            "kind": self.kind,
            "name": mask_name(self.name or self.name_en),
            "id_number": mask_id(self.id_number),
            "valid_to": "长期" if self.valid_to is None else self.valid_to.isoformat(),
        }

    def __repr__(self) -> str:
        m = self.masked()
        return f"Identity({m['kind']}, {m['name']}, {m['id_number']}, valid_to={m['valid_to']})"

    __str__ = __repr__
