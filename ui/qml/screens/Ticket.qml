import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The number just taken: big, with the people ahead and the window; printed, or shown as a QR instead.
ScreenPage {
    id: page
    title: qsTr("取号")
    prompt: qsTr("取号。号票打印后请取走，等候叫号")

    // elderly visitors hear their number and how many are ahead (the bridge gives the current language)
    spoken: TicketBridge.ticketNumber !== ""
                                     ? qsTr("您的号码是 %1。").arg(TicketBridge.ticketNumber) + TicketBridge.ticketWaitingText : ""

    Flickable {
        id: flick
        anchors.fill: parent
        clip: true
        contentHeight: Math.max(col.implicitHeight, height)
        boundsBehavior: Flickable.StopAtBounds

        // portrait: one column; landscape: the number on the left, what to do with it on the right
        GridLayout {
            id: col
            width: flick.width
            height: Math.max(implicitHeight, flick.height)
            columns: Theme.landscape ? 2 : 1
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacing
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: TicketBridge.ticketState === "busy" && TicketBridge.ticketNumber === ""
                running: visible
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: TicketBridge.ticketNumber === "" && TicketBridge.ticketState === "busy"
                text: qsTr("正在取号，请稍候…")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: TicketBridge.ticketNumber !== ""
                text: qsTr("您的号码")
                font.pixelSize: Theme.bodySize * 1.2
                color: Theme.textMuted
                textFormat: Text.PlainText
            }
            Text {
                objectName: "ticketNumber"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: text.length > 0
                text: TicketBridge.ticketNumber
                font.pixelSize: Theme.heroSize * 2
                font.bold: true
                color: Theme.primaryDark
                textFormat: Text.PlainText
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: text.length > 0
                text: TicketBridge.ticketService
                font.pixelSize: Theme.bodySize * 1.2
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "ticketWaiting"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: text.length > 0
                text: TicketBridge.ticketWaitingText
                font.pixelSize: Theme.titleSize
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "ticketWindow"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: TicketBridge.ticketWindow.length > 0
                text: qsTr("请到 %1 等候叫号").arg(TicketBridge.ticketWindow)
                font.pixelSize: Theme.bodySize * 1.1
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacing
            MessagePanel {
                objectName: "ticketStatus"
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.px(640)
                Layout.alignment: Qt.AlignHCenter
                visible: TicketBridge.ticketState === "printed" || TicketBridge.ticketState === "failed"
                         || (TicketBridge.ticketState === "busy" && TicketBridge.ticketNumber !== "")
                kind: TicketBridge.ticketState === "printed" ? "ok" : TicketBridge.ticketState === "failed" ? "error" : "info"
                text: TicketBridge.ticketState === "printed" ? qsTr("号票已打印，请从出纸口取走，留意叫号")
                    : TicketBridge.ticketState === "failed" ? (TicketBridge.ticketNumber !== "" ? qsTr("号票未能打印，请记住屏幕上的号码")
                                                                                      : qsTr("未能取号"))
                    : qsTr("正在打印号票…")
                // landscape: the QR caption says what to do, and the column must fit the height
                detail: TicketBridge.ticketState === "failed" && !(Theme.landscape && ticketQr.visible) ? TicketBridge.ticketProblem : ""
            }
            QrCode {
                id: ticketQr
                objectName: "ticketQr"
                size: Theme.px(Theme.landscape ? 150 : (Theme.elderly ? 220 : 180))
                Layout.alignment: Qt.AlignHCenter
                visible: source.length > 0
                source: TicketBridge.ticketQr
                caption: qsTr("可用手机扫码或拍照保存您的号码")
            }
            BigButton {
                objectName: "ticketDone"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.px(280)
                text: qsTr("完成，返回首页")
                onClicked: Shell.home()
            }
        }
        }
    }
}
