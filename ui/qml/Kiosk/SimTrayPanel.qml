pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// Demo controls of the simulated devices (present only when a device is simulated).
Rectangle {
    id: panel
    property var sections: []
    signal chosen(string section, string key, string value)
    signal closeTapped()
    color: "#263238"
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(16)
        spacing: Theme.px(10)
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("模拟设备（演示用）")
                font.pixelSize: Theme.px(18)
                font.bold: true
                color: "white"
                textFormat: Text.PlainText
            }
            BigButton { objectName: "simTrayClose"; text: qsTr("关闭"); onClicked: panel.closeTapped() }
        }
        Text {
            visible: panel.sections.length === 0
            text: qsTr("设备模拟器尚未就绪。")
            color: "white"
            font.pixelSize: Theme.px(14)
            textFormat: Text.PlainText
        }
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: sectionColumn.implicitHeight
            clip: true
            Column {
                id: sectionColumn
                width: parent.width
                spacing: Theme.px(14)
                Repeater {
                    model: panel.sections
                    delegate: Column {
                        id: sec
                        required property var modelData
                        width: sectionColumn.width
                        spacing: Theme.px(6)
                        Text {
                            text: qsTranslate("SimTray", sec.modelData.title)
                            color: "#ffd54f"
                            font.pixelSize: Theme.px(16)
                            font.bold: true
                            textFormat: Text.PlainText
                        }
                        Repeater {
                            model: sec.modelData.choices
                            delegate: Column {
                                id: choice
                                required property var modelData
                                width: sec.width
                                spacing: Theme.px(4)
                                Text {
                                    text: qsTranslate("SimTray", choice.modelData.label)
                                    color: "white"
                                    font.pixelSize: Theme.px(13)
                                    textFormat: Text.PlainText
                                }
                                Flow {
                                    width: parent.width
                                    spacing: Theme.px(6)
                                    Repeater {
                                        model: choice.modelData.options
                                        delegate: BigButton {
                                            required property var modelData
                                            objectName: "sim_" + sec.modelData.section + "_" + choice.modelData.key + "_" + modelData.value
                                            text: modelData.label
                                            primary: modelData.value === choice.modelData.value
                                            font.pixelSize: Theme.px(13)
                                            onClicked: panel.chosen(sec.modelData.section, choice.modelData.key, modelData.value)
                                        }
                                    }
                                }
                            }
                        }
                        Repeater {
                            model: sec.modelData.pictures
                            delegate: Column {
                                id: pic
                                required property var modelData
                                spacing: Theme.px(4)
                                Text {
                                    text: qsTranslate("SimTray", pic.modelData.label)
                                    color: "white"
                                    font.pixelSize: Theme.px(13)
                                    textFormat: Text.PlainText
                                }
                                Image {
                                    source: pic.modelData.url
                                    visible: pic.modelData.url !== ""
                                    width: Math.min(sec.width, Theme.px(300))
                                    fillMode: Image.PreserveAspectFit
                                    asynchronous: true
                                    cache: false
                                }
                                Text {
                                    visible: pic.modelData.url === ""
                                    text: qsTr("（暂无）")
                                    color: "white"
                                    font.pixelSize: Theme.px(13)
                                    textFormat: Text.PlainText
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
