/// The control bits of the TCP header (RFC 9293 §3.1), with tcpdump's one-letter names.
public struct TCPFlags: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let fin = TCPFlags(rawValue: 0x01)
    public static let syn = TCPFlags(rawValue: 0x02)
    public static let rst = TCPFlags(rawValue: 0x04)
    public static let psh = TCPFlags(rawValue: 0x08)
    public static let ack = TCPFlags(rawValue: 0x10)
    public static let urg = TCPFlags(rawValue: 0x20)
    public static let ece = TCPFlags(rawValue: 0x40)
    public static let cwr = TCPFlags(rawValue: 0x80)

    /// tcpdump's letters in tcpdump's order (`print-tcp.c`): F S R P . U E W.
    public static let letters: [(flag: TCPFlags, letter: Character)] = [
        (.fin, "F"), (.syn, "S"), (.rst, "R"), (.psh, "P"), (.ack, "."), (.urg, "U"), (.ece, "E"), (.cwr, "W"),
    ]

    /// The RFC's names in header order, for explanations: `SYN+ACK`.
    public static let names: [(flag: TCPFlags, name: String)] = [
        (.cwr, "CWR"), (.ece, "ECE"), (.urg, "URG"), (.ack, "ACK"), (.psh, "PSH"), (.rst, "RST"), (.syn, "SYN"),
        (.fin, "FIN"),
    ]

    /// tcpdump notation: `S.` for SYN+ACK, `.` for a bare ACK, `FP.` for FIN+PSH+ACK, `none` for no flags.
    public var tcpdump: String {
        if isEmpty { return "none" }
        var text = ""
        for (flag, letter) in Self.letters where contains(flag) { text.append(letter) }
        return text
    }

    /// Names joined with `+`, in the order people say them: `SYN+ACK`, `FIN+ACK`, `RST`.
    public var spelledOut: String {
        if isEmpty { return "no flags" }
        let order: [TCPFlags] = [.syn, .fin, .rst, .psh, .urg, .ack, .ece, .cwr]
        return order.filter { contains($0) }.map { flag in
            Self.names.first { $0.flag == flag }!.name
        }.joined(separator: "+")
    }

    public var description: String { tcpdump }

    /// Parses tcpdump letters (`S.`, `FP.`, `R`, `.`), packetdrill's `-` or tcpdump's `none` for no flags.
    public init?(tcpdump text: some StringProtocol) {
        if text == "-" || text == "none" {
            self = []
            return
        }
        var flags: TCPFlags = []
        for character in text {
            guard let entry = Self.letters.first(where: { $0.letter == character }) else { return nil }
            guard !flags.contains(entry.flag) else { return nil }
            flags.insert(entry.flag)
        }
        guard !flags.isEmpty else { return nil }
        self = flags
    }
}
