import TCPNotation
import TCPTutorTestSupport
import Testing

@testable import TCPCore

@Suite("Opening: CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED")
struct HandshakeTests {
    @Test("The seed's example, segment for segment")
    func seedHandshake() {
        var h = Harness()
        h.call(.b, .listen)
        h.expectStates(.closed, .listen)
        h.call(.a, .connect)
        h.expectStates(.synSent, .listen)
        let syn = h.deliver(.a, "S 3626544836:3626544836(0)")
        #expect(syn?.verdict == .listenAnswersSyn)
        h.expectStates(.synSent, .synReceived)
        h.deliver(.b, "S. 1739326486:1739326486(0) ack 3626544837")
        h.expectStates(.established, .synReceived)
        h.deliver(.a, ". 3626544837:3626544837(0) ack 1739326487")
        h.expectStates(.established, .established)
        h.expectNothingInFlight()
        let tcb = h.simulation[.a].tcb!
        #expect(tcb.sndUna == SequenceNumber(3_626_544_837) && tcb.sndNxt == SequenceNumber(3_626_544_837))
        #expect(tcb.rcvNxt == SequenceNumber(1_739_326_487) && tcb.irs == SequenceNumber(1_739_326_486))
    }

    @Test("An ISN of 4294967295 is acknowledged with 0")
    func wrapAround() {
        var h = Harness(isnA: 4_294_967_295, isnB: 4_294_967_295)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 4294967295:4294967295(0)")
        h.deliver(.b, "S. 4294967295:4294967295(0) ack 0")
        h.deliver(.a, ". 0:0(0) ack 0")
        h.expectStates(.established, .established)
        h.call(.a, .send(10))
        h.deliver(.a, "P. 0:10(10) ack 0")
        h.deliver(.b, ". 0:0(0) ack 10")
        #expect(h.simulation[.a].tcb!.sndUna == SequenceNumber(10))
    }

    @Test("Simultaneous open: six segments, each SYN-ACK repeats its side's ISN")
    func simultaneousOpen() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.a, .connect)
        h.call(.b, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S 300:300(0)")
        h.expectStates(.synReceived, .synReceived)
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, "S. 100:100(0) ack 301")
        h.expectStates(.synReceived, .synReceived)
        h.deliver(.a, ". 101:101(0) ack 301")
        h.deliver(.b, ". 301:301(0) ack 101")
        h.expectStates(.established, .established)
        h.expectNothingInFlight()
    }

    @Test("A SYN to a port with no listener gets R. with seq 0 and ack ISN+1")
    func synToClosedPort() {
        var h = Harness()
        h.call(.a, .connect)
        let step = h.deliver(.a, "S 3626544836:3626544836(0)")
        #expect(step?.verdict == .closedResetsNonAckSegment)
        h.expectNext(.b, "R. 0:0(0) ack 3626544837")
        let reset = h.deliver(.b, "R. 0:0(0) ack 3626544837")
        #expect(reset?.errors[.a] == [.connectionRefused])
        h.expectStates(.closed, .closed)
        #expect(h.simulation[.a].tcb == nil)
    }

    @Test("In SYN_SENT an RST counts only if it acknowledges our SYN")
    func resetInSynSentNeedsAck() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.a, .connect)
        h.drop(.a, "S 100:100(0)")
        let bare = h.simulation.inject(Segment(flags: .rst, seq: SequenceNumber(0)), from: .b)
        #expect(bare.verdict == .synSentDropsResetWithoutAck)
        h.expectStates(.synSent, .closed)
        let wrongAck = h.simulation.inject(
            Segment(flags: .rst, seq: SequenceNumber(0), ack: SequenceNumber(55)), from: .b)
        #expect(wrongAck.verdict == .synSentIgnoresUnacceptableAck)
        h.expectStates(.synSent, .closed)
        h.expectNothingInFlight()
    }

    @Test("A lost SYN is sent again after the retransmission timeout, then again after twice as long")
    func lostSyn() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.drop(.a, "S 100:100(0)")
        #expect(h.simulation.advance(by: 999).emitted.isEmpty)
        let first = h.simulation.advance(by: 1)
        #expect(first.emitted.map { $0.segment.notation() } == ["S 100:100(0)"])
        #expect(first.emitted.first?.because == .retransmissionTimeout)
        h.drop(.a, "S 100:100(0)")
        #expect(h.simulation.advance(by: 1_999).emitted.isEmpty)
        #expect(h.simulation.advance(by: 1).emitted.count == 1)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .established)
        #expect(h.simulation[.a].retransmissionDeadline == nil)
    }

    @Test("A lost SYN-ACK: the listener sends it again on its timer")
    func lostSynAck() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.simulation.advance(by: 500)
        h.deliver(.a, "S 100:100(0)")
        h.drop(.b, "S. 300:300(0) ack 101")
        // A's SYN timer fires first (t=1000); B answers the repeated SYN with an ACK (first check, unacceptable).
        let atOne = h.simulation.advance(by: 500)
        #expect(atOne.emitted.map { $0.segment.notation() } == ["S 100:100(0)"])
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, ". 301:301(0) ack 101")
        h.expectStates(.synSent, .synReceived)
        let atOneAndHalf = h.simulation.advance(by: 500)
        #expect(atOneAndHalf.emitted.map { $0.segment.notation() } == ["S. 300:300(0) ack 101"])
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .established)
    }

    @Test("The old duplicate SYN of RFC 9293 §3.5: reset, back to LISTEN, then the real SYN")
    func oldDuplicateSyn() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.simulation.inject(Segment(flags: .syn, seq: SequenceNumber(90)), from: .a)
        h.expectStates(.synSent, .synReceived)
        let synAck = h.deliver(.b, "S. 300:300(0) ack 91")
        #expect(synAck?.verdict == .synSentResetsBadAck)
        let reordered = h.simulation.reorderNext(from: .a)
        #expect(reordered)  // the real SYN is still on its way, behind the reset
        let reset = h.deliver(.a, "R 91:91(0)")
        #expect(reset?.verdict == .resetInSynReceivedFromPassiveOpen)
        h.expectStates(.synSent, .listen)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .established)
    }

    @Test("CLOSE in SYN_SENT sends nothing; a SYN-ACK arriving later gets R with seq = SEG.ACK")
    func closeInSynSent() {
        var h = Harness(isnA: 0, isnB: 0)
        h.call(.a, .connect)
        h.drop(.a, "S 0:0(0)")
        let close = h.call(.a, .close)
        #expect(close.emitted.isEmpty)
        h.expectStates(.closed, .closed)
        h.simulation.inject(Segment(flags: .syn, seq: SequenceNumber(0), ack: SequenceNumber(1)), from: .b)
        h.expectNext(.a, "R 1:1(0)")
    }
}

@Suite("Data queued before the connection is open")
struct QueuedDataTests {
    @Test("Data sent in SYN_SENT goes out once a simultaneous open completes, even on a segment carrying FIN")
    func queuedDataAfterSimultaneousOpen() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.a, .connect)
        h.call(.a, .send(385))
        h.call(.b, .connect)
        h.deliver(.b, "S 300:300(0)")
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.call(.b, .close)
        h.deliver(.b, "F. 301:301(0) ack 101")
        h.expectStates(.closeWait, .finWait1)
        h.drop(.a, "S. 100:100(0) ack 301")
        h.drop(.a, ". 101:101(0) ack 301")
        h.drop(.a, "P. 101:486(385) ack 301")
        h.drop(.a, ". 486:486(0) ack 302")
    }
}
