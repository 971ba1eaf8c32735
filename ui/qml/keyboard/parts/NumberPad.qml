import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard.Components
import Kiosk

// A phone-style pad of big keys: 1-9, 0 and one optional key on each side of 0 ("X" for ID numbers, "-" and "."
// for dates and amounts); delete, hide and Enter on the right. No space, no language key.
KeyboardColumn {
    id: pad
    property string leftOfZero: ""
    property string rightOfZero: ""
    Layout.fillWidth: false
    Layout.preferredWidth: Math.min(parent.width, Theme.px(Theme.keyRowHeight * 7))
    Layout.alignment: Qt.AlignHCenter
    KeyboardRow {
        CharacterKeys { characters: "123" }
        BackspaceKey {}
    }
    KeyboardRow {
        CharacterKeys { characters: "456" }
        HideKeyboardKey {}
    }
    KeyboardRow {
        CharacterKeys { characters: "789" }
        EnterKey {}
    }
    KeyboardRow {
        Key { visible: pad.leftOfZero.length > 0; text: pad.leftOfZero }
        FillerKey { visible: pad.leftOfZero.length === 0 }
        Key { text: "0" }
        Key { visible: pad.rightOfZero.length > 0; text: pad.rightOfZero }
        FillerKey { visible: pad.rightOfZero.length === 0 }
        FillerKey {}
    }
}
