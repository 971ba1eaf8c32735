import QtQuick
import QtQuick.Layouts
import Kiosk

// An on-screen QR (drawn in Python by the kioskqr image provider) with a plain caption under it.
ColumnLayout {
    id: qr
    property string source: ""  // image://kioskqr/<key> from a bridge
    property string caption: ""
    property int size: Theme.px(Theme.elderly ? 220 : 180)
    spacing: Theme.px(8)
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: qr.size
        Layout.preferredHeight: qr.size
        color: "white"
        border.color: Theme.border
        border.width: 1
        Image {
            objectName: qr.objectName ? qr.objectName + "Image" : ""
            anchors { fill: parent; margins: 2 }
            source: qr.source
            sourceSize: Qt.size(qr.size, qr.size)
            fillMode: Image.PreserveAspectFit
            smooth: false  // scaled by whole modules; smoothing blurs the edges scanners need
            cache: false
        }
    }
    Text {
        Layout.fillWidth: true
        Layout.maximumWidth: Math.max(qr.size * 2, Theme.px(320))
        Layout.alignment: Qt.AlignHCenter
        visible: text.length > 0
        horizontalAlignment: Text.AlignHCenter
        text: qr.caption
        font.pixelSize: Theme.bodySize
        color: Theme.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        lineHeight: Theme.lineHeight
    }
}
