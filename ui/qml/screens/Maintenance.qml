pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// What a technician needs in one minute: every device and the queue, green or red with the reason, and the log.
ScreenPage {
    id: page
    title: qsTr("设备诊断")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: MaintenanceBridge.terminal
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
        }
        RowLayout {
            spacing: Theme.spacing
            BigButton {
                objectName: "maintRefresh"
                text: MaintenanceBridge.busy ? qsTr("检测中…") : qsTr("重新检测")
                enabled: !MaintenanceBridge.busy
                onClicked: MaintenanceBridge.refresh()
            }
            BigButton {
                objectName: "maintTestPage"
                text: qsTr("打印测试页")
                primary: false
                onClicked: MaintenanceBridge.printTestPage()
            }
            BigButton {
                objectName: "maintCare"
                text: qsTr("维护工具")
                primary: false
                onClicked: Shell.open("maintenance_care")
            }
            BigButton {
                text: qsTr("退出维护")
                tint: Theme.accent
                onClicked: Shell.endSession()
            }
        }
        // PINs, then the ways out: two rows in portrait, one in landscape (where the log needs the height)
        GridLayout {
            Layout.fillWidth: true
            columns: Theme.landscape ? 6 : 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            BigButton {
                objectName: "maintChangePin"
                text: qsTr("修改维护密码")
                primary: false
                onClicked: Shell.open("staff", { purpose: "change" })
            }
            BigButton {
                objectName: "maintSetVerifyPin"
                text: qsTr("设置核验密码")
                primary: false
                onClicked: Shell.open("staff", { purpose: "set_verify" })
            }
            Text {
                objectName: "maintVerifyState"
                Layout.fillWidth: true
                Layout.preferredWidth: 1  // the two notes share what the buttons leave
                // staff verification of citizens needs its own PIN, so citizens never watch the maintenance PIN
                text: MaintenanceBridge.verifyAvailable ? qsTr("工作人员核验密码：已设置")
                                                  : qsTr("工作人员核验密码：未设置，人脸无法比对时不能由工作人员核验")
                font.pixelSize: Theme.smallSize
                color: MaintenanceBridge.verifyAvailable ? Theme.textMuted : Theme.accent
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
            BigButton {
                // a clean end: the service unit starts the kiosk again at once
                objectName: "maintRestart"
                text: qsTr("重启程序")
                primary: false
                onClicked: MaintenanceBridge.restartKiosk()
            }
            BigButton {
                // the only way out of the kiosk session, behind the maintenance PIN once more
                objectName: "maintDesktop"
                text: qsTr("退出到桌面")
                primary: false
                tint: Theme.accent
                onClicked: Shell.open("staff", { purpose: "desktop" })
            }
            Text {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("退出到桌面后终端停止服务，直到重新启动自助服务。")
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        Text {
            objectName: "maintPinNotice"
            Layout.fillWidth: true
            visible: MaintenanceBridge.pinNotice !== ""
            text: MaintenanceBridge.pinNotice === "changed" ? qsTr("维护密码已更新。")
                : MaintenanceBridge.pinNotice === "verify_set" ? qsTr("核验密码已设置。") : ""
            font.pixelSize: Theme.bodySize
            color: Theme.ok
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "maintMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            text: MaintenanceBridge.message
            font.pixelSize: Theme.bodySize
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Rectangle {
            // a job the last run was printing when it ended (crash, power cut): a citizen may be missing a paper
            objectName: "maintUnfinished"
            Layout.fillWidth: true
            visible: MaintenanceBridge.unfinishedPrint !== ""
            implicitHeight: unfinishedRow.implicitHeight + Theme.px(20)
            radius: Theme.radius
            color: "#fff8e1"
            border.color: Theme.accent
            border.width: 2
            RowLayout {
                id: unfinishedRow
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(10) }
                spacing: Theme.px(12)
                Text {
                    Layout.fillWidth: true
                    text: qsTr("上次打印未完成") + "\n" + MaintenanceBridge.unfinishedPrint
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
                BigButton {
                    objectName: "maintReprintUnfinished"
                    visible: MaintenanceBridge.unfinishedResendable
                    text: qsTr("重新打印")
                    onClicked: MaintenanceBridge.reprintUnfinished()
                }
                BigButton {
                    objectName: "maintDismissUnfinished"
                    text: qsTr("忽略")
                    primary: false
                    onClicked: MaintenanceBridge.dismissUnfinished()
                }
            }
        }
        Repeater {
            model: MaintenanceBridge.rows
            delegate: Rectangle {
                id: row
                required property var modelData
                objectName: "health_" + modelData.key
                Layout.fillWidth: true
                implicitHeight: rowText.implicitHeight + Theme.px(20)
                radius: Theme.radius
                color: modelData.ok ? "#e8f5e9" : "#ffebee"
                border.color: modelData.ok ? Theme.ok : Theme.accent
                border.width: 2
                RowLayout {
                    id: rowText
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(10) }
                    spacing: Theme.px(12)
                    Text {
                        // a word as well as a colour: colour is never the only cue
                        text: row.modelData.ok ? qsTr("正常") : qsTr("故障")
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: row.modelData.ok ? Theme.ok : Theme.accent
                        textFormat: Text.PlainText
                    }
                    Text {
                        text: qsTranslate("Maintenance", row.modelData.title)
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.text
                        textFormat: Text.PlainText
                        Layout.preferredWidth: Theme.px(130)
                    }
                    Text {
                        Layout.fillWidth: true
                        text: row.modelData.detail
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
        }
        Text {
            text: qsTr("最近日志（证件号与姓名已遮挡）")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#1e272c"
            radius: Theme.radius
            clip: true
            ListView {
                id: logView
                objectName: "maintLog"
                anchors.fill: parent
                anchors.margins: Theme.px(8)
                model: MaintenanceBridge.logLines
                onCountChanged: positionViewAtEnd()
                delegate: Text {
                    required property string modelData
                    width: logView.width
                    text: modelData
                    color: "#cfd8dc"
                    font.family: "Noto Sans Mono CJK SC"
                    font.pixelSize: Theme.px(10)
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
