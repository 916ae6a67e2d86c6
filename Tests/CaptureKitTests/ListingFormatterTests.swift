import CaptureKit
import Foundation
import Testing

/// `replay --list` output: aligned text for people, JSON Lines for programs.
@Suite struct ListingFormatterTests {
    func listing(_ name: String) throws -> CaptureListing {
        try CaptureAnalysis.list(CaptureReader(path: Fixtures.path(name)))
    }

    @Test func textHasAHeaderAndOneAlignedRowPerConnection() throws {
        let text = String(
            decoding: ListingFormatter.text(try listing("two-interfaces.pcapng"), file: "x"), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "x: pcapng, 2 TCP connections, 19 TCP segments in 19 packets")
        #expect(lines[1].hasPrefix("stream  A"))
        #expect(lines[2].hasPrefix("0       10.201.0.1:60986  10.201.0.2:7788       10    0.000000    0.122814  "))
        #expect(lines[2].hasSuffix("three-way handshake  B closed first"))
        #expect(lines[3].contains("[::1]:38016"))
        // Every row starts its columns where the header does.
        let closedColumn = try #require(lines[1].range(of: "closed")).lowerBound.utf16Offset(in: lines[1])
        for row in lines[2...] {
            #expect(row.count > closedColumn)
            #expect(Array(row)[closedColumn - 1] == " ")
        }
    }

    @Test func jsonLinesParseAndAgreeWithTheSummary() throws {
        let listing = try listing("port-reuse.pcap")
        let json = String(decoding: ListingFormatter.json(listing), as: UTF8.self)
        let lines = json.split(separator: "\n")
        #expect(lines.count == 2)
        for (line, connection) in zip(lines, listing.connections) {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["kind"] as? String == "connection")
            #expect(object["stream"] as? Int == connection.stream)
            #expect(object["A"] as? String == connection.hostA.description)
            #expect(object["packets"] as? Int == connection.packets)
            #expect(object["closed"] as? String == "closed")
            #expect(object["closedBy"] as? String == "B")
            #expect(object["opened"] as? String == "threeWayHandshake")
        }
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect((second["first"] as? Double ?? 0) > 0.3)
    }

    @Test func emptyCapture() throws {
        let listing = try CaptureAnalysis.list(CaptureReader(bytes: Array("no packets here\n".utf8), name: "t"))
        #expect(
            String(decoding: ListingFormatter.text(listing, file: "t"), as: UTF8.self)
                == "t: text, 0 TCP connections, 0 TCP segments in 1 lines\n")
        #expect(ListingFormatter.json(listing).isEmpty)
    }
}
