import QtQuick
import Kiosk

// Date and time, refreshed every second.
Column {
    id: clock
    property date now: new Date()
    property int size: Theme.titleSize
    property color color: Theme.text
    Timer { objectName: "clockTick"; interval: 1000; running: true; repeat: true; onTriggered: clock.now = new Date() }
    Text {
        text: Qt.formatTime(clock.now, "hh:mm")
        font.pixelSize: clock.size * 2
        font.bold: true
        color: clock.color
        textFormat: Text.PlainText
    }
    Text {
        readonly property var weekdays: [qsTr("星期日"), qsTr("星期一"), qsTr("星期二"), qsTr("星期三"),
                                         qsTr("星期四"), qsTr("星期五"), qsTr("星期六")]
        text: Qt.formatDate(clock.now, "yyyy-MM-dd") + "  " + weekdays[clock.now.getDay()]
        font.pixelSize: Math.max(clock.size * 0.7, Theme.smallSize)  // never below the mode's smallest text
        color: clock.color
        textFormat: Text.PlainText
    }
}
