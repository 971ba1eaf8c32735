"""Everything Qt: QML screens and the QObject bridges that expose kiosk use cases to QML."""
