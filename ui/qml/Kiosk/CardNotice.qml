import QtQuick
import Kiosk

// "Card read: take it back", over whatever screen follows a read (the face check opens at once), for a few
// seconds; the navigation bar keeps a smaller reminder while the card still lies on the reader.
Rectangle {
    id: notice
    property bool shown: false
    visible: shown
    width: Math.min(parent.width - Theme.px(32), label.implicitWidth + Theme.px(64))
    height: label.implicitHeight + Theme.px(32)
    radius: Theme.radius
    color: Theme.ok
    border.color: "#ffffff"
    border.width: Theme.px(3)

    function show() { notice.shown = true; hide.restart() }

    Timer { id: hide; objectName: "cardNoticeHide"; interval: 6000; onTriggered: notice.shown = false }
    Text {
        id: label
        objectName: "cardNoticeText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, notice.parent.width - Theme.px(96))
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("读卡成功，请取回身份证")
        font.pixelSize: Theme.titleSize
        font.bold: true
        color: "#ffffff"
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
    }
}
