import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import QtQuick.VirtualKeyboard.Plugins
import "../../parts"

// Numbers with a format (dates, amounts): digits, "-" and ".".
KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric
    keyWeight: 160
    NumberPad { leftOfZero: "-"; rightOfZero: "." }
}
