"""REFERENCE STUB of the public security bureau's no-criminal-record certificate applications (无犯罪记录证明):
invented people; a province replaces it."""

from __future__ import annotations

from central.sources import HashId, InventedRecords, RecordSource

FIELDS = ("application", "authority", "applied_on", "stage", "next_step")

# region 99 does not exist: these ID numbers belong to nobody (tests/helpers/central.make_id_number(900..))
_INVENTED = {
    "990101199001019013": {"name": "测试丑", "application": "WF2026110400123", "authority": "示范市公安局样例分局",
                           "applied_on": "2026年11月4日", "stage": "审核中",
                           "next_step": "审核通过后可凭申请编号到原受理窗口领取证明。"},
    "990101199001019021": {"name": "测试寅", "application": "WF2026111800456", "authority": "示范市公安局样例分局",
                           "applied_on": "2026年11月18日", "stage": "已出具，待领取",
                           "next_step": "请携带本人身份证到原受理窗口领取。"},
}


def open_source(hash_id: HashId) -> RecordSource:
    return InventedRecords(hash_id, _INVENTED)
