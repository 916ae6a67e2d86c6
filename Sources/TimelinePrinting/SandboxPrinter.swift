import LessonKit
import TCPCore
import TimelineKit
import TutorUI

/// The sandbox's plain lines: each step as `tcptutor run` prints it, plus how the receiver handled a segment and
/// each segment a timer sent during a `wait`, so that every event is explained as on the screen.
public struct SandboxPrinter {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The title, the header, and every frame so far (the opening, and a lesson's own steps gone on from).
    public func opening(_ timeline: Timeline) -> [String] {
        let printer = TimelinePrinter(timeline: timeline, language: language)
        let head = ["\(timeline.title.text(language)) [\(timeline.lessonID)]", printer.headerLine()]
        return head + timeline.frames.flatMap { lines(for: $0, in: timeline) }
    }

    /// The lines of the timeline's last frame: the step just run.
    public func lastStep(_ timeline: Timeline) -> [String] {
        timeline.frames.last.map { lines(for: $0, in: timeline) } ?? []
    }

    func lines(for frame: Frame, in timeline: Timeline) -> [String] {
        var lines = TimelinePrinter(timeline: timeline, language: language).textLines(frame)
        let colon = language == .en ? ": " : "："
        // How the receiver handled the segment, unless a state change above already gave that rule.
        if let wire = frame.wire, let handled = wire.handledBecause,
            !(frame.transitions[wire.to] ?? []).contains(where: { $0.because == handled })
        {
            let label = language == .en ? "handled" : "处理"
            lines.append("    \(label)\(colon)\(wire.to) " + RuleText.explanation(handled, language))
        }
        if case .wait = frame.event {
            let words = SandboxWords(language)
            for emitted in frame.emitted {
                let notation = emitted.segment.notation(base: timeline.numberBase(from: emitted.from))
                lines.append("    " + words.timerSent(emitted, notation: notation))
            }
        }
        return lines
    }
}
