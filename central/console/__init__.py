"""The operations console: server-rendered pages under /console for hall managers, case officers, technicians and
auditors (central/console/web.py is the foundation every page is built on)."""
