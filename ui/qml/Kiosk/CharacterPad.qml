pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// An on-screen pad of exactly the characters a code can hold, all on one layer (no shift, no layer switch), keys
// sized by the theme; the last row ends with 删除 (two keys wide) and 清空. Used for tracking numbers.
Item {
    id: pad
    // one string per row; every row is laid out on `columns` equal columns
    property var rows: ["1234567890", "ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ-"]
    readonly property int columns: 10
    readonly property real gap: Theme.px(3)
    readonly property real keyWidth: (width - gap * (columns - 1)) / columns
    readonly property real keyHeight: Theme.px(Theme.keyRowHeight)
    signal typed(string character)
    signal erased()
    signal cleared()

    implicitHeight: rows.length * keyHeight + (rows.length - 1) * gap

    component PadKey: AbstractButton {
        id: key
        property bool function_: false
        width: pad.keyWidth
        height: pad.keyHeight
        focusPolicy: Qt.NoFocus  // a tap must not take the focus from what is being typed into
        leftPadding: Theme.px(4)
        rightPadding: Theme.px(4)
        background: Rectangle {
            radius: Theme.px(8)
            color: key.down ? Theme.primary : key.function_ ? Theme.primaryFill : Theme.surface
            border.color: Theme.elderly ? Theme.text : "#8a97a8"
            border.width: Theme.elderly ? 2 : 1
        }
        contentItem: Text {
            text: key.text
            font.pixelSize: Theme.keyLabelSize
            font.bold: key.function_
            // a two-character word on a one-character key (清空 in the elderly size) shrinks to fit, never clips
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.bodySize
            color: key.down ? Theme.primaryText : key.function_ ? Theme.primaryDark : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            textFormat: Text.PlainText
        }
    }

    Column {
        anchors.fill: parent
        spacing: pad.gap
        Repeater {
            model: pad.rows
            delegate: Row {
                id: row
                required property string modelData
                required property int index
                spacing: pad.gap
                Repeater {
                    model: row.modelData.split("")
                    delegate: PadKey {
                        required property string modelData
                        objectName: "padKey_" + modelData
                        text: modelData
                        onClicked: pad.typed(modelData)
                    }
                }
                PadKey {
                    objectName: "padDelete"
                    visible: row.index === pad.rows.length - 1
                    width: pad.keyWidth * 2 + pad.gap
                    function_: true
                    text: qsTr("删除")
                    onClicked: pad.erased()
                }
                PadKey {
                    objectName: "padClear"
                    visible: row.index === pad.rows.length - 1
                    function_: true
                    text: qsTr("清空")
                    onClicked: pad.cleared()
                }
            }
        }
    }
}
