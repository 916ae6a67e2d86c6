import TCPCore
import TimelineKit

/// The header: id, titles, hosts, ISNs, numbering and timer settings.
extension LessonParser {
    mutating func buildLesson() -> Lesson? {
        for key in ["id", "title", "title.zh", "summary", "summary.zh", "hosts", "isn"] where header[key] == nil {
            error(1, 1, "the header has no '\(key):' line")
        }
        guard let id = header["id"], let hosts = header["hosts"], let isn = header["isn"] else { return nil }
        if id.value.isEmpty || !id.value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            error(id.line, id.column, "an id is lower-case letters, digits and '-', e.g. three-way-handshake")
        }
        let addresses = parsePerHost(hosts, Self.parseAddress)
        guard let addresses, let a = addresses[.a], let b = addresses[.b] else { return nil }
        let isnSources = parsePerHost(isn, Self.parseISN)
        if let isnSources, isnSources.count != 2 {
            error(isn.line, isn.column, "give both ISNs, as in 'isn: A 100, B 300'")
        }
        var lesson = Lesson(
            file: file, id: id.value,
            title: LocalizedText(en: header["title"]?.value ?? "", zh: header["title.zh"]?.value ?? ""),
            summary: LocalizedText(en: header["summary"]?.value ?? "", zh: header["summary.zh"]?.value ?? ""),
            hosts: PerHost(a: a, b: b), isn: isnSources ?? [:])
        if let numbers = header["numbers"] {
            if let numbering = Numbering(rawValue: numbers.value) {
                lesson.numbering = numbering
            } else {
                error(numbers.line, numbers.column, "'numbers' is 'absolute' or 'relative'")
            }
        }
        applyFresh(to: &lesson)
        applyTimers(to: &lesson)
        applyEngineChoices(to: &lesson)
        if !introduction.isEmpty {
            if let missing = introduction.missingLanguage {
                error(introduction.firstLine, 1, "the introduction has no '\(missing.rawValue):' line")
            }
            lesson.introduction = introduction.text
        }
        lesson.steps = steps
        return lesson
    }

    /// `fresh: clock | near-wrap | no`: how `--seed`, fresh quizzes and exams draw this lesson's ISNs.
    mutating func applyFresh(to lesson: inout Lesson) {
        guard let entry = header["fresh"] else { return }
        guard let policy = FreshISNPolicy(rawValue: entry.value) else {
            let names = FreshISNPolicy.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return error(entry.line, entry.column, "'fresh' is one of \(names)")
        }
        if policy == .clock, !lesson.isn.values.contains(where: \.isClock) {
            error(entry.line, entry.column, "'fresh: clock' needs an ISN clock in 'isn:', such as 'A bsd-clock 38min'")
        }
        lesson.fresh = policy
    }

    mutating func applyTimers(to lesson: inout Lesson) {
        if let window = header["window"] {
            let values = parsePerHost(window) { text -> Result<UInt32, FieldError> in
                guard let value = UInt32(text), value <= 65535 else {
                    return .failure(FieldError("'\(text)' is not a window (0 to 65535)"))
                }
                return .success(value)
            }
            for (host, value) in values ?? [:] { lesson.configuration[host].receiveWindow = value }
        }
        let durations: [(String, WritableKeyPath<EndpointConfiguration, UInt64>)] = [
            ("msl", \.maximumSegmentLifetime), ("rto", \.retransmissionTimeout), ("user-timeout", \.userTimeout),
        ]
        for (key, path) in durations {
            guard let entry = header[key] else { continue }
            guard let value = parseDuration(Substring(entry.value)), value > 0 else {
                error(entry.line, entry.column, "'\(entry.value)' is not a duration: use 250ms, 3s, 2min or 1h")
                continue
            }
            for host in HostID.allCases { lesson.configuration[host][keyPath: path] = value }
        }
        if let delayed = header["delayed-ack"] {
            let values = parsePerHost(delayed) { text -> Result<UInt64, FieldError> in
                guard let value = parseDuration(Substring(text)), value > 0 else {
                    return .failure(FieldError("'\(text)' is not a duration, as in 'delayed-ack: B 200ms'"))
                }
                return .success(value)
            }
            for (host, value) in values ?? [:] { lesson.configuration[host].delayedAck = value }
        }
    }

    /// Header keys that choose among behaviours the RFCs leave open.
    static let engineChoiceKeys: Set<String> = [
        "simultaneous-open", "fast-retransmit", "keep-alive", "receive-buffer", "syn-backlog", "syn-cookies",
    ]

    /// Every key a header may hold.
    static var allHeaderKeys: Set<String> { headerKeys.union(engineChoiceKeys) }

    /// `simultaneous-open: rfc-figure | rfc-rules` (both hosts; RFC 9293 §3.5 Figure 7 versus §3.10.7.4) and
    /// `fast-retransmit: A` or `A, B` (the hosts that resend on the third duplicate ACK, RFC 5681 §3.2).
    mutating func applyEngineChoices(to lesson: inout Lesson) {
        if let entry = header["simultaneous-open"] {
            if let handling = SimultaneousOpenHandling(rawValue: entry.value) {
                for host in HostID.allCases { lesson.configuration[host].simultaneousOpen = handling }
            } else {
                error(
                    entry.line, entry.column,
                    "'simultaneous-open' is 'rfc-rules' (RFC 9293 §3.10.7.4, six segments) or 'rfc-figure' (Figure 7, four)"
                )
            }
        }
        if let entry = header["fast-retransmit"] {
            for host in parseHostList(entry) ?? [] { lesson.configuration[host].fastRetransmit = true }
        }
        if let entry = header["receive-buffer"] {
            // Flow control on both hosts: the named ones get a buffer of that size, the others one as large as
            // the window they advertise.
            let sizes =
                parsePerHost(entry) { text -> Result<UInt32, FieldError> in
                    guard let value = UInt32(text), value > 0, value <= 65535 else {
                        return .failure(FieldError("'\(text)' is not a buffer size (1 to 65535 bytes)"))
                    }
                    return .success(value)
                } ?? [:]
            for host in HostID.allCases {
                if let size = sizes[host] { lesson.configuration[host].receiveWindow = size }
                lesson.configuration[host].receiveBuffer = lesson.configuration[host].receiveWindow
            }
        }
        if let entry = header["keep-alive"] {
            for (host, value) in parsePerHost(entry, Self.parseKeepAlive) ?? [:] {
                lesson.configuration[host].keepAlive = value
            }
        }
        applySynFloodDefences(to: &lesson)
    }

    /// `syn-backlog: B 2` (the listener's half-open queue, RFC 4987 §2) and `syn-cookies: B` (SYN cookies when
    /// that queue is full, RFC 4987 §3.6).
    mutating func applySynFloodDefences(to lesson: inout Lesson) {
        if let entry = header["syn-backlog"] {
            let sizes =
                parsePerHost(entry) { text -> Result<Int, FieldError> in
                    guard let value = Int(text), value >= 0, value <= 1024 else {
                        return .failure(FieldError("'\(text)' is not a SYN backlog (0 to 1024 half-open entries)"))
                    }
                    return .success(value)
                } ?? [:]
            for (host, size) in sizes { lesson.configuration[host].synBacklog = size }
        }
        if let entry = header["syn-cookies"] {
            for host in parseHostList(entry) ?? [] { lesson.configuration[host].synCookies = true }
        }
    }

    /// `2h 75s 9`: idle time, interval between probes, probes before giving up (RFC 9293 §3.8.4).
    static func parseKeepAlive(_ text: String) -> Result<KeepAlive, FieldError> {
        let words = text.split(separator: " ")
        guard words.count == 3, let idle = parseDuration(words[0]), let interval = parseDuration(words[1]),
            let probes = Int(words[2]), idle > 0, interval > 0, probes > 0
        else {
            return .failure(
                FieldError("'\(text)' is not a keep-alive: write idle time, interval and probes, as in 'A 2h 75s 9'"))
        }
        return .success(KeepAlive(idle: idle, interval: interval, probes: probes))
    }

    /// `A`, `B` or `A, B`: the hosts a setting applies to.
    mutating func parseHostList(_ entry: (value: String, line: Int, column: Int)) -> [HostID]? {
        var hosts: [HostID] = []
        var column = entry.column
        for part in entry.value.split(separator: ",", omittingEmptySubsequences: false) {
            defer { column += part.count + 1 }
            let leading = part.prefix { $0 == " " }.count
            guard let host = HostID(rawValue: String(part.trimmingSpaces())) else {
                error(entry.line, column + leading, "expected a host list such as 'A' or 'A, B'")
                return nil
            }
            if hosts.contains(host) { error(entry.line, column + leading, "\(host) is given twice") }
            hosts.append(host)
        }
        return hosts
    }

    /// `A <value>, B <value>` (either may be left out, except where the caller needs both).
    mutating func parsePerHost<Value>(
        _ entry: (value: String, line: Int, column: Int), _ parse: (String) -> Result<Value, FieldError>
    ) -> [HostID: Value]? {
        var result: [HostID: Value] = [:]
        var column = entry.column
        for part in entry.value.split(separator: ",", omittingEmptySubsequences: false) {
            defer { column += part.count + 1 }
            let leading = part.prefix { $0 == " " }.count
            let trimmed = part.trimmingSpaces()
            guard let space = trimmed.firstIndex(of: " "), let host = HostID(rawValue: String(trimmed[..<space])) else {
                error(entry.line, column + leading, "expected 'A <value>, B <value>'")
                return nil
            }
            if result[host] != nil { error(entry.line, column + leading, "\(host) is given twice") }
            let valueText = trimmed[trimmed.index(after: space)...].trimmingSpaces()
            let valueColumn = column + leading + trimmed.distance(from: trimmed.startIndex, to: valueText.startIndex)
            switch parse(String(valueText)) {
            case .success(let value): result[host] = value
            case .failure(let failure):
                error(entry.line, valueColumn, failure.message)
                return nil
            }
        }
        return result
    }

    static func parseAddress(_ text: String) -> Result<HostAddress, FieldError> {
        let address: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .failure(FieldError("an IPv6 host is written [address]:port, as in [2001:db8::1]:80"))
            }
            address = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                return .failure(FieldError("a host is written address:port, as in 192.168.1.116:3337"))
            }
            address = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portText) else {
            return .failure(FieldError("'\(portText)' is not a port (0 to 65535)"))
        }
        return .success(HostAddress(address: String(address), port: port))
    }

    static func parseISN(_ text: String) -> Result<ISNSource, FieldError> {
        if let value = UInt32(text) { return .success(.fixed(value)) }
        let words = text.split(separator: " ")
        guard let kind = words.first else { return .failure(FieldError("an ISN is missing")) }
        let duration = words.count > 1 ? parseDuration(words[1]) : nil
        switch kind {
        case "bsd-clock":
            guard let duration else { break }
            var connections: UInt32 = 0
            if words.count == 4, words[3] == "connections" || words[3] == "connection", words[2].hasPrefix("+"),
                let count = UInt32(words[2].dropFirst())
            {
                connections = count
            } else if words.count != 2 {
                break
            }
            return .success(.bsdClock(milliseconds: duration, connections: connections))
        case "rfc793-clock":
            guard let duration, words.count == 2 else { break }
            return .success(.rfc793Clock(milliseconds: duration))
        case "rfc9293":
            guard let duration, words.count == 4, words[2] == "key" else { break }
            return .success(.rfc9293(milliseconds: duration, key: String(words[3])))
        default:
            break
        }
        return .failure(
            FieldError(
                "'\(text)' is not an ISN: use a number (0 to 4294967295), 'bsd-clock 38min [+N connections]', 'rfc793-clock 10s' or 'rfc9293 10s key K'"
            ))
    }
}

/// Why a header value could not be read; the caller adds where.
struct FieldError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
