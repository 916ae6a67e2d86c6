/// What `tcptutor check` proves of one parsed lesson, wherever its text came from (a file, or a lesson written
/// from a capture before it is saved).
extension LessonLibrary {
    /// The linter's findings, the engine's disagreements with the lesson, and, when the lesson runs cleanly, the
    /// warnings about narration that names a question's answer; with the run itself.
    public static func prove(_ lesson: Lesson) -> (run: LessonRun, diagnostics: [Diagnostic]) {
        var diagnostics = LessonLinter.lint(lesson)
        let run = LessonRunner.run(lesson)
        diagnostics += run.diagnostics
        if run.diagnostics.isEmpty { diagnostics += AnswerLeakLinter.warnings(run.timeline, file: lesson.file) }
        return (run, diagnostics)
    }
}
