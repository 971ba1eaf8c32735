import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import "../../parts"

// Latin letters (English mode, Latin-only fields): QWERTY in four rows. No language key: the kiosk's own
// language button chooses; keys are sized by the kiosk style.
KeyboardLayout {
    keyWeight: 160
    KeyboardRow {
        CharacterKeys { characters: "qwertyuiop" }
    }
    KeyboardRow {
        FillerKey { weight: 80 }
        CharacterKeys { characters: "asdfghjkl" }
        FillerKey { weight: 80 }
    }
    KeyboardRow {
        ShiftKey { weight: 240 }
        CharacterKeys { characters: "zxcvbnm" }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: qsTr("符号") }
        Key { text: "," }
        SpaceKey { weight: 560 }
        Key { text: "." }
        HideKeyboardKey { weight: 240 }
        EnterKey { weight: 240 }
    }
}
