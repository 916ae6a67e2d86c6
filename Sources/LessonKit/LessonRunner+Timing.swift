import TCPCore
import TimelineKit

/// The virtual times a `time` question measures (`TimeMeasure`), read from the engine as the lesson runs.
extension LessonRunner {
    /// Lets `milliseconds` pass as `Simulation.advance(by:)` does, one timer at a time, noting when each host
    /// entered each state: TIME_WAIT's 2MSL timer fires inside a `wait`, not when the wait ends (RFC 9293 §3.10.8).
    mutating func advanceNotingStateTimes(by milliseconds: UInt64) -> SimulationStep {
        let end = simulation.now + milliseconds
        var step = SimulationStep()
        while let deadline = HostID.allCases.compactMap({ simulation[$0].nextDeadline }).min(), deadline <= end {
            let piece = simulation.advance(by: max(deadline, simulation.now) - simulation.now)
            merge(piece, into: &step)
            // A timer whose deadline is due always fires (and is rearmed later or stopped): this only guards the
            // loop against an engine that would keep a deadline it does not act on.
            if piece.firedAt.isEmpty { break }
        }
        merge(simulation.advance(by: end - simulation.now), into: &step)
        return step
    }

    private mutating func merge(_ piece: SimulationStep, into step: inout SimulationStep) {
        for (host, transitions) in piece.transitions {
            step.transitions[host, default: []] += transitions
            for transition in transitions { changedAt[host, default: [:]][transition.to] = simulation.now }
        }
        step.emitted += piece.emitted
        for (host, errors) in piece.errors { step.errors[host, default: []] += errors }
        step.firedAt += piece.firedAt
        for (host, bytes) in piece.bytesReceived { step.bytesReceived[host, default: 0] += bytes }
    }

    /// The quiz point of a step about to be recorded, with its measured moments read from the engine; `check`
    /// reports a moment that does not happen (a state question on a wait in which no state changes).
    mutating func measured(_ quiz: QuizPoint?, event: FrameEvent, step: SimulationStep) -> QuizPoint? {
        guard var quiz, var measure = quiz.measure else { return quiz }
        if event.wireEvent == nil, !frames.contains(where: { $0.wire != nil }) {
            // The question is told against the ladder: the segment before it is where its picture stands.
            diagnose(quiz.line, 1, "a question on a 'wait' needs a segment shown before it")
            return quiz
        }
        switch measure.until {
        case .sent:
            measure.end = event.wireEvent?.sentAt ?? simulation.now
        case .arrival, .previousSegment, .call:
            measure.end = simulation.now
        case .state(let host, let state):
            guard let change = step.transitions[host]?.last(where: { $0.to == state }) else {
                let stays = simulation[host].state
                let during = event.wireEvent == nil ? "during this wait" : "with this segment"
                let what = stays == state ? "is already in \(state)" : "stays in \(stays)"
                diagnose(quiz.line, measure.untilColumn, "\(host) does not reach \(state) \(during): it \(what)")
                return quiz
            }
            measure.end = changedAt[host]?[state] ?? simulation.now
            measure.leaving = step.transitions[host]?.first?.from ?? change.from
            // What the host sends as it changes state says what the change means on the wire: the third segment
            // carrying queued data (§3.10.7.3) rather than a bare ACK. A timer that sends nothing has its own rule.
            measure.reason = step.emitted.last { $0.from == host }?.because ?? change.because
        }
        switch measure.since {
        case .previousSegment, .sent, .arrival:
            guard let previous = frames.last(where: { $0.wire != nil })?.wire else {
                diagnose(quiz.line, measure.sinceColumn, "no segment is shown before this question to measure from")
                return quiz
            }
            measure.start = previous.sentAt
        case .call(let host, let verb):
            let called = frames.last { frame in
                guard case .call(host, let call) = frame.event else { return false }
                return TimeMeasure.call(call, isNamed: verb)
            }
            guard let called else {
                diagnose(quiz.line, measure.sinceColumn, "\(host) has not called \(verb) before this question")
                return quiz
            }
            measure.start = called.time
        case .state(let host, let state):
            guard let time = entered[host]?[state] else {
                diagnose(quiz.line, measure.sinceColumn, "\(host) has not entered \(state) before this question")
                return quiz
            }
            measure.start = time
        }
        quiz.measure = measure
        return quiz
    }

    /// Keeps when each host last entered each state, once a step is recorded.
    mutating func noteStateTimes(_ step: SimulationStep) {
        for (host, transitions) in step.transitions {
            for transition in transitions {
                entered[host, default: [:]][transition.to] = changedAt[host]?[transition.to] ?? simulation.now
            }
        }
        changedAt = [:]
    }
}

extension FrameEvent {
    /// The segment of a segment event.
    var wireEvent: WireEvent? {
        if case .segment(let wire) = self { return wire }
        return nil
    }
}
