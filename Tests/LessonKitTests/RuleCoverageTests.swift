import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

/// Every `Rule` names something the engine really does: each one is produced by a lesson of the curriculum or by
/// one of the engine scenarios below, so a rule nobody can reach is noticed and removed (or taught).
@Suite("Rule coverage: every rule is produced by some scenario")
struct RuleCoverageTests {
    /// Every rule a timeline records: why each segment was sent, how each arrival was handled, each transition.
    static func rules(in timeline: Timeline) -> Set<Rule> {
        var rules: Set<Rule> = []
        for frame in timeline.frames {
            for event in frame.emitted + [frame.wire].compactMap({ $0 }) {
                rules.insert(event.sentBecause)
                if let handled = event.handledBecause { rules.insert(handled) }
            }
            for transition in frame.transitions.values.flatMap({ $0 }) { rules.insert(transition.because) }
        }
        return rules
    }

    /// Every rule a simulation step records.
    static func rules(in step: SimulationStep?) -> Set<Rule> {
        guard let step else { return [] }
        var rules = Set(step.emitted.map(\.because))
        if let verdict = step.verdict { rules.insert(verdict) }
        for transition in step.transitions.values.flatMap({ $0 }) { rules.insert(transition.because) }
        return rules
    }

    /// The rules the shipped lessons produce.
    static func lessonRules() throws -> Set<Rule> {
        var rules: Set<Rule> = []
        for file in Curriculum.files {
            let run = LessonRunner.run(try LessonLibrary.load(file))
            rules.formUnion(Self.rules(in: run.timeline))
        }
        return rules
    }

    static func simulation(_ configuration: EndpointConfiguration = .init()) -> Simulation {
        Simulation(
            a: Endpoint(initialSequenceNumber: SequenceNumber(100), configuration: configuration),
            b: Endpoint(initialSequenceNumber: SequenceNumber(300), configuration: configuration))
    }

    /// A simulation with A and B ESTABLISHED (A 101/301, B 301/101) and nothing in flight.
    static func established(_ configuration: EndpointConfiguration = .init()) -> Simulation {
        var simulation = simulation(configuration)
        simulation.call(.listen, on: .b)
        simulation.call(.connect, on: .a)
        simulation.deliverNext(from: .a)
        simulation.deliverNext(from: .b)
        simulation.deliverNext(from: .a)
        return simulation
    }

    /// Engine scenarios for the rules no lesson shows: calls and arrivals in the states where the RFC handles
    /// them, each a few steps long.
    static func engineRules() -> Set<Rule> {
        var rules: Set<Rule> = []
        func seg(_ flags: TCPFlags, _ seq: UInt32, ack: UInt32? = nil) -> Segment {
            Segment(flags: flags, seq: SequenceNumber(seq), ack: ack.map { SequenceNumber($0) })
        }
        // CLOSE in LISTEN and in SYN_SENT; ABORT without a reset.
        var s = simulation()
        rules.formUnion(Self.rules(in: s.call(.listen, on: .b)))
        rules.formUnion(Self.rules(in: s.call(.close, on: .b)))
        rules.formUnion(Self.rules(in: s.call(.connect, on: .a)))
        rules.formUnion(Self.rules(in: s.call(.close, on: .a)))
        s = simulation()
        s.call(.listen, on: .b)
        rules.formUnion(Self.rules(in: s.call(.abort, on: .b)))
        // CLOSED discards an RST; LISTEN ignores an RST, resets an ACK, drops anything else.
        s = simulation()
        rules.formUnion(Self.rules(in: s.inject(seg(.rst, 5), from: .a)))
        s.call(.listen, on: .b)
        rules.formUnion(Self.rules(in: s.inject(seg(.rst, 5), from: .a)))
        rules.formUnion(Self.rules(in: s.inject(seg(.ack, 5, ack: 9), from: .a)))
        rules.formUnion(Self.rules(in: s.inject(seg(.fin, 5), from: .a)))
        // SYN_SENT: a bad ACK is reset, a bad ACK with RST ignored, an RST without ACK dropped, other text dropped.
        s = simulation()
        s.call(.connect, on: .a)
        rules.formUnion(Self.rules(in: s.inject(seg(.ack, 5, ack: 50), from: .b)))
        rules.formUnion(Self.rules(in: s.inject(seg([.rst, .ack], 5, ack: 50), from: .b)))
        rules.formUnion(Self.rules(in: s.inject(seg(.rst, 5), from: .b)))
        rules.formUnion(Self.rules(in: s.inject(seg(.fin, 5), from: .b)))
        // SYN_RECEIVED: a bad ACK is reset; established: no ACK dropped, an ACK of unsent data answered.
        s = simulation()
        s.call(.listen, on: .b)
        s.call(.connect, on: .a)
        s.deliverNext(from: .a)
        rules.formUnion(Self.rules(in: s.inject(seg(.ack, 101, ack: 900), from: .a)))
        s = established()
        rules.formUnion(Self.rules(in: s.inject(seg(.psh, 101), from: .a)))
        rules.formUnion(Self.rules(in: s.inject(seg(.ack, 101, ack: 900), from: .a)))
        // USER TIMEOUT: data never acknowledged.
        s = established(EndpointConfiguration(userTimeout: 10_000))
        s.call(.send(10), on: .a)
        s.dropNext(from: .a)
        for _ in 0..<5 {
            rules.formUnion(Self.rules(in: s.advance(by: 5_000)))
            while s.dropNext(from: .a) != nil {}
        }
        // A delayed ACK that nothing rides on.
        s = established(EndpointConfiguration(delayedAck: 200))
        s.call(.send(10), on: .a)
        s.deliverNext(from: .a)
        rules.formUnion(Self.rules(in: s.advance(by: 200)))
        // TIME_WAIT takes an acceptable bare ACK without answering; CLOSE_WAIT acknowledges a FIN at RCV.NXT.
        s = established()
        s.call(.close, on: .a)
        s.deliverNext(from: .a)
        s.deliverNext(from: .b)
        s.call(.close, on: .b)
        s.deliverNext(from: .b)
        rules.formUnion(Self.rules(in: s.inject(seg(.ack, 302, ack: 102), from: .b)))
        s = established()
        s.call(.shutdown, on: .b)
        s.deliverNext(from: .b)
        rules.formUnion(Self.rules(in: s.inject(seg(.fin, 302, ack: 101), from: .b)))
        // Data reaching an application that called close() is answered with RST (SHLD-3).
        s = established()
        s.call(.close, on: .a)
        s.deliverNext(from: .a)
        s.call(.send(10), on: .b)
        s.deliverNext(from: .b)
        rules.formUnion(Self.rules(in: s.deliverNext(from: .b)))
        // A listener with a SYN backlog queues a SYN, and the entry's ACK completes it (RFC 4987 §2).
        s = simulation(EndpointConfiguration(synBacklog: 1))
        s.call(.listen, on: .b)
        s.call(.connect, on: .a)
        rules.formUnion(Self.rules(in: s.deliverNext(from: .a)))
        s.deliverNext(from: .b)
        rules.formUnion(Self.rules(in: s.deliverNext(from: .a)))
        return rules
    }

    @Test func everyRuleIsProducedByALessonOrAnEngineScenario() throws {
        let lessons = try Self.lessonRules()
        let engine = Self.engineRules()
        let missing = Set(Rule.allCases).subtracting(lessons).subtracting(engine)
        #expect(missing.isEmpty, "no lesson or engine scenario produces \(missing.map(\.rawValue).sorted())")
    }
}
