import QtQuick
import QtQuick.Controls
import Kiosk

// A touch button that is never smaller than the theme's target size.
Button {
    id: control
    property bool primary: true
    property color tint: Theme.primary
    implicitHeight: Math.max(Theme.targetSize, contentItem.implicitHeight + Theme.px(16))
    implicitWidth: Math.max(Theme.targetSize * 2, contentItem.implicitWidth + Theme.px(32))
    font.pixelSize: Theme.bodySize
    opacity: enabled ? 1 : 0.45  // a button that cannot be pressed now must look it
    contentItem: Text {
        text: control.text
        font: control.font
        textFormat: Text.PlainText
        color: control.primary ? Theme.primaryText : control.tint
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Qt.darker(control.tint, 1.3) : control.tint)
                               : (control.down ? "#e3e9f2" : Theme.surface)
        border.color: control.tint
        border.width: control.primary ? 0 : Math.max(2, Theme.borderWidth)
    }
}
