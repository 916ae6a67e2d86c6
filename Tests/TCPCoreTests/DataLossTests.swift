import TCPTutorTestSupport
import Testing

@testable import TCPCore

/// ESTABLISHED with loss: segments held beyond a gap, duplicate ACKs, fast retransmit (RFC 5681 §3.2) and the
/// FIN riding on the last data segment.
@Suite("ESTABLISHED: a lost data segment, duplicate ACKs, fast retransmit, FIN on data")
struct DataLossTests {
    /// A and B ESTABLISHED (A 101/301, B 301/101); A sends five 100-byte segments and the second is lost.
    static func secondSegmentLost(fastRetransmit: Bool) -> Harness {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(fastRetransmit: fastRetransmit))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        for _ in 0..<5 { h.call(.a, .send(100)) }
        h.deliver(.a, "P. 101:201(100) ack 301")
        h.drop(.a, "P. 201:301(100) ack 301")
        return h
    }

    @Test("Segments beyond a gap are held and each is answered with an ACK of the first missing byte")
    func segmentsBeyondAGapAreHeld() {
        var h = Self.secondSegmentLost(fastRetransmit: false)
        for (seq, end) in [(301, 401), (401, 501), (501, 601)] {
            let step = h.deliver(.a, "P. \(seq):\(end)(100) ack 301")
            #expect(step?.verdict == .outOfOrderQueued)
            #expect(step?.bytesReceived[.b] == nil, "held data is not readable yet")
        }
        #expect(h.simulation[.b].tcb!.rcvNxt == SequenceNumber(201))
        #expect(h.simulation[.b].unreadBytes == 100)
        for _ in 0..<4 { h.deliver(.b, ". 301:301(0) ack 201") }
        h.expectNothingInFlight()
    }

    @Test("Without fast retransmit, duplicate ACKs are ignored and the retransmission timer resends")
    func withoutFastRetransmitTheTimerResends() {
        var h = Self.secondSegmentLost(fastRetransmit: false)
        for (seq, end) in [(301, 401), (401, 501), (501, 601)] { h.deliver(.a, "P. \(seq):\(end)(100) ack 301") }
        h.deliver(.b, ". 301:301(0) ack 201")
        for _ in 0..<3 {
            let duplicate = h.deliver(.b, ". 301:301(0) ack 201")
            #expect(duplicate?.verdict == .duplicateAckIgnored)
            #expect(duplicate?.emitted.isEmpty == true)
        }
        #expect(h.simulation[.a].duplicateAcks == 0)
        let timeout = h.simulation.advance(by: 1_000)
        #expect(timeout.emitted.map(\.because) == [.retransmissionTimeout])
        h.deliver(.a, "P. 201:301(100) ack 301")
        h.deliver(.b, ". 301:301(0) ack 601")
    }

    @Test("The third duplicate ACK resends the missing segment at once; one ACK then covers the held segments")
    func thirdDuplicateAckFastRetransmits() {
        var h = Self.secondSegmentLost(fastRetransmit: true)
        for (seq, end) in [(301, 401), (401, 501), (501, 601)] { h.deliver(.a, "P. \(seq):\(end)(100) ack 301") }
        let first = h.deliver(.b, ". 301:301(0) ack 201")
        #expect(first?.verdict == .ackAdvancesSendUna)
        for count in 1...2 {
            let duplicate = h.deliver(.b, ". 301:301(0) ack 201")
            #expect(duplicate?.verdict == .duplicateAckCounted)
            #expect(duplicate?.emitted.isEmpty == true)
            #expect(h.simulation[.a].duplicateAcks == count)
        }
        let third = h.deliver(.b, ". 301:301(0) ack 201")
        #expect(third?.verdict == .fastRetransmit)
        #expect(third?.emitted.map(\.because) == [.fastRetransmit])
        #expect(h.simulation.now == 0, "no timer fired")
        let filled = h.deliver(.a, "P. 201:301(100) ack 301")
        #expect(filled?.bytesReceived[.b] == 400)
        h.deliver(.b, ". 301:301(0) ack 601")
        #expect(h.simulation[.a].duplicateAcks == 0)
        #expect(h.simulation[.a].unacknowledged.isEmpty && h.simulation[.a].retransmissionDeadline == nil)
        h.expectNothingInFlight()
    }

    @Test("A fourth duplicate ACK does not resend again")
    func onlyTheThirdDuplicateResends() {
        var h = Self.secondSegmentLost(fastRetransmit: true)
        h.call(.a, .send(100))
        for (seq, end) in [(301, 401), (401, 501), (501, 601), (601, 701)] {
            h.deliver(.a, "P. \(seq):\(end)(100) ack 301")
        }
        h.deliver(.b, ". 301:301(0) ack 201")
        for _ in 0..<3 { h.deliver(.b, ". 301:301(0) ack 201") }
        let fourth = h.deliver(.b, ". 301:301(0) ack 201")
        #expect(fourth?.verdict == .duplicateAckCounted)
        #expect(fourth?.emitted.isEmpty == true)
        h.deliver(.a, "P. 201:301(100) ack 301")
        h.deliver(.b, ". 301:301(0) ack 701")
    }

    @Test("An ACK that changes the window or carries data is not a duplicate")
    func windowUpdatesAndDataAreNotDuplicates() {
        var h = Self.secondSegmentLost(fastRetransmit: true)
        h.deliver(.b, ". 301:301(0) ack 201")
        for window: UInt32 in [1000, 2000, 3000] {
            let update = h.simulation.inject(
                Segment(flags: .ack, seq: SequenceNumber(301), ack: SequenceNumber(201), window: window), from: .b)
            #expect(update.verdict != .duplicateAckCounted)
        }
        for _ in 0..<3 {
            let data = h.simulation.inject(
                Segment(
                    flags: [.ack, .psh], seq: h.simulation[.a].tcb!.rcvNxt, ack: SequenceNumber(201), window: 3000,
                    payloadLength: 1),
                from: .b)
            #expect(data.verdict == .dataAcknowledged)
        }
        #expect(h.simulation[.a].duplicateAcks == 0)
    }

    @Test("CLOSE with data still queued sends FP.: the FIN follows the last byte and ack = seq + len + 1")
    func finRidesOnQueuedData() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        let more = h.call(.b, .sendMore(300))
        #expect(more.emitted.isEmpty, "MSG_MORE keeps the bytes queued")
        #expect(h.simulation[.b].queuedBytes == 300)
        let close = h.call(.b, .close)
        #expect(close.emitted.map(\.because) == [.finRidesOnData])
        h.expectStates(.established, .finWait1)
        let fin = h.deliver(.b, "FP. 301:601(300) ack 101")
        #expect(fin?.verdict == .finReceived)
        h.expectStates(.closeWait, .finWait1)
        h.deliver(.a, ". 101:101(0) ack 602")
        h.expectStates(.closeWait, .finWait2)
        #expect(h.simulation[.b].tcb!.sndNxt == SequenceNumber(602))
    }

    @Test("A SEND after MSG_MORE data sends both in one segment")
    func sendAfterMoreSendsTogether() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .sendMore(40))
        h.expectNothingInFlight()
        h.call(.a, .send(60))
        h.deliver(.a, "P. 101:201(100) ack 301")
    }
}
