"""Resident ID card reader: SAM serial protocol codec, driver and simulator."""
