#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's log: one line per event on standard error, `key=value` words after a fixed event name, so that
/// `grep event=login` finds every login.
public struct ClassLog: Sendable {
    public init() {}

    public func record(_ event: String, _ fields: [(String, String)] = []) {
        var line = "tcptutor class: event=\(event)"
        for (key, value) in fields {
            let quoted = value.contains(where: { $0 == " " || $0 == "\"" }) ? "\"\(value)\"" : value
            line += " \(key)=\(quoted)"
        }
        Self.writeLine(line, to: 2)
    }

    /// A line for whoever started the server (the port, the fingerprint), on standard output at once and not
    /// through print's buffer: a script reads the port from it while the server runs.
    public func announce(_ line: String) {
        Self.writeLine(line, to: 1)
    }

    private static func writeLine(_ line: String, to descriptor: Int32) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 || errno == EINTR else { return }
            offset += max(written, 0)
        }
    }
}
