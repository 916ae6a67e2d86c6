import LessonKit
import TCPCore
import TCPNotation
import TimelineKit

/// One question: predict the segment a frame shows. Everything the grader needs is taken from the engine's
/// timeline: the segment, the reasons, and the history that explains the numbers.
public struct QuizQuestion: Hashable, Sendable {
    public var lessonID: String
    /// The frame whose segment is asked about.
    public var frameIndex: Int
    /// The lesson line of the quiz directive (or of the segment, in "predict every segment" mode).
    public var line: Int
    public var fields: [QuizField]
    /// The segment the engine sent: the answer.
    public var expected: WireEvent
    /// The receiver's state before and after the segment arrives.
    public var receiverStateBefore: ConnectionState
    public var receiverStateAfter: ConnectionState
    /// The sender's state after this step (for recognising a state answered for the wrong host).
    public var senderStateAfter: ConnectionState
    /// State changes of the receiver in this step, each with its reason.
    public var receiverTransitions: [Transition]
    public var numbering: QuizNumbering
    public var hosts: [HostID: HostAddress]
    /// The sender's own previous segment on the wire, if any: the base of its seq.
    public var previousFromSender: Segment?
    /// The last segment from the receiver that the sender got and that occupied sequence space: what
    /// this segment acknowledges.
    public var acknowledgedSegment: Segment?
    /// The last segment from the receiver that the sender got, whatever it carried.
    public var lastReceivedBySender: Segment?
    /// Segments from the receiver that reached the sender after it emitted this one: they crossed on the
    /// wire, so this segment cannot acknowledge them.
    public var crossedOnWire: [Segment]
    /// The segment shown on the wire just before this one.
    public var previousOnWire: WireEvent?
    /// Milliseconds of virtual time from the moment the segment shown before this one was sent to the moment
    /// this one was sent (from the lesson's start when none was): the answer to a `time` question.
    public var elapsed: UInt64
    /// What a `time` question measures when it is not the default (`quiz time until A CLOSED`): the moments and
    /// their virtual times, from the engine. With a state change as its end and no segment in its frame (a `wait`),
    /// `expected` is the segment shown before, which the question measures from.
    public var measure: TimeMeasure?
    /// The host whose FIN was first on the wire, up to and including this segment.
    public var firstCloser: HostID?
    /// The ISNs the hosts have chosen by the moment shown with the question: a host's ISN is picked when it
    /// leaves CLOSED or LISTEN for a connection (RFC 9293 §3.4.1), and a SYN on the wire shows it. The lesson's
    /// narration says so as it happens; a question asked on its own (quiz, exam) must say it too, or the seq of
    /// a SYN could not be answered at all.
    public var chosenISNs: [HostID: SequenceNumber]
    /// The clocks behind ISNs not shown yet (a lesson whose ISNs are clock values, such as "booted 38 minutes
    /// ago"): the question's setting. Such an ISN is what a question asks to compute, so it is left out of
    /// `chosenISNs` and the setting is shown instead (TEACHING.md rule 12).
    public var clocks: [HostID: ClockReading]

    /// A question on frame `frameIndex` of `timeline`; nil when that frame shows no segment.
    public init?(timeline: Timeline, frameIndex: Int, fields: [QuizField], line: Int? = nil) {
        guard timeline.frames.indices.contains(frameIndex),
            let wire = timeline.frames[frameIndex].wire ?? Self.stateQuestionBasis(timeline, frameIndex)
        else {
            return nil
        }
        let frame = timeline.frames[frameIndex]
        let before = frameIndex > 0 ? timeline.frames[frameIndex - 1] : frame
        let earlier = timeline.frames[..<frameIndex].compactMap(\.wire)
        self.measure = frame.quiz?.measure
        self.lessonID = timeline.lessonID
        self.frameIndex = frameIndex
        self.line = line ?? frame.quiz?.line ?? frame.origin.number
        self.fields = fields
        self.expected = wire
        self.receiverStateBefore = before.hosts[wire.to].state
        self.receiverStateAfter = frame.hosts[wire.to].state
        self.senderStateAfter = frame.hosts[wire.from].state
        self.receiverTransitions = frame.transitions[wire.to] ?? []
        self.numbering = QuizNumbering(timeline: timeline)
        self.hosts = timeline.hosts.dictionary
        self.previousFromSender = earlier.last { $0.from == wire.from }?.segment
        // What the sender had received when it emitted the segment: a segment that crossed later (a FIN
        // crossing another FIN in a simultaneous close) cannot be acknowledged by it.
        let emission = Self.emissionFrame(of: wire, before: frameIndex, in: timeline) ?? frameIndex - 1
        let received = timeline.frames[...max(0, min(emission, frameIndex - 1))].compactMap(\.wire).filter {
            $0.from == wire.to && $0.fate != .dropped
        }
        self.lastReceivedBySender = received.last?.segment
        self.crossedOnWire = timeline.frames[(emission + 1)..<frameIndex].compactMap(\.wire).filter {
            $0.from == wire.to && $0.fate != .dropped
        }.map(\.segment)
        self.acknowledgedSegment = Self.acknowledged(by: wire.segment, among: received.map(\.segment))
        self.previousOnWire = earlier.last
        self.elapsed = frame.quiz?.measure?.elapsed ?? wire.sentAt - min(wire.sentAt, earlier.last?.sentAt ?? 0)
        self.firstCloser = (earlier + [wire]).first { $0.segment.has(.fin) }?.from
        var chosen: [HostID: SequenceNumber] = [:]
        for host in HostID.allCases {
            let snapshot = before.hosts[host]
            guard let tcb = snapshot.tcb else { continue }
            // A SYN injected from outside (an old duplicate, a spoofed one) carries no ISN of the host's.
            let synSent = earlier.contains { $0.from == host && $0.segment.has(.syn) && $0.sentBecause != .fromOutside }
            if synSent || ![.closed, .listen].contains(snapshot.state) { chosen[host] = tcb.iss }
        }
        var clocks: [HostID: ClockReading] = [:]
        for (host, clock) in timeline.clocks where timeline.numbering == .absolute {
            // An ISN a segment on the wire has shown is a number like any other; one not shown is computed.
            let shown = earlier.contains { $0.from == host && $0.segment.has(.syn) && $0.sentBecause != .fromOutside }
            guard !shown, clock.value == timeline.isn[host].rawValue else { continue }
            clocks[host] = clock
            chosen[host] = nil
        }
        self.chosenISNs = chosen
        self.clocks = clocks
    }

