import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// One item's guide (一次性告知): conditions, a big numbered checklist, fees, time limits, where to go;
// print the checklist (QR when the printer is out) or take a number.
ScreenPage {
    id: page
    title: page.g.missing ? qsTr("事项已更新") : (page.g.name || "")
    readonly property string code: page.params.code || ""
    readonly property var g: catalog.revision >= 0 ? catalog.guide(page.code) : ({})
    property int waiting: -1

    // elderly visitors hear how the printing went
    readonly property string spoken: catalog.checklistCode !== page.code ? ""
        : catalog.checklistState === "printed" ? qsTr("材料清单已打印，请从出纸口取走")
        : catalog.checklistState === "failed" ? catalog.checklistProblem : ""
    onSpokenChanged: if (shell.elderly && spoken.length > 0) voice.say(spoken)

    StackView.onActivated: {
        page.waiting = catalog.waiting(page.code)
        catalog.resetChecklist()
        catalog.checkPrinter()
    }

    component SectionTitle: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing * 0.5
        font.pixelSize: Theme.bodySize * 1.3
        font.bold: true
        color: Theme.primaryDark
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
    }
    component Body: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.bodySize
        color: Theme.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        lineHeight: Theme.lineHeight
    }

    // portrait: the guide above its actions; landscape: the guide on the left, actions in a column on the right
    GridLayout {
        anchors.fill: parent
        columns: Theme.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 1.5

        MessagePanel {
            Layout.fillWidth: true
            Layout.columnSpan: Theme.landscape ? 2 : 1
            visible: page.g.missing === true
            kind: "error"
            text: qsTr("该事项已调整，请返回重新查找。")
        }

        Flickable {
            id: flick
            objectName: "guideFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.g.missing === false
            clip: true
            contentHeight: body.implicitHeight + Theme.spacing
            boundsBehavior: Flickable.StopAtBounds
            // always shown: tells a citizen there is more below the fold
            ScrollBar.vertical: ScrollBar { policy: size < 1.0 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff; width: Theme.px(10) }

            ColumnLayout {
                id: body
                width: flick.width - Theme.px(14)
                spacing: Theme.px(10)

                Body { text: page.g.summary || ""; color: Theme.textMuted }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.px(8)
                    Repeater {
                        model: [page.g.handling || "", page.g.here ? catalog.hereLabel : "",
                                page.g.audience ? qsTr("对象：%1").arg(page.g.audience) : ""].filter(s => s.length > 0)
                        delegate: Rectangle {
                            id: chip
                            required property string modelData
                            width: chipText.implicitWidth + Theme.px(20)
                            height: chipText.implicitHeight + Theme.px(10)
                            radius: Theme.px(6)
                            color: Theme.primaryFill
                            border.color: Theme.primary
                            border.width: 2
                            Text {
                                id: chipText
                                anchors.centerIn: parent
                                text: chip.modelData
                                font.pixelSize: Theme.smallSize
                                font.bold: true
                                color: Theme.primaryDark
                                textFormat: Text.PlainText
                            }
                        }
                    }
                }

                SectionTitle { text: qsTr("办理条件") }
                Repeater {
                    model: page.g.conditions || []
                    delegate: Body { required property int index; required property string modelData
                                     text: (index + 1) + ". " + modelData }
                }

                SectionTitle { text: qsTr("需要带的材料（共 %1 项）").arg((page.g.materials || []).length) }
                Repeater {
                    model: page.g.materials || []
                    delegate: Rectangle {
                        id: card
                        required property var modelData
                        objectName: "material_" + modelData.number
                        Layout.fillWidth: true
                        implicitHeight: cardRow.implicitHeight + Theme.px(24)
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.border
                        border.width: Math.max(1, Theme.borderWidth)
                        RowLayout {
                            id: cardRow
                            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(12) }
                            spacing: Theme.px(14)
                            Rectangle {
                                Layout.alignment: Qt.AlignTop
                                Layout.preferredWidth: Theme.px(Theme.elderly ? 52 : 42)
                                Layout.preferredHeight: Layout.preferredWidth
                                radius: width / 2
                                color: Theme.primary
                                Text {
                                    anchors.centerIn: parent
                                    text: card.modelData.number
                                    font.pixelSize: parent.width * 0.5
                                    font.bold: true
                                    color: Theme.primaryText
                                    textFormat: Text.PlainText
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: Theme.px(4)
                                Text {
                                    Layout.fillWidth: true
                                    text: card.modelData.name
                                    font.pixelSize: Theme.bodySize * 1.25
                                    font.bold: true
                                    color: Theme.text
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    Layout.fillWidth: true
                                    text: card.modelData.quantity
                                    font.pixelSize: Theme.bodySize * 1.1
                                    font.bold: true
                                    color: Theme.primaryDark
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                }
                                Body { visible: text.length > 0; color: Theme.warning
                                       text: card.modelData.when ? qsTr("仅以下情况需要：%1").arg(card.modelData.when) : "" }
                                Body { visible: text.length > 0; text: card.modelData.notes }
                                Body { visible: text.length > 0; color: Theme.textMuted
                                       text: card.modelData.example ? qsTr("样例：%1").arg(card.modelData.example) : "" }
                                Body { visible: card.modelData.capture; color: Theme.ok; text: qsTr("可在本机拍照上传") }
                            }
                        }
                    }
                }

                SectionTitle { visible: (page.g.shared || []).length > 0; text: qsTr("不用带（部门共享获取）") }
                Body { visible: text.length > 0; text: (page.g.shared || []).join("、") }

                SectionTitle { text: qsTr("收费") }
                Body { text: (page.g.fees || []).length > 0 ? page.g.fees.join("\n") : qsTr("不收费") }

                SectionTitle { text: qsTr("办理时限") }
                Body { text: qsTr("承诺时限：%1").arg(page.g.promised || "") + "\n" + qsTr("法定时限：%1").arg(page.g.statutory || "") }

                SectionTitle { text: qsTr("办理地点") }
                Body {
                    objectName: "guideWhere"
                    text: (page.g.department || "") + "\n" + (page.g.location || "") + " " + (page.g.windows || "")
                          + "\n" + qsTr("办理时间：%1").arg(page.g.hours || "")
                          + (page.g.phone ? "\n" + qsTr("咨询电话：%1").arg(page.g.phone) : "")
                }

                SectionTitle { visible: (page.g.legalBasis || []).length > 0; text: qsTr("办理依据") }
                Body { visible: text.length > 0; color: Theme.textMuted; text: (page.g.legalBasis || []).join("\n") }
            }
        }

        ColumnLayout {
            id: actions
            Layout.fillWidth: !Theme.landscape
            Layout.preferredWidth: Theme.landscape ? page.width * 0.34 : -1
            Layout.fillHeight: Theme.landscape
            visible: page.g.missing === false
            spacing: Theme.spacing

            Item { Layout.fillHeight: true; visible: Theme.landscape }
            // what happened to the print job; a QR of the web guide when no paper came out
            MessagePanel {
                objectName: "guidePrintStatus"
                Layout.fillWidth: true
                visible: catalog.checklistState !== "" && catalog.checklistCode === page.code
                kind: catalog.checklistState === "printed" ? "ok" : catalog.checklistState === "failed" ? "error" : "info"
                text: catalog.checklistState === "printed" ? qsTr("材料清单已打印，请从出纸口取走")
                    : catalog.checklistState === "failed" ? qsTr("未能打印材料清单")
                    : qsTr("正在打印材料清单…")
                // landscape: the QR caption below says the same in fewer lines, and the column must fit
                detail: catalog.checklistState === "failed" && !(Theme.landscape && guideQr.visible) ? catalog.checklistProblem : ""
            }
            QrCode {
                id: guideQr
                objectName: "guideQr"
                Layout.alignment: Qt.AlignHCenter
                visible: catalog.checklistState === "failed" && catalog.checklistCode === page.code && source.length > 0
                source: catalog.checklistQr
                size: Theme.px(Theme.landscape ? 130 : (Theme.elderly ? 200 : 170))  // landscape: the actions column must fit the height
                caption: qsTr("用手机扫码查看这份办事指南")
            }
            Text {
                objectName: "guidePrinterHint"
                Layout.fillWidth: true
                visible: !catalog.printerReady && catalog.checklistState === ""
                text: qsTr("打印机暂不可用：点“打印材料清单”会显示二维码，用手机扫码查看。")
                font.pixelSize: Theme.smallSize
                color: Theme.warning
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }

            GridLayout {
                Layout.fillWidth: true
                columns: Theme.landscape ? 2 : 3
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                BigButton {
                    objectName: "guidePrint"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    enabled: catalog.checklistState !== "busy"
                    text: qsTr("打印材料清单")
                    onClicked: catalog.printChecklist(page.code)
                }
                BigButton {
                    objectName: "guideTicket"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    tint: Theme.ticket
                    text: page.waiting > 0 ? qsTr("取号（%1 人等候）").arg(page.waiting) : qsTr("取号")
                    onClicked: { catalog.takeNumber(page.code); shell.go("Ticket", { code: page.code }) }
                }
                BigButton {
                    objectName: "guideApply"
                    visible: page.g.here === true
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    tint: Theme.ok
                    text: qsTr("在本机申请")
                    onClicked: apply.start(page.code)  // remembers the item; the form follows identification
                }
            }
        }
    }
}
