/// One step typed on its own, as a command: the same grammar and the same messages as a step in a lesson file.
extension LessonParser {
    /// Parses one step line (`A connect`, `drop A > B`, `inject A > B: S 90:90(0)`, `wait 1s`); a problem comes
    /// back with the column where it is (line 1). `expect` and `quiz` only say something about the steps around
    /// them, so a line of its own is never one of them.
    public static func parseStep(_ text: String) -> Result<Step, Diagnostic> {
        var parser = LessonParser(file: "")
        let body = stripComment(text[...])
        let indent = body.prefix { $0 == " " || $0 == "\t" }.count
        let content = body.trimmingSpaces()
        let column = indent + 1
        if let first = content.split(separator: " ").first, first == "expect" || first == "quiz" {
            return .failure(
                Diagnostic(
                    file: "", line: 1, column: column,
                    message: "'\(first)' belongs to the step before it in a lesson file; expected a step"))
        }
        guard !content.isEmpty else {
            return .failure(Diagnostic(file: "", line: 1, column: column, message: "expected a step"))
        }
        parser.parseDirective(content, line: 1, column: column)
        if let problem = parser.diagnostics.first { return .failure(problem) }
        guard parser.steps.count == 1 else {
            return .failure(Diagnostic(file: "", line: 1, column: column, message: "expected one step"))
        }
        return .success(parser.steps[0])
    }
}
