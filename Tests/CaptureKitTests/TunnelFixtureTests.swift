import CaptureKit
import Foundation
import TCPCore
import Testing

/// The tunnel and link-type fixtures (made by `Fixtures/make-tunnel-fixtures.sh`) decode to the segments tcpdump
/// reads in the same files, each segment carrying the tunnel it came through.
@Suite struct TunnelFixtureTests {
    /// Each fixture with the tunnel its first connection came through, as listings print it.
    static let fixtures: [(name: String, tunnel: String)] = [
        ("vxlan-two-tenants", "vxlan vni 500"), ("vxlan-8472-ipv6", "vxlan vni 7"),
        ("vxlan-gpe", "vxlan vni 6002"), ("geneve", "geneve vni 6001"), ("gre", "gre key 42"), ("gretap", "gre"),
        ("ip6gre", "gre"), ("ipip", "ip4in4"), ("ip4in6", "ip4in6"), ("sit", "ip6in4"), ("ip6in6", "ip6in6"),
        ("nested", "vlan 30, gre key 9, vxlan vni 5001"), ("mpls", "mpls 100/200"), ("qinq", "vlan 10/20"),
        ("pppoe", "pppoe session 0x11"), ("ppp", ""), ("ppp-hdlc", ""), ("ppp-ether", "pppoe session 0x11"),
        ("cisco-hdlc", ""), ("ipoib", ""), ("arcnet-linux", ""), ("arcnet-bsd", ""), ("juniper-ether", ""),
        ("juniper-ppp", ""), ("juniper-chdlc", ""), ("netanalyzer", ""), ("netanalyzer-transparent", ""),
    ]

    /// tcpdump prints the time of day in UTC; the file holds the time since the epoch.
    static func timeOfDay(_ time: CaptureTime) -> Int64 { time.nanoseconds % (86_400 * 1_000_000_000) }

    /// Every fixture but the two tenants' (whose reading is split by VNI below).
    @Test(arguments: fixtures.map(\.name).filter { $0 != "vxlan-two-tenants" })
    func segmentsMatchTcpdumpsReading(_ name: String) throws {
        let decoded = try Fixtures.segments(name + ".pcap")
        let reading = try TcpdumpReading(name + ".tcpdump.txt")
        #expect(decoded.count == 10, "\(name): \(decoded.count) segments")
        #expect(decoded.map(SegmentKey.init) == reading.segments.map(SegmentKey.init), "\(name)")
        #expect(decoded.map { Self.timeOfDay($0.time) } == reading.segments.map(\.time.nanoseconds), "\(name)")
    }

