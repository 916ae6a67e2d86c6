import TCPCore
import TimelineKit

/// Leaks of a `time` question with its own moments (`quiz time until A CLOSED`): the state reached, and the
/// interval in any spelling (TEACHING.md rule 12).
extension AnswerLeakLinter {
    /// A question on a `wait` is asked before the wait, with the narration of the last segment and of the steps
    /// after it on screen: none of it may name the state the host reaches or how long it takes.
    static func stateQuestionWarnings(_ timeline: Timeline, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for frame in timeline.frames where frame.wire == nil {
            guard let quiz = frame.quiz, let measure = quiz.measure else { continue }
            let answers = measuredAnswerWords(measure)
            let first = timeline.frames[..<frame.index].lastIndex { $0.wire != nil } ?? 0
            found += leaks(of: answers, in: timeline.frames[first..<frame.index], quiz: quiz, file: file, after: "wait")
        }
        return found
    }

    /// The state a question's host reaches (as `ss` and the RFC spell it too) and the interval.
    static func measuredAnswerWords(_ measure: TimeMeasure) -> [String] {
        var words: [String] = []
        if case .state(_, let state) = measure.until {
            let name = state.description
            words += [name, name.split(separator: "_").joined(separator: "-")]
        }
        if measure.elapsed > 0 { words += DurationWords.spellings(measure.elapsed) }
        return words
    }
}
