import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// A browse tile (a theme, life event or department): its name, a hint line and how many items it holds.
AbstractButton {
    id: tile
    property string hint: ""
    property int count: 0
    padding: Theme.px(14)
    implicitHeight: Math.max(Theme.targetSize * 1.6, implicitContentHeight + topPadding + bottomPadding)
    // a keyboard or switch presses the control it is on with Enter as well as Space
    Keys.onReturnPressed: tile.animateClick()
    Keys.onEnterPressed: tile.animateClick()
    FocusRing { }
    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? "#e3e9f2" : Theme.surface
        border.color: Theme.elderly ? Theme.border : Theme.primary
        border.width: Math.max(2, Theme.borderWidth)
    }
    contentItem: ColumnLayout {
        spacing: Theme.px(4)
        Text {
            Layout.fillWidth: true
            text: tile.text
            font.pixelSize: Theme.bodySize * 1.25
            font.bold: true
            color: Theme.primaryDark
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            visible: tile.hint.length > 0
            text: tile.hint
            font.pixelSize: Theme.smallSize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            maximumLineCount: 1  // the tile's height is fixed by its grid: the name may take two lines
            elide: Text.ElideRight
        }
        Item { Layout.fillHeight: true }
        Text {
            text: qsTr("%1 项").arg(tile.count)
            font.pixelSize: Theme.smallSize
            color: Theme.primary
            textFormat: Text.PlainText
        }
    }
}
