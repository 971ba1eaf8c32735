"""REFERENCE STUB of the social insurance agency's enrolment records (社会保险): invented people; a province replaces
it."""

from __future__ import annotations

from central.sources import HashId, InventedRecords, RecordSource

FIELDS = ("region", "schemes", "employer", "status", "months", "paid_until")

# region 99 does not exist: these ID numbers belong to nobody (tests/helpers/central.make_id_number(900..))
_INVENTED = {
    "990101199001019005": {"name": "测试子", "region": "示范市", "schemes": "企业职工基本养老保险、失业保险、工伤保险",
                           "employer": "示范市样例科技有限公司", "status": "正常参保", "months": "88",
                           "paid_until": "2026年10月"},
    "990101199001019013": {"name": "测试丑", "region": "示范市", "schemes": "城乡居民基本养老保险",
                           "employer": "（个人参保）", "status": "正常参保", "months": "36",
                           "paid_until": "2026年6月"},
}


def open_source(hash_id: HashId) -> RecordSource:
    return InventedRecords(hash_id, _INVENTED)
