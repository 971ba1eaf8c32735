import QtQuick
import QtQuick.Controls
import Kiosk

// A scroll bar that shows, whenever there is more than fits, that there is more: wide and dark enough to see.
ScrollBar {
    id: bar
    policy: bar.size < 1.0 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
    implicitWidth: Theme.scrollBarWidth
    contentItem: Rectangle {
        implicitWidth: bar.implicitWidth
        radius: width / 2
        color: bar.pressed ? Theme.primary : Theme.scrollHandle
    }
    background: Rectangle {
        radius: width / 2
        color: Theme.disabledFill
    }
}
