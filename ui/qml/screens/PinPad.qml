pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskApp

// Staff PINs on a number pad (no keyboard on a kiosk), shown as dots. The check runs in Python off the GUI
// thread; the answer comes back as maintenance.pinResult. Setting a PIN asks for it twice.
ScreenPage {
    id: page
    // "maintenance" opens the staff mode; "staff_verify" records that staff checked the citizen's identity;
    // "change" sets a new maintenance PIN (forced after the shipped one); "set_verify" sets the verification PIN;
    // "desktop" asks the maintenance PIN once more before the kiosk leaves to the desktop
    readonly property string purpose: params.purpose || "maintenance"
    readonly property bool setting: purpose === "change" || purpose === "set_verify"
    readonly property int lockedFor: purpose === "staff_verify" ? MaintenanceBridge.verifyLockedFor : MaintenanceBridge.lockedFor
    readonly property bool unavailable: purpose === "staff_verify" && !MaintenanceBridge.verifyAvailable
    title: purpose === "staff_verify" ? qsTr("工作人员核验身份")
         : purpose === "change" ? qsTr("设置维护密码")
         : purpose === "set_verify" ? qsTr("设置核验密码")
         : purpose === "desktop" ? qsTr("退出到桌面") : qsTr("维护模式")
    prompt: qsTr("请工作人员输入密码")
    property string pin: ""
    property string firstPin: ""
    property string outcome: ""
    Component.onCompleted: MaintenanceBridge.begin(purpose)  // staff vouch for the card read shown now

    function press(key) {
        if (MaintenanceBridge.checking)
            return
        page.outcome = ""
        if (key === "⌫")
            page.pin = page.pin.slice(0, -1)
        else if (key === "✓") {
            if (page.setting && page.firstPin === "") {
                page.firstPin = page.pin
            } else if (page.setting) {
                MaintenanceBridge.submit(page.purpose, page.firstPin, page.pin)
                page.firstPin = ""
            } else {
                MaintenanceBridge.submit(page.purpose, page.pin)
            }
            page.pin = ""
        } else if (page.pin.length < 12)
            page.pin += key
    }

    Connections {
        target: MaintenanceBridge
        function onPinResult(purpose, outcome) {
            if (purpose !== page.purpose || !page.visible)
                return
            page.outcome = outcome
            if (outcome === "ok" && purpose === "staff_verify")
                ApplyBridge.afterIdentified()
        }
    }

    // portrait: one column; landscape: what to type on the left, the pad on the right (both fit the height)
    GridLayout {
        id: grid
        anchors.centerIn: parent
        width: Math.min(parent.width, Theme.px(Theme.landscape ? 900 : 480))
        columns: Theme.landscape ? 2 : 1
        columnSpacing: Theme.px(40)
        rowSpacing: Theme.spacing

        ColumnLayout {
            id: words
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.px(420)
            spacing: Theme.spacing

            Text {
                objectName: "pinPrompt"
                Layout.fillWidth: true
                // room for two lines whatever the step says, so the pad never moves under a finger
                Layout.minimumHeight: Theme.titleSize * 2.8
                verticalAlignment: Text.AlignVCenter
                text: page.purpose === "staff_verify" ? qsTr("请工作人员核对证件与本人后输入核验密码")
                    : page.setting && page.firstPin !== "" ? qsTr("请再次输入新密码")
                    : page.purpose === "change" && page.params.forced ? qsTr("出厂密码只能用来设置新密码。请输入新的维护密码（6–12 位数字）。")
                    : page.purpose === "change" ? qsTr("请输入新的维护密码（6–12 位数字）")
                    : page.purpose === "set_verify" ? qsTr("请输入新的核验密码（6–12 位数字，不能与维护密码相同）")
                    : page.purpose === "desktop" ? qsTr("再次输入维护密码，确认退出到桌面")
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
                visible: !page.unavailable
                text: MaintenanceBridge.checking ? qsTr("正在核对…") : ("●".repeat(page.pin.length) || " ")
                font.pixelSize: Theme.titleSize
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
            }
            Text {
                objectName: "pinMessage"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.bodySize * 2.8
                verticalAlignment: Text.AlignVCenter
                text: page.lockedFor >= 60 ? qsTr("错误次数过多，请 %1 分钟后再试。").arg(Math.ceil(page.lockedFor / 60))
                    : page.lockedFor > 0 ? qsTr("错误次数过多，请 %1 秒后再试。").arg(page.lockedFor)
                    : page.unavailable ? qsTr("核验密码尚未设置，请到窗口办理，或请工作人员在维护模式中设置。")
                    : page.outcome === "wrong" ? qsTr("密码不正确。")
                    : page.outcome === "mismatch" ? qsTr("两次输入不一致，请重新设置。")
                    : page.outcome === "weak" ? qsTr("这个密码太容易猜到，请换一个（6–12 位数字，不要重复或连续的数字）。")
                    : page.outcome === "reused" ? qsTr("核验密码不能与维护密码相同。")
                    : page.outcome === "not_saved" ? qsTr("新密码未能保存，原密码仍然有效，请查看设备诊断。")
                    : page.outcome === "not_allowed" ? qsTr("请先输入维护密码。") : ""
                font.pixelSize: Theme.bodySize
                color: Theme.accent
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            Layout.rowSpan: Theme.landscape ? 2 : 1
            visible: !page.unavailable
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
                    enabled: !MaintenanceBridge.checking && page.lockedFor === 0
                    font.pixelSize: Theme.titleSize
                    onClicked: page.press(modelData)
                }
            }
        }
        BigButton {
            objectName: "pinCancel"
            // landscape: under the words on the left, so Tab meets it before the pad, as the eye does
            parent: Theme.landscape ? words : grid
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("取消")
            primary: false
            onClicked: ["staff_verify", "set_verify", "desktop"].includes(page.purpose) ? Shell.back() : Shell.endSession()
        }
    }
}
