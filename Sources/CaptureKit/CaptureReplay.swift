import TCPCore
import TimelineKit

/// One captured segment after inference: what it is, why it was sent and what became of it.
public struct CaptureStep: Hashable, Sendable {
    /// The packet's number in the file (for text, its line).
    public var packet: Int
    public var time: CaptureTime
    public var from: HostID
    /// The segment as captured, with absolute numbers.
    public var segment: Segment
    public var labels: [SegmentLabel] = []
    /// Why the sender sent it, by the engine's rules; nil when the engine has no rule for it.
    public var rule: Rule?
    /// The application calls the inference assumed behind it (connect, send 100, shutdown, close, abort).
    public var calls: [UserCall] = []
    /// What the engine would have sent instead, when it did not predict this segment.
    public var expected: Segment?
    /// What the labels mean here, and why the engine disagrees when it does.
    public var notes: [LocalizedText] = []
    /// Delivered, dropped (sent again before it was seen to arrive) or still in flight when the capture ends.
    public var fate: SegmentFate = .inFlight
    /// The 0-based step at which the receiver processed it.
    public var deliveredAtStep: Int?
    /// How the receiver's engine handled it.
    public var handledBecause: Rule?
    /// For a retransmission the sender's engine timer explains: the engine's wait and the capture's.
    public var retransmissionTimer: RetransmissionTiming?

    public init(packet: Int, time: CaptureTime, from: HostID, segment: Segment) {
        self.packet = packet
        self.time = time
        self.from = from
        self.segment = segment
    }

    public var to: HostID { from.peer }

    /// The notes, then the engine's retransmission timing when it has one: all a step says beyond its rule.
    public var notesWithTiming: [LocalizedText] { notes + (retransmissionTimer.map { [$0.note] } ?? []) }

    public func has(_ label: SegmentLabel) -> Bool { labels.contains(label) }
}

/// A connection from a capture shown like a lesson: the same `Timeline` of `Frame`s (a start frame, then one
/// frame per captured segment), plus what the inference found out about each segment. A frame's `line` is its
/// packet's number in the file (for text, the line), its `time` milliseconds since the capture's first packet,
/// and its narration the step's labels and notes in both languages.
public struct CaptureReplay: Hashable, Sendable {
    public var connection: ConnectionSummary
    /// `frames[0]` is the start; `frames[i + 1]` shows `steps[i]`.
    public var timeline: Timeline
    public var steps: [CaptureStep]
    /// The time of the capture's first packet: step times count from here.
    public var captureStart: CaptureTime
    /// The ISN of each host that the capture shows sending a SYN. The timeline's `isn` holds a number for
    /// both hosts (relative numbering needs one), but a host without a SYN never chose an ISN.
    public var knownISN: [HostID: SequenceNumber] = [:]

    /// The frame that shows step `index`.
    public func frame(forStep index: Int) -> Frame { timeline.frames[index + 1] }

    /// Both hosts' states after step `index`.
    public func states(afterStep index: Int) -> (a: ConnectionState, b: ConnectionState) {
        let frame = frame(forStep: index)
        return (frame.host(.a).state, frame.host(.b).state)
    }

    /// Both hosts' states at the end of the capture.
    public var finalStates: (a: ConnectionState, b: ConnectionState) {
        let frame = timeline.frames[timeline.frames.count - 1]
        return (frame.host(.a).state, frame.host(.b).state)
    }
}
