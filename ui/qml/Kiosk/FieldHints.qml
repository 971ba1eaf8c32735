pragma Singleton
import QtQuick

// Input method hints by form field type (kiosk/catalog/model.py FieldType): the keyboard layout follows them.
// Digits-only fields get the digit pad (no '.', space or language key); ID numbers add the X key.
QtObject {
    function forType(type) {
        if (type === "phone" || type === "bank_account" || type === "postcode" || type === "number")
            return Qt.ImhDigitsOnly | Qt.ImhNoPredictiveText
        if (type === "id_number")
            return Qt.ImhDigitsOnly | Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
        if (type === "money" || type === "date")
            return Qt.ImhFormattedNumbersOnly | Qt.ImhNoPredictiveText
        if (type === "email")
            return Qt.ImhEmailCharactersOnly | Qt.ImhNoPredictiveText
        return Qt.ImhNoPredictiveText
    }
}
