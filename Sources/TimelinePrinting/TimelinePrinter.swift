import LessonKit
import TCPCore
import TCPNotation
import TimelineKit
import TutorUI

/// `tcptutor run LESSON`: a timeline without the full-screen UI, as text for people and screen readers or as JSON
/// Lines for programs.
public struct TimelinePrinter {
    public let timeline: Timeline
    public let language: Language

    public init(timeline: Timeline, language: Language) {
        self.timeline = timeline
        self.language = language
    }

    /// `IP 192.168.1.116.3337 > 192.168.1.123.7788: S 3626544836:3626544836(0)`, as tcpdump prints it.
    func tcpdumpLine(_ wire: WireEvent) -> String {
        let from = timeline.hosts[wire.from]
        let to = timeline.hosts[wire.to]
        let family = from.address.contains(":") ? "IP6" : "IP"
        let base = timeline.numberBase(from: wire.from)
        return "\(family) \(from.address).\(from.port) > \(to.address).\(to.port): \(wire.segment.notation(base: base))"
    }

    /// English or Chinese: the text output speaks the chosen language throughout, tcpdump notation, state names
    /// and host letters aside.
    private func say(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    private var words: Strings { Strings(language) }

    func states(_ frame: Frame) -> String {
        FrameLines.states(frame, separator: say(", ", "，"))
    }

    /// The header line: hosts, ISNs and the numbering the lesson's segments are printed in.
    public func headerLine() -> String {
        let a = timeline.hosts.a
        let b = timeline.hosts.b
        let isnA = timeline.isn.a
        let isnB = timeline.isn.b
        return language == .en
            ? "A \(a)  B \(b)  ISN A \(isnA), B \(isnB)  (\(timeline.numbering.rawValue) numbers)"
            : "A \(a)  B \(b)  初始序列号 A \(isnA)，B \(isnB)（\(words.numbering(timeline.numbering))）"
    }

    /// What a step did, before the states it left.
    public func eventText(_ event: FrameEvent) -> String {
        switch event {
        case .start:
            return words.start
        case .call(let host, let call):
            return language == .en ? "\(host) \(call)" : words.call(host, call)
        case .segment(let wire):
            let fate: String =
                switch wire.fate {
                case .delivered: ""
                case .dropped: say(" [dropped]", " [\(words.lost)]")
                case .duplicated: say(" [duplicated]", " [\(words.duplicated)]")
                case .inFlight: say(" [inFlight]", " [\(words.onItsWay)]")
                }
            return tcpdumpLine(wire) + fate
        case .say, .reorder:
            return "—"
        case .wait(let milliseconds):
            if milliseconds == 0 { return "—" }
            return language == .en ? "wait \(milliseconds) ms" : words.wait(milliseconds)
        }
    }

    /// The title, the header, then one line per step with the states it left, and under it the quiz, the reason
    /// for a segment, each state change, each error and the narration.
    public func textLines() -> [String] {
        var lines: [String] = []
        lines.append("\(timeline.title.text(language)) [\(timeline.lessonID)]")
        lines.append(headerLine())
        for frame in timeline.frames { lines += textLines(frame) }
        return lines
    }

    /// One step's lines: the event with the states it left, then its quiz, the reason for its segment, each
    /// state change, each error and the narration.
    public func textLines(_ frame: Frame) -> [String] {
        var lines: [String] = []
        let colon = say(": ", "：")
        let line = "\(frame.index).".padding(4) + eventText(frame.event)
        lines.append(line + "  → " + states(frame))
        if let quiz = frame.quiz {
            let fields = quiz.fields.map { language == .en ? $0.rawValue : words.fieldName($0) }
            lines.append(
                "    " + say("quiz", "测验") + colon + fields.joined(separator: say(" ", "、")) + measureText(quiz))
        }
        if let wire = frame.wire {
            lines.append("    " + say("why", "原因") + colon + RuleText.explanation(wire.sentBecause, language))
        }
        for host in HostID.allCases {
            for transition in frame.transitions[host] ?? [] {
                lines.append(
                    "    \(host) \(transition.from) → \(transition.to)" + colon
                        + RuleText.explanation(transition.because, language))
            }
            for error in frame.errors[host] ?? [] {
                lines.append("    \(host) " + (language == .en ? "\(error)" : words.error(error)))
            }
        }
        if let narration = frame.narration { lines.append("    " + narration.text(language)) }
        return lines
    }

    /// One JSON object per line: `start`, `call`, `quiz`, `segment`, `wait`, then each step's `state` and `error`
    /// objects and its `narration` (README.md lists the fields).
    public func jsonLines() -> [String] {
        var lines: [JSONValue] = []
        for frame in timeline.frames {
            let step = JSONValue.int(Int64(frame.index))
            let time = JSONValue.double(Double(frame.time) / 1000)
            switch frame.event {
            case .start:
                lines.append(
                    .object([
                        ("kind", .string("start")), ("step", step), ("lesson", .string(timeline.lessonID)),
                        (
                            "isn",
                            .object([
                                ("A", .int(Int64(timeline.isn.a.rawValue))),
                                ("B", .int(Int64(timeline.isn.b.rawValue))),
                            ])
                        ),
                        ("numbers", .string(timeline.numbering.rawValue)), ("states", FrameLines.statesObject(frame)),
                    ]))
            case .call(let host, let call):
                lines.append(
                    .object([
                        ("kind", .string("call")), ("step", step), ("time", time), ("host", .string(host.rawValue)),
                        ("call", .string(call.description)), ("states", FrameLines.statesObject(frame)),
                    ]))
            case .segment(let wire):
                if let quiz = frame.quiz { lines.append(quizJSON(quiz, step: step)) }
                let segment = wire.segment
                var pairs: [(String, JSONValue)] = [
                    ("kind", .string("segment")), ("step", step), ("time", time), ("from", .string(wire.from.rawValue)),
                    ("to", .string(wire.to.rawValue)),
                ]
                pairs += FrameLines.segmentFields(segment)
                pairs += [
                    ("win", .int(Int64(segment.window))), ("event", .string(wire.fate.rawValue)),
                    ("states", FrameLines.statesObject(frame)),
                    ("why", .string(RuleText.explanation(wire.sentBecause, language))),
                    ("rule", .string(wire.sentBecause.rawValue)),
                ]
                if let handled = wire.handledBecause {
                    pairs.append(("handled", .string(RuleText.explanation(handled, language))))
                }
                lines.append(.object(pairs))
            case .say, .reorder:
                break
            case .wait(let milliseconds):
                if let quiz = frame.quiz { lines.append(quizJSON(quiz, step: step)) }
                if milliseconds > 0 {
                    lines.append(
                        .object([
                            ("kind", .string("wait")), ("step", step), ("time", time),
                            ("ms", .int(Int64(milliseconds))),
                            ("states", FrameLines.statesObject(frame)),
                        ]))
                }
            }
            for host in HostID.allCases {
                lines += FrameLines.stateObjects(frame, host: host, step: step, language: language)
                for error in frame.errors[host] ?? [] {
                    lines.append(
                        .object([
                            ("kind", .string("error")), ("step", step), ("host", .string(host.rawValue)),
                            ("message", .string(error.description)),
                        ]))
                }
            }
            if let narration = frame.narration {
                lines.append(
                    .object([
                        ("kind", .string("narration")), ("step", step), ("text", .string(narration.text(language))),
                    ]))
            }
        }
        return lines.map(\.encoded)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
