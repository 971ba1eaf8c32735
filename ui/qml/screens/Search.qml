pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Search as you type (Chinese, pinyin, initials); "no result" offers the themes and staff help.
ScreenPage {
    id: page
    title: qsTr("搜索事项")
    prompt: qsTr("搜索事项。请输入事项名称或拼音")

    // pinyin still being composed counts too: "gjj" finds 公积金 before a character is chosen; the keyboard
    // shows the composition split into syllables ("g j j", "gong'ji"), the separators are not what was typed
    function update() { CatalogBridge.search(field.text + field.preeditText.replace(/[\s']/g, "")) }
    // the results into the rows the list already has, in place: a keystroke refills rows instead of building
    // every row again (a new list as the model would), only the difference in count is added or removed
    function showResults() {
        const results = CatalogBridge.results
        for (let i = 0; i < results.length; ++i) {
            if (i < resultRows.count)
                resultRows.set(i, results[i])
            else
                resultRows.append(results[i])
        }
        if (resultRows.count > results.length)
            resultRows.remove(results.length, resultRows.count - results.length)
    }
    ListModel { id: resultRows }
    Connections {
        target: CatalogBridge
        function onSearchChanged() { page.showResults() }
        function onChanged() { page.showResults() }  // another language, an updated catalog
    }
    // leaving for a guide: keep what was typed (commit the pinyin) and put the keyboard away
    StackView.onDeactivating: field.focus = false  // losing the focus commits the pinyin being composed
    Component.onCompleted: {
        field.text = page.params.text || ""
        page.update()
        page.showResults()  // the bridge may hold this text's results already (then update() changed nothing)
        field.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(10)
            TextField {
                id: field
                objectName: "searchField"
                Accessible.name: placeholderText
                // kiosk: no cut/copy/paste menu, no selection dragged out of a field (lockdown)
                ContextMenu.menu: null
                selectByMouse: false
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.targetSize + Theme.px(8)
                font.pixelSize: Theme.bodySize * 1.15
                placeholderText: qsTr("输入事项名称、拼音或首字母")
                inputMethodHints: Qt.ImhNoPredictiveText
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: field.activeFocus ? Theme.primary : Theme.border
                    border.width: field.activeFocus ? 3 : Math.max(2, Theme.borderWidth)
                }
                onTextChanged: page.update()
                onPreeditTextChanged: page.update()
            }
            BigButton {
                objectName: "searchClear"
                visible: field.text.length + field.preeditText.length > 0
                primary: false
                text: qsTr("清空")
                onClicked: { field.clear(); page.update(); field.forceActiveFocus() }
            }
        }

        Text {
            Layout.fillWidth: true
            visible: CatalogBridge.query.length === 0
            text: qsTr("例如：身份证、公积金提取、结婚登记、gjj、sfz")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list
            objectName: "searchResults"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => rows.step(event, 1)
            Keys.onBacktabPressed: (event) => rows.step(event, -1)
            TabbedRows { id: rows; view: list }
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !CatalogBridge.noResult
            clip: true
            spacing: Theme.px(10)
            model: resultRows
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: KioskScrollBar { }  // shows there is more below
            delegate: ItemRow {
                id: result
                required property string code
                required name
                required department
                required handling
                required here
                objectName: "result_" + code
                width: list.width - Theme.scrollRoom
                hereLabel: CatalogBridge.hereLabel
                // after the click has been handled: navigating may rebuild this list
                onClicked: Qt.callLater(Shell.open, "guide", { code: result.code })
            }
        }

        // no result: a way forward, never a dead end
        Flickable {
            objectName: "searchNoResult"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: CatalogBridge.noResult
            clip: true
            contentHeight: help.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: help
                width: parent.width
                spacing: Theme.spacing
                MessagePanel {
                    objectName: "searchNoResultPanel"
                    Layout.fillWidth: true
                    text: qsTr("没有找到“%1”").arg(CatalogBridge.query)
                    detail: qsTr("换个说法试试，或按主题查找；也可以请工作人员帮忙，服务热线 %1。").arg(Shell.hotline)
                }
                Text {
                    text: qsTr("按主题查找")
                    font.pixelSize: Theme.bodySize * 1.15
                    font.bold: true
                    color: Theme.text
                    textFormat: Text.PlainText
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.px(10)
                    Repeater {
                        model: CatalogBridge.themes
                        delegate: BigButton {
                            required property var modelData
                            objectName: "noResultTheme_" + modelData.code
                            primary: false
                            text: modelData.title
                            onClicked: Shell.open("items", { kind: modelData.kind, code: modelData.code,
                                                                  title: modelData.title })
                        }
                    }
                }
            }
        }
    }
}
