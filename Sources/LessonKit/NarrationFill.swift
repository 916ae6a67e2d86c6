import TCPCore
import TimelineKit

extension LessonRunner {
    /// Fills `{A.iss}`, `{B.rcv.nxt}`, `{A.state}` … from the engine, in the lesson's numbering, so narration
    /// never disagrees with the numbers on screen when the ISNs change.
    func fill(_ text: LocalizedText, hosts: PerHost<HostSnapshot>, numbering: Numbering? = nil) -> LocalizedText {
        LocalizedText(
            en: fill(text.en, hosts: hosts, numbering: numbering), zh: fill(text.zh, hosts: hosts, numbering: numbering)
        )
    }

    /// The text filled in each numbering, so that a screen switched to the other one (`r`) narrates the numbers
    /// its ladder shows; empty when the text names no number.
    func fillings(_ text: LocalizedText, hosts: PerHost<HostSnapshot>) -> [Numbering: LocalizedText] {
        guard text.en.contains("{") || text.zh.contains("{") else { return [:] }
        return [
            .absolute: fill(text, hosts: hosts, numbering: .absolute),
            .relative: fill(text, hosts: hosts, numbering: .relative),
        ]
    }

    /// A number as the screen shows it: absolute, or relative to the actual ISN of `host`'s sequence space
    /// (in the lesson's own numbering unless `numbering` says otherwise).
    func displayed(_ value: SequenceNumber, host: HostID, numbering: Numbering? = nil) -> String {
        switch numbering ?? lesson.numbering {
        case .absolute: String(value.rawValue)
        case .relative: String(value.offset(from: actual[host]))
        }
    }

    /// One pass over the text: each `{host.name}` is looked up; anything else between braces (or a TCB field of
    /// a host that has no TCB yet) is left as written. Replacing each of the dozen names in turn searched the
    /// whole narration two dozen times per frame, most of a lesson run's time.
    func fill(_ text: String, hosts: PerHost<HostSnapshot>, numbering: Numbering? = nil) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let inside = rest[rest.index(after: open)...]
            if let close = inside.firstIndex(of: "}"),
                let value = placeholder(inside[..<close], hosts: hosts, numbering: numbering)
            {
                result += value
                rest = inside[inside.index(after: close)...]
            } else {
                result += "{"
                rest = inside
            }
        }
        return result + rest
    }

    /// The value of `A.iss`, `B.rcv.nxt`, `A.state` …; nil for a name that is not one.
    private func placeholder(_ name: Substring, hosts: PerHost<HostSnapshot>, numbering: Numbering? = nil) -> String? {
        guard let dot = name.firstIndex(of: "."), let host = HostID(rawValue: String(name[..<dot])) else { return nil }
        let snapshot = hosts[host]
        let own = { (value: SequenceNumber) in displayed(value, host: host, numbering: numbering) }
        let peer = { (value: SequenceNumber) in displayed(value, host: host.peer, numbering: numbering) }
        switch name[name.index(after: dot)...] {
        case "iss": return own(actual[host])
        case "state": return snapshot.state.description
        case "snd.una": return snapshot.tcb.map { own($0.sndUna) }
        case "snd.nxt": return snapshot.tcb.map { own($0.sndNxt) }
        case "rcv.nxt": return snapshot.tcb.map { peer($0.rcvNxt) }
        case "irs": return snapshot.tcb.map { $0.irs.map(peer) ?? "-" }
        case let field where field.hasPrefix("clock."): return clockPlaceholder(field.dropFirst(6), host: host)
        default: return nil
        }
    }

    /// `{A.clock.minutes}`, `{A.clock.seconds}`, `{A.clock.ticks}`, `{A.clock.connections}`, `{A.clock.previous}`,
    /// `{A.clock.hash}`: the clock behind a host's ISN in this run, so that a lesson's clock arithmetic stays true
    /// when a seed boots the clock at another moment (`fresh: clock`).
    private func clockPlaceholder(_ name: Substring, host: HostID) -> String? {
        guard let clock = clocks[host] else { return nil }
        switch name {
        case "minutes": return String(clock.minutes)
        case "seconds": return String(clock.seconds)
        case "ticks": return String(clock.ticks)
        case "connections": return clock.connections.map { String($0) }
        case "previous": return clock.previous.map { String($0) }
        case "hash": return clock.hash.map { String($0) }
        default: return nil
        }
    }
}

extension Frame {
    /// The narration with its numbers in `numbering`, as a screen switched with `r` shows them; the recorded
    /// narration when the frame has no filling per numbering (it names no number, or comes from a capture).
    public func narration(in numbering: Numbering) -> LocalizedText? {
        narrationByNumbering[numbering] ?? narration
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var output = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        return output + rest
    }
}
