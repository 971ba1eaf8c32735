pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// One item's guide (一次性告知): conditions, a big numbered checklist, fees, time limits, where to go;
// print the checklist (QR when the printer is out) or take a number.
ScreenPage {
    id: page
    title: page.g.missing ? qsTr("事项已更新") : (page.g.name || "")
    prompt: qsTr("这是办事指南。可以打印材料清单，或者取号")
    readonly property string code: page.params.code || ""
    readonly property var g: CatalogBridge.revision >= 0 ? CatalogBridge.guide(page.code) : ({})
    // counted in a worker when the page shows (central may take seconds); -1 until then, or when not known
    readonly property int waiting: CatalogBridge.waitingRevision >= 0 ? CatalogBridge.waiting(page.code) : -1

    // elderly visitors hear how the printing went
    spoken: ChecklistBridge.checklistCode !== page.code ? ""
        : ChecklistBridge.checklistState === "printed" ? qsTr("材料清单已打印，请从出纸口取走")
        : ChecklistBridge.checklistState === "failed" ? ChecklistBridge.checklistProblem : ""

    StackView.onActivated: {
        CatalogBridge.askWaiting(page.code)
        ChecklistBridge.resetChecklist()
        ChecklistBridge.checkPrinter()
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

    // one material to bring: its number in a disc, name, quantity and what to know about it
    component MaterialCard: Rectangle {
        id: card
        required property var modelData
        objectName: "material_" + modelData.number
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

    // the item in short: its summary and how it is handled
    component Summary: ColumnLayout {
        spacing: Theme.px(10)
        Body { text: page.g.summary || ""; color: Theme.textMuted }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            Repeater {
                model: [page.g.handling || "", page.g.here ? CatalogBridge.hereLabel : "",
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
    }

    // who may apply: said before identification, so a helper knows to bring their own card and the letter
    component ProxyNote: Body {
        objectName: "guideProxyNote"
        visible: text.length > 0
        color: Theme.primaryDark
        text: page.g.proxy ? qsTr("可以由家人或亲友代办。代办人在本机刷自己的身份证，填写申请人的信息。再拍下授权委托书。")
            : page.g.here ? qsTr("在本机只能为自己申请。替他人办理，请到窗口咨询。") : ""
    }

    // the official words of a guide (受理, 办结, 代办…) said plainly, one tap away
    component WordsButton: BigButton {
        objectName: "guideGlossary"
        primary: false
        text: qsTr("词语解释")
        onClicked: Shell.open("glossary")
    }

    component Conditions: ColumnLayout {
        spacing: Theme.px(10)
        SectionTitle { text: qsTr("办理条件") }
        Repeater {
            model: page.g.conditions || []
            delegate: Body { required property int index; required property string modelData
                             text: (index + 1) + ". " + modelData }
        }
    }

    component MaterialsTitle: SectionTitle { text: qsTr("需要带的材料（共 %1 项）").arg((page.g.materials || []).length) }

    // everything after the materials: shared documents, fees, time limits, where to go, legal basis
    component Particulars: ColumnLayout {
        spacing: Theme.px(10)
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

    // print the checklist (a QR when no paper came out), take a number, apply here
    component Actions: ColumnLayout {
        spacing: Theme.spacing
        // what happened to the print job; a QR of the web guide when no paper came out
        MessagePanel {
            objectName: "guidePrintStatus"
            speaks: false  // the page says how the printing went
            Layout.fillWidth: true
            visible: ChecklistBridge.checklistState !== "" && ChecklistBridge.checklistCode === page.code
            kind: ChecklistBridge.checklistState === "printed" ? "ok" : ChecklistBridge.checklistState === "failed" ? "error" : "info"
            text: ChecklistBridge.checklistState === "printed" ? qsTr("材料清单已打印，请从出纸口取走")
                : ChecklistBridge.checklistState === "failed" ? qsTr("未能打印材料清单")
                : qsTr("正在打印材料清单…")
            // landscape: the QR caption below says the same in fewer lines, and the column must fit
            detail: ChecklistBridge.checklistState === "failed" && !(Theme.landscape && guideQr.visible) ? ChecklistBridge.checklistProblem : ""
        }
        QrCode {
            id: guideQr
            objectName: "guideQr"
            Layout.alignment: Qt.AlignHCenter
            visible: ChecklistBridge.checklistState === "failed" && ChecklistBridge.checklistCode === page.code && source.length > 0
            source: ChecklistBridge.checklistQr
            size: Theme.px(Theme.landscape ? 130 : (Theme.elderly ? 200 : 170))  // landscape: the column must fit the height
            caption: qsTr("用手机扫码查看这份办事指南")
        }
        Text {
            objectName: "guidePrinterHint"
            Layout.fillWidth: true
            visible: !ChecklistBridge.printerReady && ChecklistBridge.checklistState === ""
            text: qsTr("打印机暂不可用。请点“打印材料清单”，用手机扫描显示的二维码。")
            font.pixelSize: Theme.smallSize
            color: Theme.warning
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            BigButton {
                objectName: "guidePrint"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: ChecklistBridge.checklistState !== "busy"
                text: qsTr("打印材料清单")
                reason: qsTr("正在打印")
                onClicked: ChecklistBridge.printChecklist(page.code)
            }
            BigButton {
                objectName: "guideTicket"
                visible: HoursBridge.open
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                tint: Theme.ticket
                text: page.waiting > 0 ? qsTr("取号（%1 人等候）").arg(page.waiting) : qsTr("取号")
                onClicked: { TicketBridge.offer(page.code); Shell.open("take_number", { code: page.code }) }
            }
            BigButton {
                objectName: "guideApply"
                visible: page.g.here === true && HoursBridge.open
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                tint: Theme.ok
                text: qsTr("在本机申请")
                onClicked: ApplyBridge.start(page.code)  // remembers the item; the form follows identification
            }
        }
    }

    MessagePanel {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        visible: page.g.missing === true
        kind: "error"
        text: qsTr("该事项已调整，请返回重新查找。")
    }

    Loader {
        anchors.fill: parent
        active: page.g.missing === false
        sourceComponent: Theme.landscape ? wide : tall
    }

    // portrait: one scrolling column (the materials in the middle), the actions below it
    Component {
        id: tall
        ColumnLayout {
            spacing: Theme.spacing
            Flickable {
                id: flick
                objectName: "guideFlick"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentHeight: body.implicitHeight + Theme.spacing
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: KioskScrollBar { }
                ColumnLayout {
                    id: body
                    width: flick.width - Theme.scrollRoom
                    spacing: Theme.px(10)
                    Summary { Layout.fillWidth: true }
                    ProxyNote { }
                    WordsButton { }
                    Conditions { Layout.fillWidth: true }
                    MaterialsTitle { }
                    Repeater {
                        model: page.g.materials || []
                        delegate: MaterialCard { Layout.fillWidth: true }
                    }
                    Particulars { Layout.fillWidth: true }
                }
            }
            Actions { Layout.fillWidth: true }
        }
    }

    // landscape: the materials side by side on the left, a page at a time ("还有 N 项"); the summary,
    // conditions, fees, place and the actions on the right
    Component {
        id: wide
        RowLayout {
            spacing: Theme.spacing * 1.5
            ColumnLayout {
                Layout.preferredWidth: 62
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.px(10)
                // the words button heads the materials: the right pane may run below the fold, this row never does
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    MaterialsTitle { }
                    WordsButton { }
                }
                Flickable {
                    id: shelf
                    objectName: "guideMaterials"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    // room below the last card so that every page starts at a row of cards
                    contentHeight: Math.max(grid.implicitHeight,
                                            cards.count > 0 && cards.itemAt(cards.count - 1)
                                            ? cards.itemAt(cards.count - 1).y + shelf.height : 0)
                    boundsBehavior: Flickable.StopAtBounds
                    // cards wholly or partly beyond the bottom edge, and above the top one
                    readonly property int below: {
                        let n = 0
                        for (let i = 0; i < cards.count; i++) {
                            const c = cards.itemAt(i)
                            if (c && c.y + c.height > shelf.contentY + shelf.height + 1) n++
                        }
                        return n
                    }
                    // of those, the ones still to come ("还有 N 项"): a card of the pane's top row taller than the pane
                    // is the one being read (the page button goes on through it), not one more
                    readonly property int toCome: {
                        let n = 0
                        for (let i = 0; i < cards.count; i++) {
                            const c = cards.itemAt(i)
                            if (c && c.y > shelf.contentY + 1 && c.y + c.height > shelf.contentY + shelf.height + 1) n++
                        }
                        return n
                    }
                    readonly property bool atTop: shelf.contentY <= 1
                    function next() {
                        for (let i = 0; i < cards.count; i++) {
                            const c = cards.itemAt(i)
                            if (c.y + c.height > shelf.contentY + shelf.height + 1) {
                                // a card taller than the pane is read a pane at a time
                                shelf.contentY = c.y > shelf.contentY + 1 ? c.y : shelf.contentY + shelf.height
                                return
                            }
                        }
                    }
                    function previous() {
                        const target = Math.max(0, shelf.contentY - shelf.height)
                        for (let i = 0; i < cards.count; i++) {
                            const c = cards.itemAt(i)
                            if (c.y + 1 >= target) { shelf.contentY = Math.min(c.y, target + shelf.height); return }
                        }
                        shelf.contentY = 0
                    }
                    GridLayout {
                        id: grid
                        width: shelf.width
                        columns: 2
                        rowSpacing: Theme.px(10)
                        columnSpacing: Theme.px(10)
                        Repeater {
                            id: cards
                            model: page.g.materials || []
                            delegate: MaterialCard {
                                Layout.fillWidth: true
                                Layout.fillHeight: true  // the two cards of a row end level
                                Layout.preferredWidth: 1
                                Layout.alignment: Qt.AlignTop
                            }
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: !shelf.atTop || shelf.below > 0
                    spacing: Theme.spacing
                    Text {
                        objectName: "guideMore"
                        Layout.fillWidth: true
                        visible: shelf.toCome > 0
                        text: qsTr("还有 %1 项").arg(shelf.toCome)
                        font.pixelSize: Theme.bodySize * 1.15
                        font.bold: true
                        color: Theme.primaryDark
                        textFormat: Text.PlainText
                    }
                    Item { Layout.fillWidth: true; visible: shelf.toCome === 0 }
                    BigButton {
                        objectName: "guideMaterialsPrevious"
                        primary: false
                        enabled: !shelf.atTop
                        text: qsTr("上一页")
                        onClicked: shelf.previous()
                    }
                    BigButton {
                        objectName: "guideMaterialsNext"
                        enabled: shelf.below > 0
                        text: qsTr("下一页")
                        onClicked: shelf.next()
                    }
                }
            }
            ColumnLayout {
                Layout.preferredWidth: 38
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                Flickable {
                    id: side
                    objectName: "guideFlick"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentHeight: sideBody.implicitHeight + Theme.spacing
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: KioskScrollBar { }
                    ColumnLayout {
                        id: sideBody
                        width: side.width - Theme.scrollRoom
                        spacing: Theme.px(10)
                        Summary { Layout.fillWidth: true }
                        ProxyNote { }
                        Conditions { Layout.fillWidth: true }
                        Particulars { Layout.fillWidth: true }
                    }
                }
                Actions { Layout.fillWidth: true }
            }
        }
    }
}
