import CaptureKit
import TCPCore
import Testing

/// Tunnel headers cut short say where; nesting is bounded; refused link types say what is supported.
@Suite struct TunnelDamageTests {
    /// The first error reading `bytes` gives, or nil.
    func message(_ bytes: [UInt8]) -> CaptureError? {
        do {
            let reader = try CaptureReader(bytes: bytes, name: "t.pcap")
            while try reader.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    /// A pcap of a plain SYN, then `frame` (recorded with `original` bytes on the wire).
    func pcap(_ frame: [UInt8], original: Int? = nil) -> [UInt8] {
        var writer = CaptureWriter.pcap(linkType: 1)
        writer.record(seconds: 1, fraction: 0, frame: TunnelPackets.ethernet(TunnelPackets.syn))
        writer.record(seconds: 1, fraction: 1, frame: frame, original: original)
        return writer.bytes
    }

    /// Ethernet, IPv4 and UDP promise a VXLAN header and a frame; the capture holds 3 bytes of the header.
    var cutVXLAN: [UInt8] {
        let whole = TunnelPackets.ethernet(
            TunnelPackets.ipv4(
                17, TunnelPackets.udp(to: 4789, TunnelPackets.vxlan(vni: 9, Packets.ethernet(TunnelPackets.syn)))))
        return Array(whole.prefix(14 + 20 + 8 + 3))
    }

    @Test func cutShortTunnelHeaderSaysWhere() throws {
        let error = try #require(message(pcap(cutVXLAN)))
        let frameStart: Int = 24 + 16 + 54 + 16
        #expect(error.packet == 2)
        #expect(error.offset == Int64(frameStart + 42))
        #expect(
            error.description.hasPrefix(
                "t.pcap: byte \(frameStart + 42), packet 2: the VXLAN header is cut short: it needs 8 bytes from byte "
                    + "42 of the packet, but the packet ends at byte 45"))
    }

    @Test func snapLengthCutsAreNotDamage() throws {
        #expect(message(pcap(cutVXLAN, original: 200)) == nil)
        let reader = try CaptureReader(bytes: pcap(cutVXLAN, original: 200))
        #expect(try Fixtures.readAll(reader).count == 1)
    }

    /// A datagram on the VXLAN port that says it is shorter than a VXLAN header is other traffic, not damage.
    @Test func shortDatagramOnATunnelPortIsOtherTraffic() throws {
        let frame = TunnelPackets.ethernet(TunnelPackets.ipv4(17, TunnelPackets.udp(to: 4789, [1, 2, 3])))
        #expect(message(pcap(frame)) == nil)
    }

    @Test func cutShortPPPoEAndGRESayWhere() throws {
        let pppoe = TunnelPackets.ethernet(
            TunnelPackets.pppoe(session: 0x11, TunnelPackets.syn), etherType: 0x8864)
        let pppoeError = try #require(message(pcap(Array(pppoe.prefix(14 + 6 + 1)))))
        #expect(pppoeError.message.hasPrefix("the PPP header is cut short: it needs 2 bytes from byte 20"))
        #expect(pppoeError.packet == 2)
        let gre = TunnelPackets.ethernet(
            TunnelPackets.ipv4(47, TunnelPackets.gre(type: 0x0800, key: 5, TunnelPackets.syn)))
        let greError = try #require(message(pcap(Array(gre.prefix(14 + 20 + 6)))))
        #expect(greError.message.hasPrefix("the GRE header is cut short: it needs 8 bytes from byte 34"))
        #expect(greError.packet == 2)
    }

    @Test func sixteenLayersDecodeAndSeventeenAreRefused() throws {
        func tagged(_ count: Int) -> [UInt8] {
            var frame = [UInt8](repeating: 2, count: 12)
            for _ in 0..<count { frame += [0x81, 0x00, 0x00, 0x07] }
            return frame + [0x08, 0x00] + TunnelPackets.syn
        }
        var good = CaptureWriter.pcap(linkType: 1)
        good.record(seconds: 1, fraction: 0, frame: tagged(16))
        let segments = try Fixtures.readAll(CaptureReader(bytes: good.bytes))
        #expect(segments.first?.tunnel.description == "vlan " + Array(repeating: "7", count: 16).joined(separator: "/"))
        let error = try #require(message(pcap(tagged(17))))
        #expect(error.packet == 2)
        let frameStart: Int64 = 24 + 16 + 54 + 16
        let seventeenthTag: Int64 = 14 + 16 * 4  // its tag control field, after the type that announced it
        #expect(error.offset == frameStart + seventeenthTag)
        #expect(error.message.hasPrefix("more than 16 tunnels, tags or labels are nested here (vlan 7/7/"))
        #expect(error.message.hasSuffix("tcptutor looks through at most 16"))
    }

    /// IP in IP in IP ... a thousand deep ends at the limit, without recursing further.
    @Test func deepIPInIPEndsAtTheLimit() throws {
        var packet = TunnelPackets.syn
        for _ in 0..<1000 { packet = TunnelPackets.ipv4(4, packet, totalLength: 0) }
        let error = try #require(message(pcap(TunnelPackets.ethernet(packet))))
        #expect(error.message.hasPrefix("more than 16 tunnels, tags or labels are nested here (ip4in4, ip4in4,"))
    }

    @Test func pcapngDamageIsPlacedInTheFile() throws {
        var writer = CaptureWriter()
        writer.sectionHeader()
        writer.interface(linkType: 1)
        let blockStart = writer.bytes.count
        writer.enhancedPacket(interface: 0, timestamp: 1, frame: cutVXLAN)
        let error = try #require(message(writer.bytes))
        let offset: Int = blockStart + 28 + 42
        #expect(error.offset == Int64(offset))
        #expect(error.packet == 1)
    }

    @Test func refusedLinkTypeSaysWhatIsSupported() throws {
        var writer = CaptureWriter.pcap(linkType: 127)
        writer.record(seconds: 0, fraction: 0, frame: [0])
        let text = try #require(message(writer.bytes)).description
        #expect(text.contains("byte 20: link type 127 is not supported; these are: Ethernet (1), "))
        for name in ["PPP (9)", "PPP in HDLC framing (50)", "Linux IP over InfiniBand (242)", "raw IP (101, 12, 14)"] {
            #expect(text.contains(name), "\(name)")
        }
    }
}
