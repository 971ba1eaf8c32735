import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The main menu: search plus the six services of the terminal.
ScreenPage {
    id: home
    title: ""
    prompt: qsTr("这是首页。请点您要办的事，也可以搜索")

    // glyphs go through qsTr for traditional Chinese (办 -> 辦); English keeps the Chinese glyph as the icon
    readonly property var entries: [
        { key: "guide", intent: "browse", params: { view: "theme" }, glyph: qsTr("指"), title: qsTr("办事指南"), subtitle: qsTr("查事项、看要带的材料"), tint: "#1565c0" },
        { key: "apply", intent: "apply", glyph: qsTr("办"), title: qsTr("我要办事"), subtitle: qsTr("刷身份证，在线申请"), tint: "#2e7d32" },
        { key: "progress", intent: "progress", glyph: qsTr("查"), title: qsTr("进度查询"), subtitle: qsTr("凭受理编号查办理进度"), tint: "#6a1b9a" },
        { key: "certificates", intent: "certificates", glyph: qsTr("印"), title: qsTr("证明打印"), subtitle: qsTr("打印各类证明材料"), tint: "#00838f" },
        { key: "ticket", intent: "browse", params: { view: "most_used", purpose: "ticket" }, glyph: qsTr("号"), title: qsTr("取号"), subtitle: qsTr("领取窗口排队号"), tint: "#ef6c00" },
        { key: "rating", intent: "rate", glyph: qsTr("评"), title: qsTr("评价"), subtitle: qsTr("好差评，说说您的感受"), tint: "#ad1457" }
    ]

    StackView.onActivated: search.clear()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: qsTr("您好，请选择要办理的业务")
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.Heading  // the page has no title of its own: this is its heading
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    text: Shell.siteName
                    font.pixelSize: Theme.bodySize
                    color: Theme.textMuted
                    textFormat: Text.PlainText
                }
            }
            Clock { size: Theme.px(16); visible: Theme.landscape }
        }

        TextField {
            id: search
            objectName: "homeSearch"
            Accessible.name: placeholderText
            // kiosk: no cut/copy/paste menu, no selection dragged out of a field (lockdown)
            ContextMenu.menu: null
            selectByMouse: false
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.targetSize + Theme.px(8)
            font.pixelSize: Theme.bodySize
            placeholderText: qsTr("搜索事项，如：身份证、公积金、gjj")
            inputMethodHints: Qt.ImhNoPredictiveText
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: search.activeFocus ? Theme.primary : Theme.border
                border.width: search.activeFocus ? 3 : Math.max(2, Theme.borderWidth)
            }
            // the search screen takes over as soon as something is typed (or Enter with pinyin still composing);
            // the field is emptied when home shows again, so the next visitor never sees it
            function openSearch(typed) { if (typed.length > 0 && Shell.currentScreen === "Home") Shell.open("search", { text: typed }) }
            onAccepted: openSearch(text + preeditText)
            onTextChanged: openSearch(text)
        }

        GridLayout {
            objectName: "homeGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: Theme.landscape ? 3 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                // outside service hours only what needs no application: the guide, progress, rating
                model: HoursBridge.open ? home.entries
                                        : home.entries.filter(e => ["guide", "progress", "rating"].indexOf(e.key) >= 0)
                delegate: Tile {
                    required property var modelData
                    objectName: "home_" + modelData.key
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    glyph: modelData.glyph
                    text: modelData.title
                    subtitle: modelData.subtitle
                    tint: modelData.tint
                    // what each tile is for is an intent; kiosk/flow.py says where it leads (applying and
                    // certificates start with identification: ID card + face check)
                    onClicked: Shell.open(modelData.intent, modelData.params || {})
                }
            }
        }
    }
}
