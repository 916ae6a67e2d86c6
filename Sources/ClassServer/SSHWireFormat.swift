/// The few pieces of the SSH wire format (RFC 4251 §5) that the host key files are made of: `uint32` and
/// length-prefixed `string`s, written and read back.
struct SSHWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    mutating func string(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        bytes += value
    }

    mutating func string(_ value: String) { string(Array(value.utf8)) }

    mutating func raw(_ value: [UInt8]) { bytes += value }
}

/// Reads what `SSHWireWriter` writes; every read checks that the bytes are there.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Truncated: Error {}

    mutating func raw(count: Int) throws(Truncated) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw Truncated() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        try raw(count: 4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws(Truncated) -> [UInt8] {
        try raw(count: Int(uint32()))
    }
}
