import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// 取号: first the choice of a normal or a priority (green-channel) number, then the number just taken: big, with
// the people ahead and the window; printed, or shown as a QR instead.
ScreenPage {
    id: page
    title: qsTr("取号")
    readonly property bool choosing: TicketBridge.ticketState === "choose"
    prompt: page.choosing ? (TicketBridge.priorityOffered ? qsTr("取号。请点“取普通号”；老年人、残疾人、孕妇可以点“取优先号”")
                                                          : qsTr("取号。请点“取号”"))
                          : qsTr("取号。号票打印后请取走，等候叫号")

    // elderly visitors hear their number and how many are ahead (the bridge gives the current language)
    spoken: TicketBridge.ticketNumber !== ""
            ? qsTr("您的号码是 %1。").arg(TicketBridge.ticketNumber)
              + (TicketBridge.ticketPriority ? qsTr("这是优先号，窗口会优先叫号。") : "") + TicketBridge.ticketWaitingText : ""

    // normal or priority: two big buttons, the same size; nobody is asked to prove anything
    ColumnLayout {
        id: choice
        objectName: "ticketChoice"
        visible: page.choosing
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        spacing: Theme.spacing * 1.5
        Text {
            objectName: "ticketChoiceService"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: TicketBridge.ticketService
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            objectName: "ticketWaitingNow"
            text: TicketBridge.waitingText
            font.pixelSize: Theme.bodySize * 1.15
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: TicketBridge.ticketWindow.length > 0
            text: qsTr("办理窗口：%1").arg(TicketBridge.ticketWindow)
            font.pixelSize: Theme.bodySize * 1.15
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.px(Theme.landscape ? 1000 : 640)
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacing
            columns: Theme.landscape && TicketBridge.priorityOffered ? 2 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing * 2
            BigButton {
                id: takeNormal
                objectName: "ticketTakeNormal"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                // both the same height, tall enough for the longer words (English wraps)
                Layout.preferredHeight: Math.max(Theme.targetSize * 2, takeNormal.implicitHeight, takePriority.implicitHeight)
                tint: Theme.ticket
                text: TicketBridge.priorityOffered ? qsTr("取普通号") : qsTr("取号")
                font.pixelSize: Theme.bodySize * 1.4
                Accessible.description: qsTr("领取窗口排队号")
                onClicked: TicketBridge.takeNumber(TicketBridge.ticketCode)
            }
            BigButton {
                id: takePriority
                objectName: "ticketTakePriority"
                visible: TicketBridge.priorityOffered
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: takeNormal.Layout.preferredHeight
                tint: Theme.priority
                text: qsTr("取优先号") + "\n" + qsTr("老年人 · 残疾人 · 孕妇")
                font.pixelSize: Theme.bodySize * 1.4
                Accessible.name: qsTr("取优先号，老年人、残疾人、孕妇")
                Accessible.description: qsTr("绿色通道，窗口优先叫号")
                onClicked: TicketBridge.takePriorityNumber(TicketBridge.ticketCode)
            }
        }
        Text {
            objectName: "ticketPriorityHint"
            visible: TicketBridge.priorityOffered
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("优先号在窗口优先叫号，无需出示证明。")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
    }

    Flickable {
        id: flick
        visible: !page.choosing
        anchors.fill: parent
        clip: true
        contentHeight: Math.max(col.implicitHeight, height)
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: KioskScrollBar { }  // long words (English, elderly mode, no paper) push "done" below

        // portrait: one column; landscape: the number on the left, what to do with it on the right
        GridLayout {
            id: col
            width: flick.width - Theme.scrollRoom
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
                color: TicketBridge.ticketPriority ? Theme.solid(Theme.priority) : Theme.primaryDark
                textFormat: Text.PlainText
            }
            // a priority number says so in words as well as colour, as the paper does
            Rectangle {
                objectName: "ticketPriorityBadge"
                visible: TicketBridge.ticketPriority
                Layout.alignment: Qt.AlignHCenter
                Layout.maximumWidth: parent.width
                implicitWidth: badgeText.implicitWidth + Theme.px(32)
                implicitHeight: badgeText.implicitHeight + Theme.px(16)
                radius: Theme.radius
                color: Theme.solid(Theme.priority)
                Text {
                    id: badgeText
                    objectName: "ticketPriorityNote"
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, parent.Layout.maximumWidth - Theme.px(32))
                    horizontalAlignment: Text.AlignHCenter
                    text: TicketBridge.ticketPriorityNote
                    font.pixelSize: Theme.bodySize * 1.1
                    font.bold: true
                    color: Theme.primaryText
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
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
