import TCPTutorTestSupport
import Testing

@testable import TCPCore

/// ESTABLISHED with a real receive buffer (RFC 9293 §3.8.6): the window shrinks as unread data piles up, a zero
/// window stops the sender, the persist timer probes it (§3.8.6.1) and a read reopens it with a window update.
@Suite("ESTABLISHED with flow control: windows, a zero window, probes and the window update")
struct FlowControlTests {
    /// A (buffer 65535) connected to B (buffer 1000), both ESTABLISHED.
    static func open() -> Harness {
        var h = Harness(isnA: 100, isnB: 300)
        h.simulation = Simulation(
            a: Endpoint(
                initialSequenceNumber: SequenceNumber(100), configuration: EndpointConfiguration(receiveBuffer: 65535)),
            b: Endpoint(
                initialSequenceNumber: SequenceNumber(300),
                configuration: EndpointConfiguration(receiveWindow: 1000, receiveBuffer: 1000)))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0) win 65535")
        h.deliver(.b, "S. 300:300(0) ack 101 win 1000")
        h.deliver(.a, ". 101:101(0) ack 301 win 65535")
        return h
    }

    @Test("RCV.WND is the receive buffer from the SYN-ACK on, so SYN-RECEIVED refuses data beyond what it announced")
    func synReceivedWindowIsTheAnnouncedBuffer() {
        var b = Endpoint(
            initialSequenceNumber: SequenceNumber(300), configuration: EndpointConfiguration(receiveBuffer: 1000))
        var reaction = Reaction()
        b.call(.listen, at: 0, into: &reaction)
        b.receive(Segment(flags: .syn, seq: SequenceNumber(100)), at: 0, into: &reaction)
        #expect(reaction.sent.map(\.segment.window) == [1000])
        #expect(b.tcb?.rcvWnd == 1000)
        // The SYN-ACK announced 1000 bytes from 101; a segment at 2101 lies outside that window (§3.10.7.4, Table 6).
        reaction.clear()
        let beyond = Segment(flags: .psh, seq: SequenceNumber(2101), ack: SequenceNumber(301), payloadLength: 10)
        b.receive(beyond, at: 0, into: &reaction)
        #expect(reaction.verdict == .unacceptableSegmentAcked)
        #expect(b.state == .synReceived)
    }

    @Test("Unread data shrinks the advertised window; the sender sends no more than the window admits")
    func windowShrinksAndLimitsTheSender() {
        var h = Self.open()
        h.call(.a, .send(600))
        h.deliver(.a, "P. 101:701(600) ack 301")
        h.deliver(.b, ". 301:301(0) ack 701 win 400")
        let send = h.call(.a, .send(600))
        #expect(send.emitted.map(\.segment.payloadLength) == [400])
        #expect(h.simulation[.a].queuedBytes == 200)
        h.deliver(.a, "P. 701:1101(400) ack 301")
        h.deliver(.b, ". 301:301(0) ack 1101 win 0")
        #expect(h.simulation[.a].persistDeadline == 1_000)
    }

    @Test("A zero window is probed on the persist timer, at doubling intervals, until a read reopens it")
    func zeroWindowIsProbedThenUpdated() {
        var h = Self.open()
        h.call(.a, .send(1200))
        h.deliver(.a, "P. 101:1101(1000) ack 301")
        h.deliver(.b, ". 301:301(0) ack 1101 win 0")
        var probes: [UInt64] = []
        for _ in 0..<3 {
            let step = h.simulation.advance(by: 10_000 - h.simulation.now % 10_000)
            probes += step.firedAt
            while h.simulation.nextInFlight(from: .a) != nil {
                let probe = h.deliver(.a, ". 1100:1100(0) ack 301")
                #expect(probe?.verdict == .unacceptableSegmentAcked)
                h.deliver(.b, ". 301:301(0) ack 1101 win 0")
            }
        }
        #expect(probes == [1_000, 3_000, 7_000, 15_000, 31_000].filter { $0 <= 30_000 })
        let read = h.call(.b, .read(nil))
        #expect(read.emitted.map(\.because) == [.windowUpdate])
        h.deliver(.b, ". 301:301(0) ack 1101 win 1000")
        h.deliver(.a, "P. 1101:1301(200) ack 301")
        h.deliver(.b, ". 301:301(0) ack 1301 win 800")
        #expect(h.simulation[.a].persistDeadline == nil)
        h.expectNothingInFlight()
    }

    @Test("Data that arrives on a zero window is not taken; the receiver answers with its window")
    func dataOnAZeroWindowIsRefused() {
        var h = Self.open()
        h.call(.a, .send(1000))
        h.deliver(.a, "P. 101:1101(1000) ack 301")
        h.deliver(.b, ". 301:301(0) ack 1101 win 0")
        let forced = h.simulation.inject(
            Segment(flags: [.ack, .psh], seq: SequenceNumber(1101), ack: SequenceNumber(301), payloadLength: 10),
            from: .a)
        #expect(forced.verdict == .unacceptableSegmentAcked)
        #expect(h.simulation[.b].unreadBytes == 1000)
    }

    @Test("A CLOSE behind a closed window waits: the FIN follows the last byte once it fits")
    func finWaitsForTheWindow() {
        var h = Self.open()
        h.call(.a, .send(1200))
        h.deliver(.a, "P. 101:1101(1000) ack 301")
        h.deliver(.b, ". 301:301(0) ack 1101 win 0")
        let close = h.call(.a, .close)
        #expect(close.emitted.isEmpty)
        h.expectStates(.established, .established)
        h.call(.b, .read(nil))
        h.deliver(.b, ". 301:301(0) ack 1101 win 1000")
        h.deliver(.a, "P. 1101:1301(200) ack 301")
        h.deliver(.a, "F. 1301:1301(0) ack 301")
        h.expectStates(.finWait1, .closeWait)
    }

    @Test("Without a receive buffer nothing changes: the window stays as configured")
    func offByDefault() {
        var h = Harness.established(isnA: 100, isnB: 300)
        h.call(.a, .send(70_000))
        h.deliver(.a, "P. 101:70101(70000) ack 301")
        h.deliver(.b, ". 301:301(0) ack 70101 win 65535")
    }

    @Test("A retransmitted SYN and SYN-ACK repeat the window they were sent with: the receive buffer's")
    func retransmittedHandshakeKeepsItsWindow() {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(receiveBuffer: 1_000))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.drop(.a, "S 100:100(0)")
        let resentSyn = h.simulation.advance(by: 1_000)
        #expect(resentSyn.emitted.map { $0.segment.notation(showWindow: true) } == ["S 100:100(0) win 1000"])
        h.deliver(.a, "S 100:100(0) win 1000")
        h.drop(.b, "S. 300:300(0) ack 101")
        let resentSynAck = h.simulation.advance(by: 1_000)
        #expect(
            resentSynAck.emitted.map { $0.segment.notation(showWindow: true) } == ["S. 300:300(0) ack 101 win 1000"])
    }
}
