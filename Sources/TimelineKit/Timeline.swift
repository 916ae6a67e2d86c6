import TCPCore
import TCPNotation

/// The two languages every lesson is written in.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case en
    case zh
}

/// A text in English and Chinese. A lesson step always has both; `text(_:)` falls back to English.
public struct LocalizedText: Hashable, Sendable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh.isEmpty ? en : zh
        }
    }
}

/// A host's address and port as the lesson or capture declares them.
public struct HostAddress: Hashable, Sendable, CustomStringConvertible {
    public var address: String
    public var port: UInt16

    public init(address: String, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// `192.168.1.116:3337`, or `[::1]:80` for IPv6.
    public var description: String { address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)" }
}

/// One host at one moment: its state and, while it has one, its TCB.
public struct HostSnapshot: Hashable, Sendable {
    public var state: ConnectionState
    /// Nil while no connection record exists (CLOSED before OPEN, or after the TCB is deleted).
    public var tcb: TCB?
    /// Data bytes received and not yet read by the application.
    public var unreadBytes: UInt32

    public init(state: ConnectionState, tcb: TCB?, unreadBytes: UInt32 = 0) {
        self.state = state
        self.tcb = tcb
        self.unreadBytes = unreadBytes
    }
}

/// What happened to a segment on the wire in one step.
public enum SegmentFate: String, Hashable, Sendable {
    /// It crossed and the receiver processed it.
    case delivered
    /// It was lost on the way.
    case dropped
    /// A copy was made; the copy stays in flight.
    case duplicated
    /// On its way: sent and not yet delivered.
    case inFlight
}

/// A segment crossing the wire in one step, with both ends of its story: why it was sent and what the
/// receiver did with it.
public struct WireEvent: Hashable, Sendable {
    public var from: HostID
    public var to: HostID
    public var segment: Segment
    public var fate: SegmentFate
    /// The rule that made the sender emit it.
    public var sentBecause: Rule
    /// The rule the receiver applied on arrival (nil when it never arrived).
    public var handledBecause: Rule?
    /// Virtual milliseconds since the lesson started at which the sender emitted it (0 when unknown, as in a
    /// capture): what a `time` question measures.
    public var sentAt: UInt64 = 0

    public init(
        from: HostID, to: HostID, segment: Segment, fate: SegmentFate, sentBecause: Rule, handledBecause: Rule?
    ) {
        self.from = from
        self.to = to
        self.segment = segment
        self.fate = fate
        self.sentBecause = sentBecause
        self.handledBecause = handledBecause
    }
}

/// The fields a quiz point asks about.
public enum QuizField: String, Hashable, Sendable, CaseIterable {
    /// Which host sends the next segment.
    case sender
    case flags
    case seq
    case ack
    /// Data bytes in the segment.
    case len
    /// The state the receiving host is in after processing the segment.
    case state
    /// How long after the segment shown before it the sender emitted this one, on the virtual clock.
    case time
}

/// A question put before a segment is shown, or before a `wait` whose timer changes a state (`measure`). The answer
/// is the frame's `wire` event or the measured interval, computed by the engine.
public struct QuizPoint: Hashable, Sendable {
    public var fields: [QuizField]
    /// 1-based line of the `quiz` directive in the lesson file.
    public var line: Int
    /// What a `time` question measures when it is not the default (`quiz time until A CLOSED`, `since A connect`).
    public var measure: TimeMeasure?

