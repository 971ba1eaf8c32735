"""Configuration overlays from central: checked with kiosk.toml's own schema, kept with the one before, applied by a
restart at a quiet moment, and rolled back when the kiosk cannot reach its first frame with them."""
