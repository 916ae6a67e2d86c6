import TCPNotation
import TCPTutorTestSupport
import Testing

@testable import TCPCore

@Suite("Closing: FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT")
struct CloseTests {
    @Test("Four-way close, A first: TIME_WAIT on A, then CLOSED after 2 MSL (4 minutes)")
    func clientClosesFirst() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .close)
        h.expectStates(.finWait1, .established)
        h.deliver(.a, "F. 101:101(0) ack 301")
        h.expectStates(.finWait1, .closeWait)
        h.deliver(.b, ". 301:301(0) ack 102")
        h.expectStates(.finWait2, .closeWait)
        h.call(.b, .close)
        h.expectStates(.finWait2, .lastAck)
        h.deliver(.b, "F. 301:301(0) ack 102")
        h.expectStates(.timeWait, .lastAck)
        h.deliver(.a, ". 102:102(0) ack 302")
        h.expectStates(.timeWait, .closed)
        #expect(h.simulation.advance(by: 239_999).transitions.isEmpty)
        let expiry = h.simulation.advance(by: 1)
        #expect(expiry.transitions[.a]?.map(\.because) == [.timeWaitExpired])
        h.expectStates(.closed, .closed)
        h.expectNothingInFlight()
    }

    @Test("Four-way close, B first: TIME_WAIT lands on B")
    func serverClosesFirst() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.b, .close)
        h.deliver(.b, "F. 301:301(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 302")
        h.call(.a, .close)
        h.deliver(.a, "F. 101:101(0) ack 302")
        h.deliver(.b, ". 302:302(0) ack 102")
        h.expectStates(.closed, .timeWait)
    }

    @Test("Three-segment close: B closes before its delayed ACK leaves, so FIN and ACK travel together")
    func finAndAckTogether() {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(delayedAck: 200))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.call(.a, .close)
        h.deliver(.a, "F. 101:101(0) ack 301")
        h.expectNothingInFlight()
        h.call(.b, .close)
        let fin = h.deliver(.b, "F. 301:301(0) ack 102")
        let path = (fin?.transitions[.a] ?? []).map { "\($0.from)>\($0.to)" }
        #expect(path == ["FIN_WAIT_1>TIME_WAIT"])
        #expect(fin?.verdict == .finAndAckReceivedInFinWait1)
        let ack = h.simulation.advance(by: 200)
        #expect(ack.emitted.map { $0.segment.notation() } == [". 102:102(0) ack 302"])
        h.deliver(.a, ". 102:102(0) ack 302")
        h.expectStates(.timeWait, .closed)
    }

    @Test("Simultaneous close: both go FIN_WAIT_1 → CLOSING → TIME_WAIT")
    func simultaneousClose() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .close)
        h.call(.b, .close)
        h.deliver(.a, "F. 101:101(0) ack 301")
        h.deliver(.b, "F. 301:301(0) ack 101")
        h.expectStates(.closing, .closing)
        h.deliver(.b, ". 302:302(0) ack 102")
        h.deliver(.a, ". 102:102(0) ack 302")
        h.expectStates(.timeWait, .timeWait)
    }

    @Test("Half-close: the CLOSE_WAIT side keeps sending and FIN_WAIT_2 keeps acknowledging")
    func halfClose() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .shutdown)
        h.deliver(.a, "F. 101:101(0) ack 301")
        h.deliver(.b, ". 301:301(0) ack 102")
        h.expectStates(.finWait2, .closeWait)
        h.call(.b, .send(1000))
        h.deliver(.b, "P. 301:1301(1000) ack 102")
        h.deliver(.a, ". 102:102(0) ack 1301")
        #expect(h.simulation[.a].unreadBytes == 1000)
        h.call(.a, .read(nil))
        h.call(.b, .close)
        h.deliver(.b, "F. 1301:1301(0) ack 102")
        h.deliver(.a, ". 102:102(0) ack 1302")
        h.expectStates(.timeWait, .closed)
    }

    @Test("ABORT sends RST with seq = SND.NXT; the peer resets without answering")
    func abort() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .send(10))
        h.deliver(.a, "P. 101:111(10) ack 301")
        h.deliver(.b, ". 301:301(0) ack 111")
        let abort = h.call(.a, .abort)
        #expect(abort.emitted.first?.because == .abortSendsReset)
        let reset = h.deliver(.a, "R 111:111(0)")
        #expect(reset?.errors[.b] == [.connectionReset])
        h.expectStates(.closed, .closed)
        h.expectNothingInFlight()
    }

    @Test("Closing with unread data resets the connection (SHLD-3)")
    func closeWithUnreadData() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.b, .send(50))
        h.deliver(.b, "P. 301:351(50) ack 101")
        h.deliver(.a, ". 101:101(0) ack 351")
        let close = h.call(.a, .close)
        #expect(close.emitted.map { $0.segment.notation() } == ["R 101:101(0)"])
        #expect(close.emitted.first?.because == .closeWithUnreadDataResets)
        h.expectStates(.closed, .established)
    }

    @Test("A retransmitted FIN in TIME_WAIT is ACKed again and the 2 MSL timer restarts")
    func timeWaitReacksFin() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .close)
        h.deliver(.a, "F. 101:101(0) ack 301")
        h.deliver(.b, ". 301:301(0) ack 102")
        h.call(.b, .close)
        h.deliver(.b, "F. 301:301(0) ack 102")
        h.drop(.a, ". 102:102(0) ack 302")
        h.expectStates(.timeWait, .lastAck)
        // B's FIN timer fires after 1 s: the FIN comes again.
        let retransmission = h.simulation.advance(by: 1_000)
        #expect(retransmission.emitted.map { $0.segment.notation() } == ["F. 301:301(0) ack 102"])
        let again = h.deliver(.b, "F. 301:301(0) ack 102")
        #expect(again?.verdict == .timeWaitFinRetransmission)
        #expect(h.simulation[.a].timeWaitDeadline == 1_000 + 240_000)
        h.deliver(.a, ". 102:102(0) ack 302")
        h.expectStates(.timeWait, .closed)
    }

    @Test("An out-of-window segment in a synchronised state gets an empty ACK, not an RST")
    func outOfWindowGetsAck() {
        var h = Harness.established(isnA: 100, isnB: 300)
        let old = h.simulation.inject(
            Segment(flags: .psh, seq: SequenceNumber(200), ack: SequenceNumber(101), payloadLength: 10), from: .b)
        #expect(old.verdict == .unacceptableSegmentAcked)
        h.expectNext(.a, ". 101:101(0) ack 301")
        let reset = h.simulation.inject(Segment(flags: .rst, seq: SequenceNumber(100_000)), from: .b)
        #expect(reset.verdict == .unacceptableResetIgnored)
        #expect(reset.emitted.isEmpty)
        let inWindowReset = h.simulation.inject(Segment(flags: .rst, seq: SequenceNumber(305)), from: .b)
        #expect(inWindowReset.verdict == .resetChallengeAck)
        h.expectStates(.established, .established)
    }

    @Test("A segment that arrives ahead of a gap waits; the gap filled, one ACK covers both")
    func reorderedData() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .send(10))
        h.call(.a, .send(20))
        let reordered = h.simulation.reorderNext(from: .a)
        #expect(reordered)
        let early = h.deliver(.a, "P. 111:131(20) ack 301")
        #expect(early?.verdict == .outOfOrderQueued)
        h.deliver(.b, ". 301:301(0) ack 101")
        let fill = h.deliver(.a, "P. 101:111(10) ack 301")
        #expect(fill?.emitted.map { $0.segment.notation() } == [". 301:301(0) ack 131"])
        #expect(h.simulation[.b].unreadBytes == 30)
    }

    @Test("The user timeout aborts a connection whose FIN is never acknowledged")
    func userTimeout() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .close)
        var fired = 0
        for _ in 0..<12 {
            let step = h.simulation.advance(by: 60_000)
            fired += step.emitted.count
            while h.simulation.dropNext(from: .a) != nil {}
            if h.simulation[.a].state == .closed { break }
        }
        h.expectStates(.closed, .established)
        #expect(fired >= 8)
    }
}
