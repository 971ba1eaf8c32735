import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// Always-visible navigation: back, home, the mode in use (standard / elderly), language, and the way to end
// the session. The buttons share the width, so the bar fits a portrait screen in elderly mode too.
Rectangle {
    id: bar
    signal backTapped()
    signal homeTapped()
    signal finishTapped()
    implicitHeight: Theme.targetSize + Theme.px(20)
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth

    component NavButton: BigButton {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.minimumWidth: Theme.targetSize
        implicitWidth: Theme.targetSize
        primary: false
    }

    LanguageMenu { id: languageMenu }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(10)
        spacing: Theme.px(10)
        NavButton {
            objectName: "navBack"
            text: qsTr("‹ 返回")
            onClicked: bar.backTapped()
        }
        NavButton {
            objectName: "navHome"
            text: qsTr("⌂ 首页")
            onClicked: bar.homeTapped()
        }
        // the mode is a state shown as such: the one in use is filled and ticked, the other one switches
        NavButton {
            objectName: "navStandard"
            text: (Shell.elderly ? "" : "✓ ") + qsTr("标准版")
            primary: !Shell.elderly
            tint: Theme.primaryDark
            onClicked: Shell.elderly = false
        }
        NavButton {
            objectName: "navElderly"
            Layout.leftMargin: -Theme.px(8)  // the two read as one switch
            text: (Shell.elderly ? "✓ " : "") + qsTr("长辈版")
            primary: Shell.elderly
            tint: Theme.primaryDark
            onClicked: Shell.elderly = true
        }
        NavButton {
            objectName: "navLanguage"
            // names the other languages, each in itself; the menu offers all three
            text: Shell.language === "en" ? "中文" : Shell.language === "zh_TW" ? "简体 / English" : "English / 繁體"
            Accessible.name: "语言 · 語言 · Language"
            onClicked: languageMenu.open()
        }
        NavButton {
            objectName: "navFinish"
            text: qsTr("退出")
            primary: true
            tint: Theme.accent
            onClicked: bar.finishTapped()
        }
    }
}
