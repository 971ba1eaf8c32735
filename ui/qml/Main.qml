import QtQuick
import QtQuick.Controls
import Kiosk
import KioskApp

// The kiosk window: the screen stack, the navigation bar, idle countdown, on-screen keyboard, simulator tray.
ApplicationWindow {
    id: root
    required property bool fullscreen
    required property int initialWidth
    required property int initialHeight
    // `kiosk run` makes the on-screen keyboard after the first frame (it and its input method are tens of ms the
    // attract screen does not need): it starts with keyboardLater and sets keyboardWanted then; tests get it at once
    property bool keyboardLater: false
    property bool keyboardWanted: !keyboardLater
    // qmllint disable missing-property
    readonly property bool keyboardActive: keyboardLoader.status === Loader.Ready && keyboardLoader.item.active
    // qmllint enable missing-property

    width: initialWidth
    height: initialHeight
    visible: true
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    flags: fullscreen ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    title: qsTr("政务服务自助终端")
    color: Theme.background
    // a fullscreen kiosk cannot be closed by the window system (Alt+F4, a compositor's close): only the kiosk
    // itself (shutdown, staff mode) sets `leaving` first
    property bool leaving: false
    onClosing: (close) => { if (root.fullscreen && !root.leaving) close.accepted = false }

    Binding { target: Theme; property: "elderly"; value: Shell.elderly }
    Binding { target: Theme; property: "landscape"; value: root.width > root.height }
    // controls and fields both say why they have the focus, as unrelated types
    // qmllint disable missing-property
    Binding { target: Theme; property: "tabbing"; value: root.activeFocusItem !== null
              && [Qt.TabFocusReason, Qt.BacktabFocusReason].includes(root.activeFocusItem.focusReason) }
    // qmllint enable missing-property
    // 1 dp = 1.5 px on a 1080 px wide portrait kiosk; landscape uses the same short side
    Binding { target: Theme; property: "dp"; value: Math.min(root.width, root.height) / 720 }
    // the keyboard's width in dp: its style sizes keys and labels from it
    Binding { target: Theme; property: "keyboardWidth"; value: Math.min(root.width / Theme.dp, Theme.keyboardMaxWidth) }

    function screenUrl(name) { return Qt.resolvedUrl("screens/" + name + ".qml") }

    Connections {
        target: Shell
        function onNavigated(op, screen, params) {
            if (op === "push")
                stack.push(root.screenUrl(screen), { params: params })
            else if (op === "pop")
                stack.pop()
            else if (op === "rewind")
                stack.pop(stack.get(params.depth - 1, StackView.ForceLoad))
            else if (op === "conclude") {
                // a finished transaction: attract, home and this screen; nothing to go back into
                stack.clear(StackView.Immediate)
                stack.push(root.screenUrl("Attract"), {}, StackView.Immediate)
                stack.push(root.screenUrl("Home"), {}, StackView.Immediate)
                stack.push(root.screenUrl(screen), { params: params }, StackView.Immediate)
            }
            else {
                // reset: rebuild the stack as attract (+ the target); array forms of replace() are
                // silently ignored on Qt 6.12, so clear and push one by one
                stack.clear(StackView.Immediate)
                stack.push(root.screenUrl("Attract"), {}, StackView.Immediate)
                if (screen !== "Attract")
                    stack.push(root.screenUrl(screen), { params: params }, StackView.Immediate)
            }
        }
    }

    StackView {
        id: stack
        objectName: "screenStack"
        anchors { left: parent.left; right: parent.right; top: parent.top
                  bottom: takeCardStrip.visible ? takeCardStrip.top : navBar.visible ? navBar.top : keyboardSpace.top }
        // initialItem given as a URL stays empty on Qt 6.12 (depth 0); an explicit push works
        Component.onCompleted: push(root.screenUrl("Attract"), {}, StackView.Immediate)
        pushEnter: Transition { NumberAnimation { property: "x"; from: stack.width * 0.15; to: 0; duration: 160; easing.type: Easing.OutCubic }
                                NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 160 } }
        pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 120 } }
        popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 160 } }
        popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 120 } }
        replaceEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: 160 } }
        replaceExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: 120 } }
    }

    // while a card lies on the reader during a visit, a strip above the bar keeps saying so
    Rectangle {
        id: takeCardStrip
        objectName: "takeCardStrip"
        visible: IdentityBridge.cardOnReader && Shell.depth > 1 && Shell.currentScreen !== "TakeCard"
        anchors { left: parent.left; right: parent.right; bottom: navBar.visible ? navBar.top : keyboardSpace.top }
        height: takeCardWords.implicitHeight + Theme.px(16)
        color: "#ffd54f"
        Text {
            id: takeCardWords
            objectName: "navTakeCard"
            anchors.centerIn: parent
            width: parent.width - Theme.px(32)
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("身份证还在读卡器上，离开时请取回")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: "#000000"
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
    }

    NavBar {
        id: navBar
        objectName: "navBar"
        // landscape typing needs every line the keyboard leaves; the keyboard's hide key brings the bar back. A field
        // reached by Tab keeps it: hidden, the bar could never be reached by Tab from there
        visible: Shell.depth > 1 && Shell.currentScreen !== "TakeCard"
                 && !(root.width > root.height && root.keyboardActive && !Theme.tabbing)
        anchors { left: parent.left; right: parent.right; bottom: keyboardSpace.top }
        onBackTapped: Shell.back()
        onHomeTapped: Shell.home()
        onFinishTapped: if (Shell.visitHasData()) exitConfirm.visible = true; else Shell.endSession()
    }

    Rectangle {
        id: keyboardSpace
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: root.keyboardActive ? keyboardLoader.height : 0
        color: Theme.keyboardBackground  // beside a keyboard narrower than a landscape window
    }

    Loader {
        id: keyboardLoader
        // kept visible and slid out of view: an invisible InputPanel never becomes active
        width: Theme.px(Theme.keyboardWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        y: root.keyboardActive ? root.height - height : root.height
        active: root.keyboardWanted
        asynchronous: root.keyboardLater  // made a piece at a time between frames
        source: "OnScreenKeyboard.qml"
    }

    CardNotice {
        id: cardNotice
        objectName: "cardNotice"
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: Theme.px(16) }
        z: 10
    }
    // the end of a visit silences its prompts; the next screen (take your card) may speak for itself
    Connections { target: Shell; function onSessionEnding() { Voice.stop() } }
    Connections {
        target: IdentityBridge
        function onCardRead() {
            cardNotice.show()
            Voice.beep()
            Voice.announce(qsTr("读卡成功，请取回身份证"))
        }
        function onCardOnReaderChanged() { if (!IdentityBridge.cardOnReader) cardNotice.shown = false }
    }

    // "呼叫工作人员" on any citizen screen opens this; above the screen and its card notice, below the questions
    // that end a visit
    StaffCallPanel {
        objectName: "staffCallPanel"
        anchors.fill: parent
        visible: StaffCallBridge.panelOpen
        z: 15
    }

    ExitConfirm {
        id: exitConfirm
        objectName: "exitConfirm"
        anchors.fill: parent
        visible: false
        z: 20
        onStayTapped: visible = false
        onLeaveTapped: { visible = false; Shell.endSession() }
        Connections { target: Shell; function onSessionWiped() { exitConfirm.visible = false } }
    }

    IdleOverlay {
        objectName: "idleOverlay"
        anchors.fill: parent
        z: 25  // the countdown shows over any question or panel it would otherwise end unseen
        visible: Shell.idlePhase === "warning"
        secondsLeft: Shell.idleSecondsLeft
        onContinueTapped: Shell.keepGoing()
        onFinishTapped: Shell.endSession()
    }

    // simulator tray: a small corner button, only when some device is simulated
    Rectangle {
        id: trayButton
        objectName: "simTrayButton"
        visible: SimTrayBridge.active
        // a narrow tab on the right edge, half-way down: away from titles, clocks and the navigation bar
        width: Theme.px(26); height: Theme.px(64); radius: Theme.px(6)
        anchors { right: parent.right; verticalCenter: parent.verticalCenter }
        color: "#66263238"
        Text {
            anchors.centerIn: parent
            rotation: -90
            text: "SIM"
            color: "white"
            font.pixelSize: Theme.px(11)
            textFormat: Text.PlainText
        }
        // the simulator's own tab (a developer's tool, shown only with simulated devices): named as it reads
        MouseArea { anchors.fill: parent; Accessible.role: Accessible.Button; Accessible.name: "SIM"
                    onClicked: { SimTrayBridge.refresh(); trayPanel.visible = true } }
    }
    SimTrayPanel {
        id: trayPanel
        objectName: "simTrayPanel"
        visible: false
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(8) }
        width: Math.min(parent.width * 0.8, Theme.px(460))
        sections: SimTrayBridge.sections
        onChosen: (section, key, value) => SimTrayBridge.choose(section, key, value)
        onCloseTapped: visible = false
    }
}
