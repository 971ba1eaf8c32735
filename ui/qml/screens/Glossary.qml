pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// 词语解释: the official words of the guides, each in one everyday sentence (assets/glossary/terms.toml).
ScreenPage {
    id: page
    title: qsTr("词语解释")
    prompt: qsTr("词语解释。这里用平常的话说明办事常见的词，看完请点返回")

    // opened at one term (the progress screen's "“受理”是什么意思？"): that term shows first, marked
    readonly property string asked: page.params.term || ""
    StackView.onActivated: {
        GlossaryBridge.load()
        const at = GlossaryBridge.terms.findIndex(t => t.key === page.asked)
        if (at >= 0)
            list.positionViewAtIndex(at, ListView.Beginning)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        MessagePanel {
            objectName: "glossaryProblem"
            Layout.fillWidth: true
            visible: GlossaryBridge.problem.length > 0
            kind: "error"
            text: GlossaryBridge.problem
        }
        ListView {
            id: list
            objectName: "glossaryTerms"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(10)
            model: GlossaryBridge.terms
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: KioskScrollBar { }  // shows there is more below
            delegate: Rectangle {
                id: row
                required property var modelData
                required property int index
                objectName: "glossaryTerm_" + index
                readonly property bool asked: row.modelData.key === page.asked
                width: list.width - Theme.scrollRoom
                implicitHeight: words.implicitHeight + Theme.px(24)
                radius: Theme.radius
                color: row.asked ? Theme.primaryFill : Theme.surface
                border.color: row.asked ? Theme.primaryDark : Theme.border
                border.width: row.asked ? Math.max(3, 2 * Theme.borderWidth) : Math.max(1, Theme.borderWidth)
                Accessible.role: Accessible.StaticText
                Accessible.name: row.modelData.term
                Accessible.description: row.modelData.plain
                ColumnLayout {
                    id: words
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(12) }
                    spacing: Theme.px(4)
                    Text {
                        Layout.fillWidth: true
                        text: row.modelData.term
                        font.pixelSize: Theme.bodySize * 1.25
                        font.bold: true
                        color: Theme.primaryDark
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: row.modelData.plain
                        font.pixelSize: Theme.bodySize
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                        lineHeight: Theme.lineHeight
                    }
                }
            }
        }
    }
}
