import LessonKit
import TCPCore
import TimelineKit

/// Which of a segment's two numbers a value belongs to: `seq` counts the sender's bytes, `ack` the receiver's.
public enum NumberField: String, Hashable, Sendable, CaseIterable {
    case seq
    case ack
}

/// The numbering the learner types in (absolute, or relative to each side's ISN as tcpdump prints by
/// default, TEACHING.md rule 10) and the conversions between what is typed and what travels on the wire.
public struct QuizNumbering: Hashable, Sendable {
    public var numbering: Numbering
    /// The ISNs of the timeline: relative numbers count from them.
    public var isn: [HostID: SequenceNumber]

    public init(numbering: Numbering, isn: [HostID: SequenceNumber]) {
        self.numbering = numbering
        self.isn = isn
    }

    /// The numbering a timeline's screen shows and therefore expects answers in.
    public init(timeline: Timeline) {
        self.init(numbering: timeline.numbering, isn: timeline.isn.dictionary)
    }

    /// The same ISNs in the other numbering: used to recognise an answer typed in the wrong one.
    public var other: QuizNumbering {
        switch numbering {
        case .absolute: QuizNumbering(numbering: .relative, isn: isn)
        case .relative: QuizNumbering(numbering: .absolute, isn: isn)
        }
    }

    /// What is subtracted from a `field` number in a segment sent by `sender`: the sender's ISN for seq,
    /// the receiver's for ack, nothing in absolute numbering. A reset sent with no connection has seq 0,
    /// which belongs to no ISN, so it is never made relative (`rule` tells).
    public func base(_ field: NumberField, sender: HostID, rule: Rule? = nil) -> SequenceNumber {
        switch numbering {
        case .absolute: return SequenceNumber(0)
        case .relative:
            if field == .seq, rule == .closedResetsNonAckSegment { return SequenceNumber(0) }
            let owner = field == .seq ? sender : sender.peer
            return isn[owner] ?? SequenceNumber(0)
        }
    }

    /// The number as the learner should type it.
    public func typed(_ absolute: SequenceNumber, _ field: NumberField, sender: HostID, rule: Rule? = nil) -> UInt32 {
        absolute.offset(from: base(field, sender: sender, rule: rule))
    }

    /// The number on the wire for what the learner typed.
    public func absolute(
        typed value: UInt32, _ field: NumberField, sender: HostID, rule: Rule? = nil
    ) -> SequenceNumber {
        base(field, sender: sender, rule: rule) &+ value
    }

    /// A line for the answer field telling which numbering is expected.
    public func prompt(_ field: NumberField, sender: HostID) -> LocalizedText {
        switch numbering {
        case .absolute:
            return LocalizedText(en: "absolute numbers, as tcpdump -S prints them", zh: "绝对序列号（如 tcpdump -S 的输出）")
        case .relative:
            let owner = field == .seq ? sender : sender.peer
            return LocalizedText(
                en: "relative numbers: counted from \(owner)'s ISN, as tcpdump prints by default",
                zh: "相对序列号：从主机\(owner)的初始序列号起算（tcpdump 默认输出）")
        }
    }
}
