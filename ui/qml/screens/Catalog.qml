pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Browse the catalog: most used items, or tiles by theme, life event and department.
ScreenPage {
    id: page
    title: page.params.purpose === "ticket" ? qsTr("取号：选择事项") : qsTr("办事指南")
    prompt: page.params.purpose === "ticket" ? qsTr("取号。请点您要办的事项") : qsTr("办事指南。请点一个分类，再点事项")
    property string view: page.params.view || "theme"

    readonly property var tabs: [
        { key: "most_used", title: qsTr("常用事项") },
        { key: "theme", title: qsTr("按主题") },
        { key: "life_event", title: qsTr("人生事件") },
        { key: "department", title: qsTr("按部门") }
    ]
    readonly property var groups: page.view === "theme" ? CatalogBridge.themes
                                : page.view === "life_event" ? CatalogBridge.lifeEvents
                                : page.view === "department" ? CatalogBridge.departments : []
    readonly property int columns: Theme.landscape ? (Theme.elderly ? 3 : 4) : 2

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        MessagePanel {
            Layout.fillWidth: true
            visible: page.params.purpose === "ticket"
            text: qsTr("请选择要办理的事项，在办事指南页点“取号”")
            detail: qsTr("先看清要带的材料，可少跑一趟")
        }
        BigButton {
            // a visitor who does not know which service they need still gets a number: the general desk's
            objectName: "catalogGeneralTicket"
            visible: page.params.purpose === "ticket" && TicketBridge.generalDesk
            Layout.fillWidth: true
            text: qsTr("不确定办什么？取综合咨询号")
            onClicked: { TicketBridge.offer(""); Shell.open("take_number", { code: "" }) }
        }

        BigButton {
            objectName: "catalogSearch"
            visible: !Theme.landscape  // landscape: in the tab row, to leave the height to the tiles
            Layout.fillWidth: true
            primary: false
            text: qsTr("搜索事项（可输入拼音首字母，如 gjj）")
            onClicked: Shell.open("search", { text: "" })
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            BigButton {
                objectName: "catalogSearch"
                visible: Theme.landscape
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                primary: false
                text: qsTr("搜索事项（可输入拼音首字母，如 gjj）")
                onClicked: Shell.open("search", { text: "" })
            }
            Repeater {
                model: page.tabs
                delegate: BigButton {
                    required property var modelData
                    objectName: "catalogTab_" + modelData.key
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1  // equal widths whatever the label length
                    primary: page.view === modelData.key
                    text: modelData.title
                    onClicked: page.view = modelData.key
                }
            }
        }

        GridView {
            id: grid
            objectName: "catalogGroups"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => groupRows.step(event, 1)
            Keys.onBacktabPressed: (event) => groupRows.step(event, -1)
            TabbedRows { id: groupRows; view: grid }
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.view !== "most_used"
            clip: true
            model: page.groups
            // room for the scroll bar only when there is more than fits
            readonly property bool scrolls: Math.ceil(count / page.columns) * cellHeight > height
            cellWidth: Math.floor((width - (scrolls ? Theme.scrollRoom : 0)) / page.columns)
            cellHeight: Theme.px(Theme.elderly ? 170 : 132)  // two lines of name, one of hint, the count
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: KioskScrollBar { }  // shows there is more below
            delegate: Item {
                id: cell
                required property var modelData
                width: grid.cellWidth
                height: grid.cellHeight
                readonly property Item tabTarget: tile
                GroupTile {
                    id: tile
                    focusPolicy: Qt.NoFocus  // reached through the grid (TabbedRows)
                    objectName: "group_" + cell.modelData.kind + "_" + cell.modelData.code
                    anchors { fill: parent; rightMargin: Theme.px(10); bottomMargin: Theme.px(10) }
                    text: cell.modelData.title
                    hint: cell.modelData.hint
                    count: cell.modelData.count
                    onClicked: Shell.open("items", { kind: cell.modelData.kind, code: cell.modelData.code,
                                                          title: cell.modelData.title })
                }
            }
        }

        ListView {
            id: list
            objectName: "catalogMostUsed"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => mostUsedRows.step(event, 1)
            Keys.onBacktabPressed: (event) => mostUsedRows.step(event, -1)
            TabbedRows { id: mostUsedRows; view: list }
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.view === "most_used"
            clip: true
            spacing: Theme.px(10)
            model: CatalogBridge.mostUsed
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
