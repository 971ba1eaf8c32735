pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Acting on what the diagnostics show: a self-test per device, the offline queue, the configuration and the bundle.
ScreenPage {
    id: page
    title: qsTr("维护工具")
    property string tab: params.tab || "tests"

    Component.onCompleted: {
        CareBridge.refreshQueue()
        CareBridge.refreshConfig()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            BigButton {
                objectName: "careTabTests"
                text: qsTr("设备自检")
                primary: page.tab === "tests"
                onClicked: page.tab = "tests"
            }
            BigButton {
                objectName: "careTabQueue"
                text: qsTr("离线队列")
                primary: page.tab === "queue"
                onClicked: { page.tab = "queue"; CareBridge.refreshQueue() }
            }
            BigButton {
                objectName: "careTabConfig"
                text: qsTr("配置与诊断包")
                primary: page.tab === "config"
                onClicked: { page.tab = "config"; CareBridge.refreshConfig() }
            }
        }
        Text {
            objectName: "careMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            text: CareBridge.message
            font.pixelSize: Theme.bodySize
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
        }

        // ---- self-tests
        RowLayout {
            visible: page.tab === "tests"
            spacing: Theme.spacing
            BigButton {
                objectName: "careRunAll"
                text: qsTr("全部自检")
                onClicked: CareBridge.runAll()
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("读卡自检请先在读卡器上放一张测试卡；打印自检会打印一张测试页。")
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        ListView {
            objectName: "careTests"
            visible: page.tab === "tests"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(8)
            model: CareBridge.selfTests
            ScrollBar.vertical: KioskScrollBar { }
            delegate: Rectangle {
                id: test
                required property var modelData
                objectName: "careTest_" + modelData.key
                width: ListView.view.width - Theme.scrollBarWidth
                implicitHeight: testRow.implicitHeight + Theme.px(20)
                radius: Theme.radius
                color: !modelData.done ? Theme.surface : modelData.ok ? "#e8f5e9" : "#ffebee"
                border.color: !modelData.done ? Theme.border : modelData.ok ? Theme.ok : Theme.accent
                border.width: 2
                RowLayout {
                    id: testRow
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(10) }
                    spacing: Theme.px(12)
                    Text {
                        // a word as well as a colour: colour is never the only cue
                        text: test.modelData.running ? qsTr("检测中") : !test.modelData.done ? qsTr("未检测")
                            : test.modelData.ok ? qsTr("通过") : qsTr("未通过")
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: !test.modelData.done ? Theme.textMuted : test.modelData.ok ? Theme.ok : Theme.accent
                        textFormat: Text.PlainText
                        Layout.preferredWidth: Theme.px(70)
                    }
                    Text {
                        text: qsTranslate("Maintenance", test.modelData.title)
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.text
                        textFormat: Text.PlainText
                        Layout.preferredWidth: Theme.px(150)
                    }
                    Text {
                        Layout.fillWidth: true
                        text: test.modelData.detail
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WrapAnywhere
                    }
                    BigButton {
                        objectName: "careRun_" + test.modelData.key
                        text: qsTr("检测")
                        primary: false
                        enabled: !test.modelData.running
                        onClicked: CareBridge.runTest(test.modelData.key)
                    }
                }
            }
        }

        // ---- queue
        Text {
            objectName: "careQueueSummary"
            visible: page.tab === "queue"
            Layout.fillWidth: true
            text: !CareBridge.queue.available ? qsTr("离线队列不可用：%1").arg(CareBridge.queue.detail || "")
                : qsTr("连接：%1　待上传 %2　上传中 %3　已确认 %4　已清除 %5　隔离 %6").arg(CareBridge.queue.link)
                    .arg(CareBridge.queue.depth.pending || 0).arg(CareBridge.queue.depth.sending || 0)
                    .arg(CareBridge.queue.depth.acknowledged || 0).arg(CareBridge.queue.depth.purged || 0)
                    .arg(CareBridge.queue.depth.rejected || 0)
                  + (CareBridge.queue.pendingAge ? qsTr("　最早待上传：%1前").arg(CareBridge.queue.pendingAge) : "")
                  + (CareBridge.queue.lastSync ? qsTr("　上次同步：%1前").arg(CareBridge.queue.lastSync) : "")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "careSyncNow"
            visible: page.tab === "queue"
            text: qsTr("立即同步")
            onClicked: CareBridge.syncNow()
        }
        ListView {
            objectName: "careQueue"
            visible: page.tab === "queue"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(8)
            ScrollBar.vertical: KioskScrollBar { }
            model: (CareBridge.queue.quarantined || []).map(r => Object.assign({ section: "quarantine" }, r))
                .concat((CareBridge.queue.recent || []).map(r => Object.assign({ section: "recent" }, r)))
            section.property: "section"
            section.delegate: Text {
                required property string section
                text: section === "quarantine" ? qsTr("隔离的记录（平台未接收）") : qsTr("最近的申请（受理编号已遮挡）")
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
                textFormat: Text.PlainText
                topPadding: Theme.px(8)
            }
            delegate: Rectangle {
                id: record
                required property var modelData
                width: ListView.view.width - Theme.scrollBarWidth
                implicitHeight: recordRow.implicitHeight + Theme.px(16)
                radius: Theme.radius
                color: Theme.surface
                border.color: record.modelData.section === "quarantine" ? Theme.accent : Theme.border
                border.width: 2
                RowLayout {
                    id: recordRow
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(10) }
                    spacing: Theme.px(12)
                    Text {
                        Layout.fillWidth: true
                        text: (record.modelData.tracking || record.modelData.kind) + "　" + record.modelData.when + "　"
                              + (record.modelData.section === "quarantine" ? record.modelData.reason
                                                                          : record.modelData.state)
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                        textFormat: Text.PlainText
                        wrapMode: Text.WrapAnywhere
                    }
                    BigButton {
                        objectName: "careRetry_" + record.modelData.seq
                        visible: record.modelData.section === "quarantine"
                        enabled: record.modelData.retryable === true
                        text: qsTr("重试")
                        primary: false
                        onClicked: CareBridge.retry(record.modelData.seq, record.modelData.id)
                    }
                    BigButton {
                        objectName: "careReprint_" + record.modelData.seq
                        visible: record.modelData.section === "recent"
                        enabled: record.modelData.held === true
                        text: qsTr("补打回执")
                        primary: false
                        onClicked: CareBridge.reprint(record.modelData.seq, record.modelData.id)
                    }
                }
            }
        }

        // ---- configuration and bundle
        RowLayout {
            visible: page.tab === "config"
            spacing: Theme.spacing
            BigButton {
                objectName: "careExport"
                text: qsTr("导出诊断包")
                onClicked: CareBridge.exportBundle()
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("保存到：%1（不含证件号、姓名、照片和密钥）").arg(CareBridge.exportDir)
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                textFormat: Text.PlainText
                wrapMode: Text.WrapAnywhere
            }
        }
        ListView {
            objectName: "careConfig"
            visible: page.tab === "config"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: CareBridge.config
            ScrollBar.vertical: KioskScrollBar { }
            delegate: RowLayout {
                id: entry
                required property var modelData
                width: ListView.view.width - Theme.scrollBarWidth
                spacing: Theme.px(12)
                Text {
                    text: entry.modelData.key
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    color: Theme.text
                    textFormat: Text.PlainText
                    Layout.preferredWidth: parent.width * 0.42
                    elide: Text.ElideMiddle
                }
                Text {
                    Layout.fillWidth: true
                    text: entry.modelData.value
                    font.pixelSize: Theme.smallSize
                    color: Theme.text
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                }
            }
        }
    }
}
