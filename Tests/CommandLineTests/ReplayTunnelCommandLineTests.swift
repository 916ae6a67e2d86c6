import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor replay` on tunnelled captures: the listing and the replay say which tunnel a connection came
/// through, and a damaged tunnel header is refused with its packet and byte.
@Suite("Command line: replay shows tunnels")
struct ReplayTunnelCommandLineTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CaptureKitTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test("--list gives each tenant's connection its own line and tunnel")
    func listShowsTenants() throws {
        let result = try TutorProgram.run(["replay", Self.fixture("vxlan-two-tenants.pcap"), "--list"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.contains("pcap, 2 TCP connections, 20 TCP segments in ") == true)
        #expect(lines.count == 4)
        #expect(lines[1].contains("tunnel"))
        #expect(lines.dropFirst(2).filter { $0.contains("10.1.0.1:40000  10.1.0.2:7788  vxlan vni 500") }.count == 2)
    }

    @Test("the replay's first line and JSON name the tunnel; a plain capture's do not")
    func replayNamesTheTunnel() throws {
        let nested = Self.fixture("nested.pcap")
        let text = try TutorProgram.run(["replay", nested, "--format", "text"])
        #expect(text.status == 0)
        #expect(
            text.output.hasPrefix(
                "\(nested): stream 0 of 1, A 10.1.0.1:40000, B 10.1.0.2:7788 in vlan 30, gre key 9, vxlan vni 5001: "
                    + "three-way handshake, A closed first"))
        let json = try TutorProgram.run(["replay", nested, "--format", "json"])
        #expect(json.output.contains("\"B\":\"10.1.0.2:7788\",\"tunnel\":\"vlan 30, gre key 9, vxlan vni 5001\","))
        let plain = try TutorProgram.run(["replay", Self.fixture("a-closes-first.pcap"), "--format", "json"])
        #expect(!plain.output.contains("tunnel"))
    }

    @Test("a VXLAN header cut short is refused with its packet and byte")
    func cutShortTunnel() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture("geneve.pcap"))))
        // The first record, on the wire and in the file, ends 4 bytes into the Geneve header, though its IPv4
        // and UDP headers promise the whole datagram: a damaged file, not a snap length.
        let length: [UInt8] = [14 + 20 + 8 + 4, 0, 0, 0]
        bytes.replaceSubrange((24 + 8)..<(24 + 16), with: length + length)
        bytes = Array(bytes.prefix(24 + 16 + 46))
        let path = try TemporaryFolder.make("replay-tunnel").appendingPathComponent("cut.pcap").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try TutorProgram.run(["replay", path, "--list"])
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "\(path): byte 82, packet 1: the Geneve header is cut short: it needs 8 bytes from byte 42"))
    }
}
