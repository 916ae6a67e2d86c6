import LessonKit
import TCPNotation
import TimelineKit

@testable import TCPCore

/// Builds timelines by hand, one step at a time, with the values the engine must produce: the segments as
/// the seed document prints them, each with its rule, and each host's state after the step.
struct TimelineBuilder {
    private(set) var timeline: Timeline
    private var states: [HostID: ConnectionState] = [.a: .closed, .b: .closed]

    init(
        lessonID: String = "fixture", isn: [HostID: SequenceNumber], numbering: Numbering = .absolute,
        hosts: [HostID: HostAddress] = Fixtures.seedHosts
    ) {
        let start = Frame(
            index: 0, origin: .lessonLine(0), time: 0, event: .start,
            hosts: PerHost(repeating: HostSnapshot(state: .closed, tcb: nil)),
            transitions: [:], emitted: [], inFlight: [], narration: nil, quiz: nil)
        timeline = Timeline(
            lessonID: lessonID, title: LocalizedText(en: lessonID, zh: lessonID), hosts: PerHost { hosts[$0]! },
            isn: PerHost { isn[$0]! },
            numbering: numbering, frames: [start])
    }

    /// The index the next frame will have.
    var nextIndex: Int { timeline.frames.count }

    /// An application call; `state` is the host's state after it.
    mutating func call(_ host: HostID, _ call: UserCall, state: ConnectionState, because rule: Rule) {
        let transition = Transition(from: states[host]!, to: state, because: rule)
        states[host] = state
        append(.call(host, call), transitions: [host: [transition]], quiz: nil)
    }

    /// A segment crossing the wire, written in the seed's notation. `receiverState` is the receiver's state
    /// after processing it (nil: unchanged); `senderState` changes the sender too (nil: unchanged).
    @discardableResult
    mutating func segment(
        _ from: HostID, _ notation: String, sent: Rule, handled: Rule?, receiverState: ConnectionState? = nil,
        senderState: ConnectionState? = nil, fate: SegmentFate = .delivered, quiz: [QuizField]? = nil,
        emittedAt: Int? = nil
    ) -> Int {
        let segment = try! Segment(notation: notation)
        let to = from.peer
        let wire = WireEvent(
            from: from, to: to, segment: segment, fate: fate, sentBecause: sent,
            handledBecause: fate == .dropped ? nil : handled)
        var transitions: [HostID: [Transition]] = [:]
        if let receiverState, receiverState != states[to] {
            transitions[to] = [Transition(from: states[to]!, to: receiverState, because: handled ?? sent)]
            states[to] = receiverState
        }
        if let senderState, senderState != states[from] {
            transitions[from] = [Transition(from: states[from]!, to: senderState, because: sent)]
            states[from] = senderState
        }
        if let emittedAt {
            var emitted = wire
            emitted.handledBecause = nil
            timeline.frames[emittedAt].emitted.append(emitted)
        }
        let index = nextIndex
        append(.segment(wire), transitions: transitions, quiz: quiz.map { QuizPoint(fields: $0, line: 100 + index) })
        return index
    }

    private mutating func append(_ event: FrameEvent, transitions: [HostID: [Transition]], quiz: QuizPoint?) {
        let index = nextIndex
        let hosts = PerHost<HostSnapshot> { HostSnapshot(state: states[$0]!, tcb: nil) }
        timeline.frames.append(
            Frame(
                index: index, origin: .lessonLine(10 + index), time: UInt64(index) * 10, event: event, hosts: hosts,
                transitions: transitions, emitted: [], inFlight: [], narration: nil, quiz: quiz))
    }
}

/// The lessons the quiz tests are built on.
enum Fixtures {
    static let seedHosts: [HostID: HostAddress] = [
        .a: HostAddress(address: "192.168.1.116", port: 3337), .b: HostAddress(address: "192.168.1.123", port: 7788),
    ]

    /// Frame indices of the seed lesson's segments.
    struct SeedFrames {
        var syn = 0, synAck = 0, handshakeAck = 0, data = 0, dataAck = 0, finA = 0, ackOfFinA = 0, finB = 0
        var lastAck = 0
    }

