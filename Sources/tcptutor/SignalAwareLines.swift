import TutorCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input's lines for a plain run that must notice an exit signal while it waits for a line (the class
/// server ending the class): read with poll and read(2), not stdio, whose buffer poll cannot see.
struct SignalAwareLines {
    /// How long a wait lasts before the signal is looked at again: a signal that came just before a read is
    /// seen within this.
    var pollMilliseconds: Int32 = 200
    private var buffer: [UInt8] = []
    private var atEnd = false

    /// The next line without its newline; nil at the end of input or once an exit signal has arrived
    /// (`ExitSignals.install` first).
    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                return String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            if ExitSignals.received != nil { return nil }
            var wanted = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&wanted, 1, pollMilliseconds) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR && errno != EAGAIN {
                atEnd = true
            }
        }
    }
}
