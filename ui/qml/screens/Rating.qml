pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// 好差评: the national five-step scale, big buttons with words (colour is never the only cue); then the
// session ends.
ScreenPage {
    id: page
    title: qsTr("请为本次服务评价")
    prompt: qsTr("您对本次服务满意吗？点一下即可")


    readonly property var tints: ({ 5: "#1b7f3b", 4: "#2e7d32", 3: "#1565c0", 2: "#9a5b00", 1: "#c62828" })

    Timer {
        objectName: "ratingEndTimer"
        interval: 3000
        // older visitors are never hurried: in elderly mode the visit ends with their own tap
        running: !Shell.elderly && (RatingBridge.ratingState === "done" || RatingBridge.ratingState === "failed")
        onTriggered: Shell.endSession()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            visible: RatingBridge.ratedService.length > 0
            text: qsTr("办理事项：%1").arg(RatingBridge.ratedService)
            font.pixelSize: Theme.bodySize * 1.1
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            visible: ratingButtons.visible
            text: qsTr("您对本次服务满意吗？点一下即可")
            font.pixelSize: Theme.bodySize * 1.2
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        GridLayout {
            id: ratingButtons
            objectName: "ratingButtons"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: Theme.targetSize * 2 * 5
            visible: RatingBridge.ratingState === "" || RatingBridge.ratingState === "busy"
            enabled: RatingBridge.ratingState === ""
            columns: Theme.landscape ? 5 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: RatingBridge.ratings
                delegate: BigButton {
                    required property var modelData
                    objectName: "rate_" + modelData.score
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1  // equal widths whatever the words
                    Layout.preferredHeight: 1
                    tint: page.tints[modelData.score]
                    font.pixelSize: Theme.titleSize
                    text: modelData.text
                    onClicked: RatingBridge.rate(modelData.score)
                }
            }
        }
        // a bad score: what went wrong, in a tap or two (all optional); nothing is sent until 提交评价
        ColumnLayout {
            objectName: "ratingTags"
            Layout.fillWidth: true
            visible: RatingBridge.ratingState === "tags"
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("您选择了“%1”。哪里让您不满意？可以选几项，也可以不选。").arg(RatingBridge.chosenScore)
                font.pixelSize: Theme.bodySize * 1.2
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
            GridLayout {
                Layout.fillWidth: true
                columns: Theme.landscape ? 3 : 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                Repeater {
                    model: RatingBridge.tags
                    delegate: BigButton {
                        required property var modelData
                        objectName: "ratingTag_" + modelData.code
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        // chosen: filled and ticked, so the choice never rests on colour alone
                        primary: modelData.chosen
                        text: (modelData.chosen ? "✓ " : "") + modelData.text
                        Accessible.checkable: true
                        Accessible.checked: modelData.chosen
                        onClicked: RatingBridge.toggleTag(modelData.code)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing
                BigButton {
                    objectName: "ratingChooseAgain"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    primary: false
                    text: qsTr("重新选择满意度")
                    onClicked: RatingBridge.chooseAgain()
                }
                BigButton {
                    objectName: "ratingSubmit"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: qsTr("提交评价")
                    onClicked: RatingBridge.submitTags()
                }
            }
        }
        MessagePanel {
            objectName: "ratingDone"
            Layout.fillWidth: true
            visible: RatingBridge.ratingState === "done" || RatingBridge.ratingState === "failed"
            kind: RatingBridge.ratingState === "done" ? "ok" : "info"
            text: RatingBridge.ratingState === "done" ? qsTr("感谢您的评价！") : RatingBridge.ratingProblem
            detail: qsTr("本次服务结束，您的信息将从本机清除。")
        }
        Item { Layout.fillHeight: true; visible: !ratingButtons.visible }
        BigButton {
            objectName: "ratingSkip"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.px(320)
            primary: false
            text: RatingBridge.ratingState === "" || RatingBridge.ratingState === "tags" ? qsTr("不评价，结束")
                                                                                       : qsTr("结束")
            onClicked: Shell.endSession()
        }
    }
}
