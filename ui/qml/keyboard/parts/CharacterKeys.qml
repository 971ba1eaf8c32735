import QtQuick
import QtQuick.VirtualKeyboard.Components

// One key per character of `characters`, in order, inside a keyboard row (each key sends its character).
Repeater {
    id: keys
    property string characters: ""
    model: keys.characters.split("")
    delegate: Key {
        required property string modelData
        text: modelData
    }
}
