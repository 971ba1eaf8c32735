import QtQuick
import QtQuick.Shapes
import Kiosk

// The live camera picture (already mirrored by the bridge) in a 4:3 frame with an oval to put the face in.
Rectangle {
    id: preview
    property string source: ""  // image://... base; frameNo is appended so every frame is fetched anew
    property int frameNo: 0
    property bool hasFrame: false
    property rect faceBox: Qt.rect(0, 0, 0, 0)  // 0..1 of the picture, as shown
    property bool good: false  // the face sits where it should: the oval turns green
    implicitWidth: Theme.px(480)
    implicitHeight: implicitWidth * 3 / 4
    color: "#1c262b"
    radius: Theme.radius
    clip: true

    Image {
        id: picture
        objectName: "facePreviewImage"
        anchors.fill: parent
        visible: preview.hasFrame
        cache: false
        asynchronous: false
        smooth: false  // cheaper scaling keeps the preview at camera rate on small machines
        fillMode: Image.PreserveAspectCrop
        source: preview.hasFrame ? preview.source + preview.frameNo : ""
    }
    Text {
        anchors.centerIn: parent
        visible: !preview.hasFrame
        text: qsTr("正在打开摄像头…")
        color: "#cfd8dc"
        font.pixelSize: Theme.bodySize
        textFormat: Text.PlainText
    }

    // where the camera sees a face: the citizen knows they are being seen
    Rectangle {
        objectName: "faceBoxMarker"
        visible: preview.hasFrame && preview.faceBox.width > 0
        x: preview.faceBox.x * preview.width
        y: preview.faceBox.y * preview.height
        width: preview.faceBox.width * preview.width
        height: preview.faceBox.height * preview.height
        color: "transparent"
        radius: Theme.px(6)
        border.color: preview.good ? "#66bb6a" : "#ffca28"
        border.width: Theme.px(2)
    }

    // the oval guide: centred, about the size a face should have
    Shape {
        id: guide
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer
        readonly property real rx: Math.min(width, height) * 0.30
        readonly property real ry: rx * 1.3
        ShapePath {
            strokeColor: preview.good ? "#66bb6a" : "#ffffff"
            strokeWidth: Theme.px(preview.good ? 6 : 4)
            strokeStyle: preview.good ? ShapePath.SolidLine : ShapePath.DashLine
            dashPattern: [3, 2]
            fillColor: "transparent"
            PathAngleArc {
                centerX: guide.width / 2
                centerY: guide.height / 2
                radiusX: guide.rx
                radiusY: guide.ry
                startAngle: 0
                sweepAngle: 360
            }
        }
    }
}
