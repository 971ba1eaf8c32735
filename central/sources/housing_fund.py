"""REFERENCE STUB of the housing provident fund centre's records (住房公积金): invented people; a province replaces it."""

from __future__ import annotations

from central.sources import HashId, InventedRecords, RecordSource

FIELDS = ("employer", "account", "opened_on", "status", "monthly", "paid_until")

# region 99 does not exist: these ID numbers belong to nobody (tests/helpers/central.make_id_number(900..))
_INVENTED = {
    "990101199001019005": {"name": "测试子", "employer": "示范市样例科技有限公司", "account": "9901****0017",
                           "opened_on": "2019年7月", "status": "正常缴存", "monthly": "1,860.00",
                           "paid_until": "2026年10月"},
}


def open_source(hash_id: HashId) -> RecordSource:
    return InventedRecords(hash_id, _INVENTED)
