import TCPTutorTestSupport
import Testing

@testable import TCPCore

/// ESTABLISHED and idle: keep-alive probes (RFC 9293 §3.8.4) and a peer that no longer answers.
@Suite("ESTABLISHED, idle: keep-alive probes and a dead peer")
struct KeepAliveTests {
    static let linux = KeepAlive(idle: 7_200_000, interval: 75_000, probes: 9)

    static func idle(keepAlive: KeepAlive? = linux) -> Harness {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(keepAlive: keepAlive))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectNothingInFlight()
        return h
    }

    @Test("Keep-alives are off unless asked for (MUST-25): an idle connection sends nothing")
    func offByDefault() {
        var h = Self.idle(keepAlive: nil)
        let step = h.simulation.advance(by: 24 * 3_600_000)
        #expect(step.emitted.isEmpty)
        h.expectStates(.established, .established)
    }

    @Test("After the idle time a probe goes out with seq = SND.NXT-1; the peer answers with an ACK")
    func probeIsAnswered() {
        var h = Self.idle()
        #expect(h.simulation.advance(by: 7_199_999).emitted.isEmpty)
        let probes = h.simulation.advance(by: 1)
        #expect(probes.emitted.map(\.because) == [.keepAliveProbe, .keepAliveProbe], "both hosts probe")
        let atB = h.deliver(.a, ". 100:100(0) ack 301")
        #expect(atB?.verdict == .unacceptableSegmentAcked)
        h.deliver(.b, ". 300:300(0) ack 101")
        let answer = h.deliver(.b, ". 301:301(0) ack 101")
        #expect(answer?.emitted.isEmpty == true)
        #expect(h.simulation[.a].keepAliveProbesSent == 0)
        #expect(h.simulation[.a].keepAliveDeadline == 7_200_000 + 7_200_000)
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .established)
    }

    @Test("Nine unanswered probes, 75 s apart: the connection is reset and the application hears of a timeout")
    func deadPeerIsDetected() {
        var h = Harness(
            isnA: 100, isnB: 300, configuration: EndpointConfiguration(keepAlive: Self.linux))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.simulation.dropNext(from: .a)  // B never hears A again: B's host is gone
        var probeTimes: [UInt64] = []
        var errors: [EndpointError] = []
        while h.simulation[.a].state == .established {
            let step = h.simulation.advance(by: 5_000)
            for flight in step.emitted where flight.from == .a {
                if flight.because == .keepAliveProbe { probeTimes.append(h.simulation.now) }
            }
            errors += step.errors[.a] ?? []
            while h.simulation.dropNext(from: .a) != nil {}
            while h.simulation.dropNext(from: .b) != nil {}
        }
        #expect(probeTimes == (0..<9).map { 7_200_000 + UInt64($0) * 75_000 })
        #expect(errors == [.connectionTimedOut])
        #expect(h.simulation.now == 7_200_000 + 9 * 75_000)
        #expect(h.simulation[.a].state == .closed)
    }

    @Test("Data in flight postpones the probe: its retransmission timer watches the peer")
    func dataInFlightPostponesProbes() {
        var h = Self.idle(keepAlive: KeepAlive(idle: 10_000, interval: 1_000, probes: 3))
        h.simulation.advance(by: 9_000)
        h.call(.a, .send(10))
        h.drop(.a, "P. 101:111(10) ack 301")
        let step = h.simulation.advance(by: 1_000)
        #expect(!step.emitted.contains { $0.from == .a && $0.because == .keepAliveProbe })
    }
}
