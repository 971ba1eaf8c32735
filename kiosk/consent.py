"""The consent a citizen ticks before submitting: worded for the applicant, or for a helper applying for someone."""

from __future__ import annotations

from kiosk.i18n import Text

_SELF_PHOTOS = Text("我已阅读并同意：本人承诺所填信息真实有效，同意将以上信息、所拍材料照片和人脸核验结果提交给政务服务平台，"
                    "用于办理本事项。",
                    "I have read and agree: the information given is true, and I agree that it, the photographed "
                    "documents and the face check result are sent to the service platform to handle this matter.")
_SELF = Text("我已阅读并同意：本人承诺所填信息真实有效，同意将以上信息和人脸核验结果提交给政务服务平台，用于办理本事项。",
             "I have read and agree: the information I gave is true, and I agree that it and the face check result "
             "are sent to the government service platform to handle this matter.")
# a helper promises what a helper can: that the applicant asked them, and that what they typed is true; the face
# checked is the helper's own
_HELPER_PHOTOS = Text("我已阅读并同意：我受申请人委托代为办理，承诺所填申请人信息真实有效；同意将以上信息、所拍材料照片"
                      "（含授权委托书）和我本人的人脸核验结果提交给政务服务平台，用于办理本事项。",
                      "I have read and agree: the applicant asked me to apply for them, and the applicant's details I "
                      "typed are true. I agree that they, the photographed documents (with the power of attorney) "
                      "and my own face check result are sent to the service platform to handle this matter.")
_HELPER = Text("我已阅读并同意：我受申请人委托代为办理，承诺所填申请人信息真实有效；同意将以上信息和我本人的人脸核验结果"
               "提交给政务服务平台，用于办理本事项。",
               "I have read and agree: the applicant asked me to apply for them, and the applicant's details I typed "
               "are true. I agree that they and my own face check result are sent to the service platform to "
               "handle this matter.")


def consent(photos: bool, for_other: bool) -> Text:
    """The consent line of the review screen: with or without material photos, by the applicant or a helper."""
    if for_other:
        return _HELPER_PHOTOS if photos else _HELPER
    return _SELF_PHOTOS if photos else _SELF
