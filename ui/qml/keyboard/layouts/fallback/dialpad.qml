import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import QtQuick.VirtualKeyboard.Plugins
import "../../parts"

// Dialable numbers: digits and "+".
KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric
    keyWeight: 160
    NumberPad { leftOfZero: "+" }
}
