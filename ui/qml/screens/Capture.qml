import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Photographing one material (材料拍照): the live camera picture, a big shutter, how many pages are taken.
ScreenPage {
    id: page
    title: qsTr("材料拍照")

    // frameNo is appended so every frame is fetched anew
    readonly property string previewUrl: materials.hasFrame ? materials.previewSource + materials.frameNo : ""

    StackView.onDeactivating: if (materials.current.length > 0) materials.done()  // back or home: camera off

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            objectName: "captureMaterial"
            Layout.fillWidth: true
            text: materials.current
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("把材料平放在摄像头下方，整页都在画面里、字看得清，再点“拍照”。多页请逐页拍。")
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
                visible: materials.hasFrame
                cache: false
                asynchronous: false
                smooth: false
                fillMode: Image.PreserveAspectFit
                source: page.previewUrl
            }
            Text {
                anchors.centerIn: parent
                visible: !materials.hasFrame && materials.problem.length === 0
                text: qsTr("正在打开摄像头…")
                color: "#cfd8dc"
                font.pixelSize: Theme.bodySize
                textFormat: Text.PlainText
            }
        }
        MessagePanel {
            objectName: "captureProblem"
            Layout.fillWidth: true
            visible: materials.problem.length > 0
            kind: "error"
            text: materials.problem
        }
        Text {
            objectName: "captureCount"
            Layout.alignment: Qt.AlignHCenter
            text: materials.currentCount > 0 ? qsTr("已拍%1张").arg(materials.currentCount) : qsTr("还没有拍")
            font.pixelSize: Theme.bodySize * 1.1
            font.bold: true
            color: materials.currentCount > 0 ? Theme.ok : Theme.textMuted
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            BigButton {
                objectName: "captureUndo"
                visible: materials.currentCount > 0
                primary: false
                text: qsTr("删除上一张")
                onClicked: materials.removeLast()
            }
            BigButton {
                objectName: "captureShoot"
                Layout.preferredWidth: Theme.px(240)
                enabled: materials.hasFrame && !materials.busy
                text: materials.busy ? qsTr("正在保存…") : qsTr("拍照")
                onClicked: materials.shoot()
            }
            BigButton {
                objectName: "captureDone"
                primary: false
                text: qsTr("完成")
                onClicked: materials.done()
            }
        }
        Item { Layout.fillHeight: true }  // what the 4:3 picture leaves over goes below the buttons, not between
    }
}
