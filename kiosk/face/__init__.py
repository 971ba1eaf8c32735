"""Face check: engine interface, dlib engine, quality gates, liveness and the 1:1 match use case."""
