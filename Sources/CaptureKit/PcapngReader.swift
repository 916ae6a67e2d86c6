/// Reads pcapng: sections (each with its own byte order), interface descriptions (each with its own link type
/// and timestamp resolution) and enhanced, simple and obsolete packet blocks; other blocks are skipped.
final class PcapngReader: SegmentSource {
    static let sectionHeaderType: UInt32 = 0x0a0d_0d0a
    static let byteOrderMagic: UInt32 = 0x1a2b_3c4d

    /// One interface description block: how to read the packets that name it.
    private struct Interface {
        var linkType: UInt32
        var snapLength: UInt32
        var unitsPerSecond: UInt64 = 1_000_000
        var offsetSeconds: Int64 = 0
    }

    private let stream: ByteStream
    private var bigEndian = false
    private var interfaces: [Interface] = []
    private var sawSection = false
    private(set) var recordsRead = 0

    /// Whether the first four bytes are a section header block's type.
    static func recognizes(_ magic: UnsafeRawBufferPointer) -> Bool {
        magic.count >= 4 && magic.load32(0, bigEndian: false) == sectionHeaderType
    }

    init(stream: ByteStream) {
        self.stream = stream
    }

    func next() throws(CaptureError) -> CapturedSegment? {
        while true {
            let blockOffset = stream.offset
            let ready = try stream.fill(12)
            if ready == 0 { return nil }
            guard ready >= 8 else {
                throw error("the block header is cut short: \(ready) of its 8 bytes are there", at: blockOffset)
            }
            var header = stream.bytes(ready)
            let isSection = header.load32(0, bigEndian: false) == Self.sectionHeaderType
            if isSection {
                guard ready >= 12 else { throw error("the section header block is cut short", at: blockOffset) }
                switch header.load32(8, bigEndian: false) {
                case Self.byteOrderMagic: bigEndian = false
                case Self.byteOrderMagic.byteSwapped: bigEndian = true
                default:
                    throw error(
                        "the section header's byte-order magic is \(header.hexPrefix(12).suffix(11)), not "
                            + "1a2b3c4d in either byte order", at: blockOffset + 8)
                }
                sawSection = true
                interfaces = []
            } else if !sawSection {
                throw error("a pcapng file must start with a section header block", at: blockOffset)
            }
            let type = header.load32(0, bigEndian: bigEndian)
            let length = Int(header.load32(4, bigEndian: bigEndian))
            guard length >= 12, length % 4 == 0, length <= CaptureLimits.maximumBlock else {
                throw error(
                    "block type \(type) claims a length of \(length) bytes, which is impossible (a block is a "
                        + "multiple of 4, at least 12 bytes, at most \(CaptureLimits.maximumBlock))",
                    at: blockOffset)
            }
            let available = try stream.fill(length)
            guard available == length else {
                throw error(
                    "block type \(type) is cut short: it says \(length) bytes, only \(available) remain",
                    at: blockOffset)
            }
            header = stream.bytes(length)
            let trailer = Int(header.load32(length - 4, bigEndian: bigEndian))
            guard trailer == length else {
                throw error(
                    "block type \(type) ends with the length \(trailer) but starts with \(length); the file is "
                        + "damaged", at: blockOffset)
            }
            let found = try readBlock(type: type, block: header, at: blockOffset)
            stream.advance(length)
            if let found { return found }
        }
    }

    private func readBlock(type: UInt32, block: UnsafeRawBufferPointer, at offset: Int64) throws(CaptureError)
        -> CapturedSegment?
    {
        switch type {
        case Self.sectionHeaderType:
            guard block.count >= 28 else { throw error("the section header block is too short", at: offset) }
            let major = block.load16(12, bigEndian: bigEndian)
            guard major == 1 else {
                throw error("pcapng version \(major) is not supported (expected 1)", at: offset + 12)
            }
            return nil
        case 1:
            try readInterface(block, at: offset)
            return nil
        case 6:  // enhanced packet block: a 32-bit interface id
            guard block.count >= 32 else { throw error("the enhanced packet block is too short", at: offset) }
            return try timestampedPacket(block, interfaceID: Int(block.load32(8, bigEndian: bigEndian)), at: offset)
        case 3:  // simple packet block: interface 0, no timestamp
            guard block.count >= 16 else { throw error("the simple packet block is too short", at: offset) }
            recordsRead += 1
            let interface = try interface(0, at: offset)
            let original = Int(block.load32(8, bigEndian: bigEndian))
            var captured = min(original, block.count - 16)
            if interface.snapLength > 0 { captured = min(captured, Int(interface.snapLength)) }
            return try decode(
                block, from: 12, count: captured, snapped: captured < original, interface: interface,
                timestamp: nil, at: offset)
        case 2:  // obsolete packet block: a 16-bit interface id, then a 16-bit drop count
            guard block.count >= 32 else { throw error("the packet block is too short", at: offset) }
            return try timestampedPacket(block, interfaceID: Int(block.load16(8, bigEndian: bigEndian)), at: offset)
        default:
            return nil  // name resolution, statistics, custom blocks: nothing about TCP
        }
    }

