"""The console's pages, one module per area; central/console/mount.py wires them."""
