import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// A framed message with a symbol, so the meaning never rests on colour alone (red "!" / green "✓" / blue "i").
Rectangle {
    id: panel
    property string kind: "info"  // "error", "ok" or "info"
    property string text: ""
    property string detail: ""
    // an error on screen is also said, with its way forward (the detail), in elderly mode
    property bool speaks: kind === "error"
    readonly property string spokenText: speaks && visible && text.length > 0
                                         ? text + (detail.length > 0 ? " " + detail : "") : ""
    onSpokenTextChanged: if (Shell.elderly && spokenText.length > 0) Voice.say(spokenText)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
    Accessible.description: detail
    readonly property color tint: kind === "error" ? Theme.accent : kind === "ok" ? Theme.ok : Theme.primary
    implicitHeight: row.implicitHeight + Theme.px(32)
    radius: Theme.radius
    color: kind === "error" ? "#fdecea" : kind === "ok" ? "#e8f5e9" : "#e3f2fd"
    border.color: tint
    border.width: Math.max(2, Theme.borderWidth)

    RowLayout {
        id: row
        anchors { fill: parent; margins: Theme.px(16) }
        spacing: Theme.px(14)
        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: Theme.px(Theme.elderly ? 48 : 40)
            Layout.preferredHeight: Layout.preferredWidth
            radius: width / 2
            color: panel.tint
            Text {
                anchors.centerIn: parent
                text: panel.kind === "error" ? "!" : panel.kind === "ok" ? "✓" : "i"
                font.pixelSize: parent.width * 0.6
                font.bold: true
                color: "white"
                textFormat: Text.PlainText
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(6)
            Text {
                objectName: panel.objectName ? panel.objectName + "Text" : ""
                Layout.fillWidth: true
                text: panel.text
                font.pixelSize: Theme.bodySize * 1.15
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            Text {
                Layout.fillWidth: true
                visible: text.length > 0
                text: panel.detail
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
        }
    }
}
