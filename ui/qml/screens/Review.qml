pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Everything about to be submitted, once more, and the consent the citizen must give before submitting.
ScreenPage {
    id: page
    title: qsTr("核对申请信息")
    prompt: ApplyBridge.proxyLine.length > 0
            ? qsTr("核对代办申请。请看一遍，拍好授权委托书，勾选同意，再点“确认提交”")
            : qsTr("核对申请信息。请看一遍，勾选同意，再点“确认提交”")

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
                    text: ApplyBridge.serviceName
                    font.pixelSize: Theme.bodySize * 1.2
                    font.bold: true
                    color: Theme.primaryDark
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
                // 亲友代办: who applies for whom, masked (the screen is seen by whoever stands behind)
                MessagePanel {
                    objectName: "reviewProxy"
                    speaks: false  // the prompt says this is an application for someone else
                    Layout.fillWidth: true
                    visible: ApplyBridge.proxyLine.length > 0
                    kind: "info"
                    text: ApplyBridge.proxyLine
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
                            model: ApplyBridge.reviewRows
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
                            model: ApplyBridge.reviewRows
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
                // materials the camera can take: optional, saves bringing copies (the guide promised it)
                Rectangle {
                    objectName: "reviewMaterials"
                    Layout.fillWidth: true
                    visible: MaterialsBridge.items.length > 0
                    Layout.preferredHeight: visible ? photoList.implicitHeight + Theme.px(32) : 0
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.borderWidth)
                    ColumnLayout {
                        id: photoList
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                        spacing: Theme.px(10)
                        Text {
                            Layout.fillWidth: true
                            text: ApplyBridge.proxyLine.length > 0
                                  ? qsTr("材料拍照：代办必须拍摄授权委托书；其他材料可选，拍好的随申请一起提交")
                                  : qsTr("材料拍照（可选）：拍好的材料随申请一起提交，可不再带复印件")
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        Repeater {
                            model: MaterialsBridge.items
                            delegate: RowLayout {
                                id: photoRow
                                required property var modelData
                                Layout.fillWidth: true
                                spacing: Theme.px(12)
                                Text {
                                    Layout.fillWidth: true
                                    text: photoRow.modelData.required ? qsTr("%1（必须拍摄）").arg(photoRow.modelData.name)
                                                                      : photoRow.modelData.name
                                    font.pixelSize: Theme.bodySize
                                    color: Theme.text
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    objectName: "reviewPhotoCount_" + photoRow.modelData.index
                                    text: photoRow.modelData.count > 0 ? qsTr("已拍%1张").arg(photoRow.modelData.count) : qsTr("未拍")
                                    font.pixelSize: Theme.bodySize
                                    color: photoRow.modelData.count > 0 ? Theme.ok : Theme.textMuted
                                    textFormat: Text.PlainText
                                }
                                BigButton {
                                    objectName: "reviewPhoto_" + photoRow.modelData.index
                                    primary: false
                                    text: photoRow.modelData.count > 0 ? qsTr("补拍") : qsTr("拍照")
                                    onClicked: MaterialsBridge.open(photoRow.modelData.index)
                                }
                            }
                        }
                    }
                }
                MessagePanel {
                    objectName: "reviewProblem"
                    Layout.fillWidth: true
                    visible: ApplyBridge.submitState === "failed" && ApplyBridge.submitProblem.length > 0
                    kind: "error"
                    text: ApplyBridge.submitProblem
                }
                MessagePanel {
                    objectName: "reviewNoQueue"
                    Layout.fillWidth: true
                    visible: !ApplyBridge.queueAvailable
                    kind: "error"
                    text: ApplyBridge.queueProblem
                }
                RowLayout {
                    Layout.alignment: Qt.AlignHCenter
                    visible: ApplyBridge.submitState === "busy"
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

        // the consent sits right above the submit button, never below the fold, and the button says why it waits
        CheckBox {
            id: consent
            objectName: "reviewConsent"
            Layout.fillWidth: true
            padding: Theme.px(8)
            spacing: Theme.px(14)
            font.pixelSize: Theme.bodySize
            // worded by the core: a helper applying for someone promises as a helper, not as 本人
            text: MaterialsBridge.total > 0 ? ApplyBridge.consent.photos : ApplyBridge.consent.plain
            // a keyboard or switch ticks it with Enter as with Space, and sees where it is
            Keys.onReturnPressed: consent.toggle()
            Keys.onEnterPressed: consent.toggle()
            FocusRing { }
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
        Text {
            objectName: "reviewSubmitWhy"
            Layout.fillWidth: true
            visible: !consent.checked && ApplyBridge.submitState !== "done"
            horizontalAlignment: Text.AlignRight
            text: qsTr("勾选上面的“我已阅读并同意”后，才能提交")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.warning
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
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
                onClicked: Shell.back()
            }
            BigButton {
                objectName: "reviewSubmit"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: consent.checked && ApplyBridge.submitState !== "busy" && ApplyBridge.submitState !== "done" && ApplyBridge.queueAvailable
                tint: Theme.ok
                text: qsTr("确认提交")
                onClicked: ApplyBridge.submit(consent.checked)
            }
        }
    }
}
