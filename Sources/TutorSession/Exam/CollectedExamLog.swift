/// An exam log handed in for grading: where it was found and what it holds. Storage reads the files; the
/// grader works on their contents alone.
public struct CollectedExamLog: Hashable, Sendable {
    /// Where the log was found, as the report names it.
    public var path: String
    /// The student the file is named after (`alice` for `alice.examlog`), as written.
    public var fileStudent: String
    /// The file's bytes, or why they could not be read (the student's log is then marked broken).
    public var bytes: Result<[UInt8], ExamError>

    public init(path: String, fileStudent: String, bytes: Result<[UInt8], ExamError>) {
        self.path = path
        self.fileStudent = fileStudent
        self.bytes = bytes
    }
}
