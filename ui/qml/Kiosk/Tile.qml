import QtQuick
import QtQuick.Controls
import Kiosk

// A large home-screen entry: a glyph, a title and a one-line explanation.
AbstractButton {
    id: tile
    property string glyph: ""
    property string subtitle: ""
    property color tint: Theme.primary
    // the tint as given may be too light for white words (orange, teal): darkened until they read
    readonly property color fill: Theme.solid(tile.tint)
    implicitWidth: Theme.px(200)
    implicitHeight: Theme.px(150)
    // a keyboard or switch presses the control it is on with Enter as well as Space
    Keys.onReturnPressed: tile.animateClick()
    Keys.onEnterPressed: tile.animateClick()
    FocusRing { }
    background: Rectangle {
        radius: Theme.radius * 1.5
        color: tile.down ? Qt.darker(tile.fill, 1.25) : tile.fill
        border.width: Theme.elderly ? 3 : 0
        border.color: Theme.text
    }
    // a short, wide tile (landscape elderly mode: big words, little height) puts the glyph beside the words, so
    // nothing spills out of it
    readonly property bool beside: Theme.landscape && Theme.elderly
    contentItem: Item {
        Grid {
            // content sits in the middle of tall portrait tiles instead of clinging to the top
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            padding: Theme.px(16)
            columns: tile.beside ? 2 : 1
            columnSpacing: Theme.px(16)
            rowSpacing: Theme.px(6)
            verticalItemAlignment: Grid.AlignVCenter
            Rectangle {
                id: disc
                width: Theme.px(Theme.elderly ? 64 : 56)
                height: width
                radius: width / 2
                color: "transparent"  // a light disc would wash out the glyph's contrast
                border.color: Theme.primaryText
                border.width: Theme.elderly ? 3 : 2
                Text {
                    anchors.centerIn: parent
                    text: tile.glyph
                    font.pixelSize: parent.width * 0.5
                    font.bold: true
                    color: Theme.primaryText
                    textFormat: Text.PlainText
                }
            }
            Column {
                spacing: Theme.px(6)
                Text {
                    width: tile.width - Theme.px(32) - (tile.beside ? disc.width + Theme.px(16) : 0)
                    text: tile.text
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.primaryText
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
                Text {
                    width: tile.width - Theme.px(32) - (tile.beside ? disc.width + Theme.px(16) : 0)
                    text: tile.subtitle
                    visible: text.length > 0
                    font.pixelSize: Theme.smallSize
                    color: Theme.primaryText
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    lineHeight: Theme.lineHeight
                }
            }
        }
    }
}
