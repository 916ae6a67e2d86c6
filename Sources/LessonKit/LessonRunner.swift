import TCPCore
import TCPNotation
import TimelineKit

/// A lesson executed on the engine: the timeline, and every place where the lesson and the engine disagree.
public struct LessonRun: Sendable {
    public var timeline: Timeline
    public var diagnostics: [Diagnostic]
}

/// Executes a lesson on a two-host `Simulation` and records one immutable frame per step.
public struct LessonRunner: Sendable {
    let lesson: Lesson
    let declared: PerHost<SequenceNumber>
    let actual: PerHost<SequenceNumber>
    /// The clocks behind the ISNs in use, for `{A.clock.minutes}`-style placeholders.
    let clocks: [HostID: ClockReading]
    var simulation: Simulation
    var frames: [Frame] = []
    var diagnostics: [Diagnostic] = []
    /// When each host last entered each state, and the same within the step being run (`LessonRunner+Timing`).
    var entered: [HostID: [ConnectionState: UInt64]] = [:]
    var changedAt: [HostID: [ConnectionState: UInt64]] = [:]

    /// Runs `lesson`; `isn` replaces the declared ISNs (for `--isn`).
    public static func run(_ lesson: Lesson, isn override: [HostID: SequenceNumber] = [:]) -> LessonRun {
        run(lesson, sources: override.mapValues { .fixed($0.rawValue) })
    }

    /// Runs `lesson` with fresh ISNs drawn as its `fresh:` header says (`--seed`, quizzes and exams).
    public static func run(_ lesson: Lesson, fresh draw: FreshDraw) -> LessonRun {
        run(lesson, sources: lesson.freshISN(draw))
    }

    /// Runs `lesson`; `sources` replace the declared ISN sources of the hosts they name.
    public static func run(_ lesson: Lesson, sources: [HostID: ISNSource]) -> LessonRun {
        var runner = LessonRunner(lesson: lesson, sources: sources)
        runner.execute()
        return LessonRun(timeline: runner.timeline, diagnostics: runner.diagnostics)
    }

    /// The frames recorded so far, as a timeline.
    var timeline: Timeline {
        Timeline(
            lessonID: lesson.id, title: lesson.title, hosts: lesson.hosts, isn: actual, numbering: lesson.numbering,
            frames: frames, clocks: clocks)
    }

    init(lesson: Lesson, sources override: [HostID: ISNSource]) {
        self.lesson = lesson
        let declared = lesson.declaredISN
        self.declared = declared
        var actual = declared
        var clocks: [HostID: ClockReading] = [:]
        for host in HostID.allCases {
            let source = override[host] ?? lesson.isn[host] ?? .fixed(0)
            let local = lesson.hosts[host]
            let remote = lesson.hosts[host.peer]
            actual[host] = ISNClock.value(of: source, local: local, remote: remote)
            clocks[host] = ClockReading(source, local: local, remote: remote)
        }
        self.actual = actual
        self.clocks = clocks
        simulation = Simulation(
            a: Endpoint(initialSequenceNumber: actual.a, configuration: lesson.configuration.a),
            b: Endpoint(initialSequenceNumber: actual.b, configuration: lesson.configuration.b))
    }

