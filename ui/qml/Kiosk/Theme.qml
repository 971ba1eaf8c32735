pragma Singleton
import QtQuick

// One place for colours, sizes and spacing. Sizes are in dp; 1 dp = dp px (about 1.5 on a 1080 px kiosk).
QtObject {
    property bool elderly: false
    property bool landscape: false
    // the focus was last moved by Tab (a keyboard, a switch), not by a finger: pages keep every control in reach
    property bool tabbing: false
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

    // the on-screen keyboard (style: QtQuick/VirtualKeyboard/Styles/kiosk, layouts: keyboard/layouts): keys at
    // least the target size, labels >= 28 dp in elderly mode; every layout has four rows
    property real keyboardWidth: 720  // dp; Main.qml binds it to the keyboard panel's width
    readonly property real keyboardMaxWidth: 960  // dp: wider, the hands travel too far on a landscape screen
    readonly property real keyRowHeight: elderly ? 76 : 60  // dp
    readonly property real keyboardHeight: keyRowHeight * 4 + 8  // dp
    readonly property int keyLabelSize: px(elderly ? 30 : 22)
    readonly property color keyboardBackground: "#c9d3e0"

    // colours: text on them (or them on white) reads at WCAG AA (4.5:1) in normal mode and AAA (7:1) in elderly
    // mode; tests/unit/ui/test_contrast.py measures the screens
    readonly property real minContrast: elderly ? 7.0 : 4.5
    readonly property color background: elderly ? "#ffffff" : "#f3f6fa"
    readonly property color surface: "#ffffff"
    readonly property color primary: elderly ? "#0b3d91" : "#1565c0"
    readonly property color primaryDark: "#0b3d91"
    readonly property color primaryText: "#ffffff"
    readonly property color primaryFill: "#e3f2fd"  // light blue behind primaryDark text (chips, info panels)
    readonly property color text: elderly ? "#000000" : "#1a1f29"
    readonly property color textMuted: elderly ? "#1a1f29" : "#4a5566"
    readonly property color placeholder: elderly ? "#3d4653" : "#5c6778"
    readonly property color border: elderly ? "#1a1f29" : "#c9d3e0"
    readonly property color accent: elderly ? "#a11b1b" : "#c62828"
    readonly property color ok: elderly ? "#0d5226" : "#17692f"
    readonly property color okFill: "#e8f5e9"
    readonly property color warning: elderly ? "#6b3e00" : "#8a5200"
    readonly property color ticket: "#ef6c00"  // 取号 orange: a tint, made readable by solid()
    readonly property color priority: "#2e7d32"  // green channel (优先号): a tint, made readable by solid()
    readonly property color staffCall: "#6a1b9a"  // call staff: set apart from navigation blue and exit red
    // a control that cannot be used now: grey, but its words still read (7.8:1)
    readonly property color disabledFill: "#e4e8ee"
    readonly property color disabledText: "#3d4653"
    readonly property color disabledBorder: "#6b7685"
    // a field that shows a value but takes no typing: set apart from white by its fill and a dark edge
    readonly property color readOnlyFill: "#e4e8ee"
    readonly property color readOnlyBorder: "#6b7685"
    readonly property color scrollHandle: elderly ? "#1a1f29" : "#4a5566"
    readonly property int scrollBarWidth: px(elderly ? 16 : 12)
    readonly property int scrollRoom: scrollBarWidth + px(8)  // what a list leaves free beside its scroll bar
    readonly property color scrim: "#b3000000"
    readonly property int borderWidth: elderly ? 3 : 1
    // the ring around the control reached by Tab (FocusRing): black and yellow read on any page or button
    readonly property color focusRing: "#000000"
    readonly property color focusRingInner: "#ffd600"
    readonly property int focusRingWidth: px(elderly ? 4 : 2.5)

    function luminance(c) {
        const ch = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
    }
    // `tint` darkened just enough for white text on it (and it as text on white) to reach minContrast:
    // screens keep their colour coding, and elderly mode really gets darker, higher-contrast tiles
    function solid(tint) {
        const base = Qt.lighter(tint, 1.0)  // a colour whatever was passed (a name, "#rrggbb")
        let c = base
        for (let k = 1.0; 1.05 / (luminance(c) + 0.05) < minContrast && k > 0.05; ) {
            k -= 0.03
            c = Qt.rgba(base.r * k, base.g * k, base.b * k, 1)
        }
        return c
    }
}
