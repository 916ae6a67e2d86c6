// CaptureKit: see ARCHITECTURE.md.
