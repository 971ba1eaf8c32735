"""Test suite of the hall kiosk."""
