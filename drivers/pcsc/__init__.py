"""PC/SC smart card reader: pyscard driver, card applications and a vpcd card emulator."""
