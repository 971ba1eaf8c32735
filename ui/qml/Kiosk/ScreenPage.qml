import QtQuick
import QtQuick.Controls
import Kiosk
import KioskApp

// Base of every screen: a title, the "listen again" button and the screen's content; the navigation bar
// belongs to Main.qml. Each screen's `prompt` says where the citizen is and the one next step: spoken on
// arrival in elderly mode, and in any mode on the listen-again button. `spoken` is news (a printout, a
// problem) said as it happens in elderly mode and repeated after the prompt.
Item {
    id: page
    property string title: ""
    property var params: ({})
    property string prompt: ""
    property string spoken: ""
    default property alias content: body.data
    // every field's hint text on every screen reads (Qt's default grey is 3:1 on white)
    palette.placeholderText: Theme.placeholder

    readonly property bool active: page.StackView.status === StackView.Active
    function replay() { Voice.say(page.spoken.length > 0 ? page.prompt + " " + page.spoken : page.prompt) }

    StackView.onActivated: if (Shell.elderly) Voice.say(page.prompt)
    onSpokenChanged: if (Shell.elderly && page.active && page.spoken.length > 0) Voice.say(page.spoken)
    Connections {
        target: Shell
        // switching to elderly mode is asking to be spoken to: the screen says where it is at once
        function onElderlyChanged() { if (Shell.elderly && page.active) Voice.say(page.prompt) }
    }

    Text {
        id: heading
        anchors { left: parent.left; right: listen.visible ? listen.left : parent.right; top: parent.top
                  margins: Theme.margin }
        text: page.title
        visible: text.length > 0
        font.pixelSize: Theme.titleSize
        font.bold: true
        color: Theme.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    BigButton {
        id: listen
        objectName: "listenAgain"
        anchors { right: parent.right; top: parent.top; margins: Theme.margin }
        visible: Voice.available && page.prompt.length > 0
        primary: false
        text: qsTr("再听一遍")
        Accessible.description: qsTr("朗读本页的提示")
        onClicked: page.replay()
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: heading.visible && (!listen.visible || heading.height >= listen.height) ? heading.bottom
               : listen.visible ? listen.bottom : parent.top
            margins: Theme.margin
        }
    }
}
