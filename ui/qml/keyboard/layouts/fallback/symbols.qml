import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import "../../parts"

// Digits and the signs people type in addresses, e-mails and numbers; one key back to the letters.
KeyboardLayout {
    keyWeight: 160
    KeyboardRow {
        CharacterKeys { characters: "1234567890" }
    }
    KeyboardRow {
        CharacterKeys { characters: "-/:;()@#&\"" }
    }
    KeyboardRow {
        CharacterKeys { characters: ".,?!'%*+_" }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: qsTr("字母") }
        SpaceKey { weight: 720 }
        HideKeyboardKey { weight: 240 }
        EnterKey { weight: 240 }
    }
}
