// LessonKit: see ARCHITECTURE.md.
