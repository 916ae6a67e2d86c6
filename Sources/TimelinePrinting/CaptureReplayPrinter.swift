import CaptureKit
import LessonKit
import TCPCore
import TCPNotation
import TimelineKit

/// Seconds with microsecond precision, for text.
func secondsText(_ time: CaptureTime, since start: CaptureTime) -> String {
    let micro = (time.nanoseconds &- start.nanoseconds + 500) / 1000
    let sign = micro < 0 ? "-" : ""
    let magnitude = micro.magnitude
    let fraction = String(magnitude % 1_000_000)
    return "\(sign)\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}

/// Seconds with microsecond precision, for JSON.
func secondsValue(_ time: CaptureTime, since start: CaptureTime) -> JSONValue {
    let micro = (time.nanoseconds &- start.nanoseconds + 500) / 1000
    return .double(Double(micro) / 1e6)
}

/// `tcptutor replay FILE --format text|json`: one line (or JSON object) per captured segment with both hosts'
/// states after it.
public struct CaptureReplayPrinter {
    public let replay: CaptureReplay
    /// The capture's path as the user named it, for the first line.
    public let file: String
    /// How many connections the capture holds.
    public let streams: Int
    public let language: Language
    /// seq and ack relative to each side's ISN (text only), as tcpdump prints them by default.
    public var relative = false
    /// Under each segment, the full screen's narration of it (text only).
    public var explain = false

    public init(replay: CaptureReplay, file: String, streams: Int, language: Language) {
        self.replay = replay
        self.file = file
        self.streams = streams
        self.language = language
    }

    var timeline: Timeline { replay.timeline }

    func states(_ frame: Frame) -> String {
        FrameLines.states(frame)
    }

    /// Why the segment was sent: the engine's rule, or the first note when the engine has none.
    public func why(_ step: CaptureStep) -> String {
        if step.has(.notPredicted) || step.rule == nil, let note = step.notes.last {
            return note.text(language)
        }
        return step.rule.map { RuleText.explanation($0, language) } ?? ""
    }

    /// The connection, the ISNs, the start, then one line per segment with its time, notation, the states after
    /// it and its labels.
    public func textLines() -> [String] {
        let connection = replay.connection
        var lines: [String] = []
        // Two tenants may share a 4-tuple: the tunnel is what tells their connections apart.
        let tunnel = connection.tunnel.isEmpty ? "" : " in \(connection.tunnel)"
        lines.append(
            "\(file): stream \(connection.stream) of \(streams), A \(connection.hostA), B \(connection.hostB)"
                + "\(tunnel): \(connection.opening.text), \(connection.closing.text)")
        lines.append("ISN \(isnText(.a)), \(isnText(.b)) (\(relative ? "relative" : "absolute") numbers)")
        let start = timeline.frames[0]
        var first = "0.  start  → " + states(start)
        if let narration = start.narration { first += "  [\(narration.text(language))]" }
        lines.append(first)
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            let base = relative ? timeline.numberBase(from: step.from, numbering: .relative) : .absolute
            var line = "\(index + 1). \(secondsText(step.time, since: replay.captureStart)) "
            line += "\(step.from) > \(step.to): \(step.segment.notation(base: base))"
            line += "  → " + states(frame)
            var tags = step.labels.map { $0.text(language) }
            if let expected = step.expected {
                let expectedBase = relative ? base : .absolute
                tags.append((language == .en ? "expected " : "预期 ") + expected.notation(base: expectedBase))
            }
            if step.fate != .delivered { tags.append(step.fate.rawValue) }
            if !tags.isEmpty { line += "  [" + tags.joined(separator: "; ") + "]" }
            lines.append(line)
            if explain { lines.append(contentsOf: explanation(step, frame: frame)) }
        }
        return lines
    }

    /// "A 3626544836", or "B — (B sent no SYN)": a RST's or a mid-connection segment's seq is no ISN.
    public func isnText(_ host: HostID) -> String {
        guard let isn = replay.knownISN[host] else {
            return language == .en ? "\(host) — (\(host) sent no SYN)" : "\(host) —（\(host)未发送 SYN）"
        }
        return "\(host) \(isn)"
    }

    func isnValue(_ host: HostID) -> JSONValue {
        replay.knownISN[host].map { .int(Int64($0.rawValue)) } ?? .null
    }

    /// What the full screen narrates for the step, indented under its line.
    func explanation(_ step: CaptureStep, frame: Frame) -> [String] {
        replay.explanation(forStep: Int(frame.index) - 1, language: language).map { "    " + $0 }
    }

    /// One JSON object per line: `capture`, `start`, a `segment` and its `state` changes per captured segment, and
    /// `end`.
    public func jsonLines() -> [String] {
        let connection = replay.connection
        var lines: [JSONValue] = []
        lines.append(
            .object([
                ("kind", .string("capture")), ("file", .string(file)), ("stream", .int(Int64(connection.stream))),
                ("streams", .int(Int64(streams))), ("A", .string(connection.hostA.description)),
                ("B", .string(connection.hostB.description)), ("opened", .string(connection.opening.rawValue)),
                ("closed", .string(connection.closing.key)),
                ("closedBy", connection.closing.host.map { .string($0.rawValue) } ?? .null),
                (
                    "isn",
                    .object([
                        ("A", isnValue(.a)), ("B", isnValue(.b)),
                    ])
                ),
            ]))
        // After "B", and only for a tunnelled connection: a plain capture's output stays as it was.
        if !connection.tunnel.isEmpty, case .object(var pairs) = lines[0] {
            pairs.insert(("tunnel", .string(connection.tunnel.description)), at: 6)
            lines[0] = .object(pairs)
        }
        let start = timeline.frames[0]
        lines.append(
            .object([
                ("kind", .string("start")), ("step", .int(0)), ("states", FrameLines.statesObject(start)),
                ("note", start.narration.map { .string($0.text(language)) } ?? .null),
            ]))
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            let stepNumber = JSONValue.int(Int64(index + 1))
            let segment = step.segment
            var pairs: [(String, JSONValue)] = [
                ("kind", .string("segment")), ("step", stepNumber), ("packet", .int(Int64(step.packet))),
                ("time", secondsValue(step.time, since: replay.captureStart)), ("from", .string(step.from.rawValue)),
                ("to", .string(step.to.rawValue)),
            ]
            pairs += FrameLines.segmentFields(segment)
            pairs += [
                ("win", .int(Int64(segment.window))), ("event", .string(step.fate.rawValue)),
                ("states", FrameLines.statesObject(frame)), ("why", .string(why(step))),
                ("rule", step.rule.map { .string($0.rawValue) } ?? .null),
                ("note", .array(step.labels.map { .string($0.rawValue) })),
                ("details", .array(step.notesWithTiming.map { .string($0.text(language)) })),
            ]
            if !step.calls.isEmpty {
                pairs.append(("call", .string(step.calls.map(\.description).joined(separator: ", "))))
            }
            if let expected = step.expected { pairs.append(("expected", .object(FrameLines.segmentFields(expected)))) }
            if let handled = step.handledBecause {
                pairs.append(("handled", .string(RuleText.explanation(handled, language))))
            }
            if let delivered = step.deliveredAtStep, delivered != index {
                pairs.append(("deliveredAtStep", .int(Int64(delivered + 1))))
            }
            lines.append(.object(pairs))
            for host in HostID.allCases {
                lines += FrameLines.stateObjects(frame, host: host, step: stepNumber, language: language)
            }
        }
        let last = timeline.frames[timeline.frames.count - 1]
        lines.append(
            .object([
                ("kind", .string("end")), ("states", FrameLines.statesObject(last)),
                ("inFlight", .int(Int64(last.inFlight.count))),
            ]))
        return lines.map(\.encoded)
    }
}
