pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Progress: type the tracking number from the receipt on a pad of just its characters, hold the receipt's QR code
// to the camera, or place the ID card to list one's applications.
ScreenPage {
    id: page
    title: qsTr("进度查询")
    prompt: qsTr("进度查询。请输入受理编号、扫描回执二维码，或者刷身份证")

    Component.onCompleted: { ProgressBridge.clear(); ProgressBridge.queryCard() }

    function ask() { ProgressBridge.query(field.text) }

    // portrait: the entry above the answer; landscape: the entry on the left, the answer on the right
    GridLayout {
        anchors.fill: parent
        columns: Theme.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 2

        ColumnLayout {
            id: entry
            Layout.fillWidth: !Theme.landscape
            Layout.preferredWidth: Theme.landscape ? Math.min(page.width * 0.55, Theme.px(Theme.keyRowHeight * 10)) : -1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: qsTr("请输入回执上的受理编号（字母和数字）。也可以把身份证放到读卡区，再核验人脸。")
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(10)
                // typed on the pad below only: read-only, so the general keyboard (three layers for a tracking
                // number) never opens
                TextField {
                    id: field
                    objectName: "progressField"
                    Accessible.name: qsTr("受理编号")
                    // kiosk: no cut/copy/paste menu, no selection dragged out of a field (lockdown)
                    ContextMenu.menu: null
                    selectByMouse: false
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.targetSize + Theme.px(8)
                    readOnly: true
                    font.pixelSize: Theme.bodySize * 1.15
                    font.capitalization: Font.AllUppercase
                    leftPadding: Theme.px(14)
                    rightPadding: Theme.px(14)
                    placeholderText: qsTr("例如 %1 2024 0501 0000 01X").arg(Shell.terminalId)
                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.primary
                        border.width: Math.max(2, Theme.borderWidth)
                    }
                }
                BigButton {
                    objectName: "progressQuery"
                    Layout.preferredWidth: Theme.px(Theme.elderly ? 190 : 150)
                    enabled: field.text.trim().length > 0 && ProgressBridge.state !== "busy"
                    text: qsTr("查询")
                    reason: ProgressBridge.state === "busy" ? qsTr("正在查询") : qsTr("请先输入受理编号")
                    onClicked: page.ask()
                }
            }
            CharacterPad {
                objectName: "trackingPad"
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
                onTyped: (character) => field.text += character
                onErased: field.text = field.text.slice(0, -1)
                onCleared: field.text = ""
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                visible: ProgressBridge.state === "busy"
                spacing: Theme.px(12)
                BusyIndicator { running: parent.visible }
                Text {
                    text: qsTr("正在查询…")
                    font.pixelSize: Theme.bodySize * 1.1
                    color: Theme.text
                    textFormat: Text.PlainText
                }
            }
            BigButton {
                objectName: "progressScan"
                Layout.fillWidth: true
                visible: ProgressBridge.state !== "scanning" && !(ProgressBridge.state === "done" && ProgressBridge.byCard)
                enabled: ProgressBridge.state !== "busy"
                text: qsTr("扫描回执二维码")
                reason: qsTr("正在查询")
                onClicked: ProgressBridge.scanReceipt()
            }
            // while the camera looks for the code: what to do, and a way out
            Rectangle {
                objectName: "progressScanning"
                Layout.fillWidth: true
                visible: ProgressBridge.state === "scanning"
                implicitHeight: scanColumn.implicitHeight + Theme.px(32)
                radius: Theme.radius
                color: Theme.primaryFill
                border.color: Theme.primaryDark
                border.width: Math.max(2, Theme.borderWidth)
                ColumnLayout {
                    id: scanColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                    spacing: Theme.spacing
                    // what the camera sees: the citizen moves the paper until the code sits in the square
                    Rectangle {
                        objectName: "progressScanPreview"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(scanColumn.width, Theme.px(420))
                        Layout.preferredHeight: Layout.preferredWidth * 3 / 4
                        color: "#1c262b"
                        radius: Theme.radius
                        clip: true
                        Image {
                            objectName: "progressScanImage"
                            anchors.fill: parent
                            visible: ProgressBridge.scanHasFrame
                            cache: false
                            asynchronous: false
                            smooth: false
                            fillMode: Image.PreserveAspectCrop
                            source: ProgressBridge.scanHasFrame ? ProgressBridge.scanSource + ProgressBridge.scanFrameNo : ""
                        }
                        Text {
                            anchors.centerIn: parent
                            visible: !ProgressBridge.scanHasFrame
                            text: qsTr("正在打开摄像头…")
                            color: "#cfd8dc"
                            font.pixelSize: Theme.bodySize
                            textFormat: Text.PlainText
                        }
                        Rectangle {
                            anchors.centerIn: parent
                            width: Math.min(parent.width, parent.height) * 0.7
                            height: width
                            color: "transparent"
                            radius: Theme.px(8)
                            border.color: "#ffffff"
                            border.width: Theme.px(4)
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.px(12)
                        BusyIndicator { running: ProgressBridge.state === "scanning" }
                        Text {
                            objectName: "progressScanText"
                            Layout.fillWidth: true
                            text: qsTr("请将回执上的二维码对准摄像头，保持不动")
                            font.pixelSize: Theme.bodySize * 1.1
                            font.bold: true
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                            lineHeight: Theme.lineHeight
                        }
                    }
                    BigButton {
                        objectName: "progressScanCancel"
                        Layout.fillWidth: true
                        text: qsTr("停止扫描")
                        onClicked: ProgressBridge.cancelScan()
                    }
                }
            }
            // a person's applications need their face check first: the card alone is anyone's card
            BigButton {
                objectName: "progressByCard"
                Layout.fillWidth: true
                visible: !(ProgressBridge.state === "done" && ProgressBridge.byCard)
                text: qsTr("按身份证查询（需人脸核验）")
                onClicked: Shell.open("progress_by_card")
            }
            MessagePanel {
                objectName: "progressProblem"
                Layout.fillWidth: true
                visible: ProgressBridge.state === "failed"
                kind: "error"
                text: ProgressBridge.problem
            }
            Text {
                Layout.fillWidth: true
                visible: ProgressBridge.state === "done" && ProgressBridge.byCard
                text: qsTr("您名下的办件")
                font.pixelSize: Theme.bodySize * 1.15
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
            }
            ListView {
                id: list
                objectName: "progressResults"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: ProgressBridge.state === "done"
                clip: true
                spacing: Theme.px(10)
                model: ProgressBridge.results
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: KioskScrollBar { }
                // one Tab stop when a card offers an explanation: Tab goes on card by card (TabbedRows)
                activeFocusOnTab: ProgressBridge.results.some(r => r.term.length > 0)
                Keys.onTabPressed: (event) => rows.step(event, 1)
                Keys.onBacktabPressed: (event) => rows.step(event, -1)
                TabbedRows { id: rows; view: list }
                delegate: Rectangle {
                    id: card
                    required property var modelData
                    required property int index
                    objectName: "progressResult_" + index
                    readonly property Item tabTarget: card.modelData.term.length > 0 ? explain : null
                    width: list.width - Theme.scrollRoom
                    height: info.implicitHeight + Theme.px(32)
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.borderWidth)
                    ColumnLayout {
                        id: info
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                        spacing: Theme.px(6)
                        Text {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: card.modelData.service
                            font.pixelSize: Theme.bodySize * 1.1
                            font.bold: true
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "progressTracking_" + card.index
                            Layout.fillWidth: true
                            text: qsTr("受理编号：%1").arg(card.modelData.grouped)
                            font.pixelSize: Theme.bodySize
                            color: Theme.textMuted
                            textFormat: Text.PlainText
                            wrapMode: Text.WrapAnywhere
                        }
                        Text {
                            objectName: "progressStatus_" + card.index
                            Layout.fillWidth: true
                            text: card.modelData.text
                            font.pixelSize: Theme.titleSize
                            font.bold: true
                            color: Theme.primaryDark
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        // the official word in the status (受理, 补正, 办结) said plainly, one tap away
                        BigButton {
                            id: explain
                            objectName: "progressTerm_" + card.index
                            visible: card.modelData.term.length > 0
                            focusPolicy: Qt.NoFocus  // reached through the list (TabbedRows)
                            primary: false
                            text: qsTr("“%1”是什么意思？").arg(card.modelData.termWord)
                            onClicked: Shell.open("glossary", { term: card.modelData.term })
                        }
                        // staff's words for a correction request or a return, with what to do next
                        Rectangle {
                            objectName: "progressReasonBox_" + card.index
                            Layout.fillWidth: true
                            visible: card.modelData.reason.length > 0
                            implicitHeight: reasonColumn.implicitHeight + Theme.px(28)
                            radius: Theme.radius
                            color: Theme.primaryFill
                            border.color: Theme.primaryDark
                            border.width: Math.max(2, Theme.borderWidth)
                            ColumnLayout {
                                id: reasonColumn
                                anchors {
                                    left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(14)
                                }
                                spacing: Theme.px(6)
                                Text {
                                    Layout.fillWidth: true
                                    text: card.modelData.status === "correction" ? qsTr("需要您补正的内容")
                                                                                  : qsTr("退回原因")
                                    font.pixelSize: Theme.bodySize
                                    font.bold: true
                                    color: Theme.primaryDark
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    objectName: "progressReason_" + card.index
                                    Layout.fillWidth: true
                                    text: card.modelData.reason
                                    font.pixelSize: Theme.bodySize * 1.1
                                    color: Theme.text
                                    textFormat: Text.PlainText
                                    wrapMode: Text.Wrap
                                    lineHeight: Theme.lineHeight
                                }
                                Text {
                                    objectName: "progressReasonNext_" + card.index
                                    Layout.fillWidth: true
                                    text: card.modelData.status === "correction"
                                          ? qsTr("请按上面的说明准备好，带上回执到服务窗口办理。")
                                          : qsTr("如有疑问，请带上回执到服务窗口咨询。")
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.textMuted
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                    lineHeight: Theme.lineHeight
                                }
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: card.modelData.caseNumber.length > 0
                            text: qsTr("平台办件号：%1").arg(card.modelData.caseNumber)
                            font.pixelSize: Theme.smallSize
                            color: Theme.textMuted
                            textFormat: Text.PlainText
                            wrapMode: Text.WrapAnywhere
                        }
                        Text {
                            objectName: "progressSource_" + card.index
                            Layout.fillWidth: true
                            text: !card.modelData.local ? qsTr("来自政务服务平台")
                                : qsTr("本机记录（网络未连接）")
                            font.pixelSize: Theme.smallSize
                            font.bold: card.modelData.local
                            color: card.modelData.local ? Theme.warning : Theme.ok
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true; visible: ProgressBridge.state !== "done" }
        }
    }
}
