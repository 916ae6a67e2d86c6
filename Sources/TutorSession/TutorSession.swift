// TutorSession: see ARCHITECTURE.md.
