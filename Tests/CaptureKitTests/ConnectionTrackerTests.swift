import CaptureKit
import TCPCore
import Testing

/// Splitting captures into connections and summing each up.
@Suite struct ConnectionTrackerTests {
    func only(_ name: String) throws -> ConnectionSummary {
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path(name)))
        #expect(listing.connections.count == 1)
        return try #require(listing.connections.first)
    }

    @Test func openingsAndClosings() throws {
        let cases: [(String, ConnectionOpening, ConnectionClosing)] = [
            ("a-closes-first.pcap", .threeWayHandshake, .closed(first: .a)),
            ("b-closes-first.pcap", .threeWayHandshake, .closed(first: .b)),
            ("half-close.pcap", .threeWayHandshake, .closed(first: .a)),
            ("refused.pcap", .refused, .reset(by: .b)),
            ("abort.pcap", .threeWayHandshake, .reset(by: .a)),
            ("unread-data.pcap", .threeWayHandshake, .reset(by: .b)),
            ("simultaneous-open.pcap", .simultaneousOpen, .closed(first: .a)),
            ("simultaneous-close.pcap", .threeWayHandshake, .simultaneousClose),
            ("midstream.pcap", .midstream, .closed(first: .b)),
            ("seed-handshake.txt", .threeWayHandshake, .open),
        ]
        for (name, opening, closing) in cases {
            let connection = try only(name)
            #expect(connection.opening == opening, "\(name)")
            #expect(connection.closing == closing, "\(name)")
        }
    }

    @Test func countsAndTimes() throws {
        let connection = try only("a-closes-first.pcap")
        #expect(connection.packets == 10)
        #expect(connection.packetsFromA == 6)
        #expect(connection.bytesFromA == 100)
        #expect(connection.bytesFromB == 50)
        #expect(connection.hostA.description == "10.201.0.1:3337")
        #expect(connection.firstPacket == 1 && connection.lastPacket == 10)
        #expect(connection.lastTime.seconds(since: connection.firstTime) > 0.1)
    }

    @Test func hostAIsTheFirstSynSender() {
        var tracker = ConnectionTracker()
        let client = SocketAddress(address: IPAddress("10.0.0.1")!, port: 5000)
        let server = SocketAddress(address: IPAddress("10.0.0.2")!, port: 80)
        let synAck = CapturedSegment(
            number: 1, time: CaptureTime(nanoseconds: 0), source: server, destination: client,
            segment: Segment(flags: .syn, seq: SequenceNumber(1), ack: SequenceNumber(2)))
        let (stream, sender) = tracker.record(synAck)
        #expect(stream == 0 && sender == .b)
        #expect(tracker.connections[0].hostA == client)
        let other = CapturedSegment(
            number: 2, time: CaptureTime(nanoseconds: 5), source: server,
            destination: SocketAddress(address: IPAddress("10.0.0.3")!, port: 6000),
            segment: Segment(flags: .ack, seq: SequenceNumber(1), ack: SequenceNumber(2)))
        #expect(tracker.record(other) == (1, .a))
        #expect(tracker.connections[1].opening == .midstream)
        #expect(tracker.count == 2)
    }
}
