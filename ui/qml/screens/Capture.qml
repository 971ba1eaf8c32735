import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Photographing one material (材料拍照): the live camera picture, a big shutter, how many pages are taken.
ScreenPage {
    id: page
    title: qsTr("材料拍照")
    prompt: qsTr("材料拍照。请把材料放在摄像头下，再点“拍照”")

    // frameNo is appended so every frame is fetched anew
    readonly property string previewUrl: MaterialsBridge.hasFrame ? MaterialsBridge.previewSource + MaterialsBridge.frameNo : ""

    StackView.onDeactivating: if (MaterialsBridge.current.length > 0) MaterialsBridge.done()  // back or home: camera off

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            objectName: "captureMaterial"
            Layout.fillWidth: true
            text: MaterialsBridge.current
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("把材料平放在摄像头下方。整页都要在画面里，字要看得清。再点“拍照”。多页请逐页拍。")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        Rectangle {
            id: frame
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: width * 3 / 4
            Layout.preferredHeight: width * 3 / 4
            color: "#1c262b"
            radius: Theme.radius
            clip: true
            Image {
                objectName: "capturePreview"
                anchors.fill: parent
                visible: MaterialsBridge.hasFrame
                cache: false
                asynchronous: false
                smooth: false
                fillMode: Image.PreserveAspectFit
                source: page.previewUrl
            }
            Text {
                anchors.centerIn: parent
                visible: !MaterialsBridge.hasFrame && MaterialsBridge.problem.length === 0
                text: qsTr("正在打开摄像头…")
                color: "#cfd8dc"
                font.pixelSize: Theme.bodySize
                textFormat: Text.PlainText
            }
        }
        MessagePanel {
            objectName: "captureProblem"
            Layout.fillWidth: true
            visible: MaterialsBridge.problem.length > 0
            kind: "error"
            text: MaterialsBridge.problem
        }
        Text {
            objectName: "captureCount"
            Layout.alignment: Qt.AlignHCenter
            text: MaterialsBridge.currentCount > 0 ? qsTr("已拍%1张").arg(MaterialsBridge.currentCount) : qsTr("还没有拍")
            font.pixelSize: Theme.bodySize * 1.1
            font.bold: true
            color: MaterialsBridge.currentCount > 0 ? Theme.ok : Theme.textMuted
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            BigButton {
                objectName: "captureUndo"
                visible: MaterialsBridge.currentCount > 0
                primary: false
                text: qsTr("删除上一张")
                onClicked: MaterialsBridge.removeLast()
            }
            BigButton {
                objectName: "captureShoot"
                Layout.preferredWidth: Theme.px(240)
                enabled: MaterialsBridge.hasFrame && !MaterialsBridge.busy
                text: MaterialsBridge.busy ? qsTr("正在保存…") : qsTr("拍照")
                onClicked: MaterialsBridge.shoot()
            }
            BigButton {
                objectName: "captureDone"
                primary: false
                text: qsTr("完成")
                onClicked: MaterialsBridge.done()
            }
        }
        Item { Layout.fillHeight: true }  // what the 4:3 picture leaves over goes below the buttons, not between
    }
}
