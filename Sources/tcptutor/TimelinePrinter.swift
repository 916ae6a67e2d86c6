import LessonKit
import TCPCore

/// Prints a timeline without the full-screen UI: text for people and screen readers, JSON Lines for programs.
struct TimelinePrinter {
    let timeline: Timeline
    let language: Language

    /// `IP 192.168.1.116.3337 > 192.168.1.123.7788: S 3626544836:3626544836(0)`, as tcpdump prints it.
    func tcpdumpLine(_ wire: WireEvent) -> String {
        let from = timeline.hosts[wire.from]!
        let to = timeline.hosts[wire.to]!
        let family = from.address.contains(":") ? "IP6" : "IP"
        let base = timeline.numberBase(from: wire.from)
        return "\(family) \(from.address).\(from.port) > \(to.address).\(to.port): \(wire.segment.notation(base: base))"
    }

    func states(_ frame: Frame) -> String {
        "A \(frame.host(.a).state), B \(frame.host(.b).state)"
    }

    func textLines() -> [String] {
        var lines: [String] = []
        let a = timeline.hosts[.a]!
        let b = timeline.hosts[.b]!
        lines.append("\(timeline.title.text(language)) [\(timeline.lessonID)]")
        let numbering =
            language == .en
            ? "\(timeline.numbering.rawValue) numbers" : (timeline.numbering == .absolute ? "绝对序列号" : "相对序列号")
        lines.append("A \(a)  B \(b)  ISN A \(timeline.isn[.a]!), B \(timeline.isn[.b]!)  (\(numbering))")
        for frame in timeline.frames {
            var line = "\(frame.index).".padding(4)
            switch frame.event {
            case .start:
                line += language == .en ? "start" : "开始"
            case .call(let host, let call):
                line += "\(host) \(call)"
            case .segment(let wire):
                let fate = wire.fate == .delivered ? "" : " [\(wire.fate.rawValue)]"
                line += tcpdumpLine(wire) + fate
            case .wait(let milliseconds):
                line += milliseconds == 0 ? "—" : "wait \(milliseconds) ms"
            }
            lines.append(line + "  → " + states(frame))
            if let quiz = frame.quiz {
                lines.append("    quiz: " + quiz.fields.map(\.rawValue).joined(separator: " "))
            }
            if let wire = frame.wire {
                lines.append("    why: " + RuleText.explanation(wire.sentBecause, language))
            }
            for host in HostID.allCases {
                for transition in frame.transitions[host] ?? [] {
                    lines.append(
                        "    \(host) \(transition.from) → \(transition.to): "
                            + RuleText.explanation(transition.because, language))
                }
                for error in frame.errors[host] ?? [] { lines.append("    \(host) \(error)") }
            }
            if let narration = frame.narration { lines.append("    " + narration.text(language)) }
        }
        return lines
    }

    func statesObject(_ frame: Frame) -> JSONValue {
        .object([("A", .string(frame.host(.a).state.description)), ("B", .string(frame.host(.b).state.description))])
    }

    func jsonLines() -> [String] {
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
                                ("A", .int(Int64(timeline.isn[.a]!.rawValue))),
                                ("B", .int(Int64(timeline.isn[.b]!.rawValue))),
                            ])
                        ),
                        ("numbers", .string(timeline.numbering.rawValue)), ("states", statesObject(frame)),
                    ]))
            case .call(let host, let call):
                lines.append(
                    .object([
                        ("kind", .string("call")), ("step", step), ("time", time), ("host", .string(host.rawValue)),
                        ("call", .string(call.description)), ("states", statesObject(frame)),
                    ]))
            case .segment(let wire):
                if let quiz = frame.quiz {
                    lines.append(
                        .object([
                            ("kind", .string("quiz")), ("step", step),
                            ("fields", .array(quiz.fields.map { .string($0.rawValue) })),
                        ]))
                }
                let segment = wire.segment
                var pairs: [(String, JSONValue)] = [
                    ("kind", .string("segment")), ("step", step), ("time", time), ("from", .string(wire.from.rawValue)),
                    ("to", .string(wire.to.rawValue)), ("flags", .string(segment.flags.tcpdump)),
                    ("seq", .int(Int64(segment.seq.rawValue))),
                    ("ack", segment.ack.map { .int(Int64($0.rawValue)) } ?? .null),
                    ("len", .int(Int64(segment.payloadLength))), ("win", .int(Int64(segment.window))),
                    ("event", .string(wire.fate.rawValue)), ("states", statesObject(frame)),
                    ("why", .string(RuleText.explanation(wire.sentBecause, language))),
                    ("rule", .string(wire.sentBecause.rawValue)),
                ]
                if let handled = wire.handledBecause {
                    pairs.append(("handled", .string(RuleText.explanation(handled, language))))
                }
                lines.append(.object(pairs))
            case .wait(let milliseconds):
                if milliseconds > 0 {
                    lines.append(
                        .object([
                            ("kind", .string("wait")), ("step", step), ("time", time),
                            ("ms", .int(Int64(milliseconds))),
                            ("states", statesObject(frame)),
                        ]))
                }
            }
            for host in HostID.allCases {
                for transition in frame.transitions[host] ?? [] {
                    lines.append(
                        .object([
                            ("kind", .string("state")), ("step", step), ("host", .string(host.rawValue)),
                            ("from", .string(transition.from.description)), ("to", .string(transition.to.description)),
                            ("why", .string(RuleText.explanation(transition.because, language))),
                        ]))
                }
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