    /// The question's setting: the sender's clock when its ISN has not been shown, as in "A: 4.4BSD clock …,
    /// booted 38 minutes ago, no connection opened since"; nil otherwise. Only the sender's: its seq may be that
    /// ISN, while a number of this segment never depends on an ISN of the receiver's that no segment has shown.
    public var setting: LocalizedText? {
        guard let clock = clocks[sender] else { return nil }
        return LocalizedText(en: "\(sender): \(clock.setting.en)", zh: "\(sender)：\(clock.setting.zh)")
    }

    /// The frame that emitted `wire`, when the timeline records it.
    static func emissionFrame(of wire: WireEvent, before index: Int, in timeline: Timeline) -> Int? {
        timeline.frames[..<index].last { frame in
            frame.emitted.contains { $0.from == wire.from && $0.segment == wire.segment }
        }?.index
    }

    /// The received segment whose end this segment's ack names, else the latest that occupied sequence space.
    static func acknowledged(by segment: Segment, among received: [Segment]) -> Segment? {
        let occupying = received.filter { $0.sequenceLength > 0 }
        if let ack = segment.ack, let exact = occupying.last(where: { $0.nextSeq == ack }) { return exact }
        if segment.has(.rst), let exact = occupying.last(where: { $0.nextSeq == segment.ackNumber }) { return exact }
        return occupying.last
    }

    /// The questions a timeline's quiz points ask, in order.
    public static func quizPoints(in timeline: Timeline) -> [QuizQuestion] {
        timeline.frames.compactMap { frame in
            guard let quiz = frame.quiz else { return nil }
            return QuizQuestion(timeline: timeline, frameIndex: frame.index, fields: quiz.fields, line: quiz.line)
        }
    }

    /// "Predict every segment": every segment a host's TCP sent asks for flags, seq and ack. A segment injected
    /// from outside (an old duplicate, a spoofed SYN) follows no rule of the sender's, so it is not asked; nor is
    /// a listener's SYN+ACK for its half-open queue or with a SYN cookie, whose seq is no ISN the learner was told
    /// (a cookie is a keyed hash, RFC 4987 §3.6).
    public static func everySegment(in timeline: Timeline) -> [QuizQuestion] {
        let unaskable: Set<Rule> = [.fromOutside, .synQueued, .synCookieSent]
        return timeline.frames.compactMap { frame in
            guard let sent = frame.wire?.sentBecause, !unaskable.contains(sent) else { return nil }
            return QuizQuestion(
                timeline: timeline, frameIndex: frame.index, fields: [.flags, .seq, .ack], line: frame.origin.number)
        }
    }

    /// The segment's sender and receiver.
    public var sender: HostID { expected.from }
    public var receiver: HostID { expected.to }
    public var segment: Segment { expected.segment }

    /// The seq as the learner should type it.
    public var expectedTypedSeq: UInt32 {
        numbering.typed(segment.seq, .seq, sender: sender, rule: expected.sentBecause)
    }

    /// The ack as the learner should type it (`.absent` without the ACK flag).
    public var expectedTypedAck: AckAnswer {
        guard let ack = segment.ack else { return .absent }
        return .number(numbering.typed(ack, .ack, sender: sender))
    }

    /// The rule that explains the receiver's new state: its last transition, else how it handled the segment.
    public var stateRule: Rule? {
        receiverTransitions.last?.because ?? expected.handledBecause
    }

    /// A segment as the learner would see it in this question's numbering, for explanations.
    func shown(_ segment: Segment, from host: HostID) -> String {
        segment.notation(base: numberBase(from: host))
    }

    func numberBase(from host: HostID) -> NumberBase {
        NumberBase(seqBase: numbering.base(.seq, sender: host), ackBase: numbering.base(.ack, sender: host))
    }
}
