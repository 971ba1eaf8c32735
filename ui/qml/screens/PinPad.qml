import QtQuick
import QtQuick.Layouts
import Kiosk

// Staff sign-in: a number pad (no keyboard on a kiosk), PIN shown as dots, lockout after repeated failures.
ScreenPage {
    id: page
    // "maintenance" opens the staff mode; "staff_verify" records that staff checked the citizen's identity
    readonly property string purpose: params.purpose || "maintenance"
    title: purpose === "staff_verify" ? qsTr("工作人员核验身份") : qsTr("维护模式")
    property string pin: ""
    property bool failed: false

    function press(key) {
        page.failed = false
        if (key === "⌫")
            page.pin = page.pin.slice(0, -1)
        else if (key === "✓") {
            const ok = page.purpose === "staff_verify" ? maintenance.verifyCitizen(page.pin)
                                                       : maintenance.enter(page.pin)
            page.pin = ""
            page.failed = !ok
            if (ok && page.purpose === "staff_verify")
                apply.afterIdentified()
        } else if (page.pin.length < 12)
            page.pin += key
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width, Theme.px(420))
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: page.purpose === "staff_verify" ? qsTr("请工作人员核对证件与本人后输入工作密码")
                                                  : qsTr("请输入维护密码")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.titleSize
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
        }
        Text {
            objectName: "pinDots"
            Layout.fillWidth: true
            text: "●".repeat(page.pin.length) || " "
            font.pixelSize: Theme.titleSize
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
        }
        Text {
            objectName: "pinMessage"
            Layout.fillWidth: true
            visible: page.failed || maintenance.lockedFor > 0
            text: maintenance.lockedFor > 0 ? qsTr("错误次数过多，请 %1 秒后再试。").arg(maintenance.lockedFor)
                                            : qsTr("密码不正确。")
            font.pixelSize: Theme.bodySize
            color: Theme.accent
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: 3
            rowSpacing: Theme.px(10)
            columnSpacing: Theme.px(10)
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "✓"]
                delegate: BigButton {
                    required property string modelData
                    objectName: "pin_" + (modelData === "⌫" ? "del" : modelData === "✓" ? "ok" : modelData)
                    Layout.preferredWidth: Theme.px(110)
                    Layout.preferredHeight: Theme.px(80)
                    text: modelData
                    primary: modelData === "✓"
                    font.pixelSize: Theme.titleSize
                    onClicked: page.press(modelData)
                }
            }
        }
        BigButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("取消")
            primary: false
            onClicked: page.purpose === "staff_verify" ? shell.back() : shell.endSession()
        }
    }
}
