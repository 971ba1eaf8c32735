"""Hardware drivers: one interface per device kind, real and simulated side by side. No Qt."""
