pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The items of one theme, life event or department; a tap opens the item's guide.
ScreenPage {
    id: page
    title: page.params.title || ""
    prompt: qsTr("请点您要办的事项，查看怎么办")
    readonly property var rows: CatalogBridge.revision >= 0 ? CatalogBridge.items(page.params.kind || "", page.params.code || "") : []

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Text {
            Layout.fillWidth: true
            text: qsTr("共 %1 项，点选查看要带的材料").arg(page.rows.length)
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list
            objectName: "catalogItems"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => rows.step(event, 1)
            Keys.onBacktabPressed: (event) => rows.step(event, -1)
            TabbedRows { id: rows; view: list }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(10)
            model: page.rows
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: KioskScrollBar { }  // shows there is more below
            delegate: ItemRow {
                required property var modelData
                objectName: "item_" + modelData.code
                width: list.width - Theme.scrollRoom
                name: modelData.name
                department: modelData.department
                handling: modelData.handling
                here: modelData.here
                hereLabel: CatalogBridge.hereLabel
                onClicked: Shell.open("guide", { code: modelData.code })
            }
        }
    }
}
