import QtQuick
import QtQuick.Controls
import Kiosk
import KioskApp

// Base of every screen: a title, the "call staff" and "listen again" buttons and the screen's content; the navigation bar
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
        anchors { left: parent.left; right: tools.visible ? tools.left : parent.right; top: parent.top
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
    // top right on every citizen screen: call staff (one tap; Main.qml shows the confirmation) and listen again
    Row {
        id: tools
        anchors { right: parent.right; top: parent.top; margins: Theme.margin }
        spacing: Theme.spacing
        visible: callStaff.visible || listen.visible || voiceSettings.visible
        BigButton {
            id: callStaff
            objectName: "callStaff"
            visible: StaffCallBridge.offered
            tint: Theme.staffCall
            primary: StaffCallBridge.state !== "called"
            text: StaffCallBridge.state === "called" ? qsTr("✓ 已呼叫工作人员") : qsTr("呼叫工作人员")
            Accessible.description: qsTr("请工作人员到本机来帮您")
            onClicked: StaffCallBridge.call()
        }
        BigButton {
            id: listen
            objectName: "listenAgain"
            visible: Voice.available && page.prompt.length > 0
            primary: false
            text: qsTr("再听一遍")
            Accessible.description: qsTr("朗读本页的提示")
            onClicked: page.replay()
        }
        // elderly mode is where the voice speaks by itself: there its loudness and speed are the visitor's to set
        BigButton {
            id: voiceSettings
            objectName: "voiceSettings"
            visible: Voice.available && Shell.elderly && page.prompt.length > 0
            primary: false
            text: qsTr("声音")
            Accessible.description: qsTr("调节声音大小和快慢")
            onClicked: voicePanel.open()
        }
    }
    // made on first use: most visits never open it, and every screen would build it on arrival
    Loader {
        id: voicePanel
        active: false
        sourceComponent: VoicePanel { }
        onLoaded: (voicePanel.item as VoicePanel).replay = page.replay
        function open() {
            voicePanel.active = true;
            (voicePanel.item as VoicePanel).open()
        }
    }
    Item {
        id: body
        anchors {
            left: parent.left; right: parent.right; bottom: parent.bottom
            top: heading.visible && (!tools.visible || heading.height >= tools.height) ? heading.bottom
               : tools.visible ? tools.bottom : parent.top
            margins: Theme.margin
        }
    }
}