    public init(fields: [QuizField], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// What a frame shows.
public enum FrameEvent: Hashable, Sendable {
    /// The start: both hosts before anything happens.
    case start
    /// An application call on a host (`A connect`, `B close`).
    case call(HostID, UserCall)
    /// A segment crossing (or failing to cross) the wire.
    case segment(WireEvent)
    /// Virtual time passing; timers that fired are among the frame's `transitions` and new segments.
    case wait(milliseconds: UInt64)
    /// Narration only: nothing happens on the hosts or the wire (a lesson's `say`).
    case say
    /// The two oldest segments in flight from the host swap places (a lesson's `reorder`): the wire changes
    /// order, nothing is sent or received.
    case reorder(HostID)
}

/// Where a frame comes from: a line of a lesson file, or a packet of a capture.
public enum FrameOrigin: Hashable, Sendable {
    /// 1-based line in the lesson file (0 for the start frame).
    case lessonLine(Int)
    /// 1-based number of the captured packet (0 for the start frame, before any packet).
    case capturePacket(Int)

    /// The line or packet number, for a question on the frame that has no quiz point of its own.
    public var number: Int {
        switch self {
        case .lessonLine(let line): line
        case .capturePacket(let packet): packet
        }
    }

    /// The lesson line, or nil for a capture's frame.
    public var lessonLine: Int? {
        if case .lessonLine(let line) = self { return line }
        return nil
    }
}

/// One immutable step of a timeline. Stepping back is indexing: frames never change.
public struct Frame: Hashable, Sendable {
    /// 0-based position in the timeline.
    public var index: Int
    /// The lesson line or the captured packet that produced this frame.
    public var origin: FrameOrigin
    /// Virtual time in milliseconds since the lesson started.
    public var time: UInt64
    public var event: FrameEvent
    /// Both hosts after this step.
    public var hosts: PerHost<HostSnapshot>
    /// State changes in this step on each host, each with its reason.
    public var transitions: [HostID: [Transition]]
    /// Segments emitted during this step and now in flight (not yet shown crossing).
    public var emitted: [WireEvent]
    /// Segments still in flight after this step, oldest first.
    public var inFlight: [WireEvent]
    public var narration: LocalizedText?
    /// Asked before this frame is shown (only on segment frames).
    public var quiz: QuizPoint?
    /// Errors the step signalled to each host's application ("connection reset", "connection refused").
    public var errors: [HostID: [EndpointError]] = [:]
    /// The narration filled in each numbering, when it names numbers (`narration(in:)`).
    public var narrationByNumbering: [Numbering: LocalizedText] = [:]

    public init(
        index: Int, origin: FrameOrigin, time: UInt64, event: FrameEvent, hosts: PerHost<HostSnapshot>,
        transitions: [HostID: [Transition]], emitted: [WireEvent], inFlight: [WireEvent], narration: LocalizedText?,
        quiz: QuizPoint?
    ) {
        self.index = index
        self.origin = origin
        self.time = time
        self.event = event
        self.hosts = hosts
        self.transitions = transitions
        self.emitted = emitted
        self.inFlight = inFlight
        self.narration = narration
        self.quiz = quiz
    }

    /// The segment this frame shows crossing, if any.
    public var wire: WireEvent? {
        if case .segment(let event) = event { return event }
        return nil
    }

    public func host(_ id: HostID) -> HostSnapshot { hosts[id] }
}

/// Whether a lesson's numbers are written absolute or relative to each side's ISN.
public enum Numbering: String, Hashable, Sendable {
    case absolute
    case relative
}

/// A lesson executed on the engine: its header and the frames, in order.
public struct Timeline: Hashable, Sendable {
    public var lessonID: String
    public var title: LocalizedText
    public var hosts: PerHost<HostAddress>
    /// The ISNs actually used (the declared ones, or those from `--isn`/`--seed`).
    public var isn: PerHost<SequenceNumber>
    public var numbering: Numbering
    public var frames: [Frame]
    /// The clocks behind the ISNs, for hosts whose ISN is a clock's value (the lesson's setting: a question
    /// on such an ISN states the clock instead of the number).
    public var clocks: [HostID: ClockReading]

    public init(
        lessonID: String, title: LocalizedText, hosts: PerHost<HostAddress>, isn: PerHost<SequenceNumber>,
        numbering: Numbering, frames: [Frame], clocks: [HostID: ClockReading] = [:]
    ) {
        self.lessonID = lessonID
        self.title = title
        self.hosts = hosts
        self.isn = isn
        self.numbering = numbering
        self.frames = frames
        self.clocks = clocks
    }

    /// The segments shown crossing up to and including frame `index`: the ladder diagram.
    public func ladder(through index: Int) -> [WireEvent] {
        frames[...min(index, frames.count - 1)].compactMap(\.wire)
    }

    /// The base for printing a segment from `sender` in this timeline's numbering.
    public func numberBase(from sender: HostID, numbering: Numbering? = nil) -> NumberBase {
        switch numbering ?? self.numbering {
        case .absolute: .absolute
        case .relative: NumberBase(seqBase: isn[sender], ackBase: isn[sender.peer])
        }
    }
}
