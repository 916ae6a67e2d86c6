import TCPCore

/// The numbers a segment is printed against: absolute, or relative to each side's ISN as tcpdump and
/// Wireshark print them by default (TEACHING.md rule 10).
public struct NumberBase: Hashable, Sendable {
    /// Subtracted from SEG.SEQ: the sender's ISN.
    public var seqBase: SequenceNumber
    /// Subtracted from SEG.ACK: the receiver's ISN.
    public var ackBase: SequenceNumber

    public init(seqBase: SequenceNumber, ackBase: SequenceNumber) {
        self.seqBase = seqBase
        self.ackBase = ackBase
    }

    /// Absolute numbers: nothing subtracted.
    public static let absolute = NumberBase(seqBase: SequenceNumber(0), ackBase: SequenceNumber(0))
}

extension Segment {
    /// The packetdrill form, which is also the seed document's: `S. 1739326486:1739326486(0) ack 3626544837`.
    ///
    /// `win` is printed only when asked for: the lessons teach flags, seq and ack.
    public func notation(base: NumberBase = .absolute, showWindow: Bool = false) -> String {
        let start = seq.offset(from: base.seqBase)
        var text =
            "\(flags.tcpdump == "none" ? "-" : flags.tcpdump) \(start):\(start &+ payloadLength)(\(payloadLength))"
        if let ack { text += " ack \(ack.offset(from: base.ackBase))" }
        if showWindow { text += " win \(window)" }
        return text
    }

    /// Today's tcpdump form: `Flags [S.], seq 1739326486, ack 3626544837, win 65535, length 0`.
    public func modernNotation(base: NumberBase = .absolute) -> String {
        let start = seq.offset(from: base.seqBase)
        var text = "Flags [\(flags.tcpdump)], seq \(start)"
        if payloadLength > 0 { text += ":\(start &+ payloadLength)" }
        if let ack { text += ", ack \(ack.offset(from: base.ackBase))" }
        text += ", win \(window), length \(payloadLength)"
        return text
    }

    /// Parses a complete segment in any of the accepted forms; the sequence number must be present.
    public init(notation text: some StringProtocol) throws(SegmentSyntaxError) {
        let pattern = try SegmentPattern(notation: text)
        guard let seq = pattern.seq else {
            throw SegmentSyntaxError(column: 0, message: "a sequence number is needed here (for example S 0:0(0))")
        }
        self.init(
            flags: pattern.flags, seq: seq, ack: pattern.ack, window: pattern.window ?? 65535,
            payloadLength: pattern.payloadLength ?? 0)
    }
}

/// A syntax error in segment notation, with the 0-based character column where it was found.
public struct SegmentSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public var description: String { message }
}

/// A segment as written, where fields may be left out (the seed's third line is just `ack 1739326487`).
/// Fields that are present must match; absent ones are not checked.
public struct SegmentPattern: Hashable, Sendable, CustomStringConvertible {
    public var flags: TCPFlags
    public var seq: SequenceNumber?
    public var payloadLength: UInt32?
    public var ack: SequenceNumber?
    public var window: UInt32?

    public init(
        flags: TCPFlags, seq: SequenceNumber? = nil, payloadLength: UInt32? = nil, ack: SequenceNumber? = nil,
        window: UInt32? = nil
    ) {
        self.flags = flags
        self.seq = seq
        self.payloadLength = payloadLength
        self.ack = ack
        self.window = window
    }

    /// Whether `segment` agrees with every field written here. PSH is ignored, as packetdrill's conventions
    /// and the lessons treat it as advice to the receiver, not connection state.
    public func matches(_ segment: Segment) -> Bool {
        let ignored: TCPFlags = [.psh]
        guard segment.flags.subtracting(ignored) == flags.subtracting(ignored) else { return false }
        if let seq, seq != segment.seq { return false }
        if let payloadLength, payloadLength != segment.payloadLength { return false }
        if let ack, ack != segment.ack { return false }
        if let window, window != segment.window { return false }
        return true
    }

    public var description: String {
        var parts = [flags.tcpdump == "none" ? "-" : flags.tcpdump]
        if let seq {
            let length = payloadLength ?? 0
            parts.append("\(seq):\(seq &+ length)(\(length))")
        }
        if let ack { parts.append("ack \(ack)") }
        if let window { parts.append("win \(window)") }
        return parts.joined(separator: " ")
    }

    /// Parses the packetdrill/seed form (`S. 0:0(0) ack 1 win 65535 <mss 1460>`, `ack 1739326487`) or today's
    /// tcpdump form (`Flags [S.], seq 1739326486, ack 3626544837, win 65535, length 0`).
    public init(notation text: some StringProtocol) throws(SegmentSyntaxError) {
        var scanner = NotationScanner(Array(text))
        scanner.skipSpaces()
        if scanner.peekWord() == "Flags" {
            self = try scanner.parseModern()
        } else {
            self = try scanner.parseClassic()
        }
    }
}

/// A small hand-written scanner: TCPNotation, like TCPCore, has no Foundation, and errors need exact columns.
struct NotationScanner {
    let characters: [Character]
    var index = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    var atEnd: Bool { index >= characters.count }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    func peekWord() -> String {
        var end = index
        while end < characters.count, characters[end].isLetter { end += 1 }
        return String(characters[index..<end])
    }

    mutating func word() -> (text: String, column: Int) {
        let start = index
        while index < characters.count, !" \t,".contains(characters[index]) { index += 1 }
        return (String(characters[start..<index]), start)
    }

