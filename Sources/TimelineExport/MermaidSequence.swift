import LessonKit
import TCPCore
import TimelineKit

/// `tcptutor export --format mermaid`: a `sequenceDiagram` (GitHub and most Markdown tools draw it), one message
/// per segment and a note for each state a host enters.
public struct MermaidSequence {
    public var export: ExportedTimeline

    public init(_ export: ExportedTimeline) {
        self.export = export
    }

    /// Mermaid reads `;` as a line break and `#` as the start of an entity, and its labels are HTML: those
    /// characters are written as Mermaid's entity codes.
    static func escaped(_ text: String) -> String {
        SVGText.escaped(text, ["#": "#35;", ";": "#59;", "<": "#lt;", ">": "#gt;", "\n": " "])
    }

    /// The diagram's lines, without a Markdown fence.
    public func lines() -> [String] {
        let words = ExportWords(export.language)
        var out = ["sequenceDiagram"]
        out.append("    title " + Self.escaped(export.text(export.title)))
        for host in HostID.allCases {
            let address = export.timeline.hosts[host].description
            out.append("    participant \(host) as \(host) " + Self.escaped(address))
        }
        for frame in export.frames {
            switch frame.event {
            case .start:
                for host in HostID.allCases { out.append("    Note over \(host): \(frame.host(host).state)") }
                continue
            case .call(let host, let call):
                out.append("    Note \(side(host)) \(host): " + Self.escaped(words.shared.call(host, call)))
            case .wait(let milliseconds):
                if milliseconds > 0 {
                    out.append("    Note over A,B: " + Self.escaped(words.shared.wait(milliseconds)))
                }
            case .say, .reorder:
                break
            case .segment(let wire):
                // A captured segment changes its sender's state as it leaves: noted before it.
                if export.capture != nil, let state = export.stateChange(frame, wire.from) {
                    out.append("    Note \(side(wire.from)) \(wire.from): \(state)")
                }
                out.append(message(wire, frame: frame))
            }
            for host in HostID.allCases where !(export.capture != nil && frame.wire?.from == host) {
                if let state = export.stateChange(frame, host) {
                    out.append("    Note \(side(host)) \(host): \(state)")
                }
            }
        }
        return out
    }

    /// A is drawn on the left, B on the right: notes go on the outer side of each.
    func side(_ host: HostID) -> String { host == .a ? "left of" : "right of" }

    /// A segment as a message: a cross at the end when it was lost (`-x`), dotted when it came from outside the
    /// connection, its label with its tags.
    func message(_ wire: WireEvent, frame: Frame) -> String {
        if let quiz = export.hiddenQuiz(frame), quiz.fields.contains(.sender) {
            return "    Note over A,B: ?"
        }
        let arrow: String =
            switch (wire.fate, wire.sentBecause == .fromOutside) {
            case (.dropped, false): "-x"
            case (.dropped, true): "--x"
            case (.inFlight, _): "-)"
            case (_, true): "-->>"
            case (_, false): "->>"
            }
        var text = export.label(wire, frame: frame)
        let tags = export.tags(wire, frame: frame)
        if !tags.isEmpty { text += " [" + tags.joined(separator: ", ") + "]" }
        return "    \(wire.from)\(arrow)\(wire.to): " + Self.escaped(text)
    }

    /// The whole document.
    public func document() -> String { lines().joined(separator: "\n") + "\n" }
}
