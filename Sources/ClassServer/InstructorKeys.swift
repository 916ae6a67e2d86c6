/// The keys the instructor's screen takes, read from the bytes the SSH client sends (an arrow key's escape
/// sequence may come cut between two reads: the start is kept for the next).
struct KeyReader {
    enum Key: Equatable {
        /// q, Ctrl-C or Ctrl-D: the session ends, the class goes on.
        case leave
        /// Up/Down, k/j: the list moves by one row.
        case scroll(Int)
        /// Page Up/Page Down, b/space: the list moves by a screen.
        case page(Int)
        /// Enter: the plain lines written again (on a full screen, the screen repainted).
        case again
    }

    private var sequence: [UInt8] = []

    mutating func read(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        for byte in bytes {
            if !sequence.isEmpty {
                sequence.append(byte)
                if let key = escapeSequence() { keys += key }
                continue
            }
            switch byte {
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4: keys.append(.leave)
            case UInt8(ascii: "j"): keys.append(.scroll(1))
            case UInt8(ascii: "k"): keys.append(.scroll(-1))
            case UInt8(ascii: " "): keys.append(.page(1))
            case UInt8(ascii: "b"): keys.append(.page(-1))
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"): keys.append(.again)
            case 0x1B: sequence = [byte]
            default: break
            }
        }
        return keys
    }

    /// The key an escape sequence read so far makes: nil while it goes on, [] for one this screen ignores.
    private mutating func escapeSequence() -> [Key]? {
        // ESC [ A or ESC O A (cursor keys in either mode), ESC [ 5 ~ and ESC [ 6 ~ (pages); anything else ends at
        // its final byte (0x40-0x7E) and is ignored.
        guard sequence.count >= 2 else { return nil }
        guard sequence[1] == UInt8(ascii: "[") || sequence[1] == UInt8(ascii: "O") else {
            sequence = []
            return []
        }
        guard let last = sequence.last, sequence.count >= 3, (0x40...0x7E).contains(last) else {
            if sequence.count > 16 { sequence = [] }
            return sequence.isEmpty ? [] : nil
        }
        defer { sequence = [] }
        switch String(decoding: sequence.dropFirst(2), as: UTF8.self) {
        case "A": return [.scroll(-1)]
        case "B": return [.scroll(1)]
        case "5~": return [.page(-1)]
        case "6~": return [.page(1)]
        default: return []
        }
    }
}