    mutating func expect(_ character: Character, _ what: String) throws(SegmentSyntaxError) {
        guard index < characters.count, characters[index] == character else {
            throw SegmentSyntaxError(column: index, message: "expected \(what)")
        }
        index += 1
    }

    mutating func number(_ what: String) throws(SegmentSyntaxError) -> UInt32 {
        let start = index
        var value: UInt64 = 0
        while index < characters.count, let digit = characters[index].wholeNumberValue, characters[index].isASCII {
            value = value * 10 + UInt64(digit)
            guard value <= UInt64(UInt32.max) else {
                throw SegmentSyntaxError(column: start, message: "\(what) does not fit in 32 bits (at most 4294967295)")
            }
            index += 1
        }
        guard index > start else { throw SegmentSyntaxError(column: start, message: "expected \(what) (a number)") }
        return UInt32(value)
    }

    mutating func parseFlags(_ text: String, column: Int) throws(SegmentSyntaxError) -> TCPFlags {
        guard let flags = TCPFlags(tcpdump: text) else {
            throw SegmentSyntaxError(
                column: column,
                message: "unknown flags '\(text)': use tcpdump letters F S R P U E W and '.' for ACK (e.g. S. or F.)")
        }
        return flags
    }

    mutating func parseClassic() throws(SegmentSyntaxError) -> SegmentPattern {
        var pattern = SegmentPattern(flags: [])
        if peekWord() == "ack" {
            pattern.flags = .ack  // the seed's bare form: `ack 1739326487`
        } else {
            let (text, column) = word()
            guard !text.isEmpty else {
                throw SegmentSyntaxError(column: column, message: "expected flags such as S or S.")
            }
            pattern.flags = try parseFlags(text, column: column)
            skipSpaces()
            if !atEnd, characters[index].isNumber {
                let startColumn = index
                let start = try number("the sequence number")
                try expect(":", "':' between the first and the end sequence number, as in 0:0(0)")
                let end = try number("the end sequence number")
                try expect("(", "'(' and the data length, as in 1:1001(1000)")
                let lengthColumn = index
                let length = try number("the data length")
                try expect(")", "')' after the data length")
                guard end &- start == length else {
                    throw SegmentSyntaxError(
                        column: lengthColumn,
                        message: "the range \(start):\(end) holds \(end &- start) bytes but the length says \(length)")
                }
                _ = startColumn
                pattern.seq = SequenceNumber(start)
                pattern.payloadLength = length
            }
        }
        while true {
            skipSpaces()
            if atEnd { break }
            if characters[index] == "<" {  // TCP options are not modelled: skip them
                while index < characters.count, characters[index] != ">" { index += 1 }
                try expect(">", "'>' to close the options")
                continue
            }
            let (keyword, column) = word()
            skipSpaces()
            switch keyword {
            case "ack":
                guard pattern.ack == nil else {
                    throw SegmentSyntaxError(column: column, message: "'ack' is given twice")
                }
                pattern.ack = SequenceNumber(try number("the acknowledgment number"))
                pattern.flags.insert(.ack)
            case "win":
                pattern.window = try number("the window")
            case "urg":
                _ = try number("the urgent pointer")
            default:
                throw SegmentSyntaxError(
                    column: column,
                    message: "unexpected '\(keyword)': after the numbers come 'ack N', 'win N' or <options>")
            }
        }
        if pattern.flags.contains(.ack), pattern.ack == nil {
            throw SegmentSyntaxError(
                column: characters.count, message: "the ACK flag ('.') is set but no 'ack N' follows")
        }
        return pattern
    }

    mutating func parseModern() throws(SegmentSyntaxError) -> SegmentPattern {
        _ = word()  // "Flags"
        skipSpaces()
        try expect("[", "'[' after Flags")
        let start = index
        while index < characters.count, characters[index] != "]" { index += 1 }
        let flagText = String(characters[start..<index])
        try expect("]", "']' to close the flags")
        var pattern = SegmentPattern(flags: try parseFlags(flagText, column: start))
        var dataEnd: UInt32?
        while true {
            skipSpaces()
            if !atEnd, characters[index] == "," { index += 1 }
            skipSpaces()
            if atEnd { break }
            let (keyword, column) = word()
            skipSpaces()
            switch keyword {
            case "seq":
                pattern.seq = SequenceNumber(try number("the sequence number"))
                if !atEnd, characters[index] == ":" {
                    index += 1
                    dataEnd = try number("the end of the data range")
                }
            case "ack":
                pattern.ack = SequenceNumber(try number("the acknowledgment number"))
            case "win":
                pattern.window = try number("the window")
            case "length":
                pattern.payloadLength = try number("the length")
            case "urg":
                _ = try number("the urgent pointer")
            case "options":
                try expect("[", "'[' after options")
                while index < characters.count, characters[index] != "]" { index += 1 }
                try expect("]", "']' to close the options")
            default:
                throw SegmentSyntaxError(column: column, message: "unexpected '\(keyword)' in tcpdump output")
            }
        }
        if pattern.ack != nil, !pattern.flags.contains(.ack) {
            throw SegmentSyntaxError(column: 0, message: "an ack number is given but the flags have no '.' (ACK)")
        }
        if let seq = pattern.seq, let dataEnd {
            let implied = dataEnd &- seq.rawValue
            if let length = pattern.payloadLength, length != implied {
                throw SegmentSyntaxError(
                    column: 0, message: "seq range says \(implied) bytes but length says \(length)")
            }
            pattern.payloadLength = implied
        }
        if pattern.seq != nil, pattern.payloadLength == nil { pattern.payloadLength = 0 }
        return pattern
    }
}
