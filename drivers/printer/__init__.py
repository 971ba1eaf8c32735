"""ESC/POS receipt printer: layouts, encoder, transports, status and a rendering simulator."""
