import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// A touch button that is never smaller than the theme's target size. One that cannot be pressed now turns grey
// (its words still read) and says why when given a `reason` ("请先输入受理编号").
Button {
    id: control
    property bool primary: true
    property color tint: Theme.primary
    property string reason: ""
    // the tint as given may be too light for white words (orange): darkened until they read
    readonly property color fill: Theme.solid(control.tint)
    implicitHeight: Math.max(Theme.targetSize, contentItem.implicitHeight + Theme.px(16))
    implicitWidth: Math.max(Theme.targetSize * 2, contentItem.implicitWidth + Theme.px(32))
    font.pixelSize: Theme.bodySize
    contentItem: ColumnLayout {
        spacing: Theme.px(2)
        Text {
            Layout.fillWidth: true
            text: control.text
            font: control.font
            textFormat: Text.PlainText
            color: !control.enabled ? Theme.disabledText : control.primary ? Theme.primaryText : control.fill
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: control.objectName ? control.objectName + "Reason" : ""
            Layout.fillWidth: true
            visible: !control.enabled && control.reason.length > 0
            text: control.reason
            font.pixelSize: Theme.smallSize
            textFormat: Text.PlainText
            color: Theme.disabledText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
    // a keyboard or switch presses the control it is on with Enter as well as Space
    Keys.onReturnPressed: control.animateClick()
    Keys.onEnterPressed: control.animateClick()
    FocusRing { }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabledFill
             : control.primary ? (control.down ? Qt.darker(control.fill, 1.3) : control.fill)
             : (control.down ? "#e3e9f2" : Theme.surface)
        border.color: control.enabled ? control.fill : Theme.disabledBorder
        border.width: control.primary && control.enabled ? 0 : Math.max(2, Theme.borderWidth)
    }
}
