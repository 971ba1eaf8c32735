"""Application core of the hall kiosk: config, CLI, session, use cases. No Qt."""

__version__ = "0.1.0"
