import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import "../../parts"

// Pinyin: QWERTY with the syllable mark ('), Chinese punctuation and a key for digits and signs; the candidates
// show above the keys. No language key: the kiosk's own language button chooses.
KeyboardLayout {
    function createInputMethod() {
        return Qt.createQmlObject("import QtQuick; import QtQuick.VirtualKeyboard.Plugins; PinyinInputMethod {}",
                                  parent, "pinyinInputMethod")
    }
    sharedLayouts: ["symbols"]
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
        Key { weight: 240; text: "'"; key: Qt.Key_Apostrophe }
        CharacterKeys { characters: "zxcvbnm" }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: qsTr("符号") }
        Key { text: "，"; key: Qt.Key_Comma }
        SpaceKey { weight: 560 }
        Key { text: "。"; key: Qt.Key_Period }
        HideKeyboardKey { weight: 240 }
        EnterKey { weight: 240 }
    }
}
