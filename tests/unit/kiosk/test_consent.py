"""The consent before submitting speaks for whoever applies: 本人 for the applicant, the helper's own promise for 代办."""

from kiosk.consent import consent


def test_the_applicant_promises_for_themselves():
    for photos in (True, False):
        assert "本人承诺" in consent(photos, for_other=False).zh
    assert "所拍材料照片" in consent(True, False).zh and "所拍材料照片" not in consent(False, False).zh


def test_a_helper_promises_as_a_helper():
    for photos in (True, False):
        text = consent(photos, for_other=True)
        assert "本人承诺" not in text.zh and "受申请人委托" in text.zh and "我本人的人脸" in text.zh
        assert "asked me to apply for them" in text.en
    assert "授权委托书" in consent(True, True).zh and "power of attorney" in consent(True, True).en
