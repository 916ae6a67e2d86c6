/// Feedback on screen, with the field whose explanation is open (the first wrong one to begin with).
public struct FeedbackFocus: Hashable, Sendable {
    public let feedback: QuizFeedback
    /// Index into `feedback.fields`.
    public private(set) var selected: Int

    public init(_ feedback: QuizFeedback) {
        self.feedback = feedback
        self.selected = feedback.fields.firstIndex { !$0.isCorrect } ?? 0
    }

    public var selectedField: FieldFeedback? {
        feedback.fields.indices.contains(selected) ? feedback.fields[selected] : nil
    }

    /// Opens the explanation of the next (or previous) field; false at either end.
    mutating func move(by offset: Int) -> Bool {
        let target = selected + offset
        guard feedback.fields.indices.contains(target) else { return false }
        selected = target
        return true
    }
}
