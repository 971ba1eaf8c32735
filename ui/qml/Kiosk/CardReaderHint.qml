pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A drawn picture of an ID card being laid flat on the reader pad (no image files), gently repeating.
Item {
    id: hint
    property bool animated: true
    implicitWidth: Theme.px(280)
    implicitHeight: Theme.px(240)

    // the reader: a dark box with the glowing read area the card goes on
    Rectangle {
        id: reader
        width: parent.width * 0.9
        height: parent.height * 0.42
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
        radius: Theme.radius
        color: "#37474f"
        border.color: Theme.elderly ? "#000000" : "#263238"
        border.width: Math.max(2, Theme.borderWidth)
        Rectangle {
            id: pad
            anchors.centerIn: parent
            width: parent.width * 0.72
            height: parent.height * 0.62
            radius: Theme.radius * 0.6
            color: "#455a64"
            border.color: "#4fc3f7"
            border.width: Theme.px(2)
            SequentialAnimation on border.color {
                running: hint.animated
                loops: Animation.Infinite
                ColorAnimation { to: "#b3e5fc"; duration: 900 }
                ColorAnimation { to: "#4fc3f7"; duration: 900 }
            }
        }
    }

    // the card: photo box, text lines and the chip-like national emblem corner
    Rectangle {
        id: card
        width: pad.width * 0.92
        height: width * 0.63
        x: (hint.width - width) / 2
        property real restY: reader.y + (reader.height - height) / 2
        property real liftY: Theme.px(4)
        y: restY
        radius: Theme.radius * 0.5
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#e3f2fd" }
            GradientStop { position: 1.0; color: "#bbdefb" }
        }
        border.color: "#1565c0"
        border.width: Math.max(2, Theme.borderWidth)
        Rectangle {  // photo
            anchors { right: parent.right; top: parent.top; margins: parent.height * 0.12 }
            width: parent.width * 0.26
            height: parent.height * 0.64
            radius: Theme.px(3)
            color: "#90caf9"
            Rectangle { width: parent.width * 0.5; height: width; radius: width / 2; color: "#1565c0"
                        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: parent.height * 0.14 } }
            Rectangle { width: parent.width * 0.8; height: parent.height * 0.3; radius: width / 3; color: "#1565c0"
                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom } }
        }
        Column {  // text lines
            anchors { left: parent.left; top: parent.top; margins: parent.height * 0.14 }
            spacing: card.height * 0.09
            Repeater {
                model: [0.42, 0.3, 0.5, 0.36]
                delegate: Rectangle {
                    required property real modelData
                    width: card.width * modelData
                    height: Math.max(2, card.height * 0.06)
                    radius: height / 2
                    color: "#64b5f6"
                }
            }
        }
        SequentialAnimation on y {
            running: hint.animated
            loops: Animation.Infinite
            PauseAnimation { duration: 700 }
            NumberAnimation { to: card.liftY; duration: 10 }
            NumberAnimation { to: card.restY; duration: 900; easing.type: Easing.OutCubic }
            PauseAnimation { duration: 1400 }
        }
    }
}
