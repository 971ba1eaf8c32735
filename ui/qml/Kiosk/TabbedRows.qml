import QtQuick

// A list or grid of rows as one stop on the Tab round: Tab (or an arrow) goes on to the next row and Shift+Tab back,
// built on demand and scrolled into view, then on out of the list. Qt builds only the rows near the view, so rows
// left as their own Tab stops could never be reached beyond that. The view declares
//     activeFocusOnTab: true
//     Keys.onTabPressed: (event) => rows.step(event, 1)
//     Keys.onBacktabPressed: (event) => rows.step(event, -1)
//     TabbedRows { id: rows; view: <the view> }
// and its rows take no focus of their own (focusPolicy: Qt.NoFocus): a tap never moves the focus.
QtObject {
    id: tabbing
    // a ListView or GridView (typed loosely: the two share no base type QML can name)
    required property var view

    // the control a row offers (a row may be a card holding one button: `tabTarget`), or null
    function target(row) {
        if (!row)
            return null
        return row.tabTarget !== undefined ? row.tabTarget : row
    }

    // onto the row at `index`, scrolled wholly into view, its control focused as by Tab (the ring shows)
    function land(index, reason) {
        if (index < 0)
            return
        view.currentIndex = index
        view.positionViewAtIndex(index, ListView.Contain)
        const control = tabbing.target(view.itemAtIndex(index))
        if (control)
            control.forceActiveFocus(reason)
    }

    // the next row from `index` in `direction` with a control to focus, or -1 past the end
    function following(index, direction) {
        for (let i = index + direction; i >= 0 && i < view.count; i += direction) {
            view.positionViewAtIndex(i, ListView.Contain)  // built, so that it can say whether it has a control
            if (tabbing.target(view.itemAtIndex(i)))
                return i
        }
        return -1
    }

    function step(event, direction) {
        const next = tabbing.following(view.currentIndex, direction)
        if (next < 0) {
            event.accepted = false  // past the last row: the view's own Tab handling moves on out of it
            return
        }
        tabbing.land(next, direction > 0 ? Qt.TabFocusReason : Qt.BacktabFocusReason)
        event.accepted = true
    }

    // the focused item last seen outside the view: where the focus came from when it enters (Qt gives an Item no
    // focus reason to read, and the view's own row takes the focus with it)
    property Item outside: null
    function inside(item) {
        for (; item; item = item.parent)
            if (item === view)
                return true
        return false
    }
    readonly property Connections window: Connections {
        target: tabbing.view.Window.window
        function onActiveFocusItemChanged() {
            const item = tabbing.view.Window.window.activeFocusItem
            if (item && !tabbing.inside(item))
                tabbing.outside = item
        }
    }

    readonly property Connections watch: Connections {
        target: tabbing.view
        // reached by Tab from before the list: its first row; by Shift+Tab from after it: its last
        function onActiveFocusChanged() {
            const view = tabbing.view
            if (!view.activeFocus || view.count === 0)
                return
            // Shift+Tab came from the stop after the view
            const back = tabbing.outside !== null && view.nextItemInFocusChain(true) === tabbing.outside
            if (back)
                tabbing.land(tabbing.following(view.count, -1), Qt.BacktabFocusReason)
            else
                tabbing.land(tabbing.following(-1, 1), Qt.TabFocusReason)
        }
        // an arrow key moved the row: the focus and its ring follow, as by Tab (once the view has given the new row
        // its focus: it does so with no reason, and the ring shows only for focus that came by a key)
        function onCurrentIndexChanged() { Qt.callLater(tabbing.follow) }
    }

    function follow() {
        if (!view.activeFocus || view.currentIndex < 0)
            return
        view.positionViewAtIndex(view.currentIndex, ListView.Contain)
        const control = tabbing.target(view.currentItem)
        if (control && control.focusReason !== Qt.TabFocusReason && control.focusReason !== Qt.BacktabFocusReason) {
            control.focus = false  // focused again below: the reason of a focus already held does not change
            control.forceActiveFocus(Qt.TabFocusReason)
        }
    }
}
