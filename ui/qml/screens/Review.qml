import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Everything about to be submitted, once more, and the consent the citizen must give before submitting.
ScreenPage {
    id: page
    title: qsTr("核对申请信息")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: col.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator { }

            ColumnLayout {
                id: col
                width: flick.width
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: apply.serviceName
                    font.pixelSize: Theme.bodySize * 1.2
                    font.bold: true
                    color: Theme.primaryDark
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: rows.implicitHeight + Theme.px(32)
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.borderWidth)
                    GridLayout {
                        id: rows
                        anchors { fill: parent; margins: Theme.px(16) }
                        columns: 2
                        rowSpacing: Theme.px(12)
                        columnSpacing: Theme.px(20)
                        Repeater {
                            model: apply.reviewRows
                            delegate: Text {
                                required property var modelData
                                required property int index
                                Layout.row: index
                                Layout.column: 0
                                Layout.alignment: Qt.AlignTop
                                Layout.maximumWidth: rows.width * 0.4
                                text: modelData.label
                                font.pixelSize: Theme.bodySize
                                color: Theme.textMuted
                                textFormat: Text.PlainText
                                wrapMode: Text.WordWrap
                            }
                        }
                        Repeater {
                            model: apply.reviewRows
                            delegate: Text {
                                required property var modelData
                                required property int index
                                objectName: "review_" + modelData.key
                                Layout.row: index
                                Layout.column: 1
                                Layout.fillWidth: true
                                text: modelData.value.length > 0 ? modelData.value : qsTr("（未填写）")
                                font.pixelSize: Theme.bodySize * 1.1
                                font.bold: true
                                color: Theme.text
                                textFormat: Text.PlainText
                                wrapMode: Text.WrapAnywhere
                                lineHeight: Theme.lineHeight
                            }
                        }
                    }
                }
                CheckBox {
                    id: consent
                    objectName: "reviewConsent"
                    Layout.fillWidth: true
                    padding: Theme.px(8)
                    spacing: Theme.px(14)
                    font.pixelSize: Theme.bodySize
                    text: qsTr("我已阅读并同意：本人承诺所填信息真实有效，同意将以上信息和人脸核验结果提交给政务服务平台，用于办理本事项。")
                    indicator: Rectangle {
                        x: consent.leftPadding
                        y: consent.topPadding + (consent.availableHeight - height) / 2
                        implicitWidth: Theme.px(Theme.elderly ? 44 : 36)
                        implicitHeight: implicitWidth
                        radius: Theme.px(6)
                        color: consent.checked ? Theme.primary : Theme.surface
                        border.color: Theme.primary
                        border.width: Theme.px(2)
                        Text {
                            anchors.centerIn: parent
                            visible: consent.checked
                            text: "✓"
                            color: "white"
                            font.pixelSize: parent.width * 0.7
                            font.bold: true
                            textFormat: Text.PlainText
                        }
                    }
                    contentItem: Text {
                        leftPadding: consent.indicator.width + consent.spacing
                        text: consent.text
                        font: consent.font
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                        lineHeight: Theme.lineHeight
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                MessagePanel {
                    objectName: "reviewProblem"
                    Layout.fillWidth: true
                    visible: apply.submitState === "failed" && apply.submitProblem.length > 0
                    kind: "error"
                    text: apply.submitProblem
                }
                MessagePanel {
                    objectName: "reviewNoQueue"
                    Layout.fillWidth: true
                    visible: !apply.queueAvailable
                    kind: "error"
                    text: apply.queueProblem
                }
                RowLayout {
                    Layout.alignment: Qt.AlignHCenter
                    visible: apply.submitState === "busy"
                    spacing: Theme.px(12)
                    BusyIndicator { running: parent.visible }
                    Text {
                        text: qsTr("正在保存您的申请…")
                        font.pixelSize: Theme.bodySize * 1.1
                        color: Theme.text
                        textFormat: Text.PlainText
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                objectName: "reviewEdit"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                primary: false
                text: qsTr("返回修改")
                onClicked: shell.back()
            }
            BigButton {
                objectName: "reviewSubmit"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: consent.checked && apply.submitState !== "busy" && apply.submitState !== "done" && apply.queueAvailable
                tint: Theme.ok
                text: qsTr("确认提交")
                onClicked: apply.submit(consent.checked)
            }
        }
    }
}
