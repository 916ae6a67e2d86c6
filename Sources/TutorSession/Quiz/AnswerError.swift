import LessonKit
import TimelineKit

/// An answer that cannot be read, with a message the UI shows in the input field.
public struct AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field whose input is wrong.
    public var field: QuizField
    /// The input as typed.
    public var input: String
    /// 0-based character position of the problem in `input`, for placing the cursor.
    public var column: Int
    public var message: LocalizedText

    public var description: String { "\(field.rawValue): \(message.en)" }
}
