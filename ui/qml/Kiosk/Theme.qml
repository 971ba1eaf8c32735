pragma Singleton
import QtQuick

// One place for colours, sizes and spacing. Sizes are in dp; 1 dp = dp px (about 1.5 on a 1080 px kiosk).
QtObject {
    property bool elderly: false
    property bool landscape: false
    property real dp: 1.5

    function px(v) { return Math.round(v * dp) }

    // elderly mode (适老化): body >= 18 dp (1.4x), headings >= 30 dp, targets >= 60 dp, higher contrast
    readonly property real textScale: elderly ? 1.4 : 1.0
    readonly property int bodySize: px(14 * textScale)
    readonly property int smallSize: px((elderly ? 18 : 12))
    readonly property int titleSize: px(elderly ? 34 : 24)
    readonly property int heroSize: px(elderly ? 52 : 44)
    readonly property int targetSize: px(elderly ? 64 : 48)
    readonly property int spacing: px(elderly ? 20 : 16)
    readonly property int margin: px(24)
    readonly property int radius: px(12)
    readonly property real lineHeight: elderly ? 1.4 : 1.3

    readonly property color background: elderly ? "#ffffff" : "#f3f6fa"
    readonly property color surface: "#ffffff"
    readonly property color primary: elderly ? "#0b3d91" : "#1565c0"
    readonly property color primaryDark: "#0b3d91"
    readonly property color primaryText: "#ffffff"
    readonly property color text: elderly ? "#000000" : "#1a1f29"
    readonly property color textMuted: elderly ? "#1a1f29" : "#4a5566"
    readonly property color border: elderly ? "#1a1f29" : "#c9d3e0"
    readonly property color accent: "#c62828"
    readonly property color ok: "#1b7f3b"
    readonly property color warning: "#9a5b00"
    readonly property color scrim: "#b3000000"
    readonly property int borderWidth: elderly ? 3 : 1
}
