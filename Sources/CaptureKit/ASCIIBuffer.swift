/// ASCII text appended straight into bytes, without `String` on the way: a listing of a large capture has tens
/// of thousands of lines, and building them as strings costs more than reading the capture.
struct ASCIIBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(spaces count: Int) {
        var remaining = count
        while remaining > 0 {
            bytes.append(0x20)
            remaining -= 1
        }
    }

    /// Decimal digits of `value`.
    mutating func append(_ value: UInt64) {
        if value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = 20
            while rest > 0 {
                start -= 1
                digits[start] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    mutating func append(_ value: Int) {
        if value < 0 { bytes.append(0x2d) }
        append(UInt64(value.magnitude))
    }

    /// Moves what was written since `start` to the right of a field `width` wide, padding with spaces.
    mutating func rightAlign(from start: Int, width: Int) {
        let written = bytes.count - start
        guard written < width else { return }
        let pad = width - written
        bytes.append(contentsOf: repeatElement(0x20, count: pad))
        var index = bytes.count - 1
        while index >= start + pad {
            bytes[index] = bytes[index - pad]
            index -= 1
        }
        for position in start..<(start + pad) { bytes[position] = 0x20 }
    }

    /// Seconds with six decimals, rounded to the microsecond: `12.345678`.
    mutating func append(seconds nanoseconds: Int64) {
        let micro = (nanoseconds + (nanoseconds < 0 ? -500 : 500)) / 1000
        if micro < 0 { bytes.append(0x2d) }
        let magnitude = micro.magnitude
        append(UInt64(magnitude / 1_000_000))
        bytes.append(0x2e)
        var fraction = magnitude % 1_000_000
        bytes.append(contentsOf: repeatElement(0x30, count: 6))
        var index = bytes.count - 1
        while fraction > 0 {
            bytes[index] = 0x30 + UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
    }

    /// `10.0.0.1:80` or `[::1]:80`.
    mutating func append(_ address: SocketAddress) {
        if address.address.isIPv6 {
            append(address.description)
            return
        }
        let value = UInt32(truncatingIfNeeded: address.address.low)
        append(UInt64(value >> 24))
        bytes.append(0x2e)
        append(UInt64(value >> 16 & 0xff))
        bytes.append(0x2e)
        append(UInt64(value >> 8 & 0xff))
        bytes.append(0x2e)
        append(UInt64(value & 0xff))
        bytes.append(0x3a)
        append(UInt64(address.port))
    }

    /// How many characters `append(address)` writes.
    static func width(of address: SocketAddress) -> Int {
        guard !address.address.isIPv6 else { return address.description.count }
        let value = UInt32(truncatingIfNeeded: address.address.low)
        var width = 4  // three dots and the colon
        for shift in [24, 16, 8, 0] as [UInt32] { width += digitCount(UInt64(value >> shift & 0xff)) }
        return width + digitCount(UInt64(address.port))
    }

    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// `,"name":`, the key of a JSON object's next member.
    mutating func appendJSONKey(_ name: String) {
        bytes.append(contentsOf: [0x2c, 0x22])
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [0x22, 0x3a])
    }

    /// Hands what is written to `sink` and starts empty again, once there is at least `size` of it: large
    /// outputs go out as they are made.
    mutating func handOver(to sink: ([UInt8]) -> Void, atLeast size: Int) {
        guard bytes.count >= size else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// A JSON string literal.
    mutating func appendJSON(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5c, 0x22])
            case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
            case 0x0d: bytes.append(contentsOf: [0x5c, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5c, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
