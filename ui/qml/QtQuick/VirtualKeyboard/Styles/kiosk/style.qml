import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Kiosk

// The kiosk's on-screen keyboard style (VirtualKeyboardSettings.styleName "kiosk"): sizes in dp from the theme,
// so keys and labels grow in elderly mode; light keys with dark words; function keys say what they do in words.
KeyboardStyle {
    id: style

    // the panel is Theme.keyboardWidth dp wide (Main.qml): designing in dp makes its height keyboardHeight dp
    keyboardDesignWidth: Theme.keyboardWidth
    keyboardDesignHeight: Theme.keyboardHeight
    keyboardRelativeLeftMargin: 4 / keyboardDesignWidth
    keyboardRelativeRightMargin: 4 / keyboardDesignWidth
    keyboardRelativeTopMargin: 4 / keyboardDesignHeight
    keyboardRelativeBottomMargin: 4 / keyboardDesignHeight

    keyboardBackground: Rectangle { color: Theme.keyboardBackground }

    // one key cap: a rounded face inset in the key's touch area, its words centred
    component Cap: KeyPanel {
        id: cap
        property string label: ""
        property bool function_: false  // a function key (delete, shift, hide...): tinted apart from letters
        property bool strong: false  // Enter: the primary colour
        property bool lit: false  // shift or caps lock on
        property bool letter: false  // a character key: shown in capitals while shift is on (words never are)
        readonly property bool down: cap.control !== null && cap.control.pressed
        Rectangle {
            anchors { fill: parent; margins: Theme.px(3) }
            radius: Theme.px(8)
            color: cap.down || cap.strong || cap.lit ? Theme.primary : cap.function_ ? Theme.primaryFill : Theme.surface
            border.color: Theme.elderly ? Theme.text : "#8a97a8"
            border.width: Theme.elderly ? 2 : 1
            opacity: cap.control !== null && !cap.control.enabled ? 0.5 : 1
            Text {
                anchors.fill: parent
                text: cap.label
                font.pixelSize: Theme.keyLabelSize
                font.bold: cap.function_ || cap.strong
                font.capitalization: cap.letter && cap.control !== null && cap.control.uppercased ? Font.AllUppercase
                                                                                               : Font.MixedCase
                color: cap.down || cap.strong || cap.lit ? Theme.primaryText : cap.function_ ? Theme.primaryDark : Theme.text
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                textFormat: Text.PlainText
            }
        }
    }

    keyPanel: Cap { letter: true; label: control ? control.displayText : "" }
    backspaceKeyPanel: Cap { function_: true; label: qsTr("删除") }
    enterKeyPanel: Cap { strong: true; label: control && control.displayText.length > 0 ? control.displayText : qsTr("确定") }
    hideKeyPanel: Cap { function_: true; label: qsTr("收起") }
    spaceKeyPanel: Cap { label: qsTr("空格") }
    shiftKeyPanel: Cap {
        function_: true
        lit: InputContext.capsLockActive || InputContext.shiftActive
        label: InputContext.capsLockActive ? qsTr("大写锁定") : qsTr("大写")
    }
    // the symbol key names where it leads: digits and signs, or back to the letters
    symbolKeyPanel: Cap { function_: true; label: control ? control.displayText : "" }
    modeKeyPanel: Cap { function_: true; label: control ? control.displayText : "" }
    languageKeyPanel: Cap { function_: true; label: control ? control.displayText : "" }

    characterPreviewMargin: Theme.px(4)
    characterPreviewDelegate: Item {
        id: preview
        property string text
        Rectangle {
            anchors.fill: parent
            radius: Theme.px(8)
            color: Theme.primary
            Text {
                anchors.centerIn: parent
                text: preview.text
                font.pixelSize: Theme.keyLabelSize * 1.4
                color: Theme.primaryText
                textFormat: Text.PlainText
            }
        }
    }

    // pinyin candidates: as readable as the keys
    selectionListHeight: Theme.px(Theme.elderly ? 68 : 56)
    selectionListDelegate: SelectionListItem {
        id: candidate
        width: word.implicitWidth + Theme.px(32)
        Text {
            id: word
            anchors.centerIn: parent
            // the candidate list hands each candidate its word as the context property `display`
            // qmllint disable unqualified
            text: display
            // qmllint enable unqualified
            font.pixelSize: Theme.keyLabelSize
            color: Theme.text
            textFormat: Text.PlainText
        }
        Rectangle {
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            width: 1
            height: parent.height * 0.5
            color: Theme.border
        }
    }
    selectionListHighlight: Rectangle { color: Theme.primaryFill; border.color: Theme.primary; border.width: 2 }
    selectionListBackground: Rectangle { color: Theme.surface; border.color: Theme.border; border.width: 1 }
}
