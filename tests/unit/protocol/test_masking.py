"""Masking of names, ID numbers and addresses for screens, paper and logs."""

import pytest

from protocol.masking import mask_address, mask_id, mask_name


@pytest.mark.parametrize("address,shown", [
    ("北京市朝阳区示例街道幸福里小区8号楼2单元301", "北京市朝阳区****"),
    ("江苏省苏州市昆山市示例镇和平路18号", "江苏省苏州市昆山市****"),
    ("内蒙古自治区阿拉善盟阿拉善左旗巴彦浩特镇", "内蒙古自治区****"),
    ("河北省保定市涞源县示例乡", "河北省保定市涞源县****"),
    ("示例路18号", "****"),
    ("", ""),
])
def test_an_address_keeps_where_not_the_door(address, shown):
    assert mask_address(address) == shown


def test_names_and_numbers():
    assert mask_name("张晓明") == "张**" and mask_id("110105198503120039") == "110105********0039"
