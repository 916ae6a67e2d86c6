import TutorSession

/// Carries out the effects that write to disk, for the runtime and the plain loops: the sessions ask for a
/// write (`Effect`), this does it, and a write that fails comes back as `Message.failed` so that the session
/// tells the student and keeps what was not written.
public struct StorageEffects {
    /// Where progress goes; nil writes no progress (a capture is not part of the curriculum).
    public var progress: ProgressStore?
    /// The exam log being taken, if any.
    public var examLog: ExamLogFile?

    public init(progress: ProgressStore? = nil, examLog: ExamLogFile? = nil) {
        self.progress = progress
        self.examLog = examLog
    }

    /// Performs `effect` if it writes something; the failure as a message, or nil.
    public func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .saveProgress(let book):
            guard let progress else { return nil }
            do {
                try progress.save(book)
            } catch {
                return .failed(effect, reason: "\(error)")
            }
            return nil
        case .appendToExamLog(let entries):
            guard let examLog else { return .failed(effect, reason: "no exam log is open") }
            let (unwritten, reason) = examLog.append(entries)
            guard !unwritten.isEmpty else { return nil }
            return .failed(.appendToExamLog(unwritten), reason: reason ?? "the exam log could not be written")
        case .writeLesson(let path, let text):
            do {
                try AtomicFile.write(Array(text.utf8), to: path, what: "the lesson")
            } catch {
                return .failed(effect, reason: error.message)
            }
            return nil
        case .showClassStep, .sendClassAnswer, .quit:
            return nil  // nothing to write: the class link and the runtime carry these out
        }
    }
}
