pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk
import KioskApp

// Certificates (证明打印), after identification: what the platform can certify for this person; a tap issues
// and prints one. The certificate's text names its holder, so the screen shows only title, number and code.
ScreenPage {
    id: page
    title: qsTr("证明打印")
    prompt: qsTr("证明打印。请点您要打印的证明")

    Component.onCompleted: Qt.callLater(CertificateBridge.load)  // it may send the visitor to Identify: not mid-push

    readonly property string state_: CertificateBridge.state
    readonly property bool showingCertificate: state_ === "issued"

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            visible: page.state_ === "offers"
            text: qsTr("请选择要打印的证明，点一下即出具并打印")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            visible: page.state_ === "loading" || page.state_ === "issuing"
            spacing: Theme.px(12)
            BusyIndicator { running: parent.visible }
            Text {
                text: page.state_ === "issuing" ? qsTr("正在向政务服务平台申请出具证明…") : qsTr("正在查询可打印的证明…")
                font.pixelSize: Theme.bodySize * 1.1
                color: Theme.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
            }
        }
        MessagePanel {
            objectName: "certificatesProblem"
            Layout.fillWidth: true
            visible: page.state_ === "failed" && !CertificateBridge.nothingToCertify
            kind: "error"
            text: CertificateBridge.problem
        }
        // nothing to certify yet is not a fault: say so calmly and offer a way on
        MessagePanel {
            objectName: "certificatesNone"
            Layout.fillWidth: true
            visible: CertificateBridge.nothingToCertify
            kind: "info"
            text: CertificateBridge.problem
            detail: qsTr("想知道申请办到哪一步了，可以查询办理进度。")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: CertificateBridge.nothingToCertify
            spacing: Theme.spacing
            BigButton {
                objectName: "certificatesToProgress"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("查询办理进度")
                onClicked: Shell.open("progress")
            }
            BigButton {
                objectName: "certificatesToHome"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                primary: false
                text: qsTr("返回首页")
                onClicked: Shell.home()
            }
        }

        // the offers: one big row each
        ListView {
            id: list
            objectName: "certificateOffers"
            activeFocusOnTab: true  // one stop; Tab goes on row by row (TabbedRows)
            Keys.onTabPressed: (event) => rows.step(event, 1)
            Keys.onBacktabPressed: (event) => rows.step(event, -1)
            TabbedRows { id: rows; view: list }
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.state_ === "offers"
            clip: true
            spacing: Theme.px(12)
            model: CertificateBridge.offers
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: KioskScrollBar { }
            // a button, so a keyboard or switch reaches it (Tab), presses it (Enter, Space) and sees the ring
            delegate: AbstractButton {
                id: offer
                required property var modelData
                required property int index
                objectName: "certificateOffer_" + index
                width: list.width - Theme.scrollRoom
                height: Math.max(Theme.targetSize + Theme.px(24), texts.implicitHeight + Theme.px(36))
                padding: Theme.px(18)
                focusPolicy: Qt.NoFocus  // reached through the list (TabbedRows)
                Accessible.role: Accessible.Button
                Accessible.name: offer.modelData.title
                Accessible.description: qsTr("打印")
                Keys.onReturnPressed: offer.animateClick()
                Keys.onEnterPressed: offer.animateClick()
                onClicked: CertificateBridge.choose(offer.index)
                FocusRing { }
                background: Rectangle {
                    radius: Theme.radius
                    color: offer.down ? "#e3e9f2" : Theme.surface
                    border.color: Theme.border
                    border.width: Math.max(1, Theme.borderWidth)
                }
                contentItem: RowLayout {
                    spacing: Theme.px(16)
                    Rectangle {
                        Layout.preferredWidth: Theme.px(Theme.elderly ? 64 : 56)
                        Layout.preferredHeight: Layout.preferredWidth
                        radius: Theme.radius
                        color: "#00838f"
                        Text {
                            anchors.centerIn: parent
                            text: "证"
                            font.pixelSize: parent.width * 0.55
                            font.bold: true
                            color: "white"
                            textFormat: Text.PlainText
                        }
                    }
                    ColumnLayout {
                        id: texts
                        Layout.fillWidth: true
                        spacing: Theme.px(4)
                        Text {
                            Layout.fillWidth: true
                            text: offer.modelData.title
                            font.pixelSize: Theme.bodySize * 1.15
                            font.bold: true
                            color: Theme.text
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: offer.modelData.subject
                            font.pixelSize: Theme.bodySize
                            color: Theme.textMuted
                            textFormat: Text.PlainText
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    Text {
                        text: qsTr("打印")
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.primary
                        textFormat: Text.PlainText
                    }
                }
            }
        }

        // an issued certificate: what it is and how it can be verified, never its text
        Rectangle {
            objectName: "certificateIssued"
            Layout.fillWidth: true
            Layout.preferredHeight: facts.implicitHeight + Theme.px(40)
            visible: page.showingCertificate
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: Math.max(1, Theme.borderWidth)
            ColumnLayout {
                id: facts
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(20) }
                spacing: Theme.px(10)
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: CertificateBridge.issued.title || ""
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    rowSpacing: Theme.px(8)
                    columnSpacing: Theme.px(16)
                    Text { text: qsTr("证明编号"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                    Text {
                        objectName: "certificateNumber"
                        Layout.fillWidth: true
                        text: CertificateBridge.issued.number || ""
                        font.pixelSize: Theme.bodySize; font.bold: true; color: Theme.text
                        textFormat: Text.PlainText; wrapMode: Text.WrapAnywhere
                    }
                    Text { text: qsTr("出具单位"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                    Text {
                        Layout.fillWidth: true
                        text: CertificateBridge.issued.issuer || ""
                        font.pixelSize: Theme.bodySize; color: Theme.text
                        textFormat: Text.PlainText; wrapMode: Text.WordWrap
                    }
                    Text { text: qsTr("出具日期"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                    Text {
                        Layout.fillWidth: true
                        text: CertificateBridge.issued.issuedOn || ""
                        font.pixelSize: Theme.bodySize; color: Theme.text
                        textFormat: Text.PlainText
                    }
                    Text { text: qsTr("验证码"); font.pixelSize: Theme.bodySize; color: Theme.textMuted; textFormat: Text.PlainText }
                    Text {
                        objectName: "certificateVerifyCode"
                        Layout.fillWidth: true
                        text: CertificateBridge.issued.verifyCode || ""
                        font.pixelSize: Theme.bodySize * 1.2; font.bold: true; color: Theme.primaryDark
                        font.letterSpacing: Theme.px(2)
                        textFormat: Text.PlainText
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("证明内容含您的个人信息，只打印在纸上，不在屏幕上显示。")
                    font.pixelSize: Theme.smallSize
                    color: Theme.textMuted
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                }
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            visible: page.showingCertificate && CertificateBridge.printState === "printing"
            spacing: Theme.px(12)
            BusyIndicator { running: parent.visible }
            Text {
                text: qsTr("正在打印…")
                font.pixelSize: Theme.bodySize * 1.1
                color: Theme.text
                textFormat: Text.PlainText
            }
        }
        MessagePanel {
            objectName: "certificatePrinted"
            Layout.fillWidth: true
            visible: page.showingCertificate && CertificateBridge.printState === "printed"
            kind: "ok"
            text: qsTr("证明已打印，请从出纸口取走。可凭验证码核验真伪。")
        }
        MessagePanel {
            objectName: "certificatePrintProblem"
            Layout.fillWidth: true
            visible: page.showingCertificate && CertificateBridge.printState === "failed"
            kind: "error"
            // not the printer's own message: that one offers an on-screen QR, which a certificate does not have
            text: qsTr("证明已出具，但暂时无法打印。请记下验证码，处理好打印机后点“重新打印”，或请工作人员协助。")
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            visible: page.showingCertificate && CertificateBridge.printState !== "printing"
            BigButton {
                objectName: "certificateReprint"
                visible: CertificateBridge.printState === "failed"
                text: qsTr("重新打印")
                onClicked: CertificateBridge.printIt()
            }
            BigButton {
                objectName: "certificateMore"
                primary: false
                text: qsTr("打印其他证明")
                onClicked: CertificateBridge.back()
            }
            BigButton {
                objectName: "certificateDone"
                visible: CertificateBridge.printState === "printed"
                text: qsTr("完成")
                onClicked: Shell.open("rate")
            }
        }
        Item { Layout.fillHeight: true; visible: page.state_ !== "offers" }
    }
}
