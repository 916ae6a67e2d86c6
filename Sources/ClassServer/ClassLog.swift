import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's log, through swift-log: one line per event on standard error, the time (UTC), the level, then
/// `event=NAME` and the event's fields as `key=value`, so that `grep event=login` finds every login and a
/// supervisor (systemd's journal, a file) keeps them.
public struct ClassLog: Sendable {
    let logger: Logger

    public init() {
        logger = Logger(label: "tcptutor-class") { label in ClassLogLine(label: label) }
    }

    /// Logs `event` with `fields` (kept in the order given on the line).
    public func record(_ event: String, _ fields: [(String, String)] = [], level: Logger.Level = .info) {
        var metadata = Logger.Metadata()
        var order: [String] = []
        for (key, value) in fields {
            metadata[key] = .string(value)
            order.append(key)
        }
        metadata[ClassLogLine.orderKey] = .array(order.map { .string($0) })
        logger.log(level: level, "\(event)", metadata: metadata)
    }

    /// A line for whoever started the server (the port, the fingerprint), on standard output at once and not
    /// through print's buffer: a script reads the port from it while the server runs.
    public func announce(_ line: String) {
        ClassLogLine.writeLine(line, to: 1)
    }
}

/// swift-log's handler for the class log: `2026-12-04T19:20:01Z info event=login student=ada from=...`.
struct ClassLogLine: LogHandler {
    static let orderKey = "_order"
    let label: String
    var metadata = Logger.Metadata()
    var logLevel = Logger.Level.info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata.merging(event.metadata ?? [:]) { $1 }
        var order: [String] = []
        if case .array(let keys) = fields.removeValue(forKey: Self.orderKey) ?? .array([]) {
            order = keys.map { "\($0)" }
        }
        order += fields.keys.filter { !order.contains($0) }.sorted()
        var text = "\(Self.timestamp()) \(event.level) event=\(event.message)"
        for key in order {
            guard let value = fields[key] else { continue }
            text += " \(key)=\(Self.quoted("\(value)"))"
        }
        Self.writeLine(text, to: 2)
    }

    /// A value with a space, a quote or an equals sign is quoted, so that every line splits the same way.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }) else {
            return value
        }
        var escaped = ""
        for character in value {
            switch character {
            case "\\", "\"": escaped += "\\\(character)"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    /// Now in UTC, to the second, as ISO 8601.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// One whole line in one write where it fits, so that lines from several threads do not interleave.
    static func writeLine(_ line: String, to descriptor: Int32) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 || errno == EINTR else { return }
            offset += max(written, 0)
        }
    }
}
