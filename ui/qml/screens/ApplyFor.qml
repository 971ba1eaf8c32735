pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Who the application is for (亲友代办), for items that allow it: the card holder themselves, or someone they apply
// for. A helper has identified with their own card and face; here they type the applicant's name, ID number,
// relation and phone on the on-screen keyboard, then the form opens filled with the applicant's data.
ScreenPage {
    id: page
    property bool other: false  // 为他人代办 chosen: the applicant's details show
    property string relation: ""
    title: qsTr("为谁办理")
    prompt: page.other ? qsTr("请输入申请人的姓名和身份证号。选择您和他的关系，再点“下一步”。")
                       : qsTr("请选择：为自己办理，还是替家人代办")
    spoken: Object.keys(ApplyForBridge.principalErrors).length > 0
            ? qsTr("有 %1 项需要修改，请看红色提示").arg(Object.keys(ApplyForBridge.principalErrors).length) : ""

    StackView.onDeactivating: page.forceActiveFocus()  // commits pinyin still being composed

    function next() {
        page.forceActiveFocus()
        if (ApplyForBridge.forSomeoneElse(nameField.text, idField.text, page.relation, phoneField.text))
            return
        // the first detail to fix, in screen order, scrolled into view
        const errors = ApplyForBridge.principalErrors
        const first = [[nameField, "name"], [idField, "id_number"], [relationRow, "relation"], [phoneField, "phone"]]
            .find(pair => errors[pair[1]] !== undefined)
        if (first)
            Qt.callLater(page.reveal, first[0])
    }
    // keeps the field being typed in above the keyboard (the page shrinks when the keyboard opens)
    function reveal(item) {
        const p = item.mapToItem(flick.contentItem, 0, 0)
        const gap = Theme.px(16)
        if (p.y - gap < flick.contentY)
            flick.contentY = Math.max(0, p.y - gap)
        else if (p.y + item.height + gap > flick.contentY + flick.height)
            flick.contentY = Math.min(flick.contentHeight - flick.height, p.y + item.height + gap - flick.height)
    }

    component Label: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.bodySize * 1.1
        font.bold: true
        color: Theme.text
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
    }
    component Problem: Text {
        property string key
        objectName: "principalError_" + key
        Layout.fillWidth: true
        visible: text.length > 0
        text: ApplyForBridge.principalErrors[key] ? "! " + ApplyForBridge.principalErrors[key] : ""
        font.pixelSize: Theme.bodySize
        font.bold: true
        color: Theme.accent
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        lineHeight: Theme.lineHeight
    }
    component Entry: TextField {
        id: entry
        property string key
        objectName: "principal_" + key
        // kiosk: no cut/copy/paste menu, no selection dragged out of a field (lockdown)
        ContextMenu.menu: null
        selectByMouse: false
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.targetSize + Theme.px(8)
        font.pixelSize: Theme.bodySize * 1.1
        leftPadding: Theme.px(14)
        rightPadding: Theme.px(14)
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: ApplyForBridge.principalErrors[entry.key] ? Theme.accent : entry.activeFocus ? Theme.primary : Theme.border
            border.width: entry.activeFocus || ApplyForBridge.principalErrors[entry.key] ? 3 : Math.max(2, Theme.borderWidth)
        }
        onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, entry)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Flickable {
            id: flick
            objectName: "applyForFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: col.implicitHeight + Theme.spacing
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator { }

            ColumnLayout {
                id: col
                width: flick.width
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: qsTr("这个事项可以由家人或他人代办。代办时，您刚才核验的是代办人（您自己）的身份。")
                    font.pixelSize: Theme.bodySize
                    color: Theme.textMuted
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    lineHeight: Theme.lineHeight
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: Theme.landscape ? 2 : 1
                    rowSpacing: Theme.spacing
                    columnSpacing: Theme.spacing
                    BigButton {
                        objectName: "applyForSelf"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        primary: !page.other
                        text: qsTr("本人办理") + "\n" + qsTr("为自己申请")
                        Accessible.name: qsTr("本人办理，为自己申请")
                        onClicked: ApplyForBridge.forSelf()
                    }
                    BigButton {
                        objectName: "applyForOther"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        primary: page.other
                        tint: Theme.ok
                        text: (page.other ? "✓ " : "") + qsTr("为他人代办") + "\n" + qsTr("替家人或他人申请")
                        Accessible.name: qsTr("为他人代办，替家人或他人申请")
                        onClicked: { page.other = true; Qt.callLater(nameField.forceActiveFocus) }
                    }
                }

                // the applicant's details: typed by the helper, checked when they go on
                Rectangle {
                    objectName: "principalPanel"
                    Layout.fillWidth: true
                    visible: page.other
                    Layout.preferredHeight: visible ? fields.implicitHeight + Theme.px(32) : 0
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.borderWidth)
                    ColumnLayout {
                        id: fields
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                        spacing: Theme.px(10)
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("请按申请人（被代办人）身份证上的信息填写。提交前还要拍摄申请人签名的授权委托书。")
                            font.pixelSize: Theme.bodySize
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                            lineHeight: Theme.lineHeight
                        }
                        Label { text: qsTr("申请人姓名") }
                        Entry {
                            id: nameField
                            key: "name"
                            Accessible.name: qsTr("申请人姓名")
                            inputMethodHints: Qt.ImhNoPredictiveText
                            placeholderText: qsTr("与身份证上一致")
                            onAccepted: idField.forceActiveFocus()
                        }
                        Problem { key: "name" }
                        Label { text: qsTr("申请人身份证号") }
                        Entry {
                            id: idField
                            key: "id_number"
                            Accessible.name: qsTr("申请人身份证号")
                            inputMethodHints: FieldHints.forType("id_number")
                            placeholderText: qsTr("18位，最后一位可能是X")
                            maximumLength: 20
                            onAccepted: phoneField.forceActiveFocus()
                        }
                        Problem { key: "id_number" }
                        Label { text: qsTr("您是申请人的") }
                        Flow {
                            id: relationRow
                            Layout.fillWidth: true
                            spacing: Theme.px(10)
                            Repeater {
                                model: ApplyForBridge.relations
                                delegate: BigButton {
                                    required property var modelData
                                    required property int index
                                    objectName: "relation_" + index
                                    primary: page.relation === modelData.value
                                    text: (primary ? "✓ " : "") + modelData.label
                                    Accessible.name: qsTr("关系：%1").arg(modelData.label)
                                    onClicked: { page.forceActiveFocus(); page.relation = modelData.value }
                                }
                            }
                        }
                        Problem { key: "relation" }
                        Label { text: qsTr("申请人手机号（选填）") }
                        Entry {
                            id: phoneField
                            key: "phone"
                            Accessible.name: qsTr("申请人手机号，选填")
                            inputMethodHints: FieldHints.forType("phone")
                            placeholderText: qsTr("11位手机号码")
                            maximumLength: 11
                            onAccepted: page.next()
                        }
                        Problem { key: "phone" }
                    }
                }
            }
        }
        // below the scrolling details, always in view
        BigButton {
            objectName: "principalNext"
            Layout.fillWidth: true
            visible: page.other
            text: qsTr("下一步：填写申请表")
            onClicked: page.next()
        }
    }
}
