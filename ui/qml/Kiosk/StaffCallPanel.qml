import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// After "呼叫工作人员": staff are on their way, and where they sit; the call can be taken back. Said aloud in
// elderly mode once the call is recorded (or, when it could not be, where to go instead).
Rectangle {
    id: overlay
    color: Theme.scrim
    readonly property string callState: StaffCallBridge.state
    readonly property string headline: overlay.callState === "failed" ? qsTr("请到%1找工作人员").arg(StaffCallBridge.location)
                                     : overlay.callState === "busy" ? qsTr("正在通知工作人员…")
                                     : qsTr("工作人员马上就来")
    readonly property string detail: overlay.callState === "failed" ? qsTr("本机暂时无法通知工作人员，请您直接过去。")
                                   : qsTr("请在本机旁稍候。工作人员在%1。").arg(StaffCallBridge.location)
    readonly property string spokenText: visible && overlay.callState !== "busy" ? overlay.headline + " " + overlay.detail : ""
    onSpokenTextChanged: if (Shell.elderly && spokenText.length > 0) Voice.say(spokenText)

    MouseArea {  // a tap beside the box keeps the call and closes the panel, like 好的
        anchors.fill: parent
        onClicked: StaffCallBridge.close()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("好的")
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(600))
        height: box.implicitHeight + Theme.px(48)
        radius: Theme.radius * 2
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        MouseArea {  // taps on the box itself close nothing
            anchors.fill: parent
            Accessible.role: Accessible.Dialog
            Accessible.name: overlay.headline
        }
        ColumnLayout {
            id: box
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
            spacing: Theme.spacing
            Text {
                objectName: "staffCallHeadline"
                Layout.fillWidth: true
                text: overlay.headline
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            Text {
                objectName: "staffCallDetail"
                Layout.fillWidth: true
                text: overlay.detail
                font.pixelSize: Theme.bodySize * 1.15
                color: Theme.text
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            Text {
                Layout.fillWidth: true
                visible: Shell.hotline.length > 0 && overlay.callState === "failed"
                text: qsTr("服务热线 %1").arg(Shell.hotline)
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacing
                BigButton {
                    objectName: "staffCallCancel"
                    visible: overlay.callState === "called"
                    enabled: !StaffCallBridge.cancelling
                    text: qsTr("取消呼叫")
                    reason: qsTr("正在取消")
                    primary: false
                    tint: Theme.accent
                    Accessible.description: qsTr("不需要工作人员了")
                    onClicked: StaffCallBridge.cancel()
                }
                BigButton {
                    objectName: "staffCallOk"
                    text: qsTr("好的")
                    Accessible.description: qsTr("关闭提示")
                    onClicked: StaffCallBridge.close()
                }
            }
        }
    }
}
