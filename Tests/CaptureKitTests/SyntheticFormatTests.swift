import CaptureKit
import TCPCore
import Testing

/// Link layers, IP headers and pcapng details that real tools write rarely, built byte by byte.
@Suite struct SyntheticFormatTests {
    let syn = Packets.tcp(sourcePort: 3337, destinationPort: 7788, seq: 100, ack: 0, flags: 0x02)

    func read(_ writer: CaptureWriter) throws -> [CapturedSegment] {
        try Fixtures.readAll(CaptureReader(bytes: writer.bytes, chunkSize: 64))
    }

    func pcap(linkType: UInt32, frames: [[UInt8]], bigEndian: Bool = false) -> CaptureWriter {
        var writer = CaptureWriter.pcap(linkType: linkType, bigEndian: bigEndian)
        for (index, frame) in frames.enumerated() {
            writer.record(seconds: 1_700_000_000, fraction: UInt32(index), frame: frame)
        }
        return writer
    }

    @Test func ethernetWithVLANAndQinQ() throws {
        let plain = Packets.ethernet(Packets.ipv4(syn))
        let tagged = Packets.ethernet(Packets.ipv4(syn), tags: [0x8100])
        let qinq = Packets.ethernet(Packets.ipv4(syn), tags: [0x88a8, 0x8100])
        let arp = Packets.ethernet([UInt8](repeating: 0, count: 28), etherType: 0x0806)
        let segments = try read(pcap(linkType: 1, frames: [plain, tagged, qinq, arp]))
        #expect(segments.count == 3)
        #expect(segments.allSatisfy { $0.source.description == "10.201.0.1:3337" && $0.segment.flags == .syn })
    }

    @Test func ipv4OptionsAndFragments() throws {
        let withOptions = Packets.ipv4(syn, options: 2)
        let firstFragment = Packets.ipv4(syn, moreFragments: true)
        let laterFragment = Packets.ipv4(syn, fragmentOffset: 185)
        let segments = try read(pcap(linkType: 101, frames: [withOptions, firstFragment, laterFragment]))
        #expect(segments.count == 2)
        #expect(segments[0].segment.seq == SequenceNumber(100))
        #expect(segments.map(\.number) == [1, 2])
    }

    @Test func ipv6ExtensionHeadersAreWalked() throws {
        let hopByHop: (UInt8, [UInt8]) = (0, [0, 1, 4, 0, 0, 0, 0])
        let destination: (UInt8, [UInt8]) = (60, [0, 1, 4, 0, 0, 0, 0])
        let firstFragment: (UInt8, [UInt8]) = (44, [0, 0, 1, 0, 0, 0, 7])
        let laterFragment: (UInt8, [UInt8]) = (44, [0, 0x05, 0x00, 0, 0, 0, 7])
        let frames = [
            Packets.ipv6(syn, extensions: [hopByHop, destination]),
            Packets.ipv6(syn, extensions: [firstFragment]),
            Packets.ipv6(syn, extensions: [laterFragment]),
        ]
        let segments = try read(pcap(linkType: 229, frames: frames))
        #expect(segments.count == 2)
        #expect(segments[0].source.description == "[fd00:201::1]:3337")
        #expect(segments[0].segment.payloadLength == 0)
    }

    @Test(arguments: [UInt32(12), 14, 101, 228])
    func rawIPLinkTypes(_ linkType: UInt32) throws {
        let segments = try read(pcap(linkType: linkType, frames: [Packets.ipv4(syn)]))
        #expect(segments.count == 1)
    }

    @Test func loopbackFamiliesInEitherByteOrder() throws {
        let little: [UInt8] = [2, 0, 0, 0]
        let big: [UInt8] = [0, 0, 0, 2]
        let darwinIPv6: [UInt8] = [30, 0, 0, 0]
        let frames = [little + Packets.ipv4(syn), big + Packets.ipv4(syn), darwinIPv6 + Packets.ipv6(syn)]
        #expect(try read(pcap(linkType: 0, frames: frames)).count == 3)
        #expect(try read(pcap(linkType: 108, frames: frames)).count == 3)
    }

    @Test func cutShortBySnapLengthStillCounts() throws {
        let data = Packets.tcp(sourcePort: 1, destinationPort: 2, seq: 5, ack: 9, flags: 0x18, payload: 1000)
        let packet = Packets.ipv4(data)
        let cut = Array(Packets.ethernet(packet).prefix(54))  // 14 + 20 + 20: the TCP header and nothing more
        var writer = CaptureWriter.pcap(linkType: 1, snapLength: 54)
        writer.record(seconds: 1, fraction: 0, frame: cut, original: 14 + packet.count)
        let tooShort = Array(Packets.ethernet(packet).prefix(40))  // the TCP header is not all there
        writer.record(seconds: 1, fraction: 1, frame: tooShort, original: 14 + packet.count)
        let segments = try read(writer)
        #expect(segments.count == 1)
        #expect(segments[0].segment.payloadLength == 1000)
        #expect(segments[0].segment.flags == [.psh, .ack])
        #expect(segments[0].segment.ack == SequenceNumber(9))
    }

