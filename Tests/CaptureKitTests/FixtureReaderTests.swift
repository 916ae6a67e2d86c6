import CaptureKit
import TCPCore
import Testing

/// The real captures read the same whatever format they were saved in.
@Suite struct FixtureReaderTests {
    @Test(arguments: [
        "a-closes-first-be.pcap", "a-closes-first.pcapng", "a-closes-first-be.pcapng", "a-closes-first.txt",
        "a-closes-first-absolute.txt",
    ])
    func sameSegmentsAsThePcap(_ name: String) throws {
        let reference = try Fixtures.segments("a-closes-first.pcap").map(SegmentKey.init)
        let other = try Fixtures.segments(name).map(SegmentKey.init)
        #expect(reference.count == 10)
        #expect(other == reference)
    }

    @Test func formatsAreRecognised() throws {
        #expect(try CaptureReader(path: Fixtures.path("a-closes-first.pcap")).format == .pcap)
        #expect(try CaptureReader(path: Fixtures.path("a-closes-first-be.pcapng")).format == .pcapng)
        #expect(try CaptureReader(path: Fixtures.path("a-closes-first.txt")).format == .text)
    }

    @Test func timesMatchAcrossByteOrdersAndFormats() throws {
        let little = try Fixtures.segments("a-closes-first.pcap").map(\.time)
        let big = try Fixtures.segments("a-closes-first-be.pcap").map(\.time)
        let pcapng = try Fixtures.segments("a-closes-first.pcapng").map(\.time)
        let epochText = try Fixtures.segments("a-closes-first-absolute.txt").map(\.time)
        #expect(little == big)
        #expect(little == pcapng)
        #expect(little == epochText)
        // tcpdump -tt prints microseconds since the epoch: a capture made this century.
        #expect(little[0].nanoseconds > 1_600_000_000 * 1_000_000_000)
    }

    @Test func nanosecondPcapKeepsNanoseconds() throws {
        let times = try Fixtures.segments("a-closes-first-nano.pcap").map(\.time.nanoseconds)
        #expect(times.count == 10)
        #expect(times.contains { $0 % 1000 != 0 })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(times.last! - times.first! < 1_000_000_000)
    }

    @Test func linkTypesAllDecode() throws {
        let loopback = SocketAddress(address: IPAddress("127.0.0.1")!, port: 7788)
        for name in ["loopback-ethernet.pcap", "loopback-sll.pcap"] {
            let segments = try Fixtures.segments(name)
            #expect(segments.count == 10, "\(name)")
            #expect(segments[0].destination == loopback, "\(name)")
            #expect(segments[0].segment.flags == .syn, "\(name)")
        }
        let cooked2 = try Fixtures.segments("loopback-ipv6-sll2.pcap")
        #expect(cooked2.count == 9)
        #expect(cooked2[0].destination == SocketAddress(address: IPAddress("::1")!, port: 7788))
        let raw = try Fixtures.segments("ipv6.pcap")
        #expect(raw[0].source.description == "[fd00:201::1]:3337")
    }

    @Test func otherTrafficIsSkipped() throws {
        // IPv6 router solicitations share the capture with the TCP segments.
        let reader = try CaptureReader(path: Fixtures.path("abort.pcap"))
        let segments = try Fixtures.readAll(reader)
        #expect(segments.count == 6)
        #expect(reader.recordsRead == 7)
        #expect(segments.map(\.number) == [1, 3, 4, 5, 6, 7])
    }

    @Test func twoInterfacesWithTheirOwnLinkTypesAndResolutions() throws {
        let segments = try Fixtures.segments("two-interfaces.pcapng")
        #expect(segments.count == 19)
        let ipv4 = segments.filter { !$0.source.address.isIPv6 }
        let ipv6 = segments.filter { $0.source.address.isIPv6 }
        #expect(ipv4.count == 10)
        #expect(ipv6.count == 9)
        // Both captures were made within a minute: a misread resolution would put them far apart.
        let gap = ipv6[0].time.nanoseconds - ipv4[0].time.nanoseconds
        #expect(gap > 0 && gap < 60_000_000_000)
        #expect(ipv6.contains { $0.time.nanoseconds % 1000 != 0 })
    }

    @Test func verboseTextWithChecksumsAndOptions() throws {
        let reference = try Fixtures.segments("ipv6.pcap").map(SegmentKey.init)
        let verbose = try Fixtures.segments("ipv6-verbose.txt").map(SegmentKey.init)
        #expect(verbose == reference)
    }

    @Test func linkHeaderTextAndDateStamps() throws {
        let reference = try Fixtures.segments("loopback-ethernet.pcap").map(SegmentKey.init)
        #expect(try Fixtures.segments("loopback-ethernet-e.txt").map(SegmentKey.init) == reference)
        let dated = try Fixtures.segments("simultaneous-close.txt")
        #expect(dated.map(SegmentKey.init) == (try Fixtures.segments("simultaneous-close.pcap").map(SegmentKey.init)))
        #expect(dated.map(\.time) == (try Fixtures.segments("simultaneous-close.pcap").map(\.time)))
    }

    @Test func theSeedsOwnExample() throws {
        let segments = try Fixtures.segments("seed-handshake.txt")
        #expect(segments.count == 3)
        #expect(segments[0].segment == Segment(flags: .syn, seq: SequenceNumber(3_626_544_836)))
        #expect(segments[1].segment.flags == [.syn, .ack])
        #expect(segments[1].segment.ack == SequenceNumber(3_626_544_837))
        // The third line is only `ack 1739326487`: its seq is where A's SYN left off.
        #expect(segments[2].segment.flags == .ack)
        #expect(segments[2].segment.seq == SequenceNumber(3_626_544_837))
        #expect(segments[2].segment.ack == SequenceNumber(1_739_326_487))
        #expect(segments[0].source.description == "192.168.1.116:3337")
    }
}
