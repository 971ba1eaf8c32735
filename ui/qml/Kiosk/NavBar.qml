import QtQuick
import QtQuick.Layouts
import Kiosk

// Always-visible navigation: back, home, elderly mode, language, and the way to end the session.
Rectangle {
    id: bar
    signal backTapped()
    signal homeTapped()
    signal finishTapped()
    implicitHeight: Theme.targetSize + Theme.px(20)
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(10)
        spacing: Theme.px(10)
        BigButton {
            objectName: "navBack"
            text: qsTr("‹ 返回")
            primary: false
            onClicked: bar.backTapped()
        }
        BigButton {
            objectName: "navHome"
            text: qsTr("⌂ 首页")
            primary: false
            onClicked: bar.homeTapped()
        }
        Item { Layout.fillWidth: true }
        BigButton {
            objectName: "navElderly"
            text: shell.elderly ? qsTr("标准模式") : qsTr("关怀模式")
            primary: false
            tint: Theme.primaryDark
            onClicked: shell.elderly = !shell.elderly
        }
        BigButton {
            objectName: "navLanguage"
            text: shell.language === "en" ? "中文" : "English"
            primary: false
            onClicked: shell.language = (shell.language === "en" ? "zh_CN" : "en")
        }
        BigButton {
            objectName: "navFinish"
            text: qsTr("退出")
            tint: Theme.accent
            onClicked: bar.finishTapped()
        }
    }
}
