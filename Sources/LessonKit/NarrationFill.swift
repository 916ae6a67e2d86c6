import TCPCore

extension LessonRunner {
    /// Fills `{A.iss}`, `{B.rcv.nxt}`, `{A.state}` … from the engine, in the lesson's numbering, so narration
    /// never disagrees with the numbers on screen when the ISNs change.
    func fill(_ text: LocalizedText, hosts: [HostID: HostSnapshot]) -> LocalizedText {
        LocalizedText(en: fill(text.en, hosts: hosts), zh: fill(text.zh, hosts: hosts))
    }

    /// A number as the screen shows it: absolute, or relative to the actual ISN of `host`'s sequence space.
    func displayed(_ value: SequenceNumber, host: HostID) -> String {
        switch lesson.numbering {
        case .absolute: String(value.rawValue)
        case .relative: String(value.offset(from: actual[host]!))
        }
    }

    /// One pass over the text: each `{host.name}` is looked up; anything else between braces (or a TCB field of
    /// a host that has no TCB yet) is left as written. Replacing each of the dozen names in turn searched the
    /// whole narration two dozen times per frame, most of a lesson run's time.
    func fill(_ text: String, hosts: [HostID: HostSnapshot]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let inside = rest[rest.index(after: open)...]
            if let close = inside.firstIndex(of: "}"), let value = placeholder(inside[..<close], hosts: hosts) {
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
    private func placeholder(_ name: Substring, hosts: [HostID: HostSnapshot]) -> String? {
        guard let dot = name.firstIndex(of: "."), let host = HostID(rawValue: String(name[..<dot])),
            let snapshot = hosts[host]
        else { return nil }
        let own = { (value: SequenceNumber) in displayed(value, host: host) }
        let peer = { (value: SequenceNumber) in displayed(value, host: host.peer) }
        switch name[name.index(after: dot)...] {
        case "iss": return own(actual[host]!)
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
