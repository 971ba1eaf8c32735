pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The chosen item's form as big fields: card data pre-filled and locked (masked), the rest typed on the
// on-screen keyboard or chosen with buttons; plain messages under the fields that need fixing.
ScreenPage {
    id: page
    // landscape with the keyboard open leaves a strip of screen: the field being typed in gets all of it
    // (the keyboard's Enter goes on to the review); the keyboard's own hide key brings the whole page back. A field
    // reached by Tab keeps the whole page, or Tab could never reach 下一步
    // qmllint disable missing-property
    readonly property bool compact: Theme.landscape && focusedField !== null && Qt.inputMethod.visible && !Theme.tabbing
    // qmllint enable missing-property
    title: compact ? "" : ApplyBridge.serviceName.length > 0 ? ApplyBridge.serviceName : qsTr("填写申请表")
    prompt: qsTr("填写申请表。请逐项填好，再点“下一步”")

    property Item focusedField: null
    property var boxes: ({})  // field key -> its delegate, to find the first field that needs fixing

    Component.onCompleted: ApplyBridge.openForm()
    // taking the focus away commits pinyin still being composed and puts the keyboard away
    StackView.onDeactivating: { page.focusedField = null; page.forceActiveFocus() }

    // keeps the field being typed in above the keyboard (the page shrinks when the keyboard opens)
    function reveal(box) {
        if (!box)
            return
        // a strip too low for the whole box (landscape, elderly, keyboard open) shows at least the field
        const item = box.height + 2 * Theme.px(16) > flick.height && box.input ? box.input : box
        const p = item.mapToItem(flick.contentItem, 0, 0)
        const gap = Theme.px(16)
        if (p.y - gap < flick.contentY)
            flick.contentY = Math.max(0, p.y - gap)
        else if (p.y + item.height + gap > flick.contentY + flick.height)
            flick.contentY = Math.min(flick.contentHeight - flick.height, p.y + item.height + gap - flick.height)
    }
    function next() {
        page.focusedField = null
        page.forceActiveFocus()  // commits pinyin still being composed: it belongs to the field
        if (ApplyBridge.check()) {
            Shell.open("review")
        } else {
            page.showFirstError()
            if (Shell.elderly)
                Voice.say(qsTr("有 %1 项需要修改，请看红色提示").arg(ApplyBridge.errorCount))
        }
    }
    // the first field that needs fixing, in form order: scrolled into view, and focused when it is typed
    function showFirstError() {
        const fields = ApplyBridge.fields
        for (let i = 0; i < fields.length; ++i) {
            const box = page.boxes[fields[i].key]
            if (box && box.error.length > 0) {
                Qt.callLater(() => { page.reveal(box); if (box.typed) box.focusInput() })
                return
            }
        }
    }
    function placeholderFor(type) {
        return type === "date" ? qsTr("例如 2024-05-01") : type === "phone" ? qsTr("11位手机号码")
             : type === "money" ? qsTr("金额，单位元") : ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        // stays in view above the fields; the first field to fix is scrolled to below it
        MessagePanel {
            objectName: "applyFormErrors"
            speaks: false  // next() says it on every tap that finds errors
            Layout.fillWidth: true
            visible: ApplyBridge.errorCount > 0 && !page.compact
            kind: "error"
            text: qsTr("有 %1 项需要修改，请看红色提示").arg(ApplyBridge.errorCount)
        }

        Flickable {
            id: flick
            objectName: "applyFormFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: col.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator { }
            onHeightChanged: page.reveal(page.focusedField)
            // a message appearing or going away above the field being typed must not carry it out of view
            onContentHeightChanged: page.reveal(page.focusedField)

            ColumnLayout {
                id: col
                width: flick.width
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: ApplyBridge.forOther
                          ? qsTr("这是为他人代办的申请。灰色底的信息是您上一步为申请人填写的。要修改，请返回上一步。其他各项请按申请人的情况填写或选择。")
                          : qsTr("灰色底的信息来自您的身份证，不能修改；其他各项请填写或选择。")
                    font.pixelSize: Theme.bodySize
                    color: Theme.textMuted
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    lineHeight: Theme.lineHeight
                }
                Repeater {
                    model: ApplyBridge.fields
                    delegate: ColumnLayout {
                        id: box
                        required property var modelData
                        readonly property string key: modelData.key
                        readonly property string type: modelData.type
                        readonly property string error: ApplyBridge.errors[key] || ""
                        readonly property bool typed: !modelData.locked && ["choice", "multi_choice", "bool"].indexOf(type) < 0
                        readonly property var chosen: ApplyBridge.values[key]
                        Layout.fillWidth: true
                        spacing: Theme.px(6)
                        Component.onCompleted: page.boxes[key] = box
                        function focusInput() { field.forceActiveFocus() }
                        readonly property Item input: field

                        Text {
                            Layout.fillWidth: true
                            text: box.modelData.label + (box.modelData.required ? "" : qsTr("（选填）"))
                            font.pixelSize: Theme.bodySize * 1.1
                            font.bold: true
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        // from the card: shown masked where it identifies the person, never editable
                        Rectangle {
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.targetSize
                            visible: box.modelData.locked
                            radius: Theme.radius
                            color: Theme.readOnlyFill
                            border.color: Theme.readOnlyBorder
                            border.width: Math.max(1, Theme.borderWidth)
                            RowLayout {
                                anchors { fill: parent; leftMargin: Theme.px(14); rightMargin: Theme.px(14) }
                                Text {
                                    objectName: "locked_" + box.key
                                    Layout.fillWidth: true
                                    text: box.modelData.shown
                                    font.pixelSize: Theme.bodySize * 1.1
                                    color: Theme.text
                                    textFormat: Text.PlainText
                                    elide: Text.ElideRight
                                }
                                Text {
                                    text: ApplyBridge.forOther ? qsTr("上一步已填写") : qsTr("来自身份证，不可修改")
                                    font.pixelSize: Theme.smallSize
                                    color: Theme.textMuted
                                    textFormat: Text.PlainText
                                }
                            }
                        }
                        TextField {
                            id: field
                            objectName: "field_" + box.key
                            Accessible.name: box.modelData.label
                            Accessible.description: box.modelData.help || ""
                            // kiosk: no cut/copy/paste menu, no selection dragged out of a field (lockdown)
                            ContextMenu.menu: null
                            selectByMouse: false
                            Layout.fillWidth: true
                            Layout.preferredHeight: box.type === "textarea" ? Theme.targetSize * 2 : Theme.targetSize + Theme.px(8)
                            visible: box.typed
                            font.pixelSize: Theme.bodySize * 1.1
                            leftPadding: Theme.px(14)
                            rightPadding: Theme.px(14)
                            inputMethodHints: FieldHints.forType(box.type)
                            placeholderText: page.placeholderFor(box.type)
                            background: Rectangle {
                                radius: Theme.radius
                                color: Theme.surface
                                border.color: box.error.length > 0 ? Theme.accent : field.activeFocus ? Theme.primary : Theme.border
                                border.width: field.activeFocus || box.error.length > 0 ? 3 : Math.max(2, Theme.borderWidth)
                            }
                            Component.onCompleted: text = box.modelData.initial
                            onTextChanged: if (box.typed) ApplyBridge.setValue(box.key, text)
                            onActiveFocusChanged: {
                                if (activeFocus) {
                                    page.focusedField = box
                                    page.reveal(box)
                                } else if (page.focusedField === box) {
                                    page.focusedField = null
                                }
                            }
                            onAccepted: page.next()
                        }
                        Flow {
                            Layout.fillWidth: true
                            visible: box.type === "choice" || box.type === "multi_choice" || box.type === "bool"
                            spacing: Theme.px(10)
                            Repeater {
                                model: box.type === "bool" ? [qsTr("是"), qsTr("否")] : box.modelData.choices
                                delegate: BigButton {
                                    required property var modelData
                                    required property int index
                                    readonly property bool selected: box.type === "multi_choice"
                                        ? (box.chosen !== undefined && box.chosen.indexOf(modelData) >= 0)
                                        : box.type === "bool" ? box.chosen === (index === 0) : box.chosen === modelData
                                    objectName: "choice_" + box.key + "_" + index
                                    visible: !box.modelData.locked
                                    primary: selected
                                    // the value recorded is the catalog's choice; the words shown are in the screen language
                                    text: (selected ? "✓ " : "")
                                          + (box.type === "bool" ? modelData : box.modelData.choiceLabels[index])
                                    onClicked: box.type === "multi_choice" ? ApplyBridge.toggle(box.key, modelData)
                                             : ApplyBridge.setValue(box.key, box.type === "bool" ? index === 0 : modelData)
                                }
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: box.modelData.help
                            font.pixelSize: Theme.smallSize
                            color: Theme.textMuted
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "fieldError_" + box.key
                            Layout.fillWidth: true
                            visible: box.error.length > 0
                            text: "! " + box.error
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.accent
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                    }
                }
                Item { Layout.preferredHeight: Theme.spacing }
            }
        }

        BigButton {
            objectName: "applyNext"
            Layout.fillWidth: true
            visible: !page.compact
            text: qsTr("下一步：核对信息")
            onClicked: page.next()
        }
    }
}
