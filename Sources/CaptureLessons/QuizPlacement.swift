import CaptureKit
import TCPCore
import TimelineKit

/// A question on a delivered segment: the fields asked, and for a FIN the application's close, the step before
/// which a `say` tells that the application closes (the question is asked before the calls that make its segment).
struct Question: Equatable {
    var fields: [QuizField]
    var announce: (step: Int, host: HostID, call: UserCall)?

    static func == (lhs: Question, rhs: Question) -> Bool {
        lhs.fields == rhs.fields && lhs.announce?.step == rhs.announce?.step
    }
}

/// Where a lesson written from a capture asks questions: on the handshake and teardown segments (and a reset
/// that answers a SYN) that the engine sent in answer to a segment, with no call or timer between the last
/// segment shown and the question, whose moment the learner cannot know; and on a teardown FIN that follows one
/// host's close, which a `say` announces. It asks the flags, the ack, and the seq unless it is an ISN never shown
/// before.
enum QuizPlacement {
    static func questions(_ steps: [PlannedStep], replay: CaptureReplay) -> [Int: Question] {
        var questions: [Int: Question] = [:]
        var lastWire: Int?
        var synShown: Set<HostID> = []
        for (index, step) in steps.enumerated() {
            let segment: Segment
            let host: HostID
            switch step.action {
            case .call, .wait, .say, .reorder: continue
            case .inject(let from, let sent), .drop(let from, let sent):
                if sent.has(.syn) { synShown.insert(from) }
                lastWire = index
                continue
            case .deliver(let from, let sent):
                segment = sent
                host = from
            }
            defer {
                if segment.has(.syn) { synShown.insert(host) }
                lastWire = index
            }
            guard let previous = lastWire, let shown = step.captureStep else { continue }
            let captured = replay.steps[shown]
            var fields: [QuizField] = [.flags]
            if !segment.has(.syn) || synShown.contains(host) { fields.append(.seq) }
            if segment.has(.ack) { fields.append(.ack) }
            let between = steps[(previous + 1)..<index]
            if step.answersSegment, between.isEmpty,
                captured.has(.handshake) || captured.has(.teardown) || captured.has(.reset)
            {
                questions[index] = Question(fields: fields, announce: nil)
            } else if captured.has(.teardown), segment.has(.fin), segment.payloadLength == 0,
                let announce = closeCall(between, host: host, from: previous + 1)
            {
                questions[index] = Question(fields: fields, announce: announce)
            }
        }
        return questions
    }

    /// The close that makes a FIN, when the steps before it are only the sender's read and that close.
    static func closeCall(_ between: ArraySlice<PlannedStep>, host: HostID, from start: Int) -> (
        step: Int, host: HostID, call: UserCall
    )? {
        var close: UserCall?
        for step in between {
            guard case .call(host, let call) = step.action else { return nil }
            switch call {
            case .read: continue
            case .close, .shutdown: close = call
            default: return nil
            }
        }
        return close.map { (start, host, $0) }
    }

    /// The line of the quiz a warning is about ("… before the quiz at line 12 …").
    static func quizLine(in message: String) -> Int? {
        guard let range = message.firstRange(of: "the quiz at line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
