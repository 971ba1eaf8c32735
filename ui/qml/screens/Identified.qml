import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// After a passed face check: who is identified (masked only) and the way on to the application form.
ScreenPage {
    id: page
    title: qsTr("身份核验通过")
    prompt: qsTr("身份核验通过。请点“继续”")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Item { Layout.fillHeight: true }
        // the tick and the words side by side: the screen must fit a landscape display in elderly mode
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            Rectangle {
                Layout.preferredWidth: Theme.px(Theme.elderly ? 72 : 60)
                Layout.preferredHeight: Layout.preferredWidth
                radius: width / 2
                color: Theme.ok
                Text {
                    anchors.centerIn: parent
                    text: "✓"
                    font.pixelSize: parent.width * 0.6
                    font.bold: true
                    color: "white"
                    textFormat: Text.PlainText
                }
            }
            Text {
                Layout.maximumWidth: page.width - 2 * Theme.margin - Theme.px(100)
                text: qsTr("您的身份已核验")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        // masked fields only: the full name and number never reach the screen
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(page.width - 2 * Theme.margin, Theme.px(520))
            Layout.preferredHeight: facts.implicitHeight + Theme.px(40)
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: Math.max(1, Theme.borderWidth)
            GridLayout {
                id: facts
                anchors { fill: parent; margins: Theme.px(20) }
                columns: 2
                rowSpacing: Theme.px(12)
                columnSpacing: Theme.px(20)
                Text { text: qsTr("姓名"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                Text {
                    objectName: "identifiedName"
                    Layout.fillWidth: true
                    text: IdentityBridge.maskedName
                    font.pixelSize: Theme.bodySize * 1.2; font.bold: true; color: Theme.text
                    textFormat: Text.PlainText; wrapMode: Text.WrapAnywhere
                }
                Text { text: qsTr("证件号码"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                Text {
                    objectName: "identifiedNumber"
                    Layout.fillWidth: true
                    text: IdentityBridge.maskedNumber
                    font.pixelSize: Theme.bodySize * 1.2; font.bold: true; color: Theme.text
                    textFormat: Text.PlainText; wrapMode: Text.WrapAnywhere
                }
                Text { text: qsTr("有效期至"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                Text {
                    Layout.fillWidth: true
                    text: IdentityBridge.validTo === "长期" ? qsTr("长期") : IdentityBridge.validTo
                    font.pixelSize: Theme.bodySize * 1.2; color: Theme.text
                    textFormat: Text.PlainText
                }
            }
        }
        Text {
            objectName: "identifiedNext"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: ApplyBridge.purpose === "certificates" ? qsTr("下一步选择要打印的证明")
                : ApplyBridge.purpose === "progress" ? qsTr("下一步查看您名下全部办件的进度")
                                                   : qsTr("下一步填写申请表，表中信息已按证件预先填好")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        BigButton {
            objectName: "identifiedContinue"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.px(280)
            text: qsTr("继续")
            onClicked: ApplyBridge.afterIdentified()  // certificates, the form of the service chosen before, or the list
        }
        Item { Layout.fillHeight: true }
    }
}
