import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import QtQuick.VirtualKeyboard.Plugins
import "../../parts"

// Digits only (phone, bank account, ID number): digits, and X when the field asks for capitals (an ID number's
// last character may be X).
KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric
    keyWeight: 160
    NumberPad { leftOfZero: InputContext.inputMethodHints & Qt.ImhPreferUppercase ? "X" : "" }
}
