/// Reads the classic pcap format: a 24-byte file header, then records of a 16-byte header and the frame.
/// Microsecond and nanosecond timestamps, both byte orders, and the 24-byte records of the "modified"
/// (Kuznetzov) variant.
final class PcapReader: SegmentSource {
    static let microsecondMagic: UInt32 = 0xa1b2_c3d4
    static let nanosecondMagic: UInt32 = 0xa1b2_3c4d
    static let modifiedMagic: UInt32 = 0xa1b2_cd34
    static let headerLength = 24

    private let stream: ByteStream
    private let bigEndian: Bool
    private let unitsPerSecond: UInt64
    private let recordHeaderLength: Int
    let linkType: UInt32
    private let maximumRecord: Int
    private(set) var recordsRead = 0

    /// Whether the first four bytes are a pcap magic number in either byte order.
    static func recognizes(_ magic: UnsafeRawBufferPointer) -> Bool {
        guard magic.count >= 4 else { return false }
        let little = magic.load32(0, bigEndian: false)
        let big = magic.load32(0, bigEndian: true)
        return [microsecondMagic, nanosecondMagic, modifiedMagic].contains { $0 == little || $0 == big }
    }

    init(stream: ByteStream) throws(CaptureError) {
        self.stream = stream
        let ready = try stream.fill(Self.headerLength)
        guard ready == Self.headerLength else {
            throw CaptureError(
                message: "the pcap file header is cut short: \(ready) of its \(Self.headerLength) bytes are there",
                offset: 0)
        }
        let header = stream.bytes(Self.headerLength)
        let magicBig = header.load32(0, bigEndian: true)
        let magicLittle = header.load32(0, bigEndian: false)
        let magic: UInt32
        if [Self.microsecondMagic, Self.nanosecondMagic, Self.modifiedMagic].contains(magicBig) {
            bigEndian = true
            magic = magicBig
        } else {
            bigEndian = false
            magic = magicLittle
        }
        unitsPerSecond = magic == Self.nanosecondMagic ? 1_000_000_000 : 1_000_000
        recordHeaderLength = magic == Self.modifiedMagic ? 24 : 16
        let major = header.load16(4, bigEndian: bigEndian)
        guard major == 2 else {
            throw CaptureError(message: "pcap version \(major) is not supported (expected 2)", offset: 4)
        }
        let snapLength = Int(header.load32(16, bigEndian: bigEndian))
        linkType = header.load32(20, bigEndian: bigEndian) & 0xffff  // the upper bits describe FCS, not the type
        guard LinkType.isSupported(linkType) else {
            throw CaptureError(message: LinkType.refusal(linkType), offset: 20)
        }
        maximumRecord = min(max(snapLength, 262_144), CaptureLimits.maximumPacket)
        stream.advance(Self.headerLength)
    }

    func next() throws(CaptureError) -> CapturedSegment? {
        while true {
            let recordOffset = stream.offset
            let ready = try stream.fill(recordHeaderLength)
            if ready == 0 { return nil }
            recordsRead += 1
            guard ready == recordHeaderLength else {
                throw CaptureError(
                    message: "the packet record header is cut short: \(ready) of its \(recordHeaderLength) bytes "
                        + "are there", offset: recordOffset, packet: recordsRead)
            }
            let header = stream.bytes(recordHeaderLength)
            let seconds = UInt64(header.load32(0, bigEndian: bigEndian))
            let fraction = UInt64(header.load32(4, bigEndian: bigEndian))
            let included = Int(header.load32(8, bigEndian: bigEndian))
            let original = Int(header.load32(12, bigEndian: bigEndian))
            guard included <= maximumRecord else {
                throw CaptureError(
                    message: "the packet record claims \(included) captured bytes, more than any real packet "
                        + "(limit \(maximumRecord)); the file is damaged", offset: recordOffset, packet: recordsRead)
            }
            stream.advance(recordHeaderLength)
            let available = try stream.fill(included)
            guard available == included else {
                throw CaptureError(
                    message: "the packet is cut short: its record says \(included) bytes, only \(available) remain",
                    offset: recordOffset, packet: recordsRead)
            }
            var decoder = PacketDecoder(frame: stream.bytes(included), snapped: included < original)
            let result = decoder.decode(linkType: linkType)
            stream.advance(included)
            switch result {
            case .other: continue
            case .damaged(let offset):
                throw CaptureError(
                    message: decoder.problem, offset: recordOffset + Int64(recordHeaderLength + offset),
                    packet: recordsRead)
            case .tcp(let source, let destination, let segment):
                let time =
                    Int64(bitPattern: seconds &* 1_000_000_000)
                    &+ nanoseconds(fraction, unitsPerSecond: unitsPerSecond)
                return CapturedSegment(
                    number: recordsRead, time: CaptureTime(nanoseconds: time), source: source,
                    destination: destination, segment: segment, tunnel: decoder.tunnel)
            }
        }
    }
}