    mutating func diagnose(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: lesson.file, line: line, column: max(column, 1), message: message))
    }

    mutating func execute() {
        record(line: 0, event: .start, step: SimulationStep(), narration: lesson.introduction, quiz: nil)
        for step in lesson.steps {
            perform(step)
            check(step.checks)
        }
    }

    mutating func perform(_ step: Step) {
        switch step.action {
        case .call(let host, let call):
            let result = simulation.call(call, on: host)
            record(line: step.line, event: .call(host, call), step: result, narration: step.narration, quiz: nil)
        case .deliver(let host, let pattern, let column):
            guard let flight = simulation.nextInFlight(from: host) else {
                return nothingInFlight(host, step: step)
            }
            if let pattern { assert(pattern, matches: flight, line: step.line, column: column, verb: "sends") }
            let result = simulation.deliverNext(from: host)!
            let wire = wireEvent(flight, fate: .delivered, handled: result.verdict)
            record(line: step.line, event: .segment(wire), step: result, narration: step.narration, quiz: step.quiz)
        case .drop(let host, let pattern, let column):
            guard let flight = simulation.nextInFlight(from: host) else { return nothingInFlight(host, step: step) }
            if let pattern { assert(pattern, matches: flight, line: step.line, column: column, verb: "sends") }
            _ = simulation.dropNext(from: host)
            let wire = wireEvent(flight, fate: .dropped, handled: nil)
            record(line: step.line, event: .segment(wire), step: SimulationStep(), narration: step.narration, quiz: nil)
        case .duplicate(let host, let pattern, let column):
            guard let flight = simulation.nextInFlight(from: host) else { return nothingInFlight(host, step: step) }
            if let pattern { assert(pattern, matches: flight, line: step.line, column: column, verb: "sends") }
            let copy = simulation.duplicateNext(from: host)!
            var result = SimulationStep()
            result.emitted = [copy]
            let wire = wireEvent(flight, fate: .duplicated, handled: nil)
            record(line: step.line, event: .segment(wire), step: result, narration: step.narration, quiz: nil)
        case .reorder(let host):
            if !simulation.reorderNext(from: host) {
                diagnose(step.line, 1, "'reorder' needs two segments in flight from \(host) to \(host.peer)")
            }
            record(line: step.line, event: .reorder(host), step: SimulationStep(), narration: step.narration, quiz: nil)
        case .inject(let host, let written):
            let segment = rebased(written, from: host, sentBecause: .fromOutside)
            let result = simulation.inject(segment, from: host)
            var wire = WireEvent(
                from: host, to: host.peer, segment: segment, fate: .delivered, sentBecause: .fromOutside,
                handledBecause: result.verdict)
            wire.sentAt = simulation.now
            record(line: step.line, event: .segment(wire), step: result, narration: step.narration, quiz: step.quiz)
        case .wait(let milliseconds):
            let result = advanceNotingStateTimes(by: milliseconds)
            record(
                line: step.line, event: .wait(milliseconds: milliseconds), step: result, narration: step.narration,
                quiz: step.quiz)
        case .say:
            record(line: step.line, event: .say, step: SimulationStep(), narration: step.narration, quiz: nil)
        }
    }

    mutating func nothingInFlight(_ host: HostID, step: Step) {
        let other = simulation.wire.map {
            "\($0.from) > \($0.to): \(written($0.segment, from: $0.from, rule: $0.because))"
        }
        let detail = other.isEmpty ? "nothing is in flight" : "in flight: " + other.joined(separator: "; ")
        diagnose(step.line, 1, "\(host) has sent nothing that is still on its way to \(host.peer) here (\(detail))")
        // The step still gets its frame, with its narration only, so that frames and steps stay in step.
        record(line: step.line, event: .say, step: SimulationStep(), narration: step.narration, quiz: nil)
    }

    mutating func check(_ checks: [StepCheck]) {
        for check in checks {
            switch check.expectation {
            case .state(let host, let state, let column):
                let actualState = simulation[host].state
                if actualState != state {
                    let why =
                        frames.last?.transitions[host]?.last.map { " (\(RuleText.summary($0.because, .en)))" } ?? ""
                    diagnose(check.line, column, "\(host) is in \(actualState) here, not \(state)\(why)")
                }
            case .wireEmpty(let column):
                if !simulation.wire.isEmpty {
                    let list = simulation.wire.map {
                        "\($0.from) > \($0.to): \(written($0.segment, from: $0.from, rule: $0.because))"
                    }
                    diagnose(check.line, column, "the wire is not empty: " + list.joined(separator: "; "))
                }
            }
        }
    }

    /// Compares what the lesson wrote with what the engine sent, in the lesson's own numbers.
    mutating func assert(_ pattern: SegmentPattern, matches flight: InFlight, line: Int, column: Int, verb: String) {
        let expected = rebased(pattern, from: flight.from, rule: flight.because)
        guard !expected.matches(flight.segment) else { return }
        let engine = written(flight.segment, from: flight.from, rule: flight.because)
        diagnose(
            line, column,
            "this segment is not what \(flight.from) \(verb): expected \(engine) (\(RuleText.explanation(flight.because, .en)))"
        )
    }

    /// The engine's numbers for a pattern written against the declared ISNs (or relative to them).
    func rebased(_ pattern: SegmentPattern, from sender: HostID, rule: Rule) -> SegmentPattern {
        var result = pattern
        if let seq = pattern.seq, !Self.seqIsAbsolute(rule) { result.seq = shift(seq, host: sender, toActual: true) }
        if let ack = pattern.ack { result.ack = shift(ack, host: sender.peer, toActual: true) }
        return result
    }

    func rebased(_ segment: Segment, from sender: HostID, sentBecause rule: Rule) -> Segment {
        var result = segment
        result.seq = shift(segment.seq, host: sender, toActual: true)
        if segment.has(.ack) { result.ackNumber = shift(segment.ackNumber, host: sender.peer, toActual: true) }
        return result
    }

    /// A segment in the lesson's own numbers, as its author would write it.
    func written(_ segment: Segment, from sender: HostID, rule: Rule) -> String {
        var result = segment
        if !Self.seqIsAbsolute(rule) { result.seq = shift(segment.seq, host: sender, toActual: false) }
        if segment.has(.ack) { result.ackNumber = shift(segment.ackNumber, host: sender.peer, toActual: false) }
        return result.notation()
    }

    /// A reset from a host with no connection has seq 0: it belongs to no ISN.
    static func seqIsAbsolute(_ rule: Rule) -> Bool { rule == .closedResetsNonAckSegment }

    /// Moves a number between the lesson's written space and the engine's actual one.
    func shift(_ value: SequenceNumber, host: HostID, toActual: Bool) -> SequenceNumber {
        let writtenBase = lesson.numbering == .absolute ? declared[host] : SequenceNumber(0)
        return toActual
            ? SequenceNumber(value.rawValue &- writtenBase.rawValue &+ actual[host].rawValue)
            : SequenceNumber(value.rawValue &- actual[host].rawValue &+ writtenBase.rawValue)
    }

    func wireEvent(_ flight: InFlight, fate: SegmentFate, handled: Rule?) -> WireEvent {
        var event = WireEvent(
            from: flight.from, to: flight.to, segment: flight.segment, fate: fate, sentBecause: flight.because,
            handledBecause: handled)
        event.sentAt = flight.sentAt
        return event
    }

    mutating func record(
        line: Int, event: FrameEvent, step: SimulationStep, narration: LocalizedText?, quiz: QuizPoint?
    ) {
        let hosts = PerHost { host in
            let endpoint = simulation[host]
            return HostSnapshot(state: endpoint.state, tcb: endpoint.tcb, unreadBytes: endpoint.unreadBytes)
        }
        let emitted = step.emitted.map { wireEvent($0, fate: .inFlight, handled: nil) }
        let inFlight = simulation.wire.map { wireEvent($0, fate: .inFlight, handled: nil) }
        let filled = narration.map { fillings($0, hosts: hosts) } ?? [:]
        let quiz = measured(quiz, event: event, step: step)
        noteStateTimes(step)
        var frame = Frame(
            index: frames.count, origin: .lessonLine(line), time: simulation.now, event: event, hosts: hosts,
            transitions: step.transitions, emitted: emitted, inFlight: inFlight,
            narration: filled[lesson.numbering] ?? narration, quiz: quiz)
        frame.errors = step.errors
        frame.narrationByNumbering = filled
        frames.append(frame)
    }
}
