import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk
import KioskApp

// The on-screen keyboard with the kiosk's own style (keys from the theme, bigger in elderly mode) and layouts (digit
// pads without space or language key): QtQuick/VirtualKeyboard/Styles/kiosk and keyboard/layouts. Main.qml loads it;
// `kiosk run` only once the attract screen is up, which has nothing to type into.
InputPanel {
    id: keyboard
    objectName: "inputPanel"
    Component.onCompleted: {
        VirtualKeyboardSettings.styleName = "kiosk"
        VirtualKeyboardSettings.layoutPath = Qt.resolvedUrl("keyboard/layouts")
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = Qt.binding(() => Shell.language === "en" ? "en_US" : "zh_CN")
    }
}
