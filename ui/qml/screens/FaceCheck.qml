import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Step 2: the live face is compared with the ID card photo, with a movement asked against held-up photos.
ScreenPage {
    id: page
    title: qsTr("人脸核验")
    prompt: qsTr("人脸核验。请看着屏幕，按提示做")

    readonly property string phase: FaceBridge.phase
    readonly property bool working: phase === "loading" || phase === "positioning" || phase === "challenge"
    readonly property bool live: working || phase === "retry"  // the preview is shown only while it is needed
    // spoken prompts for elderly visitors; the bridge gives the text in the current language
    spoken: FaceBridge.prompt

    StackView.onActivated: FaceBridge.start()
    StackView.onDeactivated: FaceBridge.stop()
    StackView.onRemoved: FaceBridge.stop()

    GridLayout {
        anchors.fill: parent
        columns: Theme.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.px(32)

        FacePreview {
            id: preview
            objectName: "facePreview"
            visible: page.live
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            // 4:3 and as big as the screen allows, leaving room for the prompts
            Layout.preferredWidth: Theme.landscape ? Math.min(page.width * 0.55, (page.height - Theme.px(120)) * 4 / 3)
                                                   : Math.min(page.width - 2 * Theme.margin, page.height * 0.48 * 4 / 3)
            Layout.preferredHeight: Layout.preferredWidth * 3 / 4
            source: FaceBridge.previewSource
            frameNo: FaceBridge.frameNo
            hasFrame: FaceBridge.hasFrame
            faceBox: FaceBridge.faceBox
            good: page.phase === "challenge"
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Item { Layout.fillHeight: true; visible: !page.live }
            Text {
                objectName: "facePrompt"
                Layout.fillWidth: true
                horizontalAlignment: Theme.landscape ? Text.AlignLeft : Text.AlignHCenter
                visible: page.working || page.phase === "passed"
                text: FaceBridge.prompt.length > 0 ? FaceBridge.prompt : qsTr("请正对摄像头，把脸放进框内")
                font.pixelSize: Theme.heroSize * 0.75
                font.bold: true
                color: page.phase === "challenge" ? Theme.primary : Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: 1.15
            }
            Text {
                objectName: "faceChallengeHint"
                Layout.fillWidth: true
                horizontalAlignment: Theme.landscape ? Text.AlignLeft : Text.AlignHCenter
                visible: page.working
                text: page.phase === "challenge" ? qsTr("请按提示做动作，以确认是本人在操作")
                                                  : qsTr("摘下帽子和口罩，保持光线充足")
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            Text {
                objectName: "faceAttempt"
                Layout.fillWidth: true
                horizontalAlignment: Theme.landscape ? Text.AlignLeft : Text.AlignHCenter
                visible: FaceBridge.attempt > 0 && page.phase !== "passed"
                text: qsTr("第 %1 次，共 %2 次").arg(FaceBridge.attempt).arg(FaceBridge.maxAttempts)
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
            }

            // an attempt failed and more are allowed
            MessagePanel {
                objectName: "faceRetryPanel"
                Layout.fillWidth: true
                visible: page.phase === "retry"
                kind: "error"
                text: FaceBridge.prompt
            }
            // attempts used up, or nothing to compare with: staff take over
            MessagePanel {
                objectName: "faceAskStaff"
                Layout.fillWidth: true
                visible: page.phase === "ask_staff"
                kind: "error"
                text: qsTr("请到窗口请工作人员协助")
                detail: FaceBridge.prompt
            }
            MessagePanel {
                objectName: "faceUnavailable"
                Layout.fillWidth: true
                visible: page.phase === "refused" || page.phase === "unavailable" || page.phase === "cancelled"
                kind: "error"
                text: FaceBridge.prompt
            }

            RowLayout {
                Layout.alignment: Theme.landscape ? Qt.AlignLeft : Qt.AlignHCenter
                spacing: Theme.spacing
                BigButton {
                    objectName: "faceRetry"
                    visible: page.phase === "retry"
                    text: qsTr("再试一次")
                    onClicked: FaceBridge.retry()
                }
                BigButton {
                    objectName: "faceStaffVerify"
                    visible: page.phase === "ask_staff" && FaceBridge.cannotCompare
                    text: qsTr("请工作人员核验身份")
                    onClicked: {
                        FaceBridge.offerStaff()
                        Shell.open("staff", { purpose: "staff_verify" })
                    }
                }
                BigButton {
                    objectName: "faceHome"
                    visible: !page.working && page.phase !== "retry" && page.phase !== "passed"
                    primary: false
                    text: qsTr("返回首页")
                    onClicked: Shell.home()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