    private func readInterface(_ block: UnsafeRawBufferPointer, at offset: Int64) throws(CaptureError) {
        guard block.count >= 20 else { throw error("the interface description block is too short", at: offset) }
        var interface = Interface(
            linkType: UInt32(block.load16(8, bigEndian: bigEndian)), snapLength: block.load32(12, bigEndian: bigEndian))
        var position = 16
        let end = block.count - 4
        while position + 4 <= end {
            let code = block.load16(position, bigEndian: bigEndian)
            let length = Int(block.load16(position + 2, bigEndian: bigEndian))
            let value = position + 4
            guard code != 0, value + length <= end else { break }
            if code == 9, length >= 1 {  // if_tsresol
                let resolution = block[value]
                let exponent = UInt64(resolution & 0x7f)
                if resolution & 0x80 != 0 {
                    guard exponent <= 63 else {
                        throw error("interface time resolution 2^-\(exponent) is impossible", at: offset)
                    }
                    interface.unitsPerSecond = 1 << exponent
                } else {
                    guard exponent <= 19 else {
                        throw error("interface time resolution 10^-\(exponent) is impossible", at: offset)
                    }
                    interface.unitsPerSecond = (0..<exponent).reduce(1) { value, _ in value * 10 }
                }
            } else if code == 14, length >= 8 {  // if_tsoffset
                interface.offsetSeconds = Int64(bitPattern: block.load64(value, bigEndian: bigEndian))
            }
            position = value + (length + 3) / 4 * 4
        }
        interfaces.append(interface)
    }

    /// An enhanced or obsolete packet block, alike after the interface id: a 64-bit timestamp in two halves at
    /// 12 and 16, the captured length at 20, the packet from 28.
    private func timestampedPacket(_ block: UnsafeRawBufferPointer, interfaceID: Int, at offset: Int64)
        throws(CaptureError) -> CapturedSegment?
    {
        recordsRead += 1
        let interface = try interface(interfaceID, at: offset)
        let timestamp =
            UInt64(block.load32(12, bigEndian: bigEndian)) << 32 | UInt64(block.load32(16, bigEndian: bigEndian))
        let captured = Int(block.load32(20, bigEndian: bigEndian))
        guard captured <= block.count - 32 else {
            throw error(
                "the packet claims \(captured) captured bytes but its block holds only \(block.count - 32)",
                at: offset, packet: recordsRead)
        }
        let original = Int(block.load32(24, bigEndian: bigEndian))
        return try decode(
            block, from: 28, count: captured, snapped: captured < original, interface: interface,
            timestamp: timestamp, at: offset)
    }

    private func interface(_ index: Int, at offset: Int64) throws(CaptureError) -> Interface {
        guard index < interfaces.count else {
            throw error(
                "the packet names interface \(index), but the section describes \(interfaces.count)", at: offset,
                packet: recordsRead)
        }
        return interfaces[index]
    }

    /// The packet at `start` in `block` (at file offset `offset`), decoded; damage inside it is reported at its
    /// byte in the file.
    private func decode(
        _ block: UnsafeRawBufferPointer, from start: Int, count: Int, snapped: Bool, interface: Interface,
        timestamp: UInt64?, at offset: Int64
    ) throws(CaptureError) -> CapturedSegment? {
        // Packets on interfaces of other link types (USB, Bluetooth, 802.11 ...) are other traffic: skipped.
        guard LinkType.isSupported(interface.linkType) else { return nil }
        let frame = UnsafeRawBufferPointer(rebasing: block[start..<(start + count)])
        var decoder = PacketDecoder(frame: frame, snapped: snapped)
        switch decoder.decode(linkType: interface.linkType) {
        case .other:
            return nil
        case .damaged(let position):
            throw error(decoder.problem, at: offset + Int64(start + position), packet: recordsRead)
        case .tcp(let source, let destination, let segment):
            var time: Int64 = 0
            if let timestamp {
                time =
                    nanoseconds(timestamp, unitsPerSecond: interface.unitsPerSecond)
                    &+ interface.offsetSeconds &* 1_000_000_000
            }
            return CapturedSegment(
                number: recordsRead, time: CaptureTime(nanoseconds: time), source: source, destination: destination,
                segment: segment, tunnel: decoder.tunnel)
        }
    }

    private func error(_ message: String, at offset: Int64, packet: Int? = nil) -> CaptureError {
        CaptureError(message: message, offset: offset, packet: packet)
    }
}
