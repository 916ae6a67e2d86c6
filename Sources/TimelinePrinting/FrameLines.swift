import LessonKit
import TCPCore
import TimelineKit

/// What a lesson's timeline and a capture's replay print the same way for a frame: the states it left and its
/// state changes.
public enum FrameLines {
    /// `A ESTABLISHED, B SYN_RECEIVED`: both hosts' states after the frame.
    public static func states(_ frame: Frame, separator: String = ", ") -> String {
        "A \(frame.host(.a).state)" + separator + "B \(frame.host(.b).state)"
    }

    /// `{"A":"ESTABLISHED","B":"SYN_RECEIVED"}`: both hosts' states after the frame.
    static func statesObject(_ frame: Frame) -> JSONValue {
        .object([("A", .string(frame.host(.a).state.description)), ("B", .string(frame.host(.b).state.description))])
    }

    /// One `{"kind":"state",…}` object for each state `host` went through in the frame, with the rule's reason
    /// (RFC 9293 section included) in `language`.
    static func stateObjects(_ frame: Frame, host: HostID, step: JSONValue, language: Language) -> [JSONValue] {
        (frame.transitions[host] ?? []).map { transition in
            .object([
                ("kind", .string("state")), ("step", step), ("host", .string(host.rawValue)),
                ("from", .string(transition.from.description)), ("to", .string(transition.to.description)),
                ("why", .string(RuleText.explanation(transition.because, language))),
            ])
        }
    }

    /// The fields every segment object starts with after its step: `flags`, `seq`, `ack` (null without the ACK
    /// flag) and `len`.
    static func segmentFields(_ segment: Segment) -> [(String, JSONValue)] {
        [
            ("flags", .string(segment.flags.tcpdump)), ("seq", .int(Int64(segment.seq.rawValue))),
            ("ack", segment.ack.map { .int(Int64($0.rawValue)) } ?? .null),
            ("len", .int(Int64(segment.payloadLength))),
        ]
    }
}
