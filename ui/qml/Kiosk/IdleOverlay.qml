import QtQuick
import QtQuick.Layouts
import Kiosk

// The "are you still there?" countdown; any touch continues, otherwise the session is wiped.
Rectangle {
    id: overlay
    property int secondsLeft: 0
    signal continueTapped()
    signal finishTapped()
    color: Theme.scrim

    MouseArea {
        anchors.fill: parent
        onClicked: overlay.continueTapped()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("继续办理")
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(520))
        height: box.implicitHeight + Theme.px(48)
        radius: Theme.radius * 2
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        ColumnLayout {
            id: box
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(24) }
            spacing: Theme.spacing
            Text {
                objectName: "idleQuestion"
                Layout.fillWidth: true
                text: qsTr("还要继续吗？ %1 秒").arg(overlay.secondsLeft)
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("时间到后将返回首页，并清除您在本机填写的全部信息。")
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
                    objectName: "idleFinish"
                    text: qsTr("结束办理")
                    primary: false
                    onClicked: overlay.finishTapped()
                }
                BigButton {
                    objectName: "idleContinue"
                    text: qsTr("继续办理")
                    onClicked: overlay.continueTapped()
                }
            }
        }
    }
}
