import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// One service item in a list: the name big, its department and how it is handled below, a "here" badge.
AbstractButton {
    id: row
    property string name: ""
    property string department: ""
    property string handling: ""
    property bool here: false  // can be applied for at this terminal
    property string hereLabel: ""  // the badge's words when `here` (one label everywhere: the catalog's)
    // a tap must not take the focus: that would commit the pinyin being typed in a search field and
    // rebuild the result list under the finger. Tab reaches it through its list (TabbedRows): a row is built only
    // near the view, so it cannot be a Tab stop of its own
    focusPolicy: Qt.NoFocus
    Accessible.name: row.name
    Accessible.description: row.department
    padding: Theme.px(14)
    implicitHeight: Math.max(Theme.targetSize + Theme.px(12), implicitContentHeight + topPadding + bottomPadding)
    // a keyboard or switch presses the control it is on with Enter as well as Space
    Keys.onReturnPressed: row.animateClick()
    Keys.onEnterPressed: row.animateClick()
    FocusRing { }
    background: Rectangle {
        radius: Theme.radius
        color: row.down ? "#e3e9f2" : Theme.surface
        border.color: Theme.border
        border.width: Math.max(1, Theme.borderWidth)
    }
    contentItem: RowLayout {
        spacing: Theme.px(12)
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(4)
            Text {
                Layout.fillWidth: true
                text: row.name
                font.pixelSize: Theme.bodySize * 1.15
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: row.handling.length > 0 ? row.department + "  ·  " + row.handling : row.department
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        Rectangle {
            visible: row.here && row.hereLabel.length > 0
            Layout.alignment: Qt.AlignVCenter
            implicitWidth: badge.implicitWidth + Theme.px(16)
            implicitHeight: badge.implicitHeight + Theme.px(8)
            radius: Theme.px(6)
            color: Theme.okFill
            border.color: Theme.ok
            border.width: 2
            Text {
                id: badge
                anchors.centerIn: parent
                text: row.hereLabel
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: Theme.ok
                textFormat: Text.PlainText
            }
        }
        Text {
            Layout.alignment: Qt.AlignVCenter
            text: "›"
            font.pixelSize: Theme.titleSize
            color: Theme.textMuted
            textFormat: Text.PlainText
        }
    }
}