    /// tcpdump's text of a tunnelled capture reads as the capture does: the inner segments, in their tunnels
    /// (tcpdump prints VLAN tags only with `-e`, so those are not in the text).
    @Test(arguments: fixtures.map(\.name))
    func tcpdumpsTextReadsLikeTheFile(_ name: String) throws {
        let decoded = try Fixtures.segments(name + ".pcap")
        let text = try Fixtures.segments(name + ".tcpdump.txt")
        #expect(text.map(SegmentKey.init) == decoded.map(SegmentKey.init), "\(name)")
        let withoutTags = decoded.map { $0.tunnel.layers.filter { $0.kind != .vlan } }
        #expect(text.map(\.tunnel.layers) == withoutTags, "\(name)")
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path(name + ".tcpdump.txt")))
        #expect(listing.connections.count == (name == "vxlan-two-tenants" ? 2 : 1), "\(name)")
    }

    @Test(arguments: fixtures)
    func firstConnectionShowsItsTunnel(_ name: String, _ tunnel: String) throws {
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path(name + ".pcap")))
        let first = try #require(listing.connections.first, "\(name)")
        #expect(tunnel.isEmpty ? first.tunnel.isEmpty : first.tunnel.description.hasPrefix(tunnel), "\(name)")
    }

    /// Two tenants run the same exchange at the same time between the same inner addresses and ports; only the
    /// VNI tells them apart.
    @Test func twoTenantsWithTheSameFourTupleStayApart() throws {
        let segments = try Fixtures.segments("vxlan-two-tenants.pcap")
        let reading = try TcpdumpReading("vxlan-two-tenants.tcpdump.txt")
        let vnis = reading.outer.map { line in line.range(of: "vni ").map { UInt32(line[$0.upperBound...]) } ?? nil }
        #expect(segments.map { $0.tunnel.layers.last?.id } == vnis)
        #expect(Set(segments.map { SocketPair($0) }).count == 1)
        for vni: UInt32 in [5001, 5002] {
            let tenant = try TcpdumpReading("vxlan-two-tenants.tcpdump.txt") { $0.hasSuffix("vni \(vni)") }
            let decoded = segments.filter { $0.tunnel == Encapsulation([TunnelLayer(.vxlan, id: vni)]) }
            #expect(decoded.count == 10)
            #expect(decoded.map(SegmentKey.init) == tenant.segments.map(SegmentKey.init), "vni \(vni)")
            #expect(decoded.map { Self.timeOfDay($0.time) } == tenant.segments.map(\.time.nanoseconds))
        }
        let tenants = segments.map { $0.tunnel.layers.last?.id }
        #expect(zip(tenants, tenants.dropFirst()).contains { $0 != $1 && $0 == tenants.first })  // interleaved

        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path("vxlan-two-tenants.pcap")))
        #expect(listing.connections.count == 2)
        #expect(Set(listing.connections.map(\.tunnel.description)) == ["vxlan vni 5001", "vxlan vni 5002"])
        for stream in 0..<2 {
            let replay = try Fixtures.replay("vxlan-two-tenants.pcap", stream: stream)
            #expect(replay.steps.count == 10)
            #expect(replay.connection.opening == .threeWayHandshake)
            #expect(replay.finalStates.a == .timeWait && replay.finalStates.b == .closed)
        }
    }

    /// Labels name hops, not connections: the two directions carry different stacks and are one connection.
    @Test func mplsLabelsDifferingByDirectionAreOneConnection() throws {
        let segments = try Fixtures.segments("mpls.pcap")
        #expect(Set(segments.map(\.tunnel.description)) == ["mpls 100/200", "mpls 300"])
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path("mpls.pcap")))
        #expect(listing.connections.count == 1)
        #expect(listing.connections[0].packets == segments.count)
    }

    @Test(arguments: ["erspan2", "erspan3"])
    func erspanMatchesTsharksReading(_ name: String) throws {
        let decoded = try Fixtures.segments(name + ".pcap")
        let reading = try TsharkReading(name + ".tshark.txt")
        #expect(decoded.count == 10)
        #expect(decoded.map(SegmentKey.init) == reading.lines.map(\.key))
        #expect(decoded.map(\.number) == reading.lines.map(\.frame))
        #expect(decoded.map { $0.tunnel.layers.last?.id } == reading.lines.map(\.session))
        #expect(decoded[0].tunnel.description == "gre, erspan session \(reading.lines[0].session)")
    }

    /// ERSPAN mirrors the same frames the gretap fixture carries: the same segments, whichever tool reads them.
    @Test func erspanCarriesTheGretapFixturesFrames() throws {
        let gretap = try Fixtures.segments("gretap.pcap").map(SegmentKey.init)
        #expect(try Fixtures.segments("erspan2.pcap").map(SegmentKey.init) == gretap)
        #expect(try Fixtures.segments("erspan3.pcap").map(SegmentKey.init) == gretap)
    }

    @Test func listingsNameTheTunnel() throws {
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path("vxlan-two-tenants.pcap")))
        // Which tenant opened first depends on the run that made the fixture; the first segment says.
        let first = try #require(Fixtures.segments("vxlan-two-tenants.pcap").first?.tunnel.layers.last?.id)
        let second = first == 5001 ? 5002 : 5001
        let text = String(decoding: ListingFormatter.text(listing, file: "vxlan-two-tenants.pcap"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[1].hasPrefix("stream  A               B              tunnel          packets     first s"))
        #expect(lines[2].hasPrefix("0       10.1.0.1:40000  10.1.0.2:7788  vxlan vni \(first)       10    0.000000"))
        #expect(lines[3].hasPrefix("1       10.1.0.1:40000  10.1.0.2:7788  vxlan vni \(second)       10"))
        let json = String(decoding: ListingFormatter.json(listing), as: UTF8.self)
        #expect(json.contains("\"B\":\"10.1.0.2:7788\",\"tunnel\":\"vxlan vni \(first)\",\"packets\":10"))

        let plain = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path("a-closes-first.pcap")))
        #expect(!String(decoding: ListingFormatter.text(plain, file: "x"), as: UTF8.self).contains("tunnel"))
        #expect(!String(decoding: ListingFormatter.json(plain), as: UTF8.self).contains("tunnel"))
    }
}

/// Both ends of a segment, in a fixed order.
struct SocketPair: Hashable {
    var low: SocketAddress
    var high: SocketAddress

    init(_ segment: CapturedSegment) {
        (low, high) =
            segment.source < segment.destination
            ? (segment.source, segment.destination) : (segment.destination, segment.source)
    }
}
