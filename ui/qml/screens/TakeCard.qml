import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// The end of a visit while a card still lies on the reader: the visitor's data is already wiped; the attract
// screen comes back once the card is lifted, so the next visitor never finds it there.
ScreenPage {
    id: page
    title: ""
    prompt: qsTr("请取走身份证和回执")

    StackView.onActivated: {
        Voice.announce(qsTr("请取走身份证和回执"))
        Voice.beep()
    }
    Connections {
        target: IdentityBridge
        function onCardOnReaderChanged() { if (!IdentityBridge.cardOnReader) Shell.cardTaken() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2
        Item { Layout.fillHeight: true }
        CardReaderHint {
            animated: false
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(page.width * 0.6, Theme.px(360))
            Layout.preferredHeight: Layout.preferredWidth * 0.6
        }
        Text {
            objectName: "takeCardText"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("请取走身份证和回执")
            font.pixelSize: Theme.heroSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("本次服务已结束，您的信息已从本机清除。")
            font.pixelSize: Theme.bodySize * 1.2
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        Item { Layout.fillHeight: true }
    }
}
