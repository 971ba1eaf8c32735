"""Camera: OpenCV capture in a worker thread and a simulated camera."""
