// TutorCurses: see ARCHITECTURE.md.
