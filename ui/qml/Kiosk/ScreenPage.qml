import QtQuick
import Kiosk

// Base of every screen: a title and the screen's content; the navigation bar belongs to Main.qml.
Item {
    id: page
    property string title: ""
    property var params: ({})
    default property alias content: body.data
    // every field's hint text on every screen reads (Qt's default grey is 3:1 on white)
    palette.placeholderText: Theme.placeholder

    Text {
        id: heading
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        text: page.title
        visible: text.length > 0
        font.pixelSize: Theme.titleSize
        font.bold: true
        color: Theme.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: heading.visible ? heading.bottom : parent.top
            margins: Theme.margin
        }
    }
}