    /// The seed document's handshake (A 3626544836, B 1739326486), 100 bytes from A, and A closing first:
    /// every segment, rule and state as RFC 9293 gives them.
    static func seed(
        isnA: UInt32 = 3_626_544_836, isnB: UInt32 = 1_739_326_486, numbering: Numbering = .absolute,
        lessonID: String = "seed", quiz: [QuizField] = [.sender, .flags, .seq, .ack, .state]
    ) -> (timeline: Timeline, frames: SeedFrames) {
        let a = SequenceNumber(isnA)
        let b = SequenceNumber(isnB)
        var builder = TimelineBuilder(lessonID: lessonID, isn: [.a: a, .b: b], numbering: numbering)
        var frames = SeedFrames()
        builder.call(.b, .listen, state: .listen, because: .passiveOpen)
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        frames.syn = builder.segment(
            .a, "S \(a):\(a)(0)", sent: .activeOpen, handled: .listenAnswersSyn, receiverState: .synReceived,
            quiz: quiz)
        frames.synAck = builder.segment(
            .b, "S. \(b):\(b)(0) ack \(a &+ 1)", sent: .listenAnswersSyn, handled: .synSentCompletesHandshake,
            receiverState: .established, quiz: quiz)
        frames.handshakeAck = builder.segment(
            .a, ". \(a &+ 1):\(a &+ 1)(0) ack \(b &+ 1)", sent: .synSentCompletesHandshake,
            handled: .synReceivedAckEstablishes, receiverState: .established, quiz: quiz)
        builder.call(.a, .send(100), state: .established, because: .sendData)
        frames.data = builder.segment(
            .a, "P. \(a &+ 1):\(a &+ 101)(100) ack \(b &+ 1)", sent: .sendData, handled: .dataAcknowledged,
            quiz: quiz)
        frames.dataAck = builder.segment(
            .b, ". \(b &+ 1):\(b &+ 1)(0) ack \(a &+ 101)", sent: .dataAcknowledged, handled: .ackAdvancesSendUna,
            quiz: quiz)
        builder.call(.a, .close, state: .finWait1, because: .closeSendsFin)
        frames.finA = builder.segment(
            .a, "F. \(a &+ 101):\(a &+ 101)(0) ack \(b &+ 1)", sent: .closeSendsFin, handled: .finReceived,
            receiverState: .closeWait, quiz: quiz)
        frames.ackOfFinA = builder.segment(
            .b, ". \(b &+ 1):\(b &+ 1)(0) ack \(a &+ 102)", sent: .finReceived, handled: .finWait1FinAcked,
            receiverState: .finWait2, quiz: quiz)
        builder.call(.b, .close, state: .lastAck, because: .closeSendsFin)
        frames.finB = builder.segment(
            .b, "F. \(b &+ 1):\(b &+ 1)(0) ack \(a &+ 102)", sent: .closeSendsFin, handled: .finReceivedInFinWait2,
            receiverState: .timeWait, quiz: quiz)
        frames.lastAck = builder.segment(
            .a, ". \(a &+ 102):\(a &+ 102)(0) ack \(b &+ 2)", sent: .finReceivedInFinWait2, handled: .lastAckFinAcked,
            receiverState: .closed, quiz: quiz)
        return (builder.timeline, frames)
    }

    /// After the handshake B sends 50 bytes first, A acknowledges, then A sends twice 100 bytes.
    static func dataBothWays() -> (timeline: Timeline, bData: Int, aAck: Int, aData1: Int, bAck: Int, aData2: Int) {
        let a = SequenceNumber(1000)
        let b = SequenceNumber(5000)
        var builder = TimelineBuilder(lessonID: "data", isn: [.a: a, .b: b])
        let quiz: [QuizField] = [.flags, .seq, .ack, .len]
        builder.call(.b, .listen, state: .listen, because: .passiveOpen)
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        builder.segment(
            .a, "S 1000:1000(0)", sent: .activeOpen, handled: .listenAnswersSyn, receiverState: .synReceived)
        builder.segment(
            .b, "S. 5000:5000(0) ack 1001", sent: .listenAnswersSyn, handled: .synSentCompletesHandshake,
            receiverState: .established)
        builder.segment(
            .a, ". 1001:1001(0) ack 5001", sent: .synSentCompletesHandshake, handled: .synReceivedAckEstablishes,
            receiverState: .established)
        builder.call(.b, .send(50), state: .established, because: .sendData)
        let bData = builder.segment(
            .b, "P. 5001:5051(50) ack 1001", sent: .sendData, handled: .dataAcknowledged, quiz: quiz)
        let aAck = builder.segment(
            .a, ". 1001:1001(0) ack 5051", sent: .dataAcknowledged, handled: .ackAdvancesSendUna, quiz: quiz)
        builder.call(.a, .send(100), state: .established, because: .sendData)
        let aData1 = builder.segment(
            .a, "P. 1001:1101(100) ack 5051", sent: .sendData, handled: .dataAcknowledged, quiz: quiz)
        let bAck = builder.segment(
            .b, ". 5051:5051(0) ack 1101", sent: .dataAcknowledged, handled: .ackAdvancesSendUna, quiz: quiz)
        builder.call(.a, .send(100), state: .established, because: .sendData)
        let aData2 = builder.segment(
            .a, "P. 1101:1201(100) ack 5051", sent: .sendData, handled: .dataAcknowledged, quiz: quiz)
        return (builder.timeline, bData, aAck, aData1, bAck, aData2)
    }

    /// Established at A 1000, B 2000 (nothing sent yet), from a handshake with ISNs 999 and 1999.
    static func established(lessonID: String) -> TimelineBuilder {
        var builder = TimelineBuilder(lessonID: lessonID, isn: [.a: SequenceNumber(999), .b: SequenceNumber(1999)])
        builder.call(.b, .listen, state: .listen, because: .passiveOpen)
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        builder.segment(.a, "S 999:999(0)", sent: .activeOpen, handled: .listenAnswersSyn, receiverState: .synReceived)
        builder.segment(
            .b, "S. 1999:1999(0) ack 1000", sent: .listenAnswersSyn, handled: .synSentCompletesHandshake,
            receiverState: .established)
        builder.segment(
            .a, ". 1000:1000(0) ack 2000", sent: .synSentCompletesHandshake, handled: .synReceivedAckEstablishes,
            receiverState: .established)
        return builder
    }
}
