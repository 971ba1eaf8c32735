import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The application is saved: the tracking number large, the receipt printing, or a QR of the number instead.
ScreenPage {
    id: page
    title: qsTr("申请已提交")
    prompt: qsTr("申请已提交。请取走回执，或记下受理编号")

    // elderly mode: the outcome is also spoken (the number itself is on screen and on paper)
    spoken: ApplyBridge.printState === "printed" ? qsTr("申请已提交，回执已打印，请从出纸口取走")
                                   : ApplyBridge.printState === "failed" ? qsTr("申请已提交，回执未能打印，请拍照或记下屏幕上的受理编号")
                                   : ""

    // the rating opens by itself once the receipt is out; never in elderly mode (no time pressure) and never
    // while the number is only on screen (the citizen is photographing or writing it down)
    Timer {
        objectName: "submittedRatingTimer"
        interval: ApplyBridge.ratingDelay
        running: ApplyBridge.printState === "printed" && !Shell.elderly && page.StackView.status === StackView.Active
        onTriggered: Shell.open("rate")
    }

    Flickable {
        id: flick
        anchors.fill: parent
        clip: true
        contentHeight: Math.max(col.implicitHeight, height)
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: col
            width: flick.width
            height: Math.max(implicitHeight, flick.height)
            spacing: Theme.spacing

            Item { Layout.fillHeight: true }
            // landscape: the number and the print state on the left, the QR beside them, all in one screen
            GridLayout {
                Layout.fillWidth: true
                columns: Theme.landscape && ApplyBridge.trackingQr.length > 0 ? 2 : 1
                columnSpacing: Theme.spacing * 2
                rowSpacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: ApplyBridge.serviceName
                        font.pixelSize: Theme.bodySize * 1.2
                        font.bold: true
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("受理编号")
                        font.pixelSize: Theme.bodySize * 1.2
                        color: Theme.textMuted
                        textFormat: Text.PlainText
                    }
                    Text {
                        objectName: "submittedTracking"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: ApplyBridge.trackingGrouped
                        font.pixelSize: Theme.heroSize
                        font.bold: true
                        font.letterSpacing: Theme.px(1)
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.titleSize
                        color: Theme.primaryDark
                        textFormat: Text.PlainText
                    }
                    MessagePanel {
                        objectName: "submittedPrint"
                        Layout.fillWidth: true
                        Layout.maximumWidth: Theme.px(640)
                        Layout.alignment: Qt.AlignHCenter
                        kind: ApplyBridge.printState === "printed" ? "ok" : ApplyBridge.printState === "failed" ? "error" : "info"
                        text: ApplyBridge.printState === "printed" ? qsTr("回执已打印，请从出纸口取走并妥善保管")
                            : ApplyBridge.printState === "failed" ? qsTr("回执未能打印，请拍照或记下受理编号")
                            : qsTr("正在打印回执…")
                        detail: ApplyBridge.printState === "failed" ? ApplyBridge.printProblem
                              : qsTr("您的申请已保存在本机，网络畅通时会自动上传。凭受理编号可随时查询进度。")
                    }
                }
                QrCode {
                    objectName: "submittedQr"
                    Layout.alignment: Qt.AlignCenter
                    visible: source.length > 0
                    source: ApplyBridge.trackingQr
                    caption: qsTr("请拍照或记下受理编号，也可用手机扫码保存")
                }
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacing
                BigButton {
                    // paper refilled or the jam cleared: the same receipt, printed from the bytes already built
                    objectName: "submittedReprint"
                    visible: ApplyBridge.printState === "failed"
                    primary: false
                    text: qsTr("重新打印回执")
                    onClicked: ApplyBridge.reprintReceipt()
                }
                BigButton {
                    objectName: "submittedRate"
                    Layout.preferredWidth: Theme.px(320)
                    text: qsTr("下一步：评价本次服务")
                    onClicked: Shell.open("rate")
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
