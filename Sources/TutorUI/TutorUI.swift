// TutorUI: see ARCHITECTURE.md.
