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

    func fill(_ text: String, hosts: [HostID: HostSnapshot]) -> String {
        guard text.contains("{") else { return text }
        var result = text
        for host in HostID.allCases {
            let snapshot = hosts[host]!
            let own = { (value: SequenceNumber) in displayed(value, host: host) }
            let peer = { (value: SequenceNumber) in displayed(value, host: host.peer) }
            let iss = own(actual[host]!)
            var values: [String: String] = ["iss": iss, "state": snapshot.state.description]
            if let tcb = snapshot.tcb {
                values["snd.una"] = own(tcb.sndUna)
                values["snd.nxt"] = own(tcb.sndNxt)
                values["rcv.nxt"] = peer(tcb.rcvNxt)
                values["irs"] = tcb.irs.map(peer) ?? "-"
            }
            for (name, value) in values {
                result = result.replacingAll("{\(host.rawValue).\(name)}", with: value)
            }
        }
        return result
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
