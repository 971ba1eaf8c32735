pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Identified without a chosen service: the items that can be applied for at this terminal.
ScreenPage {
    id: page
    title: qsTr("请选择要申请的事项")
    prompt: qsTr("请点您要申请的事项")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("以下事项可以在本机直接申请，点一下开始填写")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        MessagePanel {
            objectName: "applyChooseNoQueue"
            Layout.fillWidth: true
            visible: !ApplyBridge.queueAvailable
            kind: "error"
            text: ApplyBridge.queueProblem
        }
        ListView {
            id: list
            objectName: "applyChooseList"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => rows.step(event, 1)
            Keys.onBacktabPressed: (event) => rows.step(event, -1)
            TabbedRows { id: rows; view: list }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(10)
            model: ApplyBridge.services
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator { }
            delegate: ItemRow {
                required property var modelData
                objectName: "applyChoose_" + modelData.code
                width: list.width
                name: modelData.name
                department: modelData.department
                handling: modelData.handling
                here: true
                onClicked: Qt.callLater(ApplyBridge.choose, modelData.code)
            }
        }
    }
}
