import CaptureKit
import TCPCore
import TimelineKit

/// Where a lesson written from a capture asks questions: on the handshake and teardown segments the engine sent in
/// answer to a segment, with no call or timer between the last segment shown and the question (their moment is
/// the application's or the clock's, which the learner cannot know), asking the flags, the ack, and the seq unless
/// it is an ISN never shown before.
enum QuizPlacement {
    static func questions(_ steps: [PlannedStep], replay: CaptureReplay) -> [Int: [QuizField]] {
        var questions: [Int: [QuizField]] = [:]
        var seenWire = false
        var reaction = false
        var synShown: Set<HostID> = []
        for (index, step) in steps.enumerated() {
            switch step.action {
            case .call, .wait, .say, .reorder, .inject:
                reaction = false
            case .drop(let host, let segment):
                if segment.has(.syn) { synShown.insert(host) }
                seenWire = true
                reaction = true
            case .deliver(let host, let segment):
                defer {
                    if segment.has(.syn) { synShown.insert(host) }
                    seenWire = true
                    reaction = true
                }
                guard seenWire, reaction, step.answersSegment, let shown = step.captureStep else { continue }
                let captured = replay.steps[shown]
                guard captured.has(.handshake) || captured.has(.teardown) else { continue }
                var fields: [QuizField] = [.flags]
                if !segment.has(.syn) || synShown.contains(host) { fields.append(.seq) }
                if segment.has(.ack) { fields.append(.ack) }
                questions[index] = fields
            }
        }
        return questions
    }

    /// The line of the quiz a warning is about ("… before the quiz at line 12 …").
    static func quizLine(in message: String) -> Int? {
        guard let range = message.firstRange(of: "the quiz at line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
