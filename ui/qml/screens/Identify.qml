import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Step 1 of identification: put the resident ID card on the reader; refusals and read failures say why.
ScreenPage {
    id: page
    title: qsTr("刷身份证")
    prompt: qsTr("刷身份证。请将身份证放在读卡区")

    StackView.onActivated: IdentityBridge.begin()

    GridLayout {
        // portrait: the picture and the words sit together in the middle; landscape: side by side, full height
        width: parent.width
        height: Theme.landscape ? parent.height : Math.min(parent.height, implicitHeight)
        anchors.verticalCenter: parent.verticalCenter
        columns: Theme.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.px(40)

        CardReaderHint {
            objectName: "cardReaderHint"
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            Layout.preferredWidth: Theme.px(Theme.landscape ? 380 : 400)
            Layout.preferredHeight: Layout.preferredWidth * 0.86
            animated: IdentityBridge.state === "waiting"
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: Theme.landscape
            spacing: Theme.spacing

            Item { Layout.fillHeight: true; visible: Theme.landscape }
            Text {
                objectName: "identifyInstruction"
                Layout.fillWidth: true
                horizontalAlignment: Theme.landscape ? Text.AlignLeft : Text.AlignHCenter
                text: qsTr("请将身份证放在读卡区")
                font.pixelSize: Theme.heroSize * 0.8
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Theme.landscape ? Text.AlignLeft : Text.AlignHCenter
                text: qsTr("照片面朝上，平放不动，读完前请不要拿开")
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }

            // before the choice of for whom: a helper must know it is their own card that goes here
            MessagePanel {
                objectName: "identifyProxyNote"
                Layout.fillWidth: true
                visible: ApplyBridge.purpose === "apply" && ApplyBridge.proxyOffered
                         && IdentityBridge.state !== "accepted"
                kind: "info"
                text: qsTr("替家人或亲友办理？请刷您自己的身份证，下一步再选“为他人代办”。")
            }

            // the reader itself: ready, or not connected (then staff must help)
            RowLayout {
                objectName: "readerState"
                Layout.alignment: Theme.landscape ? Qt.AlignLeft : Qt.AlignHCenter
                spacing: Theme.px(10)
                Rectangle {
                    Layout.preferredWidth: Theme.px(14); Layout.preferredHeight: Theme.px(14); radius: width / 2
                    color: IdentityBridge.readerConnected ? Theme.ok : Theme.accent
                }
                Text {
                    objectName: "readerStateText"
                    Layout.maximumWidth: page.width - Theme.px(80)
                    text: IdentityBridge.readerConnected ? qsTr("读卡器已就绪") : IdentityBridge.readerProblem
                    font.pixelSize: Theme.smallSize
                    color: IdentityBridge.readerConnected ? Theme.textMuted : Theme.accent
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
            }

            MessagePanel {
                objectName: "identifyProblem"
                Layout.fillWidth: true
                visible: IdentityBridge.state === "refused" || IdentityBridge.state === "problem"
                kind: "error"
                text: IdentityBridge.problem
                detail: IdentityBridge.expired ? qsTr("过期证件不能在本机办理，请换用有效的证件。") : ""
            }

            MessagePanel {
                objectName: "identifyAccepted"
                Layout.fillWidth: true
                visible: IdentityBridge.state === "accepted"
                kind: "ok"
                text: qsTr("已读取证件：%1").arg(IdentityBridge.maskedName)
                detail: IdentityBridge.maskedNumber
            }

            RowLayout {
                Layout.alignment: Theme.landscape ? Qt.AlignLeft : Qt.AlignHCenter
                spacing: Theme.spacing
                BigButton {
                    objectName: "identifyContinue"
                    visible: IdentityBridge.state === "accepted"
                    text: qsTr("继续人脸核验")
                    onClicked: IdentityBridge.proceed()
                }
                BigButton {
                    objectName: "identifyRetry"
                    visible: IdentityBridge.state === "refused" || IdentityBridge.state === "problem"
                    text: qsTr("重新放卡")
                    onClicked: IdentityBridge.dismiss()
                }
            }
            Item { Layout.fillHeight: true; visible: Theme.landscape }
        }
    }
}
