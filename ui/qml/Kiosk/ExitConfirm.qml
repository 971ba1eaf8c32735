import QtQuick
import QtQuick.Layouts
import Kiosk

// 退出 after the citizen has given something (a card read, a form): one question before it is all wiped.
Rectangle {
    id: overlay
    signal stayTapped()
    signal leaveTapped()
    color: Theme.scrim

    MouseArea {
        anchors.fill: parent
        onClicked: overlay.stayTapped()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("继续办理")
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(560))
        height: box.implicitHeight + Theme.px(48)
        radius: Theme.radius * 2
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        MouseArea {  // taps on the box itself are not "stay"
            anchors.fill: parent
            Accessible.role: Accessible.Dialog
            Accessible.name: qsTr("确定要退出吗？")
        }
        ColumnLayout {
            id: box
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
            spacing: Theme.spacing
            Text {
                objectName: "exitQuestion"
                Layout.fillWidth: true
                text: qsTr("确定要退出吗？")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("退出后，本机会清除您读取的证件和填写的内容。下次需要重新办理。")
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacing
                BigButton {
                    objectName: "exitLeave"
                    text: qsTr("确定退出")
                    primary: false
                    tint: Theme.accent
                    onClicked: overlay.leaveTapped()
                }
                BigButton {
                    objectName: "exitStay"
                    text: qsTr("继续办理")
                    onClicked: overlay.stayTapped()
                }
            }
        }
    }
}
