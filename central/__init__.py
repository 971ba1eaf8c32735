"""Reference central platform: HTTP API and storage for development, tests and demos."""
