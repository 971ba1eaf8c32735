import QtQuick
import QtQuick.Templates as T
import Kiosk

// The mark around the control a keyboard or switch has reached (Tab): dark outside, yellow inside, so it shows on
// a light page and a dark button alike, and wider in elderly mode. A control reached this way inside a list or a
// scrolled column is scrolled into view. Declared inside the control it marks.
Item {
    id: ring
    objectName: "focusRing"
    readonly property T.Control control: parent as T.Control
    readonly property int band: Theme.focusRingWidth
    property real radius: Theme.radius  // the marked control's own corner radius: the ring follows its outline
    anchors.fill: parent
    anchors.margins: -2 * band
    // shown for focus that came by Tab, not by a finger
    readonly property bool shown: ring.control !== null && ring.control.visualFocus
    visible: shown
    onShownChanged: if (ring.shown) ring.reveal()
    z: 100

    Rectangle {
        anchors.fill: parent
        radius: ring.radius + 2 * ring.band
        color: "transparent"
        border.color: Theme.focusRing
        border.width: ring.band
    }
    Rectangle {
        anchors.fill: parent
        anchors.margins: ring.band
        radius: ring.radius + ring.band
        color: "transparent"
        border.color: Theme.focusRingInner
        border.width: ring.band
    }

    // every Flickable holding the control moves just enough for all of it, ring included, to show
    function reveal() {
        for (let holder = ring.control.parent; holder; holder = holder.parent) {
            const view = holder as Flickable
            if (!view)
                continue
            const top = ring.control.mapToItem(view.contentItem, 0, 0).y - 2 * ring.band
            const bottom = top + ring.control.height + 4 * ring.band
            const lowest = Math.max(view.originY, view.originY + view.contentHeight - view.height)
            if (top < view.contentY)
                view.contentY = Math.max(view.originY, top)
            else if (bottom > view.contentY + view.height)
                view.contentY = Math.min(lowest, bottom - view.height)
        }
    }
}
