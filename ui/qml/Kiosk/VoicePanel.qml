pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// This visitor's voice: louder / quieter, slower / faster, each tap heard at once (the screen's prompt is said
// again at the new setting). Opened from the 声音 button in elderly mode; the hall's own setting comes back when
// the visit ends. `replay` is the screen's listen-again.
Popup {
    id: panel
    objectName: "voicePanel"
    property var replay: function () {}
    parent: Overlay.overlay
    modal: true
    width: Math.min(parent ? parent.width - Theme.margin * 2 : Theme.px(640), Theme.px(640))
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

    component Level: Row {
        id: bars
        required property int level
        required property int steps
        spacing: Theme.px(6)
        Accessible.role: Accessible.ProgressBar
        Repeater {
            model: bars.steps
            Rectangle {
                required property int index
                width: Theme.px(22)
                height: Theme.px(14) + index * Theme.px(5)
                anchors.bottom: parent ? parent.bottom : undefined
                radius: Theme.px(3)
                // the steps not reached are hollow: filled and empty read apart without colour
                color: index < bars.level ? Theme.primary : Theme.surface
                border.color: index < bars.level ? Theme.primary : Theme.disabledBorder
                border.width: Theme.px(2)
            }
        }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Text {
            Layout.fillWidth: true
            text: qsTr("声音大小和快慢")
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("音量")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                objectName: "voiceQuieter"
                Layout.fillWidth: true
                primary: false
                enabled: Voice.can.quieter === true
                text: qsTr("小声一点")
                onClicked: { Voice.quieter(); panel.replay() }
            }
            Level {
                objectName: "voiceVolumeLevel"
                level: Voice.volumeLevel
                steps: 8
                Accessible.name: qsTr("音量 %1 / %2").arg(Voice.volumeLevel).arg(8)
            }
            BigButton {
                objectName: "voiceLouder"
                Layout.fillWidth: true
                primary: false
                enabled: Voice.can.louder === true
                text: qsTr("大声一点")
                onClicked: { Voice.louder(); panel.replay() }
            }
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("语速")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                objectName: "voiceSlower"
                Layout.fillWidth: true
                primary: false
                enabled: Voice.can.slower === true
                text: qsTr("慢一点")
                onClicked: { Voice.slower(); panel.replay() }
            }
            Level {
                objectName: "voiceRateLevel"
                level: Voice.rateLevel
                steps: 7
                Accessible.name: qsTr("语速 %1 / %2").arg(Voice.rateLevel).arg(7)
            }
            BigButton {
                objectName: "voiceFaster"
                Layout.fillWidth: true
                primary: false
                enabled: Voice.can.faster === true
                text: qsTr("快一点")
                onClicked: { Voice.faster(); panel.replay() }
            }
        }
        BigButton {
            objectName: "voiceDone"
            Layout.fillWidth: true
            text: qsTr("好了")
            onClicked: panel.close()
        }
    }
}
