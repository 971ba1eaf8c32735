import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// Shown for a service this terminal does not offer yet: says so plainly and points to staff.
ScreenPage {
    id: page
    title: params.title || ""
    prompt: qsTr("本终端暂未开通此项服务。请到服务窗口咨询")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Item { Layout.fillHeight: true }
        Text {
            objectName: "placeholderText"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("本终端暂未开通此项服务。")
            font.pixelSize: Theme.titleSize
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("请到服务窗口咨询，或拨打服务热线 %1。").arg(Shell.hotline)
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        BigButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("返回首页")
            onClicked: Shell.home()
        }
        Item { Layout.fillHeight: true }
    }
}
