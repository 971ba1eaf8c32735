import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The idle face of the terminal: site name, time, and one big invitation to touch.
Item {
    id: attract
    property var params: ({})

    // a card as a button: a finger taps it, a keyboard or switch reaches it by Tab (the ring shows) and presses it
    // with Enter or Space
    component CardButton: AbstractButton {
        anchors.fill: parent
        z: 2
        focusPolicy: Qt.TabFocus
        Accessible.role: Accessible.Button
        Keys.onReturnPressed: animateClick()
        Keys.onEnterPressed: animateClick()
        background: null
        contentItem: null
        FocusRing { radius: Theme.px(28) }  // the cards' corners
    }

    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#0d47a1" }
            GradientStop { position: 1.0; color: "#1976d2" }
        }
    }

    GridLayout {
        z: 1  // above the whole-screen touch area, so the elderly card takes its own taps
        anchors.fill: parent
        anchors.margins: Theme.px(40)
        columns: Theme.landscape ? 2 : 1
        rowSpacing: Theme.px(32)
        columnSpacing: Theme.px(48)

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: !Theme.landscape
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.px(20)
            Text {
                Layout.fillWidth: true
                text: qsTr("政务服务自助终端")
                font.pixelSize: Theme.px(26)
                color: "#e3f2fd"
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "attractSiteName"
                Layout.fillWidth: true
                text: Shell.siteName
                font.pixelSize: Theme.heroSize
                font.bold: true
                color: "white"
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Clock { color: "white"; size: Theme.px(28) }
            Text {
                Layout.fillWidth: true
                text: qsTr("办事指南 · 证件办理 · 查进度 · 打证明 · 取号")
                font.pixelSize: Theme.px(18)
                color: "#e3f2fd"
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            Rectangle {
                objectName: "attractClosed"
                visible: !HoursBridge.open
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(12)
                implicitHeight: closedWords.implicitHeight + Theme.px(40)
                radius: Theme.px(28)
                color: "#263238"
                border.color: "#90a4ae"
                border.width: Theme.px(2)
                ColumnLayout {
                    id: closedWords
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(48)
                    spacing: Theme.px(10)
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("现在是非办公时间，暂停受理申请。请在办公时间再来。")
                        font.pixelSize: Theme.px(34)
                        font.bold: true
                        color: "white"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "attractHours"
                        Layout.fillWidth: true
                        text: qsTr("办公时间：%1").arg(HoursBridge.hoursText)
                        font.pixelSize: Theme.px(26)
                        color: "#eceff1"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "attractNextOpening"
                        Layout.fillWidth: true
                        visible: HoursBridge.nextOpening !== ""
                        text: qsTr("下次开放：%1").arg(HoursBridge.nextOpening)
                        font.pixelSize: Theme.px(22)
                        color: "#cfd8dc"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("仍可使用：办事指南、进度查询")
                        font.pixelSize: Theme.px(26)
                        font.bold: true
                        color: "#fff59d"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        ColumnLayout {
            // landscape: a column of its own beside the words; portrait: below them
            Layout.fillWidth: !Theme.landscape
            Layout.preferredWidth: Theme.landscape ? attract.width * 0.4 : -1
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.px(24)
            opacity: HoursBridge.open ? 1.0 : 0.6  // still a way in: the guide and the progress query

            Rectangle {
                objectName: "attractStart"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.px(300)
                radius: Theme.px(28)
                color: "white"
                // one pulse now and then, not forever: every animated frame is a whole-window repaint, and an
                // endless pulse kept an idle kiosk at ~15 % of a cheap terminal's core (bench/idle.py)
                SequentialAnimation on scale {
                    id: startPulse
                    running: false
                    NumberAnimation { from: 1.0; to: 1.03; duration: 1200; easing.type: Easing.InOutQuad }
                    NumberAnimation { from: 1.03; to: 1.0; duration: 1200; easing.type: Easing.InOutQuad }
                }
                Timer {
                    objectName: "attractPulseTimer"
                    interval: 60000
                    repeat: true
                    triggeredOnStart: true
                    running: attract.visible
                    onTriggered: startPulse.restart()
                }
                CardButton {
                    objectName: "attractStartButton"
                    Accessible.name: qsTr("开始")
                    Accessible.description: qsTr("请触摸屏幕开始")
                    onClicked: Shell.start(false)
                }
                ColumnLayout {
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(48)
                    spacing: Theme.px(12)
                    Text {
                        Layout.alignment: Qt.AlignHCenter
                        text: qsTr("标准版")
                        font.pixelSize: Theme.px(22)
                        color: "#37474f"
                        textFormat: Text.PlainText
                    }
                    Text {
                        Layout.alignment: Qt.AlignHCenter
                        text: qsTr("开始")
                        font.pixelSize: Theme.px(64)
                        color: "#1565c0"
                        textFormat: Text.PlainText
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("请触摸屏幕开始")
                        font.pixelSize: Theme.px(36)
                        font.bold: true
                        color: "#0d47a1"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        // the other language, always shown, so either reader knows what to do
                        text: Shell.language === "en" ? "请触摸屏幕开始" : "Touch the screen to start"
                        font.pixelSize: Theme.px(20)
                        color: "#37474f"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                }
            }

            // elderly mode offered before anything else: large text, spoken prompts, no time pressure
            Rectangle {
                objectName: "attractElderly"
                Layout.fillWidth: true
                Layout.preferredHeight: elderlyWords.implicitHeight + Theme.px(40)
                radius: Theme.px(28)
                color: "#fff3c4"
                border.color: "#ffffff"
                border.width: Theme.px(3)
                ColumnLayout {
                    id: elderlyWords
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(48)
                    spacing: Theme.px(6)
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("长辈版")
                        font.pixelSize: Theme.px(48)
                        font.bold: true
                        color: "#3e2723"
                        textFormat: Text.PlainText
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("大字 + 语音，不限时")
                        font.pixelSize: Theme.px(26)
                        color: "#3e2723"
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                }
                CardButton {
                    objectName: "attractElderlyTouch"
                    Accessible.name: qsTr("长辈版")
                    Accessible.description: qsTr("大字 + 语音，不限时")
                    onClicked: Shell.start(true)
                }
            }
        }
    }

    // outside service hours: the screen dims and says when the hall opens and what works meanwhile
    Rectangle {
        objectName: "attractDim"
        z: 0.5  // over the background, under the words
        anchors.fill: parent
        visible: !HoursBridge.open
        color: "#000000"
        opacity: 0.45
    }
    // a card left on the reader after a visit: whoever passes by (staff, the owner) is told at once
    Rectangle {
        objectName: "attractCardLeft"
        visible: IdentityBridge.cardOnReader
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(24) }
        height: cardLeftText.implicitHeight + Theme.px(28)
        radius: Theme.radius
        color: "#ffd54f"
        z: 3
        Text {
            id: cardLeftText
            anchors.centerIn: parent
            width: parent.width - Theme.px(32)
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("读卡器上有身份证，请取走")
            font.pixelSize: Theme.px(32)
            font.bold: true
            color: "#000000"
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
    }

    MouseArea {
        objectName: "attractTouch"
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("点屏幕开始办事")
        anchors.fill: parent
        onClicked: Shell.start(false)
    }

    Text {
        id: terminalLine
        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.px(12) }
        text: qsTr("终端编号 %1 · 服务热线 %2").arg(Shell.terminalId).arg(Shell.hotline)
        font.pixelSize: Theme.smallSize
        color: "#ffffff"
        textFormat: Text.PlainText
    }
    // staff mode: hold the terminal number for three seconds (citizens never find it by chance)
    MouseArea {
        objectName: "maintenanceEntry"
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("工作人员入口：长按三秒")
        anchors.fill: terminalLine
        anchors.margins: -Theme.px(12)
        pressAndHoldInterval: 3000
        onPressAndHold: Shell.open("staff")
    }
}