    @Test func pcapByteOrdersAndResolutions() throws {
        for bigEndian in [false, true] {
            for (magic, fraction, expected) in [
                (UInt32(0xa1b2_c3d4), UInt32(250_000), Int64(250_000_000)),
                (0xa1b2_3c4d, 250_000_001, 250_000_001),
            ] {
                var writer = CaptureWriter.pcap(linkType: 101, bigEndian: bigEndian, magic: magic)
                writer.record(seconds: 2, fraction: fraction, frame: Packets.ipv4(syn))
                let segments = try read(writer)
                #expect(segments.count == 1)
                #expect(segments[0].time.nanoseconds == 2_000_000_000 + expected)
            }
        }
    }

    @Test func modifiedPcapRecords() throws {
        var writer = CaptureWriter.pcap(linkType: 101, magic: 0xa1b2_cd34)
        writer.record(seconds: 1, fraction: 0, frame: Packets.ipv4(syn), extra: 8)
        writer.record(seconds: 1, fraction: 5, frame: Packets.ipv4(syn), extra: 8)
        #expect(try read(writer).count == 2)
    }

    @Test func pcapngInterfacesResolutionsOffsetsAndSimplePackets() throws {
        for bigEndian in [false, true] {
            var writer = CaptureWriter(bigEndian: bigEndian)
            writer.sectionHeader()
            writer.interface(linkType: 101)  // microseconds by default
            writer.interface(linkType: 1, resolution: 9)  // nanoseconds
            writer.interface(linkType: 276, resolution: 0x80 | 20, offsetSeconds: 100)  // 2^-20 s, +100 s
            writer.block(0x0000_0bad) { $0.u32(42) }  // a custom block to skip
            writer.enhancedPacket(interface: 0, timestamp: 1_500_000, frame: Packets.ipv4(syn))
            writer.enhancedPacket(interface: 1, timestamp: 1_500_000_001, frame: Packets.ethernet(Packets.ipv4(syn)))
            let cooked2 = Packets.be16(0x0800) + [UInt8](repeating: 0, count: 18) + Packets.ipv4(syn)
            writer.enhancedPacket(interface: 2, timestamp: 3 << 20 | 1 << 19, frame: cooked2)
            let segments = try read(writer)
            #expect(segments.map(\.time.nanoseconds) == [1_500_000_000, 1_500_000_001, 103_500_000_000])
            #expect(segments.map(\.number) == [1, 2, 3])
        }
        var simple = CaptureWriter()
        simple.sectionHeader()
        simple.interface(linkType: 101)
        simple.simplePacket(frame: Packets.ipv4(syn))
        let segments = try read(simple)
        #expect(segments.count == 1)
        #expect(segments[0].time.nanoseconds == 0)
    }

    @Test func pcapngSectionsChangeByteOrder() throws {
        var little = CaptureWriter()
        little.sectionHeader()
        little.interface(linkType: 101)
        little.enhancedPacket(interface: 0, timestamp: 1, frame: Packets.ipv4(syn))
        var big = CaptureWriter(bigEndian: true)
        big.sectionHeader()
        big.interface(linkType: 229)
        big.enhancedPacket(interface: 0, timestamp: 2, frame: Packets.ipv6(syn))
        var both = little
        both.bytes += big.bytes
        let segments = try read(both)
        #expect(segments.count == 2)
        #expect(segments[1].source.address.isIPv6)
        #expect(segments[1].time.nanoseconds == 2000)
    }

    @Test func pcapngUnsupportedInterfaceIsOtherTraffic() throws {
        var writer = CaptureWriter()
        writer.sectionHeader()
        writer.interface(linkType: 127)  // 802.11 radiotap
        writer.interface(linkType: 101)
        writer.enhancedPacket(interface: 0, timestamp: 1, frame: [1, 2, 3, 4])
        writer.enhancedPacket(interface: 1, timestamp: 2, frame: Packets.ipv4(syn))
        let reader = try CaptureReader(bytes: writer.bytes)
        #expect(try Fixtures.readAll(reader).count == 1)
        #expect(reader.recordsRead == 2)
    }

    @Test func addressesPrintTheStandardWay() {
        #expect(IPAddress("fe80:0:0:0:0:0:0:1")?.description == "fe80::1")
        #expect(IPAddress("2001:db8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1")
        #expect(IPAddress("::ffff:10.0.0.1")?.description == "::ffff:a00:1")
        #expect(IPAddress("::")?.description == "::")
        #expect(IPAddress("1.2.3") == nil)
        #expect(IPAddress("1::2::3") == nil)
        #expect(IPAddress("256.1.1.1") == nil)
    }
}
