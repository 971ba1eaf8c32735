pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The three screen languages, each named in itself so a reader finds their own: the one in use is filled and
// ticked. Opened from the bar's language button; a tap outside closes it unchanged.
Popup {
    id: menu
    objectName: "languageMenu"
    parent: Overlay.overlay
    modal: true
    width: Math.min(parent ? parent.width - Theme.margin * 2 : Theme.px(520), Theme.px(520))
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    padding: Theme.px(24)
    background: Rectangle {
        radius: Theme.radius * 2
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
    Overlay.modal: Rectangle { color: Theme.scrim }

    readonly property var choices: [
        { code: "zh_CN", name: "简体中文" },
        { code: "zh_TW", name: "繁體中文" },
        { code: "en", name: "English" },
    ]

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Text {
            Layout.fillWidth: true
            text: "语言 · 語言 · Language"
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: menu.choices
            BigButton {
                id: choice
                required property var modelData
                objectName: "language_" + choice.modelData.code
                Layout.fillWidth: true
                text: (Shell.language === choice.modelData.code ? "✓ " : "") + choice.modelData.name
                primary: Shell.language === choice.modelData.code
                onClicked: {
                    Shell.language = choice.modelData.code
                    menu.close()
                }
            }
        }
    }
}
