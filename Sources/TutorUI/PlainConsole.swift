import TutorSession

/// What the line modes (`PlainTutor`, `PlainQuiz`) read and write through: the student's lines in, the tutor's
/// lines out, and the progress book handed over to be saved.
public struct PlainConsole {
    var readLine: () -> String?
    var write: (String) -> Void
    var saveProgress: (ProgressBook) -> Void

    public init(
        readLine: @escaping () -> String?, write: @escaping (String) -> Void,
        saveProgress: @escaping (ProgressBook) -> Void
    ) {
        self.readLine = readLine
        self.write = write
        self.saveProgress = saveProgress
    }

    /// Standard input and output, as the commands run the line modes.
    public static func standard(saveProgress: @escaping (ProgressBook) -> Void) -> PlainConsole {
        PlainConsole(readLine: { Swift.readLine() }, write: { print($0) }, saveProgress: saveProgress)
    }

    /// The next line the student typed, without the spaces around it; nil when input ends.
    func nextLine() -> String? {
        readLine()?.trimmingWhitespace()
    }
}
